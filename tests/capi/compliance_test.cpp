// <oversight/c/compliance.h> only through <oversight.h>: the report as JSON,
// CSV and text, a host due date that differs, and every malformed argument.
#include "capi_test.hpp"

#include "casework_fixture.hpp"

#include <algorithm>
#include <string>

using namespace capi_test;

namespace {

const oversight_date kAsOf{2024, 6, 30};

oversight_compliance_options options(const oversight_date* as_of = &kAsOf) {
    oversight_compliance_options o = OVERSIGHT_COMPLIANCE_OPTIONS_INIT;
    o.as_of = as_of;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compliance)

BOOST_AUTO_TEST_CASE(inits) {
    oversight_compliance_options o{};
    EXPECT_OK(oversight_compliance_options_init(&o, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION));
    BOOST_TEST((o.as_of == nullptr && o.period_from == nullptr && o.period_to == nullptr &&
                o.window_working_days == 10 && o.recording_threshold_working_days == 5 && o.team == nullptr &&
                o.worker == nullptr && o.rule == nullptr && o.area == nullptr && o.rule_pack == nullptr &&
                o.calendar == nullptr));
    EXPECT_FAIL(oversight_compliance_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_options_init(&o, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_options_init(&o, 2), OVERSIGHT_E_INVALID_ARG);
}

BOOST_FIXTURE_TEST_CASE(json_csv_and_text, CaseworkFixture) {
    // The first visit (within a week of the placement on 1 March 2024: due
    // 8 March) was made on 5 March; the case system thought it due 2 March.
    auto e = event("C1", "visit", {2024, 3, 5}, "{\"due_date\":\"2024-03-02\"}");
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    oversight_compliance_options o = options();
    oversight_date from{2024, 3, 1};
    o.period_from = &from;
    char* out = nullptr;
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    const auto doc = take_document(out, "oversight-compliance");
    BOOST_TEST(doc["as_of"] == "2024-06-30");
    BOOST_TEST(doc["period"]["from"] == "2024-03-01");
    BOOST_TEST(doc["period"]["to"] == "2024-06-30");
    const auto& items = doc["items"];
    BOOST_REQUIRE(!items.empty());
    int on_time = 0, host = 0;
    for (const auto& i : items) {
        BOOST_TEST(i["child"] == "C1");
        BOOST_TEST(i["worker"] == "Ann Lee");
        BOOST_TEST(i["team"] == "Team A");
        on_time += i["state"] == "met_on_time";
        if (!i["host_due"].is_null()) {
            ++host;
            BOOST_TEST(i["met_on"] == "2024-03-05");
            BOOST_TEST(i["host_due"]["date"] == "2024-03-02");
            BOOST_TEST(i["host_due"]["explanation"] ==
                       "host due date 2024-03-02 from event visit on 2024-03-05 (attribute due_date)");
            BOOST_TEST(contains(i["explanation"].get<std::string>(), "Rule "));
        }
    }
    BOOST_TEST(host == 1);
    BOOST_TEST(doc["groups"][0]["by"] == "overall");
    BOOST_TEST(doc["groups"][0]["numerator"] == on_time);

    EXPECT_OK(oversight_compliance_csv(store, &o, 1, nullptr, &out));
    const std::string rows = take(out);
    BOOST_TEST(std::count(rows.begin(), rows.end(), '\n') == static_cast<long>(items.size()) + 1);
    EXPECT_OK(oversight_compliance_csv(store, &o, 0, "team", &out));
    const std::string teams = take(out);
    BOOST_TEST(contains(teams, "team,Team A," + std::to_string(on_time) + ","), teams);
    EXPECT_OK(oversight_compliance_text(store, &o, 1, nullptr, &out));
    const std::string text = take(out);
    BOOST_TEST(contains(text, "Compliance as of 2024-06-30"), text);
    BOOST_TEST(contains(text, "theirs: host due date 2024-03-02"), text);

    // Filters: by the worker allocated on the due date; NULL options: today.
    o.worker = "Ann Lee";
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    BOOST_TEST(take_document(out, "oversight-compliance")["items"].size() == items.size());
    EXPECT_OK(oversight_compliance_json(store, nullptr, &out));
    take_document(out, "oversight-compliance");
}

BOOST_FIXTURE_TEST_CASE(malformed_arguments, CaseworkFixture) {
    char* out = nullptr;
    oversight_compliance_options o = options();
    EXPECT_FAIL(oversight_compliance_json(nullptr, &o, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_json(store, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_csv(store, &o, 0, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_text(nullptr, &o, 0, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_compliance_csv(store, &o, 0, "month", &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_text(store, &o, 0, kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    oversight_compliance_options bad = o;
    bad.version = 9;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.as_of = &kBadDate;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.period_to = &kJunkDate;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    oversight_date early{2020, 1, 1};
    bad.period_to = &early;
    bad.period_from = &kAsOf;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.window_working_days = -1;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.recording_threshold_working_days = 4000;
    EXPECT_FAIL(oversight_compliance_csv(store, &bad, 1, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.team = kSql;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "no team named"), message());
    bad = o;
    bad.worker = kBadUtf8;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.rule = "no.such.rule";
    EXPECT_FAIL(oversight_compliance_text(store, &bad, 1, nullptr, &out), OVERSIGHT_E_NOT_FOUND);
    bad = o;
    bad.area = "nowhere";
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(out == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
