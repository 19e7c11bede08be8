// A main() for the fuzz targets without libFuzzer: runs LLVMFuzzerTestOneInput
// once over every input named on the command line, so that every build (gcc,
// ASan) replays the corpus under ctest. A target that crashes or aborts on an
// input makes the whole run fail; so does a run with no input at all.
//
//   oversight_fuzz_<name>_corpus [--optional] [--join=LINE FILE... --end] PATH...
//
//   PATH         a file (one input) or a folder (each file under it, recursively,
//                in name order, is one input). A missing PATH is an error...
//   --optional   ...except after this flag: later missing paths are listed as
//                skipped (the shared real-format files may be absent).
//   --join=LINE  the FILEs up to --end make ONE input, joined by a line LINE
//                (the SSDA903 target reads three CSV files from one input).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

// The bytes go into a buffer of exactly their size, as libFuzzer does, so
// that AddressSanitizer sees a read one past the end.
void run(const std::string& name, const std::string& bytes) {
    std::printf("input: %s (%zu bytes)\n", name.c_str(), bytes.size());
    std::fflush(stdout);
    std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[bytes.size()]);
    std::copy(bytes.begin(), bytes.end(), copy.get());
    LLVMFuzzerTestOneInput(copy.get(), bytes.size());
}

struct Tally {
    int ran = 0;
    std::vector<std::string> skipped;
    std::vector<std::string> errors;
};

void run_path(const fs::path& path, bool optional, Tally& t) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        (optional ? t.skipped : t.errors).push_back(path.string());
        return;
    }
    std::vector<fs::path> files;
    if (fs::is_directory(path, ec)) {
        for (const auto& e : fs::recursive_directory_iterator(path, ec))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
    } else {
        files.push_back(path);
    }
    for (const auto& f : files) {
        std::string bytes;
        if (!read_file(f, bytes)) {
            t.errors.push_back(f.string() + " (unreadable)");
            continue;
        }
        run(f.string(), bytes);
        ++t.ran;
    }
}

void run_joined(const std::string& line, const std::vector<fs::path>& files, bool optional, Tally& t) {
    std::string bytes, name;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string part;
        std::error_code ec;
        if (!fs::is_regular_file(files[i], ec) || !read_file(files[i], part)) {
            (optional ? t.skipped : t.errors).push_back(files[i].string());
            return;
        }
        if (i > 0) {
            if (!bytes.empty() && bytes.back() != '\n') bytes += '\n';
            bytes += line + "\n";
            name += " + ";
        }
        bytes += part;
        name += files[i].string();
    }
    run(name, bytes);
    ++t.ran;
}

}  // namespace

int main(int argc, char** argv) {
    Tally t;
    bool optional = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--optional") {
            optional = true;
        } else if (arg.rfind("--join=", 0) == 0) {
            std::vector<fs::path> files;
            while (++i < argc && std::string(argv[i]) != "--end") files.emplace_back(argv[i]);
            if (i == argc || files.empty()) {
                std::fprintf(stderr, "%s: --join needs FILE... --end\n", argv[0]);
                return 2;
            }
            run_joined(arg.substr(7), files, optional, t);
        } else {
            run_path(arg, optional, t);
        }
    }
    for (const auto& s : t.skipped) std::printf("skipped (not present): %s\n", s.c_str());
    for (const auto& e : t.errors) std::fprintf(stderr, "error: cannot read %s\n", e.c_str());
    std::printf("%d input(s) ran, %zu skipped\n", t.ran, t.skipped.size());
    if (t.ran == 0) std::fprintf(stderr, "error: no input ran\n");
    return t.ran == 0 || !t.errors.empty() ? 1 : 0;
}
