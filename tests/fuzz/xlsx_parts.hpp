// Helpers for the fuzz targets that read workbooks (not a target: no .cpp):
// an input written as a list of parts, each after a line "--- NAME"
// (README.md here), packed into a zip of stored (uncompressed) entries with
// correct CRCs, so that the fuzzer's mutations reach the XML parts instead
// of dying on a deflate stream or a CRC.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oversight::fuzz {

inline std::uint32_t crc32(std::string_view s) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

inline void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

struct Part {
    std::string_view name, data;
};

// "--- NAME" lines start parts; a part's bytes run up to the line end
// (LF or CRLF) before the next such line. Text before the first is ignored;
// at most max_parts parts are taken.
inline std::vector<Part> parts_of(std::string_view text, std::size_t max_parts = 64) {
    std::vector<Part> parts;
    std::size_t start = 0;  // of the last part's bytes
    auto close = [&](std::size_t end) {
        if (parts.empty()) return;
        end = std::max(end, start);
        if (end > start && text[end - 1] == '\r') --end;
        parts.back().data = text.substr(start, end - start);
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
        std::string_view line = text.substr(pos, end - pos);
        if (line.substr(0, 4) == "--- ") {
            close(pos == 0 ? 0 : pos - 1);
            if (parts.size() == max_parts) return parts;
            if (line.back() == '\r') line.remove_suffix(1);
            parts.push_back({line.substr(4), {}});
            start = next;
        }
        pos = next;
    }
    close(text.size());
    return parts;
}

// A zip (PKZIP 2.0, method 0 "stored", UTF-8 names) holding the parts.
inline std::string zip_of(const std::vector<Part>& parts) {
    std::string out, directory;
    for (const Part& p : parts) {
        const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(p.data), size = static_cast<std::uint32_t>(p.data.size());
        const auto name_size = static_cast<std::uint32_t>(p.name.size());
        put32(out, 0x04034b50);  // local file header
        put16(out, 20);          // version needed
        put16(out, 0x0800);      // flags: UTF-8 name
        put16(out, 0);           // stored
        put16(out, 0);           // time 00:00
        put16(out, 0x21);        // date 1980-01-01
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, name_size);
        put16(out, 0);  // extra
        out += p.name;
        out += p.data;

        put32(directory, 0x02014b50);  // central directory header
        put16(directory, 20);          // made by
        put16(directory, 20);          // needed
        put16(directory, 0x0800);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0x21);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, name_size);
        put16(directory, 0);  // extra
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += p.name;
    }
    const std::uint32_t directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);  // end of central directory
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);  // comment
    return out;
}

}  // namespace oversight::fuzz
