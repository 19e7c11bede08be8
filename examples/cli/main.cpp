// oversight — command-line front end to the Oversight library.
// Exit status: 0 on success, 1 on bad input (reason on stderr); `batch`: 2 when items were refused;
// `history verify`: 3 when the history is not intact.
#include "cli.hpp"

#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>
#include <oversight/version.h>
#include <oversight/store/store.hpp>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

namespace oversight::cli {

Date Context::as_of_date() const {
    if (as_of.empty()) return Date::today();
    try {
        return Date::parse_iso(as_of);
    } catch (const Error& e) {
        throw Error(Status::invalid_arg, std::string("--as-of: ") + e.what());
    }
}

Store open_store(const Context& ctx, StoreUse use, const std::string& hint) {
    StoreOptions options;
    options.location = ctx.db;
    // An in-memory store is always new: nothing to require or to read.
    const bool memory = ctx.db == ":memory:";
    options.create = use == StoreUse::create || memory;
    options.read_only = use == StoreUse::read_only && !memory;
    Store store = [&] {
        try {
            try {
                return Store::open(options);
            } catch (const Error& e) {
                // A store from an older version cannot be read before it is
                // migrated, which only a read-write open does: as every command
                // did before there were read-only opens. A file that is not a
                // store, or is too new, fails the same way again.
                if (e.code() != Status::db || !options.read_only) throw;
                options.read_only = false;
                return Store::open(options);
            }
        } catch (const Error& e) {
            if (e.code() != Status::not_found || hint.empty()) throw;
            throw Error(Status::not_found, std::string(e.what()) + " (" + hint + ")");
        }
    }();
    // Whatever the command writes is recorded as the person running it
    // (a command's --by, where it has one, overrides this).
    record_as_user(store);
    return store;
}

Date date_arg(const std::string& text, const char* what) {
    auto d = Date::try_parse_iso(text);
    if (!d) throw Error(Status::invalid_arg, std::string(what) + " '" + text + "' is not a date YYYY-MM-DD");
    return *d;
}

void check_format(const std::string& format, const std::vector<std::string>& allowed) {
    for (const auto& a : allowed)
        if (format == a) return;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw Error(Status::invalid_arg, "--format '" + format + "' is not one of " + list);
}

std::string read_input(const std::string& path, const char* what) {
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        return s.str();
    }
    return read_file(path, what);
}

std::string record_as_user(Store& store) {
    // The account running us (getpwuid), which the caller cannot choose;
    // $USER, which anyone can set, only beside it when it differs:
    // "Ann Lee (account root)". Never a made-up name. Store::set_actor
    // refuses a name that is not valid UTF-8 or not a name: the next
    // candidate is tried.
    const uid_t uid = geteuid();
    std::string account = "uid " + std::to_string(uid);
    std::vector<char> buf(16384);
    passwd pw{};
    passwd* found = nullptr;
    if (getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found && found->pw_name && *found->pw_name)
        account = found->pw_name;
    std::vector<std::string> candidates;
    if (const char* user = std::getenv("USER"); user && *user && account != user)
        candidates.push_back(std::string(user) + " (account " + account + ")");
    candidates.push_back(account);
    candidates.push_back("uid " + std::to_string(uid));
    for (const std::string& who : candidates) {
        try {
            store.set_actor(who);
            return who;
        } catch (const Error&) {
        }
    }
    return store.actor();
}

std::string issue_line(const ImportIssue& issue, IssuePlace place) {
    const std::string line = std::to_string(issue.line);
    return (place == IssuePlace::line ? "line " + line : issue.file + ":" + line) + ": " + issue.message;
}

}  // namespace oversight::cli

int main(int argc, char** argv) {
    using namespace oversight;
    cli::Context ctx;
    CLI::App app{"Oversight: improvement plans, statutory deadlines and reminders for children's social care",
                 "oversight"};
    app.set_version_flag("--version", OVERSIGHT_VERSION_STRING);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--db", ctx.db, "SQLite store to use")->capture_default_str();
    app.add_option("--as-of", ctx.as_of, "Date to report as of (YYYY-MM-DD; default today)");

    cli::add_plan_commands(app, ctx);
    cli::add_plan_inspection_commands(app, ctx);
    cli::add_calendar_commands(app, ctx);
    cli::add_deadline_commands(app, ctx);
    cli::add_casework_commands(app, ctx);
    cli::add_tracker_commands(app, ctx);
    cli::add_audit_commands(app, ctx);
    cli::add_supervision_commands(app, ctx);
    cli::add_indicator_commands(app, ctx);
    cli::add_import_commands(app, ctx);

    // `due`: one command, two forms (see cli.hpp).
    int status = 0;
    cli::add_batch_commands(app, ctx, status);
    cli::add_history_commands(app, ctx, status);
    std::string rule, from, format = "text", pack;
    std::optional<int> within;  // not given: the plan's due_soon_days
    std::int64_t plan_id = 0;
    bool explain = false;
    auto* due = app.add_subcommand("due", "Overdue and due-soon plan actions, or the due date a statutory rule gives");
    due->add_option("RULE", rule, "Rule id (see `oversight rules`); omit for the plan's actions");
    due->add_option("--from", from, "Trigger date for RULE (YYYY-MM-DD)");
    due->add_flag("--explain", explain, "Say why: rule, source, trigger, unit, days skipped");
    due->add_option("--pack", pack, "Local rule pack (TOML) layered over the default England pack");
    due->add_option("--within", within, "Plan actions due within N days (default: the plan's due_soon_days)")
        ->check(CLI::Range(0, 3650));
    due->add_option("--format", format, "text|md|csv|json")->capture_default_str();
    due->add_option("--plan", plan_id, "Plan id (default: the latest plan in --db)");
    due->callback([&] {
        if (!rule.empty()) {
            if (from.empty()) throw Error(Status::invalid_arg, "due RULE needs --from DATE");
            status = cli::run_rule_due(ctx, rule, from, explain, pack);
        } else {
            if (!from.empty() || explain) throw Error(Status::invalid_arg, "--from and --explain need a RULE");
            status = cli::run_plan_due(ctx, plan_id, within, format);
        }
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version print and give 0; a bad command line gives 1.
        return app.exit(e) == 0 ? 0 : 1;
    } catch (const Error& e) {
        std::cerr << "oversight: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "oversight: " << e.what() << "\n";
        return 1;
    }
    return status;
}
