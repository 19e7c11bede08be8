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
#include "store/db.hpp"
#include "core/text.hpp"

#include <csv.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace oversight {

namespace {

struct CsvRow {
    int line = 0;  // physical line on which the row ends (1-based)
    std::vector<std::string> fields;
};

struct CsvState {
    std::vector<CsvRow> rows;
    CsvRow current;
    int line = 0;
};

void on_field(void* data, std::size_t len, void* state) {
    auto* st = static_cast<CsvState*>(state);
    st->current.fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void on_row(int, void* state) {
    auto* st = static_cast<CsvState*>(state);
    st->current.line = st->line;
    st->rows.push_back(std::move(st->current));
    st->current = CsvRow{};
}

struct ParserGuard {
    csv_parser* p;
    ~ParserGuard() { csv_free(p); }
};

// Reads a whole CSV file; rows keep their line numbers. The header is rows[0].
std::vector<CsvRow> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Status::io, "cannot read " + path.string());
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw Error(Status::nomem, "cannot start the CSV parser");
    ParserGuard guard{&parser};
    CsvState st;
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        ++st.line;
        if (first && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // UTF-8 byte-order mark
        first = false;
        line.push_back('\n');
        if (csv_parse(&parser, line.data(), line.size(), on_field, on_row, &st) != line.size())
            throw Error(Status::parse, path.filename().string() + ":" + std::to_string(st.line) + ": " +
                                           csv_strerror(csv_error(&parser)));
    }
    if (csv_fini(&parser, on_field, on_row, &st) != 0)
        throw Error(Status::parse, path.filename().string() + ":" + std::to_string(st.line) + ": " +
                                       csv_strerror(csv_error(&parser)));
    if (st.rows.empty()) throw Error(Status::parse, path.filename().string() + " is empty (no header row)");
    return std::move(st.rows);
}

// Column positions by name from the header row.
struct Columns {
    std::map<std::string, std::size_t> index;
    std::size_t count = 0;

    Columns(const CsvRow& header, const std::string& file, std::initializer_list<const char*> required) {
        count = header.fields.size();
        for (std::size_t i = 0; i < header.fields.size(); ++i)
            index.emplace(std::string(detail::trim(header.fields[i])), i);
        for (const char* r : required)
            if (!index.count(r)) throw Error(Status::parse, file + ":1: required column " + r + " is missing");
    }
    std::string get(const CsvRow& row, const char* name) const {
        auto it = index.find(name);
        if (it == index.end() || it->second >= row.fields.size()) return {};
        return std::string(detail::trim(row.fields[it->second]));
    }
};

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

class Reader {
public:
    explicit Reader(Ssda903Data& data) : data_(data) {}

    // A doubt about a row or value that was used anyway.
    void warn(const std::string& file, int line, std::string message) {
        issue(Severity::warning, file, line, std::move(message));
    }
    // A row or value that was not used, and why.
    void not_used(const std::string& file, int line, std::string message) {
        issue(Severity::error, file, line, std::move(message));
    }

    // A required date field; warns and gives nullopt when absent or bad.
    std::optional<Date> date(const std::string& file, int line, const char* field, const std::string& text,
                             bool required = true) {
        if (text.empty()) {
            if (required) not_used(file, line, std::string(field) + " is empty");
            return std::nullopt;
        }
        std::string why;
        auto d = parse_dmy(text, why);
        if (!d) not_used(file, line, std::string(field) + " '" + detail::sanitize_utf8(text) + "' " + why);
        return d;
    }

    // The child of a row: warns about a blank id; adds children missing
    // from header.csv (with a warning) so that no row is dropped silently.
    bool child(const std::string& file, int line, const std::string& id) {
        if (id.empty()) {
            not_used(file, line, "CHILD is empty; row not used");
            return false;
        }
        if (!detail::is_valid_utf8(id)) {
            not_used(file, line, "CHILD is not valid UTF-8; row not used");
            return false;
        }
        if (!known_.count(id)) {
            warn(file, line, "child " + id + " is not in header.csv; added without a date of birth");
            known_.emplace(id, std::nullopt);
            data_.children.push_back({id, std::nullopt});
        }
        return true;
    }

    bool row_shape(const std::string& file, const CsvRow& row, const Columns& cols) {
        if (row.fields.size() == cols.count) return true;
        not_used(file, row.line, "has " + std::to_string(row.fields.size()) + " fields, the header has " +
                                     std::to_string(cols.count) + "; row not used");
        return false;
    }

    void event(const std::string& child, std::string type, Date date, std::map<std::string, std::string> attrs,
               const std::string& file, int line) {
        if (date > Date::today()) {
            not_used(file, line, type + " dated " + date.iso() + " is in the future; not recorded");
            return;
        }
        data_.events.push_back({child, CaseEvent{std::move(type), date, std::move(attrs)}, file, line});
    }

    void attribute(const std::string& child, const char* key, const std::string& value, Date from) {
        data_.attributes.push_back({child, key, value, from});
    }

    void header(const std::filesystem::path& folder) {
        const std::string file = "header.csv";
        auto rows = read_csv(folder / file);
        Columns cols(rows[0], file, {"CHILD", "DOB"});
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const CsvRow& row = rows[i];
            data_.summary.add("header_rows");
            if (!row_shape(file, row, cols)) continue;
            std::string id = cols.get(row, "CHILD");
            if (id.empty() || !detail::is_valid_utf8(id)) {
                not_used(file, row.line, "CHILD is empty or not valid UTF-8; row not used");
                continue;
            }
            if (known_.count(id)) {
                not_used(file, row.line, "child " + id + " is listed again; row not used");
                continue;
            }
            auto dob = date(file, row.line, "DOB", cols.get(row, "DOB"));
            known_.emplace(id, dob);
            data_.children.push_back({id, dob});
        }
    }

    void episodes(const std::filesystem::path& folder) {
        const std::string file = "episodes.csv";
        auto rows = read_csv(folder / file);
        Columns cols(rows[0], file, {"CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"});
        static const std::set<std::string> kPlacementChange = {"S", "P", "T", "B", "U"};
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const CsvRow& row = rows[i];
            const int line = row.line;
            data_.summary.add("episode_rows");
            if (!row_shape(file, row, cols)) continue;
            std::string id = cols.get(row, "CHILD");
            if (!child(file, line, id)) continue;
            std::string rne = cols.get(row, "RNE"), ls = cols.get(row, "LS"), place = cols.get(row, "PLACE");
            std::string rec = cols.get(row, "REC");
            auto decom = date(file, line, "DECOM", cols.get(row, "DECOM"));
            auto dec = date(file, line, "DEC", cols.get(row, "DEC"), false);
            if (decom) {
                auto dob = known_[id];
                if (dob && *decom < *dob)
                    warn(file, line, "DECOM " + decom->iso() + " is before the child's DOB " + dob->iso());
                if (rne == "S") event(id, "became_looked_after", *decom, {{"legal_status", ls}}, file, line);
                if (kPlacementChange.count(rne)) {
                    event(id, "placement_start", *decom, {{"placement_type", place}, {"legal_status", ls}}, file, line);
                    if (!place.empty()) attribute(id, "placement_type", place, *decom);
                    if (!ls.empty()) attribute(id, "legal_status", ls, *decom);
                } else if (rne == "L") {
                    event(id, "legal_status_change", *decom, {{"legal_status", ls}}, file, line);
                    if (!ls.empty()) attribute(id, "legal_status", ls, *decom);
                } else {
                    not_used(file, line, "RNE '" + detail::sanitize_utf8(rne) +
                                             "' is not a reason for a new episode (S, L, P, T, B, U); no episode event recorded");
                }
                if (place.empty() && rne != "L") warn(file, line, "PLACE is empty");
                if (ls.empty()) warn(file, line, "LS is empty");
            }
            if (dec && rec.empty()) {
                not_used(file, line, "DEC is given but REC is empty (DfE rule 148); end of episode not recorded");
            } else if (!dec && !rec.empty() && cols.get(row, "DEC").empty()) {
                not_used(file, line, "REC '" + detail::sanitize_utf8(rec) + "' is given but DEC is empty (DfE rule 148); ignored");
            } else if (dec && decom && *dec < *decom) {
                not_used(file, line, "DEC " + dec->iso() + " is before DECOM " + decom->iso() + "; end of episode not recorded");
            } else if (dec && rec != "X1") {
                event(id, "ceased_looked_after", *dec, {{"reason", rec}}, file, line);
            }
        }
    }

    void reviews(const std::filesystem::path& folder) {
        const std::string file = "reviews.csv";
        auto rows = read_csv(folder / file);
        Columns cols(rows[0], file, {"CHILD", "REVIEW"});
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const CsvRow& row = rows[i];
            data_.summary.add("review_rows");
            if (!row_shape(file, row, cols)) continue;
            std::string id = cols.get(row, "CHILD");
            if (!child(file, row.line, id)) continue;
            auto when = date(file, row.line, "REVIEW", cols.get(row, "REVIEW"));
            if (!when) continue;
            auto dob = known_[id];
            if (dob && *when < *dob) {
                not_used(file, row.line, "REVIEW " + when->iso() + " is before the child's DOB " + dob->iso() + "; not recorded");
                continue;
            }
            std::map<std::string, std::string> attrs;
            std::string code = cols.get(row, "REVIEW_CODE");
            if (!code.empty()) attrs["review_code"] = code;
            event(id, "review", *when, std::move(attrs), file, row.line);
        }
    }

private:
    void issue(Severity severity, const std::string& file, int line, std::string message) {
        ImportIssue i;
        i.file = file;
        i.line = line;
        i.severity = severity;
        i.message = std::move(message);
        data_.summary.issues.push_back(std::move(i));
    }

    Ssda903Data& data_;
    std::map<std::string, std::optional<Date>> known_;
};

}  // namespace

Ssda903Data read_ssda903(const std::string& folder) {
    std::filesystem::path dir(folder);
    if (!std::filesystem::is_directory(dir)) throw Error(Status::io, "SSDA903 folder " + folder + " does not exist");
    Ssda903Data data;
    data.summary.importer = "ssda903";
    data.summary.source = folder;
    for (const char* count : {"header_rows", "episode_rows", "review_rows"}) data.summary.add(count, 0);
    Reader reader(data);
    reader.header(dir);
    reader.episodes(dir);
    reader.reviews(dir);
    return data;
}

ImportSummary import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by) {
    Ssda903Data data = read_ssda903(folder);
    ImportSummary result = std::move(data.summary);
    for (const char* count : {"children_added", "events_added", "events_already_present", "attributes_set"})
        result.add(count, 0);
    detail::write(store, "importing SSDA903 from " + folder, [&] {
        auto& s = detail::impl(store);
        std::map<std::string, std::int64_t> rows;
        for (const Child& c : data.children) {
            auto [row, added] = detail::put_child(s, c);
            rows[c.id] = row;
            if (added) result.add("children_added");
        }
        for (const auto& a : data.attributes)
            if (detail::put_attribute(s, rows.at(a.child_id), a.key, a.value, a.effective_from))
                result.add("attributes_set");
        for (const auto& e : data.events) {
            if (detail::put_event(s, rows.at(e.child_id), e.event, recorded_by, "ssda903:" + e.file))
                result.add("events_added");
            else
                result.add("events_already_present");
        }
    });
    return result;
}

}  // namespace oversight
