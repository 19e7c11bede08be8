// remind, case, ack and import-903: casework and reminders from the CLI.
#include "cli.hpp"

#include <oversight/workforce/team.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/digest.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include <iostream>
#include <memory>

namespace oversight::cli {

namespace {

RulePack load_pack(const std::string& local) {
    RulePack base = RulePack::england_default();
    if (local.empty()) return base;
    return base.layered(RulePack::from_file(local));
}

Calendar england() { return Calendar::for_division(Division::england_and_wales); }

Date parse_date_arg(const std::string& text, const char* what) {
    auto d = Date::try_parse_iso(text);
    if (!d) throw Error(Status::invalid_arg, std::string(what) + " '" + text + "' is not a date YYYY-MM-DD");
    return *d;
}

/// The store of a command that reads (or adds to) existing cases: a missing
/// file is an error, never silently created empty.
Store open_existing(const Context& ctx, StoreUse use = StoreUse::existing) {
    return open_store(ctx, use, "give --db, or create one with `oversight case add`");
}

/// Records changes as `by` when given (invalid text is an error), else as
/// $USER, else (no $USER, or one that is not UTF-8) as "oversight cli".
/// Returns the name used.
std::string set_recorder(Store& store, const std::string& by) {
    if (by.empty()) return record_as_user(store, "oversight cli");
    store.set_actor(by);
    return by;
}

struct RemindOptions {
    int within = 10;
    std::string worker, team, format = "text", pack;
    int alarm_days = 2;
};

struct CaseAddOptions {
    std::string child, worker, team, dob, from;
};

struct CaseEventOptions {
    std::string child, type, date, by, pack;
    std::vector<std::string> attrs;
};

struct AckOptions {
    std::string child, rule, due, by, note, pack;
};

void run_remind(const Context& ctx, const RemindOptions& o) {
    if (!o.worker.empty() && !o.team.empty()) throw Error(Status::invalid_arg, "give --worker or --team, not both");
    Store store = open_existing(ctx, StoreUse::read_only);
    Date as_of = ctx.as_of_date();
    Duration window{o.within, Unit::working_days};
    CaseFilter filter;
    if (!o.worker.empty()) filter.worker = o.worker;
    if (!o.team.empty()) filter.team = o.team;
    auto list = reminders(store, load_pack(o.pack), england(), as_of, window, filter);
    if (o.format == "text")
        std::cout << digest(list, as_of, window, filter);
    else if (o.format == "ics") {
        IcsOptions ics;
        ics.alarm_days = o.alarm_days;
        std::cout << reminders_to_ics(list, ics);
    } else if (o.format == "json")
        std::cout << reminders_to_json_array(list) << "\n";
    else
        throw Error(Status::invalid_arg, "--format must be text, ics or json, not '" + o.format + "'");
}

void run_case_add(const Context& ctx, const CaseAddOptions& o) {
    Store store = open_store(ctx, StoreUse::create);
    bool team_known = false;
    for (const Team& t : list_teams(store)) team_known = team_known || t.name == o.team;
    if (!team_known) save_team(store, Team{o.team, "", ""});
    bool worker_known = false;
    for (const Worker& w : list_workers(store)) {
        if (w.name != o.worker) continue;
        worker_known = true;
        if (w.team != o.team)
            throw Error(Status::invalid_arg, "worker '" + o.worker + "' is in team '" + w.team + "', not '" + o.team +
                                                 "' (move the worker first)");
    }
    if (!worker_known) save_worker(store, Worker{o.worker, o.team, ""});
    Child c{o.child, std::nullopt};
    if (!o.dob.empty()) c.date_of_birth = parse_date_arg(o.dob, "--dob");
    save_child(store, c);
    Date from = o.from.empty() ? ctx.as_of_date() : parse_date_arg(o.from, "--from");
    allocate(store, o.child, o.worker, from);
    std::cout << "child " << o.child << " allocated to " << o.worker << " (" << o.team << ") from " << from.iso() << "\n";
}

void run_case_event(const Context& ctx, const CaseEventOptions& o) {
    CaseEvent e;
    e.type = o.type;
    e.date = parse_date_arg(o.date, "DATE");
    for (const std::string& kv : o.attrs) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(Status::invalid_arg, "--attr '" + kv + "' is not KEY=VALUE");
        e.attributes[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    Store store = open_existing(ctx);
    const std::string by = set_recorder(store, o.by);
    std::unique_ptr<RulePack> pack;
    if (!o.pack.empty()) pack = std::make_unique<RulePack>(load_pack(o.pack));
    std::int64_t id = record_event(store, o.child, e, by, pack.get());
    std::cout << "event " << id << ": " << e.type << " on " << e.date.iso() << " for child " << o.child << "\n";
}

void run_ack(const Context& ctx, const AckOptions& o) {
    Store store = open_existing(ctx);
    store.set_actor(o.by);
    ObligationKey key{o.child, o.rule, parse_date_arg(o.due, "DUE")};
    Acknowledgement a = acknowledge(store, load_pack(o.pack), england(), key, o.by, o.note);
    std::cout << "acknowledged " << key.text() << " by " << a.by << " at " << a.at << "\n";
}

void run_import_903(const Context& ctx, const std::string& folder, bool quiet) {
    Store store = open_store(ctx, StoreUse::create);
    ImportSummary r = import_ssda903(store, folder);
    if (!quiet)
        for (const auto& issue : r.issues)
            std::cerr << "warning: " << issue_line(issue, IssuePlace::file_and_line) << "\n";
    std::cout << "imported " << folder << ": " << r.count("children_added") << " children added, "
              << r.count("events_added") << " events added, " << r.count("events_already_present")
              << " already present, " << r.count("attributes_set") << " attributes set, " << r.issues.size()
              << " warnings\n";
}

}  // namespace

void add_casework_commands(CLI::App& app, Context& ctx) {
    // remind
    auto remind_opts = std::make_shared<RemindOptions>();
    auto* remind = app.add_subcommand("remind", "Overdue obligations and those due soon, by worker and team");
    remind->add_option("--within", remind_opts->within, "Due within N working days")
        ->capture_default_str()
        ->check(CLI::Range(0, 3650));
    auto* w = remind->add_option("--worker", remind_opts->worker, "Only this worker's cases");
    auto* t = remind->add_option("--team", remind_opts->team, "Only this team's cases");
    w->excludes(t);
    remind->add_option("--format", remind_opts->format, "text|ics|json")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "ics", "json"}));
    remind->add_option("--alarm-days", remind_opts->alarm_days, "ics: alarm N days before the due date (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 365));
    remind->add_option("--pack", remind_opts->pack, "Local rule pack (TOML) layered over the default England pack");
    remind->callback([&ctx, remind_opts] { run_remind(ctx, *remind_opts); });

    // case add / case event
    auto* cases = app.add_subcommand("case", "Children's cases: add and allocate, record events");
    cases->require_subcommand(1);
    auto add_opts = std::make_shared<CaseAddOptions>();
    auto* add = cases->add_subcommand("add", "Add a child (or update it) and allocate it to a worker in a team");
    add->add_option("CHILD", add_opts->child, "The local authority's child id")->required();
    add->add_option("--worker", add_opts->worker, "Allocated worker (created if new)")->required();
    add->add_option("--team", add_opts->team, "The worker's team (created if new)")->required();
    add->add_option("--dob", add_opts->dob, "Date of birth (YYYY-MM-DD)");
    add->add_option("--from", add_opts->from, "Allocation start (YYYY-MM-DD; default --as-of or today)");
    add->callback([&ctx, add_opts] { run_case_add(ctx, *add_opts); });

    auto ev_opts = std::make_shared<CaseEventOptions>();
    auto* ev = cases->add_subcommand("event", "Record an event (visit, review, placement_start, ...) on a case");
    ev->add_option("CHILD", ev_opts->child, "The local authority's child id")->required();
    ev->add_option("TYPE", ev_opts->type, "Event type (include/oversight/casework/event.hpp lists them)")->required();
    ev->add_option("DATE", ev_opts->date, "Date it happened (YYYY-MM-DD)")->required();
    ev->add_option("--attr", ev_opts->attrs, "Attribute KEY=VALUE (repeatable), e.g. placement_type=U1");
    ev->add_option("--by", ev_opts->by, "Who records it (default $USER)");
    ev->add_option("--pack", ev_opts->pack, "Local rule pack whose event types are also accepted");
    ev->callback([&ctx, ev_opts] { run_case_event(ctx, *ev_opts); });

    // ack
    auto ack_opts = std::make_shared<AckOptions>();
    auto* ack = app.add_subcommand("ack", "Acknowledge a reminder: record who has seen it, when, and a note");
    ack->add_option("CHILD", ack_opts->child, "The local authority's child id")->required();
    ack->add_option("RULE", ack_opts->rule, "Rule id (see `oversight rules`)")->required();
    ack->add_option("DUE", ack_opts->due, "The obligation's due date (YYYY-MM-DD)")->required();
    ack->add_option("--by", ack_opts->by, "Who acknowledges it")->required();
    ack->add_option("--note", ack_opts->note, "A note");
    ack->add_option("--pack", ack_opts->pack, "Local rule pack (TOML) layered over the default England pack");
    ack->callback([&ctx, ack_opts] { run_ack(ctx, *ack_opts); });

    // import-903
    auto folder = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    auto* imp = app.add_subcommand(
        "import-903", "Import an SSDA903 return (header.csv, episodes.csv, reviews.csv); the older spelling of "
                      "`import --format ssda903 FOLDER`");
    imp->add_option("FOLDER", *folder, "Folder holding the CSV files")->required();
    imp->add_flag("--quiet", *quiet, "Print only the counts, not each warning");
    imp->callback([&ctx, folder, quiet] { run_import_903(ctx, *folder, *quiet); });
}

}  // namespace oversight::cli
