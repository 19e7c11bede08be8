// batch: a case system's changes from a batch document (JSON or NDJSON), all
// applied in one transaction or none.
#include "cli.hpp"

#include <oversight/casework/batch.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

namespace oversight::cli {

namespace {

struct BatchCommand {
    std::string file;
    std::string format = "text";
    std::optional<std::string> recorded_by;  // not given: the actor
    bool stop_at_first_error = false;
};

int run_batch(const Context& ctx, const BatchCommand& cmd) {
    const std::string text = read_input(cmd.file, "batch file");
    Store store = open_store(ctx, StoreUse::create);
    BatchOptions options;
    options.recorded_by = cmd.recorded_by;
    options.stop_at_first_error = cmd.stop_at_first_error;
    const BatchResult r = apply_batch_document(store, text, cmd.file == "-" ? "stdin" : cmd.file, options);
    if (cmd.format == "json") std::cout << batch_result_to_json(r) << "\n";
    else if (r.applied) std::cout << batch_summary(r) << "\n";
    if (!r.applied) {
        if (cmd.format == "json") std::cerr << "oversight: batch refused, nothing stored\n";
        else std::cerr << "oversight: " << batch_summary(r) << "\n";
        return 2;
    }
    return 0;
}

}  // namespace

void add_batch_commands(CLI::App& app, Context& ctx, int& status) {
    auto cmd = std::make_shared<BatchCommand>();
    auto* b = app.add_subcommand(
        "batch",
        "Apply a batch document (JSON or NDJSON; see include/oversight/casework/batch.hpp) in one transaction: "
        "all of it or, when any item is refused, none (exit status 2, every refused item named)");
    b->add_option("FILE", cmd->file, "The batch document; - for standard input")->required();
    b->add_option("--format", cmd->format, "text (a summary) | json (the oversight-batch-result document)")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "json"}));
    b->add_option("--recorded-by", cmd->recorded_by, "recorded_by of events that give none (default: the actor)");
    b->add_flag("--stop-at-first-error", cmd->stop_at_first_error, "Stop checking at the first refused item");
    b->callback([&ctx, &status, cmd] { status = run_batch(ctx, *cmd); });
}

}  // namespace oversight::cli
