#include "cli.hpp"
namespace oversight::cli {
void add_deadline_commands(CLI::App&, Context&) {}
int run_rule_due(const Context&, const std::string&, const std::string&, bool, const std::string&) { return 1; }
}
