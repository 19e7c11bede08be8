// parse_audit_scale and parse_audit_cycle: a grading scale as a programme
// gives it ("ofsted", "two_point", "a, b | c, d") and an audit cycle. A
// scale read has 2..10 distinct grades of [a-z0-9_], at least one on each
// side of '|', and to_string reads back to the same scale; only
// Error(parse) is thrown. A cycle is positive and never in school units.
#include "fuzz.hpp"

#include <set>

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    try {
        const AuditScale s = parse_audit_scale(text);
        fuzz::check(s.grades.size() >= 2 && s.grades.size() <= 10, "a scale has 2 to 10 grades");
        fuzz::check(s.positive >= 1 && s.positive < static_cast<int>(s.grades.size()),
                    "a scale has a grade on each side of '|'");
        fuzz::check(std::set<std::string>(s.grades.begin(), s.grades.end()).size() == s.grades.size(),
                    "grades are distinct");
        for (const std::string& g : s.grades) {
            for (char c : g)
                fuzz::check((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_', "a grade is [a-z0-9_]", g);
            fuzz::check(checked_grade(s, g) == g, "each grade is on its scale", g);
        }
        fuzz::check(parse_audit_scale(to_string(s)) == s, "parse_audit_scale(to_string(s)) == s", to_string(s));
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a bad scale is Error(parse)", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
    }
    try {
        if (const auto d = parse_audit_cycle(text)) {
            fuzz::check(d->count > 0, "a cycle is positive");
            fuzz::check(d->unit != Unit::school_days && d->unit != Unit::school_terms, "a cycle is not in school units");
        }
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a bad cycle is Error(parse)", e.what());
    }
    return 0;
}
