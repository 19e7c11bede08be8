// The workforce's upserts for importers (lib/workforce/workforce_detail.hpp):
// a person by name, an appointment by (person, start); sent again unchanged
// they write nothing.
#include <boost/test/unit_test.hpp>

#include "support/store_fixtures.hpp"
#include "workforce/workforce_detail.hpp"

#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

using namespace oversight;

namespace {
Date d(const char* iso) { return Date::parse_iso(iso); }
}  // namespace

BOOST_AUTO_TEST_SUITE(workforce_detail)

BOOST_AUTO_TEST_CASE(put_person_adds_updates_and_leaves_alone) {
    Store store = Store::open_in_memory();
    auto r = detail::put_person(store, Person{0, "SW0000000001", "Case Holder", "", ""});
    BOOST_TEST(r.added);
    BOOST_TEST(r.changed);
    const std::size_t history = store.history().size();
    r = detail::put_person(store, Person{0, "sw0000000001", "Case Holder", "", ""});
    BOOST_TEST(!r.added);
    BOOST_TEST(!r.changed);
    BOOST_TEST(store.history().size() == history);
    r = detail::put_person(store, Person{0, "SW0000000001", "Senior Practitioner", "", "agency"});
    BOOST_TEST(r.changed);
    const auto p = try_find_person(store, "SW0000000001");
    BOOST_TEST(p->job_title == "Senior Practitioner");
    BOOST_TEST(p->agency == "agency");
    BOOST_TEST(test::code_of([&] { detail::put_person(store, Person{0, "SW0000000001", "bad \xff", "", ""}); }) ==
               Status::invalid_arg);
}

BOOST_AUTO_TEST_CASE(put_appointment_by_person_and_start) {
    Store store = Store::open_in_memory();
    add_person(store, Person{0, "Ann", "", "", ""});
    Appointment a{0, "Ann", Role::social_worker, "", "", d("2020-01-01"), std::nullopt};
    BOOST_TEST(detail::put_appointment(store, a).added);
    const std::size_t history = store.history().size();
    BOOST_TEST(!detail::put_appointment(store, a).changed);
    BOOST_TEST(store.history().size() == history);

    // A later role ends it; the first record sent again (no end) leaves that end.
    Appointment b{0, "Ann", Role::senior_practitioner, "", "", d("2022-01-01"), std::nullopt};
    BOOST_TEST(detail::put_appointment(store, b).added);
    BOOST_TEST(!detail::put_appointment(store, a).changed);
    auto list = appointments(store, "Ann");
    BOOST_REQUIRE(list.size() == 2u);
    BOOST_TEST((list[0].until == std::optional<Date>(d("2022-01-01"))));

    // The same start with an end: ended in place.
    b.until = d("2023-06-30");
    const auto r = detail::put_appointment(store, b);
    BOOST_TEST(!r.added);
    BOOST_TEST(r.changed);
    list = appointments(store, "Ann");
    BOOST_REQUIRE(list.size() == 2u);
    BOOST_TEST((list[1].until == std::optional<Date>(d("2023-06-30"))));

    // An end that would overlap the next appointment is refused, nothing changed.
    Appointment c{0, "Ann", Role::team_manager, "", "", d("2023-07-01"), std::nullopt};
    detail::put_appointment(store, c);
    b.until = d("2024-01-01");
    const std::size_t before = store.history().size();
    BOOST_TEST(test::code_of([&] { detail::put_appointment(store, b); }) == Status::invalid_arg);
    BOOST_TEST(store.history().size() == before);
    BOOST_TEST(test::code_of([&] { detail::put_appointment(store, Appointment{0, "Nobody", Role::other, "", "",
                                                                               std::nullopt, std::nullopt}); }) ==
               Status::not_found);
    a.team = "No such team";
    BOOST_TEST(test::code_of([&] { detail::put_appointment(store, a); }) == Status::not_found);
}

BOOST_AUTO_TEST_SUITE_END()
