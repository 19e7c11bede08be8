// RulePack::from_toml: a council's rule pack (data/rules/*.toml format),
// layered over the default England pack, then asked for due dates and a
// small schedule built from its own rules' triggers and events.
#include "fuzz.hpp"

#include <cstddef>

using namespace oversight;

namespace {

struct Fixture {
    RulePack england = RulePack::england_default();
    Calendar calendar = Calendar::for_division(Division::england_and_wales);
    Date from = Date::from_ymd(2012, 9, 14);
    Date as_of = Date::from_ymd(2013, 9, 14);
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

void check_obligation(const Obligation& o, const Rule& r) {
    fuzz::check(o.rule_id == r.id, "an obligation names its rule");
    fuzz::check(fuzz::in_range(o.due) && fuzz::in_range(o.anchor), "due dates are in the supported years");
    fuzz::check(fuzz::is_utf8(o.explanation), "explanation is UTF-8", o.explanation);
    (void)o.due.iso();
}

// A child with each local rule's trigger and, four weeks on, one event that
// satisfies it: enough to run every local rule through schedule_case.
CaseRecord case_of(const RulePack& local, const Fixture& f) {
    CaseRecord c;
    c.child_id = "fuzz-child";
    std::size_t n = 0;
    for (const Rule& r : local.rules()) {
        if (++n > 8) break;  // keep each input fast
        c.events.push_back({r.trigger, f.from, {}});
        c.events.push_back({r.satisfied_by.front(), f.from.add_days(28), {}});
    }
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Fixture& f = fixture();
    RulePack local;
    try {
        local = RulePack::from_toml(fuzz::text_of(data, size), "fuzz");
    } catch (const Error&) {
        return 0;  // not a rule pack: expected
    }
    for (const Rule& r : local.rules()) {
        fuzz::check(!r.id.empty() && r.layer == "fuzz", "a rule has an id and its layer");
        fuzz::check((r.duration.count > 0 || r.kind == RuleKind::precondition) && !r.satisfied_by.empty(),
                    "a rule has a duration (a precondition may be due on its trigger's day) and events");
        fuzz::check(local.find(r.id) == &r, "find() returns the rule");
        for (Date from : {f.from, r.effective_from.value_or(f.from)}) {
            try {
                check_obligation(due_for_rule(r, from, f.calendar), r);
            } catch (const Error&) {
            }
        }
    }
    RulePack layered;
    try {
        layered = f.england.layered(local);
    } catch (const Error&) {
        return 0;  // enables or disables a rule the England pack does not have
    }
    for (const Rule& r : local.rules()) {
        const Rule* got = layered.find(r.id);
        fuzz::check(got && got->layer == "fuzz", "a local rule replaces or adds to the England pack", r.id);
    }
    try {
        for (const Obligation& o : schedule_case(layered, case_of(local, f), f.as_of, f.calendar))
            check_obligation(o, layered.get(o.rule_id));
    } catch (const Error&) {
    }
    return 0;
}
