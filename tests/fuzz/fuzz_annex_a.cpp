// read_annex_a over any bytes, as an in-memory workbook named "fuzz.xlsx":
// a zip as it is (input starting "PK"), or a list of parts packed into a zip
// (xlsx_parts.hpp; README.md here), within small reader limits so that no
// input takes long. What annex_a.hpp promises of what it hands back:
//   - an error is Error(parse) naming the file;
//   - children have distinct, non-empty UTF-8 ids without NUL bytes, dates
//     of birth in 1900..2199;
//   - every event, attribute and allocation is of a listed child; events are
//     of the documented types, one per (child, type, date), dated in
//     1900..2199 and not after today, attribute keys [a-z_] with non-empty
//     UTF-8 values; attributes have the documented keys, non-empty values,
//     and a date except in List 9; allocations a worker name that is folded
//     (no no-break space, no run of spaces, trimmed), a date except in List 9;
//   - every place is a list 1..11 and a cell of its sheet;
//   - counts match what is handed back; every issue names the file and says
//     what in UTF-8.
#include "fuzz.hpp"
#include "xlsx_parts.hpp"

#include <set>
#include <string>
#include <tuple>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.xlsx";

bool storable(const std::string& s) { return fuzz::is_utf8(s) && s.find('\0') == std::string::npos; }

void check_date(Date d, const char* what) {
    fuzz::check(d.year() >= 1900 && d.year() <= 2199, what, d.iso());
}

void check_place(const AnnexAPlace& p) {
    fuzz::check(p.list >= 1 && p.list <= 11, "a place is in list 1..11", p.cell);
    fuzz::check(p.cell.rfind(p.sheet + "!", 0) == 0 && p.row >= 1, "a place is a cell of its sheet", p.cell);
}

bool folded(const std::string& s) {
    return !s.empty() && s.front() != ' ' && s.back() != ' ' && s.find("  ") == std::string::npos &&
           s.find("\xC2\xA0") == std::string::npos;
}

void check(const AnnexAData& d) {
    static const std::set<std::string> kEvents = {
        "referral", "assessment_completed", "s47_strategy_discussion", "icpc", "visit", "cp_review", "cp_plan_ended",
        "became_looked_after", "placement_start", "review", "health_assessment", "ceased_looked_after"};
    static const std::set<std::string> kAttributes = {
        "primary_need", "cin_case_status", "cp_category", "placement_type", "legal_status",
        "leaving_care_eligibility", "accommodation", "accommodation_suitable", "activity"};
    const Date today = Date::today();

    std::set<std::string> children;
    for (const Child& c : d.children) {
        fuzz::check(storable(c.id) && !c.id.empty(), "a child id is storable", c.id);
        fuzz::check(children.insert(c.id).second, "a child is listed once", c.id);
        if (c.date_of_birth) check_date(*c.date_of_birth, "a date of birth is in 1900..2199");
    }
    std::set<std::tuple<std::string, std::string, Date>> events;
    for (const AnnexAEvent& e : d.events) {
        fuzz::check(children.count(e.child_id) == 1, "an event's child is listed", e.child_id);
        fuzz::check(kEvents.count(e.event.type) == 1, "an event type is documented", e.event.type);
        fuzz::check(events.emplace(e.child_id, e.event.type, e.event.date).second, "one event per child, type, date");
        check_date(e.event.date, "an event date is in 1900..2199");
        fuzz::check(!(today < e.event.date), "no event after today", e.event.date.iso());
        for (const auto& [k, v] : e.event.attributes) {
            fuzz::check(!k.empty() && k.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos,
                        "an event attribute key is [a-z_]", k);
            fuzz::check(storable(v) && !v.empty(), "an event attribute value is storable", v);
        }
        check_place(e.place);
    }
    for (const AnnexAAttribute& a : d.attributes) {
        fuzz::check(children.count(a.child_id) == 1, "an attribute's child is listed", a.child_id);
        fuzz::check(kAttributes.count(a.key) == 1, "an attribute key is documented", a.key);
        fuzz::check(storable(a.value) && !a.value.empty(), "an attribute value is storable", a.value);
        fuzz::check(a.effective_from.has_value() == (a.place.list != 9), "attributes are dated except in List 9");
        if (a.effective_from) check_date(*a.effective_from, "an attribute date is in 1900..2199");
        check_place(a.place);
    }
    for (const AnnexAAllocation& a : d.allocations) {
        fuzz::check(children.count(a.child_id) == 1, "an allocation's child is listed", a.child_id);
        fuzz::check(storable(a.worker) && folded(a.worker), "a worker's name is storable and folded", a.worker);
        fuzz::check(storable(a.team) && (a.team.empty() || folded(a.team)), "a team's name is storable and folded",
                    a.team);
        fuzz::check(a.from.has_value() == (a.place.list != 9), "allocations are dated except in List 9");
        if (a.from) {
            check_date(*a.from, "an allocation date is in 1900..2199");
            fuzz::check(!(today < *a.from), "no allocation from after today", a.from->iso());
        }
        check_place(a.place);
    }
    fuzz::check(d.summary.importer == "annex-a" && d.summary.source.empty(), "importer annex-a, no source");
    fuzz::check(d.summary.count("children") == static_cast<std::int64_t>(d.children.size()), "children counted");
    fuzz::check(d.summary.count("events") == static_cast<std::int64_t>(d.events.size()), "events counted");
    fuzz::check(d.summary.count("attributes") == static_cast<std::int64_t>(d.attributes.size()), "attributes counted");
    fuzz::check(d.summary.count("allocations") == static_cast<std::int64_t>(d.allocations.size()),
                "allocations counted");
    for (const ImportIssue& i : d.summary.issues) {
        fuzz::check(i.file == kFile, "an issue names the file", i.where());
        fuzz::check(fuzz::is_utf8(i.message) && !i.message.empty(), "an issue says what in UTF-8", i.message);
        fuzz::check(fuzz::is_utf8(i.path) && fuzz::is_utf8(i.column_name), "an issue's place is UTF-8", i.path);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    AnnexAWorkbook wb;
    wb.name = kFile;
    wb.bytes = text.substr(0, 2) == "PK" ? std::string(text) : fuzz::zip_of(fuzz::parts_of(text));
    wb.limits.max_part_bytes = 4u << 20;
    wb.limits.max_cells = 1u << 18;
    AnnexAData read;
    try {
        read = read_annex_a(wb);
    } catch (const Error& e) {
        const std::string what = e.what();
        fuzz::check(e.code() == Status::parse || e.code() == Status::nomem, "an Annex A error is a parse error", what);
        fuzz::check(what.rfind(std::string(kFile) + ":", 0) == 0, "an Annex A error names the file", what);
        return 0;
    }
    check(read);
    return 0;
}
