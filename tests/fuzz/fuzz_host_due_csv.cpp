// read_host_due_csv: a case system's extract of due dates, over any bytes,
// read with per-row rules and with a fixed rule area, then checked by
// check_host_due_dates against a store in memory (C1 placed on 6 January
// 2025 and visited on the 10th, C2 placed and not visited, C3 with no
// events) as of 31 January 2025, and written as JSON, CSV and text. What
// host_due_csv.hpp and host_due.hpp promise:
//   - a refusal is Error(parse) (or nomem) naming the file, in UTF-8;
//   - rows come in file order, each on a line after the header's, later
//     than the one before; their fields are UTF-8 without NUL bytes and
//     trimmed of ASCII white space; a fixed rule reads no rule column;
//   - each row has one verdict, the counts add up to the rows, every row
//     but the agreeing ones is a disagreement; differs, and agrees with an
//     obligation, compare a host date with an open obligation (days = host -
//     ours, 0 exactly when they agree); agrees without one has no host date
//     either; blank has an obligation and no host date; unknown_child,
//     unknown_rule, not_counted and no_open_obligation have no obligation;
//     every row explains itself;
//   - the documents are UTF-8.
#include "fuzz.hpp"

#include <string>
#include <vector>

using namespace oversight;

namespace {

const char* const kFile = "fuzz-extract.csv";

const RulePack& pack() {
    static const RulePack p = RulePack::england_default();
    return p;
}

const Calendar& calendar() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

Store& store() {
    static Store s = [] {
        Store st = Store::open_in_memory();
        for (const char* child : {"C1", "C2", "C3"}) save_child(st, {child, Date::from_ymd(2012, 5, 1)});
        for (const char* child : {"C1", "C2"}) {
            record_event(st, child, {"became_looked_after", Date::from_ymd(2025, 1, 6), {}}, "fuzz", &pack());
            record_event(st, child, {"placement_start", Date::from_ymd(2025, 1, 6), {}}, "fuzz", &pack());
        }
        record_event(st, "C1", {"visit", Date::from_ymd(2025, 1, 10), {}}, "fuzz", &pack());
        return st;
    }();
    return s;
}

bool trimmed(const std::string& s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    return s.empty() || (!space(s.front()) && !space(s.back()));
}

void run(std::string_view text, const HostDueOptions& o) {
    std::vector<HostDueInput> rows;
    try {
        rows = read_host_due_csv(std::string(text), o);
    } catch (const Error& e) {
        const std::string what = e.what();
        fuzz::check(e.code() == Status::parse || e.code() == Status::nomem, "a refusal is a parse error", what);
        fuzz::check(fuzz::is_utf8(what), "a refusal is UTF-8", what);
        fuzz::check(what.find(kFile) != std::string::npos, "a refusal names the file", what);
        return;
    }
    std::int64_t previous = 1;
    for (const HostDueInput& r : rows) {
        const std::string at = "row on line " + std::to_string(r.line);
        fuzz::check(r.line > previous, "rows come in file order, after the header", at);
        previous = r.line;
        for (const std::string* f : {&r.child_id, &r.rule, &r.due_text}) {
            fuzz::check(fuzz::is_utf8(*f), "a field is UTF-8", at);
            fuzz::check(f->find('\0') == std::string::npos, "a field holds no NUL byte", at);
            fuzz::check(trimmed(*f), "a field is trimmed", at);
        }
        if (o.rule) fuzz::check(r.rule.empty(), "a fixed rule reads no rule column", at);
    }

    const HostDueReport report = check_host_due_dates(store(), pack(), calendar(), rows, o);
    fuzz::check(report.rows.size() == rows.size(), "one checked row per row read");
    std::int64_t counted = 0;
    for (const HostDueVerdict v :
         {HostDueVerdict::agrees, HostDueVerdict::differs, HostDueVerdict::not_a_date,
          HostDueVerdict::no_open_obligation, HostDueVerdict::unknown_child, HostDueVerdict::unknown_rule,
          HostDueVerdict::not_counted, HostDueVerdict::blank})
        counted += report.count(v);
    fuzz::check(counted == static_cast<std::int64_t>(rows.size()), "the counts add up to the rows");
    fuzz::check(static_cast<std::int64_t>(report.disagreements().size()) ==
                    counted - report.count(HostDueVerdict::agrees),
                "every row but the agreeing ones is a disagreement");
    for (const HostDueRow& r : report.rows) {
        const std::string at = "line " + std::to_string(r.line) + ": " + std::string(to_string(r.verdict));
        fuzz::check(!r.explanation.empty() && fuzz::is_utf8(r.explanation), "a row explains itself in UTF-8", at);
        switch (r.verdict) {
            case HostDueVerdict::agrees:
                if (!r.ours) {  // none on either side
                    fuzz::check(r.host_text.empty(), "agreeing without an obligation: no host date either", at);
                    break;
                }
                [[fallthrough]];
            case HostDueVerdict::differs:
                fuzz::check(r.host_due && r.ours, "a comparison has both dates", at);
                fuzz::check(Date::days_between(r.ours->due, *r.host_due) == r.days, "days = host - ours", at);
                fuzz::check((r.days == 0) == (r.verdict == HostDueVerdict::agrees), "they agree exactly on 0 days", at);
                fuzz::check(!r.ours->met_on && !r.ours->ended_on, "the obligation compared is open", at);
                fuzz::check(!r.ours->explanation.empty(), "ours is explained", at);
                break;
            case HostDueVerdict::not_a_date:
                fuzz::check(!r.host_due && !r.host_text.empty(), "not a date: some text that is no date", at);
                break;
            case HostDueVerdict::blank:
                fuzz::check(r.host_text.empty() && r.ours, "blank: no text, an obligation open", at);
                break;
            case HostDueVerdict::unknown_child:
            case HostDueVerdict::unknown_rule:
            case HostDueVerdict::not_counted:
            case HostDueVerdict::no_open_obligation:
                fuzz::check(!r.ours, "nothing to compare: no obligation", at);
                break;
        }
    }
    fuzz::check(fuzz::is_utf8(host_due_to_json(report)), "the JSON is UTF-8");
    fuzz::check(fuzz::is_utf8(host_due_to_csv(report)), "the CSV is UTF-8");
    fuzz::check(fuzz::is_utf8(host_due_to_text(report)), "the text is UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    HostDueOptions per_row;
    per_row.as_of = Date::from_ymd(2025, 1, 31);
    per_row.file = kFile;
    run(text, per_row);
    HostDueOptions visits = per_row;
    visits.rule = "visits";
    visits.due_column = "Next visit due";
    run(text, visits);
    return 0;
}
