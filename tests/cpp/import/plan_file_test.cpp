#include <boost/test/unit_test.hpp>

#include "support/plan_fixtures.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/import/plan_file.hpp>
#include "support/shared_data.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

using namespace oversight;
using oversight::test::kSeedPlan;
using oversight::test::needs_shared;

namespace {

const std::string kSeed = oversight::test::shared_path(oversight::test::kSeedPlan);

using test::without_ids;

const std::string kNasty[] = {
    "comma, inside",
    "\"quoted\" and a lone \" quote",
    "line one\nline two\r\nline three",
    "\ttab at the start and end\t",
    "  leading and trailing spaces  ",
    "'; DROP TABLE actions; --",
    "Caf\xC3\xA9 \xE2\x80\x93 \xC2\xA3" "5k \xE2\x80\xA2 \xF0\x9F\x98\x80 \xE5\x84\xBF\xE7\xAB\xA5",
    "",
    "=1+1",
};

Cost full_cost(const std::string& s) {
    Cost c;
    c.text = s;
    c.kind = Cost::Kind::range;
    c.amount_pence = -5;
    c.high_pence = INT64_MAX;
    c.approximate = true;
    c.period = Cost::Period::per_annum;
    c.per_unit = s + "u";
    c.alternative = s + "alt";
    c.note = s + "note";
    return c;
}

// Every field of plan.hpp set, most to awkward strings, and non-zero ids.
Plan nasty_plan() {
    Plan p;
    p.id = 7;
    p.title = kNasty[1];
    p.authority = kNasty[6];
    p.report_date = Date::from_ymd(2024, 2, 29);
    p.settings = {3, 14, 60};
    int n = 1;
    for (const auto& s : kNasty) p.sections.push_back(s.empty() ? "empty" : s);
    for (const auto& s : kNasty) {
        Recommendation r;
        r.id = 100 + n;
        r.number = n;
        r.section = p.sections[static_cast<std::size_t>(n - 1)];
        r.text = s;
        r.timescale = n % 2 ? Timescale::by_date : Timescale::within_six_months;
        if (n % 2) r.explicit_date = Date::from_ymd(2025, 1, n);
        r.lead = s;
        r.cost = n % 3 ? full_cost(s) : Cost{};
        Action a;
        a.id = 200 + n;
        a.ref = std::to_string(n) + ".1";
        a.description = s;
        a.lead = s;
        a.status = n % 2 ? ActionStatus::blocked : ActionStatus::complete;
        if (n % 2) a.due = Date::from_ymd(2025, 3, n);
        a.impact_intended = s;
        a.impact_evidence = s + s;
        a.cost = full_cost(s);
        a.updates.push_back({300 + n, Date::from_ymd(2024, 5, n), s, s});
        a.updates.push_back({0, Date::from_ymd(2024, 6, n), "", "second"});
        a.milestones.push_back({400 + n, Date::from_ymd(2024, 7, n), s, n % 2 == 0});
        a.tasks.push_back({500 + n, s, s, std::nullopt, false});
        a.tasks.push_back({0, "t", "", Date::from_ymd(2026, 1, 1), true});
        if (n % 2) a.rag_override = RagOverride{Rag::red, s, s, Date::from_ymd(2024, 8, 1)};
        else if (n == 4) a.rag_override = RagOverride{Rag::none, "", "", Date::from_ymd(2024, 8, 2)};
        r.actions.push_back(a);
        Action bare;
        bare.ref = a.ref;  // a duplicate ref: children still go to the right action (by position)
        r.actions.push_back(bare);
        p.recommendations.push_back(r);
        ++n;
    }
    Recommendation last;  // nothing set but the largest number the files carry (and a store takes)
    last.number = Recommendation::max_number;
    p.recommendations.push_back(last);
    return p;
}

void expect_parse_error(const std::function<void()>& f, const std::string& fragment) {
    try {
        f();
        BOOST_FAIL("no exception; expected one mentioning " << fragment);
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(Status::parse));
        BOOST_TEST(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
}

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "fixture text not found: " << from);
    return s.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_io)

namespace {

// A plan imported from a PDF export survives JSON and CSV unchanged, and
// writing it again gives the same text.
void check_round_trip(const std::string& path, Date report_date, std::size_t recommendations) {
    SeedImportOptions o;
    o.report_date = report_date;
    o.authority = "Northbridge City Council";
    Plan seed = import_seed_plan_file(path, o).plan;
    BOOST_TEST_REQUIRE(seed.recommendations.size() == recommendations);
    Plan from_json = plan_from_json(plan_to_json(seed));
    BOOST_TEST((without_ids(from_json) == without_ids(seed)));
    Plan from_csv = plan_from_csv(plan_to_csv(seed));
    BOOST_TEST((without_ids(from_csv) == without_ids(seed)));
    BOOST_TEST(plan_to_csv(from_csv) == plan_to_csv(seed));
    BOOST_TEST(plan_to_json(from_json) == plan_to_json(seed));
}

}  // namespace

BOOST_AUTO_TEST_CASE(sample_round_trips_through_json_and_csv) {
    check_round_trip(OVERSIGHT_TEST_DATA_DIR "/../../examples/data/sample_plan.txt", Date::from_ymd(2025, 3, 14), 8);
}

BOOST_AUTO_TEST_CASE(seed_round_trips_through_json_and_csv, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    check_round_trip(kSeed, Date::from_ymd(2012, 10, 12), 20);
}

BOOST_AUTO_TEST_CASE(nasty_strings_and_every_field_round_trip) {
    Plan p = nasty_plan();
    Plan j = plan_from_json(plan_to_json(p));
    Plan c = plan_from_csv(plan_to_csv(p));
    BOOST_TEST((j != p));  // ids are not carried...
    BOOST_TEST((without_ids(j) == without_ids(p)));  // ...everything else is
    BOOST_TEST((without_ids(c) == without_ids(p)));
    BOOST_TEST(j.recommendations[5].text == "'; DROP TABLE actions; --");
    BOOST_TEST(c.recommendations[3].text == "\ttab at the start and end\t");
    BOOST_TEST(c.recommendations[2].actions[0].updates[0].text == "line one\nline two\r\nline three");
    BOOST_TEST(c.recommendations[3].actions[0].rag_override.has_value());
    BOOST_TEST((c.recommendations[3].actions[0].rag_override->rag == Rag::none));
    BOOST_TEST(!c.recommendations[1].actions[0].rag_override.has_value());
    BOOST_TEST(c.settings.stale_update_days == 60);
}

BOOST_AUTO_TEST_CASE(empty_plan_round_trips) {
    Plan p;
    BOOST_TEST((plan_from_json(plan_to_json(p)) == p));
    BOOST_TEST((plan_from_csv(plan_to_csv(p)) == p));
}

BOOST_AUTO_TEST_CASE(csv_header_is_fixed) {
    std::string csv = plan_to_csv(Plan{});
    BOOST_TEST(csv.rfind("record,number,ref,section,text,timescale,date,lead,status,due,impact_intended,"
                         "impact_evidence,author,owner,done,cost_text,cost_kind,cost_amount_pence,cost_high_pence,"
                         "cost_approximate,cost_period,cost_per_unit,cost_alternative,cost_note,rag,rag_by,rag_reason,"
                         "rag_set_on,title,authority,report_date,immediately_days,due_soon_days,stale_update_days\r\n",
                         0) == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_plan_cannot_be_written) {
    Plan p;
    p.title = "bad \xff";
    BOOST_CHECK_THROW(plan_to_json(p), Error);
    BOOST_CHECK_THROW(plan_to_csv(p), Error);
}

BOOST_AUTO_TEST_CASE(malformed_json_names_the_place) {
    const std::string good = plan_to_json(nasty_plan());
    expect_parse_error([&] { plan_from_json("{not json"); }, "<input>: line 1, column");
    expect_parse_error([&] { plan_from_json(""); }, "<input>: line 1, column 0");
    expect_parse_error([&] { plan_from_json("[]"); }, "JSON /: expected an object");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"status\": \"blocked\"", "\"status\": \"sleeping\"")); },
                       "/recommendations/0/actions/0/status: unknown action status \"sleeping\"");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"kind\": \"range\"", "\"kind\": \"lots\"")); },
                       "/recommendations/0/cost/kind");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"timescale\": \"by_date\"", "\"timescale\": 3")); },
                       "/recommendations/0/timescale: expected a string");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"rag\": \"red\"", "\"rag\": \"purple\"")); },
                       "/recommendations/0/actions/0/rag_override/rag");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"report_date\": \"2024-02-29\"",
                                                          "\"report_date\": \"2023-02-29\"")); },
                       "/report_date: not a date");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"title\"", "\"titel\"")); }, "/titel: unknown member");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"version\": 1", "\"version\": 2")); }, "/version");
    expect_parse_error([&] { plan_from_json(replace_first(good, "\"done\": false", "\"done\": \"no\"")); },
                       "/done: expected true or false");
}

BOOST_AUTO_TEST_CASE(malformed_csv_names_line_and_field) {
    const std::string good = plan_to_csv(nasty_plan());
    expect_parse_error([&] { plan_from_csv(""); }, "<input>:1: empty, expected a header row");
    expect_parse_error([&] { plan_from_csv(replace_first(good, "record,number", "kind,number")); },
                       "<input>:1:1 (kind): header must be \"record\"");
    expect_parse_error([&] { plan_from_csv(replace_first(good, ",blocked,", ",sleeping,")); },
                       ":9 (status): unknown action status \"sleeping\"");
    expect_parse_error([&] { plan_from_csv(replace_first(good, "\r\naction,", "\r\nactoin,")); },
                       "unknown record type \"actoin\"");
    expect_parse_error([&] { plan_from_csv(replace_first(good, ",by_date,", ",someday,")); }, ":6 (timescale)");
    expect_parse_error([&] { plan_from_csv(good + "task,1,1.1,\"unterminated\r\n"); }, "a quoted field is not closed");
    expect_parse_error([&] { plan_from_csv(good + "task,1\r\n"); }, "fields, expected 34");
    // the plan record is on line 2
    expect_parse_error([&] { plan_from_csv(replace_first(good, ",2024-02-29,3,14,60", ",2024-02-30,3,14,60")); },
                       "<input>:2:31 (report_date): not a date");
    expect_parse_error([&] { plan_from_csv(replace_first(good, ",2024-02-29,3,14,60", ",2024-02-29,x,14,60")); },
                       "<input>:2:32 (immediately_days): not an integer");
    // a task before any action
    std::string orphan = plan_to_csv(Plan{}) + "task,1,1.1,,do it,,,,,,,,,,false,,,,,,,,,,,,,,,,,,,\r\n";
    expect_parse_error([&] { plan_from_csv(orphan); }, "before any recommendation");
}

BOOST_AUTO_TEST_CASE(csv_line_numbers_count_embedded_newlines) {
    Plan p;
    Recommendation r;
    r.number = 1;
    r.text = "three\nline\ntext";
    p.recommendations.push_back(r);
    std::string csv = plan_to_csv(p);
    // header (line 1), plan (2), recommendation (3-5); a bad record follows on line 6
    csv += "milestone,1,,,x,,not-a-date,,,,,,,,false,,,,,,,,,,,,,,,,,,,\r\n";
    expect_parse_error([&] { plan_from_csv(csv); }, "<input>:6:1 (record): \"milestone\" record before any action");
}

BOOST_AUTO_TEST_CASE(canonical_csv_is_read_by_the_csv_reader) {
    const Plan p = nasty_plan();
    const std::string good = plan_to_csv(p);
    // Invalid UTF-8 and the encodings the reader refuses are parse errors naming the place.
    expect_parse_error([&] { plan_from_csv(replace_first(good, "comma, inside", "comma,\xff inside")); },
                       "<input>:3:5 (text): text is not valid UTF-8");
    expect_parse_error([&] { plan_from_csv(std::string("\xFF\xFE", 2) + good); }, "UTF-16");
    const std::string nul("\r\nsec\0tion,", 11);
    expect_parse_error([&] { plan_from_csv(replace_first(good, "\r\nsection,", nul)); }, "<input>:3: a NUL byte");
    // A named source names the file; lines of spaces are skipped like empty ones.
    std::string spaced = replace_first(good, "\r\nsection,", "\r\n   \r\n\r\nsection,");
    BOOST_CHECK(plan_from_csv(spaced) == without_ids(p));
    PlanImport named = import_plan_text(spaced, PlanFormat::csv, "plan.csv");
    BOOST_TEST(named.summary.count("records") == import_plan_text(good, PlanFormat::csv).summary.count("records"));
    expect_parse_error([&] { import_plan_text(good + "task,1\r\n", PlanFormat::csv, "plan.csv"); },
                       "plan.csv:" + std::to_string(std::count(good.begin(), good.end(), '\n') + 1) +
                           ": 2 fields, expected 34");
    // From a file, record by record.
    const std::string path = (std::filesystem::temp_directory_path() / "oversight_plan_file_test.csv").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << good;
    }
    PlanImport from_file = import_plan_file(path);
    std::filesystem::remove(path);
    BOOST_CHECK(from_file.plan == without_ids(p));
    BOOST_TEST(from_file.summary.source == path);
    BOOST_TEST(from_file.summary.count("records") > from_file.summary.count("actions"));
}

BOOST_AUTO_TEST_CASE(utf16_plans_and_nul_bytes_are_refused_not_imported_as_garbage) {
    const Plan p = nasty_plan();
    auto as_utf16 = [](const std::string& text) {
        std::string out;
        for (char c : text) out += std::string{c, '\0'};  // ASCII text, little-endian, no mark
        return out;
    };
    const std::string dir = std::filesystem::temp_directory_path().string();
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"oversight_u16.csv", plan_to_csv(p)},
                                     std::pair<std::string, std::string>{"oversight_u16.json", plan_to_json(p)}}) {
        const std::string path = dir + "/" + name;
        for (const std::string& bytes : {as_utf16(text), "\xFF\xFE" + as_utf16(text)}) {
            {
                std::ofstream out(path, std::ios::binary);
                out << bytes;
            }
            expect_parse_error([&] { import_plan_file(path); }, path + ": the file is UTF-16 text: save it as UTF-8");
        }
        std::filesystem::remove(path);
    }
    std::string json = plan_to_json(p);
    json.insert(json.find('\n') + 1, std::string(1, '\0'));
    expect_parse_error([&] { import_plan_text(json, PlanFormat::json, "plan.json"); }, "plan.json:2: a NUL byte");
    // A UTF-8 byte-order mark stays accepted.
    BOOST_CHECK(import_plan_text("\xEF\xBB\xBF" + plan_to_json(p), PlanFormat::json).plan == without_ids(p));
    BOOST_CHECK(import_plan_text("\xEF\xBB\xBF" + plan_to_csv(p), PlanFormat::csv).plan == without_ids(p));
    // However many marks nlohmann's reader and ours skip between them,
    // import_plan_text reads as plan_from_json does (a fuzzer's find: the
    // mark was skipped once more in one of them, and the error's column moved).
    const std::string twice = "\xEF\xBB\xBF\xEF\xBB\xBF";
    BOOST_CHECK(import_plan_text(twice + plan_to_json(p), PlanFormat::json).plan == plan_from_json(twice + plan_to_json(p)));
    std::string direct;
    try {
        plan_from_json(twice + "rction,1");
    } catch (const Error& e) {
        direct = e.what();
    }
    BOOST_TEST(direct.find("column 4") != std::string::npos, direct);
    expect_parse_error([&] { import_plan_text(twice + "rction,1", PlanFormat::json); }, direct);
}

BOOST_AUTO_TEST_CASE(import_plan_text_and_file_give_the_plan_and_its_summary) {
    const Plan p = nasty_plan();
    PlanImport json = import_plan_text(plan_to_json(p), PlanFormat::json, "plan.json");
    PlanImport csv = import_plan_text(plan_to_csv(p), PlanFormat::csv);
    BOOST_CHECK(json.plan == without_ids(p));
    BOOST_CHECK(csv.plan == without_ids(p));
    BOOST_TEST(json.summary.importer == "plan-json");
    BOOST_TEST(json.summary.source == "plan.json");
    BOOST_TEST(csv.summary.importer == "plan-csv");
    BOOST_TEST(csv.summary.source == "");
    for (const ImportSummary* s : {&json.summary, &csv.summary}) {
        BOOST_TEST(s->issues.empty());  // strict formats: a problem is an error, never an issue
        BOOST_TEST(s->count("sections") == static_cast<std::int64_t>(p.sections.size()));
        BOOST_TEST(s->count("recommendations") == static_cast<std::int64_t>(p.recommendations.size()));
        BOOST_TEST(s->count("actions") == 2 * static_cast<std::int64_t>(std::size(kNasty)));
        BOOST_TEST(s->count("progress_updates") == 2 * static_cast<std::int64_t>(std::size(kNasty)));
        BOOST_TEST(s->count("tasks") == 2 * static_cast<std::int64_t>(std::size(kNasty)));
        BOOST_TEST(s->count("milestones") == static_cast<std::int64_t>(std::size(kNasty)));
    }
    // The errors of a named source name it.
    expect_parse_error([&] { import_plan_text("[]", PlanFormat::json, "plan.json"); },
                       "plan.json: JSON /: expected an object");

    BOOST_TEST((plan_file_format("a/b/plan.JSON") == PlanFormat::json));
    BOOST_TEST((plan_file_format("plan.csv") == PlanFormat::csv));
    BOOST_TEST(!plan_file_format("plan.txt"));
    BOOST_TEST(!plan_file_format("plans.csv/seed"));
    BOOST_TEST(!plan_file_format("csv"));
    BOOST_CHECK_EXCEPTION(import_plan_file("plan.txt"), Error,
                          [](const Error& e) { return e.code() == Status::invalid_arg; });
    BOOST_CHECK_EXCEPTION(import_plan_file("/nonexistent/plan.json"), Error, [](const Error& e) {
        return e.code() == Status::io && std::string(e.what()).find("/nonexistent/plan.json") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(plan_file_overrides)

BOOST_AUTO_TEST_CASE(only_the_given_values_replace_the_files) {
    Plan p;
    p.title = "From the file";
    p.authority = "File Council";
    p.report_date = Date::parse_iso("2012-09-14");
    const Plan same = with_overrides(p, {});
    BOOST_TEST(same.title == "From the file");
    BOOST_TEST(same.authority == "File Council");
    BOOST_TEST(same.report_date->iso() == "2012-09-14");
    PlanFileOverrides o;
    o.title = "Given";
    o.report_date = Date::parse_iso("2012-09-21");
    const Plan changed = with_overrides(p, o);
    BOOST_TEST(changed.title == "Given");
    BOOST_TEST(changed.authority == "File Council");
    BOOST_TEST(changed.report_date->iso() == "2012-09-21");
}

BOOST_AUTO_TEST_SUITE_END()
