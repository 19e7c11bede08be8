#include "core/text.hpp"

#include <algorithm>

namespace oversight::detail {

std::size_t utf8_error_offset(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t n = s.size(), i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) noexcept { return utf8_error_offset(s) == std::string_view::npos; }

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    while (!s.empty()) {
        std::size_t bad = utf8_error_offset(s);
        if (bad == std::string_view::npos) { out.append(s); break; }
        out.append(s.substr(0, bad));
        out.append("\xEF\xBF\xBD");
        s.remove_prefix(bad + 1);
    }
    return out;
}

std::string_view trim(std::string_view s) noexcept {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && ws(s.front())) s.remove_prefix(1);
    while (!s.empty() && ws(s.back())) s.remove_suffix(1);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : trim(s)) {
        bool ws = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
        if (ws) { space = true; continue; }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string_view byte_order_mark(std::string_view text) noexcept {
    using namespace std::string_view_literals;
    auto starts = [&](std::string_view bom) { return text.substr(0, bom.size()) == bom; };
    if (starts("\x00\x00\xFE\xFF"sv) || starts("\xFF\xFE\x00\x00"sv)) return "UTF-32";
    if (starts("\xFE\xFF"sv) || starts("\xFF\xFE"sv)) return "UTF-16";
    if (starts("\xEF\xBB\xBF"sv)) return "UTF-8";
    return {};
}

std::size_t check_input_start(std::string_view head, const std::string& file) {
    std::string_view bom = byte_order_mark(head);
    if (bom == "UTF-8") return 3;
    if (bom.empty()) {
        // No mark: UTF-16 text is about half NUL bytes, UTF-32 three quarters.
        const std::string_view sample = head.substr(0, 256);
        const auto nuls = static_cast<std::size_t>(std::count(sample.begin(), sample.end(), '\0'));
        if (sample.size() >= 16 && nuls * 4 >= sample.size()) bom = nuls * 8 >= sample.size() * 5 ? "UTF-32" : "UTF-16";
    }
    if (!bom.empty())
        throw Error(Status::parse, file + ": the file is " + std::string(bom) + " text: save it as UTF-8");
    return 0;
}

std::string_view checked_input_text(std::string_view text, const std::string& file) {
    text.remove_prefix(check_input_start(text, file));
    const std::size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
        // The line of the NUL byte: LF, CRLF or a lone CR end a line.
        std::size_t line = 1;
        for (std::size_t i = 0; i < nul; ++i)
            if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) ++line;
        throw Error(Status::parse, file + ":" + std::to_string(line) + ": " + std::string(kNulByte));
    }
    return text;
}

std::string to_hex(std::string_view bytes) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xf]);
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string join_nonempty(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

}  // namespace oversight::detail
