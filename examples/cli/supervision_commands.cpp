// `oversight supervision add|list|report|due|audit|policy` (issue 10 points
// 4-7): supervision records, compliance as of --as-of, the due-soon list per
// supervisor, the supervision audit (a reproducible sample graded against the
// criteria) and the supervision standard in force (the default England
// standard, or a local TOML file layered on it with --standard).
#include "cli.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/error.hpp>
#include <oversight/reminders/supervision_reminder.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/standard.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/supervision/supervision_audit.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oversight::cli {
namespace {

const char* const kHint = "give --db, or record a supervision with `oversight supervision add`";

struct SupervisionArgs {
    std::string supervisee, supervisor, date, recorded, json, by, standard, format = "text", from, to, person,
        supervisor_filter;
    int minutes = 0, per_supervisor = 0, sample_size = 0, min_criteria = 0;
    std::uint64_t seed = 0;
    std::vector<std::string> cases, criteria, actions, owners, dues;
    std::vector<std::int64_t> follow_ups, closes;
};

SupervisionStandard standard_of(const SupervisionArgs& o) {
    if (o.standard.empty()) return SupervisionStandard::england_default();
    return SupervisionStandard::england_default().layered(SupervisionStandard::from_file(o.standard));
}

void run_add(const Context& ctx, const SupervisionArgs& o) {
    const SupervisionStandard standard = standard_of(o);
    SupervisionRecord r;
    if (!o.json.empty()) {
        if (!o.supervisee.empty() || !o.actions.empty() || !o.cases.empty() || !o.criteria.empty())
            throw Error(Status::invalid_arg, "--json gives the whole record: leave out the other arguments");
        r = supervision_record_from_json(read_input(o.json, "supervision record"));
    } else {
        if (o.supervisee.empty() || o.supervisor.empty() || o.date.empty())
            throw Error(Status::invalid_arg, "give SUPERVISEE SUPERVISOR DATE, or --json FILE");
        r.supervisee = o.supervisee;
        r.supervisor = o.supervisor;
        r.held = date_arg(o.date, "DATE");
        if (!o.recorded.empty()) r.recorded = date_arg(o.recorded, "--recorded");
        r.minutes = o.minutes;
        r.cases = o.cases;
        r.criteria = o.criteria;
        if (o.owners.size() != o.actions.size() || o.dues.size() != o.actions.size())
            throw Error(Status::invalid_arg, "each --action needs its --owner and --due (" +
                                                 std::to_string(o.actions.size()) + " actions, " +
                                                 std::to_string(o.owners.size()) + " owners, " +
                                                 std::to_string(o.dues.size()) + " due dates)");
        for (std::size_t i = 0; i < o.actions.size(); ++i)
            r.actions.push_back({0, 0, o.actions[i], o.owners[i], date_arg(o.dues[i], "--due"), std::nullopt});
        for (std::int64_t id : o.follow_ups) r.follow_ups.push_back({id, false});
        for (std::int64_t id : o.closes) r.follow_ups.push_back({id, true});
    }
    Store store = open_store(ctx, StoreUse::existing, kHint);
    if (o.by.empty()) record_as_user(store);
    else store.set_actor(o.by);
    const std::int64_t id = record_supervision(store, r, standard);
    std::cout << "supervision " << id << " recorded: " << r.supervisee << " by " << r.supervisor << " on "
              << r.held.iso() << "\n";
    for (const SupervisionRecord& s : list_supervisions(store, r.held, r.held))
        if (s.id == id)
            for (const SupervisionAction& a : s.actions)
                std::cout << "  action " << a.id << ": " << a.text << " (" << a.owner << ", due " << a.due.iso()
                          << ")\n";
}

void run_list(const Context& ctx, const SupervisionArgs& o) {
    check_format(o.format, {"text", "json"});
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const auto records =
        list_supervisions(store, date_arg(o.from, "--from"), date_arg(o.to, "--to"),
                          o.person.empty() ? std::nullopt : std::optional<std::string>(o.person));
    if (o.format == "json") {
        std::cout << supervisions_to_json(records) << "\n";
        return;
    }
    for (const SupervisionRecord& r : records) {
        std::cout << r.id << " " << r.held.iso() << " " << r.supervisee << " by " << r.supervisor;
        if (r.recorded && *r.recorded != r.held) std::cout << " (recorded " << r.recorded->iso() << ")";
        std::cout << ": " << r.cases.size() << " case(s), " << r.criteria.size() << " criteria, "
                  << r.actions.size() << " action(s), " << r.follow_ups.size() << " follow-up(s)\n";
    }
    std::cout << records.size() << " supervision(s)\n";
}

void run_report(const Context& ctx, const SupervisionArgs& o, bool due_only) {
    check_format(o.format, {"text", "json"});
    const SupervisionStandard standard = standard_of(o);
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const SupervisionReport r =
        supervision_report(store, ctx.as_of_date(), o.from.empty() ? std::nullopt : std::optional<Date>(date_arg(o.from, "--from")),
                           standard, Calendar::for_division(Division::england_and_wales));
    if (!due_only) {
        std::cout << (o.format == "json" ? supervision_report_to_json(r) + "\n" : supervision_report_to_text(r));
        return;
    }
    if (o.format == "json") {
        // The report's own document, keeping only the due-soon list.
        SupervisionReport only = r;
        only.workers.clear();
        only.supervisors.clear();
        only.teams.clear();
        only.actions.clear();
        only.due_soon.clear();
        for (const SupervisionDueSoon& d : r.due_soon)
            if (o.supervisor_filter.empty() || d.supervisor == o.supervisor_filter) only.due_soon.push_back(d);
        std::cout << supervision_report_to_json(only) << "\n";
        return;
    }
    // The supervisors' reminders (reminders/supervision_reminder.hpp), due within the standard's window.
    std::cout << supervision_digest(supervision_reminders(store, r.as_of, Duration{standard.due_soon_days(), Unit::calendar_days},
                                                          Calendar::for_division(Division::england_and_wales), standard,
                                                          o.supervisor_filter),
                                    r.as_of);
}

void run_audit(const Context& ctx, const SupervisionArgs& o) {
    check_format(o.format, {"text", "json"});
    const SupervisionStandard standard = standard_of(o);
    SupervisionAuditOptions a;
    a.from = date_arg(o.from, "--from");
    a.to = date_arg(o.to, "--to");
    a.per_supervisor = o.per_supervisor;
    a.sample_size = o.sample_size;
    a.min_criteria = o.min_criteria;
    a.seed = o.seed;
    if (a.per_supervisor > 0 && a.sample_size > 0)
        throw Error(Status::invalid_arg, "give --per-supervisor or --size, not both");
    Store store = open_store(ctx, StoreUse::read_only, kHint);
    const SupervisionAudit r = supervision_audit(store, a, standard);
    std::cout << (o.format == "json" ? supervision_audit_to_json(r) + "\n" : supervision_audit_to_text(r));
}

void run_policy(const SupervisionArgs& o) {
    check_format(o.format, {"text", "json"});
    const SupervisionStandard s = standard_of(o);
    if (o.format == "json") {
        std::cout << standard_to_json(s) << "\n";
        return;
    }
    std::cout << "Supervision standard " << s.name() << (s.version().empty() ? "" : " " + s.version())
              << " (a due date on a non-working day: " << to_string(s.non_working_due()) << ")\n";
    for (const SupervisionFrequency& f : s.frequencies()) {
        std::string roles;
        for (Role r : f.roles) roles += (roles.empty() ? "" : ", ") + std::string(to_string(r));
        std::cout << "  " << roles << ":";
        for (const SupervisionPhase& p : f.phases)
            std::cout << " every " << describe(p.every) << (p.until ? " until " + describe(*p.until) : "") << ";";
        if (!f.supervisor_roles.empty()) {
            std::string sup;
            for (Role r : f.supervisor_roles) sup += (sup.empty() ? "" : ", ") + std::string(to_string(r));
            std::cout << " supervised by " << sup << ";";
        }
        std::cout << " [" << f.status << ", " << f.layer << "] " << f.source << "\n";
    }
    std::cout << "Criteria:\n";
    for (const SupervisionCriterion& c : s.criteria())
        std::cout << "  " << c.id << ": " << c.title << " [" << c.layer << "] " << c.source << "\n";
}

}  // namespace

void add_supervision_commands(CLI::App& app, Context& ctx) {
    auto* sup = app.add_subcommand("supervision", "Supervision of social workers: records, compliance, the standard");
    sup->require_subcommand(1);
    auto o = std::make_shared<SupervisionArgs>();
    const auto standard = [o](CLI::App* c) {
        c->add_option("--standard", o->standard, "A local standard (TOML) layered on the default England one");
    };
    auto* add = sup->add_subcommand("add", "Record a supervision session held on DATE");
    add->add_option("SUPERVISEE", o->supervisee, "The person supervised");
    add->add_option("SUPERVISOR", o->supervisor, "The supervisor");
    add->add_option("DATE", o->date, "The day it was held (YYYY-MM-DD)");
    add->add_option("--recorded", o->recorded, "The day it was written up (default today)");
    add->add_option("--minutes", o->minutes, "Its length in minutes");
    add->add_option("--case", o->cases, "A child's case discussed (repeatable)");
    add->add_option("--criterion", o->criteria, "A quality criterion evidenced (repeatable; see `policy`)");
    add->add_option("--action", o->actions, "An action agreed (repeatable, with --owner and --due in order)");
    add->add_option("--owner", o->owners, "The owner of each --action");
    add->add_option("--due", o->dues, "The due date of each --action");
    add->add_option("--follow-up", o->follow_ups, "An earlier action reviewed and carried forward (id; repeatable)");
    add->add_option("--close", o->closes, "An earlier action reviewed and closed (id; repeatable)");
    add->add_option("--json", o->json, "The whole record as JSON (oversight-supervision-record; - for stdin)");
    add->add_option("--by", o->by, "Who records it (default $USER)");
    standard(add);
    add->callback([&ctx, o] { run_add(ctx, *o); });
    auto* list = sup->add_subcommand("list", "The sessions held in a period (for an audit's sample)");
    list->add_option("--from", o->from, "First day (YYYY-MM-DD)")->required();
    list->add_option("--to", o->to, "Last day (YYYY-MM-DD)")->required();
    list->add_option("--person", o->person, "Only this person's (as supervisee or supervisor)");
    list->add_option("--format", o->format, "text or json");
    list->callback([&ctx, o] { run_list(ctx, *o); });
    auto* report = sup->add_subcommand("report", "Supervision compliance as of --as-of per worker, supervisor, team");
    report->add_option("--from", o->from, "Start of the period (default: every record)");
    report->add_option("--format", o->format, "text or json");
    standard(report);
    report->callback([&ctx, o] { run_report(ctx, *o, false); });
    auto* due = sup->add_subcommand("due", "Supervisions overdue or due soon on --as-of, per supervisor");
    due->add_option("--supervisor", o->supervisor_filter, "Only this supervisor's list");
    due->add_option("--format", o->format, "text or json");
    standard(due);
    due->callback([&ctx, o] { run_report(ctx, *o, true); });
    auto* audit = sup->add_subcommand("audit", "A supervision audit: sessions held in a period, sampled and graded "
                                               "against the standard's criteria");
    audit->add_option("--from", o->from, "First day (YYYY-MM-DD)")->required();
    audit->add_option("--to", o->to, "Last day (YYYY-MM-DD)")->required();
    audit->add_option("--per-supervisor", o->per_supervisor, "Sessions drawn per supervisor (default: not by supervisor)")
        ->check(CLI::Range(0, 10000));
    audit->add_option("--size", o->sample_size, "Sessions drawn in all (default: every session in the period)")
        ->check(CLI::Range(0, 10000));
    audit->add_option("--seed", o->seed, "The seed: the same seed draws the same sample (default 0)");
    audit->add_option("--min-criteria", o->min_criteria,
                      "Criteria a session must evidence to be satisfactory (default: all of them)");
    audit->add_option("--format", o->format, "text or json");
    standard(audit);
    audit->callback([&ctx, o] { run_audit(ctx, *o); });
    auto* policy = sup->add_subcommand("policy", "The supervision standard in force, with sources");
    policy->add_option("--format", o->format, "text or json");
    standard(policy);
    policy->callback([o] { run_policy(*o); });
}

}  // namespace oversight::cli
