#include <oversight/core/pseudonym.hpp>

#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace oversight {

Pseudonymiser::Pseudonymiser(std::string key) : key_(std::move(key)) {
    if (key_.size() < min_key_size || key_.size() > max_key_size)
        throw Error(Status::invalid_arg, "pseudonym key: " + std::to_string(key_.size()) + " bytes; it must be " +
                                             std::to_string(min_key_size) + " to " + std::to_string(max_key_size) +
                                             " bytes (e.g. `head -c 32 /dev/urandom > key`)");
}

std::string Pseudonymiser::operator()(std::string_view id) const {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
              reinterpret_cast<const unsigned char*>(id.data()), id.size(), mac, &size) ||
        size < 8)
        throw Error(Status::internal, "pseudonym: OpenSSL's HMAC-SHA-256 failed");
    return "P-" + detail::to_hex(std::string_view(reinterpret_cast<const char*>(mac), 8));
}

}  // namespace oversight
