// remind, compliance, case, ack and import-903: casework, reminders and compliance from the CLI.
#include "cli.hpp"

#include <oversight/workforce/team.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/compliance/host_due.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/all_reminders.hpp>
#include <oversight/reminders/reminder_changes.hpp>
#include <oversight/reminders/digest.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/import/host_due_csv.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <memory>

namespace oversight::cli {

namespace {

RulePack load_pack(const std::string& local) {
    RulePack base = RulePack::england_default();
    if (local.empty()) return base;
    return base.layered(RulePack::from_file(local));
}

Calendar england() { return Calendar::for_division(Division::england_and_wales); }

/// The store of a command that reads (or adds to) existing cases: a missing
/// file is an error, never silently created empty.
Store open_existing(const Context& ctx, StoreUse use = StoreUse::existing) {
    return open_store(ctx, use, "give --db, or create one with `oversight case add`");
}

/// Records changes as `by` when given (invalid text is an error), else as
/// the person running the command (record_as_user). Returns the name used.
std::string set_recorder(Store& store, const std::string& by) {
    if (by.empty()) return record_as_user(store);
    store.set_actor(by);
    return by;
}

struct RemindOptions {
    int within = 10;
    std::string worker, team, format = "text", pack;
    int alarm_days = 2;
    std::string changes_from;   // the reminder feed between --changes-from and --as-of
    std::string changes_since;  // the reminder feed since the list in this file
    std::string pseudonym_key;  // a file holding the key: child ids become pseudonyms
    std::string school_calendar;  // the schools' terms (TOML): termly rules are counted
};

struct ComplianceCliOptions {
    std::string from, to, by, format = "text", pack, team, worker, rule, area, child, school_calendar;
    int within = 10;
    int recording_threshold = 5;
    bool children = false;
    bool keep = false;     // keep (or bring up to date) the report in the store first
    bool recount = false;  // count every case afresh, kept report or not
    bool no_explain = false;  // child-level rows without their explanations
};

struct HostDueCliOptions {
    std::string file, rule, child_column = "child", due_column = "due", rule_column = "rule", format = "text", pack,
        school_calendar;
    bool external_ids = false;  // the child column holds the case system's ids
};

struct CaseAddOptions {
    std::string child, worker, team, dob, from;
};

struct CaseEventOptions {
    std::string child, type, date, by, pack, external_id;
    std::vector<std::string> attrs;
};

struct ExemptOptions {
    std::string child, kind, from, to, reason, approved_by, external_id, by;
    std::vector<std::string> areas;
};

/// An event named on the command line by its store id (ID) or by the case
/// system's id (--external-id): exactly one.
struct EventRef {
    std::int64_t id = 0;
    std::string external_id;
    void check() const {
        if ((id > 0) == !external_id.empty())
            throw Error(Status::invalid_arg, "give the event's ID or --external-id, not both and not neither");
    }
    std::string text() const { return id > 0 ? "event " + std::to_string(id) : "event " + external_id; }
};

struct CorrectEventOptions {
    EventRef ref;
    std::string child, type, date, new_external_id, pack;
    std::vector<std::string> attrs;
};

struct AckOptions {
    std::string child, rule, due, by, note, pack, school_calendar;
};

/// One line of the reminder feed in text: "+ KEY state (reasons: detail)".
void print_change(char sign, const ReminderChange& c) {
    const Reminder& r = c.reminder;
    std::cout << sign << ' ' << key_of(r.obligation).text() << ' ' << to_string(r.state);
    if (!r.obligation.worker.empty()) std::cout << ' ' << r.obligation.worker;
    std::cout << " (";
    for (std::size_t i = 0; i < c.reasons.size(); ++i) std::cout << (i ? ", " : "") << c.reasons[i];
    if (!c.reasons.empty() && !c.detail.empty()) std::cout << ": ";
    std::cout << c.detail << ")\n";
}

/// remind --changes-from DATE | --changes-since FILE.
/// --school-calendar FILE: the terms of the authority's schools, or none.
std::optional<SchoolCalendar> school_calendar_arg(const std::string& file) {
    if (file.empty()) return std::nullopt;
    return SchoolCalendar::from_toml(read_input(file, "--school-calendar"), england());
}

void run_remind_changes(const Context& ctx, const RemindOptions& o, const CaseFilter& filter) {
    if (o.format == "ics" || o.format == "document")
        throw Error(Status::invalid_arg, "the reminder feed is text or json, not " + o.format);
    Store store = open_existing(ctx, StoreUse::read_only);
    const Date as_of = ctx.as_of_date();
    const Duration window{o.within, Unit::working_days};
    const RulePack pack = load_pack(o.pack);
    const std::optional<SchoolCalendar> school = school_calendar_arg(o.school_calendar);
    const std::int64_t latest = changes_since(store, 0, 1).latest;  // before the reminders: never newer than them
    ReminderChanges ch =
        o.changes_since.empty()
            ? reminder_changes(store, pack, england(), date_arg(o.changes_from, "--changes-from"), as_of, window,
                               filter, school ? &*school : nullptr)
            : reminder_changes_since(store, pack, england(),
                                     read_reminder_list(read_input(o.changes_since, "--changes-since"),
                                                        o.changes_since),
                                     as_of, window, filter, school ? &*school : nullptr);
    if (latest > 0) ch.sequence = latest;
    if (o.format == "json") {
        std::cout << reminder_changes_to_json(ch) << "\n";
        return;
    }
    std::cout << "Reminder changes " << (ch.from ? "from " + ch.from->iso() : "since the list given") << " to "
              << ch.to.iso() << ": " << ch.appeared.size() << " appeared, " << ch.disappeared.size()
              << " disappeared, " << ch.changed.size() << " changed\n";
    for (const ReminderChange& c : ch.appeared) print_change('+', c);
    for (const ReminderChange& c : ch.disappeared) print_change('-', c);
    for (const ReminderChange& c : ch.changed) print_change('~', c);
}

void run_remind(const Context& ctx, const RemindOptions& o) {
    if (!o.worker.empty() && !o.team.empty()) throw Error(Status::invalid_arg, "give --worker or --team, not both");
    CaseFilter filter;
    if (!o.worker.empty()) filter.worker = o.worker;
    if (!o.team.empty()) filter.team = o.team;
    if (!o.changes_from.empty() || !o.changes_since.empty()) return run_remind_changes(ctx, o, filter);
    Store store = open_existing(ctx, StoreUse::read_only);
    Date as_of = ctx.as_of_date();
    Duration window{o.within, Unit::working_days};
    const std::optional<SchoolCalendar> school = school_calendar_arg(o.school_calendar);
    const RulePack pack = load_pack(o.pack);
    // The casework reminders, and alongside them the audit programmes and the
    // supervisions due by the same day (reminders/all_reminders.hpp).
    AllReminders all = all_reminders(store, pack, england(), as_of, window, filter, school ? &*school : nullptr);
    // A termly obligation is never dropped silently: say which rules were not counted.
    for (const auto& [rule, why] : all.not_counted)
        std::cerr << "oversight: not counted: " << rule << " (" << why << ")"
                  << (school ? "" : "; give --school-calendar FILE") << "\n";
    if (!o.pseudonym_key.empty())
        pseudonymise(all.casework, Pseudonymiser(read_input(o.pseudonym_key, "--pseudonymise-key")));
    if (o.format == "text")
        std::cout << all_reminders_digest(all, window, filter);
    else if (o.format == "ics") {
        IcsOptions ics;
        ics.alarm_days = o.alarm_days;
        std::cout << all_reminders_to_ics(all, ics);
    } else if (o.format == "json")
        // The bare array of casework reminders, as `remind --format json` has always printed it.
        std::cout << reminders_to_json_array(all.casework) << "\n";
    else if (o.format == "document")
        std::cout << all_reminders_to_json(all) << "\n";
    else
        throw Error(Status::invalid_arg, "--format must be text, ics, json or document, not '" + o.format + "'");
}

/// compliance: every obligation due in a period classified as of --as-of.
void run_compliance(const Context& ctx, const ComplianceCliOptions& o) {
    ComplianceOptions options;
    options.as_of = ctx.as_of_date();
    if (!o.from.empty()) options.period_from = date_arg(o.from, "--from");
    if (!o.to.empty()) options.period_to = date_arg(o.to, "--to");
    options.window = {o.within, Unit::working_days};
    options.recording_threshold_working_days = o.recording_threshold;
    if (!o.team.empty()) options.team = o.team;
    if (!o.worker.empty()) options.worker = o.worker;
    if (!o.rule.empty()) options.rule = o.rule;
    if (!o.area.empty()) options.area = o.area;
    if (!o.child.empty()) options.child = o.child;
    const std::optional<ComplianceBy> by =
        o.by.empty() ? std::nullopt : std::optional<ComplianceBy>(compliance_by_from_string(o.by));
    const std::optional<SchoolCalendar> school = school_calendar_arg(o.school_calendar);
    options.school = school ? &*school : nullptr;
    // The groups' CSV needs no child-level rows: counted as cases are read.
    options.items = o.children || o.format != "csv";
    options.use_kept = !o.recount;
    options.explain = !o.no_explain;
    Store store = open_existing(ctx, o.keep ? StoreUse::existing : StoreUse::read_only);
    const RulePack pack = load_pack(o.pack);
    if (o.keep) {
        const KeptCompliance k = keep_compliance(store, pack, england(), options);
        std::cerr << "kept compliance report " << k.key << " as of " << k.as_of.iso() << ": " << k.cases_counted
                  << (k.rebuilt ? " cases counted (every case)\n" : " cases changed since counted again\n");
    }
    if (o.format == "csv" && o.children) {
        // The child-level rows written as they are read: from a kept
        // report, memory does not grow with the list; a refused filter
        // writes nothing.
        for_each_compliance_line(store, pack, england(), options, ComplianceLines::csv,
                                 [](const std::string& line) { std::cout << line; });
        return;
    }
    const ComplianceReport report = compliance(store, pack, england(), options);
    if (o.format == "json")
        std::cout << compliance_to_json(report) << "\n";
    else if (o.format == "csv")
        std::cout << compliance_to_csv(report, o.children, by);
    else if (o.format == "text")
        std::cout << compliance_to_text(report, o.children, by);
    else
        throw Error(Status::invalid_arg, "--format must be text, csv or json, not '" + o.format + "'");
}

/// host-due: a case system's extract of due dates checked against Oversight's.
void run_host_due(const Context& ctx, const HostDueCliOptions& o) {
    HostDueOptions options;
    options.as_of = ctx.as_of_date();
    options.child_column = o.child_column;
    options.due_column = o.due_column;
    options.rule_column = o.rule_column;
    options.by_external_id = o.external_ids;
    if (!o.rule.empty()) options.rule = o.rule;
    options.file = o.file == "-" ? "<stdin>" : o.file;
    const std::optional<SchoolCalendar> school = school_calendar_arg(o.school_calendar);
    options.school = school ? &*school : nullptr;
    Store store = open_existing(ctx, StoreUse::read_only);
    const RulePack pack = load_pack(o.pack);
    const std::vector<HostDueInput> rows = read_host_due_csv(read_input(o.file, "the extract"), options);
    const HostDueReport report = check_host_due_dates(store, pack, england(), rows, options);
    if (o.format == "json")
        std::cout << host_due_to_json(report) << "\n";
    else if (o.format == "csv")
        std::cout << host_due_to_csv(report);
    else
        std::cout << host_due_to_text(report);
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
    if (!o.dob.empty()) c.date_of_birth = date_arg(o.dob, "--dob");
    save_child(store, c);
    Date from = o.from.empty() ? ctx.as_of_date() : date_arg(o.from, "--from");
    allocate(store, o.child, o.worker, from);
    std::cout << "child " << o.child << " allocated to " << o.worker << " (" << o.team << ") from " << from.iso() << "\n";
}

/// The --attr KEY=VALUE options of an event.
std::map<std::string, std::string> parse_attrs(const std::vector<std::string>& attrs) {
    std::map<std::string, std::string> out;
    for (const std::string& kv : attrs) {
        auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(Status::invalid_arg, "--attr '" + kv + "' is not KEY=VALUE");
        out[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    return out;
}

void run_case_event(const Context& ctx, const CaseEventOptions& o) {
    CaseEvent e;
    e.type = o.type;
    e.date = date_arg(o.date, "DATE");
    e.attributes = parse_attrs(o.attrs);
    if (!o.external_id.empty()) e.external_id = o.external_id;
    Store store = open_existing(ctx);
    const std::string by = set_recorder(store, o.by);
    std::unique_ptr<RulePack> pack;
    if (!o.pack.empty()) pack = std::make_unique<RulePack>(load_pack(o.pack));
    const EventSaved saved = save_event(store, o.child, e, by, pack.get());
    std::cout << "event " << saved.id << " " << to_string(saved.outcome) << ": " << e.type << " on " << e.date.iso()
              << " for child " << o.child << "\n";
}

/// The event the reference names, as stored (Error(not_found) naming it).
RecordedEvent find_event(const Store& store, const EventRef& ref) {
    ref.check();
    auto found = ref.id > 0 ? try_find_event(store, ref.id) : try_find_event_by_external_id(store, ref.external_id);
    if (!found) throw Error(Status::not_found, ref.text() + " not found");
    return *found;
}

void run_delete_event(const Context& ctx, const EventRef& ref, const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const RecordedEvent e = find_event(store, ref);
    delete_event(store, e.id);
    std::cout << "deleted event " << e.id << ": " << e.event.type << " on " << e.event.date.iso() << " for child "
              << e.child_id << "\n";
}

/// Corrects an event: what is not given on the command line stays as stored.
void run_correct_event(const Context& ctx, const CorrectEventOptions& o, const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const RecordedEvent stored = find_event(store, o.ref);
    CaseEvent e = stored.event;
    e.external_id = std::nullopt;  // kept unless a new one is given
    if (!o.type.empty()) e.type = o.type;
    if (!o.date.empty()) e.date = date_arg(o.date, "--date");
    if (!o.attrs.empty()) e.attributes = parse_attrs(o.attrs);
    if (!o.new_external_id.empty()) e.external_id = o.new_external_id;
    const std::string child = o.child.empty() ? stored.child_id : o.child;
    std::unique_ptr<RulePack> pack;
    if (!o.pack.empty()) pack = std::make_unique<RulePack>(load_pack(o.pack));
    const bool changed = correct_event(store, stored.id, child, e, pack.get());
    std::cout << "event " << stored.id << (changed ? " corrected: " : " unchanged: ") << e.type << " on "
              << e.date.iso() << " for child " << child << "\n";
}

void run_end_allocation(const Context& ctx, const std::string& child, const std::string& on, const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const Date d = date_arg(on, "ON");
    end_allocation(store, child, d);
    std::cout << "child " << child << " unallocated from " << d.iso() << "\n";
}

void run_set_attribute(const Context& ctx, const std::vector<std::string>& a, const std::string& external_id,
                       const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const Date d = date_arg(a[3], "FROM");
    std::optional<std::string> ext;
    if (!external_id.empty()) ext = external_id;
    const SaveOutcome o = set_attribute(store, a[0], a[1], a[2], d, ext);
    std::cout << "child " << a[0] << ": " << a[1] << " = " << a[2] << " from " << d.iso() << " (" << to_string(o)
              << ")\n";
}

void run_end_attribute(const Context& ctx, const std::string& child, const std::string& key, const std::string& on,
                       const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const Date d = date_arg(on, "ON");
    end_attribute(store, child, key, d);
    std::cout << "child " << child << ": " << key << " not set from " << d.iso() << "\n";
}

void run_delete_attribute(const Context& ctx, const std::string& child, const std::string& key,
                          const std::string& from, const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const Date d = date_arg(from, "FROM");
    delete_attribute(store, child, key, d);
    std::cout << "child " << child << ": deleted the " << key << " value effective from " << d.iso() << "\n";
}

void run_erase(const Context& ctx, const std::string& child, const std::string& reason, const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const Erasure e = erase_child(store, child, reason);
    std::cout << "erased child " << child << ": " << e.events << " events, " << e.allocations << " allocations, "
              << e.attributes << " attributes, " << e.acknowledgements << " acknowledgements, " << e.exemptions
              << " exemptions removed; "
              << e.history_rows_scrubbed << " history rows scrubbed\n";
}

void run_exempt(const Context& ctx, const ExemptOptions& o) {
    Exemption e;
    e.child_id = o.child;
    e.kind = exemption_kind_from_string(o.kind);
    e.from = date_arg(o.from, "--from");
    if (!o.to.empty()) e.to = date_arg(o.to, "--to");
    e.reason = o.reason;
    e.approved_by = o.approved_by;
    e.areas = o.areas;
    if (!o.external_id.empty()) e.external_id = o.external_id;
    Store store = open_existing(ctx);
    set_recorder(store, o.by);
    const ExemptionSaved saved = save_exemption(store, e);
    std::cout << "exemption " << saved.id << " " << to_string(saved.outcome) << ": child " << o.child << " "
              << to_string(e.kind) << " from " << e.from.iso() << (e.to ? " to " + e.to->iso() : " (open)") << "\n";
}

void run_exemptions(const Context& ctx, const std::string& child, const std::string& format) {
    if (format != "text" && format != "json")
        throw Error(Status::invalid_arg, "--format must be text or json, not '" + format + "'");
    Store store = open_existing(ctx, StoreUse::read_only);
    const std::vector<Exemption> list = exemptions(store, child);
    if (format == "json") {
        std::cout << exemptions_to_json(list) << "\n";
        return;
    }
    if (list.empty()) std::cout << "child " << child << " has no exemptions\n";
    for (const Exemption& e : list) {
        std::string areas;
        for (const std::string& a : e.areas) areas += (areas.empty() ? "" : ", ") + a;
        std::cout << e.id << "  " << e.from.iso() << " to " << (e.to ? e.to->iso() : std::string("(open)    ")) << "  "
                  << to_string(e.kind) << "  " << (areas.empty() ? "all areas" : areas) << "  approved by "
                  << e.approved_by << ": " << e.reason << "\n";
    }
}

void run_exempt_end(const Context& ctx, std::int64_t id, const std::string& to, const std::string& by) {
    Store store = open_existing(ctx);
    set_recorder(store, by);
    const Date d = date_arg(to, "--to");
    end_exemption(store, id, d);
    std::cout << "exemption " << id << " ends on " << d.iso() << "\n";
}

void run_ack(const Context& ctx, const AckOptions& o) {
    Store store = open_existing(ctx);
    store.set_actor(o.by);
    ObligationKey key{o.child, o.rule, date_arg(o.due, "DUE")};
    const std::optional<SchoolCalendar> school = school_calendar_arg(o.school_calendar);
    Acknowledgement a = acknowledge(store, load_pack(o.pack), england(), key, o.by, o.note, school ? &*school : nullptr);
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
    remind->add_option("--format", remind_opts->format,
                       "text|ics|json|document (json: the casework reminders as a bare array; document: the "
                       "oversight-reminders document with the audit programmes, supervisions and plan inspection "
                       "clocks due; text and "
                       "ics hold those too)")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "ics", "json", "document"}));
    remind->add_option("--alarm-days", remind_opts->alarm_days, "ics: alarm N days before the due date (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 365));
    remind->add_option("--pack", remind_opts->pack, "Local rule pack (TOML) layered over the default England pack");
    auto* cf = remind->add_option("--changes-from", remind_opts->changes_from,
                                  "The reminder feed: what appeared, disappeared or changed from this date "
                                  "(YYYY-MM-DD) to --as-of");
    auto* cs = remind->add_option("--changes-since", remind_opts->changes_since,
                                  "The reminder feed: what differs now from the reminders in this JSON file "
                                  "(what `remind --format json` or a previous feed gave; - for standard input)");
    cf->excludes(cs);
    auto* pk = remind->add_option("--pseudonymise-key", remind_opts->pseudonym_key,
                                  "Child ids become pseudonyms (HMAC-SHA-256 under the key in this file, at least "
                                  "16 bytes) and acknowledgement notes are left out: a list to share with analysts");
    pk->excludes(cf)->excludes(cs);
    remind->add_option("--school-calendar", remind_opts->school_calendar,
                       "School terms (TOML: name, [[term]] name/first_day/last_day, non_school_days) for the "
                       "termly rules (PEP reviews); without it they are listed on standard error as not counted");
    remind->callback([&ctx, remind_opts] { run_remind(ctx, *remind_opts); });

    // compliance
    auto compliance_opts = std::make_shared<ComplianceCliOptions>();
    auto* comp = app.add_subcommand(
        "compliance", "Every obligation due in a period as of --as-of (met on time, met late, overdue, due soon, "
                      "not yet due, exempt), in timescale by team, worker, rule and area");
    comp->add_option("--from", compliance_opts->from,
                     "First due date of the period (YYYY-MM-DD; default: the three months ending on --to)");
    comp->add_option("--to", compliance_opts->to, "Last due date of the period (YYYY-MM-DD; default: --as-of)");
    comp->add_option("--by", compliance_opts->by, "Only the groups by team|worker|rule|area|overall (default: all)")
        ->check(CLI::IsMember({"team", "worker", "rule", "area", "overall"}));
    comp->add_flag("--children", compliance_opts->children,
                   "The child-level rows by team and worker (csv: instead of the groups)");
    comp->add_option("--format", compliance_opts->format, "text|csv|json")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "csv", "json"}));
    comp->add_option("--within", compliance_opts->within, "Due soon: within N working days of --as-of")
        ->capture_default_str()
        ->check(CLI::Range(0, 3650));
    comp->add_option("--recording-threshold", compliance_opts->recording_threshold,
                     "Recorded late: more than N working days after the event")
        ->capture_default_str()
        ->check(CLI::Range(0, 3650));
    comp->add_option("--team", compliance_opts->team, "Only obligations whose team on the due date is this");
    comp->add_option("--worker", compliance_opts->worker, "Only obligations whose worker on the due date is this");
    comp->add_option("--rule", compliance_opts->rule, "Only this rule id");
    comp->add_option("--area", compliance_opts->area, "Only this rule area");
    comp->add_option("--child", compliance_opts->child,
                     "Only this child's obligations, explained (their case counted afresh: the explanations behind "
                     "a row of a list read with --no-explain)");
    comp->add_option("--pack", compliance_opts->pack, "Local rule pack (TOML) layered over the default England pack");
    comp->add_flag("--keep", compliance_opts->keep,
                   "Keep this report in the store (or bring the kept one up to date) first: later reports with the "
                   "same settings read it, counting again only the cases changed since");
    comp->add_flag("--recount", compliance_opts->recount, "Count every case afresh, even with a kept report");
    comp->add_flag("--no-explain", compliance_opts->no_explain,
                   "Child-level rows without their explanations (empty): several times faster");
    comp->add_option("--school-calendar", compliance_opts->school_calendar,
                     "School terms (TOML: name, [[term]] name/first_day/last_day, non_school_days) for the termly "
                     "rules (PEP reviews); without it they are listed as not counted");
    comp->callback([&ctx, compliance_opts] { run_compliance(ctx, *compliance_opts); });

    // host-due
    auto host_due_opts = std::make_shared<HostDueCliOptions>();
    auto* host_due = app.add_subcommand(
        "host-due", "A case system's extract of due dates (CSV) checked against the obligations open as of --as-of "
                    "(the day it was taken): every disagreement with both explanations");
    host_due->add_option("FILE", host_due_opts->file, "The extract (CSV with a header row; - for standard input)")
        ->required();
    host_due->add_option("--rule", host_due_opts->rule,
                         "Every row's rule id or rule area (visits: the earliest open visit); default: --rule-column");
    host_due->add_option("--child-column", host_due_opts->child_column, "The header of the child ids")
        ->capture_default_str();
    host_due->add_flag("--external-ids", host_due_opts->external_ids,
                       "The child ids are the case system's own (the external ids its sync stored)");
    host_due->add_option("--due-column", host_due_opts->due_column,
                         "The header of the host's due dates (YYYY-MM-DD or DD/MM/YYYY)")
        ->capture_default_str();
    host_due->add_option("--rule-column", host_due_opts->rule_column,
                         "The header of each row's rule id or area, without --rule")
        ->capture_default_str();
    host_due->add_option("--format", host_due_opts->format, "text|csv|json")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "csv", "json"}));
    host_due->add_option("--pack", host_due_opts->pack, "Local rule pack (TOML) layered over the default England pack");
    host_due->add_option("--school-calendar", host_due_opts->school_calendar,
                         "School terms (TOML) for the termly rules (PEP reviews); without it their rows are not "
                         "counted");
    host_due->callback([&ctx, host_due_opts] { run_host_due(ctx, *host_due_opts); });

    // case add / case event
    auto* cases = app.add_subcommand("case", "Children's cases: add and allocate, record, correct and delete events, exemptions, erase");
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
    ev->add_option("--external-id", ev_opts->external_id,
                   "The case system's id for the event: sent again, it updates the event in place");
    ev->callback([&ctx, ev_opts] { run_case_event(ctx, *ev_opts); });

    // Corrections and deletions, each written to the history as --by (default $USER).
    auto by = std::make_shared<std::string>();
    const auto add_by = [&](CLI::App* cmd) { cmd->add_option("--by", *by, "Who makes the change (default $USER)"); };
    const auto add_ref = [&](CLI::App* cmd, EventRef& ref) {
        cmd->add_option("ID", ref.id, "The event's id in the store");
        cmd->add_option("--external-id", ref.external_id, "The case system's id for the event (instead of ID)");
    };
    auto del_ref = std::make_shared<EventRef>();
    auto* del = cases->add_subcommand("delete-event", "Delete an event recorded by mistake or on the wrong child");
    add_ref(del, *del_ref);
    add_by(del);
    del->callback([&ctx, del_ref, by] { run_delete_event(ctx, *del_ref, *by); });

    auto cor = std::make_shared<CorrectEventOptions>();
    auto* fix = cases->add_subcommand("correct-event", "Correct an event: what is not given stays as stored");
    add_ref(fix, cor->ref);
    fix->add_option("--child", cor->child, "Move it to this child's case");
    fix->add_option("--type", cor->type, "Its event type");
    fix->add_option("--date", cor->date, "Its date (YYYY-MM-DD)");
    fix->add_option("--attr", cor->attrs, "Its attributes, KEY=VALUE (repeatable; replace them all)");
    fix->add_option("--new-external-id", cor->new_external_id, "Give it this external id");
    fix->add_option("--pack", cor->pack, "Local rule pack whose event types are also accepted");
    add_by(fix);
    fix->callback([&ctx, cor, by] { run_correct_event(ctx, *cor, *by); });

    auto args = std::make_shared<std::vector<std::string>>(3);
    auto* end_alloc = cases->add_subcommand("end-allocation", "End a child's current allocation (unallocated from ON)");
    end_alloc->add_option("CHILD", (*args)[0], "The local authority's child id")->required();
    end_alloc->add_option("ON", (*args)[1], "The first day unallocated (YYYY-MM-DD)")->required();
    add_by(end_alloc);
    end_alloc->callback([&ctx, args, by] { run_end_allocation(ctx, (*args)[0], (*args)[1], *by); });

    auto set_args = std::make_shared<std::vector<std::string>>(4);
    auto set_ext = std::make_shared<std::string>();
    auto* set_attr = cases->add_subcommand("set-attribute", "Set a case attribute (legal_status, ...) from a date");
    set_attr->add_option("CHILD", (*set_args)[0], "The local authority's child id")->required();
    set_attr->add_option("KEY", (*set_args)[1], "The attribute (lower-case [a-z][a-z0-9_]*)")->required();
    set_attr->add_option("VALUE", (*set_args)[2], "Its value")->required();
    set_attr->add_option("FROM", (*set_args)[3], "The date it takes effect (YYYY-MM-DD)")->required();
    set_attr->add_option("--external-id", *set_ext, "The case system's id for this value (sent again: corrected)");
    add_by(set_attr);
    set_attr->callback([&ctx, set_args, set_ext, by] { run_set_attribute(ctx, *set_args, *set_ext, *by); });

    auto* end_attr = cases->add_subcommand("end-attribute", "End a case attribute: not set from ON");
    end_attr->add_option("CHILD", (*args)[0], "The local authority's child id")->required();
    end_attr->add_option("KEY", (*args)[1], "The attribute (legal_status, placement_type, ...)")->required();
    end_attr->add_option("ON", (*args)[2], "The first day it is not set (YYYY-MM-DD)")->required();
    add_by(end_attr);
    end_attr->callback([&ctx, args, by] { run_end_attribute(ctx, (*args)[0], (*args)[1], (*args)[2], *by); });

    auto* del_attr = cases->add_subcommand("delete-attribute",
                                           "Delete an attribute value recorded by mistake (the one before is in force again)");
    del_attr->add_option("CHILD", (*args)[0], "The local authority's child id")->required();
    del_attr->add_option("KEY", (*args)[1], "The attribute")->required();
    del_attr->add_option("FROM", (*args)[2], "The date the value took effect (YYYY-MM-DD)")->required();
    add_by(del_attr);
    del_attr->callback([&ctx, args, by] { run_delete_attribute(ctx, (*args)[0], (*args)[1], (*args)[2], *by); });

    auto* erase = cases->add_subcommand("erase", "Remove a child and everything on their case (UK GDPR erasure, purge)");
    erase->add_option("CHILD", (*args)[0], "The local authority's child id")->required();
    erase->add_option("--reason", (*args)[1], "Why (kept in the history: must not identify the child)")->required();
    add_by(erase);
    erase->callback([&ctx, args, by] { run_erase(ctx, (*args)[0], (*args)[1], *by); });

    // Exemptions: periods in which a child's obligations cannot be met.
    auto ex = std::make_shared<ExemptOptions>();
    auto* exempt = cases->add_subcommand(
        "exempt", "Record an exemption: a period in which the child's obligations cannot be met, and why");
    exempt->add_option("CHILD", ex->child, "The local authority's child id")->required();
    exempt->add_option("--kind", ex->kind, "missing|custody|hospital|abroad|visit_refused|other")->required();
    exempt->add_option("--from", ex->from, "The first day covered (YYYY-MM-DD)")->required();
    exempt->add_option("--to", ex->to, "The last day covered (YYYY-MM-DD; default: open)");
    exempt->add_option("--reason", ex->reason, "Why the obligations cannot be met")->required();
    exempt->add_option("--approved-by", ex->approved_by, "Who approved the exemption")->required();
    exempt->add_option("--area", ex->areas, "A rule area covered (repeatable: visits, reviews, ...; default: all)");
    exempt->add_option("--external-id", ex->external_id, "The case system's id for it (sent again: updated)");
    exempt->add_option("--by", ex->by, "Who records it (default $USER)");
    exempt->callback([&ctx, ex] { run_exempt(ctx, *ex); });

    auto ex_list = std::make_shared<std::pair<std::string, std::string>>("", "text");
    auto* exempt_list = cases->add_subcommand("exemptions", "A child's exemptions, by first day");
    exempt_list->add_option("CHILD", ex_list->first, "The local authority's child id")->required();
    exempt_list->add_option("--format", ex_list->second, "text|json")->capture_default_str();
    exempt_list->callback([&ctx, ex_list] { run_exemptions(ctx, ex_list->first, ex_list->second); });

    auto ex_end = std::make_shared<std::pair<std::int64_t, std::string>>(0, "");
    auto* exempt_end = cases->add_subcommand("exempt-end", "End an exemption: TO is its last day");
    exempt_end->add_option("ID", ex_end->first, "The exemption's id (`case exemptions CHILD`)")->required();
    exempt_end->add_option("--to", ex_end->second, "The last day covered (YYYY-MM-DD)")->required();
    add_by(exempt_end);
    exempt_end->callback([&ctx, ex_end, by] { run_exempt_end(ctx, ex_end->first, ex_end->second, *by); });

    // ack
    auto ack_opts = std::make_shared<AckOptions>();
    auto* ack = app.add_subcommand("ack", "Acknowledge a reminder: record who has seen it, when, and a note");
    ack->add_option("CHILD", ack_opts->child, "The local authority's child id")->required();
    ack->add_option("RULE", ack_opts->rule, "Rule id (see `oversight rules`)")->required();
    ack->add_option("DUE", ack_opts->due, "The obligation's due date (YYYY-MM-DD)")->required();
    ack->add_option("--by", ack_opts->by, "Who acknowledges it")->required();
    ack->add_option("--note", ack_opts->note, "A note");
    ack->add_option("--pack", ack_opts->pack, "Local rule pack (TOML) layered over the default England pack");
    ack->add_option("--school-calendar", ack_opts->school_calendar,
                    "School terms (TOML) for the termly rules, as given to remind");
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
