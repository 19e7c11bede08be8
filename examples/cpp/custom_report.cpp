// custom_report: a report the library does not ship, written only against
// the public C++ headers.
//
//   custom_report PLANPATH [REPORT_DATE [AS_OF]]
//
// Imports the plan (seed format, report date REPORT_DATE, default 2012-09-14)
// into an in-memory store, then prints, for each lead person, their actions
// sorted by due date with the RAG as of AS_OF (default 2012-10-12) and why.
#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/plan/plan.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>
#include <oversight/store/store.hpp>

#include <algorithm>
#include <cctype>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct Line {
    std::optional<oversight::Date> due;
    std::string ref;
    oversight::RagResult rag;
};

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace oversight;
    if (argc < 2 || argc > 4) {
        std::cerr << "usage: " << argv[0] << " PLANPATH [REPORT_DATE [AS_OF]]\n";
        return 2;
    }
    try {
        Date report_date = argc >= 3 ? Date::parse_iso(argv[2]) : Date::from_ymd(2012, 9, 14);
        Date as_of = argc == 4 ? Date::parse_iso(argv[3]) : Date::from_ymd(2012, 10, 12);

        SeedImportOptions options;
        options.report_date = report_date;
        ImportResult imported = import_seed_plan_file(argv[1], options);

        Store store = Store::open_in_memory();
        Plan plan = load_plan(store, save_plan(store, imported.plan));

        // lead -> actions; actions without a lead go under "(no lead)".
        std::map<std::string, std::vector<Line>> by_lead;
        for (const Recommendation& rec : plan.recommendations)
            for (const Action& a : rec.actions)
                by_lead[a.lead.empty() ? "(no lead)" : a.lead].push_back(
                    Line{due_date(plan, rec, a), a.ref, action_rag(plan, rec, a, as_of)});

        std::cout << plan.title << ": actions by lead as of " << as_of.iso() << " (report date "
                  << (plan.report_date ? plan.report_date->iso() : std::string("unknown")) << ")\n";
        for (auto& [lead, lines] : by_lead) {
            // By due date; undated last; then by reference.
            std::sort(lines.begin(), lines.end(), [](const Line& x, const Line& y) {
                return std::make_tuple(!x.due, x.due.value_or(Date()), x.ref) <
                       std::make_tuple(!y.due, y.due.value_or(Date()), y.ref);
            });
            int red = static_cast<int>(std::count_if(lines.begin(), lines.end(),
                                                     [](const Line& l) { return l.rag.rag == Rag::red; }));
            std::cout << "\n" << lead << " (" << lines.size() << " actions, " << red << " red)\n";
            for (const Line& l : lines) {
                std::cout << "  " << std::left << std::setw(6) << l.ref << std::setw(11)
                          << (l.due ? l.due->iso() : std::string("no date")) << std::setw(6)
                          << upper(to_string(l.rag.rag)) << l.rag.reason << (l.rag.overridden ? " (manual)" : "")
                          << "\n";
            }
        }
        return 0;
    } catch (const Error& e) {
        std::cerr << "custom_report: " << e.what() << " (" << status_name(e.code()) << ")\n";
        return 1;
    }
}
