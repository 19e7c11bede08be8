// Reading JSON (lib/core/json.hpp): every failure a parse error naming the
// place, and each object's keys once; and casework's attributes_json on top.
#include <boost/test/unit_test.hpp>

#include "casework/casework_detail.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "support/expect_error.hpp"

#include <string>

using namespace oversight;
using oversight::test::expect_error;

BOOST_AUTO_TEST_SUITE(core_json)

BOOST_AUTO_TEST_CASE(a_key_twice_is_refused_with_the_place_of_its_object) {
    BOOST_TEST(detail::parse_json(R"({"a":{"x":1},"b":[{"x":2},{"x":3}]})", "doc").dump() ==
               R"({"a":{"x":1},"b":[{"x":2},{"x":3}]})");
    expect_error([] { detail::parse_json(R"({"a":1,"a":2})", "doc"); }, Status::parse,
                 "doc: key \"a\" appears twice in the top-level object");
    expect_error([] { detail::parse_json(R"({"a":[1,{"x":[]},{"y":1,"y":2}]})", "doc"); }, Status::parse,
                 "key \"y\" appears twice in /a/2");
    expect_error([] { detail::parse_json(R"([[0],{"k~/":{"z":1,"z":{}}}])", "doc"); }, Status::parse,
                 "key \"z\" appears twice in /1/k~0~1");
    expect_error([] { detail::parse_json(R"([1,"s",null,true,2.5,{"a":[],"b":{},"a":0}])", "doc"); },
                 Status::parse, "key \"a\" appears twice in /5");
    // Equal keys in different objects are not twice.
    BOOST_TEST(detail::parse_json(R"([{"a":1},{"a":2}])", "doc").size() == 2u);
}

BOOST_AUTO_TEST_CASE(every_failure_is_a_parse_error_with_line_and_column) {
    expect_error([] { detail::parse_json("{\"a\":", "doc"); }, Status::parse, "doc: line 1, column");
    expect_error([] { detail::parse_json("{\n \"a\": 5e444}", "doc"); }, Status::parse,
                 "doc: line 2, column");
    expect_error([] { detail::parse_json("{} x", "doc"); }, Status::parse, "doc: line 1");
}

BOOST_AUTO_TEST_CASE(a_nul_escaped_in_a_string_is_refused_and_messages_stay_utf8) {
    // Found by fuzzing (plan_json, history_checkpoint): a plan text holding
    // \u0000 was read from JSON but refused from CSV; an invalid byte in the
    // input was quoted raw in the message.
    expect_error([] { detail::parse_json(R"({"plan":{"title":"a\u0000b"}})", "doc"); }, Status::parse,
                 "doc: a string in /plan holds a NUL character");
    expect_error([] { detail::parse_json(R"({"a\u0000":1})", "doc"); }, Status::parse,
                 "doc: a key in the top-level object holds a NUL character");
    BOOST_TEST(detail::parse_json(R"({"a":"\u0001"})", "doc")["a"] == "\x01");  // other escapes stay
    try {
        detail::parse_json("{\"format\":\"x\xf7\xf7y\"}", "doc");
        BOOST_FAIL("invalid UTF-8 was read");
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::parse));
        BOOST_TEST(detail::is_valid_utf8(e.what()), e.what());
    }
}

BOOST_AUTO_TEST_CASE(attributes_are_an_object_of_strings_each_key_once) {
    const auto a = detail::attributes_from_json(R"({"placement_type":"U1","reason":"E11"})", "attributes_json");
    BOOST_TEST(a.size() == 2u);
    BOOST_TEST(a.at("reason") == "E11");
    expect_error([] { detail::attributes_from_json(R"({"reason":"E11","reason":"E12"})", "attributes_json"); },
                 Status::parse, "attributes_json: key \"reason\" appears twice in the top-level object");
    expect_error([] { detail::attributes_from_json("[]", "attributes_json"); }, Status::invalid_arg,
                 "attributes_json is not a JSON object");
    expect_error([] { detail::attributes_from_json(R"({"k":1})", "attributes_json"); }, Status::invalid_arg,
                 "the value of \"k\" is not a string");
    expect_error([] { detail::attributes_from_json("{", "attributes_json"); }, Status::parse,
                 "attributes_json: line 1, column");
}

BOOST_AUTO_TEST_SUITE_END()
