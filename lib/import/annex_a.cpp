// Ofsted's Annex A workbook into casework. The lists, their headings and
// what each becomes are documented in annex_a.hpp; the headings here are
// the 2023 template's, as the liia-tools sample workbook writes them.
#include <oversight/import/annex_a.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/xlsx_reader.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "import/input_text.hpp"
#include "import/return_store.hpp"
#include "workforce/workforce_repository.hpp"

#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace oversight {

namespace {

// A heading for matching: ASCII letters and digits, lower case, each run of
// anything else one space ("Referral NFA?" -> "referral nfa").
std::string heading_key(std::string_view s) {
    std::string out;
    bool gap = false;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out.push_back(' ');
        gap = false;
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    return out;
}

// Text as a name or value: no-break spaces are spaces, runs of white space one space, trimmed.
std::string clean(std::string_view s) {
    std::string t(s);
    for (std::size_t at; (at = t.find("\xC2\xA0")) != std::string::npos;) t.replace(at, 2, " ");
    return detail::collapse_spaces(t);
}

// Ofsted's list letter removed: "a) Male" -> "Male", "aa) X" -> "X".
std::string without_letter(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && i < 2 && s[i] >= 'a' && s[i] <= 'z') ++i;
    if (i > 0 && i + 1 < s.size() && s[i] == ')' && s[i + 1] == ' ') return s.substr(i + 2);
    return s;
}

std::string column_letters(std::int64_t column) {
    std::string out;
    for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    return out;
}

// The sheet's list number: "List 3", "list3", "LIST 3 - Referrals" -> 3; 0 otherwise.
int list_number(const std::string& sheet) {
    const std::string key = heading_key(sheet);  // "list 3 referrals"
    if (key.rfind("list", 0) != 0) return 0;
    std::size_t i = 4;
    if (i < key.size() && key[i] == ' ') ++i;
    int n = 0;
    std::size_t digits = 0;
    while (i < key.size() && key[i] >= '0' && key[i] <= '9' && digits < 3) n = n * 10 + (key[i++] - '0'), ++digits;
    if (digits == 0 || (i < key.size() && key[i] != ' ')) return 0;
    return n >= 1 && n <= 11 ? n : 0;
}

// "DD/MM/YYYY" or "YYYY-MM-DD" (a time after a space or T ignored).
std::optional<Date> text_date(std::string t) {
    const auto cut = t.find_first_of(" T");
    if (cut != std::string::npos) t = t.substr(0, cut);
    if (auto d = Date::try_parse_iso(t)) return d;
    int d = 0, m = 0, y = 0, used = 0;
    if (t.size() < 8 || std::sscanf(t.c_str(), "%2d/%2d/%4d%n", &d, &m, &y, &used) != 3 ||
        used != static_cast<int>(t.size()) || m < 1 || m > 12 || y < 1 || d < 1 || d > Date::days_in_month(y, m))
        return std::nullopt;
    return Date::from_ymd(y, m, d);
}

const Date kFirstDay = Date::from_ymd(1900, 1, 1);
const Date kLastDay = Date::from_ymd(2199, 12, 31);

struct ListSpec {
    int number;
    const char* what;
    const char* id;                      // the identifier's heading
    const char* key_date;                // the required date, or nullptr
    std::vector<const char*> optional;   // other headings read
    bool allocations;
};

const char* const kTeam = "Allocated Team";
const char* const kWorker = "Allocated Worker";
const char* const kDob = "Date of Birth";
const char* const kId = "Child Unique ID";

const ListSpec kLists[] = {
    {1, "contacts", kId, "Date of Contact", {kDob}, false},
    {2, "early help", kId, "Assessment start date", {kDob}, false},
    {3, "referrals", kId, "Date of Referral", {kDob, "Referral Source", "Referral NFA?", kTeam, kWorker}, true},
    {4, "assessments", kId, "Continuous Assessment Start Date",
     {kDob, "Continuous Assessment Date of Authorisation", "Child Seen During Continuous Assessment",
      "Was the child assessed as requiring LA children's social care support?", kTeam, kWorker},
     true},
    {5, "section 47 enquiries", kId, "Strategy discussion initiating Section 47 Enquiry Start Date",
     {kDob, "Was an Initial Child Protection Conference deemed unnecessary?",
      "Date of Initial Child Protection Conference", kTeam, kWorker},
     true},
    {6, "children in need", kId, "CIN Start Date", {kDob, "Primary Need Code", "Case Status", kTeam, kWorker}, true},
    {7, "child protection plans", kId, "Child Protection Plan Start Date",
     {kDob, "Latest Category of Abuse", "Date of the Last Statutory Visit", "Date of latest review conference",
      "Child Protection Plan End Date", kTeam, kWorker},
     true},
    {8, "children looked after", kId, "Date Started to be Looked After",
     {kDob, "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
      "Date of Last Social Work Visit", "Date of Last Health Assessment", "Date Ceased to be Looked After",
      "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type", kTeam, kWorker},
     true},
    {9, "care leavers", kId, nullptr,
     {kDob, "Eligibility Category", "Type of Accommodation", "Suitability of Accommodation", "Activity Status", kTeam,
      kWorker},
     true},
    {10, "adoption", kId, nullptr, {kDob}, false},
    {11, "adopters", "Individual adopter identifier", nullptr, {}, false},
};

// One sheet being read: its columns by heading key, and the current row.
class Sheet {
public:
    Sheet(const ListSpec& spec, std::string name, std::string file)
        : spec(spec), name(std::move(name)), file(std::move(file)) {}

    const ListSpec& spec;
    const std::string name;
    const std::string file;
    std::map<std::string, std::pair<std::int64_t, std::string>> columns;  // key -> column, heading as written
    XlsxRow row;

    // The cell under `heading` in the current row (nullptr when the sheet has
    // no such column); an empty one if the row stops short of it, valid until
    // the next call.
    const XlsxCell* cell(const char* heading) const {
        auto it = columns.find(heading_key(heading));
        if (it == columns.end()) return nullptr;
        const auto index = static_cast<std::size_t>(it->second.first - 1);
        if (index < row.cells.size()) return &row.cells[index];
        missing_.row = row.number;
        missing_.column = it->second.first;
        missing_.ref = column_letters(it->second.first) + std::to_string(row.number);
        missing_.type = CellType::empty;
        missing_.text.clear();
        return &missing_;
    }

    ImportIssue issue(const XlsxCell& c, Severity severity, std::string message) const {
        ImportIssue i;
        i.file = file;
        i.column = c.column;
        for (const auto& [key, col] : columns)
            if (col.first == c.column) i.column_name = col.second;
        i.path = name + "!" + c.ref;
        i.severity = severity;
        i.message = std::move(message);
        return i;
    }

    AnnexAPlace place(const XlsxCell& c) const { return {spec.number, name, row.number, name + "!" + c.ref}; }

private:
    mutable XlsxCell missing_;
};

class Reader {
public:
    Reader(XlsxWorkbook& wb, AnnexAData& data) : wb_(wb), d_(data) {}

    void read() {
        std::map<int, std::string> found;
        for (const std::string& sheet : wb_.sheet_names()) {
            const int n = list_number(sheet);
            if (n == 0) continue;
            if (!found.emplace(n, sheet).second)
                sheet_issue(sheet, Severity::warning,
                            "another sheet for List " + std::to_string(n) + " (\"" + found[n] + "\" is read); not read");
        }
        if (found.empty()) {
            std::string names;
            for (const std::string& s : wb_.sheet_names()) names += (names.empty() ? "" : ", ") + detail::quote_input(s);
            throw Error(Status::parse, wb_.file() + ": no Annex A list (a sheet \"List 1\" .. \"List 11\"); sheets: " +
                                           (names.empty() ? "none" : names));
        }
        for (const ListSpec& spec : kLists) {
            auto it = found.find(spec.number);
            if (it == found.end()) {
                ImportIssue i;
                i.file = wb_.file();
                i.severity = Severity::note;
                i.message = "the workbook has no sheet List " + std::to_string(spec.number) + " (" + spec.what +
                            "); nothing read for it";
                d_.summary.issues.push_back(std::move(i));
                continue;
            }
            read_sheet(spec, it->second);
        }
        d_.summary.add("children", static_cast<std::int64_t>(d_.children.size()));
        d_.summary.add("events", static_cast<std::int64_t>(d_.events.size()));
        d_.summary.add("attributes", static_cast<std::int64_t>(d_.attributes.size()));
        d_.summary.add("allocations", static_cast<std::int64_t>(d_.allocations.size()));
    }

private:
    void sheet_issue(const std::string& sheet, Severity severity, std::string message) {
        ImportIssue i;
        i.file = wb_.file();
        i.path = sheet;
        i.severity = severity;
        i.message = std::move(message);
        d_.summary.issues.push_back(std::move(i));
    }

    // The XLSX reader's issues about the sheet, as they come.
    void take(const XlsxSheet& s, std::size_t& taken) {
        const auto& issues = s.issues();
        d_.summary.issues.insert(d_.summary.issues.end(), issues.begin() + static_cast<std::ptrdiff_t>(taken),
                                 issues.end());
        taken = issues.size();
    }

    void read_sheet(const ListSpec& spec, const std::string& name) {
        const std::string count = "list_" + std::to_string(spec.number) + "_rows";
        std::size_t taken = 0;
        try {
            XlsxSheet s = wb_.sheet(name);
            Sheet sheet(spec, name, wb_.file());
            bool header = false;
            while (s.next(sheet.row)) {
                take(s, taken);
                if (!header) {
                    if (sheet.row.number > 20) break;
                    header = read_header(sheet);
                    if (header && !columns_present(sheet)) return;
                    continue;
                }
                const bool blank = std::all_of(sheet.row.cells.begin(), sheet.row.cells.end(), [](const XlsxCell& c) {
                    return c.type == CellType::empty || (c.type == CellType::string && clean(c.text).empty());
                });
                if (blank) continue;
                d_.summary.add(count);
                read_row(sheet);
            }
            take(s, taken);
            if (!header)
                sheet_issue(name, Severity::error,
                            std::string("no header row with \"") + spec.id + "\" in the first 20 rows; sheet not read");
        } catch (const Error& e) {
            if (e.code() != Status::parse) throw;
            sheet_issue(name, Severity::error, detail::sanitize_utf8(e.what()) + "; the rest of the sheet is not read");
        }
    }

    // Whether the row is the header (holds the identifier's heading); if so, maps its columns.
    bool read_header(Sheet& sheet) {
        const std::string id = heading_key(sheet.spec.id);
        const bool is_header = std::any_of(sheet.row.cells.begin(), sheet.row.cells.end(), [&](const XlsxCell& c) {
            return c.type == CellType::string && heading_key(c.text) == id;
        });
        if (!is_header) return false;
        for (const XlsxCell& c : sheet.row.cells) {
            if (c.type != CellType::string) continue;
            const std::string key = heading_key(c.text);
            if (key.empty()) continue;
            if (!sheet.columns.emplace(key, std::pair{c.column, clean(c.text)}).second)
                d_.summary.issues.push_back(sheet.issue(c, Severity::warning,
                                                        "heading " + detail::quote_input(clean(c.text)) +
                                                            " appears again; the first column is read"));
        }
        return true;
    }

    bool columns_present(const Sheet& sheet) {
        auto has = [&](const char* h) { return sheet.columns.count(heading_key(h)) > 0; };
        std::string required, optional;
        for (const char* h : {sheet.spec.id, sheet.spec.key_date})
            if (h && !has(h)) required += (required.empty() ? "\"" : ", \"") + std::string(h) + "\"";
        for (const char* h : sheet.spec.optional)
            if (!has(h)) optional += (optional.empty() ? "\"" : ", \"") + std::string(h) + "\"";
        const std::string at = " (header row " + std::to_string(sheet.row.number) + ")";
        if (!required.empty()) {
            sheet_issue(sheet.name, Severity::error, "required column " + required + " missing" + at + "; sheet not read");
            return false;
        }
        if (!optional.empty())
            sheet_issue(sheet.name, Severity::note, "column " + optional + " not found" + at + "; not read");
        return true;
    }

    // ---- cells

    void cell_issue(const Sheet& s, const XlsxCell& c, Severity severity, std::string message) {
        d_.summary.issues.push_back(s.issue(c, severity, std::move(message)));
    }

    // The cell's text ("" when absent or empty); an Excel error is an issue and "".
    std::string text(const Sheet& s, const char* heading) {
        const XlsxCell* c = s.cell(heading);
        if (!c) return {};
        switch (c->type) {
            case CellType::empty: return {};
            case CellType::error:
                cell_issue(s, *c, Severity::error, std::string(heading) + " is the Excel error " + c->text + "; not used");
                return {};
            case CellType::date: return c->date ? c->date->iso() : c->text;
            default: return clean(c->text);
        }
    }

    // The cell's date; nullopt when empty (an error if `required`) or not a date (an error).
    std::optional<Date> date(const Sheet& s, const char* heading, bool required = false) {
        const XlsxCell* c = s.cell(heading);
        if (!c) return std::nullopt;
        const std::string name(heading);
        const std::string row_fate = required ? "; row not used" : "; not used";
        std::optional<Date> d;
        switch (c->type) {
            case CellType::empty:
                if (required) cell_issue(s, *c, Severity::error, name + " is empty" + row_fate);
                return std::nullopt;
            case CellType::date:
                d = c->date;
                break;
            case CellType::number:
                d = excel_serial_date(c->number, wb_.date1904());
                break;
            case CellType::string: {
                const std::string t = clean(c->text);
                if (t.empty()) {
                    if (required) cell_issue(s, *c, Severity::error, name + " is empty" + row_fate);
                    return std::nullopt;
                }
                d = text_date(t);
                break;
            }
            default:
                break;
        }
        if (!d) {
            cell_issue(s, *c, Severity::error, name + " " + detail::quote_input(c->text) + " is not a date" + row_fate);
            return std::nullopt;
        }
        if (*d < kFirstDay || kLastDay < *d) {
            cell_issue(s, *c, Severity::error, name + " " + d->iso() + " is outside 1900..2199" + row_fate);
            return std::nullopt;
        }
        return d;
    }

    // A coded value: the text before `sep`, or the whole text with a warning.
    std::string code(const Sheet& s, const char* heading, std::string_view sep) {
        const std::string t = without_letter(text(s, heading));
        if (t.empty()) return t;
        const auto at = t.find(sep);
        const std::string token = at == std::string::npos ? std::string() : t.substr(0, at);
        const bool shaped = !token.empty() && token.size() <= 8 && std::all_of(token.begin(), token.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        });
        if (shaped) return token;
        cell_issue(s, *s.cell(heading), Severity::warning,
                   std::string(heading) + " " + detail::quote_input(t) + " has no code before \"" + std::string(sep) +
                       "\"; kept whole");
        return t;
    }

    std::string yes_no(const Sheet& s, const char* heading) {
        const std::string t = without_letter(text(s, heading));
        const std::string l = detail::lower(t);
        if (l == "yes" || l == "y") return "yes";
        if (l == "no" || l == "n") return "no";
        if (!t.empty())
            cell_issue(s, *s.cell(heading), Severity::warning,
                       std::string(heading) + " " + detail::quote_input(t) + " is not yes or no; kept as written");
        return t;
    }

    // ---- what a row gives

    // Adds the row's child `id` if new, and its date of birth if first given.
    void child(const Sheet& s, const std::string& id) {
        auto dob = date(s, kDob);
        auto [it, added] = child_index_.emplace(id, d_.children.size());
        if (added) {
            d_.children.push_back({id, dob});
            if (dob) dob_place_[id] = s.place(*s.cell(kDob)).cell;
        } else {
            Child& c = d_.children[it->second];
            if (!c.date_of_birth && dob) {
                c.date_of_birth = dob;
                dob_place_[id] = s.place(*s.cell(kDob)).cell;
            } else if (dob && *dob != *c.date_of_birth) {
                cell_issue(s, *s.cell(kDob), Severity::warning,
                           "Date of Birth " + dob->iso() + " differs from " + c.date_of_birth->iso() + " (" +
                               dob_place_[id] + "); the first is kept");
            }
        }
    }

    void event(const Sheet& s, const std::string& id, const char* heading, const std::string& type,
               std::optional<Date> when, std::map<std::string, std::string> attrs = {}) {
        if (!when) return;
        const XlsxCell& c = *s.cell(heading);
        if (*when > today_) {
            cell_issue(s, c, Severity::error, type + " dated " + when->iso() + " is in the future; not recorded");
            return;
        }
        const auto& dob = d_.children[child_index_.at(id)].date_of_birth;
        if (dob && *when < *dob) {
            const bool care = s.spec.number == 8;
            cell_issue(s, c, care ? Severity::error : Severity::warning,
                       type + " dated " + when->iso() + " is before the child's Date of Birth " + dob->iso() +
                           (care ? "; not recorded" : " (before birth)"));
            if (care) return;
        }
        for (auto it = attrs.begin(); it != attrs.end();) it = it->second.empty() ? attrs.erase(it) : std::next(it);
        auto key = std::make_tuple(id, type, *when);
        auto [it, added] = event_index_.emplace(key, d_.events.size());
        if (added) {
            d_.events.push_back({id, CaseEvent{type, *when, std::move(attrs)}, s.place(c)});
        } else {
            auto& kept = d_.events[it->second].event.attributes;
            for (auto& [k, v] : attrs) kept.emplace(k, std::move(v));
        }
    }

    void attribute(const Sheet& s, const std::string& id, const char* heading, const char* key,
                   const std::string& value, std::optional<Date> from) {
        if (value.empty()) return;
        // One value per child, key and date (rows starting the same day set
        // the same one): the last row's, so that an import writes each once.
        AnnexAPlace place = s.place(*s.cell(heading));
        auto [it, added] = attribute_index_.emplace(std::make_tuple(id, std::string(key), from), d_.attributes.size());
        if (added) {
            d_.attributes.push_back({id, key, value, from, std::move(place)});
            return;
        }
        AnnexAAttribute& kept = d_.attributes[it->second];
        if (kept.value != value)
            cell_issue(s, *s.cell(heading), Severity::warning,
                       "child " + id + ": " + key + " " + kept.value + " at " + kept.place.sheet + "!" +
                           kept.place.cell + " and " + value + " here start the same day (" +
                           (from ? from->iso() : std::string("undated")) + "); the last row's, " + value +
                           ", is kept");
        kept.value = value;
        kept.place = std::move(place);
    }

    void allocation(const Sheet& s, const std::string& id, std::optional<Date> from) {
        const std::string team = text(s, kTeam);
        const std::string worker = text(s, kWorker);
        if (worker.empty()) {
            if (!team.empty())
                cell_issue(s, *s.cell(kTeam), Severity::warning,
                           "Allocated Team " + detail::quote_input(team) + " is given without Allocated Worker; no allocation");
            return;
        }
        d_.allocations.push_back({id, team, worker, from, s.place(*s.cell(kWorker))});
    }

    // An end date before its start is not used.
    std::optional<Date> not_before(const Sheet& s, const char* heading, std::optional<Date> end,
                                   std::optional<Date> start, const char* start_name) {
        if (end && start && *end < *start) {
            cell_issue(s, *s.cell(heading), Severity::error,
                       std::string(heading) + " " + end->iso() + " is before " + start_name + " " + start->iso() +
                           "; not used");
            return std::nullopt;
        }
        return end;
    }

    void read_row(const Sheet& s) {
        const int list = s.spec.number;
        // The identifier and the required date first: without them the row is
        // not used (its child is not added either).
        const std::string id = text(s, s.spec.id);
        if (id.empty()) {
            cell_issue(s, *s.cell(s.spec.id), Severity::error, std::string(s.spec.id) + " is empty; row not used");
            return;
        }
        std::optional<Date> key;
        if (s.spec.key_date && !(key = date(s, s.spec.key_date, true))) return;
        if (key && *key > today_) {
            cell_issue(s, *s.cell(s.spec.key_date), Severity::error,
                       std::string(s.spec.key_date) + " " + key->iso() + " is in the future; row not used");
            return;
        }
        if (list == 11) return;
        child(s, id);
        switch (list) {
            case 3:
                event(s, id, s.spec.key_date, "referral", key,
                      {{"source", without_letter(text(s, "Referral Source"))}, {"nfa", yes_no(s, "Referral NFA?")}});
                break;
            case 4:
                event(s, id, "Continuous Assessment Date of Authorisation", "assessment_completed",
                      not_before(s, "Continuous Assessment Date of Authorisation",
                                 date(s, "Continuous Assessment Date of Authorisation"), key,
                                 "Continuous Assessment Start Date"),
                      {{"child_seen", yes_no(s, "Child Seen During Continuous Assessment")},
                       {"outcome",
                        without_letter(text(s, "Was the child assessed as requiring LA children's social care support?"))}});
                break;
            case 5:
                event(s, id, s.spec.key_date, "s47_strategy_discussion", key,
                      {{"icpc_unnecessary", yes_no(s, "Was an Initial Child Protection Conference deemed unnecessary?")}});
                event(s, id, "Date of Initial Child Protection Conference", "icpc",
                      not_before(s, "Date of Initial Child Protection Conference",
                                 date(s, "Date of Initial Child Protection Conference"), key, "the strategy discussion"));
                break;
            case 6:
                attribute(s, id, "Primary Need Code", "primary_need", code(s, "Primary Need Code", " - "), key);
                attribute(s, id, "Case Status", "cin_case_status", without_letter(text(s, "Case Status")), key);
                break;
            case 7: {
                event(s, id, s.spec.key_date, "icpc", key);
                event(s, id, "Date of the Last Statutory Visit", "visit", date(s, "Date of the Last Statutory Visit"));
                event(s, id, "Date of latest review conference", "cp_review", date(s, "Date of latest review conference"));
                event(s, id, "Child Protection Plan End Date", "cp_plan_ended",
                      not_before(s, "Child Protection Plan End Date", date(s, "Child Protection Plan End Date"), key,
                                 "the plan's start"));
                attribute(s, id, "Latest Category of Abuse", "cp_category",
                          without_letter(text(s, "Latest Category of Abuse")), key);
                break;
            }
            case 8: {
                event(s, id, s.spec.key_date, "became_looked_after", key);
                const auto placed = date(s, "Start Date of Most Recent Placement");
                const std::string type = code(s, "Placement Type", ":");
                event(s, id, "Start Date of Most Recent Placement", "placement_start", placed, {{"placement_type", type}});
                if (placed) attribute(s, id, "Placement Type", "placement_type", type, placed);
                const auto legal_from = date(s, "Start date of current legal status");
                attribute(s, id, "Child's Legal Status", "legal_status", code(s, "Child's Legal Status", ":"),
                          legal_from ? legal_from : key);
                event(s, id, "Date of Latest Statutory Review", "review", date(s, "Date of Latest Statutory Review"));
                event(s, id, "Date of Last Social Work Visit", "visit", date(s, "Date of Last Social Work Visit"));
                event(s, id, "Date of Last Health Assessment", "health_assessment",
                      date(s, "Date of Last Health Assessment"));
                event(s, id, "Date Ceased to be Looked After", "ceased_looked_after",
                      not_before(s, "Date Ceased to be Looked After", date(s, "Date Ceased to be Looked After"), key,
                                 "Date Started to be Looked After"),
                      {{"reason", code(s, "Reason Ceased to be Looked After", ":")}});
                break;
            }
            case 9:
                attribute(s, id, "Eligibility Category", "leaving_care_eligibility",
                          without_letter(text(s, "Eligibility Category")), std::nullopt);
                attribute(s, id, "Type of Accommodation", "accommodation", code(s, "Type of Accommodation", ":"),
                          std::nullopt);
                attribute(s, id, "Suitability of Accommodation", "accommodation_suitable",
                          without_letter(text(s, "Suitability of Accommodation")), std::nullopt);
                attribute(s, id, "Activity Status", "activity", code(s, "Activity Status", ":"), std::nullopt);
                break;
            default:
                break;
        }
        if (s.spec.allocations) allocation(s, id, key);
    }

    XlsxWorkbook& wb_;
    AnnexAData& d_;
    const Date today_ = Date::today();
    std::map<std::string, std::size_t> child_index_;
    std::map<std::string, std::string> dob_place_;  // child -> the cell its date of birth came from
    std::map<std::tuple<std::string, std::string, Date>, std::size_t> event_index_;
    std::map<std::tuple<std::string, std::string, std::optional<Date>>, std::size_t> attribute_index_;
};

AnnexAData read_workbook(XlsxWorkbook wb, std::string source) {
    AnnexAData data;
    data.summary.importer = "annex-a";
    data.summary.source = std::move(source);
    for (const ListSpec& spec : kLists) data.summary.add("list_" + std::to_string(spec.number) + "_rows", 0);
    Reader(wb, data).read();
    return data;
}

XlsxOptions options(std::string name, XlsxOptions o = {}) {
    o.file = std::move(name);
    return o;
}

}  // namespace

AnnexAData read_annex_a(const std::string& path) {
    return read_workbook(XlsxWorkbook::open_file(path, options(path)), path);
}

AnnexAData read_annex_a(const AnnexAWorkbook& workbook) {
    return read_workbook(XlsxWorkbook::open_buffer(workbook.bytes, options(workbook.name, workbook.limits)), std::string());
}

namespace {

ImportIssue cell_place(const std::string& file, const AnnexAPlace& place) {
    return detail::place_in(file, place.sheet + "!" + place.cell);
}

// Same name, ignoring ASCII case (as the directory compares people).
bool same_name(const std::string& a, const std::string& b) { return detail::lower(a) == detail::lower(b); }

// Teams and workers of the allocations into the directory, as import_annex_a documents.
void store_workers(Store& store, const AnnexAData& data, const std::string& path, ImportSummary& result) {
    std::set<std::pair<std::string, std::string>> warned;
    for (const AnnexAAllocation& a : data.allocations) {
        detail::report_refusal(store, result, cell_place(path, a.place), [&] {
            if (!a.team.empty() && !detail::workforce_repository(store).find_team(a.team)) {
                save_team(store, Team{a.team, "", ""});
                result.add("teams_added");
            }
            if (!try_find_person(store, a.worker)) {
                if (a.team.empty()) add_person(store, Person{0, a.worker, "", "", ""});
                else save_worker(store, Worker{a.worker, a.team, "", Role::social_worker});
                result.add("workers_added");
                return;
            }
            if (a.team.empty()) return;
            const Date day = a.from ? *a.from : Date::today();
            const std::optional<Appointment> now = appointment_on(store, a.worker, day);
            if (now && now->team == a.team) return;
            if (!warned.insert({detail::lower(a.worker), a.team}).second) return;
            ImportIssue i = cell_place(path, a.place);
            i.severity = Severity::warning;
            i.message = "worker " + detail::quote_input(a.worker) + " is in " +
                        (now && !now->team.empty() ? "team " + detail::quote_input(now->team) : "no team") +
                        " on " + day.iso() + " in the directory, the workbook says " + detail::quote_input(a.team) +
                        "; the directory is not changed";
            result.issues.push_back(std::move(i));
        });
    }
}

void store_allocations(Store& store, const AnnexAData& data, const std::string& path, ImportSummary& result) {
    std::map<std::string, std::vector<const AnnexAAllocation*>> by_child;
    std::vector<std::string> order;
    for (const AnnexAAllocation& a : data.allocations) {
        if (!by_child.count(a.child_id)) order.push_back(a.child_id);
        by_child[a.child_id].push_back(&a);
    }
    for (const std::string& child : order) {
        std::vector<const AnnexAAllocation*>& rows = by_child[child];
        std::stable_sort(rows.begin(), rows.end(), [](const AnnexAAllocation* a, const AnnexAAllocation* b) {
            return a->from && (!b->from || *a->from < *b->from);  // undated (List 9) last
        });
        // One allocation a day: of rows with the same date, the last in the
        // workbook (the later list, a later stage of the case) stands.
        std::vector<const AnnexAAllocation*> used;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const AnnexAAllocation* a = rows[k];
            if (k + 1 < rows.size() && rows[k + 1]->from == a->from) {
                const AnnexAAllocation* later = rows[k + 1];
                if (!same_name(later->worker, a->worker)) {
                    ImportIssue i = cell_place(path, a->place);
                    i.severity = Severity::note;
                    i.message = "child " + child + " is allocated to " + detail::quote_input(a->worker) + " here and to " +
                                detail::quote_input(later->worker) + " at " + later->place.sheet + "!" +
                                later->place.cell + " from the same date; the later list's worker is used";
                    result.issues.push_back(std::move(i));
                }
                continue;
            }
            // Consecutive rows with the same worker: one allocation, from the earlier date.
            if (!used.empty() && same_name(used.back()->worker, a->worker)) continue;
            used.push_back(a);
        }
        for (const AnnexAAllocation* a : used) {
            detail::report_refusal(store, result, cell_place(path, a->place), [&] {
                const std::vector<Allocation> stored = allocations(store, child);
                if (!a->from) {  // List 9: the worker now, if not already
                    const Allocation* current = nullptr;
                    for (const Allocation& s : stored)
                        if (!s.until) current = &s;
                    if (current && same_name(current->worker, a->worker)) {
                        result.add("allocations_already_present");
                        return;
                    }
                }
                const Date from = a->from ? *a->from : Date::today();
                for (const Allocation& s : stored)
                    if (s.from == from && same_name(s.worker, a->worker)) {
                        result.add("allocations_already_present");
                        return;
                    }
                switch (allocate(store, child, a->worker, from)) {
                case SaveOutcome::added: result.add("allocations_added"); break;
                case SaveOutcome::updated: result.add("allocations_updated"); break;
                case SaveOutcome::unchanged: result.add("allocations_already_present"); break;
                }
            });
        }
    }
}

}  // namespace

ImportSummary import_annex_a(Store& store, const std::string& path, std::string_view recorded_by) {
    AnnexAData data = read_annex_a(path);
    ImportSummary result = std::move(data.summary);
    const std::string prefix = "annex-a:";
    std::vector<detail::ReturnEvent> events;
    events.reserve(data.events.size());
    for (AnnexAEvent& e : data.events) {
        e.event.external_id = prefix + e.child_id + "/" + e.event.type + "/" + e.event.date.iso();
        events.push_back({e.child_id, std::move(e.event), cell_place(path, e.place)});
    }
    const std::vector<detail::ReturnEvent> derived = detail::derived_events(events, prefix);
    detail::in_transaction(store, "importing Annex A from " + path, [&] {
        detail::ReturnWriter out(store, result, recorded_by, "annex-a:" + detail::file_name(path));
        for (const char* count :
             {"events_derived", "teams_added", "workers_added", "allocations_added", "allocations_updated",
              "allocations_already_present"})
            result.add(count, 0);
        for (const Child& c : data.children) out.child(c, detail::place_in(path));
        const Date today = Date::today();
        for (const AnnexAAttribute& a : data.attributes) {
            const ImportIssue place = cell_place(path, a.place);
            if (a.effective_from) {
                out.attribute(a.child_id, {*a.effective_from, a.key, a.value}, place);
                continue;
            }
            out.guard(place, [&] {  // undated (List 9): from today, unless already in force
                std::optional<CaseAttribute> in_force;
                for (const CaseAttribute& s : list_attributes(store, a.child_id))
                    if (s.key == a.key && !(today < s.effective_from)) in_force = s;
                if (in_force && in_force->value == a.value) return;
                out.attribute(a.child_id, {today, a.key, a.value}, place);
            });
        }
        for (const detail::ReturnEvent& e : events) out.event(e);
        for (const detail::ReturnEvent& e : derived) out.event(e);
        result.add("events_derived", static_cast<std::int64_t>(derived.size()));
        store_workers(store, data, path, result);
        store_allocations(store, data, path, result);
    });
    return result;
}

}  // namespace oversight
