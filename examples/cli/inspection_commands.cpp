// The plan's inspection and its action-plan clocks (issue 11 point 6):
//   oversight plan inspection set --plan ID --kind full --letter D [--ended D]
//                                 [--priority-actions] [--monitored] [--owner NAME]
//   oversight plan inspection submitted --plan ID (--draft D | --final D)
//   oversight plan inspection clear --plan ID
//   oversight plan inspection show --plan ID [--as-of D] [--format text|json]
// Every command works on the latest plan in --db unless --plan ID is given.
#include "cli.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/error.hpp>
#include <oversight/plan/inspection.hpp>
#include <oversight/plan/plan_store.hpp>

#include <iostream>
#include <memory>

namespace oversight::cli {
namespace {

std::int64_t plan_id_of(const Store& store, std::int64_t plan_option) {
    if (plan_option > 0) {
        if (!try_load_plan(store, plan_option))
            throw Error(Status::not_found,
                        "--plan: plan " + std::to_string(plan_option) + " not found in " + store.path());
        return plan_option;
    }
    return latest_plan_id(store);
}

void show(const Context& ctx, std::int64_t plan_option, const std::string& format) {
    check_format(format, {"text", "json"});
    Store store = open_store(ctx, StoreUse::read_only, "run import-plan first");
    const Plan plan = load_plan(store, plan_id_of(store, plan_option));
    const Date as_of = ctx.as_of_date();
    const auto clocks = inspection_clocks(plan, Calendar::for_division(Division::england_and_wales), as_of);
    if (format == "json") {
        std::cout << inspection_clocks_to_json(plan.id, plan.inspection, clocks, as_of) << "\n";
        return;
    }
    if (!plan.inspection) {
        std::cout << "plan " << plan.id << " records no inspection (oversight plan inspection set)\n";
        return;
    }
    const Inspection& i = *plan.inspection;
    std::cout << inspection_title(i) << ", letter of " << i.letter.iso();
    if (i.ended) std::cout << " (on site until " << i.ended->iso() << ")";
    if (!i.owner.empty()) std::cout << "; owner " << i.owner;
    std::cout << "\n";
    if (clocks.empty()) std::cout << "No action-plan clock.\n";
    for (const InspectionClock& c : clocks)
        std::cout << c.name << ": " << c.due.iso() << " - " << clock_state_text(c) << " (" << c.rule << ")\n";
    std::cout << "As of " << as_of.iso()
              << ". Working days exclude weekends and England and Wales bank holidays; lengths from secondary "
                 "sources (ILACS). No overall effectiveness grade: Ofsted no longer gives one.\n";
}

}  // namespace

void add_plan_inspection_commands(CLI::App& app, Context& ctx) {
    auto* plan = app.add_subcommand("plan", "The plan itself: the inspection it answers");
    plan->require_subcommand(1);
    auto* insp = plan->add_subcommand("inspection", "The Ofsted inspection the plan answers and its action-plan clocks");
    insp->require_subcommand(1);

    struct Args {
        std::int64_t plan = 0;
        std::string kind = "full", letter, ended, owner, draft, final_, format = "text";
        bool priority = false, monitored = false;
    };
    auto a = std::make_shared<Args>();

    auto* set = insp->add_subcommand("set", "Record (or replace) the inspection: kind, letter date, owner");
    set->add_option("--plan", a->plan, "Plan id (default: the latest plan in --db)");
    set->add_option("--kind", a->kind, "full|focused_visit|monitoring_visit|other")->capture_default_str();
    set->add_option("--letter", a->letter, "Date of the inspection letter (YYYY-MM-DD): day 0 of the clocks")
        ->required();
    set->add_option("--ended", a->ended, "Last day on site (YYYY-MM-DD)");
    set->add_flag("--priority-actions", a->priority, "A focused visit that found areas for priority action");
    set->add_flag("--monitored", a->monitored, "Ofsted will monitor the council (monitoring visits follow)");
    set->add_option("--owner", a->owner, "Who submits the plan");
    set->callback([&ctx, a] {
        Inspection i;
        i.kind = parse_inspection_kind(a->kind);
        i.letter = date_arg(a->letter, "--letter");
        if (!a->ended.empty()) i.ended = date_arg(a->ended, "--ended");
        i.priority_actions = a->priority;
        i.monitored = a->monitored;
        i.owner = a->owner;
        Store store = open_store(ctx, StoreUse::existing, "run import-plan first");
        const std::int64_t id = plan_id_of(store, a->plan);
        // Submissions already recorded stay when the same clocks still apply.
        if (auto old = load_plan(store, id).inspection) {
            i.draft_submitted = old->draft_submitted;
            i.plan_submitted = old->plan_submitted;
            try {
                check_inspection(i);
            } catch (const Error&) {
                i.draft_submitted.reset();
                i.plan_submitted.reset();
            }
        }
        set_inspection(store, id, i);
        std::cout << "plan " << id << ": " << inspection_title(i) << ", letter of " << i.letter.iso() << "\n";
    });

    auto* sub = insp->add_subcommand("submitted", "Record the date the draft or the final action plan went to Ofsted");
    sub->add_option("--plan", a->plan, "Plan id (default: the latest plan in --db)");
    sub->add_option("--draft", a->draft, "Date the draft went (YYYY-MM-DD)");
    sub->add_option("--final", a->final_, "Date the final action plan went (YYYY-MM-DD)");
    sub->callback([&ctx, a] {
        if (a->draft.empty() == a->final_.empty())
            throw Error(Status::invalid_arg, "inspection submitted needs one of --draft DATE or --final DATE");
        Store store = open_store(ctx, StoreUse::existing, "run import-plan first");
        const std::int64_t id = plan_id_of(store, a->plan);
        auto i = load_plan(store, id).inspection;
        if (!i)
            throw Error(Status::not_found,
                        "plan " + std::to_string(id) + " records no inspection: run plan inspection set first");
        if (!a->draft.empty()) i->draft_submitted = date_arg(a->draft, "--draft");
        if (!a->final_.empty()) i->plan_submitted = date_arg(a->final_, "--final");
        set_inspection(store, id, i);
        std::cout << "plan " << id << ": " << (a->draft.empty() ? "final action plan" : "draft plan")
                  << " submitted on " << (a->draft.empty() ? a->final_ : a->draft) << "\n";
    });

    auto* clear = insp->add_subcommand("clear", "Remove the inspection from the plan");
    clear->add_option("--plan", a->plan, "Plan id (default: the latest plan in --db)");
    clear->callback([&ctx, a] {
        Store store = open_store(ctx, StoreUse::existing, "run import-plan first");
        const std::int64_t id = plan_id_of(store, a->plan);
        if (!load_plan(store, id).inspection)
            throw Error(Status::not_found, "plan " + std::to_string(id) + " records no inspection");
        set_inspection(store, id, std::nullopt);
        std::cout << "plan " << id << ": inspection cleared\n";
    });

    auto* sh = insp->add_subcommand("show", "The inspection's clocks: due dates and state as of --as-of");
    sh->add_option("--plan", a->plan, "Plan id (default: the latest plan in --db)");
    sh->add_option("--format", a->format, "text|json")->capture_default_str();
    sh->callback([&ctx, a] { show(ctx, a->plan, a->format); });
}

}  // namespace oversight::cli
