#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace oversight {

std::string read_file(const std::string& path, std::string_view what) {
    const std::string name = std::string(what) + " '" + path + "'";
    // A directory opens as an empty stream on Linux: refuse it by name.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(Status::io, "cannot read " + name + ": it is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw Error(Status::io, "cannot open " + name + ": " + (err ? std::strerror(err) : "cannot be opened"));
    }
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(Status::io, "cannot read " + name + ": read error");
    return text;
}

}  // namespace oversight
