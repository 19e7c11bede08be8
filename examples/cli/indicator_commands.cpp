// `oversight indicator add|value|link|list|refresh` (issue 11 point 5): a
// plan's indicators (target, direction, red threshold), their monthly values
// (entered, or computed from the store with `refresh`) and the actions they
// measure, whose RAG then takes them into account (`oversight rag`).
#include "cli.hpp"

#include <oversight/core/error.hpp>
#include <oversight/indicator/indicator.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/store.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace oversight::cli {
namespace {

const char* const kHint = "run import-plan first";

struct IndicatorArgs {
    std::int64_t plan = 0;
    std::string key, name, unit, direction = "higher_is_better", measure, json, month, action, by, note,
        format = "text";
    double target = 0, amber = 0, value = 0;
    int months = 12;
};

std::int64_t plan_of(const Store& store, std::int64_t plan) {
    if (plan == 0) return latest_plan_id(store);
    if (!try_load_plan(store, plan))
        throw Error(Status::not_found, "--plan: plan " + std::to_string(plan) + " not found in " + store.path());
    return plan;
}

void set_by(Store& store, const std::string& by) {
    if (by.empty()) record_as_user(store);
    else store.set_actor(by);
}

}  // namespace

void add_indicator_commands(CLI::App& app, Context& ctx) {
    auto* ind = app.add_subcommand("indicator", "A plan's indicators: targets, monthly values, success measures");
    ind->require_subcommand(1);
    auto o = std::make_shared<IndicatorArgs>();
    const auto common = [o](CLI::App* c) {
        c->add_option("--plan", o->plan, "Plan id (default: the latest plan in --db)");
    };

    auto* add = ind->add_subcommand("add", "Add an indicator to the plan, or change the one with the same KEY");
    add->add_option("KEY", o->key, "Its key, e.g. visits_in_timescale");
    add->add_option("--name", o->name, "What it measures, e.g. \"% of statutory visits in timescale\"");
    add->add_option("--unit", o->unit, "%, count, days, ...");
    add->add_option("--direction", o->direction, "higher_is_better (default) or lower_is_better");
    add->add_option("--target", o->target, "The target");
    add->add_option("--amber", o->amber, "The red threshold: on the bad side of it the indicator is red");
    add->add_option("--measure", o->measure,
                    "Compute it from the store: visits_in_timescale, reviews_in_timescale, peps_in_timescale, "
                    "core_groups_in_timescale, supervision_in_timescale or audits_good_or_better");
    add->add_option("--json", o->json, "The indicator as a JSON object (a file, - for standard input) instead");
    add->add_option("--by", o->by, "Who records it (default $USER)");
    common(add);
    add->callback([&ctx, o] {
        Indicator i;
        if (!o->json.empty()) {
            i = parse_indicator(read_input(o->json, "--json"));
        } else {
            if (o->key.empty()) throw Error(Status::invalid_arg, "KEY: give the indicator's key (or --json)");
            i.key = o->key;
            i.name = o->name;
            i.unit = o->unit;
            i.direction = parse_indicator_direction(o->direction);
            i.target = o->target;
            i.amber = o->amber;
            i.measure = o->measure;
            i.source = o->measure.empty() ? IndicatorSource::entered : IndicatorSource::computed;
        }
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        const std::int64_t plan = plan_of(store, o->plan);
        const std::int64_t id = save_indicator(store, plan, i);
        std::cout << "indicator " << i.key << " saved (id " << id << ") in plan " << plan << "\n";
    });

    auto* value = ind->add_subcommand("value", "Record the value of a month for indicator KEY");
    value->add_option("KEY", o->key, "The indicator's key")->required();
    value->add_option("MONTH", o->month, "Any day of the month (YYYY-MM-DD)")->required();
    value->add_option("VALUE", o->value, "The value")->required();
    value->add_option("--note", o->note, "A note");
    value->add_option("--by", o->by, "Who records it (default $USER)");
    common(value);
    value->callback([&ctx, o] {
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        IndicatorValue v;
        v.month = date_arg(o->month, "MONTH");
        v.value = o->value;
        v.entered_by = store.actor();
        v.note = o->note;
        record_indicator_value(store, plan_of(store, o->plan), o->key, v);
        std::cout << "indicator " << o->key << ": " << v.month.iso().substr(0, 7) << " recorded\n";
    });

    auto* link = ind->add_subcommand("link", "Name indicator KEY as a success measure of action ACTION");
    link->add_option("ACTION", o->action, "The action's reference, e.g. 2.5")->required();
    link->add_option("KEY", o->key, "The indicator's key")->required();
    link->add_option("--by", o->by, "Who records it (default $USER)");
    common(link);
    link->callback([&ctx, o] {
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        link_indicator(store, plan_of(store, o->plan), o->action, o->key);
        std::cout << "action " << o->action << " is measured by indicator " << o->key << "\n";
    });

    auto* list = ind->add_subcommand("list", "The plan's indicators on --as-of (default today)");
    list->add_option("--format", o->format, "text or json");
    common(list);
    list->callback([&ctx, o] {
        check_format(o->format, {"text", "json"});
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const Plan plan = load_plan(store, plan_of(store, o->plan));
        const Date as_of = ctx.as_of_date();
        std::cout << (o->format == "json" ? indicators_to_json(plan, as_of) : indicators_to_text(plan, as_of));
    });

    auto* refresh = ind->add_subcommand("refresh", "Compute the computed indicators' monthly values up to --as-of");
    refresh->add_option("--months", o->months, "How many months, ending with --as-of's (1..60, default 12)");
    refresh->add_option("--format", o->format, "text or json");
    refresh->add_option("--by", o->by, "Who records it (default $USER)");
    common(refresh);
    refresh->callback([&ctx, o] {
        check_format(o->format, {"text", "json"});
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        IndicatorRefreshOptions r;
        r.as_of = ctx.as_of_date();
        r.months = o->months;
        const std::int64_t plan = plan_of(store, o->plan);
        const int written = refresh_indicators(store, plan, r);
        if (o->format == "json")
            std::cout << indicators_to_json(load_plan(store, plan), r.as_of);
        else
            std::cout << written << (written == 1 ? " value" : " values") << " written\n";
    });
}

}  // namespace oversight::cli
