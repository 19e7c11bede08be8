// Reading and writing plans: the seed's PDF-exported tab-separated format,
// and Oversight's canonical CSV and JSON (lossless round trip).
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/date.hpp>
#include <oversight/plan.hpp>

namespace oversight {

/// A repair made or a doubt met while importing, with its 1-based line.
struct ImportWarning {
    int line = 0;          // 0: about the whole file
    std::string message;   // what was found and what was done
};

struct SeedImportOptions {
    std::optional<Date> report_date;  // the export does not carry it
    std::string title;                // default: "Ofsted improvement plan"
    std::string authority;            // default: empty
    std::string source_name;          // used in warnings/errors (file name)
};

struct ImportResult {
    Plan plan;
    std::vector<ImportWarning> warnings;
};

/// Reads the tab-separated export of a PDF plan table (columns No., Rec.,
/// Action, Progress, Impact, What do we still need to do, Cost, Lead person
/// responsible). Repairs what it can and reports every repair and doubt as a
/// warning with its line; never drops a row silently. Throws Error(parse)
/// naming the line when the text is not such a table at all.
ImportResult import_seed_plan(std::istream& in, const SeedImportOptions& options = {});
ImportResult import_seed_plan_file(const std::string& path, SeedImportOptions options = {});

/// Canonical JSON document of a plan (schema in README), and its inverse.
/// plan_from_json(plan_to_json(p)) == p except for ids.
std::string plan_to_json(const Plan& plan);
Plan plan_from_json(std::string_view json);  // throws Error(parse) naming the place

/// Canonical CSV of a plan (one record per row, a `record` column says which;
/// header in README), and its inverse. Lossless like the JSON form.
std::string plan_to_csv(const Plan& plan);
Plan plan_from_csv(std::string_view csv);    // throws Error(parse) naming the line

}  // namespace oversight
