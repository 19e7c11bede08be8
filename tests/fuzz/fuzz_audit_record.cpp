// parse_audit_record: the "oversight-audit-record" document an audit is
// recorded from. Only Error(parse) is thrown, with a UTF-8 message naming
// the source; a record read carries what the document holds (counts within
// 0..1000000, recommendations numbered from 1, plan ids from 1), and one
// read is recorded in an in-memory store with a programme, a person and a
// child - where it may be refused (Error), never crash, and when stored
// reads back with the same reference and counts.
#include "fuzz.hpp"

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    Audit a;
    try {
        a = parse_audit_record(text, "fuzz.json");
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a bad record is Error(parse)", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
        fuzz::check(std::string_view(e.what()).find("fuzz.json") != std::string_view::npos,
                    "the message names the source", e.what());
        return 0;
    }
    for (const auto& [grade, n] : a.counts) fuzz::check(n >= 0 && n <= 1000000, "a count is within 0..1000000", grade);
    for (std::size_t i = 0; i < a.recommendations.size(); ++i)
        fuzz::check(a.recommendations[i].number == static_cast<int>(i + 1), "recommendations are numbered from 1");
    for (const PlanActionLink& l : a.plan_actions) fuzz::check(l.plan_id >= 1, "a plan id is from 1");
    static const Calendar calendar = Calendar::for_division(Division::england_and_wales);
    Store store = Store::open_in_memory();
    add_person(store, {0, "Auditor", "", "", ""});
    save_child(store, {"C1", Date::from_ymd(2005, 1, 1)});
    AuditProgramme p;
    p.name = "P";
    p.type = "pep";
    p.owner = "Auditor";
    p.cycle = "monthly";
    p.scale = two_point_scale();
    add_audit_programme(store, p);
    try {
        record_audit(store, a, calendar);
    } catch (const Error& e) {
        fuzz::check(fuzz::is_utf8(e.what()), "a refusal's message is UTF-8", e.what());
        fuzz::check(list_audits(store).empty(), "a refused record stores nothing");
        return 0;
    }
    const auto back = try_find_audit(store, a.reference);
    fuzz::check(back.has_value(), "a recorded audit is found by its reference", a.reference);
    const AuditResult r = audit_result(store, back->reference);
    fuzz::check(r.positive.low <= r.positive.share && r.positive.share <= r.positive.high,
                "the share lies in its interval");
    (void)audit_result_to_json(r);
    (void)audit_trend_to_json(audit_trend(store, "P"));
    return 0;
}
