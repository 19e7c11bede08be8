// Pseudonyms: a child's id replaced, in an export, by a keyed hash, so that
// analysts can share and join data without the ids (issue 8).
#pragma once

#include <string>
#include <string_view>

namespace oversight {

/// Turns ids into pseudonyms with HMAC-SHA-256 under a key the caller keeps:
/// "P-" followed by the first 16 hex digits (64 bits) of the HMAC of the id.
/// The same key gives the same pseudonym for the same id in every export
/// (so extracts can be joined); without the key a pseudonym cannot be
/// turned back into the id or made from a guessed one. Two ids share a
/// pseudonym with probability about n^2 / 2^65 (under 1 in 200 million for
/// 400,000 children). Keep the key out of the data you share, and use a new
/// one when pseudonyms must not be linked to earlier extracts.
class Pseudonymiser {
public:
    /// At least 16 bytes (any bytes: read it from a file, not a command
    /// line); at most 4096. Error(invalid_arg) otherwise.
    explicit Pseudonymiser(std::string key);
    std::string operator()(std::string_view id) const;

    static constexpr std::size_t min_key_size = 16;
    static constexpr std::size_t max_key_size = 4096;

private:
    std::string key_;
};

}  // namespace oversight
