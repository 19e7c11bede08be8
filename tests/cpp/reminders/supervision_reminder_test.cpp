// Reminders of supervision (include/oversight/reminders/supervision_reminder.hpp):
// each worker's next supervision, overdue or due within the window, to the
// line manager, and the supervisor's digest.
#include <boost/test/unit_test.hpp>

#include <oversight/reminders/supervision_reminder.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

using namespace oversight;

namespace {
Date d(const char* iso) { return Date::parse_iso(iso); }
}  // namespace

BOOST_AUTO_TEST_SUITE(supervision_reminder)

BOOST_AUTO_TEST_CASE(the_next_supervision_goes_to_the_line_manager) {
    Store store = Store::open_in_memory();
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    for (const char* n : {"Tom Reed", "Ann Newby", "Lia Cole", "Sam Ford"}) add_person(store, {0, n, "", "", ""});
    appoint(store, {0, "Sam Ford", Role::manager, "", "", d("2025-01-06"), std::nullopt});
    appoint(store, {0, "Tom Reed", Role::team_manager, "", "Sam Ford", d("2025-01-06"), std::nullopt});
    // Social workers from Mon 6 January 2025: due every 4 weeks, first Mon 3 February.
    appoint(store, {0, "Ann Newby", Role::social_worker, "", "Tom Reed", d("2025-01-06"), std::nullopt});
    appoint(store, {0, "Lia Cole", Role::social_worker, "", "Tom Reed", d("2025-01-06"), std::nullopt});
    SupervisionRecord r;
    r.supervisee = "Lia Cole";
    r.supervisor = "Tom Reed";
    r.held = d("2025-01-27");  // next due Mon 24 February
    record_supervision(store, r);
    // On Wed 5 February, a window of 5 working days (to Wed 12 February):
    // Ann is overdue since Mon 3 February (2 working days: 4th, 5th); Lia
    // is not due yet; Tom (manager, every 6 weeks: due Mon 17 February) is
    // outside the window; Sam likewise (due 17 February).
    auto due = supervision_reminders(store, d("2025-02-05"), {5, Unit::working_days}, cal);
    BOOST_TEST_REQUIRE(due.size() == 1u);
    BOOST_TEST(due[0].person == "Ann Newby");
    BOOST_TEST(due[0].supervisor == "Tom Reed");
    BOOST_TEST((due[0].state == ReminderState::overdue));
    BOOST_TEST(due[0].working_days == 2);
    // A window of 10 working days (to Wed 19 February) adds Tom (to Sam) and Sam (no line manager).
    due = supervision_reminders(store, d("2025-02-05"), {10, Unit::working_days}, cal);
    BOOST_TEST_REQUIRE(due.size() == 3u);
    BOOST_TEST(due[0].supervisor == "");
    BOOST_TEST(due[1].supervisor == "Sam Ford");
    BOOST_TEST(due[1].person == "Tom Reed");
    BOOST_TEST(due[1].working_days == 8);  // Feb 6, 7, 10, 11, 12, 13, 14, 17
    BOOST_TEST(supervision_reminders(store, d("2025-02-05"), {10, Unit::working_days}, cal,
                                     SupervisionStandard::england_default(), "tom reed")
                   .size() == 1u);
    const std::string text = supervision_digest(due, d("2025-02-05"));
    BOOST_TEST(text.find("Supervision for Tom Reed on 2025-02-05: 1 overdue, 0 due soon") != std::string::npos, text);
    BOOST_TEST(text.find("Ann Newby: OVERDUE since 2025-02-03, 2 working day(s) late") != std::string::npos, text);
}

BOOST_AUTO_TEST_SUITE_END()
