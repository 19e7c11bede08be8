// Private to lib/store: the hash chain of the history (history.hpp,
// "Tamper evidence"), independent of the backend: the canonical encoding
// of a row, its values digest and its hash, all SHA-256 (OpenSSL).
#pragma once

#include <oversight/store/history.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oversight::detail {

inline constexpr std::size_t kHistorySaltSize = 16;
/// What the history keeps of a value an erasure removed (with the salt).
inline constexpr const char* kErasedValue = "[erased]";
inline constexpr std::size_t kHistoryDigestSize = 32;

/// A history row with what chains it, as the backend reads it (blobs as
/// byte strings; `salt` is absent once an erasure scrubbed the row's values).
struct ChainedRow {
    Change change;
    std::optional<std::int64_t> child_id;
    std::optional<std::string> salt;
    std::string values_digest;
    std::string hash;
};

/// kHistorySaltSize random bytes (OpenSSL RAND_bytes); Error(internal) if the
/// generator fails.
std::string new_history_salt();

/// SHA-256 over "oversight-history-values/1", the salt, then the old and the
/// new value, each as one byte (0: NULL, 1: a value) followed, for a value,
/// by its length (8 bytes, big-endian) and its bytes. NULL and "" differ.
std::string history_values_digest(std::string_view salt, const std::optional<std::string>& old_value,
                                  const std::optional<std::string>& new_value);

/// SHA-256 over "oversight-history-entry/1", then seq, at, actor, entity,
/// entity_id, field, child_id, values_digest and the previous entry's hash
/// (kHistoryDigestSize zero bytes for the first): integers as 8 bytes
/// big-endian (child_id after a byte 0 for NULL, 1 for a value), texts and
/// blobs as their length (8 bytes, big-endian) and their bytes.
std::string history_entry_hash(const Change& change, std::optional<std::int64_t> child_id,
                               std::string_view values_digest, std::string_view previous_hash);

/// What the first entry chains to.
const std::string& history_genesis_hash();

}  // namespace oversight::detail

namespace oversight::detail {

/// Ed25519 (OpenSSL EVP_DigestSign): the signature of `message` with the
/// private key in `private_key_pem`, and whether `signature` is `message`'s
/// under the public key in `public_key_pem`. Error(invalid_arg) naming
/// `what` for a key that is not PEM or not Ed25519 of the right kind.
std::string ed25519_sign(std::string_view private_key_pem, std::string_view message, std::string_view what);
bool ed25519_verify(std::string_view public_key_pem, std::string_view message, std::string_view signature,
                    std::string_view what);

std::string base64_encode(std::string_view bytes);
/// nullopt for text that is not base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace oversight::detail
