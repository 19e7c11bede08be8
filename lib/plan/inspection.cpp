// The inspection a plan answers and its clocks (inspection.hpp has the
// sources: statutory-timescales.md sections 10 and 12, SECONDARY).
#include <oversight/plan/inspection.hpp>

#include <oversight/core/error.hpp>
#include <oversight/plan/plan.hpp>

#include "core/text.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace oversight {
namespace {

using ojson = nlohmann::ordered_json;

constexpr std::pair<std::string_view, InspectionKind> kKinds[] = {
    {"full", InspectionKind::full},
    {"full_inspection", InspectionKind::full},
    {"inspection", InspectionKind::full},
    {"ilacs", InspectionKind::full},
    {"focused_visit", InspectionKind::focused_visit},
    {"focused", InspectionKind::focused_visit},
    {"monitoring_visit", InspectionKind::monitoring_visit},
    {"monitoring", InspectionKind::monitoring_visit},
    {"other", InspectionKind::other},
};

/// The source of every clock length (inspection.hpp).
constexpr const char* kSource =
    "Ofsted ILACS framework as summarised by CYP Now and Ofsted framework summaries "
    "(statutory-timescales.md s.12 \"ILACS action-plan clocks\"; SECONDARY)";

bool has_draft_clock(const Inspection& i) {
    return i.kind == InspectionKind::focused_visit && i.priority_actions;
}
bool has_plan_clock(const Inspection& i) {
    return i.kind == InspectionKind::full || has_draft_clock(i);
}

std::string plural(int n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

/// A council's clock: submitted (met), open or overdue as of `as_of`.
void settle(InspectionClock& c, const std::optional<Date>& met, const Calendar& cal, Date as_of) {
    c.met = met;
    if (met) {
        c.state = ClockState::submitted;
        c.working_days_late = std::max(0, cal.working_days_between(c.due, *met));
    } else if (as_of <= c.due) {
        c.state = ClockState::open;
        c.working_days_left = cal.working_days_between(as_of, c.due);
    } else {
        c.state = ClockState::overdue;
        c.working_days_left = cal.working_days_between(as_of, c.due);  // negative
    }
}

ojson opt_date(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(nullptr); }

}  // namespace

std::string_view to_string(InspectionKind kind) noexcept {
    switch (kind) {
        case InspectionKind::full: return "full";
        case InspectionKind::focused_visit: return "focused_visit";
        case InspectionKind::monitoring_visit: return "monitoring_visit";
        case InspectionKind::other: return "other";
    }
    return "other";
}

InspectionKind parse_inspection_kind(std::string_view text) {
    return detail::parse_enum(text, kKinds, "inspection kind");
}

std::string_view to_string(ClockState state) noexcept {
    switch (state) {
        case ClockState::submitted: return "submitted";
        case ClockState::open: return "open";
        case ClockState::overdue: return "overdue";
        case ClockState::expected: return "expected";
    }
    return "open";
}

bool operator==(const Inspection& a, const Inspection& b) {
    return std::tie(a.kind, a.ended, a.letter, a.priority_actions, a.monitored, a.draft_submitted, a.plan_submitted,
                    a.owner) == std::tie(b.kind, b.ended, b.letter, b.priority_actions, b.monitored,
                                         b.draft_submitted, b.plan_submitted, b.owner);
}

void check_inspection(const Inspection& i) {
    const auto fail = [](const std::string& m) { throw Error(Status::invalid_arg, "inspection " + m); };
    detail::check_date_range(i.letter, "inspection letter");
    if (i.ended) detail::check_date_range(*i.ended, "inspection ended");
    if (i.draft_submitted) detail::check_date_range(*i.draft_submitted, "inspection draft_submitted");
    if (i.plan_submitted) detail::check_date_range(*i.plan_submitted, "inspection plan_submitted");
    if (i.ended && *i.ended > i.letter)
        fail("ended " + i.ended->iso() + " is after the letter " + i.letter.iso());
    if (i.priority_actions && i.kind != InspectionKind::focused_visit)
        fail("priority_actions: only a focused visit finds areas for priority action (kind is " +
             std::string(to_string(i.kind)) + ")");
    if (i.draft_submitted && !has_draft_clock(i))
        fail("draft_submitted: only a focused visit with areas for priority action has a draft plan clock");
    if (i.plan_submitted && !has_plan_clock(i))
        fail("plan_submitted: a " + std::string(to_string(i.kind)) +
             (i.kind == InspectionKind::focused_visit ? " without areas for priority action" : "") +
             " has no action plan clock");
    if (i.draft_submitted && *i.draft_submitted < i.letter)
        fail("draft_submitted " + i.draft_submitted->iso() + " is before the letter " + i.letter.iso());
    if (i.plan_submitted && *i.plan_submitted < i.letter)
        fail("plan_submitted " + i.plan_submitted->iso() + " is before the letter " + i.letter.iso());
    if (i.draft_submitted && i.plan_submitted && *i.draft_submitted > *i.plan_submitted)
        fail("draft_submitted " + i.draft_submitted->iso() + " is after plan_submitted " + i.plan_submitted->iso());
    detail::checked_name(i.owner, "inspection owner", detail::kMaxNameBytes, true);
}

std::vector<InspectionClock> inspection_clocks(const Inspection& i, const Calendar& cal, Date as_of,
                                               const InspectionClockRules& rules) {
    std::vector<InspectionClock> out;
    const std::string letter_text = " after the letter of " + i.letter.iso();
    if (has_draft_clock(i)) {
        InspectionClock c;
        c.id = "draft_plan";
        c.name = "draft plan due";
        c.anchor = i.letter;
        c.due = cal.add_working_days(i.letter, rules.draft_plan_working_days);
        c.rule = plural(rules.draft_plan_working_days, "working day") + letter_text +
                 " (focused visit with areas for priority action)";
        c.source = kSource;
        settle(c, i.draft_submitted, cal, as_of);
        out.push_back(std::move(c));
    }
    if (has_plan_clock(i)) {
        InspectionClock c;
        c.id = "action_plan";
        c.name = "action plan due";
        c.anchor = i.letter;
        c.due = cal.add_working_days(i.letter, rules.action_plan_working_days);
        c.rule = plural(rules.action_plan_working_days, "working day") + letter_text;
        c.source = kSource;
        settle(c, i.plan_submitted, cal, as_of);
        const Date plan_due = c.due;
        out.push_back(std::move(c));
        if (i.monitored) {
            InspectionClock m;
            m.id = "first_monitoring_visit";
            m.name = "first monitoring visit expected";
            m.anchor = plan_due;
            m.due = plan_due.add_days(7 * rules.first_monitoring_visit_weeks);
            m.rule = plural(rules.first_monitoring_visit_weeks, "week") + " after the action plan deadline of " +
                     plan_due.iso();
            m.source = kSource;
            m.state = ClockState::expected;
            out.push_back(std::move(m));
        }
    }
    return out;
}

std::vector<InspectionClock> inspection_clocks(const Plan& plan, const Calendar& calendar, Date as_of,
                                               const InspectionClockRules& rules) {
    if (!plan.inspection) return {};
    return inspection_clocks(*plan.inspection, calendar, as_of, rules);
}

std::string clock_state_text(const InspectionClock& c) {
    switch (c.state) {
        case ClockState::submitted:
            return "submitted on " + (c.met ? c.met->iso() : std::string("?")) +
                   (c.working_days_late > 0 ? ", " + plural(c.working_days_late, "working day") + " late" : "");
        case ClockState::open:
            return c.working_days_left == 0 ? "due today" : "due in " + plural(c.working_days_left, "working day");
        case ClockState::overdue: return "overdue by " + plural(-c.working_days_left, "working day");
        case ClockState::expected: return "expected by " + c.due.iso();
    }
    return "";
}

std::string inspection_title(const Inspection& i) {
    switch (i.kind) {
        case InspectionKind::full: return "Full inspection";
        case InspectionKind::focused_visit:
            return i.priority_actions ? "Focused visit (areas for priority action)" : "Focused visit";
        case InspectionKind::monitoring_visit: return "Monitoring visit";
        case InspectionKind::other: return "Inspection";
    }
    return "Inspection";
}

namespace {
ojson inspection_json(const Inspection& i) {
    return ojson{{"kind", std::string(to_string(i.kind))},
                 {"ended", opt_date(i.ended)},
                 {"letter", i.letter.iso()},
                 {"priority_actions", i.priority_actions},
                 {"monitored", i.monitored},
                 {"draft_submitted", opt_date(i.draft_submitted)},
                 {"plan_submitted", opt_date(i.plan_submitted)},
                 {"owner", i.owner}};
}
}  // namespace

std::string inspection_clocks_to_json(std::int64_t plan_id, const std::optional<Inspection>& inspection,
                                      const std::vector<InspectionClock>& clocks, Date as_of) {
    ojson root{{"format", "oversight-inspection-clocks"}, {"version", 1}, {"plan_id", plan_id},
               {"as_of", as_of.iso()}};
    root["inspection"] = inspection ? inspection_json(*inspection) : ojson(nullptr);
    ojson list = ojson::array();
    for (const InspectionClock& c : clocks)
        list.push_back(ojson{{"id", c.id},
                             {"name", c.name},
                             {"anchor", c.anchor.iso()},
                             {"due", c.due.iso()},
                             {"rule", c.rule},
                             {"source", c.source},
                             {"met", opt_date(c.met)},
                             {"state", std::string(to_string(c.state))},
                             {"state_text", clock_state_text(c)},
                             {"working_days_left", c.working_days_left},
                             {"working_days_late", c.working_days_late}});
    root["clocks"] = std::move(list);
    return root.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
