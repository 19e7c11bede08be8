// One entry point for the statutory returns: see return_format.hpp.
#include <oversight/import/return_format.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/annex_a.hpp>
#include <oversight/import/cin_census.hpp>
#include <oversight/import/csww.hpp>
#include <oversight/import/ssda903.hpp>

#include "core/text.hpp"
#include "core/transaction.hpp"
#include "import/input_text.hpp"

#include <filesystem>
#include <optional>

namespace oversight {

std::string_view to_string(ReturnFormat format) noexcept {
    switch (format) {
    case ReturnFormat::ssda903: return "ssda903";
    case ReturnFormat::cin_census: return "cin";
    case ReturnFormat::csww: return "csww";
    case ReturnFormat::annex_a: return "annex-a";
    }
    return "ssda903";
}

ReturnFormat parse_return_format(std::string_view text) {
    const std::string t = detail::lower(text);
    if (t == "ssda903") return ReturnFormat::ssda903;
    if (t == "cin" || t == "cin-census") return ReturnFormat::cin_census;
    if (t == "csww") return ReturnFormat::csww;
    if (t == "annex-a" || t == "annex_a") return ReturnFormat::annex_a;
    throw Error(Status::invalid_arg, "unknown return format " + detail::quote_input(std::string(text)) +
                                         " (ssda903, cin, csww, annex-a)");
}

namespace {

const char* importer_name(ReturnFormat format) {
    switch (format) {
    case ReturnFormat::ssda903: return "ssda903";
    case ReturnFormat::cin_census: return "cin-census";
    case ReturnFormat::csww: return "csww";
    case ReturnFormat::annex_a: return "annex-a";
    }
    return "";
}

// The SSDA903 folders to import: each path a folder, or a file in one.
// Files other than the three tables the import reads go to `unread`.
std::vector<std::string> ssda903_folders(const std::vector<std::string>& paths, std::vector<std::string>& unread) {
    std::vector<std::string> folders;
    std::optional<std::string> files_folder;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            folders.push_back(p);
            continue;
        }
        const std::string name = std::filesystem::path(p).filename().string();
        if (name != "header.csv" && name != "episodes.csv" && name != "reviews.csv") unread.push_back(p);
        std::string parent = std::filesystem::path(p).parent_path().string();
        if (parent.empty()) parent = ".";
        if (files_folder && *files_folder != parent)
            throw Error(Status::invalid_arg, "SSDA903 files " + detail::quote_input(p) +
                                                 " and others are in different folders (" + *files_folder + ", " +
                                                 parent + "); a return's files are read from one folder");
        if (!files_folder) {
            files_folder = parent;
            folders.push_back(parent);
        }
    }
    return folders;
}

ImportSummary import_one(Store& store, ReturnFormat format, const std::string& path, std::string_view recorded_by) {
    switch (format) {
    case ReturnFormat::ssda903:
        return recorded_by.empty() ? import_ssda903(store, path) : import_ssda903(store, path, recorded_by);
    case ReturnFormat::cin_census:
        return recorded_by.empty() ? import_cin_census(store, path) : import_cin_census(store, path, recorded_by);
    case ReturnFormat::csww: return import_csww(store, path);
    case ReturnFormat::annex_a:
        return recorded_by.empty() ? import_annex_a(store, path) : import_annex_a(store, path, recorded_by);
    }
    throw Error(Status::invalid_arg, "unknown return format");
}

}  // namespace

ImportSummary import_return(Store& store, ReturnFormat format, const std::vector<std::string>& paths,
                            std::string_view recorded_by) {
    if (paths.empty()) throw Error(Status::invalid_arg, "no files to import");
    for (const std::string& p : paths)
        if (detail::trim(p).empty()) throw Error(Status::invalid_arg, "an empty file name among the files to import");
    std::vector<std::string> unread;
    const std::vector<std::string> inputs = format == ReturnFormat::ssda903 ? ssda903_folders(paths, unread) : paths;

    ImportSummary total;
    total.importer = importer_name(format);
    if (inputs.size() > 1)
        for (const std::string& path : inputs) total.source += (total.source.empty() ? "" : "; ") + path;
    std::optional<Error> first_failure;
    std::int64_t read = 0;
    detail::in_transaction(store, std::string("importing ") + std::string(to_string(format)), [&] {
        for (const std::string& path : inputs) {
            ImportSummary one;
            try {
                one = import_one(store, format, path, recorded_by);
            } catch (const Error& e) {
                if (e.code() != Status::io && e.code() != Status::parse) throw;
                if (!first_failure) first_failure = e;
                ImportIssue i;
                i.file = path;
                i.severity = Severity::error;
                i.message = std::string("not read: ") + e.what();
                total.issues.push_back(std::move(i));
                total.add("files_not_read");
                continue;
            }
            ++read;
            if (inputs.size() == 1) {
                total = std::move(one);
                break;
            }
            for (const auto& [name, n] : one.counts) total.add(name, n);
            total.issues.insert(total.issues.end(), one.issues.begin(), one.issues.end());
        }
    });
    if (read == 0 && first_failure) throw *first_failure;
    total.add("files_read", read);
    for (const std::string& p : unread) {
        ImportIssue i;
        i.file = p;
        i.severity = Severity::note;
        i.message = "not read: the SSDA903 import reads header.csv, episodes.csv and reviews.csv of the folder";
        total.issues.push_back(std::move(i));
    }
    return total;
}

}  // namespace oversight
