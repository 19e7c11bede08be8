// XmlDocument::load_string over any bytes, then a walk of the whole tree
// (at most kMaxElements elements, in document order) calling what
// xml_reader.hpp offers on every element: name(), text(), path(), line(),
// parent(), child(), children(), attribute() and the typed getters. What
// xml_reader.hpp and import_issue.hpp promise:
//   - an error is Error(parse) naming the file, its message UTF-8;
//   - a document has a root; every path starts with "/" and the root's name,
//     is its parent's path plus one step, and names one element only;
//   - lines are 1.. the input's last line, in document order;
//   - an element has a name ("" is a null node's); names, text, attribute
//     values, paths and messages are UTF-8;
//   - a getter on empty text gives nothing and no issue; on other text it
//     gives a value (a date in 1400..9999, a finite decimal, a boolean that
//     is the text) or records exactly one error issue, placed at the element;
//   - every issue names a place (the file, and a line or a path);
//   - InvalidUtf8::replace reads what refuse reads, and reads it alike;
//   - max_depth: a document loads with max_depth = 3 exactly when no element
//     is nested deeper than that.
#include "fuzz.hpp"

#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.xml";
constexpr std::size_t kMaxElements = 5000;

struct Walk {
    std::vector<std::string> seen;  // per element: path, line, text (to compare two loads)
    std::size_t depth = 0;          // the deepest element (the root is 1)
};

std::int64_t lines_in(std::string_view text) {
    std::int64_t lines = 1;
    for (char c : text) lines += c == '\n';
    return lines;
}

void check_issue(const ImportIssue& w) {
    fuzz::check(w.file == kFile, "an issue names its file", w.where());
    fuzz::check(w.line >= 1 || !w.path.empty(), "an issue names a line or a path", w.where());
    fuzz::check(fuzz::is_utf8(w.message) && !w.message.empty(), "an issue says what in UTF-8", w.message);
    fuzz::check(fuzz::is_utf8(w.path), "an issue's path is UTF-8", w.path);
}

// Calls `get` and checks the getter contract: a value and no issue, or
// nothing and (for non-empty text) exactly one issue placed at `n`.
template <class Get>
auto getter(const XmlDocument& doc, const XmlNode& n, const std::string& text, const char* what, Get get) {
    const std::size_t before = doc.issues().size();
    auto v = get();
    const std::size_t added = doc.issues().size() - before;
    if (text.empty()) {
        fuzz::check(!v && added == 0, "a getter on empty text gives nothing and no issue", what);
    } else if (v) {
        fuzz::check(added == 0, "a getter that gives a value records no issue", what);
    } else {
        fuzz::check(added == 1, "a getter that gives nothing records one issue", what);
        const ImportIssue& w = doc.issues().back();
        check_issue(w);
        fuzz::check(w.severity == Severity::error && w.path == n.path() && w.line == n.line(),
                    "a getter's issue is an error at the element", w.where());
    }
    return v;
}

void visit(const XmlDocument& doc, const XmlNode& n, std::int64_t lines, Walk& walk) {
    const std::string name = n.name(), path = n.path(), text = n.text();
    fuzz::check(!name.empty(), "an element has a name (\"\" is a null node's)", path);
    fuzz::check(fuzz::is_utf8(name), "a name is UTF-8", name);
    fuzz::check(fuzz::is_utf8(path), "a path is UTF-8", path);
    fuzz::check(fuzz::is_utf8(text), "text is UTF-8", text);
    fuzz::check(text.find('\0') == std::string::npos, "text holds no NUL byte", path);
    fuzz::check(n.line() >= 1 && n.line() <= lines, "an element's line is in the input", path);
    for (const char* a : {"id", "r", "s", "t", "v", "a", "code", "type", "name", "xmlns", ""})
        if (auto v = n.attribute(a)) fuzz::check(fuzz::is_utf8(*v), "an attribute value is UTF-8", *v);

    if (auto d = getter(doc, n, text, "date()", [&] { return n.date(); }))
        fuzz::check(fuzz::in_range(*d), "a date is in 1400..9999", text);
    (void)getter(doc, n, text, "integer()", [&] { return n.integer(); });
    if (auto x = getter(doc, n, text, "decimal()", [&] { return n.decimal(); }))
        fuzz::check(std::isfinite(*x), "a decimal is finite", text);
    if (auto b = getter(doc, n, text, "boolean()", [&] { return n.boolean(); }))
        fuzz::check(*b == (text == "true" || text == "1"), "a boolean is its text", text);

    walk.seen.push_back(path + "@" + std::to_string(n.line()) + "=" + text);
}

Walk walk_tree(const XmlDocument& doc, std::string_view input) {
    Walk walk;
    const std::int64_t lines = lines_in(input);
    const XmlNode root = doc.root();
    fuzz::check(static_cast<bool>(root), "a document that loads has a root");
    fuzz::check(!root.parent(), "the root has no parent");
    fuzz::check(root.path() == "/" + root.name(), "the root's path is \"/\" and its name", root.path());

    std::set<std::string> paths;
    std::int64_t last_line = 0;
    // Depth-first in document order: children pushed last to first.
    std::vector<std::pair<XmlNode, std::size_t>> stack{{root, 1}};
    while (!stack.empty() && walk.seen.size() < kMaxElements) {
        const auto [n, depth] = stack.back();
        stack.pop_back();
        walk.depth = std::max(walk.depth, depth);
        const std::string path = n.path();
        fuzz::check(path.rfind(root.path(), 0) == 0, "every path starts with the root's", path);
        fuzz::check(paths.insert(path).second, "a path names one element", path);
        fuzz::check(n.line() >= last_line, "lines follow document order", path);
        last_line = n.line();
        visit(doc, n, lines, walk);

        const std::vector<XmlNode> children = n.children();
        for (std::size_t i = 0; i < children.size(); ++i) {
            const XmlNode& c = children[i];
            fuzz::check(c.parent() == n, "a child's parent is the element", c.path());
            const std::string step = path + "/" + c.name();
            const std::string cp = c.path();
            fuzz::check(cp == step || (cp.rfind(step + "[", 0) == 0 && cp.back() == ']'),
                        "a child's path is its parent's and one step", cp);
            // The first child so named is child(name), and children(name) are those so named.
            if (i < 8) {
                const std::vector<XmlNode> named = n.children(c.name());
                fuzz::check(!named.empty() && n.child(c.name()) == named.front(), "child(name) is the first so named",
                            cp);
                for (const XmlNode& m : named) fuzz::check(m.name() == c.name(), "children(name) are so named", cp);
            }
        }
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, depth + 1);
    }
    for (const ImportIssue& w : doc.issues()) check_issue(w);
    return walk;
}

void check_error(const Error& e) {
    const std::string what = e.what();
    fuzz::check(e.code() == Status::parse || e.code() == Status::nomem, "an XML error is a parse error", what);
    fuzz::check(what.rfind(std::string(kFile) + ":", 0) == 0, "an XML error names the file", what);
    fuzz::check(fuzz::is_utf8(what), "an XML error message is UTF-8", what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    XmlOptions refuse;
    refuse.file = kFile;
    XmlOptions replace = refuse;
    replace.invalid_utf8 = InvalidUtf8::replace;

    bool refused = false;
    Walk strict;
    try {
        const XmlDocument doc = XmlDocument::load_string(std::string(text), refuse);
        fuzz::check(doc.issues().empty() && doc.file() == kFile, "a document loads without issues, named");
        strict = walk_tree(doc, text);
    } catch (const Error& e) {
        check_error(e);
        refused = true;
    }

    try {
        const XmlDocument doc = XmlDocument::load_string(std::string(text), replace);
        for (const ImportIssue& w : doc.issues())
            fuzz::check(w.severity == Severity::warning && w.line >= 1, "a repair is a warning on a line", w.where());
        fuzz::check(!refused || !doc.issues().empty(), "replace reads what refuse refused only by repairing bytes");
        const Walk repaired = walk_tree(doc, text);
        if (!refused) fuzz::check(repaired.seen == strict.seen, "refuse and replace read a UTF-8 document alike");
    } catch (const Error& e) {
        check_error(e);
        fuzz::check(refused, "replace refuses only what refuse refuses", e.what());
    }

    if (!refused) {
        XmlOptions shallow = refuse;
        shallow.max_depth = 3;
        bool loaded = true;
        try {
            (void)XmlDocument::load_string(std::string(text), shallow);
        } catch (const Error& e) {
            check_error(e);
            loaded = false;
        }
        if (strict.seen.size() < kMaxElements)
            fuzz::check(loaded == (strict.depth <= 3), "max_depth refuses exactly the documents nested deeper");
    }

    // A null node answers with nothing.
    const XmlNode none;
    fuzz::check(none.name().empty() && none.path().empty() && none.text().empty() && none.line() == 0 &&
                    !none.date() && !none.integer() && !none.child("a") && none.children().empty(),
                "a null node gives nothing");
    return 0;
}
