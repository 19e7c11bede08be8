// <oversight/c/complaints.h>: translation only (lib/complaints/).
#include "capi_util.hpp"

#include <oversight/complaints/complaint.hpp>

#include <optional>
#include <string>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_complaints_rules kRulesDefaults = OVERSIGHT_COMPLAINTS_RULES_INIT;

struct Rules {
    ComplaintRules rules;
    const Calendar* calendar;
};

Rules rules_of(const oversight_complaints_rules* r) {
    const auto& c = struct_or(r, kRulesDefaults, OVERSIGHT_COMPLAINTS_RULES_VERSION, "oversight_complaints_rules");
    Rules out{{}, &calendar_or_default(c.calendar)};
    out.rules.stage2_clock = c.stage2_clock_from_request ? Stage2Clock::request : Stage2Clock::statement_agreed;
    out.rules.stage1_days = c.stage1_days;
    out.rules.stage1_extended_days = c.stage1_extended_days;
    out.rules.stage2_days = c.stage2_days;
    out.rules.stage2_extended_days = c.stage2_extended_days;
    out.rules.panel_days = c.panel_days;
    out.rules.panel_report_days = c.panel_report_days;
    out.rules.authority_days = c.authority_days;
    return out;
}

}  // namespace

extern "C" {

oversight_status oversight_complaints_rules_init(oversight_complaints_rules* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_COMPLAINTS_RULES_VERSION, kRulesDefaults, "oversight_complaints_rules");
}

oversight_status oversight_complaints_add(oversight_store* store, const char* reference, oversight_date received,
                                          const char* child_id, const char* category, int64_t* out_id) noexcept {
    return guard(
        [&] {
            Store& s = store_of(store);
            const std::int64_t id =
                add_complaint(s, text_arg(reference, "reference"), to_date(received, "received"),
                              opt_text_arg(child_id, "child_id"), opt_text_arg(category, "category").value_or(""));
            if (out_id) *out_id = id;
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_complaints_extend(oversight_store* store, const char* reference) noexcept {
    return guard([&] {
        extend_complaint(store_of(store), text_arg(reference, "reference"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_complaints_respond(oversight_store* store, const char* reference, oversight_date response,
                                              const char* outcome) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        respond_to_complaint(s, text_arg(reference, "reference"), to_date(response, "response"),
                             parse_complaint_outcome(text_arg(outcome, "outcome")));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_complaints_escalate(oversight_store* store, const char* reference, oversight_date requested,
                                               const oversight_date* statement_agreed) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        escalate_complaint(s, text_arg(reference, "reference"), to_date(requested, "requested"),
                           opt_date(statement_agreed, "statement_agreed"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_complaints_record_panel(oversight_store* store, const char* reference,
                                                   oversight_date meeting, const oversight_date* report) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        record_panel(s, text_arg(reference, "reference"), to_date(meeting, "meeting"), opt_date(report, "report"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_complaints_set_lessons(oversight_store* store, const char* reference,
                                                  const char* lessons) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        set_complaint_lessons(s, text_arg(reference, "reference"), text_arg(lessons, "lessons"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_complaints_open_json(const oversight_store* store, const oversight_date* as_of,
                                                const oversight_complaints_rules* rules, int32_t csv,
                                                char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Rules r = rules_of(rules);
            const Date day = date_or_today(as_of, "as_of");
            const auto open = open_complaints(s, day, *r.calendar, r.rules);
            return give(out, csv ? open_complaints_to_csv(open) : open_complaints_to_json(day, open));
        },
        out);
}

oversight_status oversight_complaints_lessons_json(const oversight_store* store, const char* quarter,
                                                   const oversight_complaints_rules* rules, int32_t text,
                                                   char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Rules r = rules_of(rules);
            const LessonsSummary summary =
                lessons_learnt(s, parse_quarter(text_arg(quarter, "quarter")), *r.calendar, r.rules);
            return give(out, text ? lessons_to_text(summary) : lessons_to_json(summary));
        },
        out);
}

}  // extern "C"
