// The oversight CLI: shared context and the command groups each file adds.
#pragma once

#include <CLI/CLI.hpp>

#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/store/store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::cli {

/// Options every command understands (given before or after the command).
struct Context {
    std::string db = "oversight.db";  // --db
    std::string as_of;                // --as-of, default today
    /// --as-of as a date (today when not given); Error(invalid_arg) if malformed.
    Date as_of_date() const;
};

/// How a command opens --db.
enum class StoreUse {
    create,     // opened, created if missing (commands that add data)
    existing,   // a missing file is an error, never created (commands that amend)
    read_only,  // as existing, and opened read-only (commands that only read)
};

/// Opens --db. With StoreUse::existing or read_only a missing file is
/// Error(not_found) "no store at PATH (hint)" and nothing is created. A
/// read_only open of a store at an older schema opens it read-write once,
/// to migrate it.
Store open_store(const Context& ctx, StoreUse use, const std::string& hint = "");

/// Records the changes that follow as the account running the command
/// (getpwuid, else "uid N"), with $USER beside it when that differs
/// ("Ann Lee (account root)"). open_store does it for every store it opens;
/// a command's --by overrides it. Returns the name.
std::string record_as_user(Store& store);

/// history verify, history checkpoint (history_commands.cpp), under the
/// `history` command add_plan_commands made; sets `status` to the exit status.
void add_history_commands(CLI::App& app, Context& ctx, int& status);

/// The whole text of the file at `path`, or of standard input for "-".
/// Error(io) naming `what` (the option or the kind of file) and the path for
/// a directory, a missing file or one that cannot be read.
std::string read_input(const std::string& path, const char* what);
/// Writes `bytes` to `path` whole or not at all (a new file beside it,
/// renamed over it). Error(io) naming `what` (the option) and the path.
void write_output(const std::string& path, std::string_view bytes, const char* what);
/// `html` printed on A4 by headless Chromium (OVERSIGHT_CHROMIUM, else
/// chromium on PATH), as the bytes of a PDF. Error(not_found) when there is no
/// browser; Error(io) when it prints nothing within two minutes.
std::string print_pdf(const std::string& html);
/// A date argument (YYYY-MM-DD), or Error(invalid_arg) naming `what` and the text.
Date date_arg(const std::string& text, const char* what);
/// Error(invalid_arg) unless --format is one of `allowed`, listing them.
void check_format(const std::string& format, const std::vector<std::string>& allowed);

/// How an import issue names its place on the CLI.
enum class IssuePlace {
    line,           // "line 12": the command names the file once, elsewhere (import-plan)
    file_and_line,  // "episodes.csv:12": an import of several files (import-903)
};
/// One import issue on one line: "PLACE: message".
std::string issue_line(const ImportIssue& issue, IssuePlace place);

/// import-plan, export-plan, report, history, people, update (plan_commands.cpp)
void add_plan_commands(CLI::App& app, Context& ctx);
/// plan inspection set|submitted|clear|show (inspection_commands.cpp)
void add_plan_inspection_commands(CLI::App& app, Context& ctx);
/// holidays, workdays (calendar_commands.cpp)
void add_calendar_commands(CLI::App& app, Context& ctx);
/// rules (deadline_commands.cpp)
void add_deadline_commands(CLI::App& app, Context& ctx);
/// remind, case, ack and the casework imports (casework_commands.cpp)
void add_casework_commands(CLI::App& app, Context& ctx);
/// case attendance set|report|missed and complaints ... (tracker_commands.cpp);
/// after add_casework_commands, whose `case` command it extends
void add_tracker_commands(CLI::App& app, Context& ctx);
/// audit programme|add|list|report|trend|sample|actions|complete|due (audit_commands.cpp)
void add_audit_commands(CLI::App& app, Context& ctx);
/// supervision add|list|report|due|audit|policy (supervision_commands.cpp).
void add_supervision_commands(CLI::App& app, Context& ctx);
/// indicator add|value|link|list|refresh (indicator_commands.cpp)
void add_indicator_commands(CLI::App& app, Context& ctx);
/// import --format FORMAT FILE... (import_commands.cpp)
void add_import_commands(CLI::App& app, Context& ctx);
/// batch (batch_commands.cpp); sets `status` to the command's exit status.
void add_batch_commands(CLI::App& app, Context& ctx, int& status);

/// `oversight due` has two forms: without RULE, the plan's overdue and due-soon
/// actions (plan_commands.cpp); with RULE, a statutory due date
/// (deadline_commands.cpp). Both print to stdout and return the exit status.
/// within_days: nullopt means the plan's own due_soon_days.
int run_plan_due(const Context& ctx, std::int64_t plan_id, std::optional<int> within_days, const std::string& format);
int run_rule_due(const Context& ctx, const std::string& rule, const std::string& from, bool explain,
                 const std::string& pack);

}  // namespace oversight::cli
