// history_checkpoint_from_json: a signed checkpoint of a store's history, as
// a council keeps it and hands it back to `oversight history verify`. What
// history.hpp promises:
//   - an error is Error(parse) starting with the source name, in UTF-8;
//   - a checkpoint read has a non-empty UTF-8 store of at most 256 bytes, a
//     sequence of at least 1, a hash of 64 lower-case hex digits, a UTC time
//     YYYY-MM-DDTHH:MM:SSZ and a base64 signature;
//   - written back with history_checkpoint_to_json it reads back equal.
#include "fuzz.hpp"

#include <algorithm>
#include <string>

using namespace oversight;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    HistoryCheckpoint cp;
    try {
        cp = history_checkpoint_from_json(text, "fuzz.json");
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a checkpoint that cannot be read is a parse error", e.what());
        fuzz::check(std::string(e.what()).rfind("fuzz.json: ", 0) == 0, "an error names the source", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "an error is UTF-8", e.what());
        return 0;
    }
    fuzz::check(!cp.store.empty() && cp.store.size() <= 256 && fuzz::is_utf8(cp.store),
                "the store is non-empty UTF-8 of at most 256 bytes", cp.store);
    fuzz::check(cp.seq >= 1, "the sequence is at least 1");
    fuzz::check(cp.hash.size() == 64 && std::all_of(cp.hash.begin(), cp.hash.end(),
                                                    [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }),
                "the hash is 64 lower-case hex digits", cp.hash);
    fuzz::check(cp.at.size() == 20 && cp.at[10] == 'T' && cp.at.back() == 'Z', "the time is UTC", cp.at);
    fuzz::check(!cp.signature.empty() && cp.signature.size() % 4 == 0, "the signature is base64", cp.signature);
    fuzz::check(history_checkpoint_from_json(history_checkpoint_to_json(cp), "again") == cp,
                "the checkpoint reads back through its document");
    return 0;
}
