// Rule packs: statutory and local timescales as TOML data (toml++).
//
// The format is documented in include/oversight/rules/rule_pack.hpp and in
// data/rules/england.toml. Reading is strict: an unknown key, a wrong type or
// an unreadable duration is an Error(parse) naming the pack, the line, the
// rule id and the field, so a typo in a council's policy file never passes
// silently.
#include <oversight/calendar/duration.hpp>
#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <cstddef>
#include <set>

namespace oversight::detail {
// generated/kEnglandRulePack.cpp (lib/rules/CMakeLists.txt, from data/rules/england.toml)
extern const EmbeddedFile kEnglandRulePack[];
}  // namespace oversight::detail

namespace oversight {

std::string_view to_string(RuleKind k) noexcept {
    switch (k) {
        case RuleKind::within: return "within";
        case RuleKind::interval: return "interval";
        case RuleKind::precondition: return "precondition";
        case RuleKind::max_duration: return "max_duration";
    }
    return "within";
}

std::string_view to_string(Anchor a) noexcept { return a == Anchor::first ? "first" : "last"; }

std::string_view to_string(Commencement c) noexcept { return c == Commencement::pending ? "pending" : "in_force"; }

std::string_view to_string(SourceStatus s) noexcept {
    switch (s) {
        case SourceStatus::confirmed: return "confirmed";
        case SourceStatus::secondary: return "secondary";
        case SourceStatus::unconfirmed: return "unconfirmed";
        case SourceStatus::local: return "local";
    }
    return "unconfirmed";
}

bool Rule::in_force_on(Date trigger_date) const noexcept {
    if (effective_from && trigger_date < *effective_from) return false;
    if (effective_until && !(trigger_date < *effective_until)) return false;
    return true;
}

bool Rule::law_in_force_on(Date day) const noexcept {
    if (commencement == Commencement::pending) return false;
    if (in_force_from && day < *in_force_from) return false;
    if (in_force_to && !(day < *in_force_to)) return false;
    return true;
}

bool operator==(const Rule& a, const Rule& b) {
    return a.id == b.id && a.title == b.title && a.area == b.area && a.kind == b.kind && a.trigger == b.trigger &&
           a.satisfied_by == b.satisfied_by && a.duration == b.duration && a.when == b.when && a.source == b.source &&
           a.status == b.status && a.layer == b.layer && a.note == b.note && a.ends_on == b.ends_on &&
           a.effective_from == b.effective_from && a.effective_until == b.effective_until &&
           a.from_occurrence == b.from_occurrence && a.until_occurrence == b.until_occurrence &&
           a.active_from == b.active_from && a.active_until == b.active_until &&
           a.active_from_event == b.active_from_event && a.active_until_event == b.active_until_event &&
           a.enabled == b.enabled && a.in_force_from == b.in_force_from && a.in_force_to == b.in_force_to &&
           a.commencement == b.commencement && a.jurisdiction == b.jurisdiction && a.unless == b.unless &&
           a.anchor == b.anchor && a.before == b.before;
}

namespace {

const std::set<std::string_view> kPackKeys = {"name",    "version", "description", "enable",
                                              "disable", "rule",    "jurisdiction"};
const std::set<std::string_view> kJurisdictions = {"england", "wales", "scotland", "northern_ireland"};
const std::set<std::string_view> kRuleKeys = {
    "id",          "title",          "area",          "kind",          "trigger",           "satisfied_by",
    "duration",    "count",          "unit",          "when",          "ends_on",           "effective_from",
    "effective_until", "from_occurrence", "until_occurrence", "active_from", "active_until", "active_from_event",
    "active_until_event", "enabled", "source",        "status",        "note",          "in_force_from",
    "in_force_to", "commencement",  "jurisdiction",  "unless",        "anchor",            "before"};

/// Builds error messages "<pack>:<line>: rule 'id': field 'f': problem".
struct Where {
    std::string pack;  // file path or layer name
    std::string rule;  // "rule 'lac.visit.first'" or "rule #3"

    [[noreturn]] void fail(const toml::node* node, std::string_view field, const std::string& problem) const {
        std::string msg = pack;
        if (node && node->source().begin.line > 0) msg += ":" + std::to_string(node->source().begin.line);
        msg += ": ";
        if (!rule.empty()) msg += rule + ": ";
        if (!field.empty()) msg += "field '" + std::string(field) + "': ";
        msg += problem;
        throw Error(Status::parse, msg);
    }
};

std::string type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

std::optional<std::string> opt_string(const toml::table& t, std::string_view key, const Where& w,
                                      bool non_empty = true) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) w.fail(n, key, "expected a string, found " + type_name(*n));
    std::string s = n->as_string()->get();
    if (non_empty && s.empty()) w.fail(n, key, "must not be empty");
    return s;
}

std::string req_string(const toml::table& t, std::string_view key, const Where& w, const toml::node* parent) {
    auto s = opt_string(t, key, w);
    if (!s) w.fail(parent, key, "missing (required)");
    return *s;
}

std::vector<std::string> string_array(const toml::table& t, std::string_view key, const Where& w,
                                      bool allow_single = false) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (allow_single && n->is_string()) {
        out.push_back(n->as_string()->get());
    } else if (const toml::array* a = n->as_array()) {
        for (const toml::node& e : *a) {
            if (!e.is_string()) w.fail(&e, key, "expected strings, found " + type_name(e));
            out.push_back(e.as_string()->get());
        }
    } else {
        w.fail(n, key, std::string("expected an array of strings") + (allow_single ? " or a string" : "") +
                           ", found " + type_name(*n));
    }
    for (const std::string& s : out)
        if (s.empty()) w.fail(n, key, "contains an empty string");
    return out;
}

Duration duration_field(const toml::table& t, std::string_view key, const Where& w, bool allow_zero = false) {
    const toml::node* n = t.get(key);
    if (!n->is_string()) w.fail(n, key, "expected a duration such as \"10 working days\", found " + type_name(*n));
    Duration d;
    try {
        d = parse_duration(n->as_string()->get());
    } catch (const Error& e) {
        w.fail(n, key, e.what());
    }
    if (d.count < 0 || (d.count == 0 && !allow_zero)) w.fail(n, key, "must be longer than zero");
    return d;
}

Date date_field(const toml::table& t, std::string_view key, const Where& w) {
    const toml::node* n = t.get(key);
    try {
        if (const auto* d = n->as_date()) {
            const toml::date v = d->get();
            return Date::from_ymd(v.year, v.month, v.day);
        }
        if (n->is_string()) return Date::parse_iso(n->as_string()->get());
    } catch (const Error& e) {
        w.fail(n, key, e.what());
    }
    w.fail(n, key, "expected a date (2013-04-15), found " + type_name(*n));
}

int occurrence_field(const toml::table& t, std::string_view key, const Where& w) {
    const toml::node* n = t.get(key);
    if (!n->is_integer()) w.fail(n, key, "expected an integer, found " + type_name(*n));
    const std::int64_t v = n->as_integer()->get();
    if (v < 0 || v > 1000) w.fail(n, key, "must be between 0 and 1000");
    return static_cast<int>(v);
}

std::map<std::string, std::vector<std::string>> attribute_table(const toml::table& t, std::string_view name,
                                                                const Where& w) {
    std::map<std::string, std::vector<std::string>> out;
    if (const toml::node* n = t.get(name)) {
        const toml::table* wt = n->as_table();
        if (!wt) w.fail(n, name, "expected a table of case attributes, found " + type_name(*n));
        for (auto&& [key, value] : *wt) {
            const std::string field = std::string(name) + "." + std::string(key.str());
            std::vector<std::string> values;
            if (value.is_string()) {
                values.push_back(value.as_string()->get());
            } else if (const toml::array* a = value.as_array()) {
                for (const toml::node& e : *a) {
                    if (!e.is_string()) w.fail(&e, field, "expected strings, found " + type_name(e));
                    values.push_back(e.as_string()->get());
                }
            } else {
                w.fail(&value, field, "expected a string or an array of strings, found " + type_name(value));
            }
            if (values.empty()) w.fail(&value, field, "needs at least one value");
            for (const std::string& v : values)
                if (v.empty()) w.fail(&value, field, "values must not be empty");
            out[std::string(key.str())] = std::move(values);
        }
    }
    return out;
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > detail::kMaxIdBytes) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

Rule parse_rule(const toml::table& t, std::size_t index, const std::string& pack_label, const std::string& layer,
                const std::string& default_jurisdiction) {
    Where w{pack_label, "rule #" + std::to_string(index + 1)};
    // The id first, so every later message names it.
    if (const toml::node* n = t.get("id")) {
        if (!n->is_string()) w.fail(n, "id", "expected a string, found " + type_name(*n));
        const std::string id = n->as_string()->get();
        if (!valid_id(id)) w.fail(n, "id", detail::in_quotes(id) + " is not a rule id (letters, digits, '.', '_', '-'; at most " +
                                     std::to_string(detail::kMaxIdBytes) + " bytes)");
        w.rule = "rule '" + id + "'";
    } else {
        w.fail(&t, "id", "missing (required)");
    }
    for (auto&& [key, node] : t)
        if (!kRuleKeys.count(key.str())) w.fail(&node, key.str(), "unknown field (a typo?)");

    Rule r;
    r.id = req_string(t, "id", w, &t);
    r.title = req_string(t, "title", w, &t);
    r.area = opt_string(t, "area", w).value_or("general");
    r.layer = layer;
    r.note = opt_string(t, "note", w, false).value_or("");
    r.source = req_string(t, "source", w, &t);

    const std::string kind = req_string(t, "kind", w, &t);
    if (kind == "within") r.kind = RuleKind::within;
    else if (kind == "interval") r.kind = RuleKind::interval;
    else if (kind == "precondition") r.kind = RuleKind::precondition;
    else if (kind == "max_duration") r.kind = RuleKind::max_duration;
    else w.fail(t.get("kind"), "kind", "'" + kind + "' is not one of within, interval, precondition, max_duration");

    const std::string status = req_string(t, "status", w, &t);
    if (status == "confirmed") r.status = SourceStatus::confirmed;
    else if (status == "secondary") r.status = SourceStatus::secondary;
    else if (status == "unconfirmed") r.status = SourceStatus::unconfirmed;
    else if (status == "local") r.status = SourceStatus::local;
    else w.fail(t.get("status"), "status", "'" + status + "' is not one of confirmed, secondary, unconfirmed, local");

    r.trigger = req_string(t, "trigger", w, &t);
    r.satisfied_by = string_array(t, "satisfied_by", w, true);
    if (r.satisfied_by.empty()) w.fail(t.get("satisfied_by") ? t.get("satisfied_by") : &t, "satisfied_by",
                                       "missing (required): the event types that meet the rule");

    // duration = "10 working days", or count = 10 with unit = "working_days".
    const bool has_text = t.contains("duration");
    const bool has_count = t.contains("count");
    const bool has_unit = t.contains("unit");
    if (has_text && (has_count || has_unit))
        w.fail(t.get("duration"), "duration", "give either duration or count and unit, not both");
    if (has_text) {
        // A precondition may be due on its trigger's own day ("0 days": the
        // offer is made in the letter that opens the chain).
        r.duration = duration_field(t, "duration", w, r.kind == RuleKind::precondition);
    } else if (has_count || has_unit) {
        if (!has_count) w.fail(t.get("unit"), "count", "missing: unit needs a count");
        if (!has_unit) w.fail(t.get("count"), "unit", "missing: count needs a unit");
        const toml::node* c = t.get("count");
        if (!c->is_integer()) w.fail(c, "count", "expected an integer, found " + type_name(*c));
        const std::int64_t v = c->as_integer()->get();
        const std::int64_t min = r.kind == RuleKind::precondition ? 0 : 1;
        if (v < min || v > 100000) w.fail(c, "count", "must be between " + std::to_string(min) + " and 100000");
        r.duration.count = static_cast<int>(v);
        const std::string unit = *opt_string(t, "unit", w);
        try {
            r.duration.unit = parse_unit(unit);
        } catch (const Error& e) {
            w.fail(t.get("unit"), "unit", e.what());
        }
    } else {
        w.fail(&t, "duration", "missing (required): e.g. duration = \"10 working days\"");
    }

    r.when = attribute_table(t, "when", w);
    r.unless = attribute_table(t, "unless", w);

    r.ends_on = string_array(t, "ends_on", w);
    if (t.contains("effective_from")) r.effective_from = date_field(t, "effective_from", w);
    if (t.contains("effective_until")) r.effective_until = date_field(t, "effective_until", w);
    if (r.effective_from && r.effective_until && !(*r.effective_from < *r.effective_until))
        w.fail(t.get("effective_until"), "effective_until", "must be after effective_from");

    if (t.contains("from_occurrence")) r.from_occurrence = occurrence_field(t, "from_occurrence", w);
    if (t.contains("until_occurrence")) r.until_occurrence = occurrence_field(t, "until_occurrence", w);
    if (r.kind != RuleKind::interval && (t.contains("from_occurrence") || t.contains("until_occurrence")))
        w.fail(t.get(t.contains("from_occurrence") ? "from_occurrence" : "until_occurrence"),
               t.contains("from_occurrence") ? "from_occurrence" : "until_occurrence",
               "only interval rules have occurrences (a " + std::string(to_string(r.kind)) +
                   " rule counts from its trigger)");
    if (r.until_occurrence && *r.until_occurrence <= r.from_occurrence)
        w.fail(t.get("until_occurrence"), "until_occurrence", "must be greater than from_occurrence");

    if (t.contains("active_from")) r.active_from = duration_field(t, "active_from", w);
    if (t.contains("active_until")) r.active_until = duration_field(t, "active_until", w);
    r.active_from_event = opt_string(t, "active_from_event", w).value_or("");
    r.active_until_event = opt_string(t, "active_until_event", w).value_or("");

    if (const toml::node* n = t.get("enabled")) {
        if (!n->is_boolean()) w.fail(n, "enabled", "expected true or false, found " + type_name(*n));
        r.enabled = n->as_boolean()->get();
    }

    // Status in law.
    if (t.contains("in_force_from")) r.in_force_from = date_field(t, "in_force_from", w);
    if (t.contains("in_force_to")) r.in_force_to = date_field(t, "in_force_to", w);
    if (r.in_force_from && r.in_force_to && !(*r.in_force_from < *r.in_force_to))
        w.fail(t.get("in_force_to"), "in_force_to", "must be after in_force_from");
    if (auto c = opt_string(t, "commencement", w)) {
        if (*c == "pending") r.commencement = Commencement::pending;
        else if (*c == "in_force") r.commencement = Commencement::in_force;
        else w.fail(t.get("commencement"), "commencement", detail::in_quotes(*c) + " is not one of in_force, pending");
    }
    r.jurisdiction = opt_string(t, "jurisdiction", w).value_or(default_jurisdiction);
    if (!kJurisdictions.count(r.jurisdiction))
        w.fail(t.get("jurisdiction"), "jurisdiction",
               detail::in_quotes(r.jurisdiction) + " is not one of england, wales, scotland, northern_ireland");
    if (auto a = opt_string(t, "anchor", w)) {
        if (*a == "first") r.anchor = Anchor::first;
        else if (*a == "last") r.anchor = Anchor::last;
        else w.fail(t.get("anchor"), "anchor", detail::in_quotes(*a) + " is not one of first, last");
    }
    r.before = string_array(t, "before", w, true);
    if (r.kind == RuleKind::precondition && r.before.empty())
        w.fail(t.get("before") ? t.get("before") : &t, "before",
               "missing (required for a precondition): the events that must not come before the satisfying one");
    if (r.kind != RuleKind::precondition && !r.before.empty())
        w.fail(t.get("before"), "before", "only precondition rules have 'before' events");
    return r;
}

void set_enabled(std::vector<Rule>& rules, const std::vector<std::string>& ids, bool enabled,
                 std::vector<std::string>* unresolved) {
    for (const std::string& id : ids) {
        auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; });
        if (it != rules.end()) it->enabled = enabled;
        else if (unresolved) unresolved->push_back(id);
    }
}

}  // namespace

RulePack RulePack::from_toml(std::string_view text, std::string layer) {
    const std::string label = layer.empty() ? std::string("rule pack") : layer;
    text = detail::checked_input_text(text, label);
    toml::table doc;
    try {
        doc = toml::parse(text, label);
    } catch (const toml::parse_error& e) {
        throw Error(Status::parse, label + ":" + std::to_string(e.source().begin.line) + ":" +
                                       std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
    }
    Where w{label, ""};
    for (auto&& [key, node] : doc)
        if (!kPackKeys.count(key.str())) w.fail(&node, key.str(), "unknown pack field (a typo?)");

    RulePack pack;
    pack.name_ = req_string(doc, "name", w, nullptr);
    pack.version_ = opt_string(doc, "version", w).value_or("");
    pack.description_ = opt_string(doc, "description", w, false).value_or("");
    const std::string rule_layer = layer.empty() ? pack.name_ : layer;
    // The pack's jurisdiction is its rules' default; every rule must share it.
    const std::string jurisdiction = opt_string(doc, "jurisdiction", w).value_or("england");
    if (!kJurisdictions.count(jurisdiction))
        w.fail(doc.get("jurisdiction"), "jurisdiction",
               detail::in_quotes(jurisdiction) + " is not one of england, wales, scotland, northern_ireland");

    if (const toml::node* n = doc.get("rule")) {
        const toml::array* rules = n->as_array();
        if (!rules || !rules->is_array_of_tables())
            w.fail(n, "rule", "expected [[rule]] tables, found " + type_name(*n));
        std::map<std::string, std::size_t> seen;  // id -> line
        for (std::size_t i = 0; i < rules->size(); ++i) {
            const toml::table& t = *rules->get(i)->as_table();
            Rule r = parse_rule(t, i, label, rule_layer, jurisdiction);
            const std::size_t line = t.source().begin.line;
            if (r.jurisdiction != jurisdiction)
                w.fail(t.get("jurisdiction"), "jurisdiction",
                       "rule '" + r.id + "' is for " + r.jurisdiction + " but the pack is for " + jurisdiction +
                           ": a pack never mixes jurisdictions (their regimes differ)");
            if (auto it = seen.find(r.id); it != seen.end())
                w.fail(&t, "id", "rule '" + r.id + "' is defined twice (first at line " +
                                     std::to_string(it->second) + ")");
            seen.emplace(r.id, line);
            pack.rules_.push_back(std::move(r));
        }
    }
    const auto enable = string_array(doc, "enable", w);
    const auto disable = string_array(doc, "disable", w);
    for (const std::string& id : enable)
        if (std::find(disable.begin(), disable.end(), id) != disable.end())
            w.fail(doc.get("enable"), "enable", "rule '" + id + "' is both enabled and disabled");
    set_enabled(pack.rules_, enable, true, &pack.pending_enable_);
    set_enabled(pack.rules_, disable, false, &pack.pending_disable_);
    return pack;
}

RulePack RulePack::from_file(const std::string& path) {
    // The path names the file in messages; the layer is the pack's own name.
    RulePack pack = from_toml(read_file(path, "rule pack"), path);
    for (Rule& r : pack.rules_) r.layer = pack.name_;
    return pack;
}

RulePack RulePack::england_default() {
    static const RulePack pack = from_toml(
        detail::kEnglandRulePack[0].text(),
        "england");
    return pack;
}

RulePack RulePack::layered(const RulePack& local) const {
    RulePack out = *this;
    out.name_ = name_ + "+" + local.name_;
    out.pending_enable_.clear();
    out.pending_disable_.clear();
    for (const Rule& r : local.rules_) {
        if (!rules_.empty() && r.jurisdiction != rules_.front().jurisdiction)
            throw Error(Status::parse, local.name_ + ": rule '" + r.id + "' is for " + r.jurisdiction +
                                           " but the pack it is layered over (" + name_ + ") is for " +
                                           rules_.front().jurisdiction +
                                           ": a pack never mixes jurisdictions (their regimes differ)");
        auto it = std::find_if(out.rules_.begin(), out.rules_.end(), [&](const Rule& x) { return x.id == r.id; });
        if (it != out.rules_.end()) *it = r;
        else out.rules_.push_back(r);
    }
    std::vector<std::string> missing;
    set_enabled(out.rules_, local.pending_enable_, true, &missing);
    set_enabled(out.rules_, local.pending_disable_, false, &missing);
    if (!missing.empty())
        throw Error(Status::parse, local.name_ + ": enable/disable: no rule '" + missing.front() +
                                       "' in the pack it is layered over (" + name_ + ")");
    return out;
}

const std::string& RulePack::name() const noexcept { return name_; }
const std::string& RulePack::version() const noexcept { return version_; }
const std::string& RulePack::description() const noexcept { return description_; }
const std::vector<Rule>& RulePack::rules() const noexcept { return rules_; }

const Rule* RulePack::find(std::string_view id) const noexcept {
    for (const Rule& r : rules_)
        if (r.id == id) return &r;
    return nullptr;
}

const Rule& RulePack::get(std::string_view id) const {
    if (const Rule* r = find(id)) return *r;
    throw Error(Status::not_found, "no rule '" + std::string(id) + "' in rule pack '" + name_ + "'");
}

namespace {

using ojson = nlohmann::ordered_json;

ojson optional_date(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(); }
ojson optional_duration(const std::optional<Duration>& d) { return d ? ojson(describe(*d)) : ojson(); }

ojson rule_json(const Rule& r) {
    ojson when = ojson::object();
    for (const auto& [key, values] : r.when) when[key] = values;
    ojson unless = ojson::object();
    for (const auto& [key, values] : r.unless) unless[key] = values;
    return {{"id", r.id},
            {"title", r.title},
            {"area", r.area},
            {"kind", std::string(to_string(r.kind))},
            {"trigger", r.trigger},
            {"satisfied_by", r.satisfied_by},
            {"duration",
             {{"count", r.duration.count}, {"unit", std::string(to_string(r.duration.unit))}, {"text", describe(r.duration)}}},
            {"when", when},
            {"ends_on", r.ends_on},
            {"effective_from", optional_date(r.effective_from)},
            {"effective_until", optional_date(r.effective_until)},
            {"from_occurrence", r.from_occurrence},
            {"until_occurrence", r.until_occurrence ? ojson(*r.until_occurrence) : ojson()},
            {"active_from", optional_duration(r.active_from)},
            {"active_until", optional_duration(r.active_until)},
            {"active_from_event", r.active_from_event},
            {"active_until_event", r.active_until_event},
            {"enabled", r.enabled},
            {"unless", unless},
            {"anchor", std::string(to_string(r.anchor))},
            {"before", r.before},
            {"jurisdiction", r.jurisdiction},
            {"in_force_from", optional_date(r.in_force_from)},
            {"in_force_to", optional_date(r.in_force_to)},
            {"commencement", std::string(to_string(r.commencement))},
            {"source", r.source},
            {"status", std::string(to_string(r.status))},
            {"layer", r.layer},
            {"note", r.note}};
}

}  // namespace

std::string rules_to_json(const RulePack& pack) {
    ojson rules = ojson::array();
    for (const Rule& r : pack.rules()) rules.push_back(rule_json(r));
    ojson doc = {{"format", "oversight-rules"}, {"version", 1}, {"pack", pack.name()}, {"rules", std::move(rules)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
