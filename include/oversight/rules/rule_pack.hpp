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
//   kind = "interval"                # "within" (from the trigger) | "interval" (from the last actual event)
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
// era, chosen by the trigger date: assessments before and after April 2013,
// long-term foster visits from April 2015), `from_occurrence`/
// `until_occurrence` (which gaps of a chain the rule governs: second review,
// later reviews), `active_from`/`active_until` ("12 months" after the
// trigger), `active_from_event`/`active_until_event`, `enabled`, `note`.
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
///  "active_until_event","enabled","source","status","layer","note"}]}
/// (schema: data/schemas/oversight-rules.schema.json).
std::string rules_to_json(const RulePack& pack);
}  // namespace oversight
