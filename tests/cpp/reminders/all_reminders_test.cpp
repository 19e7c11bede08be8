// Everything due for `oversight remind` (include/oversight/reminders/all_reminders.hpp):
// the casework reminders unchanged, with the audit programmes due for their
// owners and the supervisions due for the supervisors, up to the same day,
// in the document (new sections, every old field kept), the iCalendar file
// (their own tasks) and the digest; the worker and team filters.
#include <boost/test/unit_test.hpp>

#include <oversight/audit/audit.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/reminders/all_reminders.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

// Tom Reed, team manager; Ann Newby, a social worker in Team A from Mon 6
// January 2025 (supervision every 4 weeks: first due Mon 3 February), who
// holds C1, placed on Mon 27 January. Two audit programmes owned by the
// Head of Service, due Fri 7 and Fri 14 February.
struct Fixture {
    Store store = Store::open_in_memory();
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const RulePack pack = RulePack::england_default();
    Fixture() {
        save_team(store, {"Team A", "", ""});
        for (const char* n : {"Tom Reed", "Ann Newby", "Head of Service"}) add_person(store, {0, n, "", "", ""});
        appoint(store, {0, "Tom Reed", Role::team_manager, "Team A", "", d("2025-01-06"), std::nullopt});
        appoint(store, {0, "Ann Newby", Role::social_worker, "Team A", "Tom Reed", d("2025-01-06"), std::nullopt});
        save_child(store, {"C1", d("2014-04-01")});
        allocate(store, "C1", "Ann Newby", d("2025-01-06"));
        record_event(store, "C1", {"became_looked_after", d("2025-01-27"), {}}, "tester", &pack);
        record_event(store, "C1", {"placement_start", d("2025-01-27"), {}}, "tester", &pack);
        for (const auto& [name, due] : {std::pair<const char*, const char*>{"Case file audit", "2025-02-07"},
                                        std::pair<const char*, const char*>{"PEP audit", "2025-02-14"}}) {
            AuditProgramme p;
            p.name = name;
            p.type = name[0] == 'C' ? "case_file" : "pep";
            p.owner = "Head of Service";
            p.next_due = d(due);
            add_audit_programme(store, p);
        }
    }
};

int count_todos(const std::string& ics, const std::string& summary_prefix) {
    icalcomponent* cal = icalparser_parse_string(ics.c_str());
    BOOST_TEST_REQUIRE(cal);
    int n = 0;
    for (icalcomponent* c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT); c;
         c = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT))
        if (std::string(icalcomponent_get_summary(c)).rfind(summary_prefix, 0) == 0) ++n;
    icalcomponent_free(cal);
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(all_reminders_tests)

// On Wed 5 February 2025 with 5 working days (Thu 6, Fri 7, Mon 10, Tue 11,
// Wed 12: until Wed 12 February): the case file audit due Fri 7 (2 days
// left; the PEP audit on the 14th is outside), Ann's supervision overdue
// since Mon 3 February (2 working days: 4th, 5th); Tom's (every 6 weeks
// from 6 January: Mon 17 February) is outside.
BOOST_FIXTURE_TEST_CASE(audits_and_supervisions_alongside_casework, Fixture) {
    const Duration window{5, Unit::working_days};
    const AllReminders all = all_reminders(store, pack, cal, d("2025-02-05"), window);
    BOOST_TEST((all.until == d("2025-02-12")));
    BOOST_TEST((all.casework == reminders(store, pack, cal, d("2025-02-05"), window)));
    BOOST_TEST(!all.casework.empty());
    BOOST_TEST_REQUIRE(all.audits.size() == 1u);
    BOOST_TEST(all.audits[0].programme == "Case file audit");
    BOOST_TEST(all.audits[0].days == 2);
    BOOST_TEST(!all.audits[0].overdue);
    BOOST_TEST_REQUIRE(all.supervisions.size() == 1u);
    BOOST_TEST(all.supervisions[0].person == "Ann Newby");
    BOOST_TEST(all.supervisions[0].supervisor == "Tom Reed");
    BOOST_TEST((all.supervisions[0].due == d("2025-02-03")));
    BOOST_TEST(all.supervisions[0].working_days == 2);

    // The document: reminders_to_json's, every field kept, two sections added.
    const auto doc = nlohmann::json::parse(all_reminders_to_json(all));
    auto casework_only = nlohmann::json::parse(reminders_to_json(all.casework, all.not_counted));
    casework_only["audit_programmes"] = doc["audit_programmes"];
    casework_only["supervisions"] = doc["supervisions"];
    casework_only["inspection_clocks"] = doc["inspection_clocks"];
    BOOST_TEST(doc == casework_only);
    BOOST_TEST(doc["inspection_clocks"].empty());  // no plan records an inspection
    BOOST_TEST(doc["audit_programmes"][0]["programme"] == "Case file audit");
    BOOST_TEST(doc["audit_programmes"][0]["state"] == "due");
    BOOST_TEST(doc["supervisions"][0]["state"] == "overdue");

    // iCalendar: the casework tasks, then one per programme and supervision.
    IcsOptions o;
    o.dtstamp = "2025-02-05T09:00:00Z";
    const std::string ics = all_reminders_to_ics(all, o);
    BOOST_TEST(count_todos(ics, "Audit due: Case file audit") == 1);
    BOOST_TEST(count_todos(ics, "Supervision due: Ann Newby") == 1);
    BOOST_TEST(count_todos(ics, "") == static_cast<int>(all.casework.size()) + 2);
    BOOST_TEST(ics.find("PRIORITY:1") != std::string::npos);
    // Only the casework tasks in reminders_to_ics, as before.
    BOOST_TEST(count_todos(reminders_to_ics(all.casework, o), "") == static_cast<int>(all.casework.size()));

    const std::string text = all_reminders_digest(all, window);
    BOOST_TEST(text.find("=== Audit programmes due ===\nHead of Service: Case file audit (case_file) due 2025-02-07, "
                         "2 day(s) left") != std::string::npos, text);
    BOOST_TEST(text.find("=== Supervision due ===\nSupervision for Tom Reed on 2025-02-05: 1 overdue") !=
                   std::string::npos, text);

    // A wider window (10 working days: to Wed 19 February) adds the PEP audit and Tom.
    const AllReminders wider = all_reminders(store, pack, cal, d("2025-02-05"), {10, Unit::working_days});
    BOOST_TEST(wider.audits.size() == 2u);
    BOOST_TEST(wider.supervisions.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(the_filters, Fixture) {
    const Duration window{5, Unit::working_days};
    // As supervisor: Tom sees Ann's supervision and no programme.
    CaseFilter tom;
    tom.worker = "Tom Reed";
    AllReminders all = all_reminders(store, pack, cal, d("2025-02-05"), window, tom);
    BOOST_TEST(all.audits.empty());
    BOOST_TEST(all.supervisions.size() == 1u);
    BOOST_TEST(all.casework.empty());
    // As owner: the Head of Service sees the programme.
    CaseFilter head;
    head.worker = "Head of Service";
    all = all_reminders(store, pack, cal, d("2025-02-05"), window, head);
    BOOST_TEST(all.audits.size() == 1u);
    BOOST_TEST(all.supervisions.empty());
    // A team: its workers' supervisions, no programme.
    CaseFilter team;
    team.team = "Team A";
    all = all_reminders(store, pack, cal, d("2025-02-05"), window, team);
    BOOST_TEST(all.audits.empty());
    BOOST_TEST(all.supervisions.size() == 1u);
    BOOST_TEST(!all.casework.empty());
    // Nothing but casework in a store without programmes or supervision due: empty sections.
    const std::string text = all_reminders_digest(all_reminders(store, pack, cal, d("2025-01-07"), {1, Unit::working_days}),
                                                  {1, Unit::working_days});
    BOOST_TEST(text.find("=== Audit programmes due ===") == std::string::npos, text);
    BOOST_TEST(text.find("=== Supervision due ===") == std::string::npos, text);
}

// A plan's inspection clocks for their owner (issue 11 point 6): a focused
// visit with areas for priority action, letter Fri 10 January 2025; the draft
// is due 20 working days later (ILACS, statutory-timescales.md s.12,
// SECONDARY): four weeks, no bank holiday between: Fri 7 February. On Wed 5
// February with 5 working days (to Wed 12): 2 working days left (Thu 6, Fri
// 7); the final plan (Tue 22 April, after Easter) is outside.
BOOST_FIXTURE_TEST_CASE(inspection_clocks_for_their_owner, Fixture) {
    Plan plan;
    plan.title = "Improvement plan";
    Inspection in;
    in.kind = InspectionKind::focused_visit;
    in.letter = d("2025-01-10");
    in.priority_actions = true;
    in.owner = "Head of Service";
    plan.inspection = in;
    const std::int64_t plan_id = save_plan(store, plan);
    const Duration window{5, Unit::working_days};
    AllReminders all = all_reminders(store, pack, cal, d("2025-02-05"), window);
    BOOST_TEST_REQUIRE(all.inspections.size() == 1u);
    const InspectionReminder& r = all.inspections[0];
    BOOST_TEST(r.plan_id == plan_id);
    BOOST_TEST(r.clock_id == "draft_plan");
    BOOST_TEST(r.due.iso() == "2025-02-07");
    BOOST_TEST(!r.overdue);
    BOOST_TEST(r.working_days == 2);
    const auto doc = nlohmann::json::parse(all_reminders_to_json(all));
    BOOST_TEST(doc["inspection_clocks"][0]["clock"] == "draft plan due");
    BOOST_TEST(doc["inspection_clocks"][0]["owner"] == "Head of Service");
    BOOST_TEST(doc["inspection_clocks"][0]["state"] == "due");
    IcsOptions o;
    o.dtstamp = "2025-02-05T09:00:00Z";
    BOOST_TEST(count_todos(all_reminders_to_ics(all, o), "draft plan due: Improvement plan") == 1);
    const std::string text = all_reminders_digest(all, window);
    BOOST_TEST(text.find("=== Inspection clocks ===\nHead of Service: Improvement plan: draft plan due 2025-02-07, "
                         "2 working day(s) left") != std::string::npos, text);
    // The owner (ignoring case) sees it; a supervisor and a team do not.
    CaseFilter head;
    head.worker = "head of service";
    BOOST_TEST(all_reminders(store, pack, cal, d("2025-02-05"), window, head).inspections.size() == 1u);
    CaseFilter tom;
    tom.worker = "Tom Reed";
    BOOST_TEST(all_reminders(store, pack, cal, d("2025-02-05"), window, tom).inspections.empty());
    CaseFilter team;
    team.team = "Team A";
    BOOST_TEST(all_reminders(store, pack, cal, d("2025-02-05"), window, team).inspections.empty());
    // Tue 11 February: overdue by 2 working days (Mon 10, Tue 11).
    all = all_reminders(store, pack, cal, d("2025-02-11"), window);
    BOOST_TEST_REQUIRE(all.inspections.size() == 1u);
    BOOST_TEST(all.inspections[0].overdue);
    BOOST_TEST(all.inspections[0].working_days == 2);
    // Sent: no reminder.
    in.draft_submitted = d("2025-02-06");
    set_inspection(store, plan_id, in);
    BOOST_TEST(all_reminders(store, pack, cal, d("2025-02-11"), window).inspections.empty());
}

BOOST_AUTO_TEST_SUITE_END()
