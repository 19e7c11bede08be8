// The plan commands of the oversight CLI: import-plan, export-plan, report,
// history, changes, people (add, appoint, merge), progress, action, rag (and
// the plan form of `due`).
// Every command works on the latest plan in --db unless --plan ID is given.
#include "cli.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/report/report.hpp>
#include <oversight/store/store.hpp>

#include <cctype>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace oversight::cli {
namespace {

Date date_option(const std::string& text, const char* option) {
    try {
        return Date::parse_iso(text);
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, std::string(option) + ": " + e.what());
    }
}

/// --db (changes recorded as the person running the command, open_store);
/// a command that only reads opens it as StoreUse::read_only, so a missing
/// store is an error, never created.
Store open_plan_store(const Context& ctx, StoreUse use) { return open_store(ctx, use, "run import-plan first"); }

std::int64_t plan_of(const Store& store, std::int64_t plan_option) {
    if (plan_option > 0) {
        if (!try_load_plan(store, plan_option))
            throw Error(Status::not_found, "--plan: plan " + std::to_string(plan_option) + " not found in " + store.path());
        return plan_option;
    }
    return latest_plan_id(store);
}

void add_plan_option(CLI::App* cmd, std::int64_t& plan) {
    cmd->add_option("--plan", plan, "Plan id (default: the latest plan in --db)");
}

/// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs,
/// surrogates or code points above U+10FFFF), or 0 when it is ill-formed;
/// `bad` is then the length of the maximal ill-formed prefix to replace.
std::size_t utf8_seq(const std::string& s, std::size_t i, std::size_t& bad) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    bad = 1;
    if (len == 0) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if (i + k >= s.size()) return 0;
        const unsigned char x = b(i + k);
        if (k == 1 ? (x < lo || x > hi) : (x < 0x80 || x > 0xBF)) return 0;
        bad = k + 1;
    }
    return len;
}

/// A JSON string literal for any bytes: ill-formed UTF-8 becomes U+FFFD, so
/// the output is always valid JSON (RFC 8259 requires UTF-8).
std::string json_escape(const std::string& s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t bad = 1;
        const std::size_t len = utf8_seq(s, i, bad);
        if (len == 0) {
            out += "\\ufffd";
            i += bad;
            continue;
        }
        if (len > 1) {
            out.append(s, i, len);
            i += len;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
        ++i;
    }
    return out + "\"";
}

std::string json_opt(const std::optional<std::string>& s) { return s ? json_escape(*s) : "null"; }

// ------------------------------------------------------------- commands

struct ImportArgs {
    std::string file, report_date, title, authority;
};

void run_import(const Context& ctx, const ImportArgs& a) {
    std::optional<Date> report_date;
    if (!a.report_date.empty()) report_date = date_option(a.report_date, "--report-date");
    Plan plan;
    ImportSummary summary;
    if (plan_file_format(a.file)) {
        PlanImport imported = import_plan_file(a.file);
        plan = std::move(imported.plan);
        summary = std::move(imported.summary);
        if (report_date) plan.report_date = report_date;
        if (!a.title.empty()) plan.title = a.title;
        if (!a.authority.empty()) plan.authority = a.authority;
    } else {
        SeedImportOptions options;
        options.report_date = report_date;
        options.title = a.title;
        options.authority = a.authority;
        ImportResult imported = import_seed_plan_file(a.file, options);
        plan = std::move(imported.plan);
        summary = std::move(imported.summary);
    }
    // Issues first: they explain a save that fails (e.g. a damaged reference).
    for (const auto& issue : summary.issues) std::cerr << issue_line(issue, IssuePlace::line) << "\n";
    Store store = open_plan_store(ctx, StoreUse::create);
    std::int64_t id = 0;
    try {
        id = save_plan(store, plan);
    } catch (const Error& e) {
        throw Error(e.code(), a.file + ": the imported plan could not be saved in " + ctx.db + ": " + e.what());
    }
    std::cout << "imported plan " << id << " from " << a.file << ": " << summary.count("sections") << " sections, "
              << summary.count("recommendations") << " recommendations, " << summary.count("actions") << " actions, "
              << summary.issues.size() << " warnings\n";
}

void run_export(const Context& ctx, std::int64_t plan_option, const std::string& format) {
    Store store = open_plan_store(ctx, StoreUse::read_only);
    Plan plan = load_plan(store, plan_of(store, plan_option));
    if (format == "json") std::cout << plan_to_json(plan) << "\n";
    else if (format == "csv") std::cout << plan_to_csv(plan);
    else throw Error(Status::invalid_arg, "--format: \"" + format + "\" is not json or csv");
}

/// `within` empty: the plan's settings.due_soon_days. `output` empty or
/// "-": standard output (text formats only). Format "pdf": the HTML report
/// printed by headless Chromium (print_pdf), only into a file.
int run_report(const Context& ctx, std::int64_t plan_option, const std::string& kind, const std::string& format,
               std::optional<int> within, const std::string& since = "", const std::string& output = "") {
    std::string lower = format;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool pdf = lower == "pdf";
    const bool to_stdout = output.empty() || output == "-";
    ReportOptions options;
    options.kind = parse_report_kind(kind);
    options.format = pdf ? ReportFormat::html : parse_report_format(format);
    options.as_of = ctx.as_of_date();
    options.within_days = within;
    if (!since.empty()) options.since = date_arg(since, "--since");
    if (to_stdout && (pdf || options.format == ReportFormat::xlsx))
        throw Error(Status::invalid_arg, "--format " + format + " is a binary file: give --output FILE");
    Store store = open_plan_store(ctx, StoreUse::read_only);
    // The measure kinds report the store whatever the plan: a store may hold none.
    const std::int64_t plan = is_measure_report(options.kind) ? 0 : plan_of(store, plan_option);
    std::string out = render_report(store, plan, options);
    if (pdf) out = print_pdf(out);
    if (to_stdout) {
        std::cout << out;
        if (!out.empty() && out.back() != '\n') std::cout << "\n";
    } else {
        write_output(output, out, "--output");
    }
    return 0;
}

void run_history(const Context& ctx, const std::string& entity, std::int64_t id, std::size_t limit,
                 const std::string& format) {
    Store store = open_plan_store(ctx, StoreUse::read_only);
    HistoryFilter f;
    if (!entity.empty()) f.entity = entity;
    if (id > 0) f.entity_id = id;
    std::vector<Change> changes = store.history(f);
    if (limit && changes.size() > limit) changes.erase(changes.begin(), changes.end() - static_cast<long>(limit));
    if (format == "json") {
        std::cout << "[";
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& c = changes[i];
            std::cout << (i ? ",\n " : "\n ") << "{\"seq\": " << c.seq << ", \"at\": " << json_escape(c.at)
                      << ", \"actor\": " << json_escape(c.actor) << ", \"entity\": " << json_escape(c.entity)
                      << ", \"entity_id\": " << c.entity_id << ", \"field\": " << json_escape(c.field)
                      << ", \"old\": " << json_opt(c.old_value) << ", \"new\": " << json_opt(c.new_value) << "}";
        }
        std::cout << (changes.empty() ? "]\n" : "\n]\n");
    } else if (format == "text") {
        for (const Change& c : changes) {
            std::cout << c.seq << "  " << c.at << "  " << c.actor << "  " << c.entity << " " << c.entity_id << "  ";
            if (c.field == "*") {
                std::cout << (c.new_value ? "created: " + *c.new_value : "deleted: " + c.old_value.value_or(""));
            } else {
                std::cout << c.field << ": " << (c.old_value ? *c.old_value : "(none)") << " -> "
                          << (c.new_value ? *c.new_value : "(none)");
            }
            std::cout << "\n";
        }
    } else {
        throw Error(Status::invalid_arg, "--format: \"" + format + "\" is not text or json");
    }
}

void run_people(const Context& ctx, std::int64_t plan_option) {
    Store store = open_plan_store(ctx, StoreUse::read_only);
    std::int64_t plan = plan_of(store, plan_option);
    auto people = list_people(store);
    std::cout << "Directory (" << people.size() << "):\n";
    const Date today = Date::today();
    for (const auto& p : people) {
        std::cout << "  " << p.name;
        if (!p.job_title.empty()) std::cout << ", " << p.job_title;
        if (auto now = appointment_on(store, p.name, today); now && !now->team.empty())
            std::cout << " (" << now->team << ")";
        if (!p.email.empty()) std::cout << " <" << p.email << ">";
        std::cout << "\n";
    }
    auto unlisted = unlisted_people(store, plan);
    std::cout << "Named in plan " << plan << " but not in the directory (" << unlisted.size() << "):\n";
    for (const auto& n : unlisted) std::cout << "  " << n << "\n";
    auto dups = probable_duplicate_people(store, plan);
    std::cout << "Probable duplicates (" << dups.size() << "; merge with `oversight people merge FROM INTO`):\n";
    for (const auto& d : dups) {
        char sim[16];
        std::snprintf(sim, sizeof sim, "%.2f", d.similarity);
        std::cout << "  " << d.a << " / " << d.b << " (" << sim << "): " << d.reason << "\n";
    }
}

}  // namespace

void add_plan_commands(CLI::App& app, Context& ctx) {
    // import-plan
    {
        auto args = std::make_shared<ImportArgs>();
        auto* cmd = app.add_subcommand(
            "import-plan", "Import a plan: the tab-separated PDF export (seed format), or .json/.csv canonical files");
        cmd->add_option("FILE", args->file, "File to import")->required();
        cmd->add_option("--report-date", args->report_date, "Inspection report date (YYYY-MM-DD)");
        cmd->add_option("--title", args->title, "Plan title");
        cmd->add_option("--authority", args->authority, "Local authority");
        cmd->callback([&ctx, args] { run_import(ctx, *args); });
    }
    // export-plan
    {
        auto plan = std::make_shared<std::int64_t>(0);
        auto format = std::make_shared<std::string>("json");
        auto* cmd = app.add_subcommand("export-plan", "Print the plan in the canonical JSON or CSV form");
        cmd->add_option("--format", *format, "json|csv")->capture_default_str();
        add_plan_option(cmd, *plan);
        cmd->callback([&ctx, plan, format] { run_export(ctx, *plan, *format); });
    }
    // report
    {
        struct Args {
            std::int64_t plan = 0;
            std::string format = "text", kind = "full", since, output;
            std::optional<int> within;  // empty: the plan's due_soon_days
        };
        auto a = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("report", "Report on the plan as of --as-of (default today)");
        cmd->add_option("--format", a->format, "text|md|csv|json|html|xlsx|pdf (xlsx and pdf need --output)")
            ->capture_default_str();
        cmd->add_option("--output", a->output, "Write the report to FILE (whole or not at all) instead of stdout");
        cmd->add_option("--since", a->since, "The previous report's date (YYYY-MM-DD): what changed after it");
        cmd->add_option("--kind", a->kind, "full|plan|due|leads|costs|board|dashboard|indicators|compliance|audits|supervision")->capture_default_str();
        cmd->add_option("--within", a->within, "\"Due soon\" means within N days (default: the plan's due_soon_days)")
            ->check(CLI::Range(0, 3650));
        add_plan_option(cmd, a->plan);
        cmd->callback([&ctx, a] { run_report(ctx, a->plan, a->kind, a->format, a->within, a->since, a->output); });
    }
    // history
    {
        struct Args {
            std::string entity, format = "text";
            std::int64_t id = 0;
            std::size_t limit = 0;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("history", "The append-only change history, oldest first");
        cmd->add_option("--entity", a->entity, "Only this kind: plan, recommendation, action, task, person, ...");
        cmd->add_option("--id", a->id, "Only this entity id");
        cmd->add_option("--limit", a->limit, "Only the last N changes");
        cmd->add_option("--format", a->format, "text|json")->capture_default_str();
        // history verify and history checkpoint: history_commands.cpp.
        cmd->require_subcommand(0, 1);
        cmd->callback([&ctx, cmd, a] {
            if (cmd->get_subcommands().empty()) run_history(ctx, a->entity, a->id, a->limit, a->format);
        });
    }
    // changes: the change feed (store/history.hpp changes_since)
    {
        struct Args {
            std::int64_t since = 0;
            std::size_t limit = 500;
            std::string entity, format = "json";
        };
        auto a = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("changes", "The change feed: history rows after sequence N, a page at a time");
        cmd->add_option("--since", a->since, "The last sequence already seen (the page's \"next\"); 0: from the start")
            ->required();
        cmd->add_option("--limit", a->limit, "At most L rows (1..10000)")->capture_default_str();
        cmd->add_option("--entity", a->entity, "Only this kind: child, event, allocation, case_attribute, ...");
        cmd->add_option("--format", a->format, "json (an oversight-history page) or text")->capture_default_str();
        cmd->callback([&ctx, a] {
            Store store = open_plan_store(ctx, StoreUse::read_only);
            std::optional<std::string> entity;
            if (!a->entity.empty()) entity = a->entity;
            const ChangePage page = changes_since(store, a->since, a->limit, entity);
            if (a->format == "json") {
                std::cout << changes_to_json(page) << "\n";
            } else if (a->format == "text") {
                for (const Change& c : page.changes)
                    std::cout << c.seq << "  " << c.at << "  " << c.actor << "  " << c.entity << " " << c.entity_id
                              << "  " << c.field << ": " << c.old_value.value_or("-") << " -> "
                              << c.new_value.value_or("-") << "\n";
                std::cout << "next " << page.next << (page.more ? " (more follow)" : "") << ", latest "
                          << page.latest << "\n";
            } else {
                throw Error(Status::invalid_arg, "--format must be json or text, not '" + a->format + "'");
            }
        });
    }
    // people, people add, people merge
    {
        auto plan = std::make_shared<std::int64_t>(0);
        auto* cmd = app.add_subcommand(
            "people", "The people directory, leads not in it, and probable duplicates for a human to merge");
        add_plan_option(cmd, *plan);
        cmd->require_subcommand(0, 1);

        auto person = std::make_shared<Person>();
        auto team = std::make_shared<std::string>();
        auto* add = cmd->add_subcommand("add", "Add a person to the directory");
        add->add_option("NAME", person->name, "Full name")->required();
        add->add_option("--role", person->job_title, "Role (job title)");
        add->add_option("--email", person->email, "Email address");
        add->add_option("--agency", person->agency, "A partner agency (NHS, a school, the police); default: the council");
        add->add_option("--team", *team, "Team");
        add->callback([&ctx, person, team] {
            Store store = open_plan_store(ctx, StoreUse::create);
            std::int64_t id = add_person(store, *person, *team);
            std::cout << "added person " << id << ": " << person->name << "\n";
        });

        // people appoint: a role, team and line manager from a date
        // (workforce/appointment.hpp), e.g. who manages whom for audit
        // samples drawn per manager.
        struct AppointOptions {
            std::string name, role, team, line_manager, from, until;
        };
        auto ap = std::make_shared<AppointOptions>();
        auto* appt = cmd->add_subcommand("appoint", "Appoint a person: a role, team and line manager from a date");
        appt->add_option("NAME", ap->name, "The person (in the directory)")->required();
        appt->add_option("--role", ap->role, "social_worker, newly_qualified_social_worker, senior_practitioner, "
                                              "team_manager, practice_supervisor, lead_practitioner, "
                                              "other_agency, manager or other")->required();
        appt->add_option("--team", ap->team, "The team (saved already); default none");
        appt->add_option("--line-manager", ap->line_manager, "Their line manager (a person); default none");
        appt->add_option("--from", ap->from, "From this date (YYYY-MM-DD); default since before records");
        appt->add_option("--until", ap->until, "Until this date, exclusive (YYYY-MM-DD); default open");
        appt->callback([&ctx, ap] {
            Store store = open_store(ctx, StoreUse::create);
            Appointment a;
            a.person = ap->name;
            try {
                a.role = parse_role(ap->role);
            } catch (const Error& e) {
                throw Error(Status::invalid_arg, std::string("--role: ") + e.what());
            }
            a.team = ap->team;
            a.line_manager = ap->line_manager;
            if (!ap->from.empty()) a.from = date_option(ap->from, "--from");
            if (!ap->until.empty()) a.until = date_option(ap->until, "--until");
            const std::int64_t id = appoint(store, a);
            std::cout << "appointment " << id << ": " << ap->name << " as " << to_string(a.role)
                      << (a.team.empty() ? "" : " in " + a.team)
                      << (a.line_manager.empty() ? "" : ", line manager " + a.line_manager)
                      << (a.from ? " from " + a.from->iso() : "") << "\n";
        });

        auto names = std::make_shared<std::pair<std::string, std::string>>();
        auto* merge = cmd->add_subcommand("merge", "Merge person FROM into INTO in every plan (leads, task owners, directory)");
        merge->add_option("FROM", names->first, "Name to replace")->required();
        merge->add_option("INTO", names->second, "Name to keep")->required();
        merge->callback([&ctx, names] {
            Store store = open_plan_store(ctx, StoreUse::create);
            merge_people(store, names->first, names->second);
            std::cout << "merged \"" << names->first << "\" into \"" << names->second << "\"\n";
        });

        cmd->callback([&ctx, cmd, plan] {
            if (cmd->get_subcommands().empty()) run_people(ctx, *plan);
        });
    }
    // progress REF TEXT
    {
        struct Args {
            std::int64_t plan = 0;
            std::string ref, text, author, date;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("progress", "Add a progress update to an action");
        cmd->add_option("REF", a->ref, "Action reference, e.g. 2.5")->required();
        cmd->add_option("TEXT", a->text, "What happened")->required();
        cmd->add_option("--author", a->author, "Who reports it");
        cmd->add_option("--date", a->date, "Date of the update (YYYY-MM-DD; default --as-of or today)");
        add_plan_option(cmd, a->plan);
        cmd->callback([&ctx, a] {
            ProgressUpdate u;
            u.date = a->date.empty() ? ctx.as_of_date() : date_option(a->date, "--date");
            u.author = a->author;
            u.text = a->text;
            Store store = open_plan_store(ctx, StoreUse::create);
            if (!a->author.empty()) store.set_actor(a->author);
            std::int64_t plan = plan_of(store, a->plan);
            std::int64_t id = add_progress_update(store, plan, a->ref, u);
            std::cout << "added progress update " << id << " to action " << a->ref << "\n";
        });
    }
    // action set REF ...
    {
        struct Args {
            std::int64_t plan = 0;
            std::string ref, status, lead, due, description, evidence, cost;
            bool clear_due = false;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("action", "Change an action");
        cmd->require_subcommand(1);
        auto* set = cmd->add_subcommand("set", "Set fields of an action (one history row per changed field)");
        set->add_option("REF", a->ref, "Action reference, e.g. 2.5")->required();
        set->add_option("--status", a->status, "not_started|in_progress|complete|withdrawn|blocked");
        set->add_option("--lead", a->lead, "Lead person");
        set->add_option("--due", a->due, "Own due date (YYYY-MM-DD)");
        set->add_flag("--clear-due", a->clear_due, "Remove the own due date (the recommendation's applies)");
        set->add_option("--description", a->description, "Description");
        set->add_option("--evidence", a->evidence, "Evidence that the impact happened");
        set->add_option("--cost", a->cost, "Cost as printed (re-parsed)");
        add_plan_option(set, a->plan);
        set->callback([&ctx, a, set] {
            ActionChange c;
            if (set->count("--status")) c.status = parse_action_status(a->status);
            if (set->count("--lead")) c.lead = a->lead;
            if (set->count("--due") && a->clear_due)
                throw Error(Status::invalid_arg, "--due and --clear-due contradict each other");
            if (set->count("--due")) c.due = date_option(a->due, "--due");
            if (a->clear_due) c.due = std::optional<Date>();
            if (set->count("--description")) c.description = a->description;
            if (set->count("--evidence")) c.impact_evidence = a->evidence;
            if (set->count("--cost")) c.cost_text = a->cost;
            if (!c.status && !c.lead && !c.due && !c.description && !c.impact_evidence && !c.cost_text)
                throw Error(Status::invalid_arg, "action set needs at least one of --status, --lead, --due, "
                                                 "--clear-due, --description, --evidence, --cost");
            Store store = open_plan_store(ctx, StoreUse::create);
            update_action(store, plan_of(store, a->plan), a->ref, c);
            std::cout << "updated action " << a->ref << "\n";
        });
    }
    // rag set REF RAG --by WHO --reason WHY ; rag clear REF
    {
        struct Args {
            std::int64_t plan = 0;
            std::string ref, rag, by, reason, on;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("rag", "Set or clear a manual RAG that replaces the computed one");
        cmd->require_subcommand(1);
        auto* set = cmd->add_subcommand("set", "Override the RAG of an action, saying who and why");
        set->add_option("REF", a->ref, "Action reference, e.g. 2.5")->required();
        set->add_option("RAG", a->rag, "blue|green|amber|red")->required();
        set->add_option("--by", a->by, "Who decided")->required();
        set->add_option("--reason", a->reason, "Why")->required();
        set->add_option("--on", a->on, "Date decided (YYYY-MM-DD; default --as-of or today)");
        add_plan_option(set, a->plan);
        set->callback([&ctx, a] {
            RagOverride o;
            o.rag = parse_rag(a->rag);
            o.by = a->by;
            o.reason = a->reason;
            o.set_on = a->on.empty() ? ctx.as_of_date() : date_option(a->on, "--on");
            Store store = open_plan_store(ctx, StoreUse::create);
            set_rag_override(store, plan_of(store, a->plan), a->ref, o);
            std::cout << "RAG of action " << a->ref << " set to " << to_string(o.rag) << "\n";
        });
        auto* clear = cmd->add_subcommand("clear", "Remove the manual RAG of an action");
        clear->add_option("REF", a->ref, "Action reference, e.g. 2.5")->required();
        add_plan_option(clear, a->plan);
        clear->callback([&ctx, a] {
            Store store = open_plan_store(ctx, StoreUse::create);
            clear_rag_override(store, plan_of(store, a->plan), a->ref);
            std::cout << "RAG override of action " << a->ref << " cleared\n";
        });
    }
}

/// within_days < 0: not given, the plan's settings.due_soon_days apply.
int run_plan_due(const Context& ctx, std::int64_t plan_id, std::optional<int> within_days, const std::string& format) {
    return run_report(ctx, plan_id, "due", format, within_days);
}

}  // namespace oversight::cli
