// A case system's extract of due dates checked against Oversight's
// (compliance/host_due.hpp).
#include <oversight/compliance/host_due.hpp>

#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>

#include "compliance/compliance_detail.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace oversight {

namespace {

constexpr std::pair<HostDueVerdict, std::string_view> kVerdicts[] = {
    {HostDueVerdict::agrees, "agrees"},
    {HostDueVerdict::differs, "differs"},
    {HostDueVerdict::not_a_date, "not_a_date"},
    {HostDueVerdict::no_open_obligation, "no_open_obligation"},
    {HostDueVerdict::unknown_child, "unknown_child"},
    {HostDueVerdict::unknown_rule, "unknown_rule"},
    {HostDueVerdict::not_counted, "not_counted"},
    {HostDueVerdict::blank, "blank"},
};

/// "DD/MM/YYYY" (one- or two-digit day and month, digits only), the form
/// councils' extracts and spreadsheets use; nullopt otherwise.
std::optional<Date> uk_date(std::string_view t) {
    const auto first = t.find('/'), second = first == std::string_view::npos ? first : t.find('/', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const std::string_view d = t.substr(0, first), m = t.substr(first + 1, second - first - 1),
                           y = t.substr(second + 1);
    auto number = [](std::string_view s, std::size_t min, std::size_t max) -> std::optional<int> {
        if (s.size() < min || s.size() > max) return std::nullopt;
        int n = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return std::nullopt;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const auto day = number(d, 1, 2), month = number(m, 1, 2), year = number(y, 4, 4);
    if (!day || !month || !year || *month < 1 || *month > 12 || *year < 1400 || *day < 1 ||
        *day > Date::days_in_month(*year, *month))
        return std::nullopt;
    return Date::from_ymd(*year, *month, *day);
}

std::optional<Date> host_date(std::string_view text) {
    if (auto d = Date::try_parse_iso(text)) return d;
    return uk_date(text);
}

/// The rules a row's rule text names: the rule of that id, else every rule
/// of that area (enabled ones), in pack order.
std::vector<const Rule*> named_rules(const RulePack& pack, const std::string& text) {
    std::vector<const Rule*> out;
    if (const Rule* r = pack.find(text)) {
        out.push_back(r);
        return out;
    }
    for (const Rule& r : pack.rules())
        if (r.area == text) out.push_back(&r);
    return out;
}

std::string place(const HostDueOptions& o, std::int64_t line, const std::string& column) {
    return o.file + " line " + std::to_string(line) + " column " + column;
}

}  // namespace

std::string_view to_string(HostDueVerdict v) noexcept {
    for (const auto& [value, name] : kVerdicts)
        if (value == v) return name;
    return "agrees";
}

bool operator==(const HostDueInput& a, const HostDueInput& b) {
    return std::tie(a.line, a.child_id, a.rule, a.due_text) == std::tie(b.line, b.child_id, b.rule, b.due_text);
}

bool operator==(const HostDueRow& a, const HostDueRow& b) {
    return std::tie(a.line, a.child_id, a.rule, a.host_text, a.host_due, a.verdict, a.ours, a.days, a.explanation) ==
           std::tie(b.line, b.child_id, b.rule, b.host_text, b.host_due, b.verdict, b.ours, b.days, b.explanation);
}

std::int64_t HostDueReport::count(HostDueVerdict v) const noexcept {
    return std::count_if(rows.begin(), rows.end(), [v](const HostDueRow& r) { return r.verdict == v; });
}

std::vector<HostDueRow> HostDueReport::disagreements() const {
    std::vector<HostDueRow> out;
    for (const HostDueRow& r : rows)
        if (r.verdict != HostDueVerdict::agrees && r.verdict != HostDueVerdict::blank) out.push_back(r);
    return out;
}

HostDueReport check_host_due_dates(const Store& store, const RulePack& pack, const Calendar& calendar,
                                   const std::vector<HostDueInput>& rows, const HostDueOptions& options) {
    if (options.rule && named_rules(pack, *options.rule).empty())
        throw Error(Status::not_found, "host due dates: '" + detail::sanitize_utf8(*options.rule) +
                                           "' is neither a rule id nor a rule area of rule pack '" + pack.name() + "'");
    const std::string child_column(detail::trim(options.child_column)), due_column(detail::trim(options.due_column)),
        rule_column(detail::trim(options.rule_column));

    HostDueReport report;
    report.as_of = options.as_of;
    report.file = options.file;
    std::vector<std::string> children;
    std::set<std::string> named;
    for (const HostDueInput& in : rows) {
        HostDueRow row;
        row.line = in.line;
        row.child_id = std::string(detail::trim(in.child_id));
        row.host_text = std::string(detail::trim(in.due_text));
        row.rule = options.rule ? *options.rule : std::string(detail::trim(in.rule));
        if (!row.child_id.empty() && named.insert(row.child_id).second) children.push_back(row.child_id);
        report.rows.push_back(std::move(row));
    }

    // Each child's open obligations as of the extract's day, explained.
    std::map<std::string, std::vector<Obligation>> open;
    detail::for_each_compliance_case(store, options.as_of, &children, [&](ComplianceCase&& c, std::int64_t) {
        std::vector<Obligation>& mine = open[c.record.child_id];
        for (Obligation& o : schedule_case(pack, c.record, options.as_of, calendar, options.school, {}, Explain::open))
            if (!o.met_on && !o.ended_on) mine.push_back(std::move(o));
    });

    for (HostDueRow& row : report.rows) {
        const std::string where = place(options, row.line, due_column);
        row.host_due = host_date(row.host_text);
        const auto kase = open.find(row.child_id);
        const std::vector<const Rule*> rules = named_rules(pack, row.rule);
        if (kase == open.end()) {
            row.verdict = HostDueVerdict::unknown_child;
            row.explanation = row.child_id.empty()
                                  ? "no child id in " + place(options, row.line, child_column)
                                  : "no child '" + detail::sanitize_utf8(row.child_id) + "' in the store (" +
                                        place(options, row.line, child_column) + ")";
            continue;
        }
        if (rules.empty()) {
            row.verdict = HostDueVerdict::unknown_rule;
            row.explanation = "'" + detail::sanitize_utf8(row.rule) + "' (" +
                              place(options, row.line, options.rule ? std::string("rule") : rule_column) +
                              ") is neither a rule id nor a rule area of rule pack '" + pack.name() + "'";
            continue;
        }
        // The open obligation the row speaks for: of that rule, or the
        // earliest of that area (whichever of its rules applies now).
        const Obligation* ours = nullptr;
        for (const Obligation& o : kase->second)
            if (std::any_of(rules.begin(), rules.end(), [&](const Rule* r) { return r->id == o.rule_id; }) &&
                (!ours || std::tie(o.due, o.rule_id) < std::tie(ours->due, ours->rule_id)))
                ours = &o;
        if (ours) row.ours = *ours;
        if (!ours) {
            const bool termly = !options.school && std::all_of(rules.begin(), rules.end(), [](const Rule* r) {
                return needs_school_calendar(*r);
            });
            row.verdict = termly ? HostDueVerdict::not_counted : HostDueVerdict::no_open_obligation;
            row.explanation =
                termly ? "'" + row.rule + "' counts in school days or terms: give a school calendar to compare " +
                             where
                       : "Oversight has no open obligation of '" + row.rule + "' for child " + row.child_id +
                             " as of " + options.as_of.iso() +
                             (row.host_text.empty() ? std::string(" (") + where + " is blank)"
                                                    : " to compare with '" + detail::sanitize_utf8(row.host_text) +
                                                          "' (" + where + ")");
        } else if (row.host_text.empty()) {
            row.verdict = HostDueVerdict::blank;
            row.explanation = "no host due date (" + where + " is blank)";
        } else if (!row.host_due) {
            row.verdict = HostDueVerdict::not_a_date;
            row.explanation = "host due date '" + detail::sanitize_utf8(row.host_text) + "' from " + where +
                              " is not a date (YYYY-MM-DD or DD/MM/YYYY)";
        } else {
            row.days = Date::days_between(ours->due, *row.host_due);
            row.verdict = row.days == 0 ? HostDueVerdict::agrees : HostDueVerdict::differs;
            row.explanation = "host due date " + row.host_due->iso() + " from " + where;
        }
    }
    return report;
}

// ---------------------------------------------------------------- documents

namespace {

using ojson = nlohmann::ordered_json;

ojson ours_json(const std::optional<Obligation>& o) {
    if (!o) return ojson();
    return ojson{{"rule", o->rule_id},
                 {"title", o->title},
                 {"source", o->source},
                 {"due", o->due.iso()},
                 {"anchor", o->anchor.iso()},
                 {"anchor_event", o->anchor_event},
                 {"explanation", detail::sanitize_utf8(o->explanation)}};
}

}  // namespace

std::string host_due_to_json(const HostDueReport& report) {
    ojson doc = {{"format", "oversight-host-due-dates"}, {"version", 1}, {"as_of", report.as_of.iso()},
                 {"file", detail::sanitize_utf8(report.file)}};
    ojson counts = ojson::object();
    for (const auto& [v, name] : kVerdicts) counts[std::string(name)] = report.count(v);
    doc["counts"] = std::move(counts);
    ojson rows = ojson::array();
    for (const HostDueRow& r : report.rows)
        rows.push_back({{"line", r.line},
                        {"child", detail::sanitize_utf8(r.child_id)},
                        {"rule", detail::sanitize_utf8(r.rule)},
                        {"host_due", r.host_due ? ojson(r.host_due->iso()) : ojson()},
                        {"host_text", detail::sanitize_utf8(r.host_text)},
                        {"verdict", std::string(to_string(r.verdict))},
                        {"days", r.days},
                        {"ours", ours_json(r.ours)},
                        {"explanation", detail::sanitize_utf8(r.explanation)}});
    doc["rows"] = std::move(rows);
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string host_due_to_csv(const HostDueReport& report) {
    std::ostringstream out;
    detail::csv_row(out, {"line", "child", "rule", "host_due", "host_text", "verdict", "days", "our_rule", "our_due",
                          "anchor", "anchor_event", "source", "host_explanation", "our_explanation"});
    for (const HostDueRow& r : report.rows)
        detail::csv_row(out, {std::to_string(r.line), r.child_id, r.rule, r.host_due ? r.host_due->iso() : "",
                              r.host_text, std::string(to_string(r.verdict)), std::to_string(r.days),
                              r.ours ? r.ours->rule_id : "", r.ours ? r.ours->due.iso() : "",
                              r.ours ? r.ours->anchor.iso() : "", r.ours ? r.ours->anchor_event : "",
                              r.ours ? r.ours->source : "", r.explanation, r.ours ? r.ours->explanation : ""});
    return detail::sanitize_utf8(out.str());
}

std::string host_due_to_text(const HostDueReport& report) {
    std::ostringstream out;
    out << "Host due dates from " << report.file << " as of " << report.as_of.iso() << ": " << report.rows.size()
        << " row" << (report.rows.size() == 1 ? "" : "s") << "\n ";
    for (const auto& [v, name] : kVerdicts) out << " " << name << " " << report.count(v);
    out << "\n";
    const std::vector<HostDueRow> differ = report.disagreements();
    if (!differ.empty()) out << "\nTo look at (" << differ.size() << "):\n";
    for (const HostDueRow& r : differ) {
        out << "  line " << r.line << ": " << r.child_id << " " << r.rule << ": " << to_string(r.verdict);
        if (r.verdict == HostDueVerdict::differs)
            out << " (host " << r.host_due->iso() << ", Oversight " << r.ours->due.iso() << ", " << (r.days > 0 ? "+" : "")
                << r.days << " day" << (r.days == 1 || r.days == -1 ? "" : "s") << ")";
        out << "\n    theirs: " << r.explanation << "\n";
        if (r.ours) out << "    ours: " << r.ours->explanation << "\n";
    }
    return detail::sanitize_utf8(out.str());
}

}  // namespace oversight
