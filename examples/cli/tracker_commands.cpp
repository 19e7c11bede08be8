// The trackers of issue 9 point 3: `case attendance ...` (core group
// attendance and the follow-up letters' list) and `complaints ...` (RPR 2006
// stages against their timescales, the quarterly lessons learnt).
#include "cli.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/attendance.hpp>
#include <oversight/complaints/complaint.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oversight::cli {
namespace {

void set_by(Store& store, const std::string& by) {
    if (by.empty()) record_as_user(store);
    else store.set_actor(by);
}

const char* const kHint = "give --db, or create one with `oversight case add`";

struct AttendanceSet {
    std::int64_t event = 0;
    std::vector<std::string> attended, apologies, absent, not_invited, roles, deputies;
    std::string by;
};

struct AttendanceQuery {
    std::string from, to, type, format = "text";
    bool partners = false;
};

/// "NAME=VALUE" split at the first '='.
std::pair<std::string, std::string> pair_arg(const std::string& text, const char* what) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error(Status::invalid_arg, std::string(what) + " '" + text + "' is not NAME=VALUE");
    return {text.substr(0, eq), text.substr(eq + 1)};
}

void run_attendance_set(const Context& ctx, const AttendanceSet& o) {
    std::vector<Invitee> list;
    const auto add = [&](const std::vector<std::string>& names, bool invited, bool attended, bool apologies) {
        for (const auto& n : names) {
            Invitee i;
            i.person = n;
            i.invited = invited;
            i.attended = attended;
            i.apologies = apologies;
            list.push_back(i);
        }
    };
    add(o.attended, true, true, false);
    add(o.apologies, true, false, true);
    add(o.absent, true, false, false);
    add(o.not_invited, false, true, false);
    const auto find = [&](const std::string& name, const char* what) -> Invitee& {
        for (Invitee& i : list)
            if (i.person == name) return i;
        throw Error(Status::invalid_arg, std::string(what) + ": '" + name + "' is not on the list");
    };
    for (const auto& r : o.roles) {
        auto [name, role] = pair_arg(r, "--role");
        find(name, "--role").role = role;
    }
    for (const auto& r : o.deputies) {
        auto [name, deputy] = pair_arg(r, "--deputy");
        find(name, "--deputy").deputy = deputy;
    }
    Store store = open_store(ctx, StoreUse::existing, kHint);
    set_by(store, o.by);
    const int changed = set_attendance(store, o.event, list);
    std::cout << "event " << o.event << ": " << list.size() << " on the list, " << changed << " changed\n";
}

AttendancePeriod period_of(const AttendanceQuery& o) {
    return {date_arg(o.from, "--from"), date_arg(o.to, "--to"), o.type};
}

void run_attendance_report(const Context& ctx, const AttendanceQuery& o) {
    check_format(o.format, {"text", "csv", "json"});
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const AttendanceReport r = attendance_report(store, period_of(o));
    if (o.format == "json") std::cout << attendance_to_json(r) << "\n";
    else if (o.format == "csv") std::cout << attendance_to_csv(r);
    else {
        std::cout << "Attendance " << r.period.from.iso() << " to " << r.period.to.iso() << " ("
                  << (r.period.event_type.empty() ? "every meeting" : r.period.event_type) << "): " << r.meetings
                  << " meeting(s)\n";
        const auto line = [](const AttendanceTally& t, const std::string& name) {
            std::cout << "  " << name << ": " << t.attended << " of " << t.invited << " attended";
            if (auto rate = t.rate()) std::cout << " (" << static_cast<int>(*rate * 100 + 0.5) << "%)";
            std::cout << ", " << t.apologies << " apologies, " << t.deputies << " deputies\n";
        };
        std::cout << "By agency:\n";
        for (const auto& t : r.by_agency) line(t, t.key.empty() ? "(the council)" : t.key);
        std::cout << "By professional:\n";
        for (const auto& t : r.by_person) line(t, t.key + (t.agency.empty() ? "" : ", " + t.agency));
    }
}

void run_attendance_missed(const Context& ctx, const AttendanceQuery& o) {
    check_format(o.format, {"text", "csv", "json"});
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const AttendancePeriod p = period_of(o);
    const auto rows = non_attendance(store, p, o.partners);
    if (o.format == "json") std::cout << non_attendance_to_json(p, rows) << "\n";
    else if (o.format == "csv") std::cout << non_attendance_to_csv(rows);
    else {
        for (const auto& n : rows)
            std::cout << n.meeting_date.iso() << " " << n.event_type << " (child " << n.child_id << "): " << n.person
                      << (n.agency.empty() ? "" : ", " + n.agency) << (n.apologies ? ", apologies" : "")
                      << (n.deputy ? ", deputy " + *n.deputy : "")
                      << "; line manager: " << n.line_manager.value_or(kNoLineManager) << "\n";
        std::cout << rows.size() << " invitation(s) not attended\n";
    }
}

struct ComplaintArgs {
    std::string reference, date, outcome, child, category, statement, report, text, by, format = "text", quarter;
};

void run_complaints_list(const Context& ctx, const ComplaintArgs& o) {
    check_format(o.format, {"text", "csv", "json"});
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const Date as_of = ctx.as_of_date();
    const auto open = open_complaints(store, as_of, Calendar::for_division(Division::england_and_wales));
    if (o.format == "json") std::cout << open_complaints_to_json(as_of, open) << "\n";
    else if (o.format == "csv") std::cout << open_complaints_to_csv(open);
    else {
        for (const auto& c : open) {
            std::cout << c.reference << " stage " << c.stage << " due " << c.due.iso() << ": ";
            if (c.overdue_working_days > 0) std::cout << "overdue by " << c.overdue_working_days << " working days";
            else std::cout << "in time, " << c.working_days_left << " working days left";
            std::cout << (c.extended ? " (extended)" : "") << "\n";
        }
        std::cout << open.size() << " open complaint(s) on " << as_of.iso() << "\n";
    }
}

void run_complaints_lessons(const Context& ctx, const ComplaintArgs& o) {
    check_format(o.format, {"text", "json"});
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const LessonsSummary s =
        lessons_learnt(store, parse_quarter(o.quarter), Calendar::for_division(Division::england_and_wales));
    std::cout << (o.format == "json" ? lessons_to_json(s) + "\n" : lessons_to_text(s));
}

}  // namespace

void add_tracker_commands(CLI::App& app, Context& ctx) {
    // case attendance set|report|missed, under the `case` command casework_commands.cpp made.
    CLI::App* cases = app.get_subcommand("case");
    auto* att = cases->add_subcommand("attendance", "Who was invited to a meeting (core group, conference) and came");
    att->require_subcommand(1);
    auto set = std::make_shared<AttendanceSet>();
    auto* s = att->add_subcommand("set", "Replace the list of a meeting event (people of the directory)");
    s->add_option("EVENT", set->event, "The meeting event's id")->required();
    s->add_option("--attended", set->attended, "Invited and came (repeatable)");
    s->add_option("--apologies", set->apologies, "Invited, sent apologies (repeatable)");
    s->add_option("--absent", set->absent, "Invited, did not come, no apologies (repeatable)");
    s->add_option("--not-invited", set->not_invited, "Came without an invitation (repeatable)");
    s->add_option("--role", set->roles, "NAME=ROLE: a listed person's role or profession (repeatable)");
    s->add_option("--deputy", set->deputies, "NAME=DEPUTY: who came in a listed person's place (repeatable)");
    s->add_option("--by", set->by, "Who records it (default $USER)");
    s->callback([&ctx, set] { run_attendance_set(ctx, *set); });
    for (const bool missed : {false, true}) {
        auto q = std::make_shared<AttendanceQuery>();
        auto* r = att->add_subcommand(missed ? "missed" : "report",
                                      missed ? "Invited people who did not attend (core groups by default), with "
                                               "their line manager on the day: for the follow-up letter"
                                             : "Attendance by agency and by professional for a period");
        r->add_option("--from", q->from, "First day (YYYY-MM-DD)")->required();
        r->add_option("--to", q->to, "Last day (YYYY-MM-DD)")->required();
        r->add_option("--type", q->type, missed ? "Meeting event type (default core_group)"
                                                : "Meeting event type (default every meeting with a list)");
        r->add_option("--format", q->format, "text, csv or json");
        if (missed) {
            r->add_flag("--partners", q->partners, "Partner agencies only (leave out the council's own staff)");
            r->callback([&ctx, q] { run_attendance_missed(ctx, *q); });
        } else {
            r->callback([&ctx, q] { run_attendance_report(ctx, *q); });
        }
    }

    auto* cmp = app.add_subcommand("complaints", "Complaints (RPR 2006): stages, timescales, lessons learnt");
    cmp->require_subcommand(1);
    auto o = std::make_shared<ComplaintArgs>();
    const auto by = [o](CLI::App* c) { c->add_option("--by", o->by, "Who records it (default $USER)"); };
    const auto write = [&ctx, o](auto fn) {
        return [&ctx, o, fn] {
            Store store = open_store(ctx, StoreUse::create);
            set_by(store, o->by);
            fn(store);
        };
    };
    auto* add = cmp->add_subcommand("add", "Record a complaint received on DATE (stage 1 starts)");
    add->add_option("REFERENCE", o->reference, "The complaint's reference")->required();
    add->add_option("DATE", o->date, "Date received (YYYY-MM-DD)")->required();
    add->add_option("--child", o->child, "The child it is about");
    add->add_option("--category", o->category, "Its category (free text)");
    by(add);
    add->callback(write([o](Store& st) {
        add_complaint(st, o->reference, date_arg(o->date, "DATE"),
                      o->child.empty() ? std::nullopt : std::optional<std::string>(o->child), o->category);
        std::cout << "complaint " << o->reference << " added at stage 1\n";
    }));
    auto* respond = cmp->add_subcommand("respond", "Record the response to the current stage");
    respond->add_option("REFERENCE", o->reference, "The complaint's reference")->required();
    respond->add_option("DATE", o->date, "Date of the response (YYYY-MM-DD)")->required();
    respond->add_option("OUTCOME", o->outcome, "upheld, partly_upheld, not_upheld or withdrawn")->required();
    by(respond);
    respond->callback(write([o](Store& st) {
        respond_to_complaint(st, o->reference, date_arg(o->date, "DATE"), parse_complaint_outcome(o->outcome));
        std::cout << "complaint " << o->reference << " responded to\n";
    }));
    auto* escalate = cmp->add_subcommand("escalate", "The complainant asks for the next stage on DATE");
    escalate->add_option("REFERENCE", o->reference, "The complaint's reference")->required();
    escalate->add_option("DATE", o->date, "Date of the request (YYYY-MM-DD)")->required();
    escalate->add_option("--statement-agreed", o->statement, "Stage 2: the date the statement of complaint was agreed");
    by(escalate);
    escalate->callback(write([o](Store& st) {
        escalate_complaint(st, o->reference, date_arg(o->date, "DATE"),
                           o->statement.empty() ? std::nullopt
                                                : std::optional<Date>(date_arg(o->statement, "--statement-agreed")));
        std::cout << "complaint " << o->reference << " escalated to stage " << try_find_complaint(st, o->reference)->current().stage
                  << "\n";
    }));
    auto* extend = cmp->add_subcommand("extend", "Extend the current stage (1: 20, 2: 65 working days)");
    extend->add_option("REFERENCE", o->reference, "The complaint's reference")->required();
    by(extend);
    extend->callback(write([o](Store& st) {
        extend_complaint(st, o->reference);
        std::cout << "complaint " << o->reference << " extended\n";
    }));
    auto* panel = cmp->add_subcommand("panel", "Stage 3: record the review panel's meeting and report");
    panel->add_option("REFERENCE", o->reference, "The complaint's reference")->required();
    panel->add_option("DATE", o->date, "Date the panel met (YYYY-MM-DD)")->required();
    panel->add_option("--report", o->report, "Date of its report (YYYY-MM-DD)");
    by(panel);
    panel->callback(write([o](Store& st) {
        record_panel(st, o->reference, date_arg(o->date, "DATE"),
                     o->report.empty() ? std::nullopt : std::optional<Date>(date_arg(o->report, "--report")));
        std::cout << "complaint " << o->reference << " panel recorded\n";
    }));
    auto* lessons_set = cmp->add_subcommand("set-lessons", "Record the lessons learnt from a complaint");
    lessons_set->add_option("REFERENCE", o->reference, "The complaint's reference")->required();
    lessons_set->add_option("TEXT", o->text, "The lessons (\"\" clears them)")->required();
    by(lessons_set);
    lessons_set->callback(write([o](Store& st) {
        set_complaint_lessons(st, o->reference, o->text);
        std::cout << "complaint " << o->reference << " lessons recorded\n";
    }));
    auto* list = cmp->add_subcommand("list", "Open complaints on --as-of (default today), due dates and state");
    list->add_option("--format", o->format, "text, csv or json");
    list->callback([&ctx, o] { run_complaints_list(ctx, *o); });
    auto* lessons = cmp->add_subcommand("lessons", "The quarterly lessons-learnt summary");
    lessons->add_option("--quarter", o->quarter, "The calendar quarter, e.g. 2012Q3 (July to September)")->required();
    lessons->add_option("--format", o->format, "text or json");
    lessons->callback([&ctx, o] { run_complaints_lessons(ctx, *o); });
}

}  // namespace oversight::cli
