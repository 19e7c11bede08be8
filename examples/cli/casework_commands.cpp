#include "cli.hpp"
namespace oversight::cli {
void add_casework_commands(CLI::App&, Context&) {}
}
