// Writing a command's output to --output FILE, and HTML printed to PDF by
// headless Chromium (cli.hpp: write_output, print_pdf).
#include "cli.hpp"

#include <oversight/core/error.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace oversight::cli {

namespace {

std::string errno_text() { return std::strerror(errno); }

/// The folder `path` is in ("." for a bare name).
std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

/// A folder only this process uses, removed with what is in it.
class TempFolder {
public:
    TempFolder() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/oversight-pdf-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (!mkdtemp(buf.data()))
            throw Error(Status::io, "--format pdf: cannot make a temporary folder from " + pattern + ": " + errno_text());
        path_ = buf.data();
    }
    ~TempFolder() {
        std::error_code ignored;  // Chromium's profile holds nested folders: remove them all
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

/// A file URL for an absolute path: every byte but unreserved ones and '/'
/// percent-encoded (a TMPDIR may hold '#', '?', '%' or spaces).
std::string file_url(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string url = "file://";
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || std::strchr("-._~/", c) != nullptr) {
            url += c;
        } else {
            url += '%';
            url += hex[u >> 4];
            url += hex[u & 15];
        }
    }
    return url;
}

/// OVERSIGHT_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH.
std::string find_chromium() {
    if (const char* c = std::getenv("OVERSIGHT_CHROMIUM"); c && *c) return c;
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            const std::size_t end = std::min(dirs.find(':', start), dirs.size());
            const std::string dir = dirs.substr(start, end - start);
            const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
            if (access(candidate.c_str(), X_OK) == 0) return candidate;
            start = end + 1;
        }
    }
    throw Error(Status::not_found,
                "--format pdf prints the HTML report with headless Chromium, which is not installed "
                "(Debian package chromium; or set OVERSIGHT_CHROMIUM to the browser)");
}

}  // namespace

void write_output(const std::string& path, std::string_view bytes, const char* what) {
    // Something that is not a regular file (/dev/stdout, a pipe) or a
    // symbolic link is written through, as it is.
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        std::ofstream out(path, std::ios::binary);
        if (!(out << bytes) || !out.flush())
            throw Error(Status::io, std::string(what) + ": cannot write " + path);
        return;
    }
    // A regular file or a new one: a new file beside it, then renamed over
    // it, so that a reader never sees half a report and a failed write leaves
    // the old file as it was.
    std::string temp = folder_of(path) + "/.oversight-XXXXXX";
    std::vector<char> buf(temp.begin(), temp.end());
    buf.push_back('\0');
    const int fd = mkstemp(buf.data());
    if (fd < 0) throw Error(Status::io, std::string(what) + ": cannot write in the folder of " + path + ": " + errno_text());
    temp = buf.data();
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = errno_text();
            ::close(fd);
            ::unlink(temp.c_str());
            throw Error(Status::io, std::string(what) + ": cannot write " + path + ": " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    // mkstemp makes the file 0600; a report is as readable as any file the user makes.
    const mode_t mask = umask(0);
    umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        throw Error(Status::io, std::string(what) + ": cannot write " + path + ": " + why);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        throw Error(Status::io, std::string(what) + ": cannot write " + path + ": " + why);
    }
}

std::string print_pdf(const std::string& html) {
    const std::string chromium = find_chromium();
    TempFolder folder;
    // An absolute folder, so that the page's URL is one.
    const std::string page_folder = std::filesystem::absolute(folder.path()).string();
    const std::string page = page_folder + "/report.html", pdf = page_folder + "/report.pdf";
    {
        std::ofstream out(page, std::ios::binary);
        if (!(out << html) || !out.flush()) throw Error(Status::io, "--format pdf: cannot write " + page);
    }
    // The page is self-contained: any request leaving the machine fails.
    std::vector<std::string> args{chromium,
                                  "--headless",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-dev-shm-usage",
                                  "--no-first-run",
                                  "--no-default-browser-check",
                                  "--disable-extensions",
                                  "--disable-background-networking",
                                  "--disable-component-update",
                                  "--disable-sync",
                                  "--host-resolver-rules=MAP * ~NOTFOUND",
                                  "--user-data-dir=" + page_folder + "/profile",
                                  "--no-pdf-header-footer",
                                  "--print-to-pdf=" + pdf,
                                  file_url(page)};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Chromium's chatter goes nowhere; our own stderr stays for our messages.
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    // In a process group of its own, so that a browser that hangs is stopped
    // with all its helper processes.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, chromium.c_str(), &files, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (spawned != 0) throw Error(Status::io, "--format pdf: cannot start " + chromium + ": " + std::strerror(spawned));
    // At most two minutes: a browser that hangs is stopped, never waited on for ever.
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    for (;;) {
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) throw Error(Status::io, "--format pdf: lost " + chromium + ": " + errno_text());
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            throw Error(Status::io, "--format pdf: " + chromium + " did not finish printing within 2 minutes");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::string bytes;
    {
        std::ifstream in(pdf, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.compare(0, 5, "%PDF-") != 0)
        throw Error(Status::io, "--format pdf: " + chromium + " printed no PDF (" +
                                    (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                                       : std::string("killed by a signal")) +
                                    ")");
    return bytes;
}

}  // namespace oversight::cli
