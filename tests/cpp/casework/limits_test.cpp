// The size limits of what a child's case stores (child.hpp): a child id of
// at most 256 bytes, an attribute value of at most 4096 bytes; a longer one
// is refused naming the field, through the API and in a batch. Names looked
// up (a worker to allocate or filter on, a person to appoint or merge) are
// checked as names are when stored.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"

#include <oversight/casework/batch.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <functional>
#include <string>

using namespace oversight;
using test::code_of;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

}  // namespace

BOOST_AUTO_TEST_SUITE(casework_limits)

BOOST_AUTO_TEST_CASE(child_ids_are_at_most_256_bytes) {
    Store s = Store::open_in_memory();
    const std::string longest(256, 'C');
    BOOST_TEST((save_child(s, {longest, std::nullopt}) == SaveOutcome::added));
    BOOST_TEST((save_child(s, {"  " + longest + "  ", std::nullopt}) == SaveOutcome::unchanged));  // trimmed first
    std::string msg;
    BOOST_TEST(code_of([&] { save_child(s, {longest + "C", std::nullopt}); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("child id") != std::string::npos, msg);
    BOOST_TEST(msg.find("longer than 256 bytes (257)") != std::string::npos, msg);
    BOOST_TEST(msg.size() < 300u, msg);  // the id itself is cut short in the message
    // Two-byte characters: the limit is in bytes.
    std::string pounds;
    for (int i = 0; i < 129; ++i) pounds += "\xc2\xa3";
    BOOST_TEST(code_of([&] { save_child(s, {pounds, std::nullopt}); }) == Status::invalid_arg);

    // In a batch: the item is refused, nothing stored.
    Batch b;
    b.add(batch::SaveChild{{"C1", std::nullopt}});
    b.add(batch::SaveChild{{std::string(5000, 'x'), std::nullopt}});
    const BatchResult r = apply(s, b);
    BOOST_TEST(!r.applied);
    BOOST_REQUIRE(r.errors.size() == 1u);
    BOOST_TEST(r.errors[0].item == 2u);
    BOOST_TEST(r.errors[0].message.find("child id") != std::string::npos, r.errors[0].message);
    BOOST_TEST(!try_find_child(s, "C1"));
}

BOOST_AUTO_TEST_CASE(attribute_values_are_at_most_4096_bytes) {
    Store s = Store::open_in_memory();
    save_child(s, {"C1", std::nullopt});
    const std::string longest(4096, 'v');
    BOOST_TEST((set_attribute(s, "C1", "note", longest, d("2024-03-01")) == SaveOutcome::added));
    std::string msg;
    BOOST_TEST(code_of([&] { set_attribute(s, "C1", "note", longest + "v", d("2024-03-02")); }, &msg) ==
               Status::invalid_arg);
    BOOST_TEST(msg.find("attribute value") != std::string::npos, msg);
    BOOST_TEST(msg.find("note") != std::string::npos, msg);
    BOOST_TEST(msg.find("longer than 4096 bytes (4097)") != std::string::npos, msg);
    BOOST_TEST(msg.size() < 300u, msg);
    BOOST_TEST(list_attributes(s, "C1").size() == 1u);
}

BOOST_AUTO_TEST_CASE(names_looked_up_are_checked_as_names_stored) {
    Store s = Store::open_in_memory();
    save_team(s, {"Team A", "", ""});
    save_worker(s, {"Ann Lee", "Team A", "", Role::social_worker});
    save_worker(s, {"Bo Reed", "Team A", "", Role::social_worker});
    save_child(s, {"C1", std::nullopt});
    const std::string control = "Ann\x01\x1b[2J", huge(10 * 1024 * 1024, 'a');
    const auto refused = [&](const std::function<void()>& f, const char* field, const char* why) {
        std::string msg;
        BOOST_TEST(code_of(f, &msg) == Status::invalid_arg, field);
        BOOST_TEST(msg.find(field) != std::string::npos, msg.substr(0, 200));
        BOOST_TEST(msg.find(why) != std::string::npos, msg.substr(0, 200));
        BOOST_TEST(msg.size() < 400u);
    };
    const char* kControl = "a control character U+0001";
    const char* kLong = "is longer than 256 bytes";
    refused([&] { allocate(s, "C1", control, d("2024-03-01")); }, "allocation worker", kControl);
    refused([&] { allocate(s, "C1", huge, d("2024-03-01")); }, "allocation worker", kLong);
    refused([&] { list_cases(s, CaseFilter{control, std::nullopt}, d("2024-03-01")); }, "worker (filter)", kControl);
    refused([&] { list_cases(s, CaseFilter{std::nullopt, "Team\x07"}, d("2024-03-01")); }, "team (filter)",
            "a control character U+0007");
    refused([&] { appoint(s, {0, control, Role::other, "", "", std::nullopt, std::nullopt}); }, "appointment person",
            kControl);
    refused([&] { appoint(s, {0, "Ann Lee", Role::other, "", control, std::nullopt, std::nullopt}); }, "line manager",
            kControl);
    refused([&] { merge_people(s, control, "Ann Lee"); }, "(from)", kControl);
    refused([&] { merge_people(s, huge, "Ann Lee"); }, "(from)", kLong);
    // `into` would become a person's name: never one with a control character.
    refused([&] { merge_people(s, "Bo Reed", control); }, "(into)", kControl);
    refused([&] { merge_people(s, "Bo Reed", std::string(300, 'b')); }, "(into)", kLong);
    BOOST_TEST(try_find_person(s, "Bo Reed").has_value());
    // Names as stored still work, trimmed as they are when stored.
    BOOST_TEST((allocate(s, "C1", "  Ann Lee ", d("2024-03-01")) == SaveOutcome::added));
    BOOST_TEST(list_cases(s, CaseFilter{" Ann Lee", std::nullopt}, d("2024-03-02")).size() == 1u);
    BOOST_TEST(list_cases(s, CaseFilter{std::nullopt, "Team A "}, d("2024-03-02")).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
