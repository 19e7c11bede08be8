// import_seed_plan: the PDF-exported tab-separated plan (the seed's format).
// Beyond not crashing, the importer's documented promises are checked: one
// ImportedLine per input line, a warning for every ignored line, action
// references unique plan-wide, and an imported plan that can always be
// written out as canonical JSON and CSV, read back unchanged, and saved.
#include "fuzz.hpp"

#include <set>
#include <sstream>

using namespace oversight;

namespace {

// Lines as the importer counts them: LF, CRLF or a lone CR ends a line; a
// last line without an ending counts when it is not empty; a leading UTF-8
// byte-order mark is not part of the text.
std::size_t count_lines(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n' || s[i] == '\r') {
            ++n;
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        }
    }
    if (!s.empty() && s.back() != '\n' && s.back() != '\r') ++n;
    return n;
}

void check_result(std::string_view input, const ImportResult& r) {
    fuzz::check(r.lines.size() == count_lines(input), "one ImportedLine per input line");
    std::set<int> warned;
    for (const auto& w : r.summary.issues) {
        fuzz::check(w.line >= 0 && static_cast<std::size_t>(w.line) <= r.lines.size(), "warning line in range");
        fuzz::check(fuzz::is_utf8(w.message), "warning is UTF-8", w.message);
        warned.insert(static_cast<int>(w.line));
    }
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        fuzz::check(r.lines[i].line == static_cast<int>(i + 1), "ImportedLine numbers run 1..n");
        if (r.lines[i].use == LineUse::ignored)
            fuzz::check(warned.count(r.lines[i].line) == 1, "an ignored line has a warning");
    }
    std::set<std::string> refs;
    std::set<int> numbers;
    for (const auto& rec : r.plan.recommendations) {
        fuzz::check(numbers.insert(rec.number).second, "recommendation numbers are unique",
                    std::to_string(rec.number));
        for (const auto& a : rec.actions) fuzz::check(refs.insert(a.ref).second, "action references are unique", a.ref);
    }
    // Invalid UTF-8 is replaced on import, so the plan must always export.
    const std::string json = plan_to_json(r.plan);
    fuzz::check(plan_from_json(json) == r.plan, "imported plan survives JSON", json);
    const std::string csv = plan_to_csv(r.plan);
    fuzz::check(plan_from_csv(csv) == r.plan, "imported plan survives CSV", csv);
    // "No unsavable imports": nothing that save_plan documents refusing
    // (the JSON export above already proved the text is UTF-8). Saving for
    // real would cost more than the import itself on every input.
    const PlanSettings& st = r.plan.settings;
    for (int days : {st.immediately_days, st.due_soon_days, st.stale_update_days})
        fuzz::check(days >= 0 && days <= PlanSettings::max_days, "settings the store accepts");
    for (const auto& section : r.plan.sections) fuzz::check(!section.empty(), "no empty section name");
    for (const auto& rec : r.plan.recommendations) {
        fuzz::check(rec.number >= 0, "no negative recommendation number");
        fuzz::check(rec.timescale != Timescale::by_date || rec.explicit_date, "by_date comes with its date");
        for (const auto& a : rec.actions)
            fuzz::check(a.ref.find_first_not_of(" \t\r\n\f\v") != std::string::npos, "no blank action reference");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    SeedImportOptions options;
    options.report_date = Date::from_ymd(2012, 9, 14);
    options.import_date = Date::from_ymd(2012, 10, 1);
    options.source_name = "fuzz";
    std::istringstream in{std::string(text)};
    ImportResult result;
    try {
        result = import_seed_plan(in, options);
    } catch (const Error&) {
        return 0;  // not a plan table: expected
    }
    check_result(text, result);
    return 0;
}
