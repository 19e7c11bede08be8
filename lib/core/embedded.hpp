// Private to lib/: files compiled into the library by oversight_embed()
// (cmake/OversightEmbed.cmake): the default rule pack, the store's migrations.
#pragma once

#include <cstddef>
#include <string_view>

namespace oversight::detail {

struct EmbeddedFile {
    const char* name;           // file name, e.g. "0002_plan.sql"
    const unsigned char* data;  // NUL-terminated copy of the bytes
    std::size_t size;           // without the terminating NUL

    std::string_view text() const noexcept { return {reinterpret_cast<const char*>(data), size}; }
};

}  // namespace oversight::detail
