// <oversight/c/batch.h>: argument checks and translation only
// (lib/casework/batch.cpp).
#include "capi_util.hpp"

#include <oversight/casework/batch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string_view>

using namespace oversight;
using namespace oversight::capi;

struct oversight_batch {
    oversight::Batch batch;
};

namespace {

const oversight_batch_options kOptionDefaults = OVERSIGHT_BATCH_OPTIONS_INIT;
const oversight_batch_event kEventDefaults = OVERSIGHT_BATCH_EVENT_INIT;

BatchOptions options_of(const oversight_batch_options* o) {
    const oversight_batch_options opts =
        struct_or(o, kOptionDefaults, OVERSIGHT_BATCH_OPTIONS_VERSION, "oversight_batch_options");
    BatchOptions out;
    out.recorded_by = opt_text_arg(opts.recorded_by, "options.recorded_by");
    out.pack = opt_pack(opts.rule_pack, "options.rule_pack");
    out.stop_at_first_error = opts.stop_at_first_error != 0;
    return out;
}

std::string_view text_of(const char* text, size_t length) {
    need(text, "text");
    return std::string_view(text, length);
}

/// The result for the caller: OK, or OVERSIGHT_E_INVALID_ARG with the
/// result still given when items were refused.
oversight_status give_result(const BatchResult& r, char** out) {
    *out = owned(batch_result_to_json(r));
    if (r.applied) return OVERSIGHT_OK;
    return fail(OVERSIGHT_E_INVALID_ARG, batch_summary(r));
}


}  // namespace

extern "C" {

oversight_status oversight_batch_options_init(oversight_batch_options* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_BATCH_OPTIONS_VERSION, kOptionDefaults, "oversight_batch_options");
}

oversight_status oversight_batch_event_init(oversight_batch_event* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_BATCH_EVENT_VERSION, kEventDefaults, "oversight_batch_event");
}

oversight_status oversight_batch_apply_json(oversight_store* store, const char* text, size_t length,
                                            const oversight_batch_options* options, char** out_result_json) noexcept {
    return guard(
        [&] {
            need(out_result_json, "out_result_json");
            Store& s = store_of(store);
            const std::string_view doc = text_of(text, length);
            const BatchOptions o = options_of(options);
            return give_result(apply_batch_document(s, doc, "batch", o), out_result_json);
        },
        out_result_json);
}

oversight_status oversight_batch_new(oversight_batch** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = new_handle<oversight_batch>();
            return OVERSIGHT_OK;
        },
        out);
}

void oversight_batch_free(oversight_batch* batch) noexcept { free_handle(batch, "oversight_batch_free"); }

size_t oversight_batch_size(const oversight_batch* batch) noexcept {
    batch = live_or_null(batch, "batch");
    return batch ? batch->batch.items.size() : 0;
}

oversight_status oversight_batch_add_json(oversight_batch* batch, const char* text, size_t length) noexcept {
    return guard([&] {
        handle(batch, "batch");
        Batch more = parse_batch(text_of(text, length), "batch item");
        auto& items = batch->batch.items;
        items.insert(items.end(), std::make_move_iterator(more.items.begin()),
                     std::make_move_iterator(more.items.end()));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_batch_add_event(oversight_batch* batch, const oversight_batch_event* event) noexcept {
    return guard([&] {
        handle(batch, "batch");
        const oversight_batch_event& e =
            need_struct(event, OVERSIGHT_BATCH_EVENT_VERSION, "event", "oversight_batch_event");
        batch::SaveEvent item;
        item.child = text_arg(e.child_id, "child_id");
        item.event.type = text_arg(e.type, "type");
        item.event.date = to_date(e.date, "date");
        item.event.attributes = attributes_arg(e.attributes_json);
        item.event.external_id = opt_text_arg(e.external_id, "external_id");
        item.recorded_by = opt_text_arg(e.recorded_by, "recorded_by");
        batch->batch.add(std::move(item));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_batch_apply(oversight_store* store, const oversight_batch* batch,
                                       const oversight_batch_options* options, char** out_result_json) noexcept {
    return guard(
        [&] {
            need(out_result_json, "out_result_json");
            Store& s = store_of(store);
            handle(batch, "batch");
            return give_result(apply(s, batch->batch, options_of(options)), out_result_json);
        },
        out_result_json);
}

}  // extern "C"
