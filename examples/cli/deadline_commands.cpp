// `oversight rules` and `oversight due RULE`: the statutory rule packs and
// the due dates they give.
//
//   oversight rules [--pack local.toml] [--area visits]
//   oversight due lac.review.first --from 2012-08-24 [--explain] [--pack local.toml]
//
// --pack names a council's local TOML pack, layered over the default England
// pack (a local rule with the same id replaces the default one; the LAYER
// column says which pack each effective rule came from). Dates are counted on
// the England and Wales working-day calendar, trigger day = day 0.
#include "cli.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/error.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace oversight::cli {
namespace {

RulePack load_pack(const std::string& local) {
    RulePack pack = RulePack::england_default();
    if (!local.empty()) pack = pack.layered(RulePack::from_file(local));
    return pack;
}

// "every 6 weeks" (interval), "at most 8 days" (max_duration), "10 working days".
std::string duration_column(const Rule& r) {
    const std::string prefix =
        r.kind == RuleKind::interval ? "every " : r.kind == RuleKind::max_duration ? "at most " : "";
    return prefix + describe(r.duration);
}

std::string pad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s + "  " : s + std::string(width - s.size() + 2, ' ');
}

int list_rules(const std::string& local, const std::string& area) {
    const RulePack pack = load_pack(local);
    std::vector<const Rule*> shown;
    for (const Rule& r : pack.rules())
        if (area.empty() || r.area == area) shown.push_back(&r);
    if (shown.empty()) throw Error(Status::not_found, "no rules in area '" + area + "'");
    std::size_t w_id = 2, w_duration = 8, w_status = 6, w_layer = 5;
    for (const Rule* r : shown) {
        w_id = std::max(w_id, r->id.size());
        w_duration = std::max(w_duration, duration_column(*r).size());
        w_status = std::max(w_status, to_string(r->status).size());
        w_layer = std::max(w_layer, r->layer.size());
    }
    std::cout << pad("ID", w_id) << pad("DURATION", w_duration) << pad("STATUS", w_status) << pad("LAYER", w_layer)
              << "TITLE [SOURCE]\n";
    for (const Rule* r : shown) {
        std::cout << pad(r->id, w_id) << pad(duration_column(*r), w_duration)
                  << pad(std::string(to_string(r->status)), w_status) << pad(r->layer, w_layer) << r->title
                  << (r->enabled ? "" : " (disabled)")
                  << (r->commencement == Commencement::pending ? " (commencement pending)" : "") << " [" << r->source
                  << "]\n";
    }
    return 0;
}

}  // namespace

void add_deadline_commands(CLI::App& app, Context&) {
    struct Options {
        std::string pack, area;
    };
    auto o = std::make_shared<Options>();
    auto* rules = app.add_subcommand("rules", "List the statutory rules (and a local pack layered over them)");
    rules->add_option("--pack", o->pack, "Local rule pack (TOML) layered over the default England pack");
    rules->add_option("--area", o->area, "Only this area (visits, reviews, pep, child_protection, ...)");
    rules->callback([o] { list_rules(o->pack, o->area); });
}

int run_rule_due(const Context&, const std::string& rule, const std::string& from, bool explain,
                 const std::string& pack) {
    const auto date = Date::try_parse_iso(from);
    if (!date) throw Error(Status::invalid_arg, "--from: not a date (YYYY-MM-DD): \"" + from + "\"");
    const RulePack rules = load_pack(pack);
    const Obligation o =
        due_for_rule(rules.get(rule), *date, Calendar::for_division(Division::england_and_wales));
    std::cout << o.due.iso() << "\n";
    if (explain) std::cout << o.explanation << "\n";
    return 0;
}

}  // namespace oversight::cli
