// read_csww over any bytes, as a CSWW return named "fuzz.xml" held in
// memory. What csww.hpp promises of what it hands back:
//   - an error is Error(parse) naming the file;
//   - every record has a SWE number that is UTF-8, has no NUL byte and was
//     not repaired (no U+FFFD), and a person of that number (ignoring ASCII
//     case) is listed once;
//   - a record's appointment is its person, its OrgRole's role, from its
//     RoleStartDate, until its RoleEndDate (the day after a same-day start);
//     dates in 1900..2199, never an end before the start;
//   - FTE and FTE30 in 0..1, Cases30 not negative;
//   - counts: workers >= records used, people = people listed,
//     agency_workers and leavers = the records so flagged;
//   - every issue names the file and a line, says what in UTF-8.
#include "fuzz.hpp"

#include <set>
#include <string>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.xml";

bool storable(const std::string& s) { return fuzz::is_utf8(s) && s.find('\0') == std::string::npos; }

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

void check_date(const std::optional<Date>& d) {
    if (d) fuzz::check(d->year() >= 1900 && d->year() <= 2199, "CSWW dates are in 1900..2199", d->iso());
}

void check(const CswwData& d) {
    std::set<std::string> people;
    for (const Person& p : d.people) {
        fuzz::check(storable(p.name) && !p.name.empty(), "a person's name is storable", p.name);
        fuzz::check(people.insert(lower(p.name)).second, "a person is listed once", p.name);
        fuzz::check(p.agency.empty() || p.agency == "agency", "agency is \"agency\" or \"\"", p.agency);
        bool label = p.job_title.empty();
        for (const char* code : {"1", "2", "3", "4", "5", "6"}) label = label || p.job_title == csww_org_role_label(code);
        fuzz::check(label, "a job title is an OrgRole label", p.job_title);
    }
    fuzz::check(d.summary.count("people") == static_cast<std::int64_t>(d.people.size()), "people counted");
    fuzz::check(d.summary.count("workers") >= static_cast<std::int64_t>(d.workers.size()), "workers counted");
    std::int64_t agency = 0, leavers = 0;
    for (const CswwWorker& w : d.workers) {
        fuzz::check(storable(w.swe_number) && !w.swe_number.empty(), "a SWE number is storable", w.swe_number);
        fuzz::check(w.swe_number.find("\xEF\xBF\xBD") == std::string::npos, "a repaired SWE number is not used",
                    w.swe_number);
        fuzz::check(people.count(lower(w.swe_number)) == 1, "a record's person is listed", w.swe_number);
        const Appointment& a = w.appointment;
        fuzz::check(lower(a.person) == lower(w.swe_number), "the appointment is the record's person", a.person);
        fuzz::check(a.role == csww_org_role(w.org_role), "the role is OrgRole's", w.org_role);
        fuzz::check(a.from == w.role_start, "the appointment starts on RoleStartDate");
        check_date(w.role_start);
        check_date(w.role_end);
        if (w.role_end) {
            fuzz::check(a.until.has_value(), "a leaver's appointment ends");
            fuzz::check(!w.role_start || !(*w.role_end < *w.role_start), "no role ends before it starts");
            fuzz::check(!a.from || *a.from < *a.until, "an appointment ends after it starts");
            ++leavers;
        } else {
            fuzz::check(!a.until, "an appointment without RoleEndDate is open");
        }
        for (const auto& f : {w.fte, w.fte30})
            if (f) fuzz::check(*f >= 0 && *f <= 1, "FTE is in 0..1");
        if (w.cases30) fuzz::check(*w.cases30 >= 0, "Cases30 is not negative");
        agency += w.agency;
        for (const auto& [name, value] : w.other)
            fuzz::check(fuzz::is_utf8(name) && fuzz::is_utf8(value), "other elements are UTF-8", name);
        fuzz::check(w.file == kFile && w.line >= 1, "a record names its place", w.path);
    }
    fuzz::check(d.summary.count("agency_workers") == agency, "agency workers counted");
    fuzz::check(d.summary.count("leavers") == leavers, "leavers counted");
    fuzz::check(d.summary.importer == "csww" && d.summary.source.empty(), "importer csww, no source");
    for (const ImportIssue& i : d.summary.issues) {
        fuzz::check(i.file == kFile && i.line >= 1, "an issue names the file and a line", i.where());
        fuzz::check(fuzz::is_utf8(i.message) && !i.message.empty(), "an issue says what in UTF-8", i.message);
        fuzz::check(fuzz::is_utf8(i.path), "an issue's path is UTF-8", i.path);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    CswwFile file;
    file.name = kFile;
    file.text.assign(fuzz::text_of(data, size));
    CswwData read;
    try {
        read = read_csww(file);
    } catch (const Error& e) {
        const std::string what = e.what();
        fuzz::check(e.code() == Status::parse || e.code() == Status::nomem, "a CSWW error is a parse error", what);
        fuzz::check(what.rfind(std::string(kFile) + ":", 0) == 0, "a CSWW error names the file", what);
        return 0;
    }
    check(read);
    return 0;
}
