// import --format: the statutory returns from the CLI (lib/import/return_format).
#include "cli.hpp"

#include <oversight/import/return_format.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace oversight::cli {

namespace {

struct ImportOptions {
    std::string format;
    std::vector<std::string> files;
    std::string recorded_by;
    bool quiet = false;
    bool json = false;
};

void run_import(const Context& ctx, const ImportOptions& o) {
    const ReturnFormat format = parse_return_format(o.format);
    Store store = open_store(ctx, StoreUse::create);
    const ImportSummary r = import_return(store, format, o.files, o.recorded_by);
    if (!o.quiet)
        for (const ImportIssue& issue : r.issues)
            std::cerr << to_string(issue.severity) << ": " << issue.where() << ": " << issue.message << "\n";
    if (o.json) {
        std::cout << to_json(r) << "\n";
        return;
    }
    std::cout << "imported " << to_string(format) << " from " << r.source << " (" << r.importer << ")\n";
    for (const auto& [name, n] : r.counts) std::cout << "  " << name << ": " << n << "\n";
    std::cout << "  issues: " << r.errors() << " errors, " << r.warnings() << " warnings, "
              << r.issues.size() - r.errors() - r.warnings() << " notes\n";
}

}  // namespace

void add_import_commands(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ImportOptions>();
    auto* imp = app.add_subcommand(
        "import", "Import a statutory return: ssda903 (a folder, or its CSV files), cin, csww or annex-a files");
    imp->add_option("--format", o->format, "ssda903|cin|csww|annex-a")->required();
    imp->add_option("FILE", o->files, "The return's files (ssda903: the folder or its CSV files)")->required();
    imp->add_option("--recorded-by", o->recorded_by, "Who recorded the events (default: the importer's name)");
    imp->add_flag("--quiet", o->quiet, "Print only the summary, not each issue");
    imp->add_flag("--json", o->json, "Print the summary as an oversight-import-summary JSON document");
    imp->callback([&ctx, o] { run_import(ctx, *o); });
}

}  // namespace oversight::cli
