// Oversight's canonical plan files, CSV and JSON: a lossless round trip of a
// whole plan (oversight export-plan / import-plan).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight {

/// Canonical JSON document of a plan, {"format":"oversight-plan","version":1,
/// ...} (schema: data/schemas/oversight-plan.schema.json), and its inverse;
/// unknown members are rejected. plan_from_json(plan_to_json(p)) == p except
/// for ids. The plan's indicators ("indicators") and an action's success
/// measures ("success_measures") are written only when there are some, and
/// read when present (issue 11 point 5). The plan's
/// inspection (plan.inspection) is a member "inspection" written only when
/// recorded, so older documents read as they did.
std::string plan_to_json(const Plan& plan);
Plan plan_from_json(std::string_view json);  // throws Error(parse) naming the place

/// Canonical CSV of a plan, and its inverse: one record per row, the
/// `record` column saying which (plan, section, recommendation, action,
/// update, milestone, task), under the fixed header
///   record,number,ref,section,text,timescale,date,lead,status,due,
///   impact_intended,impact_evidence,author,owner,done,cost_text,cost_kind,
///   cost_amount_pence,cost_high_pence,cost_approximate,cost_period,
///   cost_per_unit,cost_alternative,cost_note,rag,rag_by,rag_reason,
///   rag_set_on,title,authority,report_date,immediately_days,due_soon_days,
///   stale_update_days
/// (one line in the file). Lossless like the JSON form but for the plan's
/// inspection, which only the JSON form carries (plan_from_csv gives none;
/// the fixed header stays as it was): it is read by the
/// one CSV reader (csv_reader.hpp), so fields keep their spaces, and invalid
/// UTF-8, NUL bytes and UTF-16 are refused. Throws Error(parse) naming the
/// place as "<input>:line:column (name)".
std::string plan_to_csv(const Plan& plan);
Plan plan_from_csv(std::string_view csv);

enum class PlanFormat { json, csv };

/// The canonical format a file name ends in: ".json" or ".csv", in any case;
/// nullopt for any other name.
std::optional<PlanFormat> plan_file_format(std::string_view path) noexcept;

/// A canonical plan file read, and what the import met.
struct PlanImport {
    Plan plan;
    /// importer "plan-json" or "plan-csv", source the file as given; counts
    /// (CSV: records, not counting the header, then) sections,
    /// recommendations, actions, withdrawn, progress_updates, tasks,
    /// milestones. The formats are strict, so there
    /// are no issues: any problem is Error(parse) naming the place.
    ImportSummary summary;
};

/// Reads a canonical plan in either format from text; `source` names it in
/// errors and in the summary. Error(parse) as plan_from_json (prefixed with
/// "source: ") and plan_from_csv ("source:line:column (name)").
PlanImport import_plan_text(std::string_view text, PlanFormat format, std::string source = {});
/// The same from a file, in the format its name ends in (plan_file_format);
/// a CSV file is read record by record. Error(invalid_arg) for any other
/// name, Error(io) if it cannot be read.
PlanImport import_plan_file(const std::string& path);

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
