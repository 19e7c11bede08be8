// <oversight/c/store.h>: translation only (lib/store/).
#include "capi_util.hpp"

#include <chrono>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_store_options kStoreDefaults = OVERSIGHT_STORE_OPTIONS_INIT;
const oversight_store_history_query kHistoryDefaults = OVERSIGHT_STORE_HISTORY_QUERY_INIT;
const oversight_store_changes_query kChangesDefaults = OVERSIGHT_STORE_CHANGES_QUERY_INIT;

/// Opens the store the options describe.
Store open_store(const char* location, const oversight_store_options& o) {
    if (o.read_only != 0 && o.read_only != 1) throw Error(Status::invalid_arg, "read_only must be 0 or 1");
    if (o.create != 0 && o.create != 1) throw Error(Status::invalid_arg, "create must be 0 or 1");
    if (o.busy_timeout_ms < 0 || o.busy_timeout_ms > 600000)
        throw Error(Status::invalid_arg, "busy_timeout_ms " + std::to_string(o.busy_timeout_ms) + " is outside 0..600000");
    StoreOptions options;
    options.read_only = o.read_only == 1;
    options.create = o.create == 1;
    options.busy_timeout = std::chrono::milliseconds(o.busy_timeout_ms);
    if (o.backend == OVERSIGHT_STORE_BACKEND_SQLITE) {
        options.backend = StoreBackend::sqlite;
        options.location = text_arg(location, "location");
    } else if (o.backend == OVERSIGHT_STORE_BACKEND_MEMORY) {
        if (location) throw Error(Status::invalid_arg, "location must be NULL for the memory backend");
        options.backend = StoreBackend::sqlite;
        options.location = ":memory:";
    } else {
        throw Error(Status::invalid_arg, "unknown store backend " + std::to_string(o.backend));
    }
    return Store::open(options);
}

HistoryFilter history_filter(const oversight_store_history_query& q) {
    if (q.entity_id < 0 || q.after_seq < 0 || q.limit < 0)
        throw Error(Status::invalid_arg, "entity_id, after_seq and limit must not be negative");
    HistoryFilter f;
    f.entity = opt_text_arg(q.entity, "entity");
    if (q.entity_id > 0) f.entity_id = q.entity_id;
    if (q.after_seq > 0) f.after_seq = q.after_seq;
    f.limit = static_cast<std::size_t>(q.limit);
    return f;
}

}  // namespace

extern "C" {

oversight_status oversight_store_options_init(oversight_store_options* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_STORE_OPTIONS_VERSION, kStoreDefaults, "oversight_store_options");
}

oversight_status oversight_store_open(oversight_store** out, const char* location,
                                      const oversight_store_options* opts) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const auto o = struct_or(opts, kStoreDefaults, OVERSIGHT_STORE_OPTIONS_VERSION, "oversight_store_options");
            *out = new_handle<oversight_store>(open_store(location, o));
            return OVERSIGHT_OK;
        },
        out);
}

void oversight_store_free(oversight_store* store) noexcept { free_handle(store, "oversight_store_free"); }

oversight_status oversight_store_set_actor(oversight_store* store, const char* actor) noexcept {
    return guard([&] {
        store_of(store).set_actor(text_arg(actor, "actor"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_store_schema_version(const oversight_store* store, int32_t* out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            *out = store_of(store).schema_version();
            return OVERSIGHT_OK;
        },
        out);
}

oversight_status oversight_store_history_query_init(oversight_store_history_query* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_STORE_HISTORY_QUERY_VERSION, kHistoryDefaults,
                       "oversight_store_history_query");
}

oversight_status oversight_store_history_json(const oversight_store* store, const oversight_store_history_query* query,
                                              char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const HistoryFilter f = history_filter(struct_or(query, kHistoryDefaults,
                                                             OVERSIGHT_STORE_HISTORY_QUERY_VERSION,
                                                             "oversight_store_history_query"));
            return give(out, history_to_json(store_of(store).history(f)));
        },
        out);
}

oversight_status oversight_store_changes_query_init(oversight_store_changes_query* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_STORE_CHANGES_QUERY_VERSION, kChangesDefaults,
                       "oversight_store_changes_query");
}

oversight_status oversight_store_changes_json(const oversight_store* store, const oversight_store_changes_query* query,
                                              char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const auto q = struct_or(query, kChangesDefaults, OVERSIGHT_STORE_CHANGES_QUERY_VERSION,
                                     "oversight_store_changes_query");
            if (q.limit < 1 || q.limit > 10000)
                throw Error(Status::invalid_arg, "limit " + std::to_string(q.limit) + " is outside 1..10000");
            const Store& s = store_of(store);
            return give(out, changes_to_json(changes_since(s, q.since, static_cast<std::size_t>(q.limit),
                                                           opt_text_arg(q.entity, "entity"))));
        },
        out);
}

oversight_status oversight_store_verify_history(const oversight_store* store, const char* checkpoint_json,
                                                const char* public_key_pem, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            if ((checkpoint_json == nullptr) != (public_key_pem == nullptr))
                throw Error(Status::invalid_arg,
                            "checkpoint_json and public_key_pem go together: give both, or neither to check the "
                            "chain only");
            if (!checkpoint_json) return give(out, history_verification_to_json(verify_history(s), s.path()));
            const HistoryCheckpoint cp =
                history_checkpoint_from_json(text_arg(checkpoint_json, "checkpoint_json"), "checkpoint_json");
            return give(out, history_verification_to_json(
                                 verify_history(s, cp, text_arg(public_key_pem, "public_key_pem")), s.path()));
        },
        out);
}

oversight_status oversight_store_history_checkpoint(const oversight_store* store, const char* private_key_pem,
                                                    char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Store& s = store_of(store);
            return give(out, history_checkpoint_to_json(
                                 make_history_checkpoint(s, text_arg(private_key_pem, "private_key_pem"))));
        },
        out);
}

}  // extern "C"
