// Reading a whole file, with the failures every file-taking function reports
// the same way.
#pragma once

#include <string>
#include <string_view>

namespace oversight {

/// The whole content of the file at `path`, as bytes. Throws Error(io)
/// naming `what` (e.g. "rule pack") and the path when the path is a
/// directory, does not exist, or cannot be opened or read. Pipes and
/// /dev/stdin are read like files.
std::string read_file(const std::string& path, std::string_view what);

}  // namespace oversight
