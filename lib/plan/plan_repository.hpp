// Private to lib/: the plan's port. The plan subsystem keeps the rules
// (UTF-8, by_date needs a date, unique numbers and references, settings in
// range, cost parsing); a store backend implements this repository
// (lib/store/) and writes, in a transaction, one history row per created
// entity (field "*") and per changed field (old and new value as text: ISO
// dates, canonical enum names, cost text verbatim).
#pragma once

#include <oversight/plan/plan.hpp>
#include <oversight/plan/plan_store.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace oversight {

class Store;

namespace detail {

class PlanRepository {
public:
    virtual ~PlanRepository() = default;

    /// The whole plan with its ids, everything in plan order.
    virtual std::optional<Plan> load(std::int64_t plan_id) const = 0;
    /// The plan's own fields (title, authority, report date, settings,
    /// inspection) only.
    virtual std::optional<Plan> find_plan(std::int64_t plan_id) const = 0;
    virtual std::vector<PlanSummary> plans() const = 0;  // oldest first
    virtual std::optional<std::int64_t> latest_plan() const = 0;
    /// A recommendation with its id, without its actions.
    virtual std::optional<Recommendation> find_recommendation(std::int64_t plan_id, int number) const = 0;
    /// An action with its id and RAG override, without updates, milestones and tasks.
    virtual std::optional<Action> find_action(std::int64_t plan_id, std::string_view ref) const = 0;

    /// Inserts the plan with everything in it; sections named only by
    /// recommendations follow plan.sections. Returns the plan's id.
    virtual std::int64_t add_plan(const Plan& plan) = 0;
    /// At the end of the plan (its section added if new), with its actions.
    virtual std::int64_t add_recommendation(std::int64_t plan_id, const Recommendation& rec) = 0;
    /// At the end of recommendation `recommendation_id`, with everything in it.
    virtual std::int64_t add_action(std::int64_t plan_id, std::int64_t recommendation_id, const Action& action) = 0;
    virtual std::int64_t add_progress_update(std::int64_t action_id, const ProgressUpdate& update) = 0;
    virtual std::int64_t add_milestone(std::int64_t action_id, const Milestone& milestone) = 0;
    virtual std::int64_t add_task(std::int64_t action_id, const Task& task) = 0;

    /// Writes the plan's own fields (of plan.id) that differ; not the inspection.
    virtual void update_plan(const Plan& plan) = 0;
    /// Inserts, updates (the fields that differ) or deletes the plan's
    /// inspection (entity "plan_inspection").
    virtual void set_inspection(std::int64_t plan_id, const std::optional<Inspection>& inspection) = 0;
    /// Writes the fields of the recommendation (rec.id) that differ: section
    /// (added to the plan if new), text, timescale with explicit date, lead, cost.
    virtual void update_recommendation(std::int64_t plan_id, const Recommendation& rec) = 0;
    /// Writes the fields of the action (action.id) that differ: status, lead,
    /// due, description, impacts, cost and the RAG override.
    virtual void update_action(const Action& action) = 0;
    /// Error(not_found) naming the milestone or task when it does not exist.
    virtual void set_milestone_done(std::int64_t milestone_id, bool done) = 0;
    virtual void set_task_done(std::int64_t task_id, bool done) = 0;
    /// Every recommendation and action lead and task owner equal to `from`
    /// (ignoring ASCII case) becomes `into`, in every plan; returns how many.
    virtual int rename_person(std::string_view from, std::string_view into) = 0;
};

/// The store's plan repository (defined in lib/store/).
PlanRepository& plan_repository(Store& store);
const PlanRepository& plan_repository(const Store& store);

}  // namespace detail
}  // namespace oversight
