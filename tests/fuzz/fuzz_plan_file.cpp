// import_plan_text: the canonical import entry point (plan_json and plan_csv
// call plan_from_json and plan_from_csv). The input is read as both
// PlanFormat values, once without a source name and once named. What
// plan_file.hpp and import_issue.hpp promise:
//   - an error is Error(parse); with a source, its message starts with it
//     ("source: ..." for JSON, "source:line..." for CSV);
//   - a plan that reads is the plan plan_from_json / plan_from_csv read;
//   - it round-trips: written in its format and imported again it is the
//     same plan with the same summary, and the other format carries it too;
//   - the summary: importer "plan-json" / "plan-csv", the source as given, no
//     issues, and counts in the documented order that agree with the plan
//     (CSV "records": one per record that is not blank, header not counted).
#include "fuzz.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace oversight;

namespace {

using Counts = std::vector<std::pair<std::string, std::int64_t>>;

Counts expected_counts(const Plan& plan, PlanFormat format) {
    std::int64_t actions = 0, withdrawn = 0, updates = 0, tasks = 0, milestones = 0;
    for (const Recommendation& r : plan.recommendations)
        for (const Action& a : r.actions) {
            ++actions;
            withdrawn += a.status == ActionStatus::withdrawn;
            updates += static_cast<std::int64_t>(a.updates.size());
            tasks += static_cast<std::int64_t>(a.tasks.size());
            milestones += static_cast<std::int64_t>(a.milestones.size());
        }
    const auto sections = static_cast<std::int64_t>(plan.sections.size());
    const auto recommendations = static_cast<std::int64_t>(plan.recommendations.size());
    Counts c;
    if (format == PlanFormat::csv)
        c.emplace_back("records", 1 + sections + recommendations + actions + updates + milestones + tasks);
    c.emplace_back("sections", sections);
    c.emplace_back("recommendations", recommendations);
    c.emplace_back("actions", actions);
    c.emplace_back("withdrawn", withdrawn);
    c.emplace_back("progress_updates", updates);
    c.emplace_back("tasks", tasks);
    c.emplace_back("milestones", milestones);
    return c;
}

std::string describe(const Counts& counts) {
    std::string s;
    for (const auto& [name, n] : counts) s += name + "=" + std::to_string(n) + " ";
    return s;
}

void check_summary(const PlanImport& in, PlanFormat format, const std::string& source) {
    const ImportSummary& s = in.summary;
    fuzz::check(s.importer == (format == PlanFormat::json ? "plan-json" : "plan-csv"), "the importer is named",
                s.importer);
    fuzz::check(s.source == source, "the summary names the source as given", s.source);
    fuzz::check(s.issues.empty() && s.errors() == 0 && s.warnings() == 0, "a canonical import has no issues");
    const Counts expected = expected_counts(in.plan, format);
    fuzz::check(s.counts == expected, "the summary's counts agree with the plan",
                describe(s.counts) + "/ " + describe(expected));
    for (const auto& [name, n] : expected) fuzz::check(s.count(name) == n, "count(name) finds each count", name);
}

// Either a plan, or the Error's message.
struct Read {
    bool ok = false;
    PlanImport import;
    std::string error;
};

Read import(std::string_view text, PlanFormat format, const std::string& source) {
    Read r;
    try {
        r.import = import_plan_text(text, format, source);
        r.ok = true;
    } catch (const Error& e) {
        r.error = e.what();
        fuzz::check(e.code() == Status::parse, "a plan that does not read is a parse error", r.error);
        // "fuzz/plan.json: ..." or, for a place in the text, "fuzz/plan.json:3: ...".
        if (!source.empty())
            fuzz::check(r.error.rfind(source + ":", 0) == 0, "the error names the source", r.error);
    }
    return r;
}

void one_format(std::string_view text, PlanFormat format) {
    const std::string source = format == PlanFormat::json ? "fuzz/plan.json" : "fuzz/plan.csv";
    const Read anonymous = import(text, format, "");
    const Read named = import(text, format, source);
    fuzz::check(anonymous.ok == named.ok, "a source name does not change what reads", named.error);

    // The format's own function reads the same.
    bool direct_ok = false;
    try {
        const Plan direct = format == PlanFormat::json ? plan_from_json(text) : plan_from_csv(text);
        direct_ok = true;
        fuzz::check(anonymous.ok && direct == anonymous.import.plan, "import_plan_text reads what plan_from_* reads");
    } catch (const Error& e) {
        fuzz::check(!anonymous.ok && anonymous.error == e.what(), "import_plan_text fails as plan_from_* does",
                    e.what());
    }
    if (!anonymous.ok || !direct_ok) return;

    const Plan& plan = anonymous.import.plan;
    fuzz::check(named.import.plan == plan, "a source name does not change the plan");
    check_summary(anonymous.import, format, "");
    check_summary(named.import, format, source);

    const std::string again = format == PlanFormat::json ? plan_to_json(plan) : plan_to_csv(plan);
    const Read back = import(again, format, source);
    fuzz::check(back.ok && back.import.plan == plan, "a plan round-trips through its format", back.error);
    fuzz::check(back.import.summary == named.import.summary, "and imports again with the same summary");

    const PlanFormat other_format = format == PlanFormat::json ? PlanFormat::csv : PlanFormat::json;
    const std::string other = format == PlanFormat::json ? plan_to_csv(plan) : plan_to_json(plan);
    const Read across = import(other, other_format, "");
    fuzz::check(across.ok && across.import.plan == plan, "the other format carries the plan too", across.error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    one_format(text, PlanFormat::json);
    one_format(text, PlanFormat::csv);
    return 0;
}
