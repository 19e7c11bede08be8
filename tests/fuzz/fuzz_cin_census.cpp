// read_cin_census over any bytes, from memory, named "fuzz.xml". What
// cin_census.hpp promises, and what the store will need of it:
//   - an error is Error(parse) (or nomem) naming the file;
//   - children: ids non-empty, UTF-8, without control characters, unique;
//     dates of birth in 1900..today;
//   - events: of a child read, of a type casework knows, dated 1900..today
//     (and not after the ReferenceDate), external_id "<child>/<type>/<date>"
//     and unique, placed at an element of <Message> in fuzz.xml;
//   - attributes: of a child read, lower-case keys, UTF-8 values without
//     control characters; a code attribute holds a code of its list; one
//     value per child, key and date;
//   - the summary: importer "cin-census", the documented counts, events
//     and attributes counted as returned; every issue names fuzz.xml, a
//     line and (but for byte repairs) a path, in UTF-8, in line order.
#include "fuzz.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.xml";

bool storable(const std::string& s) {
    if (!fuzz::is_utf8(s)) return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return true;
}

void check_date(Date d, const CinCensusData& data, const std::string& what) {
    fuzz::check(d.year() >= 1900 && d <= Date::today(), "a date is in 1900..today", what + " " + d.iso());
    if (data.reference_date) fuzz::check(d <= *data.reference_date, "a date is not after the ReferenceDate", what);
}

bool is_code(CinCodeList list, const std::string& value) {
    for (const CinCode& c : cin_census_codes(list))
        if (c.code == value) return true;
    return false;
}

void check(const CinCensusData& d) {
    std::set<std::string> children;
    for (const Child& c : d.children) {
        fuzz::check(!c.id.empty() && storable(c.id), "a child id is storable", c.id);
        fuzz::check(children.insert(c.id).second, "a child is listed once", c.id);
        if (c.date_of_birth) check_date(*c.date_of_birth, d, "date of birth");
    }
    std::set<std::string> ids;
    for (const CinCensusEvent& e : d.events) {
        fuzz::check(children.count(e.child_id) == 1, "an event's child is read", e.child_id);
        fuzz::check(is_known_event_type(e.event.type), "an event type is known", e.event.type);
        check_date(e.event.date, d, e.event.type);
        fuzz::check(e.external_id == e.child_id + "/" + e.event.type + "/" + e.event.date.iso(),
                    "external_id is child/type/date", e.external_id);
        fuzz::check(ids.insert(e.external_id).second, "an external_id is unique", e.external_id);
        fuzz::check(e.file == kFile && e.line >= 1 && e.path.rfind("/Message/", 0) == 0, "an event is placed",
                    e.path);
        for (const auto& [key, value] : e.event.attributes)
            fuzz::check(!key.empty() && storable(value), "an event attribute is storable", key);
    }
    std::set<std::tuple<std::string, std::string, Date>> keys;
    for (const CinCensusAttribute& a : d.attributes) {
        fuzz::check(children.count(a.child_id) == 1, "an attribute's child is read", a.child_id);
        fuzz::check(!a.key.empty() && a.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos,
                    "an attribute key is lower-case", a.key);
        fuzz::check(!a.value.empty() && storable(a.value), "an attribute value is storable", a.key);
        check_date(a.effective_from, d, a.key);
        fuzz::check(keys.emplace(a.child_id, a.key, a.effective_from).second, "one value per child, key and date",
                    a.key);
        const std::map<std::string, CinCodeList> lists = {{"referral_source", CinCodeList::referral_source},
                                                           {"primary_need", CinCodeList::primary_need},
                                                           {"reason_for_closure", CinCodeList::reason_for_closure},
                                                           {"category_of_abuse", CinCodeList::category_of_abuse}};
        if (auto it = lists.find(a.key); it != lists.end())
            fuzz::check(is_code(it->second, a.value), "a code attribute holds a code of its list", a.value);
        fuzz::check(a.file == kFile && a.line >= 1 && a.path.rfind("/Message/", 0) == 0, "an attribute is placed",
                    a.path);
    }
    const ImportSummary& s = d.summary;
    fuzz::check(s.importer == "cin-census" && s.source.empty(), "the summary names the importer");
    for (const char* count : {"children", "cin_details", "assessments", "cin_plans", "section47s", "cp_plans",
                              "cp_reviews", "children_used", "events", "attributes", "events_merged",
                              "unknown_elements"})
        fuzz::check(std::any_of(s.counts.begin(), s.counts.end(), [&](const auto& c) { return c.first == count; }),
                    "every documented count is present", count);
    fuzz::check(s.count("events") == static_cast<std::int64_t>(d.events.size()) &&
                    s.count("attributes") == static_cast<std::int64_t>(d.attributes.size()) &&
                    s.count("children_used") == static_cast<std::int64_t>(d.children.size()),
                "the counts are what is returned");
    fuzz::check(s.count("children_used") <= s.count("children"), "no more children used than read");
    std::int64_t last_line = 0;
    for (const ImportIssue& w : s.issues) {
        fuzz::check(w.file == kFile && w.line >= 1, "an issue names the file and a line", w.where());
        fuzz::check(!w.message.empty() && fuzz::is_utf8(w.message) && fuzz::is_utf8(w.path), "an issue is UTF-8",
                    w.message);
        fuzz::check(w.line >= last_line, "issues are in line order", w.where());
        last_line = w.line;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    CinCensusData read;
    try {
        read = read_cin_census(std::string(fuzz::text_of(data, size)), kFile);
    } catch (const Error& e) {
        const std::string what = e.what();
        fuzz::check(e.code() == Status::parse || e.code() == Status::nomem, "a CIN Census error is a parse error",
                    what);
        fuzz::check(what.rfind(std::string(kFile) + ":", 0) == 0, "a CIN Census error names the file", what);
        return 0;
    }
    check(read);
    return 0;
}
