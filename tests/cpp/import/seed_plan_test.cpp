#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include "support/shared_data.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;
using oversight::test::kSeedPlan;
using oversight::test::needs_shared;

namespace {

const std::string kSeed = oversight::test::shared_path(oversight::test::kSeedPlan);
const std::string kQuality = "QUALITY OF WORK TO SAFEGUARD CHILDREN";
const std::string kCla = "CHILDREN LOOKED AFTER";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_TEST_REQUIRE(static_cast<bool>(in), "cannot open " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ImportResult import_text(const std::string& text, std::optional<Date> report = std::nullopt) {
    std::istringstream in(text);
    SeedImportOptions o;
    o.report_date = report;
    return import_seed_plan(in, o);
}

bool has_warning(const ImportResult& r, int line, const std::string& fragment) {
    for (const auto& w : r.summary.issues)
        if (w.line == line && w.message.find(fragment) != std::string::npos) return true;
    return false;
}

struct ExpectedAction {
    const char* ref;
    const char* lead;
};

// Written by reading the seed line by line (cat -A), not from the importer's output.
// Leads exactly as printed; 9.1 and 19.1 have no lead printed on their rows.
const ExpectedAction kActions[] = {
    {"1.1", "Felicity Budgen"}, {"1.2", "Mark Jowett"},     {"1.3", "Mark Jowett"},    {"2.1", "Mark Jowett"},
    {"2.2", "Mark Jowett"},     {"2.3", "Felicity Budgen"}, {"2.4", "Felicity Budgen"}, {"2.5", "Gill Horrobin"},
    {"2.6", "Gill Horrobin"},   {"3.1", "Mark Jowett"},     {"3.2", "Felicity Budgen"}, {"3.3", "Stuart Holes"},
    {"3.4", "CP advisors and representatives from Health and Education"},
    {"4.1", "Gill Horrobin"},   {"5.1", "Felicity Budgen"}, {"6.1", "Julia Katherine"}, {"6.2", "Julia Katherine"},
    {"6.3", "Clive Webster"},   {"7.1", "Nick Cross"},      {"8.1", "Lindsey Voss"},    {"9.1", ""},
    {"10.1", "Gill Horrobin"},  {"11.1", "Gill Horrobin"},  {"11.2", "Sam Ray"},        {"11.3", "Tim Davis"},
    {"12.1", "Gill Horrobin"},  {"13.1", "Gill Horrobin"},  {"14.1", "Gill Horrobin"},  {"15.1", "Gill Horrobin"},
    {"16.1", "Mark Jowett"},    {"17.1", "Gill Horrobin"},  {"18.1", "Gill Horrobin"},  {"19.1", ""},
    {"20.1", "Lindsay Voss"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(seed_import)

BOOST_AUTO_TEST_CASE(sections_recommendations_and_timescales, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    ImportResult r = import_seed_plan_file(kSeed, {});
    const Plan& p = r.plan;
    BOOST_TEST_REQUIRE(p.sections.size() == 2u);
    BOOST_TEST(p.sections[0] == kQuality);
    BOOST_TEST(p.sections[1] == kCla);
    BOOST_TEST_REQUIRE(p.recommendations.size() == 20u);
    for (int n = 1; n <= 20; ++n) {
        const Recommendation& rec = p.recommendations[static_cast<std::size_t>(n - 1)];
        BOOST_TEST_CONTEXT("recommendation " << n) {
            BOOST_TEST(rec.number == n);
            BOOST_TEST(rec.section == (n <= 9 ? kQuality : kCla));
            Timescale want = n <= 3    ? Timescale::immediately
                             : n <= 8  ? Timescale::within_three_months
                             : n == 9  ? Timescale::within_six_months
                             : n == 10 ? Timescale::immediately
                             : n <= 16 ? Timescale::within_three_months
                                       : Timescale::within_six_months;
            BOOST_TEST(std::string(to_string(rec.timescale)) == std::string(to_string(want)));
            BOOST_TEST(!rec.text.empty());
        }
    }
    BOOST_TEST(p.recommendations[8].lead == "Felicity Budgen");  // lead printed on rec 9's line
    BOOST_TEST(p.recommendations[14].lead == "Gill Horrobin");   // and on rec 15's
    BOOST_TEST(p.recommendations[7].text.find("medical examination") != std::string::npos);
    BOOST_TEST(p.recommendations[19].text.find("health needs of care leavers") != std::string::npos);
    // rec 9: the fragment printed twice is kept once
    BOOST_TEST(p.recommendations[8].text ==
               "There are sufficient experienced social work staff and managers to effectively carry out the");
}

BOOST_AUTO_TEST_CASE(every_action_ref_and_lead, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    ImportResult r = import_seed_plan_file(kSeed, {});
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& rec : r.plan.recommendations)
        for (const auto& a : rec.actions) {
            got.emplace_back(a.ref, a.lead);
            BOOST_TEST(a.ref.rfind(std::to_string(rec.number) + ".", 0) == 0u, a.ref << " under " << rec.number);
        }
    BOOST_TEST_REQUIRE(got.size() == std::size(kActions));
    for (std::size_t i = 0; i < got.size(); ++i) {
        BOOST_TEST(got[i].first == kActions[i].ref);
        BOOST_TEST(got[i].second == kActions[i].lead, "lead of " << kActions[i].ref);
    }
}

BOOST_AUTO_TEST_CASE(statuses_costs_tasks_and_milestones, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    ImportResult r = import_seed_plan_file(kSeed, {});
    const Plan& p = r.plan;
    BOOST_TEST((p.find_action("2.4")->status == ActionStatus::withdrawn));
    BOOST_TEST((p.find_action("1.1")->status == ActionStatus::in_progress));
    BOOST_TEST((p.find_action("19.1")->status == ActionStatus::not_started));  // no progress printed
    int withdrawn = 0;
    for (const auto& rec : p.recommendations)
        for (const auto& a : rec.actions) withdrawn += a.status == ActionStatus::withdrawn;
    BOOST_TEST(withdrawn == 1);

    const Action* a11 = p.find_action("1.1");
    BOOST_TEST(a11->cost.text == "c\xC2\xA3" "1.7m due for agreement by Council 12/10/12.");
    BOOST_TEST(*a11->cost.amount_pence == 170000000);
    BOOST_TEST(a11->tasks.size() == 4u);
    BOOST_TEST(a11->tasks.back().text == "Reduce agency staff.");
    BOOST_TEST(a11->impact_intended.rfind("All child protection cases allocated", 0) == 0u);
    BOOST_TEST((p.find_action("3.1")->cost.kind == Cost::Kind::unparsed));  // "resources" alone
    BOOST_TEST((p.find_action("11.2")->cost.kind == Cost::Kind::range));
    // "Next audit is due on 12 December 2012." → a milestone of 3.2
    const Action* a32 = p.find_action("3.2");
    BOOST_TEST_REQUIRE(a32->milestones.size() == 1u);
    BOOST_TEST(a32->milestones[0].date.iso() == "2012-12-12");
    // continuation rows: 12.1 gets the three "What do we still need to do" rows of lines 56-58
    const Action* a121 = p.find_action("12.1");
    BOOST_TEST(a121->tasks.back().text.rfind("Continue to develop an 'independence training pathway'", 0) == 0u);
    // the fragment on rec 18's line completes 17.1's last item
    BOOST_TEST(p.find_action("17.1")->tasks.back().text.find("letter to go from lead member to all (*). A") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(progress_without_a_report_date_is_dated_the_import_date, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions o;
    o.import_date = Date::from_ymd(2013, 1, 7);
    ImportResult r = import_seed_plan_file(kSeed, o);
    const Action* a11 = r.plan.find_action("1.1");
    BOOST_TEST_REQUIRE(a11->updates.size() == 1u);  // kept, not dropped
    BOOST_TEST(a11->updates[0].date.iso() == "2013-01-07");
    BOOST_TEST(a11->updates[0].text.rfind("Funding secured for additional social workers", 0) == 0u);
    BOOST_TEST(has_warning(r, 0, "Progress dated the import date 2013-01-07 because no report date was given"));
    // Every action with Progress text has exactly one update.
    int with_progress = 0;
    for (const auto& rec : r.plan.recommendations)
        for (const auto& a : rec.actions) {
            BOOST_TEST(a.updates.size() == (a.status == ActionStatus::not_started ? 0u : 1u), a.ref);
            with_progress += !a.updates.empty();
        }
    BOOST_TEST(with_progress > 20);
    // Default: today.
    ImportResult today = import_seed_plan_file(kSeed, {});
    BOOST_TEST(today.plan.find_action("1.1")->updates.at(0).date.iso() == Date::today().iso());
}

BOOST_AUTO_TEST_CASE(duplicate_refs_across_the_plan_are_renumbered_with_both_lines, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    const std::string seed = slurp(kSeed);
    // Line 19 prints "3.2"; damage it into a reference used elsewhere.
    for (const char* bad : {"2.3", "4.2"}) {
        BOOST_TEST_CONTEXT("line 19 reads " << bad) {
            std::istringstream lines(seed);
            std::string text, line;
            for (int n = 1; std::getline(lines, line); ++n) {
                if (n == 19) {
                    const auto at = line.find("\t3.2\t");
                    BOOST_TEST_REQUIRE(at != std::string::npos);
                    line.replace(at + 1, 3, bad);
                }
                text += line + "\n";
            }
            ImportResult r = import_text(text, Date::from_ymd(2012, 9, 14));
            std::set<std::string> refs;
            int actions = 0;
            for (const auto& rec : r.plan.recommendations)
                for (const auto& a : rec.actions) {
                    ++actions;
                    BOOST_TEST(refs.insert(a.ref).second, "duplicate " << a.ref);
                    BOOST_TEST(a.ref.rfind(std::to_string(rec.number) + ".", 0) == 0u, a.ref);
                }
            BOOST_TEST(actions == 34);
            bool named = false;
            for (const auto& w : r.summary.issues)
                if (w.message.find("already used on line") != std::string::npos &&
                    w.message.find("renumbered to") != std::string::npos &&
                    w.message.find("on line " + std::to_string(w.line)) != std::string::npos)
                    named = true;
            BOOST_TEST(named);
        }
    }
}

BOOST_AUTO_TEST_CASE(duplicate_ref_in_one_recommendation_is_renumbered) {
    const std::string text =
        "No.\tRec.\tAction\tProgress\tImpact\tWhat do we still need to do\tCost\tLead person responsible\n"
        "\tCHILDREN LOOKED AFTER\t\t\t\t\t\t\n"
        "Immediately\t\t\t\t\t\t\t\n"
        "1 Ensure visits are on time\t\t\t\t\t\t\t\n"
        "\t1.1\tFirst\t\t\t\t\tAnn Lee\n"
        "\t1.2\tSecond\t\t\t\t\tAnn Lee\n"
        "\t1.1\tThird\t\t\t\t\tAnn Lee\n"
        "\n"
        "No.\tRec.\tAction\tProgress\tImpact\tWhat do we still need to do\tCost\tLead person responsible\n"
        "\t\t\t\t\tFinish the third thing\t\t\n";
    ImportResult r = import_text(text);
    BOOST_TEST_REQUIRE(r.plan.recommendations.size() == 1u);
    const auto& acts = r.plan.recommendations[0].actions;
    BOOST_TEST_REQUIRE(acts.size() == 3u);
    BOOST_TEST(acts[0].ref == "1.1");
    BOOST_TEST(acts[2].ref == "1.3");
    BOOST_TEST(acts[2].description == "Third");
    BOOST_TEST(has_warning(r, 7, "action reference 1.1 on line 7 was already used on line 5: renumbered to 1.3"));
    BOOST_TEST(r.lines.at(6).target == "1.3");
    // Its continuation row, after a page header, goes with it under the new ref.
    BOOST_TEST((r.lines.at(9).use == LineUse::continuation));
    BOOST_TEST(r.lines.at(9).target == "1.3");
    BOOST_TEST(acts[2].tasks.size() == 1u);
}

BOOST_AUTO_TEST_CASE(progress_becomes_an_update_on_the_report_date, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions o;
    o.report_date = Date::from_ymd(2012, 10, 12);
    ImportResult r = import_seed_plan_file(kSeed, o);
    const Action* a = r.plan.find_action("1.1");
    BOOST_TEST_REQUIRE(a->updates.size() == 1u);
    BOOST_TEST(a->updates[0].date.iso() == "2012-10-12");
    BOOST_TEST(a->updates[0].text.rfind("Funding secured for additional social workers", 0) == 0u);
    BOOST_TEST(r.plan.find_action("9.1")->updates.empty());
    BOOST_TEST(!has_warning(r, 0, "no report date"));
}

BOOST_AUTO_TEST_CASE(warnings_name_lines_and_repairs, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    ImportResult r = import_seed_plan_file(kSeed, {});
    BOOST_TEST(has_warning(r, 15, "2.5"));   // lost ref between 2.4 and 2.6
    BOOST_TEST(has_warning(r, 18, "3.1"));   // lost ref before 3.2
    BOOST_TEST(has_warning(r, 80, "19.1"));  // partial "19."
    BOOST_TEST(has_warning(r, 82, "20.1"));  // partial "20."
    BOOST_TEST(has_warning(r, 38, "8.1"));   // ref in the Action column
    BOOST_TEST(has_warning(r, 8, "read as 2"));
    BOOST_TEST(has_warning(r, 43, "read as 10"));  // "1" lost a digit
    BOOST_TEST(has_warning(r, 2, kQuality));
    BOOST_TEST(has_warning(r, 47, "Within three months"));
    BOOST_TEST(has_warning(r, 72, "Within six months"));
    BOOST_TEST(has_warning(r, 56, "','"));
    BOOST_TEST(has_warning(r, 67, "responsible"));
    BOOST_TEST(has_warning(r, 78, "header"));
    BOOST_TEST(has_warning(r, 14, "withdrawn"));
    for (const auto& w : r.summary.issues) {
        BOOST_TEST(w.line >= 0);
        BOOST_TEST(w.line <= 82);
        BOOST_TEST(!w.message.empty());
    }
}

BOOST_AUTO_TEST_CASE(the_summary_counts_the_plan_and_grades_every_issue,
                     *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions o;
    o.report_date = Date::from_ymd(2012, 9, 14);
    ImportResult r = import_seed_plan_file(kSeed, o);
    const ImportSummary& s = r.summary;
    BOOST_TEST(s.importer == "seed-plan");
    BOOST_TEST(s.source == kSeed);
    std::vector<std::string> names;
    for (const auto& [name, n] : s.counts) names.push_back(name);
    const std::vector<std::string> expected = {"lines",    "sections",         "recommendations", "actions",
                                               "withdrawn", "progress_updates", "tasks",           "milestones"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
    BOOST_TEST(s.count("lines") == static_cast<std::int64_t>(r.lines.size()));
    BOOST_TEST(s.count("sections") == 2);
    BOOST_TEST(s.count("recommendations") == 20);
    BOOST_TEST(s.count("actions") == 34);
    BOOST_TEST(s.count("withdrawn") == 1);
    std::int64_t updates = 0, tasks = 0, milestones = 0;
    for (const auto& rec : r.plan.recommendations)
        for (const auto& a : rec.actions) {
            updates += static_cast<std::int64_t>(a.updates.size());
            tasks += static_cast<std::int64_t>(a.tasks.size());
            milestones += static_cast<std::int64_t>(a.milestones.size());
        }
    BOOST_TEST(s.count("progress_updates") == updates);
    BOOST_TEST(s.count("tasks") == tasks);
    BOOST_TEST(s.count("milestones") == milestones);
    // Cells not used are errors (the seed's two stray Lead cells); repairs and doubts are warnings.
    BOOST_TEST(s.issues.size() == 84u);
    BOOST_TEST(s.errors() == 2u);
    BOOST_TEST(s.warnings() == 82u);
    for (const auto& i : s.issues) {
        BOOST_TEST(i.file == kSeed);
        const bool unused = i.message.find("not imported") != std::string::npos ||
                            i.message.find(": ignored") != std::string::npos;
        BOOST_TEST((i.severity == (unused ? Severity::error : Severity::warning)), i.line << ": " << i.message);
    }
    BOOST_TEST(has_warning(r, 56, "stray text ','"));
}

BOOST_AUTO_TEST_CASE(no_line_unaccounted_for, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    const std::string text = slurp(kSeed);
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    ImportResult r = import_text(text);
    BOOST_TEST_REQUIRE(r.lines.size() == lines.size());
    std::set<int> warned;
    for (const auto& w : r.summary.issues) warned.insert(w.line);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ImportedLine& il = r.lines[i];
        BOOST_TEST_CONTEXT("line " << i + 1 << ": " << lines[i].substr(0, 60)) {
            BOOST_TEST(il.line == static_cast<int>(i + 1));
            bool blank = lines[i].find_first_not_of(" \t\r") == std::string::npos;
            BOOST_TEST((il.use == LineUse::blank) == blank);
            if (il.use == LineUse::header) BOOST_TEST(lines[i].find("Progress\tImpact") != std::string::npos);
            if (il.use == LineUse::ignored) BOOST_TEST(warned.count(il.line) == 1u);
            if (!blank && il.use != LineUse::header) BOOST_TEST((il.use != LineUse::ignored));
            if (il.use == LineUse::action || il.use == LineUse::continuation)
                BOOST_TEST(r.plan.find_action(il.target) != nullptr, il.target);
        }
    }
}

BOOST_AUTO_TEST_CASE(crlf_gives_the_same_plan, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    const std::string text = slurp(kSeed);
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += "\r\n";
        else crlf.push_back(c);
    }
    ImportResult a = import_text(text), b = import_text(crlf);
    BOOST_TEST((a.plan == b.plan));
    BOOST_TEST(a.summary.issues.size() == b.summary.issues.size());
}

BOOST_AUTO_TEST_CASE(empty_and_headerless_input_are_parse_errors) {
    for (const char* bad : {"", "\n\n  \n", "1\tEnsure that\tsomething\n\t1.1\tDo it\n", "just some prose\n"}) {
        BOOST_TEST_CONTEXT("input \"" << bad << "\"") {
            try {
                import_text(bad);
                BOOST_FAIL("no exception");
            } catch (const Error& e) {
                BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::parse));
                BOOST_TEST(std::string(e.what()).find("line") != std::string::npos);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_io_error) {
    try {
        import_seed_plan_file("/nonexistent/plan.txt");
        BOOST_FAIL("no exception");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::io));
        BOOST_TEST(std::string(e.what()).find("/nonexistent/plan.txt") != std::string::npos);
    }
}

const char* const kHeader = "No.\tRec.\tAction\tProgress\tImpact\tWhat do we still need to do\tCost\tLead person responsible\n";

// UTF-16 (a Windows "Unicode" save) would otherwise be imported as garbage:
// it is refused, naming the file, by its byte-order mark or, without one, by
// its NUL bytes (core/text.hpp's check_input_start, which every reader runs).
BOOST_AUTO_TEST_CASE(utf16_and_nul_bytes_are_refused_naming_the_file) {
    const std::string text = std::string(kHeader) + "\tCHILDREN LOOKED AFTER\nImmediately\n1\tEnsure x\n";
    auto utf16 = [&](bool little_endian, bool bom) {
        std::string out = bom ? (little_endian ? "\xFF\xFE" : "\xFE\xFF") : "";
        for (char c : text) {
            const char pair[2] = {little_endian ? c : '\0', little_endian ? '\0' : c};
            out.append(pair, 2);
        }
        return out;
    };
    const std::string path = (std::filesystem::temp_directory_path() / "oversight seed utf16.txt").string();
    const std::pair<std::string, std::string> cases[] = {
        {utf16(true, true), path + ": the file is UTF-16 text: save it as UTF-8"},
        {utf16(false, true), path + ": the file is UTF-16 text: save it as UTF-8"},
        {utf16(true, false), path + ": the file is UTF-16 text: save it as UTF-8"},
        {utf16(false, false), path + ": the file is UTF-16 text: save it as UTF-8"},
        {std::string("\xFF\xFE\0\0", 4) + "N", path + ": the file is UTF-32 text"},
        {text + std::string("\t1.1\tDo\0it\n", 11), path + ":5: a NUL byte"},
    };
    for (const auto& [bytes, expected] : cases) {
        BOOST_TEST_CONTEXT(expected) {
            {
                std::ofstream out(path, std::ios::binary);
                out << bytes;
            }
            try {
                import_seed_plan_file(path);
                BOOST_FAIL("no exception");
            } catch (const Error& e) {
                BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::parse));
                BOOST_TEST(std::string(e.what()).rfind(expected, 0) == 0u, e.what());
            }
        }
    }
    std::filesystem::remove(path);
    // Without a file name, the line.
    try {
        import_text(utf16(true, true));
        BOOST_FAIL("no exception");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()) == "<input>: the file is UTF-16 text: save it as UTF-8");
    }
    // The UTF-8 byte-order mark is still read past.
    BOOST_TEST(import_text("\xEF\xBB\xBF" + text).plan.recommendations.size() == 1u);
}

BOOST_AUTO_TEST_CASE(truncated_lines_are_padded_and_warned) {
    std::string text = std::string(kHeader) +
                       "\t\tCHILDREN LOOKED AFTER\n"
                       "Immediately\n"
                       "1\tEnsure that visits happen\n"
                       "\t1.1\tVisit every child\tVisits audited\n"  // cut after Progress
                       "\t1.2\n";                                     // only a reference
    ImportResult r = import_text(text);
    BOOST_TEST_REQUIRE(r.plan.recommendations.size() == 1u);
    const auto& acts = r.plan.recommendations[0].actions;
    BOOST_TEST_REQUIRE(acts.size() == 2u);
    BOOST_TEST(acts[0].ref == "1.1");
    BOOST_TEST((acts[0].status == ActionStatus::in_progress));
    BOOST_TEST(acts[1].ref == "1.2");
    BOOST_TEST(has_warning(r, 5, "no lead"));
    BOOST_TEST(has_warning(r, 6, "no description"));
    BOOST_TEST(std::string(to_string(r.plan.recommendations[0].timescale)) == "immediately");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_replaced_and_warned) {
    std::string text = std::string(kHeader) +
                       "\t\tCHILDREN LOOKED AFTER\n"
                       "Immediately\n"
                       "1\tEnsure caf\xe9 visits\n"
                       "\t1.1\tVisit \xff\xfe child\tDone\tBetter\tMore\tTBC\tAnn Lee\n";
    ImportResult r = import_text(text);
    BOOST_TEST(has_warning(r, 4, "UTF-8"));
    BOOST_TEST(has_warning(r, 5, "UTF-8"));
    const Action* a = r.plan.find_action("1.1");
    BOOST_TEST_REQUIRE(a != nullptr);
    BOOST_TEST(a->description == "Visit \xEF\xBF\xBD\xEF\xBF\xBD child");
    BOOST_TEST(a->lead == "Ann Lee");
    BOOST_TEST(r.plan.recommendations[0].text == "Ensure caf\xEF\xBF\xBD visits");
}

BOOST_AUTO_TEST_CASE(extra_cells_and_rows_before_recommendations_are_warned) {
    std::string text = std::string(kHeader) +
                       "\t\t\t\t\tOrphan to-do\t\t\n"
                       "\t\tCHILDREN LOOKED AFTER\n"
                       "Within three months\n"
                       "1\tEnsure x\n"
                       "\t1.1\tDo\tp\ti\tt\tTBC\tAnn Lee\tSURPLUS\n";
    ImportResult r = import_text(text);
    BOOST_TEST(has_warning(r, 2, "not imported"));
    BOOST_TEST((r.lines[1].use == LineUse::ignored));
    BOOST_TEST(has_warning(r, 6, "SURPLUS"));
    BOOST_TEST(r.plan.find_action("1.1")->lead == "Ann Lee");
}

BOOST_AUTO_TEST_CASE(northbridge_sample_plan) {
    // examples/data/sample_plan.txt: the README's main job imports it with --report-date 2025-03-14
    SeedImportOptions o;
    o.report_date = Date::from_ymd(2025, 3, 14);
    o.authority = "Northbridge City Council";
    ImportResult r = import_seed_plan_file(OVERSIGHT_TEST_DATA_DIR "/../../examples/data/sample_plan.txt", o);
    const Plan& p = r.plan;
    BOOST_TEST_REQUIRE(p.sections.size() == 2u);
    BOOST_TEST(p.sections[0] == "HELP AND PROTECTION");
    BOOST_TEST(p.sections[1] == kCla);
    BOOST_TEST_REQUIRE(p.recommendations.size() == 8u);
    std::size_t actions = 0;
    std::set<Timescale> scales[2];
    for (const auto& rec : p.recommendations) {
        actions += rec.actions.size();
        scales[rec.section == kCla].insert(rec.timescale);
    }
    BOOST_TEST(actions == 15u);
    BOOST_TEST(scales[0].size() == 3u);
    BOOST_TEST(scales[1].size() == 3u);
    BOOST_TEST(has_warning(r, 9, "read as 2.2"));          // the deliberately lost reference
    BOOST_TEST(has_warning(r, 15, "continuation row"));    // and the continuation row
    BOOST_TEST(p.find_action("3.2")->tasks.size() == 2u);
    BOOST_TEST((p.find_action("6.2")->status == ActionStatus::withdrawn));
    BOOST_TEST(p.find_action("2.1")->milestones.at(0).date.iso() == "2025-05-30");
    BOOST_TEST(p.find_action("1.1")->updates.at(0).date.iso() == "2025-03-14");
    BOOST_TEST((p.find_action("3.1")->cost.kind == Cost::Kind::range));
    BOOST_TEST(p.find_action("4.2")->cost.per_unit == "foster carer");
    for (const auto& il : r.lines) BOOST_TEST((il.use != LineUse::ignored));
}

BOOST_AUTO_TEST_SUITE_END()
