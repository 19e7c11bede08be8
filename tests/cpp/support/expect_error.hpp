// A test helper shared by the C++ tests of the readers (not a test file: no .cpp).
#pragma once

#include <boost/test/unit_test.hpp>

#include <oversight/core/error.hpp>

#include <functional>
#include <string>

namespace oversight::test {

/// `f` throws an Error with `status` whose message holds `part`.
inline void expect_error(const std::function<void()>& f, Status status, const std::string& part) {
    try {
        f();
        BOOST_ERROR("no error; expected one containing \"" << part << "\"");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(status));
        BOOST_TEST(std::string(e.what()).find(part) != std::string::npos, "\"" << e.what() << "\" lacks \"" << part << "\"");
    }
}

}  // namespace oversight::test
