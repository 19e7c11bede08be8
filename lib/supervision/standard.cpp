// Supervision standards as data (supervision/standard.hpp): the strict TOML
// reader, layering and the phase in force on a day.
#include <oversight/supervision/standard.hpp>

#include <oversight/core/error.hpp>
#include <oversight/core/file.hpp>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <set>

namespace oversight::detail {
// generated/kEnglandSupervision.cpp (lib/supervision/CMakeLists.txt, from data/supervision/england.toml)
extern const EmbeddedFile kEnglandSupervision[];
}  // namespace oversight::detail

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

const std::set<std::string_view> kTopKeys = {"name",      "version", "description", "non_working_due",
                                             "due_soon_days", "disable", "frequency", "criterion"};
const std::set<std::string_view> kFrequencyKeys = {"roles", "every", "phases", "supervisor_roles",
                                                   "source", "status", "note"};
const std::set<std::string_view> kPhaseKeys = {"until", "every"};
const std::set<std::string_view> kCriterionKeys = {"id", "title", "source", "note"};
const std::set<std::string_view> kStatuses = {"confirmed", "secondary", "unconfirmed", "local"};

constexpr std::pair<std::string_view, NonWorkingDue> kNonWorking[] = {
    {"next_working_day", NonWorkingDue::next_working_day},
    {"previous_working_day", NonWorkingDue::previous_working_day},
    {"as_counted", NonWorkingDue::as_counted}};

/// "<layer>:<line>: <what>: field 'f': problem", Error(parse).
struct Where {
    std::string layer;
    std::string what;
    [[noreturn]] void fail(const toml::node* node, std::string_view field, const std::string& problem) const {
        std::string msg = layer;
        if (node && node->source().begin.line > 0) msg += ":" + std::to_string(node->source().begin.line);
        msg += ": ";
        if (!what.empty()) msg += what + ": ";
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
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "a date or time";
    }
}

void check_keys(const toml::table& t, const std::set<std::string_view>& keys, const Where& w, const char* kind) {
    for (auto&& [key, node] : t)
        if (!keys.count(key.str()))
            w.fail(&node, detail::sanitize_utf8(key.str()), std::string("unknown ") + kind + " field (a typo?)");
}

std::optional<std::string> opt_string(const toml::table& t, std::string_view key, const Where& w,
                                      bool non_empty = true) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) w.fail(n, key, "expected a string, found " + type_name(*n));
    std::string s = n->as_string()->get();
    if (non_empty && detail::trim(s).empty()) w.fail(n, key, "must not be empty");
    if (detail::control_offset(s) != std::string::npos) w.fail(n, key, "contains a control character");
    if (s.size() > 4096) w.fail(n, key, "is longer than 4096 bytes");
    return s;
}

std::vector<std::string> string_array(const toml::table& t, std::string_view key, const Where& w) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) w.fail(n, key, "expected an array of strings, found " + type_name(*n));
    for (const toml::node& e : *a) {
        if (!e.is_string()) w.fail(&e, key, "expected strings, found " + type_name(e));
        const std::string& s = e.as_string()->get();
        if (detail::trim(s).empty()) w.fail(&e, key, "contains an empty string");
        if (detail::control_offset(s) != std::string::npos) w.fail(&e, key, "contains a control character");
        out.push_back(s);
    }
    return out;
}

std::vector<Role> role_array(const toml::table& t, std::string_view key, const Where& w) {
    std::vector<Role> out;
    for (const std::string& s : string_array(t, key, w)) {
        Role r;
        try {
            r = parse_role(s);
        } catch (const Error& e) {
            w.fail(t.get(key), key, e.what());
        }
        if (std::find(out.begin(), out.end(), r) != out.end())
            w.fail(t.get(key), key, "role '" + std::string(to_string(r)) + "' is named twice");
        out.push_back(r);
    }
    return out;
}

/// A duration in calendar days, weeks or months (the units a supervision
/// policy is written in), longer than zero.
Duration duration_of(const toml::table& t, std::string_view key, const Where& w) {
    const toml::node* n = t.get(key);
    if (!n) w.fail(&t, key, "missing (required)");
    if (!n->is_string()) w.fail(n, key, "expected a duration such as \"4 weeks\", found " + type_name(*n));
    Duration d;
    try {
        d = parse_duration(n->as_string()->get());
    } catch (const Error& e) {
        w.fail(n, key, e.what());
    }
    if (d.unit != Unit::calendar_days && d.unit != Unit::weeks && d.unit != Unit::months)
        w.fail(n, key, "must be in calendar days, weeks or months, not " + describe(d));
    if (d.count <= 0) w.fail(n, key, "must be longer than zero");
    const int days = d.unit == Unit::months ? d.count * 31 : d.unit == Unit::weeks ? d.count * 7 : d.count;
    if (d.count > 3660 || days > 3660) w.fail(n, key, "is longer than ten years");
    return d;
}

/// Rough length in days, for ordering phases (months as 30.44 days).
double approx_days(Duration d) {
    switch (d.unit) {
        case Unit::weeks: return 7.0 * d.count;
        case Unit::months: return 30.44 * d.count;
        default: return d.count;
    }
}

SupervisionFrequency parse_frequency(const toml::table& t, std::size_t index, const std::string& layer) {
    Where w{layer, "frequency #" + std::to_string(index + 1)};
    check_keys(t, kFrequencyKeys, w, "frequency");
    SupervisionFrequency f;
    f.layer = layer;
    if (!t.get("roles")) w.fail(&t, "roles", "missing (required)");
    f.roles = role_array(t, "roles", w);
    if (f.roles.empty()) w.fail(t.get("roles"), "roles", "must name at least one role");
    w.what = "frequency for " + std::string(to_string(f.roles.front()));
    f.supervisor_roles = role_array(t, "supervisor_roles", w);
    const bool has_every = t.get("every") != nullptr, has_phases = t.get("phases") != nullptr;
    if (has_every == has_phases) w.fail(&t, "every", "give either 'every' or 'phases', not both or neither");
    if (has_every) {
        f.phases.push_back(SupervisionPhase{{0, Unit::calendar_days}, std::nullopt, duration_of(t, "every", w)});
    } else {
        const toml::node* n = t.get("phases");
        const toml::array* a = n->as_array();
        if (!a || !a->is_array_of_tables() || a->empty())
            w.fail(n, "phases", "expected an array of tables { until = ..., every = ... }");
        Duration from{0, Unit::calendar_days};
        for (std::size_t i = 0; i < a->size(); ++i) {
            const toml::table& p = *a->get(i)->as_table();
            Where pw{layer, w.what + ": phase #" + std::to_string(i + 1)};
            check_keys(p, kPhaseKeys, pw, "phase");
            SupervisionPhase ph;
            ph.from = from;
            ph.every = duration_of(p, "every", pw);
            const bool last = i + 1 == a->size();
            if (p.get("until")) {
                if (last) pw.fail(p.get("until"), "until", "the last phase is open-ended: no 'until'");
                ph.until = duration_of(p, "until", pw);
                if (approx_days(*ph.until) <= approx_days(from))
                    pw.fail(p.get("until"), "until", describe(*ph.until) + " is not after the phase's start (" +
                                                         describe(from) + ")");
                from = *ph.until;
            } else if (!last) {
                pw.fail(&p, "until", "missing: only the last phase is open-ended");
            }
            f.phases.push_back(ph);
        }
    }
    f.source = opt_string(t, "source", w).value_or("");
    if (f.source.empty()) w.fail(&t, "source", "missing (required: every value has its source)");
    f.status = opt_string(t, "status", w).value_or("local");
    if (!kStatuses.count(f.status))
        w.fail(t.get("status"), "status", detail::in_quotes(f.status) + " is not confirmed, secondary, unconfirmed or local");
    f.note = opt_string(t, "note", w, false).value_or("");
    return f;
}

SupervisionCriterion parse_criterion(const toml::table& t, std::size_t index, const std::string& layer) {
    Where w{layer, "criterion #" + std::to_string(index + 1)};
    check_keys(t, kCriterionKeys, w, "criterion");
    SupervisionCriterion c;
    c.layer = layer;
    auto id = opt_string(t, "id", w);
    if (!id) w.fail(&t, "id", "missing (required)");
    try {
        c.id = detail::checked_name(*id, "criterion id", 64);
    } catch (const Error& e) {
        w.fail(t.get("id"), "id", e.what());
    }
    w.what = "criterion '" + c.id + "'";
    c.title = opt_string(t, "title", w).value_or("");
    if (c.title.empty()) w.fail(&t, "title", "missing (required)");
    c.source = opt_string(t, "source", w).value_or("");
    if (c.source.empty()) w.fail(&t, "source", "missing (required: every value has its source)");
    c.note = opt_string(t, "note", w, false).value_or("");
    return c;
}

}  // namespace

bool operator==(const SupervisionPhase& a, const SupervisionPhase& b) {
    return a.from == b.from && a.until == b.until && a.every == b.every;
}

std::string_view to_string(NonWorkingDue rule) noexcept {
    for (const auto& [name, value] : kNonWorking)
        if (value == rule) return name;
    return "next_working_day";
}

SupervisionStandard SupervisionStandard::from_toml(std::string_view text, std::string layer) {
    const std::string label = layer.empty() ? std::string("supervision standard") : layer;
    text = detail::checked_input_text(text, label);
    toml::table doc;
    try {
        doc = toml::parse(text, label);
    } catch (const toml::parse_error& e) {
        throw Error(Status::parse, label + ":" + std::to_string(e.source().begin.line) + ":" +
                                       std::to_string(e.source().begin.column) + ": " +
                                       detail::sanitize_utf8(e.description()));
    }
    Where w{label, ""};
    check_keys(doc, kTopKeys, w, "standard");
    SupervisionStandard s;
    s.name_ = opt_string(doc, "name", w).value_or("");
    if (s.name_.empty()) w.fail(nullptr, "name", "missing (required)");
    s.version_ = opt_string(doc, "version", w).value_or("");
    s.description_ = opt_string(doc, "description", w, false).value_or("");
    const std::string data_layer = layer.empty() ? s.name_ : layer;
    if (auto rule = opt_string(doc, "non_working_due", w)) {
        bool found = false;
        for (const auto& [name, value] : kNonWorking)
            if (name == *rule) s.non_working_due_ = value, found = true;
        if (!found)
            w.fail(doc.get("non_working_due"), "non_working_due",
                   detail::in_quotes(*rule) + " is not next_working_day, previous_working_day or as_counted");
        s.sets_non_working_due_ = true;
    }
    if (const toml::node* n = doc.get("due_soon_days")) {
        if (!n->is_integer()) w.fail(n, "due_soon_days", "expected an integer, found " + type_name(*n));
        const std::int64_t v = n->as_integer()->get();
        if (v < 0 || v > 366) w.fail(n, "due_soon_days", "must be between 0 and 366");
        s.due_soon_days_ = static_cast<int>(v);
        s.sets_due_soon_ = true;
    }
    s.disable_ = string_array(doc, "disable", w);
    if (const toml::node* n = doc.get("frequency")) {
        const toml::array* a = n->as_array();
        if (!a || !a->is_array_of_tables()) w.fail(n, "frequency", "expected [[frequency]] tables, found " + type_name(*n));
        for (std::size_t i = 0; i < a->size(); ++i) {
            SupervisionFrequency f = parse_frequency(*a->get(i)->as_table(), i, data_layer);
            for (Role r : f.roles)
                for (const SupervisionFrequency& g : s.frequencies_)
                    if (std::find(g.roles.begin(), g.roles.end(), r) != g.roles.end())
                        Where{label, "frequency #" + std::to_string(i + 1)}.fail(
                            a->get(i), "roles", "role '" + std::string(to_string(r)) + "' already has a frequency");
            s.frequencies_.push_back(std::move(f));
        }
    }
    if (const toml::node* n = doc.get("criterion")) {
        const toml::array* a = n->as_array();
        if (!a || !a->is_array_of_tables()) w.fail(n, "criterion", "expected [[criterion]] tables, found " + type_name(*n));
        for (std::size_t i = 0; i < a->size(); ++i) {
            SupervisionCriterion c = parse_criterion(*a->get(i)->as_table(), i, data_layer);
            if (s.criterion(c.id))
                w.fail(a->get(i), "id", "criterion '" + c.id + "' is defined twice");
            s.criteria_.push_back(std::move(c));
        }
    }
    if (s.criteria_.size() > 64) w.fail(doc.get("criterion"), "criterion", "more than 64 criteria");
    return s;
}

SupervisionStandard SupervisionStandard::from_file(const std::string& path) {
    return from_toml(read_file(path, "supervision standard"), path);
}

const SupervisionStandard& SupervisionStandard::england_default() {
    static const SupervisionStandard standard =
        from_toml(detail::kEnglandSupervision[0].text(), "england");
    return standard;
}

SupervisionStandard SupervisionStandard::layered(const SupervisionStandard& local) const {
    SupervisionStandard out = *this;
    out.name_ = name_ + "+" + local.name_;
    if (!local.version_.empty()) out.version_ = local.version_;
    if (local.sets_non_working_due_) out.non_working_due_ = local.non_working_due_;
    if (local.sets_due_soon_) out.due_soon_days_ = local.due_soon_days_;
    for (const SupervisionFrequency& f : local.frequencies_) {
        // A role the local layer names leaves the frequency below it.
        for (SupervisionFrequency& g : out.frequencies_)
            g.roles.erase(std::remove_if(g.roles.begin(), g.roles.end(),
                                         [&](Role r) {
                                             return std::find(f.roles.begin(), f.roles.end(), r) != f.roles.end();
                                         }),
                          g.roles.end());
        out.frequencies_.erase(std::remove_if(out.frequencies_.begin(), out.frequencies_.end(),
                                              [](const SupervisionFrequency& g) { return g.roles.empty(); }),
                               out.frequencies_.end());
        out.frequencies_.push_back(f);
    }
    for (const SupervisionCriterion& c : local.criteria_) {
        auto it = std::find_if(out.criteria_.begin(), out.criteria_.end(),
                               [&](const SupervisionCriterion& x) { return x.id == c.id; });
        if (it != out.criteria_.end()) *it = c;
        else out.criteria_.push_back(c);
    }
    for (const std::string& id : local.disable_) {
        auto it = std::find_if(out.criteria_.begin(), out.criteria_.end(),
                               [&](const SupervisionCriterion& x) { return x.id == id; });
        if (it == out.criteria_.end())
            throw Error(Status::parse, local.name_ + ": field 'disable': no criterion '" + detail::sanitize_utf8(id) +
                                           "' to disable");
        out.criteria_.erase(it);
    }
    out.disable_.clear();
    return out;
}

const SupervisionFrequency* SupervisionStandard::frequency_for(Role role) const noexcept {
    for (const SupervisionFrequency& f : frequencies_)
        if (std::find(f.roles.begin(), f.roles.end(), role) != f.roles.end()) return &f;
    return nullptr;
}

const SupervisionPhase* SupervisionStandard::phase_on(Role role, Date tenure_start, Date day) const {
    const SupervisionFrequency* f = frequency_for(role);
    if (!f || day < tenure_start) return nullptr;
    const Calendar& cal = Calendar::for_division(Division::england_and_wales);
    for (const SupervisionPhase& p : f->phases)
        if (!p.until || day < add_duration(tenure_start, *p.until, cal)) return &p;
    return nullptr;
}

const SupervisionCriterion* SupervisionStandard::criterion(std::string_view id) const noexcept {
    for (const SupervisionCriterion& c : criteria_)
        if (c.id == id) return &c;
    return nullptr;
}

Date SupervisionStandard::due_on(Date day, const Calendar& calendar) const {
    switch (non_working_due_) {
        case NonWorkingDue::as_counted: return day;
        case NonWorkingDue::next_working_day: return calendar.next_working_day_on_or_after(day);
        case NonWorkingDue::previous_working_day: {
            Date d = day;
            for (int i = 0; i < 366 && !calendar.is_working_day(d); ++i) d = d.add_days(-1);
            return d;
        }
    }
    return day;
}

std::string standard_to_json(const SupervisionStandard& s) {
    ojson doc = {{"format", "oversight-supervision-standard"},
                 {"version", 1},
                 {"name", s.name()},
                 {"standard_version", s.version()},
                 {"non_working_due", std::string(to_string(s.non_working_due()))},
                 {"due_soon_days", s.due_soon_days()},
                 {"frequencies", ojson::array()},
                 {"criteria", ojson::array()}};
    auto roles = [](const std::vector<Role>& rs) {
        ojson a = ojson::array();
        for (Role r : rs) a.push_back(std::string(to_string(r)));
        return a;
    };
    for (const SupervisionFrequency& f : s.frequencies()) {
        ojson phases = ojson::array();
        for (const SupervisionPhase& p : f.phases)
            phases.push_back({{"from", describe(p.from)},
                              {"until", p.until ? ojson(describe(*p.until)) : ojson()},
                              {"every", describe(p.every)}});
        doc["frequencies"].push_back({{"roles", roles(f.roles)},
                                      {"phases", phases},
                                      {"supervisor_roles", roles(f.supervisor_roles)},
                                      {"source", f.source},
                                      {"status", f.status},
                                      {"note", f.note},
                                      {"layer", f.layer}});
    }
    for (const SupervisionCriterion& c : s.criteria())
        doc["criteria"].push_back(
            {{"id", c.id}, {"title", c.title}, {"source", c.source}, {"note", c.note}, {"layer", c.layer}});
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
