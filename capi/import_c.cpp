// <oversight/c/import.h>: translation only (lib/import/).
#include "capi_util.hpp"

#include <oversight/import/import_issue.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/import/return_format.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/plan/plan_store.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_import_options kImportDefaults = OVERSIGHT_IMPORT_OPTIONS_INIT;
const oversight_import_return_options kImportReturnDefaults = OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT;

oversight_import_options options_of(const oversight_import_options* opts) {
    return struct_or(opts, kImportDefaults, OVERSIGHT_IMPORT_OPTIONS_VERSION, "oversight_import_options");
}

/// Base rule: a member an importer cannot honour is refused, never ignored.
void refuse(bool given, const char* member, const char* function) {
    if (given)
        throw Error(Status::invalid_arg,
                    std::string("oversight_import_options.") + member + " does not apply to " + function);
}

PlanFileOverrides plan_overrides(const oversight_import_options& o, const char* function) {
    refuse(o.recorded_by != nullptr, "recorded_by", function);
    PlanFileOverrides p;
    p.report_date = opt_date(o.report_date, "report_date");
    p.title = opt_text_arg(o.title, "title");
    p.authority = opt_text_arg(o.authority, "authority");
    return p;
}

/// Saves a plan read from a canonical file; the summary is written only once
/// nothing can fail any more.
oversight_status import_plan(Store& store, const std::string& text, PlanFormat format, const PlanFileOverrides& given,
                             int64_t* out_plan_id, char** out_summary) {
    PlanImport read = import_plan_text(text, format);
    char* summary = out_summary ? owned(to_json(read.summary)) : nullptr;
    try {
        *out_plan_id = save_plan(store, with_overrides(std::move(read.plan), given));
    } catch (...) {
        oversight_free(summary);
        throw;
    }
    if (out_summary) *out_summary = summary;
    return OVERSIGHT_OK;
}

}  // namespace

extern "C" {

oversight_status oversight_import_options_init(oversight_import_options* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_IMPORT_OPTIONS_VERSION, kImportDefaults, "oversight_import_options");
}

oversight_status oversight_import_seed_plan(oversight_store* store, const char* path,
                                            const oversight_import_options* opts, int64_t* out_plan_id,
                                            char** out_summary) noexcept {
    return guard(
        [&] {
            need(out_plan_id, "out_plan_id");
            Store& s = store_of(store);
            const oversight_import_options o = options_of(opts);
            const PlanFileOverrides given = plan_overrides(o, "oversight_import_seed_plan");
            SeedImportOptions options;
            options.report_date = given.report_date;
            if (given.title) options.title = *given.title;
            if (given.authority) options.authority = *given.authority;
            const std::string file = text_arg(path, "path");
            const ImportResult result = import_seed_plan_file(file, options);
            // Everything that can fail happens before the save.
            char* summary = out_summary ? owned(to_json(result.summary)) : nullptr;
            try {
                *out_plan_id = save_plan(s, result.plan);
            } catch (...) {
                oversight_free(summary);
                throw;
            }
            if (out_summary) *out_summary = summary;
            return OVERSIGHT_OK;
        },
        out_plan_id, out_summary);
}

oversight_status oversight_import_plan_json(oversight_store* store, const char* json,
                                            const oversight_import_options* opts, int64_t* out_plan_id,
                                            char** out_summary) noexcept {
    return guard(
        [&] {
            need(out_plan_id, "out_plan_id");
            return import_plan(store_of(store), text_arg(json, "json"), PlanFormat::json,
                               plan_overrides(options_of(opts), "oversight_import_plan_json"), out_plan_id, out_summary);
        },
        out_plan_id, out_summary);
}

oversight_status oversight_import_plan_csv(oversight_store* store, const char* csv,
                                           const oversight_import_options* opts, int64_t* out_plan_id,
                                           char** out_summary) noexcept {
    return guard(
        [&] {
            need(out_plan_id, "out_plan_id");
            return import_plan(store_of(store), text_arg(csv, "csv"), PlanFormat::csv,
                               plan_overrides(options_of(opts), "oversight_import_plan_csv"), out_plan_id, out_summary);
        },
        out_plan_id, out_summary);
}

oversight_status oversight_import_ssda903(oversight_store* store, const char* folder,
                                          const oversight_import_options* opts, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            Store& s = store_of(store);
            const oversight_import_options o = options_of(opts);
            refuse(o.report_date != nullptr, "report_date", "oversight_import_ssda903");
            refuse(o.title != nullptr, "title", "oversight_import_ssda903");
            refuse(o.authority != nullptr, "authority", "oversight_import_ssda903");
            const std::string path = text_arg(folder, "folder");
            const std::string by = opt_text_arg(o.recorded_by, "recorded_by").value_or("ssda903 import");
            return give(out, to_json(import_ssda903(s, path, by)));
        },
        out);
}

oversight_status oversight_import_return_options_init(oversight_import_return_options* opts,
                                                      uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION, kImportReturnDefaults,
                       "oversight_import_return_options");
}

oversight_status oversight_import_return(oversight_store* store, const oversight_import_return_options* opts,
                                         char** out_summary) noexcept {
    return guard(
        [&] {
            need(out_summary, "out_summary");
            Store& s = store_of(store);
            const oversight_import_return_options& o = need_struct(
                opts, OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION, "opts", "oversight_import_return_options");
            const ReturnFormat format =
                parse_return_format(text_arg(o.format, "oversight_import_return_options.format"));
            if (o.path_count == 0)
                throw Error(Status::invalid_arg, "oversight_import_return_options.path_count is 0: no files to import");
            need(o.paths, "oversight_import_return_options.paths");
            std::vector<std::string> paths;
            paths.reserve(o.path_count);
            for (size_t i = 0; i < o.path_count; ++i) {
                const std::string what = "oversight_import_return_options.paths[" + std::to_string(i) + "]";
                paths.push_back(text_arg(o.paths[i], what.c_str()));
            }
            const std::string by =
                opt_text_arg(o.recorded_by, "oversight_import_return_options.recorded_by").value_or("");
            return give(out_summary, to_json(import_return(s, format, paths, by)));
        },
        out_summary);
}

}  // extern "C"
