// history verify, history checkpoint: the tamper evidence of the history
// (<oversight/store/history.hpp>, "Tamper evidence").
#include "cli.hpp"

#include <oversight/core/error.hpp>
#include <oversight/store/history.hpp>

#include <iostream>
#include <memory>

namespace oversight::cli {

namespace {

/// The exit status of `history verify` when the history is not intact.
constexpr int kHistoryBroken = 3;

int run_verify(const Context& ctx, const std::string& checkpoint_file, const std::string& public_key_file, bool json) {
    if (checkpoint_file.empty() != public_key_file.empty())
        throw Error(Status::invalid_arg, "history verify: --checkpoint and --public-key go together");
    Store store = open_store(ctx, StoreUse::read_only);
    HistoryVerification v;
    std::string checkpoint_at;
    if (checkpoint_file.empty()) {
        v = verify_history(store);
    } else {
        const HistoryCheckpoint cp =
            history_checkpoint_from_json(read_input(checkpoint_file, "--checkpoint"), checkpoint_file);
        checkpoint_at = cp.at;
        v = verify_history(store, cp, read_input(public_key_file, "--public-key"));
    }
    if (json) {
        std::cout << history_verification_to_json(v, store.path()) << "\n";
    } else if (v.ok) {
        std::cout << "history of " << store.path() << " verifies: " << v.rows << " entries";
        if (v.head_seq) std::cout << ", head entry " << v.head_seq << " (" << v.head_hash << ")";
        if (v.checkpoint_checked)
            std::cout << "; the checkpoint of " << checkpoint_at << " (entry " << v.checkpoint_seq << ") holds";
        std::cout << "\n";
    } else {
        std::cout << "history of " << store.path() << " is broken at entry " << v.broken_seq << " (" << v.problem
                  << "): " << v.message << "\n";
    }
    return v.ok ? 0 : kHistoryBroken;
}

void run_checkpoint(const Context& ctx, const std::string& key_file, const std::string& out) {
    Store store = open_store(ctx, StoreUse::read_only);
    const HistoryCheckpoint cp = make_history_checkpoint(store, read_input(key_file, "--key"));
    const std::string doc = history_checkpoint_to_json(cp) + "\n";
    if (out.empty() || out == "-") {
        std::cout << doc;
        return;
    }
    write_output(out, doc, "history checkpoint --out");
    std::cout << "checkpoint of " << store.path() << " at entry " << cp.seq << " written to " << out << "\n";
}

}  // namespace

void add_history_commands(CLI::App& app, Context& ctx, int& status) {
    CLI::App* history = app.get_subcommand("history");
    {
        struct Args {
            std::string checkpoint, public_key;
            bool json = false;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = history->add_subcommand(
            "verify", "Check the history's hash chain; exit 0 when intact, 3 naming the first broken entry");
        cmd->add_option("--checkpoint", a->checkpoint, "Also check this signed checkpoint (history checkpoint --out)");
        cmd->add_option("--public-key", a->public_key, "The Ed25519 public key (PEM) the checkpoint was signed for");
        cmd->add_flag("--json", a->json, "Print an oversight-history-verification document");
        cmd->callback([&ctx, &status, a] { status = run_verify(ctx, a->checkpoint, a->public_key, a->json); });
    }
    {
        struct Args {
            std::string key, out;
        };
        auto a = std::make_shared<Args>();
        auto* cmd = history->add_subcommand(
            "checkpoint", "Sign the history's head (sequence and hash) with an Ed25519 key, to keep outside the store");
        cmd->add_option("--key", a->key, "The Ed25519 private key, PEM (openssl genpkey -algorithm ed25519)")
            ->required();
        cmd->add_option("--out", a->out, "Write the checkpoint here (default: standard output)");
        cmd->callback([&ctx, a] { run_checkpoint(ctx, a->key, a->out); });
    }
}

}  // namespace oversight::cli
