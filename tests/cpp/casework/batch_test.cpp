// Batches (include/oversight/casework/batch.hpp): all or nothing, every
// refused item named by position, line and external id, a batch sent twice
// stored once, every op, the JSON and NDJSON documents and the result.
#include <boost/test/unit_test.hpp>

#include <oversight/casework/batch.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/team.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

struct Fixture {
    Store store = Store::open_in_memory();
    Fixture() {
        store.set_actor("case system");
        save_team(store, {"Team A", "", ""});
        save_worker(store, {"Ann Lee", "Team A", ""});
    }
    std::int64_t history_rows() const { return store.history({}).size(); }
};

/// Children C1, C2, an allocation and three events (one with an external id).
Batch good_batch() {
    Batch b;
    b.add(batch::SaveChild{{"C1", d("2012-05-01"), std::string("P-1")}});
    b.add(batch::SaveChild{{"C2", d("2014-01-09")}});
    b.add(batch::Allocate{"C1", "Ann Lee", d("2024-03-01"), std::string("A-1")});
    b.add(batch::SaveEvent{"C1", {"placement_start", d("2024-03-01"), {{"placement_type", "U1"}}}});
    b.add(batch::SaveEvent{"C1", {"visit", d("2024-03-05"), {}, std::string("V-1")}, std::string("Ann Lee")});
    b.add(batch::SaveEvent{"C2", {"visit", d("2024-03-06"), {}}});
    return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(casework_batch)

BOOST_AUTO_TEST_CASE(a_good_batch_is_applied_and_sent_again_is_stored_once) {
    Fixture fx;
    const BatchResult first = apply(fx.store, good_batch());
    BOOST_TEST(first.applied);
    BOOST_TEST(first.items == 6u);
    BOOST_TEST(first.added == 6u);
    BOOST_TEST(first.errors.empty());
    BOOST_TEST(list_events(fx.store, "C1").size() == 2u);
    const auto visit = try_find_event_by_external_id(fx.store, "V-1");
    BOOST_REQUIRE(visit);
    BOOST_TEST(visit->recorded_by == "Ann Lee");
    // recorded_by falls back to the store's actor.
    BOOST_TEST(list_events(fx.store, "C2").at(0).recorded_by == "case system");

    const auto rows = fx.history_rows();
    const BatchResult again = apply(fx.store, good_batch());
    BOOST_TEST(again.applied);
    BOOST_TEST(again.added == 0u);
    BOOST_TEST(again.unchanged == 6u);
    BOOST_TEST(fx.history_rows() == rows);
    BOOST_TEST(list_events(fx.store, "C1").size() == 2u);
    BOOST_TEST(list_events(fx.store, "C2").size() == 1u);
}

BOOST_AUTO_TEST_CASE(one_refused_item_stores_nothing_and_every_refused_item_is_named) {
    Fixture fx;
    Batch b = good_batch();
    // Item 7: an unknown child; item 8: an event in the future; item 9 good.
    b.add(batch::SaveEvent{"C9", {"visit", d("2024-03-07"), {}, std::string("V-9")}});
    b.add(batch::SaveEvent{"C1", {"visit", Date::today().add_days(1), {}, std::string("V-F")}});
    b.add(batch::SaveEvent{"C2", {"review", d("2024-03-08"), {}}});
    const auto rows = fx.history_rows();
    const BatchResult r = apply(fx.store, b);
    BOOST_TEST(!r.applied);
    BOOST_TEST(r.items == 9u);
    BOOST_REQUIRE(r.errors.size() == 2u);
    BOOST_TEST(r.errors[0].item == 7u);
    BOOST_TEST(r.errors[0].op == "event");
    BOOST_TEST(*r.errors[0].external_id == "V-9");
    BOOST_TEST(*r.errors[0].child == "C9");
    BOOST_TEST((r.errors[0].status == Status::not_found));
    BOOST_TEST(r.errors[0].message.find("C9") != std::string::npos);
    BOOST_TEST(r.errors[1].item == 8u);
    BOOST_TEST((r.errors[1].status == Status::invalid_arg));
    BOOST_TEST(r.errors[1].message.find("future") != std::string::npos);
    // Nothing of it: no child, no event, no history row.
    BOOST_TEST(!try_find_child(fx.store, "C1"));
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "V-1"));
    BOOST_TEST(fx.history_rows() == rows);

    const std::string summary = batch_summary(r);
    BOOST_TEST(summary.find("nothing stored: 2 of 9 items refused") != std::string::npos);
    BOOST_TEST(summary.find("item 7 (external id \"V-9\", child \"C9\")") != std::string::npos);

    BatchOptions stop;
    stop.stop_at_first_error = true;
    const BatchResult first_only = apply(fx.store, b, stop);
    BOOST_TEST(first_only.errors.size() == 1u);
    BOOST_TEST(!first_only.applied);
}

BOOST_AUTO_TEST_CASE(later_items_are_checked_against_the_store_as_the_earlier_ones_left_it) {
    Fixture fx;
    Batch b;
    b.add(batch::SaveChild{{"C1", d("2012-05-01")}});
    b.add(batch::SaveChild{{"C2", d("2012-05-01"), std::string(300, 'x')}});  // external id too long
    b.add(batch::SaveEvent{"C2", {"visit", d("2024-03-07"), {}}});            // so no child C2
    b.add(batch::SaveEvent{"C1", {"visit", d("2024-03-07"), {}}});            // C1 is there
    const BatchResult r = apply(fx.store, b);
    BOOST_REQUIRE(r.errors.size() == 2u);
    BOOST_TEST(r.errors[0].item == 2u);
    BOOST_TEST(r.errors[0].message.find("256") != std::string::npos, r.errors[0].message);
    BOOST_TEST(r.errors[1].item == 3u);
    BOOST_TEST((r.errors[1].status == Status::not_found));
    BOOST_TEST(r.added == 2u);  // items 1 and 4, checked then rolled back
    BOOST_TEST(!try_find_child(fx.store, "C1"));
}

BOOST_AUTO_TEST_CASE(every_op_applies_through_its_function) {
    Fixture fx;
    BOOST_REQUIRE(apply(fx.store, good_batch()).applied);
    Batch b;
    b.add(batch::SetAttribute{"C1", "legal_status", "C2", d("2024-03-01"), std::string("L-1")});
    b.add(batch::SetAttribute{"C1", "placement_type", "U1", d("2024-03-01")});
    b.add(batch::EndAttribute{"C1", "placement_type", d("2024-04-01")});
    b.add(batch::DeleteAttribute{"C1", "legal_status", d("2024-03-01")});
    b.add(batch::CorrectEvent{std::nullopt, std::string("V-1"), "C2", {"visit", d("2024-03-04"), {}}});
    b.add(batch::SaveEvent{"C2", {"review", d("2024-03-09"), {}, std::string("R-1")}});
    b.add(batch::DeleteEvent{std::nullopt, std::string("R-1")});
    b.add(batch::EndAllocation{"C1", d("2024-05-01")});
    const BatchResult r = apply(fx.store, b);
    BOOST_TEST(r.errors.empty(), batch_summary(r));
    BOOST_TEST(r.applied);
    BOOST_TEST(r.added == 3u);
    BOOST_TEST(r.updated == 3u);
    BOOST_TEST(r.deleted == 2u);
    const auto moved = try_find_event_by_external_id(fx.store, "V-1");
    BOOST_REQUIRE(moved);
    BOOST_TEST(moved->child_id == "C2");
    BOOST_TEST(moved->event.date.iso() == "2024-03-04");
    BOOST_TEST(!try_find_event_by_external_id(fx.store, "R-1"));
    BOOST_TEST((allocations(fx.store, "C1").at(0).until == d("2024-05-01")));
    BOOST_TEST(list_attributes(fx.store, "C1").size() == 2u);  // placement_type U1, then "" from April

    Batch erase;
    erase.add(batch::EraseChild{"C2", "retention ended"});
    const BatchResult e = apply(fx.store, erase);
    BOOST_TEST(e.applied);
    BOOST_TEST(e.deleted == 1u);
    BOOST_TEST(!try_find_child(fx.store, "C2"));
}

BOOST_AUTO_TEST_CASE(a_refused_batch_leaves_what_was_stored_before_it) {
    Fixture fx;
    Batch first;
    first.add(batch::SaveChild{{"C7", std::nullopt}});
    BOOST_REQUIRE(apply(fx.store, first).applied);
    Batch b = good_batch();
    b.add(batch::Allocate{"C2", "Nobody", d("2024-03-01")});
    const BatchResult r = apply(fx.store, b);
    BOOST_TEST(!r.applied);
    BOOST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].item == 7u);
    BOOST_TEST(r.errors[0].message.find("Nobody") != std::string::npos);
    BOOST_TEST(try_find_child(fx.store, "C7").has_value());
    BOOST_TEST(!try_find_child(fx.store, "C1").has_value());
    // The store is usable at once: the transaction ended.
    BOOST_TEST(apply(fx.store, good_batch()).applied);
}

BOOST_AUTO_TEST_CASE(an_attribute_sent_twice_is_refused_naming_the_key) {
    // nlohmann alone keeps the last "placement_type" and says nothing.
    const std::string ndjson =
        "{\"op\":\"child\",\"child\":\"C1\"}\n"
        "{\"op\":\"event\",\"child\":\"C1\",\"type\":\"visit\",\"date\":\"2024-03-02\","
        "\"attributes\":{\"placement_type\":\"U1\",\"placement_type\":\"U3\"}}\n";
    std::vector<BatchError> errors;
    const Batch b = parse_batch(ndjson, "feed.ndjson", &errors);
    BOOST_TEST(b.items.size() == 1u);
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(*errors[0].line == 2);
    BOOST_TEST(errors[0].message.find("key \"placement_type\" appears twice in /attributes") != std::string::npos,
               errors[0].message);
    const std::string document =
        "{\"format\":\"oversight-batch\",\"version\":1,\"items\":[{\"op\":\"child\",\"child\":\"C1\"},"
        "{\"op\":\"event\",\"child\":\"C1\",\"type\":\"visit\",\"date\":\"2024-03-02\",\"attributes\":"
        "{\"a/b\":\"1\",\"a/b\":\"2\"}}]}";
    BOOST_CHECK_EXCEPTION(parse_batch(document, "batch.json"), Error, [](const Error& e) {
        return e.code() == Status::parse &&
               std::string(e.what()) == "batch.json: key \"a/b\" appears twice in /items/1/attributes";
    });
    // An op's own field twice is refused the same way.
    BOOST_CHECK_EXCEPTION(parse_batch("{\"op\":\"child\",\"child\":\"C1\",\"child\":\"C2\"}\n", "f.ndjson"), Error,
                          [](const Error& e) {
                              return std::string(e.what()).find("key \"child\" appears twice in the top-level object") !=
                                     std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(ndjson_items_carry_their_lines_and_malformed_ones_are_reported) {
    Fixture fx;
    const std::string text =
        "{\"op\":\"child\",\"child\":\"C1\",\"date_of_birth\":\"2012-05-01\"}\r\n"
        "\n"
        "{\"op\":\"event\",\"child\":\"C1\",\"type\":\"visit\",\"date\":\"2024-02-30\",\"external_id\":\"V-1\"}\n"
        "{\"op\":\"event\",\"child\":\"C1\",\"type\":\"visit\",\"dat\":\"2024-03-01\"}\n"
        "{\"op\":\"evnt\",\"child\":\"C1\"}\n"
        "not json\n"
        "{\"op\":\"event\",\"child\":\"C1\",\"type\":\"visit\",\"date\":\"2024-03-02\",\"attributes\":{\"k\":1}}\n"
        "{\"op\":\"delete_event\",\"id\":18446744073709551615}\n"
        "{\"op\":\"event\",\"child\":\"C8\",\"type\":\"visit\",\"date\":\"2024-03-03\"}\n";
    std::vector<BatchError> errors;
    const Batch b = parse_batch(text, "feed.ndjson", &errors);
    BOOST_TEST(b.items.size() == 2u);
    BOOST_TEST(*b.items[1].line == 9);
    BOOST_REQUIRE(errors.size() == 6u);
    BOOST_TEST(errors[0].item == 2u);
    BOOST_TEST(*errors[0].line == 3);
    BOOST_TEST(*errors[0].external_id == "V-1");
    BOOST_TEST(errors[0].message.find("field \"date\" is not a date") != std::string::npos);
    BOOST_TEST(errors[1].message.find("field \"dat\" is not a field of op \"event\"") != std::string::npos,
               errors[1].message);
    BOOST_TEST(errors[2].message.find("unknown op \"evnt\"") != std::string::npos);
    BOOST_TEST(*errors[3].line == 6);
    BOOST_TEST(errors[3].message.find("JSON: line 1, column") != std::string::npos, errors[3].message);
    BOOST_TEST(errors[4].message.find("field \"attributes.k\" must be a string") != std::string::npos);
    BOOST_TEST(errors[5].message.find("field \"id\" is out of range") != std::string::npos);

    BOOST_CHECK_EXCEPTION(parse_batch(text, "feed.ndjson"), Error, [](const Error& e) {
        return e.code() == Status::parse &&
               std::string(e.what()).find("feed.ndjson: item 2 (line 3): field \"date\"") != std::string::npos;
    });

    // Applied together: the malformed items and the unknown child C8, by item.
    const BatchResult r = apply_batch_document(fx.store, text, "feed.ndjson");
    BOOST_TEST(!r.applied);
    BOOST_TEST(r.items == 8u);
    BOOST_REQUIRE(r.errors.size() == 7u);
    BOOST_TEST(r.errors[6].item == 8u);
    BOOST_TEST(*r.errors[6].line == 9);
    BOOST_TEST((r.errors[6].status == Status::not_found));
    BOOST_TEST(!try_find_child(fx.store, "C1"));
}

BOOST_AUTO_TEST_CASE(a_json_document_is_read_and_its_shape_checked) {
    Fixture fx;
    const std::string doc = R"({
  "format": "oversight-batch", "version": 1,
  "items": [
    {"op": "child", "child": "C1", "external_id": "P-1"},
    {"op": "allocate", "child": "C1", "worker": "ann lee", "from": "2024-03-01"},
    {"op": "attribute", "child": "C1", "key": "legal_status", "value": "C2", "effective_from": "2024-03-01"},
    {"op": "event", "child": "C1", "type": "visit", "date": "2024-03-05", "recorded_by": "Ann Lee"}
  ]
})";
    const BatchResult r = apply_batch_document(fx.store, doc, "batch.json");
    BOOST_TEST(r.applied, batch_summary(r));
    BOOST_TEST(r.added == 4u);
    BOOST_TEST(allocations(fx.store, "C1").size() == 1u);
    BOOST_TEST(batch_summary(r) == "batch applied: 4 items (4 added, 0 updated, 0 unchanged, 0 deleted)");

    auto parse_error = [](const char* text, const char* needle) {
        try {
            parse_batch(text, "b.json");
        } catch (const Error& e) {
            BOOST_TEST((e.code() == Status::parse));
            BOOST_TEST(std::string(e.what()).find(needle) != std::string::npos, e.what());
            return;
        }
        BOOST_FAIL("no error for " << text);
    };
    parse_error("{\"format\":\"oversight-plan\",\"version\":1,\"items\":[]}", "\"format\" is not");
    parse_error("{\"format\":\"oversight-batch\",\"version\":2,\"items\":[]}", "\"version\" is not 1");
    parse_error("{\"format\":\"oversight-batch\",\"version\":1}", "\"items\" is missing");
    parse_error("{\"format\":\"oversight-batch\",\"version\":1,\"items\":[],\"x\":1}", "\"x\" is not a field");
    parse_error("{\"format\":\"oversight-batch\",\n\"version\":1,\n", "b.json: line 3, column 0: syntax error");
    parse_error("[1,2]", "a batch document is a JSON object");
    parse_error("{\"format\":\"oversight-batch\",\"version\":1,\"items\":[{\"op\":\"child\",\"child\":\"C\xff\"}]}",
                "b.json: line 1, column 74: syntax error while parsing value - invalid string: ill-formed UTF-8");
    parse_error("{\"format\":\"oversight-batch\",\"version\":1,\"items\":[3]}", "b.json: item 1: an item must be");
    parse_error("{\"op\":\"delete_event\"}", "give the event's \"id\"");
    parse_error("{\"op\":\"delete_event\",\"id\":1,\"external_id\":\"x\"}", "not both");
    parse_error("{\"op\":\"child\",\"child\":\"C1\",\"dob\":\"2012-01-01\"}", "field \"dob\" is not a field");

    // An empty document and an empty NDJSON text are empty batches.
    BOOST_TEST(parse_batch("{\"format\":\"oversight-batch\",\"version\":1,\"items\":[]}", "e").items.empty());
    const BatchResult none = apply_batch_document(fx.store, "\n\n", "empty");
    BOOST_TEST(none.applied);
    BOOST_TEST(none.items == 0u);
}

BOOST_AUTO_TEST_CASE(identifiers_with_nul_bytes_or_blank_are_refused_by_item) {
    Fixture fx;
    const std::string text = std::string("{\"op\":\"child\",\"child\":\"C\\u0000X\"}\n") +
                             "{\"op\":\"child\",\"child\":\"   \"}\n";
    const BatchResult r = apply_batch_document(fx.store, text, "ids");
    BOOST_REQUIRE(r.errors.size() == 2u);
    // A NUL escaped in the JSON is refused as the item is read (core/json).
    BOOST_TEST((r.errors[0].status == Status::parse));
    BOOST_TEST(r.errors[0].message.find("NUL") != std::string::npos, r.errors[0].message);
    BOOST_TEST((r.errors[1].status == Status::invalid_arg));
}

BOOST_AUTO_TEST_CASE(a_mark_or_a_nul_between_items_is_refused_naming_the_line) {
    Fixture fx;
    using namespace std::string_literals;
    const std::string item = R"({"op":"child","child":"C9"})";
    const auto refused = [&](const std::string& text, const std::string& needle) {
        try {
            parse_batch(text, "feed");
            BOOST_ERROR("no error for " << nlohmann::json(text).dump());
        } catch (const Error& e) {
            BOOST_TEST((e.code() == Status::parse));
            BOOST_TEST(std::string(e.what()).find(needle) != std::string::npos, e.what());
        }
    };
    // JSON text has no byte-order mark (RFC 8259, 8.1); UTF-16 is not UTF-8.
    refused("\xEF\xBB\xBF" + item, "feed:1: a UTF-8 byte-order mark");
    refused("\xEF\xBB\xBF{\"format\":\"oversight-batch\",\"version\":1,\"items\":[]}", "feed:1: a UTF-8 byte-order mark");
    refused("\xFF\xFE{\0\"\0o\0p\0\"\0:\0"s, "feed: the file is UTF-16 text");
    // A NUL byte ends nothing: the item on its line is refused, the line named.
    refused(item + "\0"s + item, "feed: item 1 (line 1): JSON:1: a NUL byte");
    refused(item + "\n" + item + "\0\n"s + item + "\n", "feed: item 2 (line 2)");
    refused("{\"format\":\"oversight-batch\",\"version\":1,\n\"items\":[]}\0[]"s, "feed:2: a NUL byte");
    // Through apply: refused by item, nothing stored.
    const BatchResult r = apply_batch_document(fx.store, item + "\n" + item + "\0"s + item + "\n", "feed");
    BOOST_TEST(!r.applied);
    BOOST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST((r.errors[0].line == std::optional<std::int64_t>(2)));
    BOOST_TEST((r.errors[0].status == Status::parse));
    BOOST_TEST(!try_find_child(fx.store, "C9"));
}

BOOST_AUTO_TEST_CASE(recorded_by_given_empty_is_refused_not_taken_for_the_actor) {
    Fixture fx;
    BatchOptions o;
    o.recorded_by = "";
    std::string msg;
    try {
        apply(fx.store, good_batch(), o);
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::invalid_arg));
        msg = e.what();
    }
    BOOST_TEST(msg.find("recorded_by is empty") != std::string::npos, msg);
    o.recorded_by = " \t ";
    BOOST_CHECK_THROW(apply(fx.store, good_batch(), o), Error);
    BOOST_TEST(!try_find_child(fx.store, "C1"));
    o.recorded_by = std::nullopt;  // the store's actor
    BOOST_TEST(apply(fx.store, good_batch(), o).applied);
    BOOST_TEST(list_events(fx.store, "C2").at(0).recorded_by == "case system");
}

BOOST_AUTO_TEST_CASE(the_result_document_names_each_refused_item) {
    Fixture fx;
    Batch b = good_batch();
    b.add(batch::SaveEvent{"C9", {"visit", d("2024-03-07"), {}, std::string("V-9")}});
    const auto j = nlohmann::json::parse(batch_result_to_json(apply(fx.store, b)));
    BOOST_TEST(j["format"] == "oversight-batch-result");
    BOOST_TEST(j["version"] == 1);
    BOOST_TEST(j["applied"] == false);
    BOOST_TEST(j["items"] == 7);
    BOOST_REQUIRE(j["errors"].size() == 1u);
    const auto& e = j["errors"][0];
    BOOST_TEST(e["item"] == 7);
    BOOST_TEST(e["line"].is_null());
    BOOST_TEST(e["op"] == "event");
    BOOST_TEST(e["external_id"] == "V-9");
    BOOST_TEST(e["child"] == "C9");
    BOOST_TEST(e["status"] == "not_found");
}

BOOST_AUTO_TEST_SUITE_END()
