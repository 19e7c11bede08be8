// SSDA903 (the DfE looked-after children return) into casework events.
// Field meanings: DfE SSDA903 guidance as summarised in the validation rule
// catalogue (903_2024_25_rule_info.csv, data-to-insight/csc-validator-be-903):
// CHILD id, DECOM episode start, RNE reason for new episode (S started to be
// looked after, L legal status change only, P placement change only, T both,
// B and U placement changes with the same carer), LS legal status, PLACE
// placement type, DEC episode end, REC reason episode ceased (X1: a new
// episode follows in the same period of care), REVIEW review date.
#include <oversight/casework/child.hpp>
#include <oversight/casework/codes.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"

#include <oversight/import/csv_reader.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <algorithm>

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
    bool has(std::string_view name) const { return header_.has(name); }

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

// Where the rows read go: read_ssda903 collects them, import_ssda903 stores
// them as they come (so that memory does not grow with the file).
class Sink {
public:
    virtual ~Sink() = default;
    virtual void child(const Child& c) = 0;
    virtual void event(Ssda903Event e) = 0;
    virtual void attribute(Ssda903Attribute a) = 0;
};

// One episode row, checked; codes that are not in their list are empty here.
struct Episode {
    std::int64_t line = 0;
    Date decom;
    std::optional<Date> dec;  // only when DEC and REC are both usable
    std::string rne, ls, place, rec;
    bool place_given = false, ls_given = false;  // not empty in the file
};

// What is known of a child's care between groups of its episode rows.
struct CareState {
    bool seen = false;         // an episode of the child has been used
    bool period_open = false;  // ... and its period of care has not ceased
    Date last_decom;
    std::int64_t last_line = 0;
};

std::string in_brackets_line(std::int64_t line) { return "line " + std::to_string(line); }

class Reader {
public:
    Reader(ImportSummary& summary, Sink& sink) : summary_(summary), sink_(sink) {}

    // A doubt about a row or value that was used anyway.
    void warn(const Table& t, const CsvRecord& row, std::string_view column, std::string message) {
        summary_.issues.push_back(t.issue(row, column, Severity::warning, std::move(message)));
    }
    void warn_at(const Table& t, std::int64_t line, std::string_view column, Severity severity, std::string message) {
        CsvRecord at;
        at.line = line;
        summary_.issues.push_back(t.issue(at, column, severity, std::move(message)));
    }
    // A row or value that was not used, and why.
    void not_used(const Table& t, const CsvRecord& row, std::string_view column, std::string message) {
        summary_.issues.push_back(t.issue(row, column, Severity::error, std::move(message)));
    }

    // The date in column `field`; nullopt, and an issue, when it is bad or
    // (`required`) empty.
    std::optional<Date> date(const Table& t, const CsvRecord& row, const char* field, bool required = true,
                             const char* consequence = "") {
        const std::string text = t.field(row, field);
        if (text.empty()) {
            if (required) not_used(t, row, field, std::string(field) + " is empty" + consequence);
            return std::nullopt;
        }
        std::string why;
        auto d = parse_dmy(text, why);
        if (!d) not_used(t, row, field, std::string(field) + " '" + text + "' " + why + consequence);
        return d;
    }

    // The code in column `field` if it is in `list` (or empty); otherwise a
    // warning naming the DfE rule and the nearest code, and "".
    std::string code(const Table& t, const CsvRecord& row, const char* field, CodeList list, const char* consequence,
                     Severity severity = Severity::warning) {
        std::string value = t.field(row, field);
        if (value.empty() || is_known_code(list, value)) return value;
        std::string why = code_problem(list, field, value).value_or(
            std::string(field) + " '" + value + "' is not an SSDA903 " + std::string(code_list(list).field) +
            " code (DfE rule " + std::string(code_list(list).dfe_rule) + ")");  // not even shaped like a code
        summary_.issues.push_back(t.issue(row, field, severity, why + consequence));
        summary_.add("unknown_codes");
        return std::string();
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
            sink_.child({id, std::nullopt});
        }
        return true;
    }

    bool row_shape(const Table& t, const CsvRecord& row) {
        if (row.fields.size() == t.columns()) return true;
        not_used(t, row, {}, "has " + std::to_string(row.fields.size()) + " fields, the header has " +
                                 std::to_string(t.columns()) + "; row not used");
        return false;
    }

    // An event dated in column `column` of the row at `line`.
    void event(const Table& t, std::int64_t line, const char* column, const std::string& child, std::string type,
               Date date, std::map<std::string, std::string> attrs) {
        if (date > Date::today()) {
            warn_at(t, line, column, Severity::error, type + " dated " + date.iso() + " is in the future; not recorded");
            return;
        }
        sink_.event({child, CaseEvent{std::move(type), date, std::move(attrs)}, t.file(), static_cast<int>(line)});
    }

    // A value of a child's attribute, kept until the child's run of episodes
    // is done: episodes starting the same day set the same key and date, and
    // only the last row's value is written (writing each would change the
    // stored value back and forth on every import).
    void attribute(const Table& t, std::int64_t line, const char* column, const std::string& child, const char* key,
                   const std::string& value, Date from) {
        auto [it, added] = pending_.try_emplace({key, from}, PendingValue{value, line});
        if (added) return;
        if (it->second.value != value)
            warn_at(t, line, column, Severity::warning,
                    "child " + child + ": " + key + " " + it->second.value + " from the episode at " +
                        in_brackets_line(it->second.line) + " and " + value + " from this one start the same day (" +
                        from.iso() + "); the last row's, " + value + ", is kept");
        it->second = PendingValue{value, line};
    }

    // The child's attribute values of the run, by key and date.
    void write_attributes(const std::string& child) {
        for (auto& [at, v] : pending_) sink_.attribute({child, at.first, std::move(v.value), at.second});
        pending_.clear();
    }

    void header(CsvReader in) {
        Table t(std::move(in), {"CHILD", "DOB"}, summary_.issues);
        for (CsvRecord row; t.next(row);) {
            summary_.add("header_rows");
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
            sink_.child({id, dob});
        }
    }

    // Rows are checked one at a time; the episodes of one child (a run of
    // adjacent rows) are then put in date order and turned into periods of
    // care, and forgotten.
    void episodes(CsvReader in) {
        Table t(std::move(in), {"CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"}, summary_.issues);
        const bool has_provider = t.has("PLACE_PROVIDER");
        const std::size_t first_issue = summary_.issues.size();
        std::string run_child;
        std::vector<Episode> run;
        for (CsvRecord row; t.next(row);) {
            summary_.add("episode_rows");
            if (!row_shape(t, row)) continue;
            std::string id = t.field(row, "CHILD");
            if (!child(t, row, id)) continue;
            if (id != run_child) {
                periods_of_care(t, run_child, run);
                write_attributes(run_child);
                run.clear();
                run_child = id;
            }
            Episode e;
            e.line = row.line;
            e.rne = code(t, row, "RNE", CodeList::reason_for_new_episode, "; no episode event recorded", Severity::error);
            e.place_given = !t.field(row, "PLACE").empty();
            e.ls_given = !t.field(row, "LS").empty();
            e.ls = code(t, row, "LS", CodeList::legal_status, "; legal_status not recorded");
            e.place = code(t, row, "PLACE", CodeList::placement_type, "; placement_type not recorded");
            const bool rec_given = !t.field(row, "REC").empty();
            e.rec = code(t, row, "REC", CodeList::reason_episode_ceased, "; end of episode not recorded");
            if (has_provider)
                code(t, row, "PLACE_PROVIDER", CodeList::placement_provider, "; not used by Oversight");
            auto decom = date(t, row, "DECOM", true, "; episode not used");
            auto dec = date(t, row, "DEC", false, "; end of episode not recorded");
            if (!decom) continue;
            e.decom = *decom;
            if (const auto& dob = known_[id]; dob && *decom < *dob)
                warn(t, row, "DECOM", "DECOM " + decom->iso() + " is before the child's DOB " + dob->iso());
            if (t.field(row, "RNE").empty())
                not_used(t, row, "RNE", "RNE is empty (DfE rule 143); no episode event recorded");
            if (!e.place_given && e.rne != "L") warn(t, row, "PLACE", "PLACE is empty");
            if (!e.ls_given) warn(t, row, "LS", "LS is empty");
            if (dec && !rec_given) {
                not_used(t, row, "REC", "DEC is given but REC is empty (DfE rule 148); end of episode not recorded");
            } else if (!dec && rec_given && t.field(row, "DEC").empty()) {
                not_used(t, row, "REC", "REC '" + t.field(row, "REC") + "' is given but DEC is empty (DfE rule 148); ignored");
            } else if (dec && *dec < *decom) {
                not_used(t, row, "DEC",
                         "DEC " + dec->iso() + " is before DECOM " + decom->iso() + "; end of episode not recorded");
            } else if (dec && !e.rec.empty()) {
                e.dec = dec;
            }
            run.push_back(std::move(e));
        }
        periods_of_care(t, run_child, run);
        write_attributes(run_child);
        in_line_order(first_issue);
    }

    void reviews(CsvReader in) {
        Table t(std::move(in), {"CHILD", "REVIEW"}, summary_.issues);
        const bool has_code = t.has("REVIEW_CODE");
        for (CsvRecord row; t.next(row);) {
            summary_.add("review_rows");
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
            if (has_code) {
                std::string review_code = code(t, row, "REVIEW_CODE", CodeList::review_code,
                                               "; the review is recorded without it");
                if (!review_code.empty()) attrs["review_code"] = review_code;
                else if (t.field(row, "REVIEW_CODE").empty())
                    warn(t, row, "REVIEW_CODE", "REVIEW_CODE is empty (DfE rule 167)");
            }
            event(t, row.line, "REVIEW", id, "review", *when, std::move(attrs));
        }
    }

private:
    // Issues of the current table met out of line order (those about a
    // child's episodes are found when its last row has been read) are put
    // back in line order.
    void in_line_order(std::size_t first) {
        std::stable_sort(summary_.issues.begin() + static_cast<std::ptrdiff_t>(first), summary_.issues.end(),
                         [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    }

    // The episodes of one child, as the DfE validator orders them (by DECOM):
    // rules 142 and 501, then events. A period of care starts with RNE S (or
    // with the child's first episode in the return, whatever its RNE: the
    // period began before the return) and ends when the episode that is
    // current — the latest begun — ceases with a REC other than X1; the end
    // of an older episode overlapped by a later one ends nothing.
    void periods_of_care(const Table& t, const std::string& id, std::vector<Episode>& run) {
        if (run.empty()) return;
        std::stable_sort(run.begin(), run.end(), [](const Episode& a, const Episode& b) { return a.decom < b.decom; });
        CareState& state = care_[id];
        if (state.seen && run.front().decom < state.last_decom)
            warn_at(t, run.front().line, "CHILD", Severity::warning,
                    "episodes of child " + id + " are not next to each other and in date order (this one starts " +
                        run.front().decom.iso() + ", before the episode at " + in_brackets_line(state.last_line) +
                        "); DfE rules 142 and 501 are checked within each group of adjacent rows");
        for (std::size_t i = 0; i < run.size(); ++i) {
            const Episode& e = run[i];
            if (i > 0) {
                const Episode& prev = run[i - 1];
                if (!prev.dec)
                    warn_at(t, prev.line, "DEC", Severity::warning,
                            "rule 142: a new episode has started, but the previous episode has not ended: the episode "
                            "starting " + prev.decom.iso() + " has no usable DEC and REC, and the next one starts " +
                            e.decom.iso() + " (" + in_brackets_line(e.line) + ")");
                else if (e.decom < *prev.dec)
                    warn_at(t, e.line, "DECOM", Severity::warning,
                            "rule 501: episode starting " + e.decom.iso() +
                                " begins before the previous episode ended (" + prev.dec->iso() + ", " +
                                in_brackets_line(prev.line) + ")");
            }
            // The start (an episode without a usable RNE records none).
            if (!e.rne.empty()) {
                // An unknown code (empty here, given in the file) is left out
                // of the event, so that the value in force stays the last known one.
                std::map<std::string, std::string> ls;
                if (!e.ls.empty() || !e.ls_given) ls["legal_status"] = e.ls;
                if (e.rne == "S") {
                    event(t, e.line, "DECOM", id, "became_looked_after", e.decom, ls);
                } else if (!state.period_open) {
                    const bool first = !state.seen;
                    const std::string why = first ? "first_episode_in_return" : "episode_after_cessation";
                    if (first) {
                        summary_.add("periods_begun_before_return");
                        warn_at(t, e.line, "RNE", Severity::note,
                                "child " + id + "'s first episode in the return has RNE " + e.rne +
                                    ": the period of care began before the return; visits and reviews are counted "
                                    "from " + e.decom.iso() + " (became_looked_after recorded with inferred_from = " +
                                    why + ")");
                    } else {
                        warn_at(t, e.line, "RNE", Severity::warning,
                                "rule 432: the previous episode ended the period of care, but RNE is " + e.rne +
                                    ", not S; a period of care is taken to start on " + e.decom.iso() +
                                    " (became_looked_after recorded with inferred_from = " + why + ")");
                    }
                    auto attrs = ls;
                    attrs["inferred_from"] = why;
                    event(t, e.line, "DECOM", id, "became_looked_after", e.decom, std::move(attrs));
                }
                if (e.rne == "L") {
                    event(t, e.line, "DECOM", id, "legal_status_change", e.decom, ls);
                } else {  // S, P, T, B, U: the placement changed
                    auto attrs = ls;
                    if (!e.place.empty() || !e.place_given) attrs["placement_type"] = e.place;
                    event(t, e.line, "DECOM", id, "placement_start", e.decom, std::move(attrs));
                    if (!e.place.empty()) attribute(t, e.line, "PLACE", id, "placement_type", e.place, e.decom);
                }
                if (!e.ls.empty()) attribute(t, e.line, "LS", id, "legal_status", e.ls, e.decom);
                state.period_open = true;
                state.seen = true;
            }
            state.last_decom = e.decom;
            state.last_line = e.line;
            // The end.
            if (!e.dec || e.rec == "X1") continue;
            const Episode* later = nullptr;
            for (std::size_t j = i + 1; j < run.size() && !later; ++j)
                if (run[j].decom < *e.dec) later = &run[j];
            if (later) {
                summary_.add("cessations_overlapped");
                warn_at(t, e.line, "DEC", Severity::warning,
                        "rule 501: the episode starting " + later->decom.iso() + " (" + in_brackets_line(later->line) +
                            ") began before this one ended on " + e.dec->iso() + "; its REC " + e.rec +
                            " does not end the period of care, which continues with the later episode");
                continue;
            }
            event(t, e.line, "DEC", id, "ceased_looked_after", *e.dec, {{"reason", e.rec}});
            state.period_open = false;
        }
    }

    struct PendingValue {
        std::string value;
        std::int64_t line = 0;
    };

    ImportSummary& summary_;
    Sink& sink_;
    std::map<std::string, std::optional<Date>> known_;
    std::map<std::string, CareState> care_;
    std::map<std::pair<std::string, Date>, PendingValue> pending_;  // the current run's attributes
};

// Collects what is read (read_ssda903).
class Collect : public Sink {
public:
    explicit Collect(Ssda903Data& data) : data_(data) {}
    void child(const Child& c) override { data_.children.push_back(c); }
    void event(Ssda903Event e) override { data_.events.push_back(std::move(e)); }
    void attribute(Ssda903Attribute a) override { data_.attributes.push_back(std::move(a)); }

private:
    Ssda903Data& data_;
};

// Stores what is read as it comes, in the caller's transaction (import_ssda903).
class Put : public Sink {
public:
    Put(Store& store, ImportSummary& summary, std::string_view recorded_by)
        : store_(store), summary_(summary), recorded_by_(recorded_by) {}
    void child(const Child& c) override {
        if (detail::put_child(store_, c) == SaveOutcome::added) summary_.add("children_added");
    }
    void event(Ssda903Event e) override {
        source_.assign("ssda903:").append(e.file);
        if (detail::put_event(store_, e.child_id, e.event, recorded_by_, source_))
            summary_.add("events_added");
        else
            summary_.add("events_already_present");
    }
    void attribute(Ssda903Attribute a) override {
        if (detail::put_attribute(store_, a.child_id, {a.effective_from, std::move(a.key), std::move(a.value)}))
            summary_.add("attributes_set");
    }

private:
    Store& store_;
    ImportSummary& summary_;
    std::string_view recorded_by_;
    std::string source_;
};

// The three tables in order, each opened by `open(name)` when its turn comes.
template <class Open>
void read_tables(Open open, ImportSummary& summary, Sink& sink) {
    summary.importer = "ssda903";
    for (const char* count : {"header_rows", "episode_rows", "review_rows", "unknown_codes",
                              "periods_begun_before_return", "cessations_overlapped"})
        summary.add(count, 0);
    Reader reader(summary, sink);
    reader.header(open("header.csv"));
    reader.episodes(open("episodes.csv"));
    reader.reviews(open("reviews.csv"));
}

}  // namespace

Ssda903Data read_ssda903(const std::string& folder) {
    std::filesystem::path dir(folder);
    if (!std::filesystem::is_directory(dir)) throw Error(Status::io, "SSDA903 folder " + folder + " does not exist");
    Ssda903Data data;
    data.summary.source = folder;
    Collect sink(data);
    read_tables(
        [&](const std::string& name) { return CsvReader::open_file((dir / name).string(), table_options(name)); },
        data.summary, sink);
    return data;
}

Ssda903Data read_ssda903(const Ssda903Files& files) {
    Ssda903Data data;
    Collect sink(data);
    read_tables(
        [&](const std::string& name) {
            const std::string& text = name == "header.csv" ? files.header
                                      : name == "episodes.csv" ? files.episodes
                                                               : files.reviews;
            return CsvReader::from_string(text, table_options(name));
        },
        data.summary, sink);
    return data;
}

ImportSummary import_ssda903(Store& store, const std::string& folder, std::string_view recorded_by) {
    std::filesystem::path dir(folder);
    if (!std::filesystem::is_directory(dir)) throw Error(Status::io, "SSDA903 folder " + folder + " does not exist");
    // Each table is opened (and its header checked) before anything is
    // written, so that a missing file or column changes nothing.
    std::map<std::string, CsvReader> tables;
    for (const char* name : {"header.csv", "episodes.csv", "reviews.csv"})
        tables.emplace(name, CsvReader::open_file((dir / name).string(), table_options(name)));
    ImportSummary result;
    result.source = folder;
    result.importer = "ssda903";
    for (const char* count : {"header_rows", "episode_rows", "review_rows", "unknown_codes",
                              "periods_begun_before_return", "cessations_overlapped", "children_added",
                              "events_added", "events_already_present", "attributes_set"})
        result.add(count, 0);
    detail::in_transaction(store, "importing SSDA903 from " + folder, [&] {
        ImportSummary summary = result;
        Put sink(store, summary, recorded_by);
        read_tables([&](const std::string& name) { return std::move(tables.at(name)); }, summary, sink);
        result = std::move(summary);
    });
    return result;
}

}  // namespace oversight
