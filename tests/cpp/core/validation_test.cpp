// The checks applied to ids and names before they are stored
// (lib/core/validation.hpp): control characters and documented lengths.
#include <boost/test/unit_test.hpp>

#include "core/validation.hpp"
#include "support/expect_error.hpp"

#include <string>

using namespace oversight;
using namespace std::string_literals;
using oversight::test::expect_error;

BOOST_AUTO_TEST_SUITE(core_validation)

BOOST_AUTO_TEST_CASE(control_characters_are_refused_naming_the_field_and_the_character) {
    BOOST_TEST(detail::checked_name("  Ann Lee ", "worker name", 256) == "Ann Lee");
    BOOST_TEST(detail::checked_name("Zoë «Nord»", "worker name", 256) == "Zoë «Nord»");
    expect_error([] { detail::checked_name("Ann\x07Lee", "worker name", 256); }, Status::invalid_arg,
                 "worker name \"Ann\x07Lee\": a control character U+0007 at byte 4");
    expect_error([] { detail::checked_name("C\x1B[2J", "child id", 256); }, Status::invalid_arg, "U+001B at byte 2");
    expect_error([] { detail::checked_name("C\x7F", "child id", 256); }, Status::invalid_arg, "U+007F at byte 2");
    expect_error([] { detail::checked_name("C\xC2\x85x", "child id", 256); }, Status::invalid_arg, "U+0085 at byte 2");
    expect_error([] { detail::checked_name("a\tb", "child id", 256); }, Status::invalid_arg, "U+0009 at byte 2");
    expect_error([] { detail::checked_name("a\nb", "child id", 256); }, Status::invalid_arg, "U+000A at byte 2");
    expect_error([] { detail::checked_name("a\0b"s, "child id", 256); }, Status::invalid_arg, "child id contains a NUL");
    // TAB where a value may hold one (attribute values); nothing else.
    BOOST_TEST(detail::checked_name("a\tb", "attribute value", 4096, true, true) == "a\tb");
    BOOST_TEST(detail::checked_name("", "attribute value", 4096, true, true) == "");
    expect_error([] { detail::checked_name("a\rb", "attribute value", 4096, true, true); }, Status::invalid_arg,
                 "U+000D at byte 2 (only TAB is allowed)");
    // U+00A0 (C2 A0) and U+0100 are not C1.
    BOOST_TEST(detail::checked_name("a\xC2\xA0" "b\xC4\x80", "x", 256) == "a\xC2\xA0" "b\xC4\x80");
}

BOOST_AUTO_TEST_CASE(lengths_are_refused_past_the_limit) {
    BOOST_TEST(detail::checked_name(std::string(256, 'x'), "worker name", detail::kMaxNameBytes).size() == 256u);
    expect_error([] { detail::checked_name(std::string(257, 'x'), "worker name", detail::kMaxNameBytes); },
                 Status::invalid_arg, "is longer than 256 bytes (257)");
    expect_error([] { detail::checked_external_id(std::string(300, 'x'), "team external id"); }, Status::invalid_arg,
                 "team external id \"xxx");
    expect_error([] { detail::checked_external_id("E\x01", "team external id"); }, Status::invalid_arg,
                 "team external id \"E\x01\": a control character U+0001");
}

BOOST_AUTO_TEST_CASE(check_utf8_refuses_nul_bytes_naming_the_field) {
    expect_error([] { detail::check_utf8("action \"2.5\"", "lead", "Ann\0"s); }, Status::invalid_arg,
                 "action \"2.5\" lead: a NUL byte at byte 4");
}

BOOST_AUTO_TEST_SUITE_END()
