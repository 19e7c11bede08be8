// JSON with each object's keys once (lib/casework/json_keys.hpp): what the
// batch reader and the C API's attributes arguments parse with.
#include <boost/test/unit_test.hpp>

#include "casework/json_keys.hpp"
#include "support/expect_error.hpp"

#include <string>

using namespace oversight;
using oversight::test::expect_error;

BOOST_AUTO_TEST_SUITE(casework_json_keys)

BOOST_AUTO_TEST_CASE(a_key_twice_is_refused_with_the_place_of_its_object) {
    BOOST_TEST(detail::parse_json_unique_keys(R"({"a":{"x":1},"b":[{"x":2},{"x":3}]})").dump() ==
               R"({"a":{"x":1},"b":[{"x":2},{"x":3}]})");
    expect_error([] { detail::parse_json_unique_keys(R"({"a":1,"a":2})"); }, Status::parse,
                 "key \"a\" appears twice in the top-level object");
    expect_error([] { detail::parse_json_unique_keys(R"({"a":[1,{"x":[]},{"y":1,"y":2}]})"); }, Status::parse,
                 "key \"y\" appears twice in /a/2");
    expect_error([] { detail::parse_json_unique_keys(R"([[0],{"k~/":{"z":1,"z":{}}}])"); }, Status::parse,
                 "key \"z\" appears twice in /1/k~0~1");
    // Equal keys in different objects are not twice.
    BOOST_TEST(detail::parse_json_unique_keys(R"([{"a":1},{"a":2}])").size() == 2u);
    BOOST_CHECK_THROW(detail::parse_json_unique_keys("{\"a\":"), nlohmann::json::parse_error);
}

BOOST_AUTO_TEST_CASE(attributes_are_an_object_of_strings_each_key_once) {
    const auto a = detail::attributes_from_json(R"({"placement_type":"U1","reason":"E11"})", "attributes_json");
    BOOST_TEST(a.size() == 2u);
    BOOST_TEST(a.at("reason") == "E11");
    expect_error([] { detail::attributes_from_json(R"({"reason":"E11","reason":"E12"})", "attributes_json"); },
                 Status::invalid_arg, "attributes_json: key \"reason\" appears twice in the top-level object");
    expect_error([] { detail::attributes_from_json("[]", "attributes_json"); }, Status::invalid_arg,
                 "attributes_json is not a JSON object");
    expect_error([] { detail::attributes_from_json(R"({"k":1})", "attributes_json"); }, Status::invalid_arg,
                 "the value of \"k\" is not a string");
    expect_error([] { detail::attributes_from_json("{", "attributes_json"); }, Status::invalid_arg,
                 "attributes_json is not JSON");
}

BOOST_AUTO_TEST_SUITE_END()
