// parse_batch and apply_batch_document: the batch document (JSON or NDJSON)
// a case system sends. Any bytes are read without a crash; the two ways of
// reading agree (parse_batch throws exactly when it would report a malformed
// item); a batch applied to a small store is applied whole or leaves the
// store as it was (not one history row more); the result names every refused
// item once, by position, and is UTF-8 JSON of the documented shape.
#include "fuzz.hpp"

#include <string>
#include <vector>

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    std::vector<BatchError> malformed;
    bool readable = true;
    try {
        (void)parse_batch(text, "fuzz", &malformed);
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "an unreadable batch document is Error(parse)", e.what());
        readable = false;
    }
    if (readable) {
        bool threw = false;
        try {
            (void)parse_batch(text, "fuzz");
        } catch (const Error&) {
            threw = true;
        }
        fuzz::check(threw == !malformed.empty(), "parse_batch throws exactly when an item is malformed");
    }

    Store store = Store::open_in_memory();
    save_team(store, {"Team A", "", ""});
    save_worker(store, {"Ann Lee", "Team A", ""});
    save_child(store, {"C1", std::nullopt});
    const std::size_t rows = store.history().size();
    BatchResult r;
    try {
        r = apply_batch_document(store, text, "fuzz");
    } catch (const Error& e) {
        fuzz::check(!readable, "a readable document is applied or refused, never thrown", e.what());
        fuzz::check(store.history().size() == rows, "a document that cannot be read changes nothing");
        return 0;
    }
    fuzz::check(readable, "an unreadable document is thrown");
    fuzz::check(r.applied == r.errors.empty(), "applied exactly when nothing was refused");
    if (!r.applied) fuzz::check(store.history().size() == rows, "a refused batch changes nothing");
    std::size_t last = 0;
    for (const BatchError& e : r.errors) {
        fuzz::check(e.item > last && e.item <= r.items, "errors name items once, in order, within the batch");
        fuzz::check(!e.message.empty(), "every refused item says why");
        last = e.item;
    }
    const std::string json = batch_result_to_json(r);
    fuzz::check(fuzz::is_utf8(json), "the result is UTF-8", json);
    fuzz::check(json.find("\"format\": \"oversight-batch-result\"") != std::string::npos,
                "the result document says its format", json);
    return 0;
}
