// The hash chain of the history (history_chain.hpp).
#include "store/history_chain.hpp"

#include <oversight/core/error.hpp>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <cctype>
#include <memory>
#include <new>

namespace oversight::detail {

namespace {

/// SHA-256, fetched once (OpenSSL 3 would otherwise look it up on every
/// call: one per history row written or checked). Kept for the process.
const EVP_MD* sha256_md() {
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    static const EVP_MD* const kFetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (kFetched) return kFetched;
#endif
    return EVP_sha256();
}

/// Builds the canonical encoding, then hashes it.
class Encoder {
public:
    explicit Encoder(std::string_view domain) { text(domain); }
    void integer(std::int64_t v) {
        const auto u = static_cast<std::uint64_t>(v);
        for (int shift = 56; shift >= 0; shift -= 8) bytes_.push_back(static_cast<char>((u >> shift) & 0xff));
    }
    void text(std::string_view s) {
        integer(static_cast<std::int64_t>(s.size()));
        bytes_.append(s.data(), s.size());
    }
    void optional_text(const std::optional<std::string>& s) {
        bytes_.push_back(s ? '\1' : '\0');
        if (s) text(*s);
    }
    void optional_integer(std::optional<std::int64_t> v) {
        bytes_.push_back(v ? '\1' : '\0');
        if (v) integer(*v);
    }
    std::string sha256() const {
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (EVP_Digest(bytes_.data(), bytes_.size(), out, &size, sha256_md(), nullptr) != 1 ||
            size != kHistoryDigestSize)
            throw Error(Status::internal, "history chain: SHA-256 failed (OpenSSL error " +
                                              std::to_string(ERR_get_error()) + ")");
        return std::string(reinterpret_cast<const char*>(out), size);
    }

private:
    std::string bytes_;
};

}  // namespace

std::string new_history_salt() {
    std::string salt(kHistorySaltSize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
        throw Error(Status::internal, "history chain: the random generator failed (OpenSSL error " +
                                          std::to_string(ERR_get_error()) + ")");
    return salt;
}

std::string history_values_digest(std::string_view salt, const std::optional<std::string>& old_value,
                                  const std::optional<std::string>& new_value) {
    Encoder e("oversight-history-values/1");
    e.text(salt);
    e.optional_text(old_value);
    e.optional_text(new_value);
    return e.sha256();
}

std::string history_entry_hash(const Change& change, std::optional<std::int64_t> child_id,
                               std::string_view values_digest, std::string_view previous_hash) {
    Encoder e("oversight-history-entry/1");
    e.integer(change.seq);
    e.text(change.at);
    e.text(change.actor);
    e.text(change.entity);
    e.integer(change.entity_id);
    e.text(change.field);
    e.optional_integer(child_id);
    e.text(values_digest);
    e.text(previous_hash);
    return e.sha256();
}

const std::string& history_genesis_hash() {
    static const std::string kZero(kHistoryDigestSize, '\0');
    return kZero;
}

namespace {

struct KeyFree {
    void operator()(EVP_PKEY* k) const noexcept { EVP_PKEY_free(k); }
};
struct BioFree {
    void operator()(BIO* b) const noexcept { BIO_free(b); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;

/// OpenSSL's passphrase callback: none. Without it an encrypted key would
/// make OpenSSL ask for one on the terminal, blocking the host.
int no_passphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*u*/) { return 0; }

/// The Ed25519 key in `pem` (private or public as asked).
Key read_key(std::string_view pem, bool private_key, std::string_view what) {
    const char* kind = private_key ? "private" : "public";
    if (pem.size() > 64 * 1024)
        throw Error(Status::invalid_arg, std::string(what) + ": " + kind + " key is longer than 64 KiB");
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) throw std::bad_alloc();
    Key key(private_key ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr)
                        : PEM_read_bio_PUBKEY(bio.get(), nullptr, no_passphrase, nullptr));
    ERR_clear_error();
    if (!key)
        throw Error(Status::invalid_arg, std::string(what) + ": not a PEM " + kind +
                                             " key (make one with `openssl genpkey -algorithm ed25519`" +
                                             (private_key ? "; an encrypted key is not read: give one without "
                                                            "a passphrase, kept where only the signer can read it"
                                                          : ", its public key with `openssl pkey -pubout`") +
                                             ")");
    if (EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519)
        throw Error(Status::invalid_arg, std::string(what) + ": the " + kind + " key is not an Ed25519 key");
    return key;
}

std::unique_ptr<EVP_MD_CTX, MdCtxFree> new_md_ctx() {
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx) throw std::bad_alloc();
    return ctx;
}

}  // namespace

std::string ed25519_sign(std::string_view private_key_pem, std::string_view message, std::string_view what) {
    const Key key = read_key(private_key_pem, true, what);
    auto ctx = new_md_ctx();
    std::string signature(64, '\0');
    std::size_t size = signature.size();
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
        const unsigned long code = ERR_get_error();
        ERR_clear_error();
        throw Error(Status::internal, std::string(what) + ": signing failed (OpenSSL error " + std::to_string(code) + ")");
    }
    signature.resize(size);
    return signature;
}

bool ed25519_verify(std::string_view public_key_pem, std::string_view message, std::string_view signature,
                    std::string_view what) {
    const Key key = read_key(public_key_pem, false, what);
    auto ctx = new_md_ctx();
    const bool good =
        EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                         reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
    ERR_clear_error();
    return good;
}

std::string base64_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0 || text.size() > 4096) return std::nullopt;
    for (char ch : text)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '+' || ch == '/' || ch == '=')) return std::nullopt;
    std::size_t padding = 0;
    while (padding < 2 && text[text.size() - 1 - padding] == '=') ++padding;
    if (text.substr(0, text.size() - padding).find('=') != std::string_view::npos) return std::nullopt;
    std::string out(text.size() / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0 || static_cast<std::size_t>(n) < padding) return std::nullopt;
    out.resize(static_cast<std::size_t>(n) - padding);
    return out;
}

}  // namespace oversight::detail
