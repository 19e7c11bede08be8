// A case system's extract of due dates checked against Oversight's
// (compliance/host_due.hpp).
#include <oversight/compliance/host_due.hpp>

#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>

#include "casework/casework_repository.hpp"
#include "compliance/compliance_detail.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
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

/// YYYY-MM-DD or DD/MM/YYYY, and either with a time of day after a space or
/// a T ("08/03/2024 00:00", "2024-03-08T00:00:00": spreadsheet exports).
std::optional<Date> host_date(std::string_view text) {
    const std::size_t cut = text.find_first_of(" T");
    if (cut != std::string_view::npos) {
        const std::string_view time = detail::trim(text.substr(cut + 1));
        if (time.size() < 4 || time.size() > 12 || time.find_first_not_of("0123456789:.") != std::string_view::npos ||
            time.find(':') == std::string_view::npos)
            return std::nullopt;
        text = text.substr(0, cut);
    }
    if (auto d = Date::try_parse_iso(text)) return d;
    return uk_date(text);
}

/// The enabled rules a row's rule text names (ASCII case ignored): the rule
/// of that id, else every rule of that area, in pack order. `disabled`: the
/// text names only rules the pack has switched off.
struct Named {
    std::vector<const Rule*> rules;
    bool disabled = false;
};
Named named_rules(const RulePack& pack, const std::string& text) {
    const std::string key = detail::lower(text);
    Named out;
    for (const bool by_area : {false, true}) {
        std::size_t off = 0;
        for (const Rule& r : pack.rules())
            if (detail::lower(by_area ? r.area : r.id) == key) {
                if (r.enabled) out.rules.push_back(&r);
                else ++off;
            }
        if (!out.rules.empty() || off) {
            out.disabled = out.rules.empty();
            return out;
        }
    }
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
        if (r.verdict != HostDueVerdict::agrees) out.push_back(r);
    return out;
}

HostDueReport check_host_due_dates(const Store& store, const RulePack& pack, const Calendar& calendar,
                                   const std::vector<HostDueInput>& rows, const HostDueOptions& options) {
    if (options.rule) {
        const Named fixed = named_rules(pack, *options.rule);
        if (fixed.rules.empty())
            throw Error(Status::not_found, "host due dates: '" + detail::sanitize_utf8(*options.rule) + "' " +
                                               (fixed.disabled ? "names only rules disabled in"
                                                               : "is neither a rule id nor a rule area of") +
                                               " rule pack '" + pack.name() + "'");
    }
    const std::string child_column(detail::trim(options.child_column)), due_column(detail::trim(options.due_column)),
        rule_column(detail::trim(options.rule_column));

    HostDueReport report;
    report.as_of = options.as_of;
    report.file = options.file;
    for (const HostDueInput& in : rows) {
        HostDueRow row;
        row.line = in.line;
        row.child_id = std::string(detail::trim(in.child_id));
        row.host_text = std::string(detail::trim(in.due_text));
        row.rule = options.rule ? *options.rule : std::string(detail::trim(in.rule));
        report.rows.push_back(std::move(row));
    }

    // The children named, by the local authority's id or the case system's.
    std::map<std::string, std::string> child_of;  // the row's id -> the child's id
    for (const HostDueRow& row : report.rows) {
        if (row.child_id.empty() || child_of.count(row.child_id)) continue;
        if (!options.by_external_id) {
            child_of[row.child_id] = row.child_id;
        } else if (const std::optional<Child> c = detail::casework_repository(store).find_child_by_external_id(
                       row.child_id)) {
            child_of[row.child_id] = c->id;
        }
    }
    std::vector<std::string> children;
    for (const auto& [id, child] : child_of) children.push_back(child);

    // Each child's open obligations as of the extract's day, explained, and
    // those that could not be dated (past the school calendar's last term).
    struct Open {
        std::vector<Obligation> obligations;
        std::vector<Undated> undated;
    };
    std::map<std::string, Open> open;
    detail::for_each_compliance_case(store, options.as_of, &children, [&](ComplianceCase&& c, std::int64_t) {
        Open& mine = open[c.record.child_id];
        std::vector<Undated> undated;
        for (Obligation& o : schedule_case(pack, c.record, options.as_of, calendar, options.school, {}, Explain::open,
                                           &undated))
            if (!o.met_on && !o.ended_on) mine.obligations.push_back(std::move(o));
        for (Undated& u : undated)
            if (!u.met) mine.undated.push_back(std::move(u));
    });

    // What each rule text names, found once per text (an extract repeats a
    // few over thousands of rows; each lookup lowers every rule's id).
    std::map<std::string, Named> names;
    for (HostDueRow& row : report.rows) {
        const std::string where = place(options, row.line, due_column);
        row.host_due = host_date(row.host_text);
        const auto known = child_of.find(row.child_id);
        const auto kase = known == child_of.end() ? open.end() : open.find(known->second);
        if (kase == open.end()) {
            row.verdict = HostDueVerdict::unknown_child;
            row.explanation = row.child_id.empty()
                                  ? "no child id in " + place(options, row.line, child_column)
                                  : "no child " + std::string(options.by_external_id ? "with external id '" : "'") +
                                        detail::sanitize_utf8(row.child_id) + "' in the store (" +
                                        place(options, row.line, child_column) + ")";
            continue;
        }
        auto found = names.find(row.rule);
        if (found == names.end()) found = names.emplace(row.rule, named_rules(pack, row.rule)).first;
        const Named& named = found->second;
        const std::vector<const Rule*>& rules = named.rules;
        if (rules.empty()) {
            row.verdict = HostDueVerdict::unknown_rule;
            row.explanation = "'" + detail::sanitize_utf8(row.rule) + "' (" +
                              place(options, row.line, options.rule ? std::string("rule") : rule_column) + ") " +
                              (named.disabled ? "names only rules disabled in" : "is neither a rule id nor a rule area of") +
                              " rule pack '" + pack.name() + "'";
            continue;
        }
        auto named_here = [&](const std::string& rule_id) {
            return std::any_of(rules.begin(), rules.end(), [&](const Rule* r) { return r->id == rule_id; });
        };
        // The open obligation the row speaks for: of that rule, or the
        // earliest of that area (whichever of its rules applies now).
        const Obligation* ours = nullptr;
        for (const Obligation& o : kase->second.obligations)
            if (named_here(o.rule_id) && (!ours || std::tie(o.due, o.rule_id) < std::tie(ours->due, ours->rule_id)))
                ours = &o;
        if (ours) {
            row.ours = *ours;
            if (row.host_text.empty()) {
                row.verdict = HostDueVerdict::blank;
                row.explanation = "no host due date (" + where + " is blank), but " + ours->rule_id + " is due " +
                                  ours->due.iso();
            } else if (!row.host_due) {
                row.verdict = HostDueVerdict::not_a_date;
                row.explanation = "host due date '" + detail::sanitize_utf8(row.host_text) + "' from " + where +
                                  " is not a date (YYYY-MM-DD or DD/MM/YYYY)";
            } else {
                row.days = Date::days_between(ours->due, *row.host_due);
                row.verdict = row.days == 0 ? HostDueVerdict::agrees : HostDueVerdict::differs;
                row.explanation = "host due date " + row.host_due->iso() + " from " + where;
            }
            continue;
        }
        // Nothing open: not countable (a termly rule without its terms, or
        // past the school calendar's last term), nothing due on either side,
        // or a date the host has and Oversight has not.
        const std::string what = "'" + detail::sanitize_utf8(row.rule) + "' for child " +
                                 detail::sanitize_utf8(kase->first) + " as of " + options.as_of.iso();
        const auto undated = std::find_if(kase->second.undated.begin(), kase->second.undated.end(),
                                          [&](const Undated& u) { return named_here(u.rule_id); });
        const bool termly = !options.school && std::all_of(rules.begin(), rules.end(), [](const Rule* r) {
            return needs_school_calendar(*r);
        });
        if (undated != kase->second.undated.end()) {
            row.verdict = HostDueVerdict::not_counted;
            row.explanation = "Oversight cannot date " + undated->rule_id + " counted from " + undated->anchor_event +
                              " on " + undated->anchor.iso() + ": " + undated->reason;
        } else if (termly) {
            row.verdict = HostDueVerdict::not_counted;
            row.explanation = what + " counts in school days or terms: give a school calendar to compare " + where;
        } else if (row.host_text.empty()) {
            row.verdict = HostDueVerdict::agrees;
            row.explanation = "no host due date (" + where + " is blank), and nothing of " + what + " is open";
        } else {
            row.verdict = HostDueVerdict::no_open_obligation;
            row.explanation = "Oversight has no open obligation of " + what + " to compare with '" +
                              detail::sanitize_utf8(row.host_text) + "' (" + where + ")";
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
