// Pseudonyms (include/oversight/core/pseudonym.hpp): HMAC-SHA-256 of a child
// id under the caller's key, checked against RFC 4231's test vectors.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/core/error.hpp>
#include <oversight/core/pseudonym.hpp>

#include <string>

using namespace oversight;
using test::code_of;

BOOST_AUTO_TEST_SUITE(pseudonym)

BOOST_AUTO_TEST_CASE(is_the_hmac_sha256_of_the_id_under_the_key) {
    // RFC 4231, test case 2 needs a 4-byte key (refused here); test case 1:
    // key 20 x 0x0b, data "Hi There", HMAC-SHA-256 b0344c61d8db3853...
    const Pseudonymiser p(std::string(20, '\x0b'));
    BOOST_TEST(p("Hi There") == "P-b0344c61d8db3853");
    // RFC 4231, test case 6: key 131 x 0xaa (longer than the block size).
    const Pseudonymiser q(std::string(131, '\xaa'));
    BOOST_TEST(q("Test Using Larger Than Block-Size Key - Hash Key First") == "P-60e431591ee0b67f");
}

BOOST_AUTO_TEST_CASE(is_stable_per_key_and_differs_between_keys_and_ids) {
    const Pseudonymiser a("0123456789abcdef"), b("0123456789abcdeF");
    BOOST_TEST(a("C1001") == a("C1001"));
    BOOST_TEST(a("C1001") != a("C1002"));
    BOOST_TEST(a("C1001") != b("C1001"));
    BOOST_TEST(a("C1001").size() == 18u);
    BOOST_TEST(a(std::string("C1\0x", 4)) != a("C1"));  // every byte counts
}

BOOST_AUTO_TEST_CASE(keys_shorter_than_16_or_over_4096_bytes_are_refused) {
    std::string msg;
    BOOST_TEST(static_cast<int>(code_of([] { Pseudonymiser("short key"); }, &msg)) ==
               static_cast<int>(Status::invalid_arg));
    BOOST_TEST(msg.find("9 bytes") != std::string::npos);
    BOOST_TEST(static_cast<int>(code_of([] { Pseudonymiser(std::string(4097, 'k')); })) ==
               static_cast<int>(Status::invalid_arg));
    BOOST_CHECK_NO_THROW(Pseudonymiser(std::string(16, '\0')));
    BOOST_CHECK_NO_THROW(Pseudonymiser(std::string(4096, 'k')));
}

BOOST_AUTO_TEST_SUITE_END()
