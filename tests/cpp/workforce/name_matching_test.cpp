#include <boost/test/unit_test.hpp>

#include <random>

#include <oversight/workforce/name_matching.hpp>
#include <oversight/core/edit_distance.hpp>

#include <string>
#include <vector>

using oversight::probable_same_people;

namespace {
bool paired(const std::vector<oversight::ProbableSamePerson>& pairs, const std::string& a, const std::string& b) {
    for (const auto& p : pairs)
        if ((p.a == a && p.b == b) || (p.a == b && p.b == a)) return true;
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(people)

BOOST_AUTO_TEST_CASE(seed_leads_lindsey_and_lindsay) {
    // the distinct leads printed in the seed plan
    std::vector<std::string> leads = {"Felicity Budgen", "Mark Jowett",   "Gill Horrobin", "Stuart Holes",
                                      "CP advisors and representatives from Health and Education",
                                      "Julia Katherine", "Clive Webster", "Nick Cross",    "Lindsey Voss",
                                      "Sam Ray",         "Tim Davis",     "Lindsay Voss"};
    auto pairs = probable_same_people(leads);
    BOOST_TEST_REQUIRE(pairs.size() == 1u);
    BOOST_TEST(pairs[0].a == "Lindsey Voss");
    BOOST_TEST(pairs[0].b == "Lindsay Voss");
    BOOST_TEST(pairs[0].reason.find("same surname") != std::string::npos);
    BOOST_TEST(pairs[0].similarity > 0.8);
    BOOST_TEST(pairs[0].similarity < 1.0);
}

BOOST_AUTO_TEST_CASE(different_surnames_are_different_people) {
    auto pairs = probable_same_people({"Mark Jowett", "Mark Jones"});
    BOOST_TEST(pairs.empty());
    BOOST_TEST(probable_same_people({"Gill Horrobin", "Jill Harrison"}).empty());
    BOOST_TEST(probable_same_people({"Sam Ray", "Tim Ray"}).empty());
    BOOST_TEST(probable_same_people({"Jo Smith", "Al Smith"}).empty());  // too short to call a typo
}

BOOST_AUTO_TEST_CASE(case_whitespace_titles_and_initials) {
    auto pairs = probable_same_people({"Felicity Budgen", "  felicity   BUDGEN ", "F. Budgen", "Dr Felicity Budgen",
                                       "Felicity A. Budgen", "G. Budgen"});
    BOOST_TEST(paired(pairs, "Felicity Budgen", "  felicity   BUDGEN "));
    BOOST_TEST(paired(pairs, "Felicity Budgen", "F. Budgen"));
    BOOST_TEST(paired(pairs, "Felicity Budgen", "Dr Felicity Budgen"));
    BOOST_TEST(paired(pairs, "Felicity Budgen", "Felicity A. Budgen"));
    BOOST_TEST(!paired(pairs, "Felicity Budgen", "G. Budgen"));
    BOOST_TEST(!paired(pairs, "F. Budgen", "G. Budgen"));
    for (const auto& p : pairs) {
        BOOST_TEST(!p.reason.empty());
        BOOST_TEST(p.similarity >= 0.0);
        BOOST_TEST(p.similarity <= 1.0);
    }
}

BOOST_AUTO_TEST_CASE(surname_typo_with_same_given_name) {
    auto pairs = probable_same_people({"Gill Horrobin", "Gill Horobin"});
    BOOST_TEST_REQUIRE(pairs.size() == 1u);
    BOOST_TEST(pairs[0].reason.find("surnames differ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(groups_and_exact_duplicates_are_not_pairs) {
    BOOST_TEST(probable_same_people({"Gill Horrobin", "Gill Horrobin"}).empty());
    BOOST_TEST(probable_same_people({"Health and Education", "Health & Education"}).empty());
    BOOST_TEST(probable_same_people({}).empty());
    BOOST_TEST(probable_same_people({"", " "}).empty());
}

BOOST_AUTO_TEST_CASE(edit_distance_is_damerau_levenshtein) {
    BOOST_TEST(oversight::edit_distance("lindsey", "lindsay") == 1);
    BOOST_TEST(oversight::edit_distance("jowett", "jones") == 3);
    BOOST_TEST(oversight::edit_distance("ab", "ba") == 1);  // transposition
    BOOST_TEST(oversight::edit_distance("", "abc") == 3);
    BOOST_TEST(oversight::edit_distance("same", "same") == 0);
}

BOOST_AUTO_TEST_CASE(banded_distance_agrees_with_the_full_table) {
    // The unbounded call fills the whole table; the bounded one only a band.
    std::mt19937 rng(20121012);
    std::uniform_int_distribution<int> len(0, 14), letter(0, 2);
    for (int k = 0; k < 3000; ++k) {
        std::string x, y;
        for (int i = len(rng); i > 0; --i) x += static_cast<char>('a' + letter(rng));
        for (int i = len(rng); i > 0; --i) y += static_cast<char>('a' + letter(rng));
        const int full = oversight::edit_distance(x, y);
        for (int max = 0; max <= 6; ++max)
            BOOST_TEST(oversight::edit_distance(x, y, max) == std::min(full, max + 1), x << "/" << y << " " << max);
    }
}

BOOST_AUTO_TEST_CASE(bounded_edit_distance_and_very_long_names) {
    // The bound: exact below it, max + 1 above it.
    BOOST_TEST(oversight::edit_distance("lindsey", "lindsay", 1) == 1);
    BOOST_TEST(oversight::edit_distance("jowett", "jones", 1) == 2);
    BOOST_TEST(oversight::edit_distance("jowett", "jones", 5) == 3);
    BOOST_TEST(oversight::edit_distance("a", "abcdef", 2) == 3);  // lengths differ by 5
    BOOST_TEST(oversight::edit_distance("abcdef", "badcfe", 3) == 3);
    BOOST_TEST(oversight::edit_distance("abcdef", "badcfe") == 3);
    // Bounded and unbounded agree whenever the distance is within the bound.
    const char* words[] = {"", "a", "ab", "ba", "abc", "acb", "budgen", "budgon", "felicity", "felicty", "lindsey"};
    for (const char* x : words)
        for (const char* y : words) {
            const int d = oversight::edit_distance(x, y);
            BOOST_TEST(d == oversight::edit_distance(y, x));
            for (int max = 0; max <= 4; ++max)
                BOOST_TEST(oversight::edit_distance(x, y, max) == std::min(d, max + 1), x << "/" << y << " " << max);
        }
    // 20,000-letter names: the bound stops the work early (no timing asserted).
    const std::string long_a(20000, 'a'), long_b(20000, 'b');
    BOOST_TEST(oversight::edit_distance(long_a, long_b, 2) == 3);
    BOOST_TEST(oversight::edit_distance(long_a, long_a + "x", 2) == 1);
    BOOST_TEST(oversight::edit_distance(long_a, std::string(19990, 'a'), 2) == 3);
    const std::string given_a = std::string(20000, 'f'), given_b = std::string(19999, 'f') + "g";
    const auto pairs = probable_same_people({given_a + " Budgen", given_b + " Budgen", "Felicity Budgen",
                                             given_a + " Budgen", long_a, long_b});
    // Over 200 bytes: not compared, so no pair (the exact duplicate is ignored as before).
    BOOST_TEST(pairs.empty());
    // Names equal after case and spacing still pair, however long.
    const auto same = probable_same_people({long_a + " Budgen", long_a + "  BUDGEN"});
    BOOST_TEST_REQUIRE(same.size() == 1u);
    BOOST_TEST(same[0].similarity == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()