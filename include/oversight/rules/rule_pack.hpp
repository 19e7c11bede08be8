// Rule packs: rules as data (TOML) in layers, the default England pack
// shipped with the library and a council's local policy on top.
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
