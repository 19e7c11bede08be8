// Rule packs: rules as data (TOML) in layers, the default England pack
// shipped with the library and a council's local policy on top.
//
// The default pack, data/rules/england.toml (compiled in, and installed to
// share/oversight/rules/), covers statutory visits (every regulation 28
// regime), looked-after reviews, care and placement plans, PEPs, assessments
// by era, child protection, care leavers, complaints and supervision, each
// rule with its legal source and how sure that source is (SourceStatus:
// confirmed, secondary, unconfirmed, local; from the research notes in
// shared/domain/). A council layers its local policy over it without editing
// the default pack (data/rules/example-local.toml); the effective rule says
// which layer it came from.
//
// The TOML format. A pack has `name` (required: the layer's name in
// explanations), `version`, `description`, `enable` and `disable` (lists of
// rule ids of the packs below to switch on or off) and [[rule]] tables:
//
//   name = "northbridge"
//
//   [[rule]]
//   id = "cp.visit"                  # an id of a lower pack replaces that rule; a new id adds one
//   title = "Child protection visits"
//   area = "child_protection"        # default "general"
//   kind = "interval"                # "within" | "interval" | "precondition" | "max_duration" (below)
//   trigger = "icpc"                 # the event type that starts the clock
//   satisfied_by = ["visit"]         # the event types that meet it
//   duration = "10 working days"     # or count = 10 and unit = "working_days"
//   ends_on = ["cp_plan_ended"]
//   source = "Northbridge CP procedures 4.2"
//   status = "local"
//
// id, title, trigger, satisfied_by, a duration (or count and unit), source,
// kind and status are required. The other keys of Rule (rule.hpp): `when`
// (case attributes that must match, { legal_status = ["C2"] }), `ends_on`
// (events that end a chain), `effective_from`/`effective_until` (the legal
// era, chosen by the trigger date: assessments for referrals before and
// after 15 April 2013), `from_occurrence`/
// `until_occurrence` (which gaps of a chain the rule governs: second review,
// later reviews), `active_from`/`active_until` ("12 months" after the
// trigger; a gap that begins inside the window is measured by the rule to
// its end), `active_from_event`/`active_until_event`, `enabled`, `note`.
//
// Kinds: "within" (the satisfying event is due `duration` after the
// trigger), "interval" (then at intervals of not more than `duration`, each
// counted from the previous actual event), "max_duration" (what the trigger
// started must end, by a satisfying event, within `duration`: an emergency
// protection order, a short-break stay; due on the last allowed day, met when
// the ending event comes by then) and "precondition" (the satisfying event X
// must happen before any of the `before` events Y: due `duration` after the
// trigger, which may be "0 days", or on Y's day if Y comes first; met by an
// X on or before Y's day; a Y without a prior X is a breach, ended_on Y).
// `unless` (case attributes that must not match, { visit_regime =
// "short_breaks" }) is the converse of `when`. `anchor` = "last" (default:
// each trigger restarts the chain) or "first" (a trigger while the chain
// still has an unmet obligation does not restart it; a within rule's chain
// is free again once met, an interval chain runs to its ends_on event).
//
// Status in law: `jurisdiction` ("england" by default, "wales", "scotland",
// "northern_ireland"; a pack-level `jurisdiction` key sets its rules'
// default; a pack, or a layer over another pack, that mixes jurisdictions is
// refused naming the rule); `in_force_from` / `in_force_to` (the law's
// commencement and repeal: the rule governs the gaps that BEGIN on or after
// in_force_from and before in_force_to, whatever the trigger's date, unlike
// the era keys effective_from / effective_until, which choose by the
// trigger's date as a transitional provision does); `commencement` =
// "in_force" (default) or "pending" (enacted, not yet in force: listed in
// rules_to_json and `oversight rules`, never scheduled, refused by
// due_for_rule).
//
// Unknown keys are errors: a typo in a council's policy file must not pass
// silently. Event types are those of casework/event.hpp or any the pack uses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <oversight/rules/rule.hpp>

namespace oversight {

class RulePack {
public:
    /// The default England pack shipped with the library.
    static RulePack england_default();
    /// A pack from TOML text; `layer` names it in explanations. Throws
    /// Error(parse) naming the rule and field.
    static RulePack from_toml(std::string_view toml, std::string layer);
    static RulePack from_file(const std::string& path);
    /// This pack with `local` on top: a local rule with the same id replaces
    /// the default one (its layer says so); new ids are added.
    RulePack layered(const RulePack& local) const;

    const std::string& name() const noexcept;
    const std::string& version() const noexcept;
    const std::string& description() const noexcept;
    /// Every rule, enabled or not, in pack order (a layered pack: the base
    /// pack's order, then the local additions).
    const std::vector<Rule>& rules() const noexcept;
    const Rule* find(std::string_view id) const noexcept;
    const Rule& get(std::string_view id) const;  // Error(not_found)

private:
    std::string name_;
    std::string version_;
    std::string description_;
    std::vector<Rule> rules_;
    // `enable` / `disable` ids of this pack not found among its own rules:
    // applied (and checked) when the pack is layered over another.
    std::vector<std::string> pending_enable_;
    std::vector<std::string> pending_disable_;
};

/// Every rule of the pack, in pack order, as the JSON document
/// {"format":"oversight-rules","version":1,"pack","rules":[{"id","title",
///  "area","kind","trigger","satisfied_by","duration":{"count","unit","text"},
///  "when","ends_on","effective_from","effective_until","from_occurrence",
///  "until_occurrence","active_from","active_until","active_from_event",
///  "active_until_event","enabled","unless","anchor","before","jurisdiction",
///  "in_force_from","in_force_to","commencement","source","status","layer",
///  "note"}]}
/// (schema: data/schemas/oversight-rules.schema.json).
std::string rules_to_json(const RulePack& pack);
}  // namespace oversight
