// Keeping improvement plans in a Store: save and load whole plans, change
// them one field at a time (each change in one transaction, with a history
// row per changed field holding the old and the new value), and check leads
// and task owners against the workforce's people directory.
//
// Plans are addressed by id (see latest_plan_id), recommendations by their
// number within the plan, actions by their reference ("2.5") within the plan,
// milestones and tasks by the id returned when they were added.
// Unknown ids and references throw Error(not_found) naming them; a duplicate
// (recommendation number, action reference, person name) throws
// Error(conflict); a failed change leaves the store as it was.
// Every text written (titles, descriptions, leads, progress, people, costs,
// ...) must be well-formed UTF-8: otherwise Error(invalid_arg)
// "<entity> <ref> <field>: invalid UTF-8 at byte N" (N counted from 1), and
// hold no NUL byte ("<entity> <ref> <field>: a NUL byte at byte N"), and
// nothing is written. The texts a plan needs (plan title, recommendation
// text, action description, progress update, milestone and task text) must
// not be blank ("recommendation 3 text is empty"), and a recommendation's
// number is 1..Recommendation::max_number (what the plan files carry).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/core/date.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/name_matching.hpp>
#include <oversight/plan/plan.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

// ------------------------------------------------------------ whole plans

/// One line of list_plans().
struct PlanSummary {
    std::int64_t id = 0;
    std::string title;
    std::string authority;
    std::optional<Date> report_date;
    int recommendations = 0;
    int actions = 0;
};
bool operator==(const PlanSummary& a, const PlanSummary& b);
inline bool operator!=(const PlanSummary& a, const PlanSummary& b) { return !(a == b); }

/// Inserts a whole plan (ids in `plan` are ignored) in one transaction and
/// returns the new plan's id. Sections named by recommendations but missing
/// from plan.sections are added after the listed ones. One history row
/// (field "*") is written per created entity. Throws Error(invalid_arg) for
/// an inconsistent plan (by_date without a date, empty action reference) and
/// Error(conflict) for duplicate numbers or references.
std::int64_t save_plan(Store& store, const Plan& plan);

/// The stored plan with its ids, everything in plan order.
Plan load_plan(const Store& store, std::int64_t plan_id);  // Error(not_found)
std::optional<Plan> try_load_plan(const Store& store, std::int64_t plan_id);

/// Every stored plan, oldest first.
std::vector<PlanSummary> list_plans(const Store& store);
/// {"format":"oversight-plan-list","version":1,"plans":[{"id","title",
///  "authority","report_date" (or null),"recommendations","actions"}]}
/// (schema: data/schemas/oversight-plan-list.schema.json).
std::string plan_list_to_json(const std::vector<PlanSummary>& plans);
/// The most recently saved plan; Error(not_found) when the store has none.
std::int64_t latest_plan_id(const Store& store);
std::optional<std::int64_t> try_latest_plan_id(const Store& store);

/// Replaces the plan settings (each value 0..3650 days).
void set_plan_settings(Store& store, std::int64_t plan_id, const PlanSettings& settings);
/// Sets or clears the inspection report date that anchors the timescales.
void set_report_date(Store& store, std::int64_t plan_id, std::optional<Date> report_date);
/// Records, replaces or (nullopt) clears the inspection the plan answers
/// (inspection.hpp), its submissions and owner. One
/// history row per changed field (entity "plan_inspection"). Error(invalid_arg)
/// from check_inspection, naming the field.
void set_inspection(Store& store, std::int64_t plan_id, const std::optional<Inspection>& inspection);

// --------------------------------------------------------- recommendations

/// Adds a recommendation (and the actions it holds) at the end of the plan;
/// returns its id. Its section is created if the plan has no such section.
std::int64_t add_recommendation(Store& store, std::int64_t plan_id, const Recommendation& rec);

/// Fields of a recommendation to change; absent fields are left alone.
struct RecommendationChange {
    std::optional<std::string> section;
    std::optional<std::string> text;
    std::optional<Timescale> timescale;
    std::optional<std::optional<Date>> explicit_date;  // {nullopt}: clear
    std::optional<std::string> lead;
    std::optional<std::string> cost_text;              // re-parsed with parse_cost
};
void update_recommendation(Store& store, std::int64_t plan_id, int number, const RecommendationChange& change);

// ----------------------------------------------------------------- actions

/// Adds an action (with its updates, milestones, tasks and RAG override) at
/// the end of recommendation `number`; returns its id.
std::int64_t add_action(Store& store, std::int64_t plan_id, int recommendation_number, const Action& action);

/// Fields of an action to change; absent fields are left alone.
struct ActionChange {
    std::optional<ActionStatus> status;
    std::optional<std::string> lead;
    std::optional<std::optional<Date>> due;  // {nullopt}: back to the recommendation's date
    std::optional<std::string> description;
    std::optional<std::string> impact_intended;
    std::optional<std::string> impact_evidence;
    std::optional<std::string> cost_text;    // re-parsed with parse_cost
};
void update_action(Store& store, std::int64_t plan_id, std::string_view ref, const ActionChange& change);

/// Appends a progress update (date, author, text) to an action; returns its id.
std::int64_t add_progress_update(Store& store, std::int64_t plan_id, std::string_view ref,
                                 const ProgressUpdate& update);
/// Appends a milestone to an action; returns its id.
std::int64_t add_milestone(Store& store, std::int64_t plan_id, std::string_view ref, const Milestone& milestone);
/// Marks a milestone done (or not done again).
void complete_milestone(Store& store, std::int64_t milestone_id, bool done = true);
/// Appends an outstanding task to an action; returns its id.
std::int64_t add_task(Store& store, std::int64_t plan_id, std::string_view ref, const Task& task);
/// Marks a task done (or not done again).
void complete_task(Store& store, std::int64_t task_id, bool done = true);

/// Sets a manual RAG (who, why, when) that replaces the computed one.
/// The RAG must not be none; `by` and `reason` must not be empty.
void set_rag_override(Store& store, std::int64_t plan_id, std::string_view ref, const RagOverride& rag);
/// Removes the manual RAG; Error(not_found) if the action has none.
void clear_rag_override(Store& store, std::int64_t plan_id, std::string_view ref);

// ------------------------------------------------------- people directory
// The directory is the workforce's (add_person, list_people in
// <oversight/workforce/person.hpp>): leads and task owners are checked
// against the people the service has.

/// Leads and task owners named in the plan that are not in the directory,
/// sorted, each once.
std::vector<std::string> unlisted_people(const Store& store, std::int64_t plan_id);
/// Pairs among the directory and the plan's leads and task owners that are
/// probably one person (probable_same_people). Never merges.
std::vector<ProbableSamePerson> probable_duplicate_people(const Store& store, std::int64_t plan_id);
/// {"format":"oversight-plan-people","version":1,"plan_id","unlisted":[..],
///  "probable_duplicates":[{"a","b","similarity","reason"}]}: what
/// unlisted_people() and probable_duplicate_people() give, for a human to act
/// on (schema: data/schemas/oversight-plan-people.schema.json).
std::string plan_people_to_json(std::int64_t plan_id, const std::vector<std::string>& unlisted,
                                const std::vector<ProbableSamePerson>& probable_duplicates);
/// Merges person `from` into `into`, in one transaction: in every plan,
/// recommendation and action leads and task owners equal to `from`
/// (ignoring ASCII case, as the directory does) become `into`; in the
/// workforce, when both are people `into` keeps what it lacked of `from`'s
/// job title, email and agency and takes over `from`'s allocations,
/// appointments and line reports (when both have an open appointment,
/// `into`'s stands: `from`'s ends when it began, or goes), and `from` is
/// removed; when only `from` is a person, it is renamed `into`. One history
/// row per changed field. Error(not_found) when `from` is named nowhere.
void merge_people(Store& store, std::string_view from, std::string_view into);

}  // namespace oversight
