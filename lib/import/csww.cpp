// The CSWW census (children's social work workforce) into the workforce
// model. The element names, types and code lists are those of the DfE's XSD
// (social_work_workforce_2022.xsd, as published with liia-tools): the
// tables below copy its enumerations and their documentation labels.
#include <oversight/import/csww.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/xml_reader.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "import/input_text.hpp"
#include "import/return_store.hpp"
#include "workforce/workforce_detail.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string_view>

namespace oversight {

namespace {

struct Code {
    std::string_view code;
    std::string_view label;
};

// A code list of the XSD: its type name and its enumeration.
struct CodeList {
    std::string_view type;
    const Code* codes;
    std::size_t size;
    const Code* find(std::string_view code) const {
        for (std::size_t i = 0; i < size; ++i)
            if (codes[i].code == code) return &codes[i];
        return nullptr;
    }
    std::string all() const {  // "0, 1, 2, 9"
        std::string out;
        for (std::size_t i = 0; i < size; ++i) out += (i ? ", " : "") + std::string(codes[i].code);
        return out;
    }
};

template <std::size_t N>
constexpr CodeList list(std::string_view type, const Code (&codes)[N]) {
    return {type, codes, N};
}

constexpr Code kAgency[] = {{"0", "Not an Agency Worker"}, {"1", "Agency Worker"}};
constexpr Code kGender[] = {{"0", "Not Known"}, {"1", "Male"}, {"2", "Female"}, {"9", "Not Specified"}};
constexpr Code kEthnicity[] = {
    {"WBRI", "White British"}, {"WIRI", "White Irish"}, {"WOTH", "Any Other White Background"},
    {"MWBC", "White and Black Caribbean"}, {"MWBA", "White and Black African"}, {"MWAS", "White and Asian"},
    {"MOTH", "Any Other Mixed Background"}, {"AIND", "Indian"}, {"APKN", "Pakistani"}, {"ABAN", "Bangladeshi"},
    {"AOTH", "Any Other Asian Background"}, {"BCRB", "Black Caribbean"}, {"BAFR", "Black African"},
    {"BOTH", "Any Other Black Background"}, {"CHNE", "Chinese"}, {"OOTH", "Any Other Ethnic Group"},
    {"REFU", "Declared not stated or Refused"}, {"NOBT", "Information Not Yet Obtained"}};
constexpr Code kQual[] = {{"1", "Under-graduate"}, {"2", "Post-graduate"}, {"3", "Other"}};
constexpr Code kYesNo[] = {{"0", "No"}, {"1", "Yes"}};
constexpr Code kOrgRole[] = {{"1", "Senior Manager"},      {"2", "Middle Manager"}, {"3", "First Line Manager"},
                             {"4", "Senior Practitioner"}, {"5", "Case Holder"},    {"6", "Qualified Without Cases"}};
constexpr Code kOrigin[] = {
    {"1", "Newly Qualified Social Workers"},
    {"2", "Social Worker Role in a Different Local Authority in England"},
    {"3", "Social Worker Role Outside England"},
    {"4", "Agency or Consultancy in Social Work (in England)"},
    {"5", "Other Social Work Role Non-local Authority (in England)"},
    {"6", "Other Social Care Role in Local Authority/Non-local Authority (in England)"},
    {"7", "Non-social Care Role/Any Role Outside England/No Employment/Career Break"},
    {"8", "Other"}, {"9", "Not Known"}, {"10", "Not Yet Collected"}};
constexpr Code kLeaver[] = {
    {"1", "Social Worker Role in a Different Local Authority in England"},
    {"2", "Social Worker Role Outside England"},
    {"3", "Agency or Consultancy in Social Work (in England)"},
    {"4", "Other Social Work Role Non-local Authority (in England)"},
    {"5", "Other Social Care Role in Local Authority/Non-local Authority (in England)"},
    {"6", "Non-social Care Role/Any Role Outside England/No Employment/Career Break"},
    {"7", "Other"}, {"8", "Not Known"}, {"9", "Not Yet Collected"}};
constexpr Code kReason[] = {{"1", "Resignation"}, {"2", "Voluntary Redundancy"}, {"3", "Compulsory Redundancy"},
                            {"4", "Dismissed"},   {"5", "Retired"},             {"6", "Deceased"},
                            {"7", "Moved to a Non-child and Family Social Work Role Within LA"},
                            {"8", "Other"},       {"9", "Not Known"},           {"10", "Not Yet Collected"}};
constexpr Code kAbsence[] = {{"MAT", "Maternity/Paternity leave"}, {"OTH", "Other Paid Authorised Absence"},
                             {"PUB", "Paid Absence For Public Duties"}, {"SIC", "Sick Leave"}, {"TRN", "Training"},
                             {"UNA", "Unauthorised Absence"}, {"UNP", "Unpaid Authorised Absence"}};
constexpr Code kCfkss[] = {{"1", "Assessed and Supported Year in Employment (ASYE)"}, {"2", "Frontline Practitioner"},
                           {"3", "Practice Supervisor"}, {"4", "Practice Leader"}};

// What an element's text must be (the XSD's type for it).
enum class Kind {
    code,     // one of `codes`
    flag,     // agencyworkertype: 0 or 1, nothing else used
    date,     // xs:date, and 1900..2199 (what the workforce model stores)
    fte,      // ftetype: decimal 0..1, at most 6 places
    decimal,  // twodecimalplaces / onedecimalplace (`places`), not negative
    count,    // xs:integer, not negative
    swe,      // swetype: [A-Za-z]{2}\d{10}
    text,     // xs:string
};

struct Spec {
    std::string_view name;
    Kind kind;
    bool repeats = false;  // maxOccurs unbounded
    CodeList codes = {};
    int places = 0;
};

// workertype, in the XSD's order.
const Spec kWorker[] = {
    {"AgencyWorker", Kind::flag, false, list("agencyworkertype", kAgency)},
    {"SWENo", Kind::swe},
    {"FTE", Kind::fte, false, {}, 6},
    {"PersonBirthDate", Kind::date},
    {"GenderCurrent", Kind::code, false, list("gendertype", kGender)},
    {"Ethnicity", Kind::code, false, list("ethnicitytype", kEthnicity)},
    {"QualInst", Kind::text, true},
    {"QualLevel", Kind::code, false, list("qualtype", kQual)},
    {"StepUpGrad", Kind::code, false, list("yesnotype", kYesNo)},
    {"OrgRole", Kind::code, false, list("roletype", kOrgRole)},
    {"RoleStartDate", Kind::date},
    {"StartOrigin", Kind::code, false, list("origintype", kOrigin)},
    {"RoleEndDate", Kind::date},
    {"LeaverDestination", Kind::code, false, list("leavertype", kLeaver)},
    {"ReasonLeave", Kind::code, false, list("reasontype", kReason)},
    {"FTE30", Kind::fte, false, {}, 6},
    {"Cases30", Kind::count},
    {"WorkingDaysLost", Kind::decimal, false, {}, 2},
    {"ContractWeeks", Kind::decimal, true, {}, 1},
    {"FrontlineGrad", Kind::code, false, list("yesnotype", kYesNo)},
    {"Absat30Sept", Kind::code, true, list("yesnotype", kYesNo)},
    {"ReasonAbsence", Kind::code, true, list("absencetype", kAbsence)},
    {"CFKSSstatus", Kind::code, true, list("cfksstype", kCfkss)},
};

const Spec* worker_spec(std::string_view name) {
    for (const Spec& s : kWorker)
        if (s.name == name) return &s;
    return nullptr;
}

const Date kFirstDay = Date::from_ymd(1900, 1, 1);
const Date kLastDay = Date::from_ymd(2199, 12, 31);

// A value that passed its check.
struct Value {
    std::string text;
    std::optional<Date> date;
    std::optional<double> number;
    std::optional<std::int64_t> count;
};

std::size_t places_of(const std::string& text) {
    auto dot = text.find('.');
    return dot == std::string::npos ? 0 : text.size() - dot - 1;
}

bool swe_shaped(const std::string& s) {
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    return s.size() == 12 && letter(s[0]) && letter(s[1]) &&
           std::all_of(s.begin() + 2, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool repaired(const std::string& text) { return text.find("\xEF\xBF\xBD") != std::string::npos; }

// The element's value checked against `spec`; nullopt (with an error issue
// at the element) when it is not used. Doubts are warnings.
std::optional<Value> check(const XmlNode& n, const Spec& spec) {
    Value v;
    v.text = n.text();
    const std::string name(spec.name);
    if (v.text.empty() && spec.kind != Kind::text) {
        n.report(name + " is empty; not used");
        return std::nullopt;
    }
    switch (spec.kind) {
        case Kind::code:
            if (!spec.codes.find(v.text))
                n.report(name + " " + detail::quote_input(v.text) + " is not a code of the XSD's " +
                             std::string(spec.codes.type) + " (" + spec.codes.all() + "); kept as read",
                         Severity::warning);
            break;
        case Kind::flag:
            if (!spec.codes.find(v.text)) {
                n.report(name + " " + detail::quote_input(v.text) + " is not a code of the XSD's " +
                         std::string(spec.codes.type) + " (" + spec.codes.all() + "); not used");
                return std::nullopt;
            }
            break;
        case Kind::date:
            v.date = n.date();  // records its own error
            if (!v.date) return std::nullopt;
            if (*v.date < kFirstDay || kLastDay < *v.date) {
                n.report(name + " " + v.date->iso() + " is outside 1900..2199; not used");
                return std::nullopt;
            }
            break;
        case Kind::fte:
        case Kind::decimal:
            v.number = n.decimal();
            if (!v.number) return std::nullopt;
            if (spec.kind == Kind::fte && (*v.number < 0 || *v.number > 1)) {
                n.report(name + " " + detail::quote_input(v.text) + " is outside 0..1; not used");
                return std::nullopt;
            }
            if (*v.number < 0) {
                n.report(name + " " + detail::quote_input(v.text) + " is negative; not used");
                return std::nullopt;
            }
            if (places_of(v.text) > static_cast<std::size_t>(spec.places))
                n.report(name + " " + detail::quote_input(v.text) + " has more than " + std::to_string(spec.places) +
                             " decimal places (the XSD's limit); used as it is",
                         Severity::warning);
            break;
        case Kind::count:
            v.count = n.integer();
            if (!v.count) return std::nullopt;
            if (*v.count < 0) {
                n.report(name + " " + detail::quote_input(v.text) + " is negative; not used");
                return std::nullopt;
            }
            break;
        case Kind::swe:
            if (repaired(v.text)) {
                n.report(name + " is not valid UTF-8; record not used");
                return std::nullopt;
            }
            if (!swe_shaped(v.text))
                n.report(name + " " + detail::quote_input(v.text) +
                             " is not two letters and ten digits (the XSD's swetype); used as the identity",
                         Severity::warning);
            break;
        case Kind::text:
            break;
    }
    return v;
}

class Reader {
public:
    Reader(const XmlDocument& doc, CswwData& data) : doc_(doc), data_(data) {}

    void read() {
        const XmlNode root = doc_.root();
        if (root.name() != "Message")
            throw Error(Status::parse, root.issue("").where() + ": the root element is <" + root.name() +
                                           ">, not <Message>: not a CSWW return");
        const XmlNode header = root.child("Header");
        if (header) read_header(header);
        bool vacancies = false;
        for (const XmlNode& n : root.children()) {
            const std::string name = n.name();
            if (name == "CSWWWorker") {
                worker(n);
            } else if (name == "Header") {
                if (n != header) n.report("Header appears again; not read");
            } else if (name == "LALevelVacancies") {
                if (vacancies) n.report("LALevelVacancies appears again; not read");
                else read_vacancies(n);
                vacancies = true;
            } else {
                n.report(name + " is not an element of the CSWW Message; not read");
            }
        }
        if (!vacancies) root.report("LALevelVacancies is missing (the XSD requires it)", Severity::note);
        if (data_.summary.count("workers") == 0)
            root.report("the return has no CSWWWorker record", Severity::warning);
    }

private:
    // The single child `name` of `parent` checked as `spec`; a second one is an error.
    std::optional<Value> single(const XmlNode& parent, const Spec& spec) {
        const std::vector<XmlNode> found = parent.children(spec.name);
        if (found.empty()) return std::nullopt;
        for (std::size_t i = 1; i < found.size(); ++i)
            found[i].report(std::string(spec.name) + " appears again; the first is used");
        return check(found.front(), spec);
    }

    // Children of `parent` not in `known`: errors, not read.
    static void unknown_children(const XmlNode& parent, std::initializer_list<std::string_view> known) {
        for (const XmlNode& c : parent.children()) {
            const std::string name = c.name();
            if (std::find(known.begin(), known.end(), name) == known.end())
                c.report(name + " is not an element of " + parent.name() + " in the CSWW XSD; not read");
        }
    }

    void read_header(const XmlNode& header) {
        unknown_children(header, {"CollectionDetails", "Source"});
        const XmlNode details = header.child("CollectionDetails");
        if (details) {
            unknown_children(details, {"Collection", "Year", "ReferenceDate"});
            const XmlNode collection = details.child("Collection");
            if (collection && collection.text() != "CSWW")
                throw Error(Status::parse, collection.issue("").where() + ": the collection is " +
                                               detail::quote_input(collection.text()) +
                                               ", not CSWW: not a children's social work workforce return");
            if (auto year = single(details, {"Year", Kind::count})) data_.about.year = year->count;
            if (auto day = single(details, {"ReferenceDate", Kind::date})) data_.about.reference_date = day->date;
        }
        const std::vector<XmlNode> sources = header.children("Source");
        for (const XmlNode& source : sources) {
            unknown_children(source, {"SourceLevel", "LEA", "SoftwareCode", "DateTime"});
            auto lea = single(source, {"LEA", Kind::text});
            if (!lea) {
                source.report("LEA is missing (the XSD requires it)", Severity::note);
                continue;
            }
            const bool shaped = lea->text.size() == 3 && std::all_of(lea->text.begin(), lea->text.end(),
                                                                     [](char c) { return c >= '0' && c <= '9'; });
            const XmlNode at = source.child("LEA");
            if (!shaped)
                at.report("LEA " + detail::quote_input(lea->text) + " is not a three-digit LA number", Severity::warning);
            if (data_.about.la_code.empty())
                data_.about.la_code = lea->text;
            else if (lea->text != data_.about.la_code)
                at.report("LEA " + detail::quote_input(lea->text) + " differs from the first Source's " +
                              data_.about.la_code + "; the first is used");
        }
    }

    void read_vacancies(const XmlNode& n) {
        unknown_children(n, {"NumberOfVacancies", "NoAgencyFTE", "NoAgencyHeadcount"});
        if (auto v = single(n, {"NumberOfVacancies", Kind::decimal, false, {}, 2})) data_.about.vacancies_fte = v->number;
        if (auto v = single(n, {"NoAgencyFTE", Kind::decimal, false, {}, 2})) data_.about.agency_fte = v->number;
        if (auto v = single(n, {"NoAgencyHeadcount", Kind::count})) data_.about.agency_headcount = v->count;
    }

    void worker(const XmlNode& n) {
        data_.summary.add("workers");
        CswwWorker w;
        w.file = doc_.file();
        w.line = n.line();
        w.path = n.path();
        std::map<std::string, XmlNode> first;  // element name -> its first occurrence
        std::optional<Date> birth;
        bool swe = false, agency = false, swe_refused = false;
        for (const XmlNode& c : n.children()) {
            const std::string name = c.name();
            const Spec* spec = worker_spec(name);
            if (!spec) {
                c.report(name + " is not an element of CSWWWorker in the CSWW XSD; kept as read", Severity::warning);
                w.other.emplace_back(name, c.text());
                continue;
            }
            if (!first.emplace(name, c).second && !spec->repeats) {
                c.report(name + " appears again; the first is used");
                continue;
            }
            if (name == "AgencyWorker") agency = true;  // present, read or not
            auto v = check(c, *spec);
            if (!v) {
                if (spec->kind == Kind::swe) swe_refused = true;
                continue;
            }
            if (name == "SWENo") {
                w.swe_number = v->text;
                swe = true;
            } else if (name == "AgencyWorker") {
                w.agency = v->text == "1";
            } else if (name == "FTE") {
                w.fte = v->number;
            } else if (name == "FTE30") {
                w.fte30 = v->number;
            } else if (name == "OrgRole") {
                w.org_role = v->text;
            } else if (name == "RoleStartDate") {
                w.role_start = v->date;
            } else if (name == "RoleEndDate") {
                w.role_end = v->date;
            } else if (name == "StartOrigin") {
                w.start_origin = v->text;
            } else if (name == "LeaverDestination") {
                w.leaver_destination = v->text;
            } else if (name == "ReasonLeave") {
                w.reason_leave = v->text;
            } else if (name == "Cases30") {
                w.cases30 = v->count;
            } else if (name == "CFKSSstatus") {
                w.cfkss.push_back(v->text);
            } else {
                if (name == "PersonBirthDate") birth = v->date;
                w.other.emplace_back(name, v->text);
            }
        }
        if (!swe) {
            if (!swe_refused) n.report("CSWWWorker has no SWENo; record not used");
            return;
        }
        if (!agency)
            n.report("AgencyWorker is missing (the XSD requires it); taken as 0, the council's own", Severity::warning);
        if (!first.count("QualInst")) n.report("QualInst is missing (the XSD requires one)", Severity::note);
        dates(w, first, birth);
        add(std::move(w), n);
    }

    // The checks between a record's dates.
    void dates(CswwWorker& w, const std::map<std::string, XmlNode>& at, const std::optional<Date>& birth) {
        auto node = [&](const char* name) { return at.at(name); };
        using Field = std::pair<std::optional<Date>*, const char*>;
        const Field role_dates[] = {{&w.role_start, "RoleStartDate"}, {&w.role_end, "RoleEndDate"}};
        if (birth) {
            for (const auto& [field, name] : role_dates) {
                if (*field && **field < *birth) {
                    node(name).report(std::string(name) + " " + (*field)->iso() + " is before PersonBirthDate " +
                                      birth->iso() + "; not used");
                    field->reset();
                }
            }
        }
        if (w.role_start && w.role_end && *w.role_end < *w.role_start) {
            node("RoleEndDate").report("RoleEndDate " + w.role_end->iso() + " is before RoleStartDate " +
                                       w.role_start->iso() + "; not used");
            w.role_end.reset();
        }
        if (const auto& ref = data_.about.reference_date) {
            for (const auto& [field, name] : role_dates)
                if (*field && *ref < **field)
                    node(name).report(std::string(name) + " " + (*field)->iso() + " is after the census ReferenceDate " +
                                          ref->iso(),
                                      Severity::warning);
        }
        if (!w.role_end && !at.count("RoleEndDate")) {
            for (const char* name : {"LeaverDestination", "ReasonLeave"})
                if (at.count(name))
                    node(name).report(std::string(name) + " is given but RoleEndDate is not", Severity::warning);
        }
    }

    // Adds the record, and its person if the SWENo (ignoring ASCII case, as
    // the directory compares names) is new.
    void add(CswwWorker w, const XmlNode& n) {
        const std::string key = detail::lower(w.swe_number);
        auto [it, added] = seen_.emplace(key, std::pair{n.line(), data_.people.size()});
        if (added) {
            Person p;
            p.name = w.swe_number;
            p.job_title = csww_org_role_label(w.org_role);
            p.agency = w.agency ? "agency" : "";
            data_.people.push_back(std::move(p));
            data_.summary.add("people");
        } else {
            n.report("SWENo " + detail::quote_input(w.swe_number) + " also has the record at line " +
                         std::to_string(it->second.first) + ": another record of the same person, kept",
                     Severity::note);
        }
        Appointment& a = w.appointment;
        a.person = data_.people[it->second.second].name;  // the first record's spelling
        a.role = csww_org_role(w.org_role);
        a.from = w.role_start;
        if (w.role_end) a.until = w.role_start && *w.role_end == *w.role_start ? w.role_end->add_days(1) : *w.role_end;
        if (w.agency) data_.summary.add("agency_workers");
        if (w.role_end) data_.summary.add("leavers");
        data_.workers.push_back(std::move(w));
    }

    const XmlDocument& doc_;
    CswwData& data_;
    std::map<std::string, std::pair<std::int64_t, std::size_t>> seen_;  // lower-case SWENo -> first line, person
};

CswwData read_document(const XmlDocument& doc, std::string source) {
    CswwData data;
    data.summary.importer = "csww";
    data.summary.source = std::move(source);
    for (const char* count : {"workers", "people", "agency_workers", "leavers"}) data.summary.add(count, 0);
    Reader(doc, data).read();
    data.summary.issues = doc.issues();
    return data;
}

XmlOptions options(std::string name) {
    XmlOptions o;
    o.file = std::move(name);
    o.invalid_utf8 = InvalidUtf8::replace;
    return o;
}

}  // namespace

std::string csww_org_role_label(const std::string& code) {
    const Code* c = list("roletype", kOrgRole).find(code);
    return c ? std::string(c->label) : std::string();
}

Role csww_org_role(const std::string& code) {
    if (code == "1" || code == "2") return Role::manager;
    if (code == "3") return Role::team_manager;
    if (code == "4") return Role::senior_practitioner;
    if (code == "5" || code == "6") return Role::social_worker;
    return Role::other;
}

CswwData read_csww(const std::string& path) {
    const XmlDocument doc = XmlDocument::load_file(path, options(path));
    return read_document(doc, path);
}

CswwData read_csww(const CswwFile& file) {
    const XmlDocument doc = XmlDocument::load_string(file.text, options(file.name));
    return read_document(doc, std::string());
}

ImportSummary import_csww(Store& store, const std::string& path) {
    CswwData data = read_csww(path);
    ImportSummary result = std::move(data.summary);
    for (const char* count : {"people_added", "people_updated", "appointments_added", "appointments_updated"})
        result.add(count, 0);
    // Each person's records by start (before records first), else in document order.
    std::map<std::string, std::vector<const CswwWorker*>> by_person;
    // Keyed as the directory finds people: ignoring case ("sw0000000102" is "SW0000000102").
    for (const CswwWorker& w : data.workers) by_person[detail::lower(w.swe_number)].push_back(&w);
    for (auto& [swe, list] : by_person)
        std::stable_sort(list.begin(), list.end(), [](const CswwWorker* a, const CswwWorker* b) {
            return a->role_start != b->role_start &&
                   (!a->role_start || (b->role_start && *a->role_start < *b->role_start));
        });
    detail::in_transaction(store, "importing the social work workforce census from " + path, [&] {
        for (const Person& p : data.people) {
            ImportIssue place;  // the person's first record
            if (const auto it = by_person.find(detail::lower(p.name)); it != by_person.end() && !it->second.empty()) {
                place.file = it->second.front()->file;
                place.line = it->second.front()->line;
                place.path = it->second.front()->path;
            } else {
                place.file = path;
            }
            place.message = "person " + p.name;
            detail::report_refusal(store, result, place, [&] {
                const detail::PutResult r = detail::put_person(store, p);
                if (r.added) result.add("people_added");
                else if (r.changed) result.add("people_updated");
            });
        }
        for (const auto& [key, records] : by_person)  // every record used, each person's by start
            for (const CswwWorker* w : records) {
                ImportIssue place;
                place.file = w->file;
                place.line = w->line;
                place.path = w->path;
                place.message = "appointment of " + w->swe_number;
                detail::report_refusal(store, result, place, [&] {
                    const detail::PutResult r = detail::put_appointment(store, w->appointment);
                    if (r.added) result.add("appointments_added");
                    else if (r.changed) result.add("appointments_updated");
                });
            }
    });
    return result;
}

}  // namespace oversight
