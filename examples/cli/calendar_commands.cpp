// `oversight holidays` and `oversight workdays`: bank holidays and working-day
// arithmetic from the command line.
//
//   oversight holidays 2022 [--calendar scotland] [--gov-uk-json FILE]
//   oversight workdays add 2012-12-21 5 [--calendar ...] [--closures FILE]
//   oversight workdays between 2012-12-21 2013-01-02
//
// A closures file lists one date per line, optionally followed by a name
// ("2024-12-27 Council Christmas shutdown"); blank lines and lines starting
// with '#' are ignored.
#include "cli.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/error.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace oversight::cli {
namespace {

struct CalendarOptions {
    std::string division = "england-and-wales";
    std::string gov_uk_json;
    std::string closures;
};

std::vector<Holiday> read_closures(const std::string& path) {
    std::istringstream in(read_input(path, "--closures"));
    std::vector<Holiday> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') continue;
        const auto end = line.find_first_of(" \t,", start);
        const std::string date = line.substr(start, end == std::string::npos ? std::string::npos : end - start);
        auto d = Date::try_parse_iso(date);
        if (!d) throw Error(Status::parse, path + ":" + std::to_string(n) + ": not a date \"" + date + "\"");
        std::string name;
        if (end != std::string::npos) {
            const auto name_start = line.find_first_not_of(" \t,", end);
            if (name_start != std::string::npos) name = line.substr(name_start);
        }
        out.push_back({*d, name});
    }
    return out;
}

Calendar make_calendar(const CalendarOptions& o) {
    const Division d = parse_division(o.division);
    Calendar cal = o.gov_uk_json.empty() ? Calendar::for_division(d)
                                         : Calendar::from_gov_uk_json(read_input(o.gov_uk_json, "--gov-uk-json"), d);
    if (!o.closures.empty()) cal = cal.with_closures(read_closures(o.closures));
    return cal;
}

Date day_arg(const std::string& text, const char* what) {
    if (auto d = Date::try_parse_iso(text)) return *d;
    throw Error(Status::invalid_arg, std::string(what) + ": not a date (YYYY-MM-DD): \"" + text + "\"");
}

void add_calendar_options(CLI::App* cmd, CalendarOptions& o, bool closures) {
    cmd->add_option("--calendar", o.division, "england-and-wales, scotland or northern-ireland")
        ->capture_default_str();
    cmd->add_option("--gov-uk-json", o.gov_uk_json, "gov.uk bank-holidays.json file replacing the years it covers");
    if (closures) cmd->add_option("--closures", o.closures, "File of local closure days (one YYYY-MM-DD per line)");
}

}  // namespace

void add_calendar_commands(CLI::App& app, Context&) {
    // Options live as long as the app (the callbacks run inside app.parse).
    auto holiday_opts = std::make_shared<CalendarOptions>();
    auto year = std::make_shared<int>(0);
    auto* holidays = app.add_subcommand("holidays", "Bank holidays of a year, one ISO date per line");
    holidays->add_option("YEAR", *year, "Year (1400..9999)")->required()->check(CLI::Range(1400, 9999));
    add_calendar_options(holidays, *holiday_opts, false);
    holidays->callback([holiday_opts, year] {
        for (const auto& h : make_calendar(*holiday_opts).bank_holidays(*year)) std::cout << h.date.iso() << "\n";
    });

    auto* workdays = app.add_subcommand("workdays", "Working-day arithmetic (the start date is day 0)");
    workdays->require_subcommand(1);

    auto add_opts = std::make_shared<CalendarOptions>();
    auto add_from = std::make_shared<std::string>();
    auto add_n = std::make_shared<int>(0);
    auto* add = workdays->add_subcommand("add", "The N-th working day after DATE (N < 0: before)");
    add->add_option("DATE", *add_from, "Start date, day 0 (YYYY-MM-DD)")->required();
    add->add_option("N", *add_n, "Number of working days (may be negative)")->required();
    add_calendar_options(add, *add_opts, true);
    add->callback([add_opts, add_from, add_n] {
        const Calendar cal = make_calendar(*add_opts);
        std::cout << cal.add_working_days(day_arg(*add_from, "DATE"), *add_n).iso() << "\n";
    });

    auto between_opts = std::make_shared<CalendarOptions>();
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto* between = workdays->add_subcommand("between", "Working days d with FROM < d <= TO (negative if TO < FROM)");
    between->add_option("FROM", *from, "YYYY-MM-DD")->required();
    between->add_option("TO", *to, "YYYY-MM-DD")->required();
    add_calendar_options(between, *between_opts, true);
    between->callback([between_opts, from, to] {
        const Calendar cal = make_calendar(*between_opts);
        std::cout << cal.working_days_between(day_arg(*from, "FROM"), day_arg(*to, "TO")) << "\n";
    });
}

}  // namespace oversight::cli
