// <oversight/c/action_iter.h>: a snapshot of a plan's actions with their RAG
// (lib/plan/rag.cpp), copied into C strings the getters lend out.
#include "capi_util.hpp"

#include <oversight/plan/plan.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/plan/rag.hpp>

#include <memory>
#include <vector>

using namespace oversight;
using namespace oversight::capi;

struct oversight_action_iter {
    struct Row {
        std::string ref, description, lead, status, rag, rag_reason;
        int32_t recommendation = 0;
        std::optional<Date> due;
    };
    std::vector<Row> rows;
    std::size_t next = 0;          // index of the row next() moves to
    const Row* current = nullptr;  // NULL before the first and after the last
};

namespace {

const char* row_text(const oversight_action_iter* it, std::string oversight_action_iter::Row::*field) noexcept {
    it = live_or_null(it, "iter");
    if (!it || !it->current) return "";
    return (it->current->*field).c_str();
}

}  // namespace

extern "C" {

oversight_status oversight_action_iter_open(oversight_action_iter** out, const oversight_store* store,
                                            int64_t plan_id, oversight_date as_of) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            const Date when = to_date(as_of, "as_of");
            const Plan plan = load_plan(s, plan_id);
            auto it = std::make_unique<oversight_action_iter>();
            for (const auto& rec : plan.recommendations) {
                for (const auto& a : rec.actions) {
                    const RagResult rag = action_rag(plan, rec, a, when);
                    oversight_action_iter::Row row;
                    row.ref = a.ref;
                    row.description = a.description;
                    row.lead = a.lead;
                    row.status = std::string(to_string(a.status));
                    row.rag = std::string(to_string(rag.rag));
                    row.rag_reason = rag.reason;
                    row.recommendation = rec.number;
                    row.due = due_date(plan, rec, a);
                    it->rows.push_back(std::move(row));
                }
            }
            *out = adopt(std::move(it));
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_action_iter_next(oversight_action_iter* iter, int32_t* out_has_action) noexcept {
    return guard(
        [&] {
            need(out_has_action, "out_has_action");
            handle(iter, "iter");
            if (iter->next < iter->rows.size()) {
                iter->current = &iter->rows[iter->next++];
                *out_has_action = 1;
            } else {
                iter->current = nullptr;
            }
            return OVERSIGHT_OK;
        },
        out_has_action);
}

const char* oversight_action_iter_ref(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::ref);
}
const char* oversight_action_iter_description(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::description);
}
const char* oversight_action_iter_lead(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::lead);
}
const char* oversight_action_iter_status(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::status);
}
const char* oversight_action_iter_rag(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::rag);
}
const char* oversight_action_iter_rag_reason(const oversight_action_iter* iter) noexcept {
    return row_text(iter, &oversight_action_iter::Row::rag_reason);
}
int32_t oversight_action_iter_recommendation(const oversight_action_iter* iter) noexcept {
    iter = live_or_null(iter, "iter");
    return iter && iter->current ? iter->current->recommendation : 0;
}

oversight_status oversight_action_iter_due(const oversight_action_iter* iter, oversight_date* out_due,
                                           int32_t* out_has_due) noexcept {
    return guard(
        [&] {
            need(out_due, "out_due");
            need(out_has_due, "out_has_due");
            handle(iter, "iter");
            if (!iter->current)
                throw Error(Status::invalid_arg,
                            "the action iterator is not on an action (call oversight_action_iter_next)");
            if (iter->current->due) {
                *out_due = from_date(*iter->current->due);
                *out_has_due = 1;
            }
            return OVERSIGHT_OK;
        },
        out_due, out_has_due);
}

void oversight_action_iter_free(oversight_action_iter* iter) noexcept {
    free_handle(iter, "oversight_action_iter_free");
}

}  // extern "C"
