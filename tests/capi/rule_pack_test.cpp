// <oversight/c/rule_pack.h>: rule packs and statutory due dates, only
// through <oversight.h>.
#include "capi_test.hpp"

#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

using namespace capi_test;

namespace {

const std::string kData = OVERSIGHT_PROJECT_DATA_DIR;
const oversight_date kFriday{2012, 8, 24};  // before the August bank holiday 2012

/// Checks status and that a message was recorded.
void expect_fail(oversight_status got, oversight_status want) {
    BOOST_TEST(got == want);
    BOOST_TEST(oversight_last_error_code() == want);
    BOOST_TEST(has_message());
}

struct Pack {
    oversight_rule_pack* p = nullptr;
    Pack() { BOOST_REQUIRE(oversight_rule_pack_open_default(&p) == OVERSIGHT_OK); }
    ~Pack() { oversight_rule_pack_free(p); }
};

const char* kLocal =
    "name = \"council\"\n"
    "[[rule]]\n"
    "id = \"lac.review.first\"\n"
    "title = \"First review (local: 15 working days)\"\n"
    "kind = \"within\"\n"
    "trigger = \"became_looked_after\"\n"
    "satisfied_by = [\"review\"]\n"
    "duration = \"15 working days\"\n"
    "source = \"Local policy\"\n"
    "status = \"local\"\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_pack)

BOOST_AUTO_TEST_CASE(default_pack_due_date_and_explanation) {
    Pack pack;
    BOOST_TEST(std::string(oversight_rule_pack_name(pack.p)) == "england");
    // Fri 2012-08-24 + 20 working days, Mon 27 Aug a bank holiday -> Mon 2012-09-24.
    oversight_date due{};
    BOOST_TEST(oversight_rule_pack_due_date(pack.p, "lac.review.first", kFriday, nullptr, &due) == OVERSIGHT_OK);
    BOOST_TEST(due.year == 2012);
    BOOST_TEST(due.month == 9);
    BOOST_TEST(due.day == 24);

    char* text = nullptr;
    BOOST_TEST(oversight_rule_pack_explain(pack.p, "lac.review.first", kFriday, nullptr, &text) == OVERSIGHT_OK);
    const std::string why = take(text);
    BOOST_TEST(contains(why, "CPPCR 2010 reg 33(1)"), why);
    BOOST_TEST(contains(why, "Summer bank holiday"), why);
    BOOST_TEST(contains(why, "2012-09-24"), why);

    // A calendar with a closure on Tue 2012-08-28 moves it a working day.
    const oversight_calendar_day staff_day[] = {{oversight_date{2012, 8, 28}, "Staff day"}};
    oversight_calendar_options opts = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    opts.closures = staff_day;
    opts.closure_count = 1;
    oversight_calendar* cal = nullptr;
    BOOST_REQUIRE(oversight_calendar_open(&cal, &opts) == OVERSIGHT_OK);
    BOOST_TEST(oversight_rule_pack_due_date(pack.p, "lac.review.first", kFriday, cal, &due) == OVERSIGHT_OK);
    BOOST_TEST(due.day == 25);
    BOOST_TEST(oversight_rule_pack_explain(pack.p, "lac.review.first", kFriday, cal, &text) == OVERSIGHT_OK);
    BOOST_TEST(contains(take(text), "Staff day"));
    oversight_calendar_free(cal);
}

BOOST_AUTO_TEST_CASE(rules_json_lists_sources_statuses_and_layers) {
    Pack pack;
    char* json = nullptr;
    BOOST_TEST(oversight_rule_pack_rules_json(pack.p, &json) == OVERSIGHT_OK);
    const nlohmann::json doc = take_document(json, "oversight-rules");
    BOOST_TEST(doc["pack"] == "england");
    BOOST_TEST(doc["rules"].size() > 40u);
    const std::string all = doc.dump();
    BOOST_TEST(contains(all, "\"id\":\"cp.icpc\""));
    BOOST_TEST(contains(all, "\"status\":\"unconfirmed\""));
    BOOST_TEST(contains(all, "\"layer\":\"england\""));
    BOOST_TEST(contains(all, "\"text\":\"15 working days\""));
    BOOST_TEST(!contains(all, "\"layer\":\"council\""));
    // Status in law: the pending FGDM precondition is listed (never scheduled).
    BOOST_TEST(contains(all, "\"kind\":\"precondition\""));
    BOOST_TEST(contains(all, "\"commencement\":\"pending\""));
    BOOST_TEST(contains(all, "\"jurisdiction\":\"england\""));
}

BOOST_AUTO_TEST_CASE(local_toml_layered_over_default) {
    Pack base;
    oversight_rule_pack* local = nullptr;
    BOOST_REQUIRE(oversight_rule_pack_open_toml(&local, kLocal, nullptr) == OVERSIGHT_OK);
    BOOST_TEST(std::string(oversight_rule_pack_name(local)) == "council");
    oversight_rule_pack* both = nullptr;
    BOOST_REQUIRE(oversight_rule_pack_layered(&both, base.p, local) == OVERSIGHT_OK);
    BOOST_TEST(std::string(oversight_rule_pack_name(both)) == "england+council");

    // 15 working days from Fri 2012-08-24 -> Mon 2012-09-17; the base is unchanged.
    oversight_date due{};
    BOOST_TEST(oversight_rule_pack_due_date(both, "lac.review.first", kFriday, nullptr, &due) == OVERSIGHT_OK);
    BOOST_TEST((due.month == 9 && due.day == 17));
    BOOST_TEST(oversight_rule_pack_due_date(base.p, "lac.review.first", kFriday, nullptr, &due) == OVERSIGHT_OK);
    BOOST_TEST((due.month == 9 && due.day == 24));
    char* text = nullptr;
    BOOST_TEST(oversight_rule_pack_explain(both, "lac.review.first", kFriday, nullptr, &text) == OVERSIGHT_OK);
    BOOST_TEST(contains(take(text), "layer: council"));
    char* json = nullptr;
    BOOST_TEST(oversight_rule_pack_rules_json(both, &json) == OVERSIGHT_OK);
    BOOST_TEST(contains(take(json), "\"layer\":\"council\""));

    // A layer name given explicitly wins over the pack's name.
    oversight_rule_pack* named = nullptr;
    BOOST_REQUIRE(oversight_rule_pack_open_toml(&named, kLocal, "Merton 2024") == OVERSIGHT_OK);
    BOOST_TEST(oversight_rule_pack_rules_json(named, &json) == OVERSIGHT_OK);
    BOOST_TEST(contains(take(json), "\"layer\":\"Merton 2024\""));
    oversight_rule_pack_free(named);
    oversight_rule_pack_free(both);
    oversight_rule_pack_free(local);
}

BOOST_AUTO_TEST_CASE(open_file) {
    oversight_rule_pack* local = nullptr;
    const std::string path = kData + "/rules/example-local.toml";
    BOOST_REQUIRE(oversight_rule_pack_open_file(&local, path.c_str()) == OVERSIGHT_OK);
    BOOST_TEST(std::string(oversight_rule_pack_name(local)) == "example-local");
    oversight_rule_pack_free(local);

    local = reinterpret_cast<oversight_rule_pack*>(0x1);
    expect_fail(oversight_rule_pack_open_file(&local, (kData + "/rules/none.toml").c_str()), OVERSIGHT_E_IO);
    BOOST_TEST(local == nullptr);
    BOOST_TEST(contains(message(), "none.toml"));
    // A directory is not a pack file: an I/O error, not a parse error.
    expect_fail(oversight_rule_pack_open_file(&local, (kData + "/rules").c_str()), OVERSIGHT_E_IO);
    BOOST_TEST(contains(message(), "it is a directory"), message());

    const std::string bad = "deadline_test_bad.toml";
    {
        std::ofstream out(bad);
        out << "name = \"x\"\nrules = []\n";
    }
    expect_fail(oversight_rule_pack_open_file(&local, bad.c_str()), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), bad), message());
    BOOST_TEST(contains(message(), "rules"), message());
    std::remove(bad.c_str());
}

BOOST_AUTO_TEST_CASE(null_arguments) {
    Pack pack;
    oversight_rule_pack* out = nullptr;
    oversight_date due{};
    char* text = nullptr;
    expect_fail(oversight_rule_pack_open_default(nullptr), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_toml(nullptr, kLocal, nullptr), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_toml(&out, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    expect_fail(oversight_rule_pack_open_file(nullptr, "x.toml"), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_file(&out, nullptr), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_layered(nullptr, pack.p, pack.p), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_layered(&out, nullptr, pack.p), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_layered(&out, pack.p, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    oversight_rule_pack_free(nullptr);
    BOOST_TEST(std::string(oversight_rule_pack_name(nullptr)).empty());
    expect_fail(oversight_rule_pack_rules_json(nullptr, &text), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_rules_json(pack.p, nullptr), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_due_date(nullptr, "cp.icpc", kFriday, nullptr, &due), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_due_date(pack.p, nullptr, kFriday, nullptr, &due), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_due_date(pack.p, "cp.icpc", kFriday, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_explain(nullptr, "cp.icpc", kFriday, nullptr, &text), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_explain(pack.p, nullptr, kFriday, nullptr, &text), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(text == nullptr);
    expect_fail(oversight_rule_pack_explain(pack.p, "cp.icpc", kFriday, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_CASE(malformed_arguments) {
    Pack pack;
    oversight_rule_pack* out = nullptr;
    oversight_date due{1, 1, 1};
    char* text = nullptr;

    // Bad dates, unknown ids, invalid UTF-8, SQL metacharacters.
    expect_fail(oversight_rule_pack_due_date(pack.p, "cp.icpc", oversight_date{2013, 2, 29}, nullptr, &due),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(due.year == 0);
    expect_fail(oversight_rule_pack_explain(pack.p, "cp.icpc", oversight_date{2012, 13, 1}, nullptr, &text),
                OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_due_date(pack.p, "no.such.rule", kFriday, nullptr, &due), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "no.such.rule"));
    expect_fail(oversight_rule_pack_due_date(pack.p, kSql, kFriday, nullptr, &due), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), kSql), message());
    expect_fail(oversight_rule_pack_explain(pack.p, "\xff", kFriday, nullptr, &text), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_toml(&out, "name = \"\xff\"", nullptr), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_toml(&out, kLocal, "\xff"), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_file(&out, "\xff.toml"), OVERSIGHT_E_INVALID_ARG);
    expect_fail(oversight_rule_pack_open_file(&out, kSql), OVERSIGHT_E_IO);
    BOOST_TEST(out == nullptr);

    // Outside the rule's era; school units need a school calendar.
    expect_fail(oversight_rule_pack_due_date(pack.p, "assessment.single", oversight_date{2012, 1, 2}, nullptr, &due),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "2013-04-15"));
    expect_fail(oversight_rule_pack_due_date(pack.p, "pep.initiation.school_days", kFriday, nullptr, &due),
                OVERSIGHT_E_INVALID_ARG);

    // TOML errors name the rule and field.
    std::string toml = kLocal;
    toml += "colour = \"red\"\n";
    expect_fail(oversight_rule_pack_open_toml(&out, toml.c_str(), "council"), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "lac.review.first"), message());
    BOOST_TEST(contains(message(), "colour"), message());
    expect_fail(oversight_rule_pack_open_toml(&out, "not toml at all [", nullptr), OVERSIGHT_E_PARSE);
    expect_fail(oversight_rule_pack_open_toml(&out, "", nullptr), OVERSIGHT_E_PARSE);  // no name
    // A rule id with SQL metacharacters is rejected, not stored.
    toml = std::string("name = \"x\"\n[[rule]]\nid = \"") + "'; DROP TABLE x; --" + "\"\n";
    expect_fail(oversight_rule_pack_open_toml(&out, toml.c_str(), nullptr), OVERSIGHT_E_PARSE);
    BOOST_TEST(out == nullptr);

    // Layering a pack that disables an unknown id.
    oversight_rule_pack* typo = nullptr;
    BOOST_REQUIRE(oversight_rule_pack_open_toml(&typo, "name = \"t\"\ndisable = [\"lac.visit.yaer1\"]\n", nullptr) ==
                  OVERSIGHT_OK);
    expect_fail(oversight_rule_pack_layered(&out, pack.p, typo), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "lac.visit.yaer1"));
    BOOST_TEST(out == nullptr);
    oversight_rule_pack_free(typo);
}

BOOST_AUTO_TEST_CASE(one_pack_is_shared_by_threads) {
    Pack pack;
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                oversight_date due{};
                if (oversight_rule_pack_due_date(pack.p, "lac.review.first", kFriday, nullptr, &due) != OVERSIGHT_OK ||
                    due.month != 9 || due.day != 24)
                    ++wrong[t];
            }
        });
    for (auto& th : threads) th.join();
    for (int w : wrong) BOOST_TEST(w == 0);
}

BOOST_AUTO_TEST_SUITE_END()
