// Oversight's canonical JSON and CSV forms of a Plan. Both are lossless for
// everything in plan.hpp except ids (which belong to a Store). Formats are
// documented in import/plan_file.hpp.
#include <oversight/core/error.hpp>
#include <oversight/import/csv_reader.hpp>
#include <oversight/import/plan_file.hpp>

#include "core/json.hpp"
#include "core/text.hpp"
#include "import/input_text.hpp"
#include "import/plan_counts.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>

namespace oversight {
namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr std::string_view kFormatName = "oversight-plan";

// ------------------------------------------------------------ shared bits
[[noreturn]] void bad_text(const std::string& where) {
    throw Error(Status::invalid_arg, where + ": text is not valid UTF-8");
}

const std::string& utf8(const std::string& s, const std::string& where) {
    if (!detail::is_valid_utf8(s)) bad_text(where);
    return s;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t v = 0;
    if (s.empty()) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

// Enum text → value; the library's parsers throw invalid_arg, a document error is a parse error.
template <class F>
auto parse_enum_or(const std::string& where, const std::string& text, F f) -> decltype(f(text)) {
    try {
        return f(text);
    } catch (const Error& e) {
        throw Error(Status::parse, where + ": " + e.what());
    }
}

// ------------------------------------------------------------------- JSON
ojson cost_json(const Cost& c, const std::string& where) {
    ojson j;
    j["text"] = utf8(c.text, where + "/text");
    j["kind"] = std::string(to_string(c.kind));
    j["amount_pence"] = c.amount_pence ? ojson(*c.amount_pence) : ojson(nullptr);
    j["high_pence"] = c.high_pence ? ojson(*c.high_pence) : ojson(nullptr);
    j["approximate"] = c.approximate;
    j["period"] = std::string(to_string(c.period));
    j["per_unit"] = utf8(c.per_unit, where + "/per_unit");
    j["alternative"] = utf8(c.alternative, where + "/alternative");
    j["note"] = utf8(c.note, where + "/note");
    return j;
}

ojson opt_date(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(nullptr); }

class JsonReader {
public:
    [[noreturn]] static void fail(const std::string& path, const std::string& msg) {
        throw Error(Status::parse, "JSON " + (path.empty() ? std::string("/") : path) + ": " + msg);
    }

    static const json& object(const json& j, const std::string& path, std::initializer_list<const char*> allowed) {
        if (!j.is_object()) fail(path, "expected an object");
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool ok = false;
            for (const char* a : allowed)
                if (it.key() == a) ok = true;
            if (!ok) fail(path + "/" + it.key(), "unknown member \"" + it.key() + "\"");
        }
        return j;
    }
    static const json& member(const json& obj, const std::string& path, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end()) fail(path + "/" + key, "missing");
        return *it;
    }
    static std::string str(const json& obj, const std::string& path, const char* key) {
        const json& v = member(obj, path, key);
        if (!v.is_string()) fail(path + "/" + key, "expected a string");
        return v.get<std::string>();
    }
    static bool boolean(const json& obj, const std::string& path, const char* key) {
        const json& v = member(obj, path, key);
        if (!v.is_boolean()) fail(path + "/" + key, "expected true or false");
        return v.get<bool>();
    }
    static std::int64_t integer(const json& obj, const std::string& path, const char* key) {
        const json& v = member(obj, path, key);
        if (!v.is_number_integer()) fail(path + "/" + key, "expected an integer");
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
            fail(path + "/" + key, "integer out of range");
        return v.get<std::int64_t>();
    }
    static int small_int(const json& obj, const std::string& path, const char* key) {
        std::int64_t v = integer(obj, path, key);
        if (v < -1000000 || v > 1000000) fail(path + "/" + key, "out of range");
        return static_cast<int>(v);
    }
    static std::optional<std::int64_t> opt_integer(const json& obj, const std::string& path, const char* key) {
        if (member(obj, path, key).is_null()) return std::nullopt;
        return integer(obj, path, key);
    }
    static Date date(const json& obj, const std::string& path, const char* key) {
        std::string s = str(obj, path, key);
        auto d = Date::try_parse_iso(s);
        if (!d) fail(path + "/" + key, "not a date (YYYY-MM-DD): \"" + s.substr(0, 40) + "\"");
        return *d;
    }
    static std::optional<Date> opt_date(const json& obj, const std::string& path, const char* key) {
        if (member(obj, path, key).is_null()) return std::nullopt;
        return date(obj, path, key);
    }
    static const json& array(const json& obj, const std::string& path, const char* key) {
        const json& v = member(obj, path, key);
        if (!v.is_array()) fail(path + "/" + key, "expected an array");
        return v;
    }

    static Cost cost(const json& j, const std::string& path) {
        object(j, path, {"text", "kind", "amount_pence", "high_pence", "approximate", "period", "per_unit",
                         "alternative", "note"});
        Cost c;
        c.text = str(j, path, "text");
        c.kind = parse_enum_or(path + "/kind", str(j, path, "kind"), [](const std::string& s) { return parse_cost_kind(s); });
        c.amount_pence = opt_integer(j, path, "amount_pence");
        c.high_pence = opt_integer(j, path, "high_pence");
        c.approximate = boolean(j, path, "approximate");
        c.period = parse_enum_or(path + "/period", str(j, path, "period"),
                                 [](const std::string& s) { return parse_cost_period(s); });
        c.per_unit = str(j, path, "per_unit");
        c.alternative = str(j, path, "alternative");
        c.note = str(j, path, "note");
        return c;
    }

    static Action action(const json& j, const std::string& path) {
        object(j, path, {"ref", "description", "lead", "status", "due", "impact_intended", "impact_evidence", "cost",
                         "updates", "milestones", "tasks", "rag_override", "success_measures"});
        Action a;
        a.ref = str(j, path, "ref");
        a.description = str(j, path, "description");
        a.lead = str(j, path, "lead");
        a.status = parse_enum_or(path + "/status", str(j, path, "status"),
                                 [](const std::string& s) { return parse_action_status(s); });
        a.due = opt_date(j, path, "due");
        a.impact_intended = str(j, path, "impact_intended");
        a.impact_evidence = str(j, path, "impact_evidence");
        a.cost = cost(member(j, path, "cost"), path + "/cost");
        const json& ups = array(j, path, "updates");
        for (std::size_t i = 0; i < ups.size(); ++i) {
            std::string p = path + "/updates/" + std::to_string(i);
            object(ups[i], p, {"date", "author", "text"});
            ProgressUpdate u;
            u.date = date(ups[i], p, "date");
            u.author = str(ups[i], p, "author");
            u.text = str(ups[i], p, "text");
            a.updates.push_back(u);
        }
        const json& ms = array(j, path, "milestones");
        for (std::size_t i = 0; i < ms.size(); ++i) {
            std::string p = path + "/milestones/" + std::to_string(i);
            object(ms[i], p, {"date", "text", "done"});
            Milestone m;
            m.date = date(ms[i], p, "date");
            m.text = str(ms[i], p, "text");
            m.done = boolean(ms[i], p, "done");
            a.milestones.push_back(m);
        }
        const json& ts = array(j, path, "tasks");
        for (std::size_t i = 0; i < ts.size(); ++i) {
            std::string p = path + "/tasks/" + std::to_string(i);
            object(ts[i], p, {"text", "owner", "due", "done"});
            Task t;
            t.text = str(ts[i], p, "text");
            t.owner = str(ts[i], p, "owner");
            t.due = opt_date(ts[i], p, "due");
            t.done = boolean(ts[i], p, "done");
            a.tasks.push_back(t);
        }
        const json& ro = member(j, path, "rag_override");
        if (!ro.is_null()) {
            std::string p = path + "/rag_override";
            object(ro, p, {"rag", "by", "reason", "set_on"});
            RagOverride o;
            o.rag = parse_enum_or(p + "/rag", str(ro, p, "rag"), [](const std::string& s) { return parse_rag(s); });
            o.by = str(ro, p, "by");
            o.reason = str(ro, p, "reason");
            o.set_on = date(ro, p, "set_on");
            a.rag_override = o;
        }
        // Optional (issue 11 point 5): the keys of the plan's indicators that measure it.
        if (auto it = j.find("success_measures"); it != j.end() && !it->is_null()) {
            const json& sm = array(j, path, "success_measures");
            for (std::size_t i = 0; i < sm.size(); ++i) {
                if (!sm[i].is_string()) fail(path + "/success_measures/" + std::to_string(i), "expected a string");
                a.success_measures.push_back(sm[i].get<std::string>());
            }
        }
        return a;
    }

    static double number(const json& obj, const std::string& path, const char* key) {
        const json& v = member(obj, path, key);
        if (!v.is_number()) fail(path + "/" + key, "expected a number");
        return v.get<double>();
    }

    static Indicator indicator(const json& j, const std::string& path) {
        object(j, path, {"key", "name", "unit", "direction", "target", "amber", "source", "measure", "values"});
        Indicator i;
        i.key = str(j, path, "key");
        i.name = str(j, path, "name");
        i.unit = str(j, path, "unit");
        i.direction = parse_enum_or(path + "/direction", str(j, path, "direction"),
                                    [](const std::string& t) { return parse_indicator_direction(t); });
        i.target = number(j, path, "target");
        i.amber = number(j, path, "amber");
        i.source = parse_enum_or(path + "/source", str(j, path, "source"),
                                 [](const std::string& t) { return parse_indicator_source(t); });
        i.measure = str(j, path, "measure");
        const json& vs = array(j, path, "values");
        for (std::size_t k = 0; k < vs.size(); ++k) {
            std::string p = path + "/values/" + std::to_string(k);
            object(vs[k], p, {"month", "value", "source", "entered_by", "note"});
            IndicatorValue v;
            v.month = date(vs[k], p, "month");
            v.value = number(vs[k], p, "value");
            v.source = parse_enum_or(p + "/source", str(vs[k], p, "source"),
                                     [](const std::string& t) { return parse_indicator_source(t); });
            v.entered_by = str(vs[k], p, "entered_by");
            v.note = str(vs[k], p, "note");
            i.values.push_back(std::move(v));
        }
        return i;
    }

    /// The plan's inspection (inspection.hpp); optional, so older documents read.
    static Inspection inspection(const json& j) {
        const std::string p = "/inspection";
        object(j, p, {"kind", "ended", "letter", "priority_actions", "monitored", "draft_submitted",
                      "plan_submitted", "owner"});
        Inspection i;
        i.kind = parse_enum_or(p + "/kind", str(j, p, "kind"),
                               [](const std::string& s) { return parse_inspection_kind(s); });
        i.ended = opt_date(j, p, "ended");
        i.letter = date(j, p, "letter");
        i.priority_actions = boolean(j, p, "priority_actions");
        i.monitored = boolean(j, p, "monitored");
        i.draft_submitted = opt_date(j, p, "draft_submitted");
        i.plan_submitted = opt_date(j, p, "plan_submitted");
        i.owner = str(j, p, "owner");
        return i;
    }

    static Plan plan(const json& root) {
        object(root, "", {"format", "version", "title", "authority", "report_date", "settings", "sections",
                          "recommendations", "indicators",
                          "inspection"});
        if (str(root, "", "format") != kFormatName) fail("/format", "expected \"" + std::string(kFormatName) + "\"");
        if (integer(root, "", "version") != kFormatVersion)
            fail("/version", "unsupported version (this library reads version " + std::to_string(kFormatVersion) + ")");
        Plan p;
        p.title = str(root, "", "title");
        p.authority = str(root, "", "authority");
        p.report_date = opt_date(root, "", "report_date");
        const json& s = member(root, "", "settings");
        object(s, "/settings", {"immediately_days", "due_soon_days", "stale_update_days"});
        p.settings.immediately_days = small_int(s, "/settings", "immediately_days");
        p.settings.due_soon_days = small_int(s, "/settings", "due_soon_days");
        p.settings.stale_update_days = small_int(s, "/settings", "stale_update_days");
        if (auto it = root.find("inspection"); it != root.end() && !it->is_null()) p.inspection = inspection(*it);
        const json& secs = array(root, "", "sections");
        for (std::size_t i = 0; i < secs.size(); ++i) {
            if (!secs[i].is_string()) fail("/sections/" + std::to_string(i), "expected a string");
            p.sections.push_back(secs[i].get<std::string>());
        }
        const json& recs = array(root, "", "recommendations");
        for (std::size_t i = 0; i < recs.size(); ++i) {
            std::string path = "/recommendations/" + std::to_string(i);
            const json& rj = recs[i];
            object(rj, path, {"number", "section", "text", "timescale", "explicit_date", "lead", "cost", "actions"});
            Recommendation r;
            const std::int64_t number = integer(rj, path, "number");
            if (number < 1 || number > Recommendation::max_number)
                fail(path + "/number", "a recommendation number is 1.." + std::to_string(Recommendation::max_number) +
                                           ", not " + std::to_string(number));
            r.number = static_cast<int>(number);
            r.section = str(rj, path, "section");
            r.text = str(rj, path, "text");
            r.timescale = parse_enum_or(path + "/timescale", str(rj, path, "timescale"),
                                        [](const std::string& t) { return parse_timescale(t); });
            r.explicit_date = opt_date(rj, path, "explicit_date");
            r.lead = str(rj, path, "lead");
            r.cost = cost(member(rj, path, "cost"), path + "/cost");
            const json& acts = array(rj, path, "actions");
            for (std::size_t k = 0; k < acts.size(); ++k)
                r.actions.push_back(action(acts[k], path + "/actions/" + std::to_string(k)));
            p.recommendations.push_back(std::move(r));
        }
        // Optional (issue 11 point 5): the plan's indicators with their monthly values.
        if (auto it = root.find("indicators"); it != root.end() && !it->is_null()) {
            const json& inds = array(root, "", "indicators");
            for (std::size_t i = 0; i < inds.size(); ++i)
                p.indicators.push_back(indicator(inds[i], "/indicators/" + std::to_string(i)));
        }
        return p;
    }
};

// -------------------------------------------------------------------- CSV
// The fixed header. Every record uses some columns; the others must be empty.
enum Field {
    F_record, F_number, F_ref, F_section, F_text, F_timescale, F_date, F_lead, F_status, F_due, F_impact_intended,
    F_impact_evidence, F_author, F_owner, F_done, F_cost_text, F_cost_kind, F_cost_amount_pence, F_cost_high_pence,
    F_cost_approximate, F_cost_period, F_cost_per_unit, F_cost_alternative, F_cost_note, F_rag, F_rag_by,
    F_rag_reason, F_rag_set_on, F_title, F_authority, F_report_date, F_immediately_days, F_due_soon_days,
    F_stale_update_days, F_count
};

constexpr std::array<const char*, F_count> kHeader = {
    "record", "number", "ref", "section", "text", "timescale", "date", "lead", "status", "due",
    "impact_intended", "impact_evidence", "author", "owner", "done", "cost_text", "cost_kind",
    "cost_amount_pence", "cost_high_pence", "cost_approximate", "cost_period", "cost_per_unit",
    "cost_alternative", "cost_note", "rag", "rag_by", "rag_reason", "rag_set_on", "title", "authority",
    "report_date", "immediately_days", "due_soon_days", "stale_update_days"};

using Row = std::array<std::string, F_count>;

void put_cost(Row& r, const Cost& c, const std::string& where) {
    r[F_cost_text] = utf8(c.text, where);
    r[F_cost_kind] = std::string(to_string(c.kind));
    r[F_cost_amount_pence] = c.amount_pence ? std::to_string(*c.amount_pence) : "";
    r[F_cost_high_pence] = c.high_pence ? std::to_string(*c.high_pence) : "";
    r[F_cost_approximate] = c.approximate ? "true" : "false";
    r[F_cost_period] = std::string(to_string(c.period));
    r[F_cost_per_unit] = utf8(c.per_unit, where);
    r[F_cost_alternative] = utf8(c.alternative, where);
    r[F_cost_note] = utf8(c.note, where);
}

void write_field(std::string& out, const std::string& f) {
    bool needs = f.find_first_of(",\"\r\n\t") != std::string::npos || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!needs) {
        out += f;
        return;
    }
    out.push_back('"');
    for (char c : f) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void write_row(std::string& out, const Row& r) {
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (i) out.push_back(',');
        write_field(out, r[i]);
    }
    out += "\r\n";
}

// One record of a canonical CSV, read field by field. Errors name the place
// as "file:line:column (name)".
class PlanRecord {
public:
    PlanRecord(const CsvRecord& r, const std::string& file) : rec_(r), file_(file) {}
    [[noreturn]] void fail(Field f, const std::string& msg) const {
        throw Error(Status::parse, detail::place(file_, rec_.line, f + 1, kHeader[f]) + ": " + msg);
    }
    const std::string& get(Field f) const { return rec_.fields[f]; }
    std::string str(Field f) {
        used_[f] = true;
        return get(f);
    }
    std::optional<Date> opt_date(Field f) {
        std::string s = str(f);
        if (s.empty()) return std::nullopt;
        auto d = Date::try_parse_iso(s);
        if (!d) fail(f, "not a date (YYYY-MM-DD): \"" + s.substr(0, 40) + "\"");
        return d;
    }
    Date date(Field f) {
        auto d = opt_date(f);
        if (!d) fail(f, "a date is required");
        return *d;
    }
    std::optional<std::int64_t> opt_int(Field f) {
        std::string s = str(f);
        if (s.empty()) return std::nullopt;
        auto v = parse_int(s);
        if (!v) fail(f, "not an integer: \"" + s.substr(0, 40) + "\"");
        return v;
    }
    int small_int(Field f) {
        auto v = opt_int(f);
        if (!v) fail(f, "an integer is required");
        if (*v < -1000000 || *v > 1000000) fail(f, "out of range");
        return static_cast<int>(*v);
    }
    bool boolean(Field f) {
        std::string s = str(f);
        if (s == "true") return true;
        if (s == "false") return false;
        fail(f, "expected true or false, not \"" + s.substr(0, 40) + "\"");
    }
    template <class T, class P>
    T enumeration(Field f, P parse) {
        std::string s = str(f);
        try {
            return parse(s);
        } catch (const Error& e) {
            fail(f, e.what());
        }
    }
    Cost cost() {
        Cost c;
        c.text = str(F_cost_text);
        c.kind = enumeration<Cost::Kind>(F_cost_kind, [](const std::string& s) { return parse_cost_kind(s); });
        c.amount_pence = opt_int(F_cost_amount_pence);
        c.high_pence = opt_int(F_cost_high_pence);
        c.approximate = boolean(F_cost_approximate);
        c.period = enumeration<Cost::Period>(F_cost_period, [](const std::string& s) { return parse_cost_period(s); });
        c.per_unit = str(F_cost_per_unit);
        c.alternative = str(F_cost_alternative);
        c.note = str(F_cost_note);
        return c;
    }
    // Columns a record does not use must be empty: a misplaced value is an error, not lost.
    void finish() {
        used_[F_record] = true;
        for (int f = 0; f < F_count; ++f)
            if (!used_[f] && !get(static_cast<Field>(f)).empty())
                fail(static_cast<Field>(f), "not used by a \"" + get(F_record) + "\" record, but not empty");
    }

private:
    const CsvRecord& rec_;
    const std::string& file_;
    std::array<bool, F_count> used_{};
};

// Reads a canonical CSV plan from `in`, counting its records in `summary`.
Plan read_plan_csv(CsvReader& in, ImportSummary& summary) {
    const CsvHeader header = in.read_header();
    const std::string& file = in.file();
    const std::vector<std::string>& names = header.names();
    for (std::size_t f = 0; f < F_count; ++f) {
        const std::string found = f < names.size() ? names[f] : "";
        if (found != kHeader[f])
            throw Error(Status::parse, detail::place(file, header.line(), static_cast<std::int64_t>(f) + 1, found) +
                                           ": header must be \"" + kHeader[f] + "\"");
    }
    if (names.size() != F_count)
        throw Error(Status::parse, detail::place(file, header.line()) + ": header has " + std::to_string(names.size()) +
                                       " columns, expected " + std::to_string(F_count));

    Plan plan;
    bool have_plan = false;
    Recommendation* rec = nullptr;
    Action* act = nullptr;
    summary.add("records", 0);
    CsvRecord cr;
    while (in.next(cr)) {
        if (cr.blank()) continue;
        summary.add("records");
        if (cr.fields.size() != F_count)
            throw Error(Status::parse, detail::place(file, cr.line) + ": " + std::to_string(cr.fields.size()) +
                                           " fields, expected " + std::to_string(F_count));
        PlanRecord r(cr, file);
        const std::string kind = r.get(F_record);
        auto check_parent = [&](bool need_action) {
            auto n = r.opt_int(F_number);
            if (!rec) r.fail(F_record, "\"" + kind + "\" record before any recommendation");
            if (!n || *n != rec->number)
                r.fail(F_number, "does not match the recommendation above (" + std::to_string(rec->number) + ")");
            if (need_action) {
                if (!act) r.fail(F_record, "\"" + kind + "\" record before any action of recommendation " +
                                               std::to_string(rec->number));
                if (r.str(F_ref) != act->ref) r.fail(F_ref, "does not match the action above (" + act->ref + ")");
            }
        };
        if (kind == "plan") {
            if (have_plan) r.fail(F_record, "a second \"plan\" record");
            if (summary.count("records") != 1) r.fail(F_record, "the \"plan\" record must come first after the header");
            have_plan = true;
            plan.title = r.str(F_title);
            plan.authority = r.str(F_authority);
            plan.report_date = r.opt_date(F_report_date);
            plan.settings.immediately_days = r.small_int(F_immediately_days);
            plan.settings.due_soon_days = r.small_int(F_due_soon_days);
            plan.settings.stale_update_days = r.small_int(F_stale_update_days);
        } else if (!have_plan) {
            r.fail(F_record, "the first record after the header must be \"plan\"");
        } else if (kind == "section") {
            plan.sections.push_back(r.str(F_text));
        } else if (kind == "recommendation") {
            Recommendation x;
            auto n = r.opt_int(F_number);
            if (!n) r.fail(F_number, "a recommendation number is required");
            if (*n < 1 || *n > Recommendation::max_number)
                r.fail(F_number, "a recommendation number is 1.." + std::to_string(Recommendation::max_number) +
                                     ", not " + std::to_string(*n));
            x.number = static_cast<int>(*n);
            x.section = r.str(F_section);
            x.text = r.str(F_text);
            x.timescale = r.enumeration<Timescale>(F_timescale, [](const std::string& s) { return parse_timescale(s); });
            x.explicit_date = r.opt_date(F_date);
            x.lead = r.str(F_lead);
            x.cost = r.cost();
            plan.recommendations.push_back(std::move(x));
            rec = &plan.recommendations.back();
            act = nullptr;
        } else if (kind == "action") {
            check_parent(false);
            Action a;
            a.ref = r.str(F_ref);
            a.description = r.str(F_text);
            a.lead = r.str(F_lead);
            a.status = r.enumeration<ActionStatus>(F_status, [](const std::string& s) { return parse_action_status(s); });
            a.due = r.opt_date(F_due);
            a.impact_intended = r.str(F_impact_intended);
            a.impact_evidence = r.str(F_impact_evidence);
            a.cost = r.cost();
            if (!r.get(F_rag).empty()) {
                RagOverride o;
                o.rag = r.enumeration<Rag>(F_rag, [](const std::string& s) { return parse_rag(s); });
                o.by = r.str(F_rag_by);
                o.reason = r.str(F_rag_reason);
                o.set_on = r.date(F_rag_set_on);
                a.rag_override = o;
            }
            rec->actions.push_back(std::move(a));
            act = &rec->actions.back();
        } else if (kind == "update") {
            check_parent(true);
            ProgressUpdate u;
            u.date = r.date(F_date);
            u.author = r.str(F_author);
            u.text = r.str(F_text);
            act->updates.push_back(u);
        } else if (kind == "milestone") {
            check_parent(true);
            Milestone m;
            m.date = r.date(F_date);
            m.text = r.str(F_text);
            m.done = r.boolean(F_done);
            act->milestones.push_back(m);
        } else if (kind == "task") {
            check_parent(true);
            Task t;
            t.text = r.str(F_text);
            t.owner = r.str(F_owner);
            t.due = r.opt_date(F_due);
            t.done = r.boolean(F_done);
            act->tasks.push_back(t);
        } else {
            r.fail(F_record, "unknown record type \"" + kind.substr(0, 40) +
                                 "\" (plan, section, recommendation, action, update, milestone, task)");
        }
        r.finish();
    }
    if (!have_plan) throw Error(Status::parse, detail::place(file, 0) + ": no \"plan\" record");
    return plan;
}

}  // namespace

// ------------------------------------------------------------------- JSON

std::string plan_to_json(const Plan& plan) {
    ojson root;
    root["format"] = std::string(kFormatName);
    root["version"] = kFormatVersion;
    root["title"] = utf8(plan.title, "/title");
    root["authority"] = utf8(plan.authority, "/authority");
    root["report_date"] = opt_date(plan.report_date);
    root["settings"] = ojson{{"immediately_days", plan.settings.immediately_days},
                             {"due_soon_days", plan.settings.due_soon_days},
                             {"stale_update_days", plan.settings.stale_update_days}};
    ojson secs = ojson::array();
    for (std::size_t i = 0; i < plan.sections.size(); ++i)
        secs.push_back(utf8(plan.sections[i], "/sections/" + std::to_string(i)));
    root["sections"] = secs;
    ojson recs = ojson::array();
    for (std::size_t i = 0; i < plan.recommendations.size(); ++i) {
        const Recommendation& r = plan.recommendations[i];
        std::string path = "/recommendations/" + std::to_string(i);
        ojson rj;
        rj["number"] = r.number;
        rj["section"] = utf8(r.section, path + "/section");
        rj["text"] = utf8(r.text, path + "/text");
        rj["timescale"] = std::string(to_string(r.timescale));
        rj["explicit_date"] = opt_date(r.explicit_date);
        rj["lead"] = utf8(r.lead, path + "/lead");
        rj["cost"] = cost_json(r.cost, path + "/cost");
        ojson acts = ojson::array();
        for (std::size_t k = 0; k < r.actions.size(); ++k) {
            const Action& a = r.actions[k];
            std::string ap = path + "/actions/" + std::to_string(k);
            ojson aj;
            aj["ref"] = utf8(a.ref, ap + "/ref");
            aj["description"] = utf8(a.description, ap + "/description");
            aj["lead"] = utf8(a.lead, ap + "/lead");
            aj["status"] = std::string(to_string(a.status));
            aj["due"] = opt_date(a.due);
            aj["impact_intended"] = utf8(a.impact_intended, ap + "/impact_intended");
            aj["impact_evidence"] = utf8(a.impact_evidence, ap + "/impact_evidence");
            aj["cost"] = cost_json(a.cost, ap + "/cost");
            ojson ups = ojson::array();
            for (const auto& u : a.updates)
                ups.push_back(ojson{{"date", u.date.iso()}, {"author", utf8(u.author, ap + "/updates")},
                                    {"text", utf8(u.text, ap + "/updates")}});
            aj["updates"] = ups;
            ojson ms = ojson::array();
            for (const auto& m : a.milestones)
                ms.push_back(ojson{{"date", m.date.iso()}, {"text", utf8(m.text, ap + "/milestones")}, {"done", m.done}});
            aj["milestones"] = ms;
            ojson ts = ojson::array();
            for (const auto& t : a.tasks)
                ts.push_back(ojson{{"text", utf8(t.text, ap + "/tasks")},
                                   {"owner", utf8(t.owner, ap + "/tasks")},
                                   {"due", opt_date(t.due)},
                                   {"done", t.done}});
            aj["tasks"] = ts;
            if (a.rag_override)
                aj["rag_override"] = ojson{{"rag", std::string(to_string(a.rag_override->rag))},
                                           {"by", utf8(a.rag_override->by, ap + "/rag_override/by")},
                                           {"reason", utf8(a.rag_override->reason, ap + "/rag_override/reason")},
                                           {"set_on", a.rag_override->set_on.iso()}};
            else
                aj["rag_override"] = nullptr;
            if (!a.success_measures.empty()) {
                ojson sm = ojson::array();
                for (const std::string& key : a.success_measures) sm.push_back(utf8(key, ap + "/success_measures"));
                aj["success_measures"] = std::move(sm);
            }
            acts.push_back(std::move(aj));
        }
        rj["actions"] = std::move(acts);
        recs.push_back(std::move(rj));
    }
    root["recommendations"] = std::move(recs);
    if (!plan.indicators.empty()) {
        ojson inds = ojson::array();
        for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
            const Indicator& ind = plan.indicators[i];
            const std::string ip = "/indicators/" + std::to_string(i);
            ojson vs = ojson::array();
            for (const IndicatorValue& v : ind.values)
                vs.push_back(ojson{{"month", v.month.iso()},
                                   {"value", v.value},
                                   {"source", std::string(to_string(v.source))},
                                   {"entered_by", utf8(v.entered_by, ip + "/values")},
                                   {"note", utf8(v.note, ip + "/values")}});
            inds.push_back(ojson{{"key", utf8(ind.key, ip + "/key")},
                                 {"name", utf8(ind.name, ip + "/name")},
                                 {"unit", utf8(ind.unit, ip + "/unit")},
                                 {"direction", std::string(to_string(ind.direction))},
                                 {"target", ind.target},
                                 {"amber", ind.amber},
                                 {"source", std::string(to_string(ind.source))},
                                 {"measure", utf8(ind.measure, ip + "/measure")},
                                 {"values", std::move(vs)}});
        }
        root["indicators"] = std::move(inds);
    }
    // Only when recorded: documents of plans without one stay as they were.
    if (plan.inspection) {
        const Inspection& i = *plan.inspection;
        root["inspection"] = ojson{{"kind", std::string(to_string(i.kind))},
                                   {"ended", opt_date(i.ended)},
                                   {"letter", i.letter.iso()},
                                   {"priority_actions", i.priority_actions},
                                   {"monitored", i.monitored},
                                   {"draft_submitted", opt_date(i.draft_submitted)},
                                   {"plan_submitted", opt_date(i.plan_submitted)},
                                   {"owner", utf8(i.owner, "/inspection/owner")}};
    }
    return root.dump(2) + "\n";
}

Plan plan_from_json(std::string_view text) {
    // The one JSON reader (core/json.hpp): as import_plan_text reads a file,
    // a UTF-8 BOM skipped; UTF-16, UTF-32 and NULs (raw or escaped) refused;
    // every failure a parse error with its line and column; no key twice.
    const json root = detail::parse_json(text, "<input>");
    try {
        return JsonReader::plan(root);
    } catch (const json::exception& e) {
        throw Error(Status::parse, std::string("JSON: ") + e.what());
    }
}

// -------------------------------------------------------------------- CSV

std::string plan_to_csv(const Plan& plan) {
    std::string out;
    Row header;
    for (int f = 0; f < F_count; ++f) header[f] = kHeader[f];
    write_row(out, header);
    Row p{};
    p[F_record] = "plan";
    p[F_title] = utf8(plan.title, "plan title");
    p[F_authority] = utf8(plan.authority, "plan authority");
    p[F_report_date] = plan.report_date ? plan.report_date->iso() : "";
    p[F_immediately_days] = std::to_string(plan.settings.immediately_days);
    p[F_due_soon_days] = std::to_string(plan.settings.due_soon_days);
    p[F_stale_update_days] = std::to_string(plan.settings.stale_update_days);
    write_row(out, p);
    for (const auto& s : plan.sections) {
        Row r{};
        r[F_record] = "section";
        r[F_text] = utf8(s, "section");
        write_row(out, r);
    }
    for (const auto& rec : plan.recommendations) {
        std::string where = "recommendation " + std::to_string(rec.number);
        Row r{};
        r[F_record] = "recommendation";
        r[F_number] = std::to_string(rec.number);
        r[F_section] = utf8(rec.section, where);
        r[F_text] = utf8(rec.text, where);
        r[F_timescale] = std::string(to_string(rec.timescale));
        r[F_date] = rec.explicit_date ? rec.explicit_date->iso() : "";
        r[F_lead] = utf8(rec.lead, where);
        put_cost(r, rec.cost, where);
        write_row(out, r);
        for (const auto& a : rec.actions) {
            std::string aw = "action " + a.ref;
            Row ar{};
            ar[F_record] = "action";
            ar[F_number] = std::to_string(rec.number);
            ar[F_ref] = utf8(a.ref, aw);
            ar[F_text] = utf8(a.description, aw);
            ar[F_lead] = utf8(a.lead, aw);
            ar[F_status] = std::string(to_string(a.status));
            ar[F_due] = a.due ? a.due->iso() : "";
            ar[F_impact_intended] = utf8(a.impact_intended, aw);
            ar[F_impact_evidence] = utf8(a.impact_evidence, aw);
            put_cost(ar, a.cost, aw);
            if (a.rag_override) {
                ar[F_rag] = std::string(to_string(a.rag_override->rag));
                ar[F_rag_by] = utf8(a.rag_override->by, aw);
                ar[F_rag_reason] = utf8(a.rag_override->reason, aw);
                ar[F_rag_set_on] = a.rag_override->set_on.iso();
            }
            write_row(out, ar);
            for (const auto& u : a.updates) {
                Row ur{};
                ur[F_record] = "update";
                ur[F_number] = std::to_string(rec.number);
                ur[F_ref] = a.ref;
                ur[F_date] = u.date.iso();
                ur[F_author] = utf8(u.author, aw);
                ur[F_text] = utf8(u.text, aw);
                write_row(out, ur);
            }
            for (const auto& m : a.milestones) {
                Row mr{};
                mr[F_record] = "milestone";
                mr[F_number] = std::to_string(rec.number);
                mr[F_ref] = a.ref;
                mr[F_date] = m.date.iso();
                mr[F_text] = utf8(m.text, aw);
                mr[F_done] = m.done ? "true" : "false";
                write_row(out, mr);
            }
            for (const auto& t : a.tasks) {
                Row tr{};
                tr[F_record] = "task";
                tr[F_number] = std::to_string(rec.number);
                tr[F_ref] = a.ref;
                tr[F_text] = utf8(t.text, aw);
                tr[F_owner] = utf8(t.owner, aw);
                tr[F_due] = t.due ? t.due->iso() : "";
                tr[F_done] = t.done ? "true" : "false";
                write_row(out, tr);
            }
        }
    }
    return out;
}

// ------------------------------------------------------ the import entry

std::optional<PlanFormat> plan_file_format(std::string_view path) noexcept {
    const auto dot = path.find_last_of('.');
    if (dot == std::string_view::npos || path.find_first_of("/\\", dot) != std::string_view::npos) return std::nullopt;
    const std::string ext = detail::lower(path.substr(dot + 1));
    if (ext == "json") return PlanFormat::json;
    if (ext == "csv") return PlanFormat::csv;
    return std::nullopt;
}

Plan with_overrides(Plan plan, const PlanFileOverrides& overrides) {
    if (overrides.report_date) plan.report_date = overrides.report_date;
    if (overrides.title) plan.title = *overrides.title;
    if (overrides.authority) plan.authority = *overrides.authority;
    return plan;
}

namespace {

PlanImport with_counts(Plan plan, ImportSummary summary) {
    detail::add_plan_counts(summary, plan);
    return {std::move(plan), std::move(summary)};
}

ImportSummary summary_of(PlanFormat format, std::string source) {
    ImportSummary s;
    s.importer = format == PlanFormat::json ? "plan-json" : "plan-csv";
    s.source = std::move(source);
    return s;
}

PlanImport import_csv(CsvReader in, std::string source) {
    ImportSummary summary = summary_of(PlanFormat::csv, std::move(source));
    Plan plan = read_plan_csv(in, summary);
    return with_counts(std::move(plan), std::move(summary));
}

}  // namespace

Plan plan_from_csv(std::string_view text) { return import_plan_text(text, PlanFormat::csv).plan; }

PlanImport import_plan_text(std::string_view text, PlanFormat format, std::string source) {
    if (format == PlanFormat::csv) {
        CsvOptions options;
        options.file = source;  // "" names it "<input>"
        return import_csv(CsvReader::from_string(std::string(text), options), std::move(source));
    }
    // Checked here to name the source; the text itself goes to plan_from_json
    // whole, which skips one byte-order mark again: skipping it here as well
    // would let a second mark through ("\xEF\xBB\xBF\xEF\xBB\xBF{...}").
    detail::checked_input_text(text, source.empty() ? std::string("<input>") : source);
    ImportSummary summary = summary_of(format, std::move(source));
    Plan plan;
    try {
        plan = plan_from_json(text);
    } catch (const Error& e) {
        if (summary.source.empty()) throw;
        throw Error(e.code(), summary.source + ": " + e.what());
    }
    return with_counts(std::move(plan), std::move(summary));
}

PlanImport import_plan_file(const std::string& path) {
    const auto format = plan_file_format(path);
    if (!format)
        throw Error(Status::invalid_arg,
                    path + ": not a canonical plan file (the name ends in neither .json nor .csv)");
    if (*format == PlanFormat::csv) return import_csv(CsvReader::open_file(path), path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Status::io, "cannot read " + path + ": " + std::strerror(errno));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(Status::io, "cannot read " + path + ": read error");
    return import_plan_text(text, *format, path);
}

// ------------------------------------------------------------------ counts

namespace detail {

void add_plan_counts(ImportSummary& summary, const Plan& plan) {
    std::int64_t actions = 0, withdrawn = 0, updates = 0, tasks = 0, milestones = 0;
    for (const auto& r : plan.recommendations)
        for (const auto& a : r.actions) {
            ++actions;
            withdrawn += a.status == ActionStatus::withdrawn;
            updates += static_cast<std::int64_t>(a.updates.size());
            tasks += static_cast<std::int64_t>(a.tasks.size());
            milestones += static_cast<std::int64_t>(a.milestones.size());
        }
    summary.add("sections", static_cast<std::int64_t>(plan.sections.size()));
    summary.add("recommendations", static_cast<std::int64_t>(plan.recommendations.size()));
    summary.add("actions", actions);
    summary.add("withdrawn", withdrawn);
    summary.add("progress_updates", updates);
    summary.add("tasks", tasks);
    summary.add("milestones", milestones);
}

}  // namespace detail

}  // namespace oversight
