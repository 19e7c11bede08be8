// Supervision records and compliance (include/oversight/supervision/supervision.hpp):
// a newly qualified social worker's sessions judged one by one under the
// phased ASYE standard, across a bank holiday, a month end and the phase
// changes, then the standard that applies from the day the worker becomes a
// social worker; actions carried forward until closed; the checks on a
// record; the history and an erasure.
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/casework/child.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace oversight;
using test::expect_error;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

SupervisionRecord session(const char* held, const char* supervisee = "Ann Newby",
                          const char* supervisor = "Tom Reed") {
    SupervisionRecord r;
    r.supervisee = supervisee;
    r.supervisor = supervisor;
    r.held = d(held);
    r.recorded = d(held);
    r.minutes = 90;
    return r;
}

struct Fixture {
    Store store = Store::open_in_memory();
    Fixture() {
        add_person(store, {0, "Ann Newby", "Social worker", "", ""});
        add_person(store, {0, "Tom Reed", "Team manager", "", ""});
        add_person(store, {0, "Lia Cole", "Family support worker", "", ""});
        add_person(store, {0, "Raj Iqbal", "Business support", "", ""});
        appoint(store, {0, "Tom Reed", Role::team_manager, "", "", d("2020-01-06"), std::nullopt});
        // Ann's assessed and supported year starts Mon 17 March 2025; she is
        // appointed a social worker from Mon 15 December 2025.
        appoint(store, {0, "Ann Newby", Role::newly_qualified_social_worker, "", "Tom Reed", d("2025-03-17"),
                        std::nullopt});
        appoint(store, {0, "Ann Newby", Role::social_worker, "", "Tom Reed", d("2025-12-15"), std::nullopt});
        save_child(store, {"C1", d("2015-05-01")});
        save_child(store, {"C2", d("2016-02-03")});
    }
};

const WorkerSupervision& worker(const SupervisionReport& r, const std::string& name) {
    auto it = std::find_if(r.workers.begin(), r.workers.end(),
                           [&](const WorkerSupervision& w) { return w.person == name; });
    BOOST_TEST_REQUIRE((it != r.workers.end()), name << " not in the report");
    return *it;
}
// A report made for the call would be gone before the reference is read.
const WorkerSupervision& worker(SupervisionReport&& r, const std::string& name) = delete;

}  // namespace

BOOST_AUTO_TEST_SUITE(supervision)

// The default standard (data/supervision/england.toml; LGA Standards for
// Employers (2020) Standard 5; statutory-timescales.md section 8): ASYE
// weekly for 6 weeks, fortnightly to 6 months, monthly after; social workers
// every 4 weeks; managers every 6 weeks; lead practitioners every 4 weeks by
// a qualified supervisor; the five criteria of the seed's action 2.2.
BOOST_AUTO_TEST_CASE(the_default_standard_says_what_issue_10_says) {
    const SupervisionStandard& s = SupervisionStandard::england_default();
    const SupervisionFrequency* nq = s.frequency_for(Role::newly_qualified_social_worker);
    BOOST_TEST_REQUIRE(nq);
    BOOST_TEST_REQUIRE(nq->phases.size() == 3u);
    BOOST_TEST((nq->phases[0].every == Duration{1, Unit::weeks}));
    BOOST_TEST((*nq->phases[0].until == Duration{6, Unit::weeks}));
    BOOST_TEST((nq->phases[1].every == Duration{2, Unit::weeks}));
    BOOST_TEST((*nq->phases[1].until == Duration{6, Unit::months}));
    BOOST_TEST((nq->phases[2].every == Duration{1, Unit::months}));
    BOOST_TEST(nq->source.find("Standard 5") != std::string::npos);
    BOOST_TEST((s.frequency_for(Role::social_worker)->phases[0].every == Duration{4, Unit::weeks}));
    BOOST_TEST((s.frequency_for(Role::team_manager)->phases[0].every == Duration{6, Unit::weeks}));
    const SupervisionFrequency* lead = s.frequency_for(Role::lead_practitioner);
    BOOST_TEST_REQUIRE(lead);
    BOOST_TEST(!lead->supervisor_roles.empty());
    BOOST_TEST(lead->source.find("Working Together") != std::string::npos);
    BOOST_TEST(!s.frequency_for(Role::other_agency));
    BOOST_TEST(s.criteria().size() == 5u);
    for (const char* id : {"actions_tracked", "impact_evaluated", "story_of_the_child", "reflective",
                           "development_needs"})
        BOOST_TEST(s.criterion(id), id);
    BOOST_TEST((s.non_working_due() == NonWorkingDue::next_working_day));
    // Phase on a day, from Mon 17 March 2025: 6 weeks is Mon 28 April, 6 months Wed 17 September.
    BOOST_TEST(s.phase_on(Role::newly_qualified_social_worker, d("2025-03-17"), d("2025-04-27")) == &nq->phases[0]);
    BOOST_TEST(s.phase_on(Role::newly_qualified_social_worker, d("2025-03-17"), d("2025-04-28")) == &nq->phases[1]);
    BOOST_TEST(s.phase_on(Role::newly_qualified_social_worker, d("2025-03-17"), d("2025-09-16")) == &nq->phases[1]);
    BOOST_TEST(s.phase_on(Role::newly_qualified_social_worker, d("2025-03-17"), d("2025-09-17")) == &nq->phases[2]);
}

// Session by session. "Weekly" is within 7 calendar days of the previous
// session (day 0 the session); a due date on a weekend or bank holiday
// moves to the next working day (england.toml says why). The ASYE starts
// Mon 17 March 2025; 6 weeks later is Mon 28 April, 6 months later Wed 17
// September. Bank holidays (England and Wales, 2025): Good Friday 18 April,
// Easter Monday 21 April, 5 May, 26 May, 25 August, 25 and 26 December;
// 1 January 2026.
//   #  from (previous)          due                                        held        on time
//   1  start Mon 17 Mar + 7  -> Mon 24 Mar                                  Mon 24 Mar  yes
//   2  24 Mar + 7            -> Mon 31 Mar                                  Mon 31 Mar  yes
//   3  31 Mar + 7            -> Mon 7 Apr                                   Tue 8 Apr   NO (1 day late)
//   4  8 Apr + 7             -> Tue 15 Apr                                  Mon 14 Apr  yes
//   5  14 Apr + 7            -> Mon 21 Apr, Easter Monday -> Tue 22 Apr     Tue 22 Apr  yes (the bank holiday)
//   6  22 Apr + 7 = Tue 29 Apr, but fortnightly from Mon 28 Apr:
//      max(22 Apr + 14, 28 Apr) -> Tue 6 May                                Tue 6 May   yes
//   7  6 May + 14            -> Tue 20 May                                  Tue 20 May  yes
//   8  20 May + 14           -> Tue 3 Jun                                   Wed 4 Jun   NO (1 day late)
//   9  4 Jun + 14            -> Wed 18 Jun                                  Wed 18 Jun  yes
//  10  18 Jun + 14           -> Wed 2 Jul                                   Wed 2 Jul   yes
//  11  2 Jul + 14            -> Wed 16 Jul                                  Wed 16 Jul  yes
//  12  16 Jul + 14           -> Wed 30 Jul                                  Wed 30 Jul  yes
//  13  30 Jul + 14           -> Wed 13 Aug                                  Wed 13 Aug  yes
//  14  13 Aug + 14           -> Wed 27 Aug                                  Wed 27 Aug  yes
//  15  27 Aug + 14           -> Wed 10 Sep                                  Wed 10 Sep  yes
//  16  10 Sep + 14 = Wed 24 Sep, but monthly from Wed 17 Sep:
//      max(10 Sep + 1 month, 17 Sep) -> Fri 10 Oct                          Fri 10 Oct  yes
//  17  10 Oct + 1 month      -> Mon 10 Nov                                  Fri 31 Oct  yes
//  18  31 Oct + 1 month      -> Sun 30 Nov (month end; weekend) -> Mon 1 Dec Mon 1 Dec  yes
//  19  1 Dec + 1 month = Thu 1 Jan 2026, but a social worker from Mon 15 Dec
//      (every 4 weeks): max(1 Dec + 28, 15 Dec) -> Mon 29 Dec              Tue 30 Dec  NO (the new standard)
//  20  30 Dec + 28           -> Tue 27 Jan 2026                             not held: overdue on 10 Feb (14 days)
BOOST_AUTO_TEST_CASE(an_nqsw_session_by_session_under_the_phased_standard) {
    Fixture f;
    const char* held[] = {"2025-03-24", "2025-03-31", "2025-04-08", "2025-04-14", "2025-04-22", "2025-05-06",
                          "2025-05-20", "2025-06-04", "2025-06-18", "2025-07-02", "2025-07-16", "2025-07-30",
                          "2025-08-13", "2025-08-27", "2025-09-10", "2025-10-10", "2025-10-31", "2025-12-01",
                          "2025-12-30"};
    for (const char* h : held) record_supervision(f.store, session(h));
    const char* due[] = {"2025-03-24", "2025-03-31", "2025-04-07", "2025-04-15", "2025-04-22", "2025-05-06",
                         "2025-05-20", "2025-06-03", "2025-06-18", "2025-07-02", "2025-07-16", "2025-07-30",
                         "2025-08-13", "2025-08-27", "2025-09-10", "2025-10-10", "2025-11-10", "2025-12-01",
                         "2025-12-29", "2026-01-27"};
    const bool on_time[] = {true, true, false, true, true, true, true, false, true, true,
                            true, true, true, true, true, true, true, true, false};

    const SupervisionReport r = supervision_report(f.store, d("2026-02-10"));
    const WorkerSupervision& ann = worker(r, "Ann Newby");
    BOOST_TEST_REQUIRE(ann.chain.size() == 20u);
    for (std::size_t i = 0; i < 20; ++i) {
        BOOST_TEST(ann.chain[i].due.iso() == due[i], "session " << i + 1);
        if (i < 19) {
            BOOST_TEST_REQUIRE(ann.chain[i].held.has_value());
            BOOST_TEST(ann.chain[i].held->iso() == held[i], "session " << i + 1);
            BOOST_TEST(ann.chain[i].in_time == on_time[i], "session " << i + 1);
        }
    }
    BOOST_TEST(ann.chain[0].from_start);
    BOOST_TEST(ann.chain[0].every == "1 week");
    BOOST_TEST(ann.chain[5].every == "2 weeks");
    BOOST_TEST(ann.chain[15].every == "1 month");
    BOOST_TEST(ann.chain[18].role == "social_worker");
    BOOST_TEST(ann.chain[18].every == "4 weeks");
    BOOST_TEST(!ann.chain[19].held);
    // 20 due (19 held, the open one overdue), 16 in time.
    BOOST_TEST(ann.due == 20);
    BOOST_TEST(ann.held_in_time == 16);
    BOOST_TEST(ann.held == 19);
    BOOST_TEST(ann.overdue_days == 14);
    BOOST_TEST((*ann.next_due == d("2026-01-27")));
    // Longest gap: 30 Dec 2025 to 10 Feb 2026, still open (42 days); the
    // longest between sessions is 31 Oct - 1 Dec (31 days).
    BOOST_TEST(ann.longest_gap_days == 42);
    BOOST_TEST(ann.supervisor == "Tom Reed");
    BOOST_TEST(ann.role == "social_worker");
    // Overdue, so on Tom's due-soon list.
    BOOST_TEST_REQUIRE(r.due_soon.size() >= 1u);
    auto ann_due = std::find_if(r.due_soon.begin(), r.due_soon.end(),
                                [](const SupervisionDueSoon& x) { return x.person == "Ann Newby"; });
    BOOST_TEST_REQUIRE((ann_due != r.due_soon.end()));
    BOOST_TEST(ann_due->supervisor == "Tom Reed");
    BOOST_TEST(ann_due->overdue);

    // As of Mon 15 December 2025, the day she became a social worker: the
    // open link is already under the new standard (due Mon 29 December),
    // not yet overdue, and due soon only once within 7 days of it.
    const SupervisionReport mid = supervision_report(f.store, d("2025-12-15"));
    const WorkerSupervision& before = worker(mid, "Ann Newby");
    BOOST_TEST((*before.next_due == d("2025-12-29")));
    BOOST_TEST(before.overdue_days == 0);
    BOOST_TEST(before.due == 18);
    BOOST_TEST(before.held_in_time == 16);

    // A period: from 1 September 2025, sessions 15-19 and the open link.
    const SupervisionReport autumn = supervision_report(f.store, d("2026-02-10"), d("2025-09-01"));
    const WorkerSupervision& a = worker(autumn, "Ann Newby");
    BOOST_TEST(a.held == 5);
    BOOST_TEST(a.due == 6);
    BOOST_TEST(a.held_in_time == 4);
}

// With "as_counted" (a local layer) the session after Easter Monday is late.
BOOST_AUTO_TEST_CASE(a_local_layer_replaces_the_bank_holiday_rule_and_a_frequency) {
    Fixture f;
    const SupervisionStandard local = SupervisionStandard::england_default().layered(SupervisionStandard::from_toml(
        "name = \"riverside\"\nnon_working_due = \"as_counted\"\n"
        "[[frequency]]\nroles = [\"team_manager\"]\nevery = \"8 weeks\"\nsource = \"Riverside policy 2025\"\n"
        "[[criterion]]\nid = \"signed\"\ntitle = \"Signed by both\"\nsource = \"Riverside policy 2025\"\n",
        "riverside.toml"));
    BOOST_TEST((local.frequency_for(Role::team_manager)->phases[0].every == Duration{8, Unit::weeks}));
    BOOST_TEST(local.frequency_for(Role::team_manager)->layer == "riverside.toml");
    BOOST_TEST((local.frequency_for(Role::manager)->phases[0].every == Duration{6, Unit::weeks}));
    BOOST_TEST(local.criteria().size() == 6u);
    for (const char* h : {"2025-03-24", "2025-03-31", "2025-04-07", "2025-04-14", "2025-04-22"})
        record_supervision(f.store, session(h), local);
    const SupervisionReport as_counted = supervision_report(f.store, d("2025-04-23"), std::nullopt, local);
    const WorkerSupervision& ann = worker(as_counted, "Ann Newby");
    BOOST_TEST_REQUIRE(ann.chain.size() >= 5u);
    BOOST_TEST(ann.chain[4].due.iso() == "2025-04-21");  // Easter Monday, as counted
    BOOST_TEST(!ann.chain[4].in_time);
    // The default moves it to Tue 22 April: in time.
    const SupervisionReport moved = supervision_report(f.store, d("2025-04-23"));
    const WorkerSupervision& dflt = worker(moved, "Ann Newby");
    BOOST_TEST(dflt.chain[4].in_time);
}

BOOST_AUTO_TEST_CASE(the_standards_reader_names_the_place) {
    expect_error([] { SupervisionStandard::from_toml("name = \"x\"\nfrequncy = 1\n", "local.toml"); }, Status::parse,
                 "local.toml:2: field 'frequncy': unknown standard field");
    expect_error(
        [] {
            SupervisionStandard::from_toml(
                "name = \"x\"\n[[frequency]]\nroles = [\"social_worker\"]\nevery = \"10 working days\"\nsource = \"s\"\n",
                "l.toml");
        },
        Status::parse, "l.toml:4: frequency for social_worker: field 'every': must be in calendar days, weeks or months");
    expect_error(
        [] {
            SupervisionStandard::from_toml(
                "name = \"x\"\n[[frequency]]\nroles = [\"wizard\"]\nevery = \"1 week\"\nsource = \"s\"\n", "l.toml");
        },
        Status::parse, "field 'roles'");
    expect_error(
        [] { SupervisionStandard::from_toml("name = \"x\"\n[[frequency]]\nroles = [\"social_worker\"]\nevery = \"1 week\"\n", "l.toml"); },
        Status::parse, "field 'source'");
    expect_error(
        [] {
            SupervisionStandard::from_toml("name = \"x\"\n[[frequency]]\nroles = [\"social_worker\"]\nsource = \"s\"\n"
                                           "phases = [{ every = \"1 week\" }, { until = \"6 weeks\", every = \"2 weeks\" }]\n",
                                           "l.toml");
        },
        Status::parse, "phase #1: field 'until': missing");
    expect_error([] { SupervisionStandard::from_toml("name = [", "l.toml"); }, Status::parse, "l.toml:1");
    expect_error([] { SupervisionStandard::from_toml("version = \"1\"\n", "l.toml"); }, Status::parse, "field 'name'");
    expect_error(
        [] {
            SupervisionStandard::england_default().layered(
                SupervisionStandard::from_toml("name = \"x\"\ndisable = [\"nope\"]\n", "l.toml"));
        },
        Status::parse, "no criterion 'nope'");
}

// Every action not followed up at the supervisee's next session is listed
// until a session closes it.
BOOST_AUTO_TEST_CASE(actions_carry_forward_until_closed) {
    Fixture f;
    SupervisionRecord first = session("2025-04-14");
    first.cases = {"C1", "C2"};
    first.criteria = {"reflective", "story_of_the_child"};
    first.actions = {{0, 0, "Visit C1's school", "Ann Newby", d("2025-04-25"), std::nullopt},
                     {0, 0, "Book ASYE training", "Tom Reed", d("2025-05-30"), std::nullopt}};
    const std::int64_t s1 = record_supervision(f.store, first);
    const std::vector<SupervisionRecord> stored = list_supervisions(f.store, d("2025-04-01"), d("2025-04-30"));
    BOOST_TEST_REQUIRE(stored.size() == 1u);
    BOOST_TEST(stored[0].id == s1);
    BOOST_TEST((stored[0].cases == std::vector<std::string>{"C1", "C2"}));
    BOOST_TEST(stored[0].criteria.size() == 2u);
    BOOST_TEST_REQUIRE(stored[0].actions.size() == 2u);
    const std::int64_t visit = stored[0].actions[0].id, training = stored[0].actions[1].id;

    auto state_of = [&](Date as_of, std::int64_t id) -> std::string {
        for (const OpenSupervisionAction& a : supervision_report(f.store, as_of).actions)
            if (a.id == id) return a.state;
        return "closed";
    };
    BOOST_TEST(state_of(d("2025-04-20"), visit) == "awaiting_next_session");
    // The next session (22 April) reviews the visit (carried forward) but not the training.
    SupervisionRecord second = session("2025-04-22");
    second.follow_ups = {{visit, false}};
    record_supervision(f.store, second);
    BOOST_TEST(state_of(d("2025-04-23"), visit) == "followed_up");
    BOOST_TEST(state_of(d("2025-04-23"), training) == "not_followed_up");
    // Still listed two sessions later, and overdue after its due date.
    record_supervision(f.store, session("2025-05-06"));
    BOOST_TEST(state_of(d("2025-06-02"), training) == "not_followed_up");
    const auto actions = supervision_report(f.store, d("2025-06-02")).actions;
    auto t = std::find_if(actions.begin(), actions.end(), [&](const OpenSupervisionAction& a) { return a.id == training; });
    BOOST_TEST_REQUIRE((t != actions.end()));
    BOOST_TEST(t->overdue);
    BOOST_TEST(t->owner == "Tom Reed");
    BOOST_TEST(supervision_report_to_text(supervision_report(f.store, d("2025-06-02"))).find("NOT FOLLOWED UP") !=
               std::string::npos);
    // Closed at the session of 3 June: gone from the report from that day, not before.
    SupervisionRecord fourth = session("2025-06-03");
    fourth.follow_ups = {{training, true}, {visit, true}};
    record_supervision(f.store, fourth);
    BOOST_TEST(state_of(d("2025-06-02"), training) == "not_followed_up");
    BOOST_TEST(state_of(d("2025-06-03"), training) == "closed");
    BOOST_TEST(state_of(d("2025-06-03"), visit) == "closed");
    // A closed action cannot be followed up again.
    SupervisionRecord fifth = session("2025-06-10");
    fifth.follow_ups = {{training, true}};
    expect_error([&] { record_supervision(f.store, fifth); }, Status::invalid_arg, "closed on 2025-06-03");
    // The JSON says the same.
    const auto doc = nlohmann::json::parse(supervision_report_to_json(supervision_report(f.store, d("2025-06-02"))));
    BOOST_TEST(doc["format"] == "oversight-supervision-report");
    BOOST_TEST(doc["actions"].size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_record_is_checked_and_nothing_is_kept_of_a_refused_one) {
    Fixture f;
    SupervisionRecord r = session("2025-04-14");
    r.supervisee = "Nobody";
    expect_error([&] { record_supervision(f.store, r); }, Status::not_found, "no person named \"Nobody\"");
    r = session("2025-04-14", "Ann Newby", "ann newby");
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "cannot supervise themselves");
    r = session("2025-04-14");
    r.recorded = d("2025-04-13");
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "before the day it was held");
    r = session("2025-04-14");
    r.criteria = {"tidy"};
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "criterion \"tidy\"");
    r = session("2025-04-14");
    r.cases = {"C9"};
    expect_error([&] { record_supervision(f.store, r); }, Status::not_found, "no child with id \"C9\"");
    r = session("2025-04-14");
    r.actions = {{0, 0, "  ", "Ann Newby", d("2025-04-20"), std::nullopt}};
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "action 1 text");
    r = session("2025-04-14");
    r.actions = {{0, 0, "Do it", "Ann Newby", d("2025-04-01"), std::nullopt}};
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "before the session");
    r = session("2025-04-14");
    r.follow_ups = {{12345, false}};
    expect_error([&] { record_supervision(f.store, r); }, Status::not_found, "follow-up of action 12345");
    r = session("2025-04-14");
    r.held = Date::today().add_days(1);
    r.recorded = std::nullopt;
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "is after today");
    r = session("2025-04-14");
    r.minutes = 2000;
    expect_error([&] { record_supervision(f.store, r); }, Status::invalid_arg, "minutes 2000");
    BOOST_TEST(list_supervisions(f.store, d("1900-01-01"), d("2199-12-31")).empty());
    expect_error([&] { list_supervisions(f.store, d("2025-02-01"), d("2025-01-01")); }, Status::invalid_arg,
                 "is before");
    // The recorded date defaults to today and is kept apart from the held date.
    r = session("2025-04-14");
    r.recorded = std::nullopt;
    record_supervision(f.store, r);
    const auto kept = list_supervisions(f.store, d("2025-04-14"), d("2025-04-14"), std::string("tom reed"));
    BOOST_TEST_REQUIRE(kept.size() == 1u);
    BOOST_TEST((kept[0].held == d("2025-04-14")));
    BOOST_TEST((*kept[0].recorded == Date::today()));
}

// A lead practitioner (no social work qualification) is supervised by a
// qualified supervisor (Working Together 2023): a session with a supervisor
// in another role does not count.
BOOST_AUTO_TEST_CASE(a_lead_practitioner_needs_a_qualified_supervisor) {
    Fixture f;
    appoint(f.store, {0, "Lia Cole", Role::lead_practitioner, "", "Tom Reed", d("2025-01-06"), std::nullopt});
    appoint(f.store, {0, "Raj Iqbal", Role::other, "", "", d("2024-01-01"), std::nullopt});
    // From Mon 6 January 2025, every 4 weeks: due Mon 3 February.
    record_supervision(f.store, session("2025-01-31", "Lia Cole", "Raj Iqbal"));  // not qualified
    record_supervision(f.store, session("2025-02-03", "Lia Cole", "Tom Reed"));   // team manager: counts
    const SupervisionReport report = supervision_report(f.store, d("2025-02-10"));
    const WorkerSupervision& lia = worker(report, "Lia Cole");
    BOOST_TEST(lia.held == 2);
    BOOST_TEST(lia.unqualified == 1);
    BOOST_TEST_REQUIRE(lia.chain.size() == 2u);
    BOOST_TEST(lia.chain[0].held->iso() == "2025-02-03");
    BOOST_TEST(lia.chain[0].in_time);
    BOOST_TEST(lia.chain[1].due.iso() == "2025-03-03");  // 3 Feb + 28 days
}

BOOST_AUTO_TEST_CASE(a_worker_who_left_is_not_overdue_for_ever) {
    // A social worker from Mon 6 January 2025 to Sat 1 March 2025, supervised
    // on the first day: the next session was due 4 weeks later, Mon
    // 3 February, and was missed. That stays a breach; once the appointment
    // has ended nothing is due, overdue or due soon.
    Fixture f;
    add_person(f.store, {0, "Sam Left", "Social worker", "", ""});
    appoint(f.store, {0, "Sam Left", Role::social_worker, "", "Tom Reed", d("2025-01-06"), d("2025-03-01")});
    record_supervision(f.store, session("2025-01-06", "Sam Left"));
    const SupervisionReport while_there = supervision_report(f.store, d("2025-02-20"));
    const WorkerSupervision& then = worker(while_there, "Sam Left");
    BOOST_TEST(then.next_due->iso() == "2025-02-03");
    BOOST_TEST(then.overdue_days == 17);
    const SupervisionReport later = supervision_report(f.store, d("2025-11-30"));
    const WorkerSupervision& sam = worker(later, "Sam Left");
    BOOST_TEST(!sam.next_due);
    BOOST_TEST(sam.overdue_days == 0);
    BOOST_TEST(sam.due == 2);           // the first session, and the one missed
    BOOST_TEST(sam.held_in_time == 1);
    BOOST_TEST(std::none_of(later.due_soon.begin(), later.due_soon.end(),
                            [](const SupervisionDueSoon& s) { return s.person == "Sam Left"; }));
}

BOOST_AUTO_TEST_CASE(history_merge_and_erasure) {
    Fixture f;
    SupervisionRecord r = session("2025-04-14");
    r.cases = {"C1"};
    r.actions = {{0, 0, "Visit", "Ann Newby", d("2025-04-25"), std::nullopt}};
    record_supervision(f.store, r);
    HistoryFilter h;
    h.entity = "supervision";
    const auto rows = f.store.history(h);
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const Change& c) { return c.field == "*"; }) == 1);
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const Change& c) { return c.field == "held"; }) == 1);
    h.entity = "supervision_action";
    BOOST_TEST(f.store.history(h).size() >= 1u);
    h.entity = "supervision_case";
    BOOST_TEST(f.store.history(h).size() == 1u);
    erase_child(f.store, "C1", "test");
    for (const Change& c : f.store.history(h)) BOOST_TEST((!c.new_value || *c.new_value == "[erased]"));
    const auto kept = list_supervisions(f.store, d("2025-04-14"), d("2025-04-14"));
    BOOST_TEST_REQUIRE(kept.size() == 1u);
    BOOST_TEST(kept[0].cases.empty());
    BOOST_TEST(verify_history(f.store).ok);
    const auto json = nlohmann::json::parse(supervisions_to_json(kept));
    BOOST_TEST(json["format"] == "oversight-supervisions");
    BOOST_TEST(json["supervisions"][0]["actions"][0]["text"] == "Visit");
    // Two directory entries for one supervisor merged: the session and its
    // history move to the one kept.
    add_person(f.store, {0, "T. Reed", "", "", ""});
    SupervisionRecord other = session("2025-04-22", "Ann Newby", "T. Reed");
    other.actions = {{0, 0, "Call the school", "T. Reed", d("2025-04-30"), std::nullopt}};
    record_supervision(f.store, other);
    merge_people(f.store, "T. Reed", "Tom Reed");
    const auto merged = list_supervisions(f.store, d("2025-04-22"), d("2025-04-22"));
    BOOST_TEST_REQUIRE(merged.size() == 1u);
    BOOST_TEST(merged[0].supervisor == "Tom Reed");
    BOOST_TEST(merged[0].actions[0].owner == "Tom Reed");
    BOOST_TEST(verify_history(f.store).ok);
}

BOOST_AUTO_TEST_SUITE_END()
