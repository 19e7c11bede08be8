// SupervisionStandard::from_toml: a council's supervision standard
// (data/supervision/*.toml format), layered over the default England
// standard, then asked for the phase in force over a newly qualified
// worker's first year and for due dates on a calendar.
#include "fuzz.hpp"

#include <cstddef>

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Calendar calendar = Calendar::for_division(Division::england_and_wales);
    SupervisionStandard local;
    try {
        local = SupervisionStandard::from_toml(fuzz::text_of(data, size), "fuzz");
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a bad standard is a parse error", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
        return 0;  // not a standard: expected
    }
    fuzz::check(!local.name().empty(), "a standard has a name");
    fuzz::check(local.due_soon_days() >= 0 && local.due_soon_days() <= 366, "due_soon_days in 0..366");
    for (const SupervisionFrequency& f : local.frequencies()) {
        fuzz::check(!f.roles.empty() && !f.phases.empty() && !f.source.empty(), "a frequency has roles, phases, a source");
        fuzz::check(f.layer == "fuzz", "a frequency names its layer");
        fuzz::check(!f.phases.back().until, "the last phase is open-ended");
        for (const SupervisionPhase& p : f.phases) fuzz::check(p.every.count > 0, "an interval is positive");
    }
    for (const SupervisionCriterion& c : local.criteria())
        fuzz::check(!c.id.empty() && fuzz::is_utf8(c.id) && local.criterion(c.id) == &c, "criteria are found by id");
    SupervisionStandard layered;
    try {
        layered = SupervisionStandard::england_default().layered(local);
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "layering fails only as a parse error", e.what());
        return 0;  // disables a criterion the default lacks
    }
    for (const SupervisionFrequency& f : local.frequencies())
        for (Role r : f.roles) fuzz::check(layered.frequency_for(r)->layer == "fuzz", "a local frequency replaces the default");
    const Date start = Date::from_ymd(2025, 3, 17);
    for (Role r : {Role::newly_qualified_social_worker, Role::social_worker, Role::team_manager, Role::lead_practitioner})
        for (int day = 0; day < 400; day += 13) {
            const SupervisionPhase* p = layered.phase_on(r, start, start.add_days(day));
            if (!p) continue;
            const Date due = layered.due_on(add_duration(start.add_days(day), p->every, calendar), calendar);
            fuzz::check(fuzz::in_range(due), "due dates are in the supported years");
        }
    const std::string json = standard_to_json(layered);
    fuzz::check(fuzz::is_utf8(json), "the standard's JSON is UTF-8", json);
    return 0;
}
