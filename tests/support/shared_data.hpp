// Real-format data from ../shared (the seed plan and third-party statutory
// return files). CI always has it; a newcomer's clone may not, so a test
// that needs it declares so and is reported as skipped, naming the file,
// when it is absent. The core paths are also covered by the project's own
// fixtures (examples/data/sample_plan.txt, tests/data/), which always run.
// Shared by the C++ API tests (tests/cpp) and the C API tests (tests/capi):
// it uses only Boost.Test and the standard library.
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace oversight::test {

/// OVERSIGHT_SHARED_DIR/relative (the compile definition names the folder).
inline std::string shared_path(std::string_view relative) {
    return std::string(OVERSIGHT_SHARED_DIR) + "/" + std::string(relative);
}

inline const char* const kSeedPlan = "seed/000_34f8af1d34ad7c07.txt";

/// A Boost.Test precondition: `*boost::unit_test::precondition(needs_shared(kSeedPlan))`.
/// The test case is skipped, with this message, when the file is missing.
struct needs_shared {
    std::string relative;
    explicit needs_shared(std::string_view r) : relative(r) {}
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        std::error_code ec;
        if (std::filesystem::exists(shared_path(relative), ec)) return true;
        boost::test_tools::assertion_result r(false);
        r.message() << "needs " << shared_path(relative)
                    << " (the shared real-format data; present in CI)";
        return r;
    }
};

}  // namespace oversight::test
