// parse_indicator: an indicator as the C API (oversight_indicator_save) and
// the CLI's `indicator add --json` take it, then saved into a plan in a
// store in memory, given a value, and the plan's RAG and indicator document
// built.
#include "fuzz.hpp"

#include <cmath>
#include <cstddef>

using namespace oversight;

namespace {

Store& store() {
    static Store s = [] {
        Store st = Store::open_in_memory();
        Plan p;
        p.title = "Plan";
        p.report_date = Date::from_ymd(2012, 6, 1);
        Recommendation r;
        r.number = 1;
        r.text = "Visit";
        Action a;
        a.ref = "1.1";
        a.description = "Track visits";
        r.actions.push_back(a);
        p.recommendations.push_back(r);
        save_plan(st, p);
        return st;
    }();
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Indicator i;
    try {
        i = parse_indicator(fuzz::text_of(data, size));
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse || e.code() == Status::invalid_arg,
                    "a bad indicator is a parse error or names the field", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
        return 0;
    }
    fuzz::check(std::isfinite(i.target) && std::isfinite(i.amber), "target and amber are finite");
    fuzz::check(i.direction == IndicatorDirection::higher_is_better ? i.amber <= i.target : i.amber >= i.target,
                "the threshold is on the bad side of the target");
    const std::int64_t plan = latest_plan_id(store());
    try {
        save_indicator(store(), plan, i);
        IndicatorValue v;
        v.month = Date::from_ymd(2012, 9, 1);
        v.value = i.amber;
        record_indicator_value(store(), plan, i.key, v);
        link_indicator(store(), plan, "1.1", i.key);  // Error(conflict) when linked by an earlier input
    } catch (const Error& e) {
        fuzz::check(e.code() != Status::internal, "a refusal is never internal", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
    }
    const Plan p = load_plan(store(), plan);
    const RagResult r = action_rag(p, p.recommendations[0], p.recommendations[0].actions[0], Date::from_ymd(2012, 10, 1));
    fuzz::check(fuzz::is_utf8(r.reason), "the reason is UTF-8", r.reason);
    const std::string doc = indicators_to_json(p, Date::from_ymd(2012, 10, 1));
    fuzz::check(fuzz::is_utf8(doc), "the document is UTF-8", doc);
    return 0;
}
