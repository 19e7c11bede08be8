// Oversight's canonical plan files, CSV and JSON: a lossless round trip of a
// whole plan (oversight export-plan / import-plan).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <oversight/core/date.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight {

/// Canonical JSON document of a plan (schema in README), and its inverse.
/// plan_from_json(plan_to_json(p)) == p except for ids.
std::string plan_to_json(const Plan& plan);
Plan plan_from_json(std::string_view json);  // throws Error(parse) naming the place

/// Canonical CSV of a plan (one record per row, a `record` column says which;
/// header in README), and its inverse. Lossless like the JSON form.
std::string plan_to_csv(const Plan& plan);
Plan plan_from_csv(std::string_view csv);    // throws Error(parse) naming the line

/// What an importer is told that replaces a plan file's own values (each
/// only when given): `oversight import-plan --report-date --title
/// --authority` and the C API's oversight_import_options.
struct PlanFileOverrides {
    std::optional<Date> report_date;
    std::optional<std::string> title;
    std::optional<std::string> authority;
};
/// `plan` with the given overrides applied.
Plan with_overrides(Plan plan, const PlanFileOverrides& overrides);

}  // namespace oversight
