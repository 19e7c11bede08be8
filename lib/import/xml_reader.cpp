// The XML reader: pugixml parses; this file refuses what a statutory return
// never holds (other encodings, NUL bytes, DOCTYPEs, absurd nesting), places
// every error at line:column, and gives elements paths for issues.
#include <oversight/core/error.hpp>
#include <oversight/import/xml_reader.hpp>

#include "core/text.hpp"
#include "import/input_text.hpp"
#include "import/xml_parse.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

namespace oversight {

namespace detail {

// ---------------------------------------------------------------- parsing

LineIndex::LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (const char* p = text.data(), *end = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;)
        starts_.push_back(static_cast<std::size_t>(++p - text.data()));
}

std::int64_t LineIndex::line(std::size_t offset) const noexcept {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<std::int64_t>(it - starts_.begin());
}

std::size_t LineIndex::line_start(std::int64_t line) const noexcept {
    if (line < 1 || starts_.empty()) return 0;
    return starts_[std::min(static_cast<std::size_t>(line), starts_.size()) - 1];
}

std::string_view local_name(const char* qualified) noexcept {
    std::string_view s(qualified ? qualified : "");
    auto colon = s.rfind(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

namespace {

// "name:line:column" for a byte offset of text (columns count characters).
std::string at(const std::string& name, std::string_view text, const LineIndex& lines, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::int64_t line = lines.line(offset);
    std::int64_t column = 1;
    for (std::size_t i = lines.line_start(line); i < offset; ++i)
        column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

[[noreturn]] void refuse(const std::string& place, const std::string& what) {
    throw Error(Status::parse, place + ": " + what);
}

// The encoding named by an XML declaration at the start of text, or "".
std::string declared_encoding(std::string_view text) {
    if (text.substr(0, 5) != "<?xml") return {};
    std::string_view decl = text.substr(0, text.find("?>"));
    auto e = decl.find("encoding");
    if (e == std::string_view::npos) return {};
    auto q = decl.find_first_of("\"'", e);
    if (q == std::string_view::npos) return {};
    auto close = decl.find(decl[q], q + 1);
    if (close == std::string_view::npos) return {};
    return std::string(decl.substr(q + 1, close - q - 1));
}

// XML 1.0 [2] Char: what a character reference may name.
bool xml_char(std::uint64_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// The offset of the first numeric character reference (&#N; or &#xH;) that
// names no XML character, or npos; `ref` is set to it (cut short). pugixml
// decodes such references unchecked: a surrogate or a number past U+10FFFF
// into bytes that are not UTF-8, &#0; into a NUL that silently ends the
// text, a number past 32 bits into whatever it wraps to. Comments, CDATA
// sections and processing instructions hold no references: skipped.
std::size_t bad_char_reference(std::string_view text, std::string& ref) {
    const std::size_t npos = std::string_view::npos;
    std::size_t i = 0;
    while ((i = text.find_first_of("<&", i)) != npos) {
        if (text[i] == '<') {
            auto skip = [&](std::string_view open, std::string_view close) {
                if (text.compare(i, open.size(), open) != 0) return false;
                const std::size_t end = text.find(close, i + open.size());
                i = end == npos ? text.size() : end + close.size();
                return true;
            };
            if (!skip("<!--", "-->") && !skip("<![CDATA[", "]]>") && !skip("<?", "?>")) ++i;
            continue;
        }
        std::size_t j = i + 1;
        if (j < text.size() && text[j] == '#') {
            const bool hex = ++j < text.size() && text[j] == 'x';
            if (hex) ++j;
            std::uint64_t value = 0;
            std::size_t digits = 0;
            for (; j < text.size(); ++j, ++digits) {
                const char c = text[j];
                int d = c >= '0' && c <= '9' ? c - '0' : -1;
                if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                if (d < 0) break;
                value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + static_cast<unsigned>(d), 0x110000);
            }
            // Without digits or the ';', pugixml keeps the text as it is.
            if (digits > 0 && j < text.size() && text[j] == ';' && !xml_char(value)) {
                ref = std::string(text.substr(i, std::min<std::size_t>(j + 1 - i, 16)));
                if (j + 1 - i > 16) ref += "...";
                return i;
            }
        }
        ++i;
    }
    return npos;
}

}  // namespace

LineIndex parse_xml(pugi::xml_document& doc, std::string text, const XmlParse& how, const std::string& file,
                    std::vector<ImportIssue>& issues) {
    text.erase(0, check_input_start(text, how.name));

    LineIndex lines(text);
    if (auto nul = text.find('\0'); nul != std::string::npos)
        refuse(at(how.name, text, lines, nul), std::string(kNulByte));

    std::string encoding = lower(declared_encoding(text));
    if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii" &&
        encoding != "ascii") {
        auto high = std::find_if(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
        if (high != text.end())
            refuse(at(how.name, text, lines, static_cast<std::size_t>(high - text.begin())),
                   "the document declares encoding " + sanitize_utf8(encoding) +
                       " and holds non-ASCII text; only UTF-8 is read");
    }

    if (std::size_t bad = utf8_error_offset(text); bad != std::string::npos) {
        if (how.invalid_utf8 == InvalidUtf8::refuse)
            refuse(at(how.name, text, lines, bad), "text is not valid UTF-8; is the file saved as UTF-8?");
        // One issue per line with bad bytes, so a Latin-1 file does not
        // bury the rest; the line is enough to find them.
        std::int64_t last_line = 0;
        for (std::string_view rest(text); bad != std::string::npos;) {
            std::size_t offset = static_cast<std::size_t>(rest.data() - text.data()) + bad;
            std::int64_t line = lines.line(offset);
            if (line != last_line) {
                ImportIssue i;
                i.file = file;
                i.line = line;
                i.severity = Severity::warning;
                i.message = "text is not valid UTF-8; each ill-formed byte was replaced by U+FFFD";
                issues.push_back(std::move(i));
                last_line = line;
            }
            rest.remove_prefix(bad + 1);
            bad = utf8_error_offset(rest);
        }
        text = sanitize_utf8(text);
        lines = LineIndex(text);
    }

    std::string ref;
    if (std::size_t bad = bad_char_reference(text, ref); bad != std::string::npos)
        refuse(at(how.name, text, lines, bad),
               "not well-formed XML: the character reference " + ref + " names no XML character");

    // As a fragment, so that pugixml keeps text outside the root element
    // (otherwise silently dropped) for the walk below to refuse.
    const unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment | how.extra_flags;
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!r) {
        if (r.status == pugi::status_out_of_memory) throw Error(Status::nomem, how.name + ": out of memory");
        refuse(at(how.name, text, lines, static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0))),
               std::string("not well-formed XML: ") + r.description());
    }

    // One walk, without recursion, for what pugixml accepts and XML does
    // not (a second root element, text outside it), DOCTYPEs and depth.
    pugi::xml_node n = doc.first_child();
    std::size_t depth = 1, roots = 0;
    while (n) {
        auto offset = [&] {
            // An element's offset is its name's; its start tag is one before.
            std::ptrdiff_t o = n.offset_debug() - (n.type() == pugi::node_element ? 1 : 0);
            return static_cast<std::size_t>(std::max<std::ptrdiff_t>(o, 0));
        };
        if (n.type() == pugi::node_doctype)  // its offset is its text's, after "<!DOCTYPE "
            refuse(at(how.name, text, lines, text.rfind("<!", offset())),
                   "a DOCTYPE: refused, as returns have none (entities are never expanded)");
        if (depth == 1 && n.type() == pugi::node_element && ++roots > 1)
            refuse(at(how.name, text, lines, offset()),
                   "a second root element <" + std::string(n.name()) + ">; a document has one");
        if (depth == 1 && (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata))
            refuse(at(how.name, text, lines, offset()), "text outside the root element");
        if (n.type() == pugi::node_element && depth > how.max_depth)
            refuse(at(how.name, text, lines, offset()),
                   "elements nested deeper than " + std::to_string(how.max_depth) + " levels");
        // Names are matched by their local part, so "xs:" or ":" would be an
        // element (or attribute) without a name (Namespaces in XML: a QName
        // has a local part).
        if (n.type() == pugi::node_element) {
            if (local_name(n.name()).empty())
                refuse(at(how.name, text, lines, offset()),
                       "the element name \"" + std::string(n.name()) + "\" has no local part after its prefix");
            for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
                if (local_name(a.name()).empty())
                    refuse(at(how.name, text, lines, offset()),
                           "the attribute name \"" + std::string(a.name()) + "\" of <" + n.name() +
                               "> has no local part after its prefix");
        }
        if (n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n) n = n.next_sibling();
    }
    if (roots == 0) refuse(how.name, "no XML element: the document is empty or holds only a declaration or comments");
    return lines;
}

// ------------------------------------------------------------- the state

struct XmlState {
    std::string file;
    pugi::xml_document doc;
    LineIndex lines;
    std::vector<ImportIssue> issues;
    // Each element's 1-based place among same-named siblings, and how many
    // there are, filled one parent at a time, so paths stay cheap when a
    // return has thousands of <Child> elements.
    std::unordered_map<const void*, std::pair<std::size_t, std::size_t>> siblings;

    std::pair<std::size_t, std::size_t> place_among_siblings(pugi::xml_node n) {
        auto it = siblings.find(n.internal_object());
        if (it != siblings.end()) return it->second;
        std::unordered_map<std::string_view, std::size_t> seen;
        for (pugi::xml_node c = n.parent().first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) siblings[c.internal_object()].first = ++seen[local_name(c.name())];
        for (pugi::xml_node c = n.parent().first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) siblings[c.internal_object()].second = seen[local_name(c.name())];
        return siblings[n.internal_object()];
    }
};

}  // namespace detail

// ------------------------------------------------------------------ nodes

namespace {

pugi::xml_node node_of(void* p) { return pugi::xml_node(static_cast<pugi::xml_node_struct*>(p)); }

// [+-]?digits, the whole text.
bool plain_integer(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string XmlNode::name() const { return node_ ? std::string(detail::local_name(node_of(node_).name())) : std::string(); }

std::string XmlNode::text() const {
    std::string out;
    for (pugi::xml_node c = node_of(node_).first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return std::string(detail::trim(out));
}

XmlNode XmlNode::child(std::string_view name) const {
    for (pugi::xml_node c = node_of(node_).first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && detail::local_name(c.name()) == name)
            return XmlNode(c.internal_object(), doc_);
    return {};
}

std::vector<XmlNode> XmlNode::children(std::string_view name) const {
    std::vector<XmlNode> out;
    for (pugi::xml_node c = node_of(node_).first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && (name.empty() || detail::local_name(c.name()) == name))
            out.push_back(XmlNode(c.internal_object(), doc_));
    return out;
}

XmlNode XmlNode::parent() const {
    pugi::xml_node p = node_of(node_).parent();
    return p.type() == pugi::node_element ? XmlNode(p.internal_object(), doc_) : XmlNode();
}

std::optional<std::string> XmlNode::attribute(std::string_view name) const {
    for (pugi::xml_attribute a = node_of(node_).first_attribute(); a; a = a.next_attribute()) {
        std::string_view q(a.name());
        if (q == "xmlns" || q.substr(0, 6) == "xmlns:") continue;
        if (detail::local_name(a.name()) == name) return std::string(a.value());
    }
    return std::nullopt;
}

std::string XmlNode::path() const {
    if (!node_) return {};
    std::vector<std::string> steps;
    for (pugi::xml_node n = node_of(node_); n.type() == pugi::node_element; n = n.parent()) {
        std::string step(detail::local_name(n.name()));
        auto [index, count] = doc_->place_among_siblings(n);
        if (count > 1) step += "[" + std::to_string(index) + "]";
        steps.push_back(std::move(step));
    }
    std::string out;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) out += "/" + *it;
    return out;
}

std::int64_t XmlNode::line() const {
    if (!node_) return 0;
    std::ptrdiff_t offset = node_of(node_).offset_debug();
    return offset < 0 ? 0 : doc_->lines.line(static_cast<std::size_t>(offset));
}

ImportIssue XmlNode::issue(std::string message, Severity severity) const {
    ImportIssue i;
    if (doc_) i.file = doc_->file;
    i.line = line();
    i.path = path();
    i.severity = severity;
    i.message = std::move(message);
    return i;
}

void XmlNode::report(std::string message, Severity severity) const {
    if (doc_) doc_->issues.push_back(issue(std::move(message), severity));
}

std::optional<Date> XmlNode::date() const {
    std::string t = text();
    if (t.empty()) return std::nullopt;
    if (auto d = Date::try_parse_iso(t)) return d;
    bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                  std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
    report(detail::quote_input(t) + (shaped ? " is not a day that exists (or is before 1400)" : " is not a date (YYYY-MM-DD)"));
    return std::nullopt;
}

std::optional<std::int64_t> XmlNode::integer() const {
    std::string t = text();
    if (t.empty()) return std::nullopt;
    std::string_view digits(t);
    if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);  // from_chars takes no '+'
    std::int64_t v = 0;
    if (plain_integer(t)) {
        auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec == std::errc() && p == digits.data() + digits.size()) return v;
        report(detail::quote_input(t) + " is too large for a whole number");
        return std::nullopt;
    }
    report(detail::quote_input(t) + " is not a whole number");
    return std::nullopt;
}

std::optional<double> XmlNode::decimal() const {
    std::string t = text();
    if (t.empty()) return std::nullopt;
    // xs:decimal: [+-]digits[.digits] or [+-].digits; no exponent, inf or nan.
    std::string_view s(t);
    if (s[0] == '+' || s[0] == '-') s.remove_prefix(1);
    std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot), frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    auto digits = [](std::string_view d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!whole.empty() || !frac.empty()) {
        if (digits(whole) && digits(frac)) {
            std::string_view num(t);
            if (num[0] == '+') num.remove_prefix(1);
            double v = 0;
            auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
            if (ec == std::errc() && p == num.data() + num.size()) return v;
        }
    }
    report(detail::quote_input(t) + " is not a decimal number");
    return std::nullopt;
}

std::optional<bool> XmlNode::boolean() const {
    std::string t = text();
    if (t.empty()) return std::nullopt;
    if (t == "true" || t == "1") return true;
    if (t == "false" || t == "0") return false;
    report(detail::quote_input(t) + " is not true, false, 1 or 0");
    return std::nullopt;
}

// --------------------------------------------------------------- document

XmlDocument::XmlDocument(std::unique_ptr<detail::XmlState> state) : state_(std::move(state)) {}
XmlDocument::XmlDocument(XmlDocument&&) noexcept = default;
XmlDocument& XmlDocument::operator=(XmlDocument&&) noexcept = default;
XmlDocument::~XmlDocument() = default;

XmlDocument XmlDocument::load_string(std::string text, XmlOptions options) {
    auto state = std::make_unique<detail::XmlState>();
    state->file = options.file.empty() ? "<input>" : options.file;
    if (text.size() > options.max_bytes)
        throw Error(Status::parse, state->file + ": larger than " + std::to_string(options.max_bytes) + " bytes");
    detail::XmlParse how{state->file, options.max_depth, options.invalid_utf8, 0};
    state->lines = detail::parse_xml(state->doc, std::move(text), how, state->file, state->issues);
    return XmlDocument(std::move(state));
}

XmlDocument XmlDocument::load_file(const std::string& path, XmlOptions options) {
    if (options.file.empty()) options.file = path;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(Status::io, "cannot read " + path + ": it is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Status::io, "cannot read " + path + ": " + std::strerror(errno));
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_bytes)
        throw Error(Status::parse, options.file + ": larger than " + std::to_string(options.max_bytes) + " bytes");
    std::string text;
    if (!ec) text.reserve(static_cast<std::size_t>(size));
    // Read at most one byte past the limit: a file that grows (or a pipe)
    // cannot make us hold more than that.
    char chunk[64 * 1024];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > options.max_bytes)
            throw Error(Status::parse, options.file + ": larger than " + std::to_string(options.max_bytes) + " bytes");
    }
    if (in.bad()) throw Error(Status::io, "cannot read " + path + ": read error");
    return load_string(std::move(text), std::move(options));
}

XmlNode XmlDocument::root() const noexcept {
    return XmlNode(state_->doc.document_element().internal_object(), state_.get());
}
const std::string& XmlDocument::file() const noexcept { return state_->file; }
const std::vector<ImportIssue>& XmlDocument::issues() const noexcept { return state_->issues; }

}  // namespace oversight
