// The plan's inspection clocks as a table (inspection_block.hpp).
#include "report/inspection_block.hpp"

#include <oversight/plan/inspection.hpp>

namespace oversight::detail {

void inspection_block(Document& doc, const Plan& plan, const Calendar& calendar, Date as_of) {
    if (!plan.inspection) return;
    const Inspection& in = *plan.inspection;
    const std::vector<InspectionClock> clocks = inspection_clocks(plan, calendar, as_of);
    Table& t = doc.table("inspection", "Inspection: " + inspection_title(in) + ", letter of " + in.letter.iso(),
                         {{"clock", "Clock", Cell::Type::text},
                          {"due", "Due", Cell::Type::date},
                          {"counted", "Counted", Cell::Type::text},
                          {"state", "State as of " + as_of.iso(), Cell::Type::text}});
    for (const InspectionClock& c : clocks)
        t.rows.push_back({Cell::of_text(c.name), Cell::of_date(c.due), Cell::of_text(c.rule),
                          Cell::of_text(clock_state_text(c))});
    t.empty_text = "This inspection starts no action-plan clock.";
    if (!in.owner.empty()) t.notes.push_back("Owner (sends the plan to Ofsted): " + in.owner + ".");
    t.notes.push_back(
        "Working days exclude weekends and bank holidays; the letter is day 0. Lengths from the ILACS framework "
        "as summarised by CYP Now and Ofsted (secondary sources). No overall effectiveness grade: Ofsted no "
        "longer gives one.");
}

}  // namespace oversight::detail
