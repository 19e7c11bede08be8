// The checks of a file's start every reader applies (lib/core/text.hpp):
// byte-order marks, UTF-16 and UTF-32 without one, and NUL bytes.
#include <boost/test/unit_test.hpp>

#include "core/text.hpp"
#include "support/expect_error.hpp"

#include <string>

using namespace oversight;
using namespace std::string_literals;
using oversight::test::expect_error;

namespace {

/// `ascii` as UTF-16 little-endian (or big-endian) code units, no mark.
std::string utf16(const std::string& ascii, bool little = true) {
    std::string out;
    for (char c : ascii) out += little ? std::string{c, '\0'} : std::string{'\0', c};
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(core_text)

BOOST_AUTO_TEST_CASE(a_utf8_mark_is_skipped_and_plain_text_is_kept) {
    BOOST_TEST(detail::checked_input_text("\xEF\xBB\xBFnumber,ref\n", "p.csv") == "number,ref\n");
    BOOST_TEST(detail::checked_input_text("number,ref\n", "p.csv") == "number,ref\n");
    BOOST_TEST(detail::checked_input_text("", "p.csv") == "");
    BOOST_TEST(detail::check_input_start("\xEF\xBB\xBF", "p.csv") == 3u);
}

BOOST_AUTO_TEST_CASE(utf16_and_utf32_are_refused_with_or_without_a_mark) {
    const std::string plan = "Recommendation\tAction\tProgress\n1\tRecruit social workers\t\n";
    expect_error([&] { detail::checked_input_text("\xFF\xFE"s + utf16(plan), "plan.txt"); }, Status::parse,
                 "plan.txt: the file is UTF-16 text: save it as UTF-8");
    expect_error([&] { detail::checked_input_text("\xFE\xFF"s + utf16(plan, false), "plan.txt"); }, Status::parse,
                 "plan.txt: the file is UTF-16 text");
    expect_error([&] { detail::checked_input_text(utf16(plan), "plan.txt"); }, Status::parse,
                 "plan.txt: the file is UTF-16 text: save it as UTF-8");
    expect_error([&] { detail::checked_input_text(utf16(plan, false), "plan.txt"); }, Status::parse,
                 "the file is UTF-16 text");
    expect_error([&] { detail::checked_input_text("\xFF\xFE\0\0"s + utf16(utf16(plan)), "plan.txt"); },
                 Status::parse, "plan.txt: the file is UTF-32 text");
    expect_error([&] { detail::checked_input_text(utf16(utf16(plan)), "plan.txt"); }, Status::parse,
                 "plan.txt: the file is UTF-32 text");
}

BOOST_AUTO_TEST_CASE(a_nul_byte_is_refused_on_its_line) {
    expect_error([] { detail::checked_input_text("a,b\r\nc,d\re\0f\n"s, "x.csv"); }, Status::parse,
                 "x.csv:3: a NUL byte");
    expect_error([] { detail::checked_input_text("\0"s, "x.csv"); }, Status::parse, "x.csv:1: a NUL byte");
}

// The one hex encoder (history hashes, checkpoints, pseudonyms).
BOOST_AUTO_TEST_CASE(to_hex_gives_two_lower_case_digits_a_byte) {
    BOOST_TEST(detail::to_hex("") == "");
    BOOST_TEST(detail::to_hex("\x00\x01\x7f\x80\xab\xff"s) == "00017f80abff");
    BOOST_TEST(detail::to_hex("Az") == "417a");
}

BOOST_AUTO_TEST_SUITE_END()
