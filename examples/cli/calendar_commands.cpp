#include "cli.hpp"
namespace oversight::cli {
void add_calendar_commands(CLI::App&, Context&) {}
}
