// parse_cost: the Cost cell of a plan. It never throws for text content, and
// what it returns must agree with cost.hpp: the text kept verbatim, amounts
// exactly for amount and range (low <= high), Kind::none only for a blank
// cell, UTF-8 in and UTF-8 out, and a cost the canonical forms can carry.
#include "fuzz.hpp"

using namespace oversight;

namespace {

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    Cost c;
    try {
        c = parse_cost(text);
    } catch (...) {
        fuzz::fail("parse_cost threw");
    }
    fuzz::check(c.text == text, "text kept verbatim");
    fuzz::check((c.kind == Cost::Kind::none) == blank(text), "Kind::none exactly for a blank cell");
    const bool money = c.kind == Cost::Kind::amount || c.kind == Cost::Kind::range;
    fuzz::check(c.amount_pence.has_value() == money, "amount_pence set exactly for amount and range");
    fuzz::check(c.high_pence.has_value() == (c.kind == Cost::Kind::range), "high_pence set exactly for range");
    if (c.amount_pence) fuzz::check(*c.amount_pence >= 0, "amount not negative");
    if (c.high_pence) fuzz::check(*c.amount_pence <= *c.high_pence, "a range does not run backwards");
    if (c.kind == Cost::Kind::unparsed) fuzz::check(!c.note.empty(), "an unparsed cost says why");
    if (fuzz::is_utf8(text)) {
        fuzz::check(fuzz::is_utf8(c.note), "note is UTF-8", c.note);
        fuzz::check(fuzz::is_utf8(c.per_unit), "per_unit is UTF-8", c.per_unit);
        fuzz::check(fuzz::is_utf8(c.alternative), "alternative is UTF-8", c.alternative);
        if (text.find('\0') == std::string_view::npos) {  // a stored text never holds a NUL
            Plan p;
            p.title = "Plan";
            p.recommendations.resize(1);
            p.recommendations[0].number = 1;
            p.recommendations[0].text = "Recommendation";
            p.recommendations[0].cost = c;
            fuzz::check(plan_from_json(plan_to_json(p)) == p, "the cost survives the canonical JSON");
        }
    }
    fuzz::check(parse_cost_kind(to_string(c.kind)) == c.kind, "kind names round-trip");
    fuzz::check(parse_cost_period(to_string(c.period)) == c.period, "period names round-trip");
    if (c.amount_pence) (void)format_pence(*c.amount_pence);
    if (c.high_pence) (void)format_pence(*c.high_pence);
    return 0;
}
