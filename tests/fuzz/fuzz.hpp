// Helpers shared by the fuzz targets (not a target: no .cpp). Targets use
// only the umbrella header <oversight.hpp>: they see the library as its users
// do, whatever the layout of lib/ and include/.
#pragma once

#include <oversight.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace oversight::fuzz {

/// The input as text (any bytes: NULs and invalid UTF-8 included).
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A broken invariant is a finding: say which, then abort so that libFuzzer
/// saves the input and the corpus runner fails.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    if (!detail.empty())
        std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size() > 2000 ? 2000 : detail.size()), detail.data());
    std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
    if (!ok) fail(what, detail);
}

/// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF):
/// what every text the library hands back must be when its input was.
inline bool is_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
        else return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/// A date is in the range the library supports (1400-01-01 .. 9999-12-31).
inline bool in_range(Date d) {
    static const Date first = Date::from_ymd(1400, 1, 1), last = Date::from_ymd(9999, 12, 31);
    return d >= first && d <= last;
}

}  // namespace oversight::fuzz
