// SSDA903 (the DfE looked-after children return) into casework events.
// Field meanings: DfE SSDA903 guidance as summarised in the validation rule
// catalogue (903_2024_25_rule_info.csv, data-to-insight/csc-validator-be-903):
// CHILD id, DECOM episode start, RNE reason for new episode (S started to be
// looked after, L legal status change only, P placement change only, T both,
// B and U placement changes with the same carer), LS legal status, PLACE
// placement type, DEC episode end, REC reason episode ceased (X1: a new
// episode follows in the same period of care), REVIEW review date.
#include <oversight/casework/child.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"

#include <oversight/import/csv_reader.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace oversight {

namespace {

// "DD/MM/YYYY" (one- or two-digit day and month) -> Date. nullopt with a
// reason when the text is not a date or the date does not exist.
std::optional<Date> parse_dmy(const std::string& text, std::string& why) {
    int d = 0, m = 0, y = 0, used = 0;
    if (std::sscanf(text.c_str(), "%2d/%2d/%4d%n", &d, &m, &y, &used) != 3 || used != static_cast<int>(text.size()) ||
        text.size() < 8) {
        why = "is not a DD/MM/YYYY date";
        return std::nullopt;
    }
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > Date::days_in_month(y, m)) {
        why = "is an impossible date";
        return std::nullopt;
    }
    return Date::from_ymd(y, m, d);
}

// Bytes that were not UTF-8 are replaced by U+FFFD as the file is read (with
// a warning); an id so repaired cannot be trusted to name the right child.
bool repaired(const std::string& text) { return text.find("\xEF\xBF\xBD") != std::string::npos; }

CsvOptions table_options(const std::string& name) {
    CsvOptions o;
    o.file = name;
    o.invalid_utf8 = InvalidUtf8::replace;
    return o;
}

// One table of the return (header.csv, episodes.csv, reviews.csv), read one
// record at a time. Fields are trimmed of white space here, in one place.
class Table {
public:
    // Reads the header, checking `required`; the reader's repairs go to `issues` as they are met.
    Table(CsvReader in, std::initializer_list<std::string_view> required, std::vector<ImportIssue>& issues)
        : in_(std::move(in)), header_(in_.read_header(required)), issues_(issues) {
        take_repairs();
    }

    const std::string& file() const noexcept { return in_.file(); }
    std::size_t columns() const noexcept { return header_.size(); }

    // The next record; a line of spaces is skipped as an empty line is.
    bool next(CsvRecord& row) {
        bool more = in_.next(row);
        while (more && row.blank()) more = in_.next(row);
        take_repairs();
        return more;
    }

    std::string field(const CsvRecord& row, std::string_view name) const {
        return std::string(detail::trim(header_.get(row, name)));
    }

    // An issue on `row`, in column `name` (the whole row when `name` is empty).
    ImportIssue issue(const CsvRecord& row, std::string_view name, Severity severity, std::string message) const {
        ImportIssue i;
        i.file = file();
        i.line = row.line;
        if (auto column = header_.find(name)) {
            i.column = static_cast<std::int64_t>(*column) + 1;
            i.column_name = std::string(name);
        }
        i.severity = severity;
        i.message = std::move(message);
        return i;
    }

private:
    void take_repairs() {
        const auto& repairs = in_.issues();
        issues_.insert(issues_.end(), repairs.begin() + static_cast<std::ptrdiff_t>(taken_), repairs.end());
        taken_ = repairs.size();
    }

    CsvReader in_;
    CsvHeader header_;
    std::vector<ImportIssue>& issues_;
    std::size_t taken_ = 0;
};

class Reader {
public:
    explicit Reader(Ssda903Data& data) : data_(data) {}

    // A doubt about a row or value that was used anyway.
    void warn(const Table& t, const CsvRecord& row, std::string_view column, std::string message) {
        data_.summary.issues.push_back(t.issue(row, column, Severity::warning, std::move(message)));
    }
    // A row or value that was not used, and why.
    void not_used(const Table& t, const CsvRecord& row, std::string_view column, std::string message) {
        data_.summary.issues.push_back(t.issue(row, column, Severity::error, std::move(message)));
    }

    // The date in column `field`; nullopt, and an issue, when it is bad or
    // (`required`) empty.
    std::optional<Date> date(const Table& t, const CsvRecord& row, const char* field, bool required = true) {
        const std::string text = t.field(row, field);
        if (text.empty()) {
            if (required) not_used(t, row, field, std::string(field) + " is empty");
            return std::nullopt;
        }
        std::string why;
        auto d = parse_dmy(text, why);
        if (!d) not_used(t, row, field, std::string(field) + " '" + text + "' " + why);
        return d;
    }

    // The child of a row: an error for a blank or damaged id; adds children
    // missing from header.csv (with a warning) so that no row is dropped silently.
    bool child(const Table& t, const CsvRecord& row, const std::string& id) {
        if (id.empty()) {
            not_used(t, row, "CHILD", "CHILD is empty; row not used");
            return false;
        }
        if (repaired(id)) {
            not_used(t, row, "CHILD", "CHILD is not valid UTF-8; row not used");
            return false;
        }
        if (!known_.count(id)) {
            warn(t, row, "CHILD", "child " + id + " is not in header.csv; added without a date of birth");
            known_.emplace(id, std::nullopt);
            data_.children.push_back({id, std::nullopt});
        }
        return true;
    }

    bool row_shape(const Table& t, const CsvRecord& row) {
        if (row.fields.size() == t.columns()) return true;
        not_used(t, row, {}, "has " + std::to_string(row.fields.size()) + " fields, the header has " +
                                 std::to_string(t.columns()) + "; row not used");
        return false;
    }

    // An event dated in column `column` of `row`.
    void event(const Table& t, const CsvRecord& row, const char* column, const std::string& child, std::string type,
               Date date, std::map<std::string, std::string> attrs) {
        if (date > Date::today()) {
            not_used(t, row, column, type + " dated " + date.iso() + " is in the future; not recorded");
            return;
        }
        data_.events.push_back(
            {child, CaseEvent{std::move(type), date, std::move(attrs)}, t.file(), static_cast<int>(row.line)});
    }

    void attribute(const std::string& child, const char* key, const std::string& value, Date from) {
        data_.attributes.push_back({child, key, value, from});
    }

    void header(CsvReader in) {
        Table t(std::move(in), {"CHILD", "DOB"}, data_.summary.issues);
        for (CsvRecord row; t.next(row);) {
            data_.summary.add("header_rows");
            if (!row_shape(t, row)) continue;
            std::string id = t.field(row, "CHILD");
            if (id.empty() || repaired(id)) {
                not_used(t, row, "CHILD", "CHILD is empty or not valid UTF-8; row not used");
                continue;
            }
            if (known_.count(id)) {
                not_used(t, row, "CHILD", "child " + id + " is listed again; row not used");
                continue;
            }
            auto dob = date(t, row, "DOB");
            known_.emplace(id, dob);
            data_.children.push_back({id, dob});
        }
    }

    void episodes(CsvReader in) {
        Table t(std::move(in), {"CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"}, data_.summary.issues);
        static const std::set<std::string> kPlacementChange = {"S", "P", "T", "B", "U"};
        for (CsvRecord row; t.next(row);) {
            data_.summary.add("episode_rows");
            if (!row_shape(t, row)) continue;
            std::string id = t.field(row, "CHILD");
            if (!child(t, row, id)) continue;
            std::string rne = t.field(row, "RNE"), ls = t.field(row, "LS"), place = t.field(row, "PLACE");
            std::string rec = t.field(row, "REC");
            auto decom = date(t, row, "DECOM");
            auto dec = date(t, row, "DEC", false);
            if (decom) {
                auto dob = known_[id];
                if (dob && *decom < *dob)
                    warn(t, row, "DECOM", "DECOM " + decom->iso() + " is before the child's DOB " + dob->iso());
                if (rne == "S") event(t, row, "DECOM", id, "became_looked_after", *decom, {{"legal_status", ls}});
                if (kPlacementChange.count(rne)) {
                    event(t, row, "DECOM", id, "placement_start", *decom,
                          {{"placement_type", place}, {"legal_status", ls}});
                    if (!place.empty()) attribute(id, "placement_type", place, *decom);
                    if (!ls.empty()) attribute(id, "legal_status", ls, *decom);
                } else if (rne == "L") {
                    event(t, row, "DECOM", id, "legal_status_change", *decom, {{"legal_status", ls}});
                    if (!ls.empty()) attribute(id, "legal_status", ls, *decom);
                } else {
                    not_used(t, row, "RNE", "RNE '" + rne +
                                                "' is not a reason for a new episode (S, L, P, T, B, U); no episode "
                                                "event recorded");
                }
                if (place.empty() && rne != "L") warn(t, row, "PLACE", "PLACE is empty");
                if (ls.empty()) warn(t, row, "LS", "LS is empty");
            }
            if (dec && rec.empty()) {
                not_used(t, row, "REC", "DEC is given but REC is empty (DfE rule 148); end of episode not recorded");
            } else if (!dec && !rec.empty() && t.field(row, "DEC").empty()) {
                not_used(t, row, "REC", "REC '" + rec + "' is given but DEC is empty (DfE rule 148); ignored");
            } else if (dec && decom && *dec < *decom) {
                not_used(t, row, "DEC",
                         "DEC " + dec->iso() + " is before DECOM " + decom->iso() + "; end of episode not recorded");
            } else if (dec && rec != "X1") {
                event(t, row, "DEC", id, "ceased_looked_after", *dec, {{"reason", rec}});
            }
        }
    }

    void reviews(CsvReader in) {
        Table t(std::move(in), {"CHILD", "REVIEW"}, data_.summary.issues);
        for (CsvRecord row; t.next(row);) {
            data_.summary.add("review_rows");
            if (!row_shape(t, row)) continue;
            std::string id = t.field(row, "CHILD");
            if (!child(t, row, id)) continue;
            auto when = date(t, row, "REVIEW");
            if (!when) continue;
            auto dob = known_[id];
            if (dob && *when < *dob) {
                not_used(t, row, "REVIEW",
                         "REVIEW " + when->iso() + " is before the child's DOB " + dob->iso() + "; not recorded");
                continue;
            }
            std::map<std::string, std::string> attrs;
            std::string code = t.field(row, "REVIEW_CODE");
            if (!code.empty()) attrs["review_code"] = code;
            event(t, row, "REVIEW", id, "review", *when, std::move(attrs));
        }
    }

private:
    Ssda903Data& data_;
    std::map<std::string, std::optional<Date>> known_;
};

// The three tables in order, each opened by `open(name)` when its turn comes.
template <class Open>
Ssda903Data read_tables(Open open, std::string source) {
    Ssda903Data data;
    data.summary.importer = "ssda903";
    data.summary.source = std::move(source);
    for (const char* count : {"header_rows", "episode_rows", "review_rows"}) data.summary.add(count, 0);
    Reader reader(data);
    reader.header(open("header.csv"));
    reader.episodes(open("episodes.csv"));
    reader.reviews(open("reviews.csv"));
    return data;
}

}  // namespace

Ssda903Data read_ssda903(const std::string& folder) {
    std::filesystem::path dir(folder);
    if (!std::filesystem::is_directory(dir)) throw Error(Status::io, "SSDA903 folder " + folder + " does not exist");
    return read_tables(
        [&](const std::string& name) { return CsvReader::open_file((dir / name).string(), table_options(name)); },
        folder);
}

Ssda903Data read_ssda903(const Ssda903Files& files) {
    return read_tables(
        [&](const std::string& name) {
            const std::string& text = name == "header.csv" ? files.header
                                      : name == "episodes.csv" ? files.episodes
                                                               : files.reviews;
            return CsvReader::from_string(text, table_options(name));
        },
        std::string());
}

ImportSummary import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by) {
    Ssda903Data data = read_ssda903(folder);
    ImportSummary result = std::move(data.summary);
    for (const char* count : {"children_added", "events_added", "events_already_present", "attributes_set"})
        result.add(count, 0);
    detail::in_transaction(store, "importing SSDA903 from " + folder, [&] {
        for (const Child& c : data.children)
            if (detail::put_child(store, c) == SaveOutcome::added) result.add("children_added");
        for (const auto& a : data.attributes)
            if (detail::put_attribute(store, a.child_id, {a.effective_from, a.key, a.value})) result.add("attributes_set");
        for (const auto& e : data.events) {
            if (detail::put_event(store, e.child_id, e.event, recorded_by, "ssda903:" + e.file))
                result.add("events_added");
            else
                result.add("events_already_present");
        }
    });
    return result;
}

}  // namespace oversight
