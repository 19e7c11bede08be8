// <oversight/c/compliance.h> only through <oversight.h>: the report as JSON,
// CSV and text, a host due date that differs, and every malformed argument.
#include "capi_test.hpp"

#include "casework_fixture.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

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
                o.calendar == nullptr && o.recount == 0 && o.explain == 1));
    // A version 1 struct ends before `recount`, a version 2 one before
    // `explain`: init writes no further.
    oversight_compliance_options v1;
    std::memset(&v1, 0x5a, sizeof v1);
    EXPECT_OK(oversight_compliance_options_init(&v1, 1));
    BOOST_TEST(v1.version == 1u);
    BOOST_TEST(v1.window_working_days == 10);
    BOOST_TEST(v1.recount == 0x5a5a5a5a);
    oversight_compliance_options v2;
    std::memset(&v2, 0x5a, sizeof v2);
    EXPECT_OK(oversight_compliance_options_init(&v2, 2));
    BOOST_TEST(v2.version == 2u);
    BOOST_TEST(v2.recount == 0);
    BOOST_TEST(v2.explain == 0x5a5a5a5a);
    oversight_compliance_options v3;
    std::memset(&v3, 0x5a, sizeof v3);
    EXPECT_OK(oversight_compliance_options_init(&v3, 3));
    BOOST_TEST(v3.explain == 1);
    BOOST_TEST(reinterpret_cast<std::uintptr_t>(v3.child) == static_cast<std::uintptr_t>(0x5a5a5a5a5a5a5a5aULL));
    BOOST_TEST(o.child == nullptr);
    EXPECT_FAIL(oversight_compliance_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_options_init(&o, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_options_init(&o, 5), OVERSIGHT_E_INVALID_ARG);
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

namespace {

/// An oversight_compliance_row_fn gathering each row into a list; it stops
/// after `stop_after` rows (0: never).
struct Gathered {
    std::vector<std::string> rows;
    std::size_t stop_after = 0;
};
int32_t OVERSIGHT_CALL gather(void* context, const char* row, size_t length) {
    auto* g = static_cast<Gathered*>(context);
    BOOST_TEST(row[length] == '\0');
    g->rows.emplace_back(row, length);
    return g->stop_after && g->rows.size() >= g->stop_after ? 1 : 0;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(one_childs_rows_on_demand, CaseworkFixture) {
    // Version 4's `child`: that child's rows, explained, as the whole
    // report has them (the case counted afresh, a kept report or not).
    EXPECT_OK(oversight_casework_save_child(store, "C2", nullptr));
    EXPECT_OK(oversight_casework_allocate(store, "C2", "Ann Lee", kStart));
    auto e = event("C2", "became_looked_after", {2024, 4, 2});
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    e = event("C2", "placement_start", {2024, 4, 2}, "{\"placement_type\":\"U1\",\"legal_status\":\"C2\"}");
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    oversight_compliance_options o = options();
    char* out = nullptr;
    EXPECT_OK(oversight_compliance_keep(store, &o, &out));
    take(out);
    o.explain = 0;
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    const auto whole = take_document(out, "oversight-compliance");
    o.explain = 1;
    o.recount = 1;
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    const auto explained = take_document(out, "oversight-compliance");
    o.recount = 0;
    std::size_t rows = 0;
    for (const char* child : {"C1", "C2", " C2 "}) {
        oversight_compliance_options one = o;
        one.child = child;
        one.explain = 0;  // explained all the same
        EXPECT_OK(oversight_compliance_json(store, &one, &out));
        const auto doc = take_document(out, "oversight-compliance");
        nlohmann::json expected = nlohmann::json::array();
        for (const auto& i : explained["items"])
            if (i["child"] == std::string(child).substr(child[0] == ' ' ? 1 : 0, 2)) expected.push_back(i);
        BOOST_TEST(!expected.empty(), child);
        BOOST_TEST(doc["items"] == expected, child);
        for (const auto& i : doc["items"]) BOOST_TEST(!i["explanation"].get<std::string>().empty());
        if (child[0] != ' ') rows += doc["items"].size();
        // One at a time, the same rows.
        Gathered g;
        int64_t n = -1;
        EXPECT_OK(oversight_compliance_for_each_item(store, &one, "json", gather, &g, &n));
        BOOST_TEST(n == static_cast<int64_t>(expected.size()));
        BOOST_REQUIRE(g.rows.size() == expected.size());
        for (std::size_t k = 0; k < g.rows.size(); ++k) BOOST_TEST(nlohmann::json::parse(g.rows[k]) == expected[k]);
    }
    BOOST_TEST(rows == whole["items"].size());
    // A version 3 struct ends before `child`: not read.
    oversight_compliance_options v3 = o;
    v3.version = 3;
    v3.child = "NOBODY";
    EXPECT_OK(oversight_compliance_json(store, &v3, &out));
    BOOST_TEST(take_document(out, "oversight-compliance")["items"].size() == explained["items"].size());
    // An unknown child, hostile text, no text at all: an error naming it.
    oversight_compliance_options bad = o;
    bad.child = "NOBODY";
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(contains(message(), "no child with id 'NOBODY'"), message());
    bad.child = kSql;
    EXPECT_FAIL(oversight_compliance_csv(store, &bad, 1, nullptr, &out), OVERSIGHT_E_NOT_FOUND);
    bad.child = kBadUtf8;
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "child"), message());
    bad.child = "  ";
    EXPECT_FAIL(oversight_compliance_json(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
}

BOOST_FIXTURE_TEST_CASE(the_rows_one_at_a_time_are_the_documents_items, CaseworkFixture) {
    auto e = event("C1", "visit", {2024, 3, 5}, "{\"due_date\":\"2024-03-02\"}");
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    oversight_compliance_options o = options();
    const oversight_date from{2023, 1, 1};
    o.period_from = &from;
    char* out = nullptr;
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    const auto doc = take_document(out, "oversight-compliance");
    EXPECT_OK(oversight_compliance_csv(store, &o, 1, nullptr, &out));
    const std::string csv = take(out);
    BOOST_REQUIRE(doc["items"].size() >= 2u);
    for (bool kept : {false, true}) {
        if (kept) {
            EXPECT_OK(oversight_compliance_keep(store, &o, &out));
            take(out);
        }
        // JSON: each row one of the document's items, in its order.
        Gathered json;
        int64_t n = -1;
        EXPECT_OK(oversight_compliance_for_each_item(store, &o, "json", gather, &json, &n));
        BOOST_TEST(n == static_cast<int64_t>(doc["items"].size()));
        BOOST_REQUIRE(json.rows.size() == doc["items"].size());
        for (std::size_t i = 0; i < json.rows.size(); ++i) {
            BOOST_TEST(json.rows[i].find('\n') == std::string::npos);
            BOOST_TEST(nlohmann::json::parse(json.rows[i]) == doc["items"][i]);
        }
        // CSV: the header, then the rows: oversight_compliance_csv's text.
        Gathered lines;
        EXPECT_OK(oversight_compliance_for_each_item(store, &o, "csv", gather, &lines, nullptr));
        std::string joined;
        for (const std::string& l : lines.rows) joined += l;
        BOOST_TEST(joined == csv);
        // Stopped by the host after one row: OK, one row counted.
        Gathered one;
        one.stop_after = 1;
        EXPECT_OK(oversight_compliance_for_each_item(store, &o, nullptr, gather, &one, &n));
        BOOST_TEST(one.rows.size() == 1u);
        BOOST_TEST(n == 1);
    }
    // Malformed: no store, no function, another format, bad text, a bad
    // struct; *out_rows is 0 after a failure.
    Gathered none;
    int64_t n = 7;
    EXPECT_FAIL(oversight_compliance_for_each_item(nullptr, &o, "json", gather, &none, &n), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(n == 0);
    EXPECT_FAIL(oversight_compliance_for_each_item(store, &o, "json", nullptr, &none, &n), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_for_each_item(store, &o, "xml", gather, &none, &n), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_for_each_item(store, &o, kBadUtf8, gather, &none, &n), OVERSIGHT_E_INVALID_ARG);
    oversight_compliance_options bad = o;
    bad.version = 99;
    EXPECT_FAIL(oversight_compliance_for_each_item(store, &bad, "json", gather, &none, &n), OVERSIGHT_E_INVALID_ARG);
    o.worker = "Nobody Here";
    EXPECT_FAIL(oversight_compliance_for_each_item(store, &o, "json", gather, &none, &n), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_compliance_for_each_item(store, &o, "csv", gather, &none, &n), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(none.rows.empty());  // not even the CSV header
    // A filter that leaves no rows: the CSV header alone.
    o.worker = nullptr;
    o.rule = "lac.review.second";
    EXPECT_OK(oversight_compliance_for_each_item(store, &o, "csv", gather, &none, &n));
    BOOST_TEST(n == 0);
    BOOST_REQUIRE(none.rows.size() == 1u);
    BOOST_TEST(none.rows[0].rfind("team,worker,child,rule,", 0) == 0u);
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

BOOST_FIXTURE_TEST_CASE(a_kept_report_is_read_listed_and_forgotten, CaseworkFixture) {
    auto e = event("C1", "visit", {2024, 3, 5}, "{\"due_date\":\"2024-03-02\"}");
    EXPECT_OK(oversight_casework_record_event(store, &e, nullptr));
    oversight_compliance_options o = options();
    char* out = nullptr;
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    const std::string counted = take(out);

    EXPECT_OK(oversight_compliance_keep(store, &o, &out));
    const auto kept = take_document(out, "oversight-kept-compliance");
    BOOST_REQUIRE(kept["kept"].size() == 1u);
    const auto& k = kept["kept"][0];
    const std::string key = k["key"];
    BOOST_TEST(key.size() == 64u);
    BOOST_TEST(k["as_of"] == "2024-06-30");
    BOOST_TEST(k["rebuilt"] == true);
    BOOST_TEST(k["cases_counted"].get<int>() >= 1);
    // Read from the kept report: the same document; recounted (version 2's
    // recount), or asked with a version 1 struct (which has no recount), too.
    EXPECT_OK(oversight_compliance_json(store, &o, &out));
    BOOST_TEST(take(out) == counted);
    oversight_compliance_options recount = o;
    recount.recount = 1;
    EXPECT_OK(oversight_compliance_json(store, &recount, &out));
    BOOST_TEST(take(out) == counted);
    oversight_compliance_options v1 = o;
    v1.version = 1;
    v1.recount = 77;  // not read
    EXPECT_OK(oversight_compliance_json(store, &v1, &out));
    BOOST_TEST(take(out) == counted);
    // Unexplained (version 3's explain = 0), kept or recounted: the same
    // rows with every explanation "" (a version 2 struct is explained).
    const auto explained = nlohmann::json::parse(counted);
    BOOST_REQUIRE(!explained["items"].empty());
    for (int32_t again : {0, 1}) {
        oversight_compliance_options plain = o;
        plain.explain = 0;
        plain.recount = again;
        EXPECT_OK(oversight_compliance_json(store, &plain, &out));
        auto unexplained = take_document(out, "oversight-compliance");
        BOOST_REQUIRE(unexplained["items"].size() == explained["items"].size());
        for (std::size_t i = 0; i < unexplained["items"].size(); ++i) {
            BOOST_TEST(unexplained["items"][i]["explanation"] == "");
            BOOST_TEST(!explained["items"][i]["explanation"].get<std::string>().empty());
            unexplained["items"][i]["explanation"] = explained["items"][i]["explanation"];
        }
        BOOST_TEST(unexplained == explained);
    }
    oversight_compliance_options v2 = o;
    v2.version = 2;
    v2.explain = 0;  // not read
    EXPECT_OK(oversight_compliance_json(store, &v2, &out));
    BOOST_TEST(take(out) == counted);

    // A change after keeping: counted again on the way; kept again, only it.
    auto later = event("C1", "visit", {2024, 4, 10}, "{}");
    EXPECT_OK(oversight_casework_record_event(store, &later, nullptr));
    EXPECT_OK(oversight_compliance_keep(store, &o, &out));
    const auto again = take_document(out, "oversight-kept-compliance")["kept"][0];
    BOOST_TEST(again["key"] == key);
    BOOST_TEST(again["rebuilt"] == false);
    BOOST_TEST(again["cases_counted"] == 1);

    EXPECT_OK(oversight_compliance_kept_json(store, &out));
    const auto list = take_document(out, "oversight-kept-compliance");
    BOOST_REQUIRE(list["kept"].size() == 1u);
    BOOST_TEST(list["kept"][0]["key"] == key);
    int32_t forgotten = -1;
    EXPECT_OK(oversight_compliance_forget(store, key.c_str(), &forgotten));
    BOOST_TEST(forgotten == 1);
    EXPECT_OK(oversight_compliance_forget(store, key.c_str(), &forgotten));
    BOOST_TEST(forgotten == 0);
    EXPECT_OK(oversight_compliance_forget(store, std::string(64, '0').c_str(), nullptr));
    EXPECT_FAIL(oversight_compliance_forget(store, kSql, nullptr), OVERSIGHT_E_INVALID_ARG);

    // Malformed arguments.
    EXPECT_FAIL(oversight_compliance_keep(nullptr, &o, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_keep(store, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    oversight_compliance_options bad = o;
    bad.window_working_days = -1;
    EXPECT_FAIL(oversight_compliance_keep(store, &bad, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_kept_json(nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_kept_json(store, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_forget(store, nullptr, &forgotten), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_forget(store, kBadUtf8, &forgotten), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_forget(nullptr, key.c_str(), &forgotten), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
}

BOOST_FIXTURE_TEST_CASE(a_case_systems_extract_of_due_dates_is_checked, CaseworkFixture) {
    oversight_compliance_host_due_options o{};
    EXPECT_OK(oversight_compliance_host_due_options_init(&o, OVERSIGHT_COMPLIANCE_HOST_DUE_OPTIONS_VERSION));
    BOOST_TEST((o.as_of == nullptr && o.child_column == nullptr && o.due_column == nullptr && o.rule == nullptr &&
                o.rule_column == nullptr && o.file == nullptr && o.rule_pack == nullptr && o.calendar == nullptr &&
                o.by_external_id == 0));
    EXPECT_FAIL(oversight_compliance_host_due_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_host_due_options_init(&o, 2), OVERSIGHT_E_INVALID_ARG);

    // C1 was placed on Friday 1 March 2024: the first visit is due within a
    // week (CPPCR 2010 reg 28(2)(a)), on Friday 8 March; as of 4 March it is open.
    const oversight_date as_of{2024, 3, 4};
    o.as_of = &as_of;
    o.rule = "visits";
    o.due_column = "Next visit";
    o.file = "lcs-visits.csv";
    const std::string csv = "child,Next visit\r\nC1,2024-03-08\r\nC1,09/03/2024\r\nC9,2024-03-08\r\n";
    char* out = nullptr;
    EXPECT_OK(oversight_compliance_host_due_json(store, &o, csv.data(), csv.size(), &out));
    const auto doc = take_document(out, "oversight-host-due-dates");
    BOOST_TEST(doc["as_of"] == "2024-03-04");
    BOOST_TEST(doc["file"] == "lcs-visits.csv");
    BOOST_TEST(doc["counts"]["agrees"] == 1);
    BOOST_TEST(doc["counts"]["differs"] == 1);
    BOOST_TEST(doc["counts"]["unknown_child"] == 1);
    BOOST_REQUIRE(doc["rows"].size() == 3u);
    BOOST_TEST(doc["rows"][0]["ours"]["rule"] == "lac.visit.first");
    BOOST_TEST(doc["rows"][0]["ours"]["due"] == "2024-03-08");
    BOOST_TEST(doc["rows"][1]["verdict"] == "differs");
    BOOST_TEST(doc["rows"][1]["days"] == 1);
    BOOST_TEST(doc["rows"][1]["explanation"] == "host due date 2024-03-09 from lcs-visits.csv line 3 column Next visit");
    BOOST_TEST(!doc["rows"][1]["ours"]["explanation"].get<std::string>().empty());
    BOOST_TEST(doc["rows"][2]["ours"].is_null());
    // The case system's own ids: C1 has none stored.
    oversight_compliance_host_due_options external = o;
    external.by_external_id = 1;
    EXPECT_OK(oversight_compliance_host_due_json(store, &external, csv.data(), csv.size(), &out));
    BOOST_TEST(take_document(out, "oversight-host-due-dates")["counts"]["unknown_child"] == 3);
    // NULL options: today, columns child, due and rule.
    const std::string per_row = "child,due,rule\nC1,2024-03-08,lac.visit.first\n";
    EXPECT_OK(oversight_compliance_host_due_json(store, nullptr, per_row.data(), per_row.size(), &out));
    BOOST_TEST(take_document(out, "oversight-host-due-dates")["rows"].size() == 1u);

    // Malformed arguments and damaged extracts.
    EXPECT_FAIL(oversight_compliance_host_due_json(nullptr, &o, csv.data(), csv.size(), &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &o, csv.data(), csv.size(), nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &o, nullptr, 5, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &o, nullptr, 0, &out), OVERSIGHT_E_PARSE);
    const std::string nul("child,Next visit\nC1,2024-03-08\0\n", 32);
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &o, nul.data(), nul.size(), &out), OVERSIGHT_E_PARSE);
    BOOST_TEST(message().find("lcs-visits.csv:2") != std::string::npos, message());
    const std::string bad_utf8 = std::string("child,Next visit\nC1") + kBadUtf8 + ",2024-03-08\n";
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &o, bad_utf8.data(), bad_utf8.size(), &out),
                OVERSIGHT_E_PARSE);
    const std::string no_column = "child,due\nC1,2024-03-08\n";
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &o, no_column.data(), no_column.size(), &out),
                OVERSIGHT_E_PARSE);
    oversight_compliance_host_due_options bad = o;
    bad.rule = kSql;
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &bad, csv.data(), csv.size(), &out), OVERSIGHT_E_NOT_FOUND);
    bad.rule = kBadUtf8;
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &bad, csv.data(), csv.size(), &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.due_column = "";
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &bad, csv.data(), csv.size(), &out), OVERSIGHT_E_INVALID_ARG);
    bad = o;
    bad.version = 7;
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &bad, csv.data(), csv.size(), &out), OVERSIGHT_E_INVALID_ARG);
    const oversight_date impossible{2024, 2, 30};
    bad = o;
    bad.as_of = &impossible;
    EXPECT_FAIL(oversight_compliance_host_due_json(store, &bad, csv.data(), csv.size(), &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
