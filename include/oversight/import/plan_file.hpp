// Oversight's canonical plan files, CSV and JSON: a lossless round trip of a
// whole plan (oversight export-plan / import-plan).
#pragma once

#include <string>
#include <string_view>

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

}  // namespace oversight
