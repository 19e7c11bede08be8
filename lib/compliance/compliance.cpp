// Compliance as of a date: obligations classified, attributed to the worker
// and team who held the case when each fell due, aggregated, and written as
// JSON, CSV and text.
#include <oversight/compliance/compliance.hpp>

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "casework/casework_repository.hpp"
#include "compliance/compliance_detail.hpp"
#include "compliance/compliance_repository.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace oversight {

// ---------------------------------------------------------------- value types

namespace {

constexpr std::pair<std::string_view, ComplianceState> kStates[] = {
    {"met_on_time", ComplianceState::met_on_time}, {"met_late", ComplianceState::met_late},
    {"overdue", ComplianceState::overdue},         {"due_soon", ComplianceState::due_soon},
    {"not_yet_due", ComplianceState::not_yet_due}, {"exempt", ComplianceState::exempt}};

constexpr std::pair<std::string_view, ComplianceBy> kBy[] = {{"overall", ComplianceBy::overall},
                                                             {"team", ComplianceBy::team},
                                                             {"worker", ComplianceBy::worker},
                                                             {"rule", ComplianceBy::rule},
                                                             {"area", ComplianceBy::area}};

}  // namespace

std::string_view to_string(ComplianceState s) noexcept {
    for (const auto& [name, value] : kStates)
        if (value == s) return name;
    return "?";
}

ComplianceState compliance_state_from_string(std::string_view text) {
    return detail::parse_enum(text, kStates, "compliance state");
}

std::string_view to_string(ComplianceBy by) noexcept {
    for (const auto& [name, value] : kBy)
        if (value == by) return name;
    return "?";
}

ComplianceBy compliance_by_from_string(std::string_view text) {
    return detail::parse_enum(text, kBy, "compliance grouping (overall, team, worker, rule or area)");
}

bool operator==(const AllocationSpan& a, const AllocationSpan& b) {
    return std::tie(a.worker, a.team, a.from, a.until) == std::tie(b.worker, b.team, b.from, b.until);
}

bool operator==(const HostDueDate& a, const HostDueDate& b) {
    return std::tie(a.host_due, a.host_text, a.event_type, a.event_date, a.explanation) ==
           std::tie(b.host_due, b.host_text, b.event_type, b.event_date, b.explanation);
}

bool operator==(const ComplianceItem& a, const ComplianceItem& b) {
    return a.obligation == b.obligation && a.area == b.area && a.state == b.state && a.days == b.days &&
           a.met_event == b.met_event && a.met_recorded_on == b.met_recorded_on &&
           a.recording_delay == b.recording_delay && a.recorded_late == b.recorded_late &&
           a.exemption == b.exemption && a.host_due == b.host_due;
}

bool operator==(const ComplianceCounts& a, const ComplianceCounts& b) {
    return std::tie(a.met_on_time, a.met_late, a.overdue, a.due_soon, a.not_yet_due, a.exempt, a.recorded_late,
                    a.host_disagreements, a.carried_over, a.carried_over_met) ==
           std::tie(b.met_on_time, b.met_late, b.overdue, b.due_soon, b.not_yet_due, b.exempt, b.recorded_late,
                    b.host_disagreements, b.carried_over, b.carried_over_met);
}

bool operator==(const ComplianceGroup& a, const ComplianceGroup& b) {
    return a.by == b.by && a.key == b.key && a.numerator == b.numerator && a.denominator == b.denominator &&
           a.percent == b.percent && a.counts == b.counts;
}

// ------------------------------------------------------------- classification

namespace {

const AllocationSpan* span_on(const std::vector<AllocationSpan>& spans, Date day) {
    for (const AllocationSpan& s : spans)
        if (s.from <= day && (!s.until || day < *s.until)) return &s;
    return nullptr;
}

bool satisfies(const Rule* rule, const std::string& type) {
    return rule && std::find(rule->satisfied_by.begin(), rule->satisfied_by.end(), type) != rule->satisfied_by.end();
}

/// The index of the event that met `o` (its date, a satisfying type).
std::optional<std::size_t> met_event_of(const CaseRecord& r, const Obligation& o, const Rule* rule) {
    if (!o.met_on) return std::nullopt;
    for (std::size_t i = 0; i < r.events.size(); ++i)
        if (r.events[i].date == *o.met_on && satisfies(rule, r.events[i].type)) return i;
    return std::nullopt;
}

std::optional<std::size_t> anchor_event_of(const CaseRecord& r, const Obligation& o) {
    for (std::size_t i = 0; i < r.events.size(); ++i)
        if (r.events[i].date == o.anchor && r.events[i].type == o.anchor_event) return i;
    return std::nullopt;
}

const std::string* attribute(const CaseEvent& e, const char* key) {
    auto it = e.attributes.find(key);
    return it == e.attributes.end() ? nullptr : &it->second;
}

/// The host's due date on event `e` where it differs from `due`.
std::optional<HostDueDate> host_opinion(const CaseEvent& e, Date due) {
    const std::string* text = attribute(e, "due_date");
    if (!text) return std::nullopt;
    HostDueDate h;
    h.host_due = Date::try_parse_iso(detail::trim(*text));
    if (h.host_due == due) return std::nullopt;
    h.host_text = *text;
    h.event_type = e.type;
    h.event_date = e.date;
    h.explanation = h.host_due ? "host due date " + h.host_due->iso() + " from event " + e.type + " on " +
                                     e.date.iso() + " (attribute due_date)"
                               : "host due date '" + detail::sanitize_utf8(*text) + "' from event " + e.type + " on " +
                                     e.date.iso() + " (attribute due_date) is not an ISO date";
    return h;
}

}  // namespace

std::vector<ComplianceItem> classify_case(const ComplianceCase& c, const std::vector<Obligation>& obligations,
                                          const RulePack& pack, const Calendar& calendar,
                                          const ClassifySettings& settings) {
    const CaseRecord& r = c.record;
    const Date as_of = settings.as_of;
    // The events that met an obligation of this case: their due_date speaks
    // for that obligation only.
    std::vector<std::optional<std::size_t>> met(obligations.size());
    std::set<std::size_t> meeting;
    for (std::size_t k = 0; k < obligations.size(); ++k) {
        met[k] = met_event_of(r, obligations[k], pack.find(obligations[k].rule_id));
        if (met[k]) meeting.insert(*met[k]);
    }

    std::vector<ComplianceItem> out;
    out.reserve(obligations.size());
    for (std::size_t k = 0; k < obligations.size(); ++k) {
        const Obligation& o = obligations[k];
        const Rule* rule = pack.find(o.rule_id);
        ComplianceItem item;
        item.obligation = o;
        if (item.obligation.child_id.empty()) item.obligation.child_id = r.child_id;
        item.area = rule ? rule->area : std::string();
        // Who held the case when it fell due (or on as_of, for one not yet
        // due: later allocations were not known then).
        const AllocationSpan* who = span_on(c.allocations, std::min(o.due, as_of));
        item.obligation.worker = who ? who->worker : std::string();
        item.obligation.team = who ? who->team : std::string();

        // The event that met it, and how soon it was recorded.
        if (met[k]) {
            const std::size_t i = *met[k];
            item.met_event = r.events[i].type;
            // The host's own recording date (attribute recorded_on) first:
            // a case system that syncs later, or a return, knows it.
            std::optional<Date> recorded;
            if (const std::string* host = attribute(r.events[i], "recorded_on"))
                recorded = Date::try_parse_iso(detail::trim(*host));
            if (!recorded && i < c.recorded_on.size()) recorded = c.recorded_on[i];
            if (recorded) {
                item.met_recorded_on = recorded;
                const int delay = *item.met_recorded_on > *o.met_on
                                      ? calendar.working_days_between(*o.met_on, *item.met_recorded_on)
                                      : 0;
                item.recording_delay = delay;
                item.recorded_late = delay > settings.recording_threshold_working_days;
            }
        }

        // An exemption covering the day it fell due, when not met by then,
        // excuses it while it lasts: met, or still open, by the exemption's
        // last day (or while it has no end), exempt; otherwise it counts as
        // due on that last day (met late, or overdue, from then), with the
        // exemption named beside it.
        const bool met_in_time = o.met_on && *o.met_on <= o.due;
        const Exemption* exempt =
            !met_in_time && o.due <= as_of ? covering(c.exemptions, o.due, item.area) : nullptr;
        std::optional<Date> excused_until;
        if (exempt) {
            item.exemption = *exempt;
            const Date settled = o.met_on ? *o.met_on : o.ended_on ? *o.ended_on : as_of;
            if (exempt->to && *exempt->to < settled) excused_until = *exempt->to;
        }
        const Date due = excused_until.value_or(o.due);

        if (exempt && !excused_until) {
            item.state = ComplianceState::exempt;
        } else if (o.met_on) {
            const int late = Date::days_between(due, *o.met_on);
            item.state = late > 0 ? ComplianceState::met_late : ComplianceState::met_on_time;
            item.days = std::max(late, 0);
        } else if (o.ended_on) {
            item.state = ComplianceState::overdue;  // the chain ended unmet after the due date
            item.days = Date::days_between(due, *o.ended_on);
        } else if (due < as_of) {
            item.state = ComplianceState::overdue;
            item.days = Date::days_between(due, as_of);
        } else {
            item.state = o.due <= settings.due_soon_until ? ComplianceState::due_soon : ComplianceState::not_yet_due;
            item.days = Date::days_between(as_of, o.due);
        }

        // A second opinion: the met event's due_date; else the anchor's, when
        // the anchor met nothing (a trigger, or the latest event of a chain).
        if (met[k]) {
            item.host_due = host_opinion(r.events[*met[k]], o.due);
        } else if (auto a = anchor_event_of(r, o); a && !meeting.count(*a)) {
            const std::string* only = attribute(r.events[*a], "due_rule");
            if (!only || detail::trim(*only) == o.rule_id) item.host_due = host_opinion(r.events[*a], o.due);
        }
        out.push_back(std::move(item));
    }
    return out;
}

// ---------------------------------------------------------------- aggregation

namespace {

void count(ComplianceGroup& g, ComplianceState state, bool recorded_late, bool host_differs, std::int64_t n) {
    ComplianceCounts& c = g.counts;
    switch (state) {
        case ComplianceState::met_on_time: c.met_on_time += n; break;
        case ComplianceState::met_late: c.met_late += n; break;
        case ComplianceState::overdue: c.overdue += n; break;
        case ComplianceState::due_soon: c.due_soon += n; break;
        case ComplianceState::not_yet_due: c.not_yet_due += n; break;
        case ComplianceState::exempt: c.exempt += n; break;
    }
    if (recorded_late) c.recorded_late += n;
    if (host_differs) c.host_disagreements += n;
    g.numerator = c.met_on_time;
    g.denominator = c.met_on_time + c.met_late + c.overdue;
    g.percent = g.denominator ? std::optional<double>(100.0 * static_cast<double>(g.numerator) /
                                                      static_cast<double>(g.denominator))
                              : std::nullopt;
}

const std::string& key_of(const ComplianceItem& i, ComplianceBy by) {
    static const std::string none;
    switch (by) {
        case ComplianceBy::team: return i.obligation.team;
        case ComplianceBy::worker: return i.obligation.worker;
        case ComplianceBy::rule: return i.obligation.rule_id;
        case ComplianceBy::area: return i.area;
        case ComplianceBy::overall: break;
    }
    return none;
}

bool same_name(std::string_view a, std::string_view b) { return detail::lower(a) == detail::lower(b); }

bool item_order(const ComplianceItem& a, const ComplianceItem& b) {
    const Obligation &x = a.obligation, &y = b.obligation;
    return std::tie(x.team, x.worker, x.child_id, x.due, x.rule_id, x.anchor) <
           std::tie(y.team, y.worker, y.child_id, y.due, y.rule_id, y.anchor);
}

}  // namespace

namespace {

/// Groups counted one item at a time: aggregate() over a list, and the
/// groups-only report as cases are read (no list held) or from the counts
/// of a kept report.
class GroupCounter {
public:
    GroupCounter() = default;
    // Not copied: last_ points into groups_' nodes, which a move takes along
    // (the source forgets them).
    GroupCounter(const GroupCounter&) = delete;
    GroupCounter& operator=(const GroupCounter&) = delete;
    GroupCounter(GroupCounter&& other) noexcept
        : overall_(std::move(other.overall_)), groups_(std::move(other.groups_)), last_(other.last_) {
        other.forget();
    }
    GroupCounter& operator=(GroupCounter&& other) noexcept {
        if (this == &other) return *this;
        overall_ = std::move(other.overall_);
        groups_ = std::move(other.groups_);
        last_ = other.last_;
        other.forget();
        return *this;
    }
    /// The keys an item is counted under: team, worker, rule id, area.
    using Keys = std::array<const std::string*, 4>;
    static Keys keys_of(const ComplianceItem& i) {
        return {&i.obligation.team, &i.obligation.worker, &i.obligation.rule_id, &i.area};
    }

    void add(const ComplianceItem& i) { add(keys_of(i), i.state, i.recorded_late, i.host_due.has_value(), 1); }
    /// `n` items of one state under the same keys.
    void add(const Keys& keys, ComplianceState state, bool recorded_late, bool host_differs, std::int64_t n) {
        for_each_group(keys, [&](ComplianceGroup& g) { count(g, state, recorded_late, host_differs, n); });
    }
    /// `n` items due before the period and unmet on its first day; `met`:
    /// met within the period (ComplianceCounts::carried_over).
    void carry(const Keys& keys, bool met, std::int64_t n) {
        for_each_group(keys, [&](ComplianceGroup& g) {
            g.counts.carried_over += n;
            if (met) g.counts.carried_over_met += n;
        });
    }
    /// Overall first, then by team, worker, rule and area (each by key).
    std::vector<ComplianceGroup> groups() && {
        std::vector<ComplianceGroup> out{std::move(overall_)};
        for (auto& by : groups_)
            for (auto& [key, g] : by) out.push_back(std::move(g));
        forget();
        return out;
    }

private:
    template <class F>
    void for_each_group(const Keys& keys, F&& f) {
        f(overall_);
        for (std::size_t d = 0; d < kBy.size(); ++d) {
            const std::string& key = *keys[d];
            // Items and kept numbers come mostly in order (one team's, one
            // worker's in a row): the group before is tried first.
            ComplianceGroup* g = last_[d];
            if (!g || g->key != key) {
                auto it = groups_[d].find(key);
                if (it == groups_[d].end()) {
                    it = groups_[d].emplace(key, ComplianceGroup{}).first;
                    it->second.by = kBy[d];
                    it->second.key = key;
                }
                g = last_[d] = &it->second;
            }
            f(*g);
        }
    }
    static constexpr std::array<ComplianceBy, 4> kBy{ComplianceBy::team, ComplianceBy::worker, ComplianceBy::rule,
                                                     ComplianceBy::area};
    ComplianceGroup overall_;
    std::array<std::map<std::string, ComplianceGroup>, 4> groups_;
    std::array<ComplianceGroup*, 4> last_{};  // each dimension's group counted last (map nodes stay put)

    void forget() noexcept {
        overall_ = ComplianceGroup{};
        for (auto& by : groups_) by.clear();
        last_ = {};
    }
};

}  // namespace

std::vector<ComplianceGroup> aggregate(const std::vector<ComplianceItem>& items) {
    GroupCounter counter;
    for (const ComplianceItem& i : items) counter.add(i);
    return std::move(counter).groups();
}

std::vector<ComplianceGroup> ComplianceReport::groups_by(ComplianceBy by) const {
    std::vector<ComplianceGroup> out;
    for (const ComplianceGroup& g : groups)
        if (g.by == by) out.push_back(g);
    return out;
}

std::vector<ComplianceItem> ComplianceReport::items_of(ComplianceBy by, std::string_view key) const {
    std::vector<ComplianceItem> out;
    for (const ComplianceItem& i : items)
        if (by == ComplianceBy::overall || key_of(i, by) == key) out.push_back(i);
    return out;
}

std::vector<ComplianceItem> ComplianceReport::disagreements() const {
    std::vector<ComplianceItem> out;
    for (const ComplianceItem& i : items)
        if (i.host_due) out.push_back(i);
    return out;
}

namespace detail {

ReportFrame frame_of(const ComplianceOptions& options, const Calendar& calendar) {
    if (options.window.count < 0)
        throw Error(Status::invalid_arg, "compliance window " + describe(options.window) + " is negative");
    if (options.recording_threshold_working_days < 0)
        throw Error(Status::invalid_arg, "recording threshold " +
                                             std::to_string(options.recording_threshold_working_days) +
                                             " working days is negative");
    ReportFrame f;
    f.period_to = options.period_to.value_or(options.as_of);
    f.period_from = options.period_from.value_or(f.period_to.add_days(1).add_months(-3));
    if (f.period_to < f.period_from)
        throw Error(Status::invalid_arg, "compliance period ends (" + f.period_to.iso() + ") before it starts (" +
                                             f.period_from.iso() + ")");
    f.settings = {options.as_of, add_duration(options.as_of, options.window, calendar),
                  options.recording_threshold_working_days};
    return f;
}

CaseCount count_case(const ComplianceCase& c, const RulePack& pack, const Calendar& calendar,
                     const ComplianceOptions& options, const ReportFrame& frame, Explain explain) {
    CaseCount out;
    out.team = c.record.team;
    out.worker = c.record.worker;
    const std::vector<Obligation> obligations =
        schedule_case(pack, c.record, options.as_of, calendar, options.school, {}, explain, &out.undated);
    for (ComplianceItem& i : classify_case(c, obligations, pack, calendar, frame.settings)) {
        const Obligation& o = i.obligation;
        if (frame.period_to < o.due) continue;
        if (o.due < frame.period_from) {
            // Brought forward when still unmet on the period's first day.
            const Date from = frame.period_from;
            const bool met_in_period = o.met_on && !(*o.met_on < from) && !(frame.period_to < *o.met_on);
            if ((i.state == ComplianceState::overdue && !(o.ended_on && *o.ended_on < from)) ||
                (i.state == ComplianceState::met_late && o.met_on && !(*o.met_on < from)))
                out.carried.emplace_back(std::move(i), met_in_period);
            continue;
        }
        out.items.push_back(std::move(i));
    }
    return out;
}

}  // namespace detail

namespace {

using detail::CaseCount;
using detail::KeptCount;
using detail::ReportFrame;

/// A report being built case by case: compliance_of and compliance (which
/// reads the store one case at a time, or a kept report's rows) share it.
class ReportBuilder {
public:
    /// `listing`: the child-level items are listed (options.items, or
    /// handed to a caller one at a time).
    ReportBuilder(const RulePack& pack, const Calendar& calendar, const ComplianceOptions& options, bool listing)
        : pack_(pack), calendar_(calendar), options_(options), listing_(listing),
          frame_(detail::frame_of(options, calendar)) {
        report_.as_of = options.as_of;
        report_.period_from = frame_.period_from;
        report_.period_to = frame_.period_to;
        report_.due_soon_until = frame_.settings.due_soon_until;
        report_.recording_threshold_working_days = options.recording_threshold_working_days;
        if (options.child) child_ = std::string(detail::id_key(*options.child));
        for (auto& [rule, why] : rules_not_counted(pack, options.school))
            if (rule_passes(rule)) report_.not_counted.emplace_back(std::move(rule), std::move(why));
    }

    const ReportFrame& frame() const noexcept { return frame_; }
    ComplianceReport& report() noexcept { return report_; }

    /// Schedules and classifies one case; counts what it has in the period
    /// (nothing when the child filter names another child).
    void add(const ComplianceCase& c) {
        if (child_ && detail::id_key(c.record.child_id) != *child_) return;
        add(detail::count_case(c, pack_, calendar_, options_, frame_,
                               listing_ && (options_.explain || child_) ? Explain::all : Explain::none));
    }

    /// Whether an item passes the filters (team, worker, rule, area, child).
    bool passes(const ComplianceItem& i) const {
        return holder_passes(i.obligation.team, i.obligation.worker) && rule_passes(i.obligation.rule_id, &i.area) &&
               (!child_ || detail::id_key(i.obligation.child_id) == *child_);
    }

    /// Counts a case's items due in the period, and those brought forward,
    /// that pass the filters (keeping the items when asked), and notes its
    /// undated obligations.
    void add(CaseCount&& k) {
        // An obligation that could not be dated has no due-date allocation:
        // the filters see the case as of as_of.
        if (holder_passes(k.team, k.worker))
            for (Undated& u : k.undated)
                if (rule_passes(u.rule_id)) undated_.push_back(std::move(u));
        for (const auto& [i, met] : k.carried)
            if (passes(i)) counter_.carry(GroupCounter::keys_of(i), met, 1);
        for (ComplianceItem& i : k.items) {
            if (!passes(i)) continue;
            counter_.add(i);
            if (listing_) report_.items.push_back(std::move(i));
        }
    }

    /// Counts a kept report's numbers (kept.kind: KeptCount); false when
    /// they do not pass the filters.
    bool add(const KeptCount& k) {
        if (!holder_passes(k.team, k.worker) || !rule_passes(k.rule_id, &k.area)) return false;
        const GroupCounter::Keys keys{&k.team, &k.worker, &k.rule_id, &k.area};
        if (k.kind == 0) counter_.add(keys, k.state, k.recorded_late, k.host_differs, k.n);
        else counter_.carry(keys, k.kind == 2, k.n);
        return true;
    }

    /// The items listed so far in the report's order (item_order).
    /// Stable: items alike in every sort key keep their case's order. The
    /// order is found on indexes, then applied in place, cycle by cycle (no
    /// second list of items); a sorted run the items start with is only
    /// merged with the rest, sorted.
    void sort_items() {
        std::vector<ComplianceItem>& items = report_.items;
        std::vector<std::size_t> order(items.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        auto before = [&](std::size_t a, std::size_t b) { return item_order(items[a], items[b]); };
        const auto run = std::is_sorted_until(order.begin(), order.end(), before);
        std::stable_sort(run, order.end(), before);
        std::inplace_merge(order.begin(), run, order.end(), before);
        // Position k takes the item at order[k]; done[k]: position k holds its item.
        std::vector<bool> done(items.size(), false);
        for (std::size_t start = 0; start < items.size(); ++start) {
            if (done[start] || order[start] == start) continue;
            ComplianceItem held = std::move(items[start]);
            std::size_t k = start;
            while (order[k] != start) {
                items[k] = std::move(items[order[k]]);
                done[k] = true;
                k = order[k];
            }
            items[k] = std::move(held);
            done[k] = true;
        }
    }

    ComplianceReport finish() {
        sort_items();
        report_.groups = std::move(counter_).groups();
        // By child, then rule and anchor: the same list (and the same "first"
        // named in each reason) whichever order the cases were read in.
        std::stable_sort(undated_.begin(), undated_.end(), [](const Undated& a, const Undated& b) {
            return std::tie(a.child_id, a.rule_id, a.anchor) < std::tie(b.child_id, b.rule_id, b.anchor);
        });
        for (auto& left_out : undated_not_counted(undated_, options_.school, report_.period_to))
            report_.not_counted.push_back(std::move(left_out));
        return std::move(report_);
    }

private:
    /// The team and worker filters, on whoever held the case.
    bool holder_passes(const std::string& team, const std::string& worker) const {
        return (!options_.team || same_name(team, *options_.team)) &&
               (!options_.worker || same_name(worker, *options_.worker));
    }
    /// The rule and area filters; `area` is the rule's when the caller has
    /// it, else looked up (a rule the pack does not know has none).
    bool rule_passes(const std::string& rule_id, const std::string* area = nullptr) const {
        if (options_.rule && rule_id != *options_.rule) return false;
        if (!options_.area) return true;
        if (!area) {
            const Rule* r = pack_.find(rule_id);
            if (!r) return false;
            area = &r->area;
        }
        return *area == *options_.area;
    }

    const RulePack& pack_;
    const Calendar& calendar_;
    const ComplianceOptions& options_;
    bool listing_;
    ReportFrame frame_;
    ComplianceReport report_;
    std::optional<std::string> child_;  // the child filter, as ids are stored (trimmed)
    GroupCounter counter_;  // the groups, counted as items come
    std::vector<Undated> undated_;  // past the school calendar's last term (not_counted)
};

}  // namespace

ComplianceReport compliance_of(const std::vector<ComplianceCase>& cases, const RulePack& pack,
                               const Calendar& calendar, const ComplianceOptions& options) {
    ReportBuilder report(pack, calendar, options, options.items);
    for (const ComplianceCase& c : cases) report.add(c);
    return report.finish();
}

// ---------------------------------------------------------------- from a store

namespace {

/// Who held the case over time as known on as_of: allocations that start
/// after it are left out and one that ends after it is still open; each
/// split where the worker's team (by appointment) changes.
std::vector<AllocationSpan> spans_of(const std::vector<Allocation>& allocations,
                                     const std::map<std::string, std::vector<detail::TeamSpan>>& teams, Date as_of) {
    std::vector<AllocationSpan> out;
    for (const Allocation& a : allocations) {
        if (as_of < a.from) continue;
        const std::optional<Date> until = a.until && *a.until <= as_of ? a.until : std::nullopt;
        std::vector<const detail::TeamSpan*> known;
        std::vector<Date> cuts{a.from};
        if (auto it = teams.find(a.worker); it != teams.end())
            for (const detail::TeamSpan& t : it->second) {
                if (t.from && as_of < *t.from) continue;
                known.push_back(&t);
                for (const std::optional<Date>& d : {t.from, t.until})
                    if (d && *d <= as_of && a.from < *d && (!until || *d < *until)) cuts.push_back(*d);
            }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        for (std::size_t i = 0; i < cuts.size(); ++i) {
            std::string team;
            for (const detail::TeamSpan* t : known)
                if ((!t->from || *t->from <= cuts[i]) && (!t->until || *t->until > as_of || cuts[i] < *t->until)) {
                    team = t->team;
                    break;
                }
            const std::optional<Date> end = i + 1 < cuts.size() ? std::optional<Date>(cuts[i + 1]) : until;
            if (!out.empty() && out.back().worker == a.worker && out.back().team == team && out.back().until == cuts[i])
                out.back().until = end;
            else
                out.push_back({a.worker, team, cuts[i], end});
        }
    }
    return out;
}

}  // namespace

void detail::for_each_compliance_case(const Store& store, Date as_of, const std::vector<std::string>* only,
                                      const std::function<void(ComplianceCase&&, std::int64_t)>& visit) {
    if (only && only->empty()) return;
    std::map<std::string, std::vector<detail::TeamSpan>> teams;
    for (detail::TeamSpan& t : detail::team_spans(store)) teams[t.worker].push_back(std::move(t));
    auto assemble = [&](detail::CaseHistory&& h, std::vector<Exemption> exemptions) {
        ComplianceCase c;
        c.allocations = spans_of(h.allocations, teams, as_of);
        c.recorded_on = std::move(h.recorded_on);
        c.record = std::move(h.record);
        c.exemptions = std::move(exemptions);
        visit(std::move(c), h.row);
    };
    const auto& casework = detail::casework_repository(store);
    if (only) {
        for (const std::string& child : *only)
            casework.for_each_case_of(child, as_of, [&](detail::CaseHistory&& h) {
                assemble(std::move(h), casework.exemptions(child));
            });
        return;
    }
    std::map<std::string, std::vector<Exemption>> exempt = all_exemptions(store);
    // One case at a time: memory holds the report's items, not the store.
    detail::for_each_case(store, {}, as_of, [&](detail::CaseHistory&& h) {
        std::vector<Exemption> exemptions;
        if (auto e = exempt.find(h.record.child_id); e != exempt.end()) exemptions = std::move(e->second);
        assemble(std::move(h), std::move(exemptions));
    });
}

namespace {

/// Where a report's child-level items go, in the report's order: into its
/// list (compliance()) or to a caller's function (for_each_compliance_item).
struct ItemSink {
    std::vector<ComplianceItem>* list = nullptr;
    const std::function<void(ComplianceItem&&)>* row = nullptr;
    /// What the caller's function threw: carried out of the store's read
    /// (its snapshot ended first) and thrown again as it was, so that no
    /// handler on the way (a SQLite error's, say) takes it for its own.
    std::exception_ptr thrown;
    struct Stopped {};

    /// `n` more items are coming.
    void expect(std::size_t n) {
        if (list) list->reserve(list->size() + n);
    }
    void operator()(ComplianceItem&& i) {
        if (list) return list->push_back(std::move(i));
        try {
            (*row)(std::move(i));
        } catch (...) {
            thrown = std::current_exception();
            throw Stopped{};
        }
    }
};

/// The report `options` ask for, its child-level items given to `sink`
/// (none read when it is null). From a kept report they are streamed: its
/// rows are read in the report's order (the tables are clustered on it) and
/// merged with the items of the cases counted again, so memory holds those
/// cases' items, not the report's. Counted afresh, every case's items are
/// held and sorted first.
ComplianceReport report_of(const Store& store, const RulePack& pack, const Calendar& calendar,
                           const ComplianceOptions& options, ItemSink* sink) {
    const auto& workforce = detail::workforce_repository(store);
    // Names looked up are checked as names are when stored.
    if (options.worker &&
        !workforce.find_person(detail::checked_name(*options.worker, "worker (filter)", detail::kMaxNameBytes)))
        throw Error(Status::not_found, "no worker named '" + detail::sanitize_utf8(*options.worker) + "'");
    if (options.team && !workforce.find_team(detail::checked_name(*options.team, "team (filter)", detail::kMaxNameBytes)))
        throw Error(Status::not_found, "no team named '" + detail::sanitize_utf8(*options.team) + "'");
    if (options.rule && !pack.find(*options.rule))
        throw Error(Status::not_found, "no rule '" + detail::sanitize_utf8(*options.rule) + "' in rule pack '" +
                                           pack.name() + "'");
    if (options.area && std::none_of(pack.rules().begin(), pack.rules().end(),
                                     [&](const Rule& r) { return r.area == *options.area; }))
        throw Error(Status::not_found, "no rule of area '" + detail::sanitize_utf8(*options.area) + "' in rule pack '" +
                                           pack.name() + "'");

    // One child: that case alone, scheduled afresh.
    std::vector<std::string> only;
    if (options.child) {
        only.emplace_back(detail::id_key(
            detail::checked_name(*options.child, "child (filter)", kMaxChildIdBytes)));
        if (!detail::casework_repository(store).has_child(only.front())) detail::no_child(only.front());
    }

    ReportBuilder report(pack, calendar, options, sink != nullptr);
    const auto& kept = detail::compliance_repository(store);
    bool done = false;
    // All read on one snapshot: the kept rows, the cases changed since they
    // were counted, and those cases.
    if (options.use_kept && !options.child) kept.on_one_snapshot([&] {
        // A report kept with these settings: its rows for the cases
        // unchanged since, and the changed ones counted again; the same
        // report as counting every case (tests/cpp/compliance/kept_compliance_test.cpp).
        const std::string key = detail::kept_key(pack, calendar, options, report.frame());
        const std::optional<KeptCompliance> k = kept.find(key);
        if (!k) return;
        const detail::ChangedCases changed = kept.changed_since(k->history_sequence);
        if (changed.everything) return;
        const std::vector<std::int64_t>& skipped = changed.children;  // sorted
        std::size_t listed = 0;  // the items due in the period that pass the filters
        kept.for_each_count(key, skipped, [&](const KeptCount& n) {
            if (report.add(n) && n.kind == 0) listed += static_cast<std::size_t>(n.n);
        });
        for (CaseCount& c : kept.undated(key, skipped)) report.add(std::move(c));
        std::vector<std::string> refs;
        for (auto& [id, ref] : kept.children(skipped)) refs.push_back(std::move(ref));
        detail::for_each_compliance_case(store, options.as_of, &refs,
                                         [&](ComplianceCase&& c, std::int64_t) { report.add(c); });
        if (sink) {
            // The kept rows come in the report's order (BINARY text order
            // is std::string's; ISO dates sort as dates): each is handed
            // over after the changed cases' items that go before it.
            report.sort_items();
            std::vector<ComplianceItem> counted = std::move(report.report().items);
            report.report().items.clear();
            sink->expect(listed + counted.size());
            std::size_t next = 0;
            kept.for_each_item(key, skipped, options, pack, [&](ComplianceItem&& i) {
                if (!report.passes(i)) return;
                while (next < counted.size() && item_order(counted[next], i)) (*sink)(std::move(counted[next++]));
                (*sink)(std::move(i));
            });
            while (next < counted.size()) (*sink)(std::move(counted[next++]));
        }
        report.report().kept = key;
        report.report().recounted = static_cast<std::int64_t>(refs.size());
        done = true;
    });
    if (!done)
        detail::for_each_compliance_case(store, options.as_of, options.child ? &only : nullptr,
                                         [&](ComplianceCase&& c, std::int64_t) { report.add(c); });
    ComplianceReport out = report.finish();
    if (sink && sink->list) {
        if (sink->list->empty()) sink->list->swap(out.items);  // counted afresh: the list as sorted
    } else if (sink) {
        for (ComplianceItem& i : out.items) (*sink)(std::move(i));
    }
    out.items.clear();
    out.items.shrink_to_fit();
    return out;
}

}  // namespace

ComplianceReport compliance(const Store& store, const RulePack& pack, const Calendar& calendar,
                            const ComplianceOptions& options) {
    if (!options.items) return report_of(store, pack, calendar, options, nullptr);
    std::vector<ComplianceItem> items;
    ItemSink sink{&items, nullptr, nullptr};
    ComplianceReport out = report_of(store, pack, calendar, options, &sink);
    out.items = std::move(items);
    return out;
}

ComplianceReport for_each_compliance_item(const Store& store, const RulePack& pack, const Calendar& calendar,
                                          const ComplianceOptions& options,
                                          const std::function<void(ComplianceItem&&)>& row) {
    if (!row) throw Error(Status::invalid_arg, "for_each_compliance_item: no function to hand the rows to");
    ItemSink sink{nullptr, &row, nullptr};
    try {
        return report_of(store, pack, calendar, options, &sink);
    } catch (const ItemSink::Stopped&) {
        std::rethrow_exception(sink.thrown);
    }
}

// ----------------------------------------------------------------------- JSON

namespace {

using ojson = nlohmann::ordered_json;

ojson opt_date(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(); }

/// A percentage to one decimal place.
double one_decimal(double p) { return std::round(p * 10.0) / 10.0; }

std::string percent_text(const std::optional<double>& p) {
    if (!p) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", one_decimal(*p));
    return buf;
}

ojson counts_json(const ComplianceCounts& c) {
    return {{"met_on_time", c.met_on_time}, {"met_late", c.met_late},   {"overdue", c.overdue},
            {"due_soon", c.due_soon},       {"not_yet_due", c.not_yet_due}, {"exempt", c.exempt},
            {"recorded_late", c.recorded_late}, {"host_disagreements", c.host_disagreements},
            {"carried_over", c.carried_over},   {"carried_over_met", c.carried_over_met}};
}

ojson item_json(const ComplianceItem& i) {
    const Obligation& o = i.obligation;
    ojson j;
    j["child"] = o.child_id;
    j["worker"] = o.worker;
    j["team"] = o.team;
    j["rule"] = o.rule_id;
    j["title"] = o.title;
    j["area"] = i.area;
    j["source"] = o.source;
    j["layer"] = o.layer;
    j["due"] = o.due.iso();
    j["anchor"] = o.anchor.iso();
    j["anchor_event"] = o.anchor_event;
    j["state"] = std::string(to_string(i.state));
    j["days"] = i.days;
    j["met_on"] = opt_date(o.met_on);
    j["met_event"] = i.met_event.empty() ? ojson() : ojson(i.met_event);
    j["met_recorded_on"] = opt_date(i.met_recorded_on);
    j["recording_delay_working_days"] = i.recording_delay ? ojson(*i.recording_delay) : ojson();
    j["recorded_late"] = i.recorded_late;
    j["ended_on"] = opt_date(o.ended_on);
    if (i.exemption)
        j["exemption"] = {{"id", i.exemption->id},
                          {"kind", std::string(to_string(i.exemption->kind))},
                          {"from", i.exemption->from.iso()},
                          {"to", opt_date(i.exemption->to)},
                          {"reason", detail::sanitize_utf8(i.exemption->reason)},
                          {"approved_by", i.exemption->approved_by}};
    else
        j["exemption"] = nullptr;
    j["explanation"] = detail::sanitize_utf8(o.explanation);
    if (i.host_due)
        j["host_due"] = {{"date", opt_date(i.host_due->host_due)},
                         {"text", detail::sanitize_utf8(i.host_due->host_text)},
                         {"event", i.host_due->event_type},
                         {"event_date", i.host_due->event_date.iso()},
                         {"explanation", detail::sanitize_utf8(i.host_due->explanation)}};
    else
        j["host_due"] = nullptr;
    return j;
}

}  // namespace

std::string compliance_to_json(const ComplianceReport& report) {
    ojson doc = {{"format", "oversight-compliance"}, {"version", 1}};
    doc["as_of"] = report.as_of.iso();
    doc["period"] = {{"from", report.period_from.iso()}, {"to", report.period_to.iso()}};
    doc["due_soon_until"] = report.due_soon_until.iso();
    doc["recording_threshold_working_days"] = report.recording_threshold_working_days;
    ojson not_counted = ojson::array();
    for (const auto& [rule, reason] : report.not_counted) not_counted.push_back({{"rule", rule}, {"reason", reason}});
    doc["not_counted"] = std::move(not_counted);
    ojson groups = ojson::array();
    for (const ComplianceGroup& g : report.groups)
        groups.push_back({{"by", std::string(to_string(g.by))},
                          {"key", g.key},
                          {"numerator", g.numerator},
                          {"denominator", g.denominator},
                          {"percent", g.percent ? ojson(one_decimal(*g.percent)) : ojson()},
                          {"counts", counts_json(g.counts)}});
    doc["groups"] = std::move(groups);
    ojson items = ojson::array();
    for (const ComplianceItem& i : report.items) items.push_back(item_json(i));
    doc["items"] = std::move(items);
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string compliance_item_to_json(const ComplianceItem& item) {
    return item_json(item).dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// ------------------------------------------------------------------------ CSV

namespace {

std::string opt_iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

/// "missing 2024-03-04 to 2024-03-24: reason (approved by NAME)".
std::string exemption_text(const Exemption& e) {
    return std::string(to_string(e.kind)) + " " + e.from.iso() + (e.to ? " to " + e.to->iso() : " onwards") + ": " +
           detail::sanitize_utf8(e.reason) + " (approved by " + e.approved_by + ")";
}

std::vector<std::string> item_row(const ComplianceItem& i) {
    const Obligation& o = i.obligation;
    return {o.team,
            o.worker,
            o.child_id,
            o.rule_id,
            o.title,
            i.area,
            o.due.iso(),
            std::string(to_string(i.state)),
            std::to_string(i.days),
            opt_iso(o.met_on),
            i.met_event,
            opt_iso(i.met_recorded_on),
            i.recording_delay ? std::to_string(*i.recording_delay) : std::string(),
            i.recorded_late ? "yes" : "no",
            opt_iso(o.ended_on),
            o.anchor.iso(),
            o.anchor_event,
            o.source,
            o.layer,
            i.exemption ? exemption_text(*i.exemption) : std::string(),
            i.host_due ? (i.host_due->host_due ? i.host_due->host_due->iso() : i.host_due->host_text) : std::string(),
            i.host_due ? i.host_due->explanation : std::string(),
            o.explanation};
}

std::vector<std::string> group_row(const ComplianceGroup& g) {
    const ComplianceCounts& c = g.counts;
    return {std::string(to_string(g.by)),    g.key,
            std::to_string(g.numerator),     std::to_string(g.denominator),
            percent_text(g.percent),         std::to_string(c.met_on_time),
            std::to_string(c.met_late),      std::to_string(c.overdue),
            std::to_string(c.due_soon),      std::to_string(c.not_yet_due),
            std::to_string(c.exempt),        std::to_string(c.recorded_late),
            std::to_string(c.host_disagreements), std::to_string(c.carried_over),
            std::to_string(c.carried_over_met)};
}

std::vector<ComplianceGroup> chosen(const ComplianceReport& r, std::optional<ComplianceBy> by) {
    if (!by) return r.groups;
    return r.groups_by(*by);
}

}  // namespace

std::string compliance_item_csv_header() {
    std::string out;
    detail::csv_row(out, {"team", "worker", "child", "rule", "title", "area", "due", "state", "days", "met_on",
                          "met_event", "met_recorded_on", "recording_delay_working_days", "recorded_late",
                          "ended_on", "anchor", "anchor_event", "source", "layer", "exemption", "host_due",
                          "host_explanation", "explanation"});
    return out;
}

std::string compliance_item_to_csv(const ComplianceItem& item) {
    std::string out;
    detail::csv_row(out, item_row(item));
    return out;
}

ComplianceReport for_each_compliance_line(const Store& store, const RulePack& pack, const Calendar& calendar,
                                          const ComplianceOptions& options, ComplianceLines lines,
                                          const std::function<void(const std::string&)>& line) {
    if (!line) throw Error(Status::invalid_arg, "for_each_compliance_line: no function to hand the lines to");
    const bool csv = lines == ComplianceLines::csv;
    bool started = false;
    ComplianceReport out = for_each_compliance_item(store, pack, calendar, options, [&](ComplianceItem&& i) {
        if (csv && !started) line(compliance_item_csv_header());
        started = true;
        line(csv ? compliance_item_to_csv(i) : compliance_item_to_json(i));
    });
    if (csv && !started) line(compliance_item_csv_header());
    return out;
}

std::string compliance_to_csv(const ComplianceReport& report, bool children, std::optional<ComplianceBy> by) {
    std::ostringstream out;
    if (children) {
        out << compliance_item_csv_header();
        for (const ComplianceItem& i : report.items) out << compliance_item_to_csv(i);
    } else {
        detail::csv_row(out, {"by", "key", "numerator", "denominator", "percent", "met_on_time", "met_late", "overdue",
                              "due_soon", "not_yet_due", "exempt", "recorded_late", "host_disagreements",
                              "carried_over", "carried_over_met"});
        for (const ComplianceGroup& g : chosen(report, by)) detail::csv_row(out, group_row(g));
    }
    return out.str();
}

// ----------------------------------------------------------------------- text

std::string compliance_to_text(const ComplianceReport& report, bool children, std::optional<ComplianceBy> by) {
    std::ostringstream out;
    auto shown = [](const std::string& s) { return s.empty() ? std::string("(unallocated)") : s; };
    out << "Compliance as of " << report.as_of.iso() << ": obligations due " << report.period_from.iso() << " to "
        << report.period_to.iso() << " (due soon: by " << report.due_soon_until.iso()
        << "; recorded late: more than " << report.recording_threshold_working_days << " working days after)\n";
    for (const auto& [rule, reason] : report.not_counted) out << "Not counted: " << rule << ": " << reason << "\n";
    std::string last;
    for (const ComplianceGroup& g : chosen(report, by)) {
        const std::string dim(to_string(g.by));
        if (dim != last) {
            out << "\nBy " << dim << ":\n";
            last = dim;
        }
        const ComplianceCounts& c = g.counts;
        out << "  " << (g.by == ComplianceBy::overall ? std::string("all") : g.by == ComplianceBy::rule ||
                                                                                    g.by == ComplianceBy::area
                                                                                ? g.key
                                                                                : shown(g.key))
            << ": " << g.numerator << "/" << g.denominator << " in timescale";
        if (g.percent) out << " (" << percent_text(g.percent) << "%)";
        out << "; met late " << c.met_late << ", overdue " << c.overdue << ", due soon " << c.due_soon
            << ", not yet due " << c.not_yet_due << ", exempt " << c.exempt << ", recorded late " << c.recorded_late;
        if (c.carried_over)
            out << "; brought forward " << c.carried_over << " (met in the period " << c.carried_over_met << ")";
        out << "\n";
    }
    if (children) {
        out << "\nChildren by team and worker:\n";
        std::string team, worker;
        bool first = true;
        for (const ComplianceItem& i : report.items) {
            const Obligation& o = i.obligation;
            if (first || o.team != team || o.worker != worker) {
                out << "  " << shown(o.team) << " / " << shown(o.worker) << "\n";
                team = o.team;
                worker = o.worker;
                first = false;
            }
            out << "    " << o.child_id << " " << o.rule_id << " due " << o.due.iso() << ": "
                << to_string(i.state);
            if (i.state == ComplianceState::met_late || i.state == ComplianceState::overdue)
                out << " by " << i.days << " day" << (i.days == 1 ? "" : "s");
            if (o.met_on) out << " (met " << o.met_on->iso() << ")";
            if (i.recorded_late) out << " [recorded " << *i.recording_delay << " working days later]";
            if (i.exemption) out << " [" << exemption_text(*i.exemption) << "]";
            out << "\n";
        }
    }
    const std::vector<ComplianceItem> differ = report.disagreements();
    if (!differ.empty()) {
        out << "\nDue dates that differ from the case system's (" << differ.size() << "):\n";
        for (const ComplianceItem& i : differ) {
            const Obligation& o = i.obligation;
            out << "  " << o.child_id << " " << o.rule_id << ": Oversight " << o.due.iso() << ", host "
                << (i.host_due->host_due ? i.host_due->host_due->iso() : "'" + i.host_due->host_text + "'") << "\n";
            if (!o.explanation.empty()) out << "    ours: " << o.explanation << "\n";  // empty: asked unexplained
            out << "    theirs: " << i.host_due->explanation << "\n";
        }
    }
    return detail::sanitize_utf8(out.str());
}

}  // namespace oversight
