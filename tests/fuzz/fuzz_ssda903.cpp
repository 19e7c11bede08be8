// read_ssda903: an SSDA903 return (header.csv, episodes.csv, reviews.csv),
// read from memory. One input holds the three tables in that order,
// separated by a line "----" (with or without CR); a missing part (fewer
// than two separators) is an empty table.
// What is read must be storable: child ids, event and attribute values
// valid UTF-8 without NUL bytes (as the store requires), dates in 1900..2199,
// and every warning naming one of the three files and a line.
#include "fuzz.hpp"

#include <string>
#include <vector>

using namespace oversight;

namespace {

const char* const kFiles[3] = {"header.csv", "episodes.csv", "reviews.csv"};

// The input cut at separator lines "----".
std::vector<std::string_view> parts_of(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0, pos = 0;
    while (pos <= text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == "----" && parts.size() < 2) {
            parts.push_back(text.substr(start, pos - start));
            start = nl == std::string_view::npos ? text.size() : nl + 1;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

bool storable(const std::string& s) { return fuzz::is_utf8(s) && s.find('\0') == std::string::npos; }

void check_date(Date d) { fuzz::check(d.year() >= 1900 && d.year() <= 2199, "SSDA903 dates are in 1900..2199"); }

void check(const Ssda903Data& d) {
    for (const Child& c : d.children) {
        fuzz::check(storable(c.id) && !c.id.empty(), "a child id is storable", c.id);
        if (c.date_of_birth) check_date(*c.date_of_birth);
    }
    for (const Ssda903Event& e : d.events) {
        fuzz::check(storable(e.child_id), "an event's child id is storable", e.child_id);
        check_date(e.event.date);
        for (const auto& [key, value] : e.event.attributes)
            fuzz::check(storable(value), "an event attribute is storable", e.file + ":" + std::to_string(e.line));
    }
    for (const Ssda903Attribute& a : d.attributes) {
        fuzz::check(storable(a.value), "an attribute value is storable", a.key);
        check_date(a.effective_from);
    }
    for (const ImportIssue& w : d.summary.issues) {
        fuzz::check(w.file == kFiles[0] || w.file == kFiles[1] || w.file == kFiles[2], "a warning names its file");
        fuzz::check(w.line >= 1 && fuzz::is_utf8(w.message), "a warning has a line and UTF-8 text", w.message);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string_view> parts = parts_of(fuzz::text_of(data, size));
    Ssda903Files files;
    std::string* tables[3] = {&files.header, &files.episodes, &files.reviews};
    for (std::size_t i = 0; i < parts.size() && i < 3; ++i) tables[i]->assign(parts[i]);
    Ssda903Data read;
    try {
        read = read_ssda903(files);
    } catch (const Error&) {
        return 0;  // an empty table, not CSV, or a required column missing: expected
    }
    check(read);
    return 0;
}
