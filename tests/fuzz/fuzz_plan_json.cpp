// plan_from_json: Oversight's canonical JSON form of a plan. A document that
// reads must round-trip: plan_from_json(plan_to_json(p)) == p, and writing a
// plan that was read must not fail. The CSV form must carry it as well.
// Then what a caller does next with a plan it read: RAG and the full report
// in every format, as of an ordinary date and the ends of the supported years,
// with no CSV cell a spreadsheet would run as a formula.
#include "fuzz.hpp"

#include <string>
#include <vector>

using namespace oversight;

namespace {

// The cells of a CSV document (RFC 4180 quoting).
std::vector<std::string> csv_cells(std::string_view csv) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c != '"') cells.back() += c;
            else if (i + 1 < csv.size() && csv[i + 1] == '"') cells.back() += csv[++i];
            else quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return cells;
}

// <oversight/report/report.hpp> (CSV): no CSV cell a spreadsheet would run as a formula
// ('=', '+', '-', '@', tab or CR first), except a plain integer like "-14".
void check_csv_cells(std::string_view csv) {
    for (const std::string& cell : csv_cells(csv)) {
        if (cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) continue;
        const std::string digits = cell.front() == '-' ? cell.substr(1) : cell;
        fuzz::check(!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos,
                    "no CSV report cell starts a formula", cell);
    }
}

void rag_and_reports(const Plan& plan) {
    static const Date dates[3] = {Date::from_ymd(2012, 10, 12), Date::from_ymd(1400, 1, 1),
                                  Date::from_ymd(9999, 12, 31)};
    for (Date as_of : dates) {
        try {
            for (const Recommendation& rec : plan.recommendations) {
                (void)recommendation_rag(plan, rec, as_of);
                for (const Action& a : rec.actions) (void)action_rag(plan, rec, a, as_of);
            }
        } catch (const Error&) {
            // a target date that cannot be computed (documented)
        }
        try {
            static const Calendar england = Calendar::for_division(Division::england_and_wales);
            for (const InspectionClock& c : inspection_clocks(plan, england, as_of))
                fuzz::check(!clock_state_text(c).empty() && c.anchor <= c.due, "an inspection clock runs forward");
        } catch (const Error&) {
            // a due date beyond the supported years (documented)
        }
        for (ReportFormat f : {ReportFormat::text, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json}) {
            try {
                const std::string report = render_report(plan, {ReportKind::full, f, as_of, std::nullopt, std::nullopt});
                fuzz::check(fuzz::is_utf8(report), "a report is UTF-8");
                if (f == ReportFormat::csv) check_csv_cells(report);
            } catch (const Error&) {
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Plan plan;
    try {
        plan = plan_from_json(fuzz::text_of(data, size));
    } catch (const Error&) {
        return 0;  // not a plan document: expected
    }
    const std::string json = plan_to_json(plan);
    fuzz::check(plan_from_json(json) == plan, "plan_from_json(plan_to_json(p)) == p", json);
    // The other canonical form is lossless too, but for the inspection, which
    // only the JSON form carries (plan_file.hpp).
    const std::string other = plan_to_csv(plan);
    Plan without_inspection = plan;
    without_inspection.inspection.reset();
    fuzz::check(plan_from_csv(other) == without_inspection, "the plan survives CSV as well", other);
    rag_and_reports(plan);
    return 0;
}
