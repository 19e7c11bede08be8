// <oversight/c/batch.h> only through <oversight.h>: the acceptance test of
// issue 7 (a batch with one bad item stores nothing and names the item; the
// same batch sent twice is stored once), the handle, typed event items,
// options, and NULL and malformed arguments.
#include "capi_test.hpp"

#include "casework_fixture.hpp"

#include <cstring>
#include <string>

using namespace capi_test;

namespace {

/// Two children, an allocation and events, NDJSON; item 4 names child C9,
/// whom the store does not know, when `bad`.
std::string feed(bool bad) {
    std::string s =
        "{\"op\":\"child\",\"child\":\"C2\",\"date_of_birth\":\"2013-04-02\",\"external_id\":\"P-2\"}\n"
        "{\"op\":\"allocate\",\"child\":\"C2\",\"worker\":\"Ann Lee\",\"from\":\"2024-03-01\","
        "\"external_id\":\"A-2\"}\n"
        "{\"op\":\"event\",\"child\":\"C2\",\"type\":\"placement_start\",\"date\":\"2024-03-01\","
        "\"attributes\":{\"placement_type\":\"U1\"},\"external_id\":\"E-1\"}\n";
    s += std::string("{\"op\":\"event\",\"child\":\"") + (bad ? "C9" : "C2") +
         "\",\"type\":\"visit\",\"date\":\"2024-03-05\",\"external_id\":\"E-2\"}\n";
    s += "{\"op\":\"event\",\"child\":\"C1\",\"type\":\"visit\",\"date\":\"2024-03-06\"}\n";
    return s;
}

std::size_t events_of(oversight_store* store, const char* child) {
    char* out = nullptr;
    if (oversight_casework_case_json(store, child, oversight_date{2024, 6, 1}, &out) != OVERSIGHT_OK) return 0;
    return take_document(out, "oversight-case")["events"].size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch)

BOOST_FIXTURE_TEST_CASE(a_batch_with_one_bad_item_stores_nothing_and_names_the_item, CaseworkFixture) {
    const std::size_t before = history_size(store);
    const std::string text = feed(true);
    char* result = nullptr;
    EXPECT_FAIL(oversight_batch_apply_json(store, text.data(), text.size(), nullptr, &result),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "item 4 (line 4, external id \"E-2\", child \"C9\")"), message());
    BOOST_REQUIRE(result);
    const auto r = take_document(result, "oversight-batch-result");
    BOOST_TEST(r["applied"] == false);
    BOOST_TEST(r["items"] == 5);
    BOOST_REQUIRE(r["errors"].size() == 1u);
    const auto& e = r["errors"][0];
    BOOST_TEST(e["item"] == 4);
    BOOST_TEST(e["line"] == 4);
    BOOST_TEST(e["op"] == "event");
    BOOST_TEST(e["external_id"] == "E-2");
    BOOST_TEST(e["child"] == "C9");
    BOOST_TEST(e["status"] == "not_found");
    BOOST_TEST(contains(e["message"].get<std::string>(), "C9"));
    // Nothing of the batch: no child C2, no new event for C1, no history row.
    BOOST_TEST(history_size(store) == before);
    char* out = nullptr;
    EXPECT_FAIL(oversight_casework_case_json(store, "C2", kCaseAsOf, &out), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(events_of(store, "C1") == 2u);
}

BOOST_FIXTURE_TEST_CASE(the_same_batch_sent_twice_is_stored_once, CaseworkFixture) {
    const std::string text = feed(false);
    char* result = nullptr;
    EXPECT_OK(oversight_batch_apply_json(store, text.data(), text.size(), nullptr, &result));
    auto r = take_document(result, "oversight-batch-result");
    BOOST_TEST(r["applied"] == true);
    BOOST_TEST(r["added"] == 5);
    BOOST_TEST(r["errors"].empty());
    BOOST_TEST(events_of(store, "C2") == 2u);
    BOOST_TEST(events_of(store, "C1") == 3u);
    const std::size_t rows = history_size(store);

    EXPECT_OK(oversight_batch_apply_json(store, text.data(), text.size(), nullptr, &result));
    r = take_document(result, "oversight-batch-result");
    BOOST_TEST(r["added"] == 0);
    BOOST_TEST(r["unchanged"] == 5);
    BOOST_TEST(history_size(store) == rows);
    BOOST_TEST(events_of(store, "C2") == 2u);
    BOOST_TEST(events_of(store, "C1") == 3u);
}

BOOST_FIXTURE_TEST_CASE(a_handle_collects_items_and_typed_events, CaseworkFixture) {
    oversight_batch* b = nullptr;
    EXPECT_OK(oversight_batch_new(&b));
    BOOST_TEST(oversight_batch_size(b) == 0u);
    const char* item = "{\"op\":\"child\",\"child\":\"C3\"}";
    EXPECT_OK(oversight_batch_add_json(b, item, std::strlen(item)));
    const char* doc = "{\"format\":\"oversight-batch\",\"version\":1,\"items\":["
                      "{\"op\":\"attribute\",\"child\":\"C3\",\"key\":\"legal_status\",\"value\":\"C2\","
                      "\"effective_from\":\"2024-03-01\"}]}";
    EXPECT_OK(oversight_batch_add_json(b, doc, std::strlen(doc)));

    oversight_batch_event e{};
    EXPECT_OK(oversight_batch_event_init(&e, OVERSIGHT_BATCH_EVENT_VERSION));
    e.child_id = "C3";
    e.type = "placement_start";
    e.date = kStart;
    e.attributes_json = "{\"placement_type\":\"U1\"}";
    e.external_id = "E-3";
    EXPECT_OK(oversight_batch_add_event(b, &e));
    BOOST_TEST(oversight_batch_size(b) == 3u);

    oversight_batch_options opts{};
    EXPECT_OK(oversight_batch_options_init(&opts, OVERSIGHT_BATCH_OPTIONS_VERSION));
    opts.recorded_by = "PARIS feed";
    char* result = nullptr;
    EXPECT_OK(oversight_batch_apply(store, b, &opts, &result));
    const auto r = take_document(result, "oversight-batch-result");
    BOOST_TEST(r["added"] == 3);
    BOOST_TEST(events_of(store, "C3") == 1u);

    // The handle is kept: applied again, nothing changes.
    EXPECT_OK(oversight_batch_apply(store, b, &opts, &result));
    BOOST_TEST(take_document(result, "oversight-batch-result")["unchanged"] == 3);
    oversight_batch_free(b);
    oversight_batch_free(nullptr);
}

BOOST_FIXTURE_TEST_CASE(stop_at_first_error_reports_one, CaseworkFixture) {
    const std::string text = "{\"op\":\"event\",\"child\":\"C8\",\"type\":\"visit\",\"date\":\"2024-03-05\"}\n"
                             "{\"op\":\"event\",\"child\":\"C9\",\"type\":\"visit\",\"date\":\"2024-03-05\"}\n";
    oversight_batch_options opts = OVERSIGHT_BATCH_OPTIONS_INIT;
    char* result = nullptr;
    EXPECT_FAIL(oversight_batch_apply_json(store, text.data(), text.size(), &opts, &result), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(take_document(result, "oversight-batch-result")["errors"].size() == 2u);
    opts.stop_at_first_error = 1;
    EXPECT_FAIL(oversight_batch_apply_json(store, text.data(), text.size(), &opts, &result), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(take_document(result, "oversight-batch-result")["errors"].size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(bad_arguments_are_refused, CaseworkFixture) {
    const std::string text = feed(false);
    char* result = nullptr;
    EXPECT_FAIL(oversight_batch_apply_json(nullptr, text.data(), text.size(), nullptr, &result),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(!result);
    EXPECT_FAIL(oversight_batch_apply_json(store, nullptr, 0, nullptr, &result), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_apply_json(store, text.data(), text.size(), nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    oversight_batch_options zeroed{};
    EXPECT_FAIL(oversight_batch_apply_json(store, text.data(), text.size(), &zeroed, &result), OVERSIGHT_E_INVALID_ARG);
    oversight_batch_options bad_name = OVERSIGHT_BATCH_OPTIONS_INIT;
    bad_name.recorded_by = kBadUtf8;
    EXPECT_FAIL(oversight_batch_apply_json(store, text.data(), text.size(), &bad_name, &result),
                OVERSIGHT_E_INVALID_ARG);
    const char* not_json = "{\"format\":\"oversight-batch\",\n";
    EXPECT_FAIL(oversight_batch_apply_json(store, not_json, std::strlen(not_json), nullptr, &result),
                OVERSIGHT_E_PARSE);
    BOOST_TEST(!result);
    // NUL bytes inside the text are read, and refused where they are.
    const char raw[] = "{\"op\":\"child\",\"child\":\"C\0X\"}\n{\"op\":\"child\",\"child\":\"C5\"}\n";
    const std::string with_nul(raw, sizeof raw - 1);
    EXPECT_FAIL(oversight_batch_apply_json(store, with_nul.data(), with_nul.size(), nullptr, &result),
                OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(take_document(result, "oversight-batch-result")["errors"][0]["status"] == "parse");
    EXPECT_FAIL(oversight_batch_options_init(nullptr, OVERSIGHT_BATCH_OPTIONS_VERSION), OVERSIGHT_E_INVALID_ARG);
    oversight_batch_options o{};
    EXPECT_FAIL(oversight_batch_options_init(&o, 0), OVERSIGHT_E_INVALID_ARG);

    EXPECT_FAIL(oversight_batch_new(nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_batch_size(nullptr) == 0u);
    oversight_batch* b = nullptr;
    EXPECT_OK(oversight_batch_new(&b));
    EXPECT_FAIL(oversight_batch_add_json(nullptr, "{}", 2), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_add_json(b, nullptr, 0), OVERSIGHT_E_INVALID_ARG);
    const char* two = "{\"op\":\"child\",\"child\":\"C4\"}\n{\"op\":\"child\",\"chld\":\"C5\"}\n";
    EXPECT_FAIL(oversight_batch_add_json(b, two, std::strlen(two)), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "item 2 (line 2)"), message());
    BOOST_TEST(oversight_batch_size(b) == 0u);  // nothing appended

    oversight_batch_event e = OVERSIGHT_BATCH_EVENT_INIT;
    EXPECT_FAIL(oversight_batch_add_event(b, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_add_event(nullptr, &e), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_add_event(b, &e), OVERSIGHT_E_INVALID_ARG);  // no child
    e.child_id = "C1";
    e.type = "visit";
    e.date = kBadDate;
    EXPECT_FAIL(oversight_batch_add_event(b, &e), OVERSIGHT_E_INVALID_ARG);
    e.date = kStart;
    e.attributes_json = "[1]";
    EXPECT_FAIL(oversight_batch_add_event(b, &e), OVERSIGHT_E_INVALID_ARG);
    e.attributes_json = nullptr;
    e.external_id = kBadUtf8;
    EXPECT_FAIL(oversight_batch_add_event(b, &e), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_event_init(nullptr, OVERSIGHT_BATCH_EVENT_VERSION), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(oversight_batch_size(b) == 0u);

    EXPECT_FAIL(oversight_batch_apply(store, nullptr, nullptr, &result), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_apply(nullptr, b, nullptr, &result), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_batch_apply(store, b, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    oversight_batch_free(b);
}

BOOST_AUTO_TEST_SUITE_END()
