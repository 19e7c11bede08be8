// Casework in the store: schema v3, teams/workers/children, allocations,
// attributes, events, reminders, digests and acknowledgements.
#include <boost/test/unit_test.hpp>

#include <oversight/workforce/team.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/digest.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>

#include <algorithm>
#include <string>

using namespace oversight;

namespace {

bool has_status(const Error& e, Status s) { return e.code() == s && std::string(e.what()).size() > 0; }
#define CHECK_STATUS(expr, st) BOOST_CHECK_EXCEPTION(expr, Error, [](const Error& e) { return has_status(e, st); })

const Date kStart = Date::parse_iso("2024-03-01");  // a Friday

// A pack of our own so the due dates are known without the England pack:
// a first visit within 10 working days of a placement, then visits at
// intervals of not more than 4 weeks.
const char* const kPack = R"toml(
name = "casework-test"
version = "1"
description = "test"

[[rule]]
id = "t.first_visit"
title = "First visit"
area = "visits"
kind = "within"
trigger = "placement_start"
satisfied_by = ["visit"]
duration = "10 working days"
source = "test"
status = "local"

[[rule]]
id = "t.review"
title = "First review"
area = "reviews"
kind = "within"
trigger = "became_looked_after"
satisfied_by = ["review"]
duration = "20 working days"
source = "test"
status = "local"
)toml";

struct Fixture {
    Store store = Store::open_in_memory();
    Calendar cal = Calendar::for_division(Division::england_and_wales);
    RulePack pack = RulePack::from_toml(kPack, "casework-test");

    Fixture() {
        save_team(store, {"Team A", "Mo Manager", "a@example.org"});
        save_team(store, {"Team B", "", ""});
        save_worker(store, {"Ann Lee", "Team A", ""});
        save_worker(store, {"Bo Chan", "Team B", ""});
        for (const char* id : {"C1", "C2", "C3"}) save_child(store, {id, Date::parse_iso("2012-05-01")});
        allocate(store, "C1", "Ann Lee", kStart);
        allocate(store, "C2", "Ann Lee", kStart);
        allocate(store, "C3", "Bo Chan", kStart);
        for (const char* id : {"C1", "C2", "C3"}) {
            record_event(store, id, {"became_looked_after", kStart, {}}, "tester", &pack);
            record_event(store, id, {"placement_start", kStart, {{"placement_type", "U1"}}}, "tester", &pack);
        }
        // C2 had its first visit: that obligation is met.
        record_event(store, "C2", {"visit", kStart.add_days(4), {}}, "tester", &pack);
    }
};

std::size_t count_if_rule(const std::vector<Reminder>& v, const std::string& rule) {
    return static_cast<std::size_t>(
        std::count_if(v.begin(), v.end(), [&](const Reminder& r) { return r.obligation.rule_id == rule; }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(casework)

BOOST_AUTO_TEST_CASE(teams_workers_children_with_history) {
    Store s = Store::open_in_memory();
    const std::string evil = "'; DROP TABLE teams; --";
    save_team(s, {evil, "", ""});
    save_team(s, {"Team A", "", ""});
    save_team(s, {"Team A", "New Manager", ""});  // update
    save_worker(s, {"W", evil, "w@example.org"});
    save_worker(s, {"W", "Team A", "w@example.org"});  // move team
    auto teams = list_teams(s);
    BOOST_REQUIRE(teams.size() == 2u);
    BOOST_TEST((teams[0] == Team{evil, "", ""}));
    BOOST_TEST((teams[1] == Team{"Team A", "New Manager", ""}));
    auto workers = list_workers(s);
    BOOST_REQUIRE(workers.size() == 1u);
    BOOST_TEST((workers[0] == Worker{"W", "Team A", "w@example.org"}));

    // A worker is a person with an appointment in a team: moving teams ends
    // one appointment today and opens the next (history entity "appointment").
    const auto held = appointments(s, "W");
    BOOST_REQUIRE(held.size() == 2u);
    BOOST_TEST(held[0].team == evil);
    BOOST_TEST((held[0].until == Date::today()));
    BOOST_TEST(held[1].team == "Team A");
    BOOST_TEST((held[1].from == Date::today()));
    BOOST_TEST(!held[1].until);
    HistoryFilter f;
    f.entity = "appointment";
    auto h = s.history(f);
    BOOST_TEST(std::count_if(h.begin(), h.end(), [&](const Change& c) {
                   return c.entity_id == held[0].id && c.field == "until" && !c.old_value &&
                          c.new_value == Date::today().iso();
               }) == 1);
    BOOST_TEST(std::count_if(h.begin(), h.end(), [&](const Change& c) {
                   return c.entity_id == held[1].id && c.field == "*" && c.new_value &&
                          c.new_value->find("in Team A") != std::string::npos;
               }) == 1);
    f.entity = "team";
    auto th = s.history(f);
    BOOST_TEST(std::count_if(th.begin(), th.end(), [](const Change& c) { return c.field == "manager"; }) == 1);

    CHECK_STATUS(save_worker(s, {"V", "No Such Team", ""}), Status::not_found);
    CHECK_STATUS(save_team(s, {"   ", "", ""}), Status::invalid_arg);
    CHECK_STATUS(save_team(s, {"bad \xff", "", ""}), Status::invalid_arg);
    CHECK_STATUS(save_child(s, {"", std::nullopt}), Status::invalid_arg);

    save_child(s, {evil, std::nullopt});
    save_child(s, {evil, Date::parse_iso("2010-01-02")});
    auto c = try_find_child(s, evil);
    BOOST_REQUIRE(c);
    BOOST_TEST(c->date_of_birth->iso() == "2010-01-02");
    save_child(s, {evil, std::nullopt});  // an unknown DOB leaves it alone
    BOOST_TEST(try_find_child(s, evil)->date_of_birth->iso() == "2010-01-02");
    BOOST_TEST(!try_find_child(s, "nobody"));
}

BOOST_AUTO_TEST_CASE(allocations_over_time_and_case_lists) {
    Fixture fx;
    Store& s = fx.store;
    Date later = kStart.add_days(30);
    allocate(s, "C1", "Bo Chan", later);
    allocate(s, "C1", "Bo Chan", later.add_days(3));  // already Bo's: no-op
    allocate(s, "C1", "Bo Chan", later);              // same worker, same day: no-op
    // Same worker, before the current allocation started: invalid, as for anyone else.
    CHECK_STATUS(allocate(s, "C1", "Bo Chan", later.add_days(-1)), Status::invalid_arg);
    CHECK_STATUS(allocate(s, "C1", "Ann Lee", kStart.add_days(-1)), Status::invalid_arg);
    CHECK_STATUS(allocate(s, "nobody", "Ann Lee", later), Status::not_found);
    CHECK_STATUS(allocate(s, "C1", "nobody", later), Status::not_found);

    BOOST_TEST(load_case(s, "C1", kStart).worker == "Ann Lee");
    BOOST_TEST(load_case(s, "C1", later.add_days(-1)).team == "Team A");
    BOOST_TEST(load_case(s, "C1", later).worker == "Bo Chan");
    BOOST_TEST(load_case(s, "C1", later).team == "Team B");
    BOOST_TEST(load_case(s, "C1", kStart.add_days(-1)).worker == "");

    auto ann_then = list_cases(s, {std::string("Ann Lee"), std::nullopt}, kStart);
    BOOST_TEST(ann_then.size() == 2u);
    auto ann_now = list_cases(s, {std::string("Ann Lee"), std::nullopt}, later);
    BOOST_REQUIRE(ann_now.size() == 1u);
    BOOST_TEST(ann_now[0].child_id == "C2");
    BOOST_TEST(ann_now[0].events == 3);
    auto team_b = list_cases(s, {std::nullopt, std::string("Team B")}, later);
    BOOST_TEST(team_b.size() == 2u);
    BOOST_TEST(list_cases(s, {}, later).size() == 3u);
    CHECK_STATUS(list_cases(s, {std::string("nobody"), std::nullopt}, later), Status::not_found);
    CHECK_STATUS(list_cases(s, {std::nullopt, std::string("no team")}, later), Status::not_found);
    CHECK_STATUS(load_case(s, "nobody", later), Status::not_found);
    BOOST_TEST(!try_load_case(s, "nobody", later));
}

BOOST_AUTO_TEST_CASE(attributes_take_effect_from_their_date) {
    Fixture fx;
    Store& s = fx.store;
    set_attribute(s, "C1", "legal_status", "V2", kStart);
    set_attribute(s, "C1", "legal_status", "C2", kStart.add_days(10));
    set_attribute(s, "C1", "legal_status", "C2", kStart.add_days(10));  // same: no history row
    BOOST_TEST(load_case(s, "C1", kStart.add_days(9)).attributes.at("legal_status") == "V2");
    BOOST_TEST(load_case(s, "C1", kStart.add_days(10)).attributes.at("legal_status") == "C2");
    BOOST_TEST(load_case(s, "C1", kStart.add_days(-1)).attributes.count("legal_status") == 0u);
    HistoryFilter f;
    f.entity = "case_attribute";
    BOOST_TEST(s.history(f).size() == 2u);
    CHECK_STATUS(set_attribute(s, "C1", "Legal Status", "x", kStart), Status::invalid_arg);
    CHECK_STATUS(set_attribute(s, "C1", "", "x", kStart), Status::invalid_arg);
    CHECK_STATUS(set_attribute(s, "nobody", "legal_status", "x", kStart), Status::not_found);
}

BOOST_AUTO_TEST_CASE(events_are_validated_and_recorded) {
    Fixture fx;
    Store& s = fx.store;
    const std::string evil = "'; DROP TABLE events; --";
    auto id = record_event(s, "C1", {"visit", kStart.add_days(2), {{"note", evil}}}, "Ann Lee", &fx.pack);
    BOOST_TEST(id > 0);
    CaseRecord r = load_case(s, "C1", kStart.add_days(3));
    BOOST_REQUIRE(r.events.size() == 3u);
    BOOST_TEST(r.events.back().type == "visit");
    BOOST_TEST(r.events.back().attributes.at("note") == evil);
    HistoryFilter f;
    f.entity = "event";
    f.entity_id = id;
    BOOST_TEST(s.history(f).size() == 1u);

    for (const std::string& t : event_types()) BOOST_TEST(is_known_event_type(t, &fx.pack));
    BOOST_TEST(!is_known_event_type("tea_break", &fx.pack));
    CHECK_STATUS(record_event(s, "C1", {"tea_break", kStart, {}}, "x", &fx.pack), Status::invalid_arg);
    CHECK_STATUS(record_event(s, "C1", {"visit", Date::today().add_days(2), {}}, "x", &fx.pack), Status::invalid_arg);
    CHECK_STATUS(record_event(s, "C1", {"visit", Date::parse_iso("1850-01-01"), {}}, "x", &fx.pack),
                 Status::invalid_arg);
    CHECK_STATUS(record_event(s, "C1", {"visit", kStart, {}}, "  ", &fx.pack), Status::invalid_arg);
    CHECK_STATUS(record_event(s, "C1", {"visit", kStart, {{"Bad Key", "v"}}}, "x", &fx.pack), Status::invalid_arg);
    CHECK_STATUS(record_event(s, "C1", {"visit", kStart, {{"k", "\xff"}}}, "x", &fx.pack), Status::invalid_arg);
    CHECK_STATUS(record_event(s, "nobody", {"visit", kStart, {}}, "x", &fx.pack), Status::not_found);
    // A failed event leaves nothing behind.
    BOOST_TEST(load_case(s, "C1", kStart.add_days(3)).events.size() == 3u);
    BOOST_TEST(case_to_json(r).find("\"visit\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reminders_due_soon_and_overdue_in_working_days) {
    Fixture fx;
    // First visit: 10 working days after Fri 1 March 2024 is Fri 15 March;
    // first review: 20 working days, skipping Good Friday (29 March) and
    // Easter Monday (1 April), is Tue 2 April.
    Date visit_due = fx.cal.add_working_days(kStart, 10);
    Date review_due = fx.cal.add_working_days(kStart, 20);
    BOOST_TEST(visit_due.iso() == "2024-03-15");
    BOOST_TEST(review_due.iso() == "2024-04-02");  // Good Friday and Easter Monday skipped

    Date as_of = Date::parse_iso("2024-03-11");
    auto soon = reminders(fx.store, fx.pack, fx.cal, as_of, {10, Unit::working_days});
    // C1 and C3 still need their first visit (C2's was met); review is beyond the window.
    BOOST_REQUIRE(soon.size() == 2u);
    for (const Reminder& r : soon) {
        BOOST_TEST(r.obligation.rule_id == "t.first_visit");
        BOOST_TEST((r.state == ReminderState::due_soon));
        BOOST_TEST(r.obligation.due.iso() == visit_due.iso());
        BOOST_TEST(r.working_days == 4);  // Tue..Fri
        BOOST_TEST(!r.acknowledgement);
    }
    BOOST_TEST(soon[0].obligation.child_id == "C1");
    BOOST_TEST(soon[0].obligation.worker == "Ann Lee");
    BOOST_TEST(soon[1].obligation.team == "Team B");

    // A wider window reaches the reviews too (all three children).
    auto wide = reminders(fx.store, fx.pack, fx.cal, as_of, {20, Unit::working_days});
    BOOST_TEST(count_if_rule(wide, "t.review") == 3u);

    Date late = Date::parse_iso("2024-03-20");
    auto over = reminders(fx.store, fx.pack, fx.cal, late, {5, Unit::working_days});
    BOOST_REQUIRE(over.size() == 2u);
    for (const Reminder& r : over) {
        BOOST_TEST((r.state == ReminderState::overdue));
        BOOST_TEST(r.working_days == fx.cal.working_days_between(visit_due, late));
        BOOST_TEST(r.working_days == 3);
    }
    // Overdue ones come first.
    auto mixed = reminders(fx.store, fx.pack, fx.cal, late, {20, Unit::working_days});
    BOOST_REQUIRE(mixed.size() == 5u);
    BOOST_TEST((mixed[0].state == ReminderState::overdue));
    BOOST_TEST((mixed[1].state == ReminderState::overdue));
    BOOST_TEST((mixed[2].state == ReminderState::due_soon));

    // Filters.
    auto ann = reminders(fx.store, fx.pack, fx.cal, late, {20, Unit::working_days}, {std::string("Ann Lee"), {}});
    BOOST_TEST(ann.size() == 3u);  // C1 visit + review, C2 review
    auto team_b = reminders(fx.store, fx.pack, fx.cal, late, {20, Unit::working_days}, {{}, std::string("Team B")});
    BOOST_TEST(team_b.size() == 2u);
    CHECK_STATUS(reminders(fx.store, fx.pack, fx.cal, late, {-1, Unit::working_days}), Status::invalid_arg);

    // JSON carries every reminder.
    std::string json = reminders_to_json(mixed);
    BOOST_TEST(json.find("\"state\":\"overdue\"") != std::string::npos);
    BOOST_TEST(json.find("C3/t.first_visit/2024-03-15") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(groups_and_digests) {
    Fixture fx;
    Date late = Date::parse_iso("2024-03-20");
    Duration window{20, Unit::working_days};
    save_child(fx.store, {"C4", std::nullopt});
    record_event(fx.store, "C4", {"became_looked_after", kStart, {}}, "tester", &fx.pack);
    auto list = reminders(fx.store, fx.pack, fx.cal, late, window);
    BOOST_REQUIRE(list.size() == 6u);

    auto by_worker = group_reminders(list, GroupBy::worker);
    BOOST_REQUIRE(by_worker.size() == 3u);
    BOOST_TEST(by_worker[0].name == "Ann Lee");
    BOOST_TEST(by_worker[0].overdue == 1);
    BOOST_TEST(by_worker[0].due_soon == 2);
    BOOST_TEST(by_worker[1].name == "Bo Chan");
    BOOST_TEST(by_worker[2].name == "(unallocated)");
    auto by_team = group_reminders(list, GroupBy::team);
    BOOST_REQUIRE(by_team.size() == 3u);
    BOOST_TEST(by_team[0].name == "Team A");
    BOOST_TEST(by_team[0].items.size() == 3u);

    std::string ann = digest(by_worker[0], GroupBy::worker, late, window);
    BOOST_TEST(ann.find("worker Ann Lee (team Team A)") != std::string::npos);
    BOOST_TEST(ann.find("OVERDUE") < ann.find("DUE WITHIN 20 WORKING DAYS"));
    BOOST_TEST(ann.find("3 working days late") != std::string::npos);
    BOOST_TEST(ann.find("child C1") != std::string::npos);
    BOOST_TEST(ann.find("child C3") == std::string::npos);

    std::string all = digest(list, late, window);
    BOOST_TEST(all.find("=== By worker ===") < all.find("=== By team ==="));
    BOOST_TEST(all.find("team Team B") != std::string::npos);
    std::string scoped = digest(list, late, window, {std::nullopt, std::string("Team B")});
    BOOST_TEST(scoped.find("Reminders for team Team B") == 0u);
    BOOST_TEST(scoped.find("child C1") == std::string::npos);
    BOOST_TEST(digest({}, late, window).find("No reminders") == 0u);
}

BOOST_AUTO_TEST_CASE(acknowledgements) {
    Fixture fx;
    Date late = Date::parse_iso("2024-03-20");
    Date visit_due = fx.cal.add_working_days(kStart, 10);
    ObligationKey key{"C1", "t.first_visit", visit_due};
    CHECK_STATUS(acknowledge(fx.store, fx.pack, fx.cal, {"C1", "t.first_visit", visit_due.add_days(1)}, "Mo"),
                 Status::not_found);
    CHECK_STATUS(acknowledge(fx.store, fx.pack, fx.cal, {"C1", "no.such.rule", visit_due}, "Mo"), Status::not_found);
    CHECK_STATUS(acknowledge(fx.store, fx.pack, fx.cal, {"nobody", "t.first_visit", visit_due}, "Mo"),
                 Status::not_found);
    CHECK_STATUS(acknowledge(fx.store, fx.pack, fx.cal, key, " "), Status::invalid_arg);
    BOOST_TEST(!find_acknowledgement(fx.store, key));

    Acknowledgement a = acknowledge(fx.store, fx.pack, fx.cal, key, "Mo Manager", "chasing");
    BOOST_TEST(a.by == "Mo Manager");
    BOOST_TEST(a.at.size() == 20u);
    BOOST_TEST(a.at.back() == 'Z');
    BOOST_TEST((find_acknowledgement(fx.store, key) == a));

    auto list = reminders(fx.store, fx.pack, fx.cal, late, {5, Unit::working_days});
    BOOST_REQUIRE(list.size() == 2u);
    BOOST_TEST(list[0].obligation.child_id == "C1");
    BOOST_REQUIRE(list[0].acknowledgement);
    BOOST_TEST(list[0].acknowledgement->note == "chasing");
    BOOST_TEST(!list[1].acknowledgement);
    BOOST_TEST(group_reminders(list, GroupBy::team)[0].acknowledged == 1);

    // A met obligation can be acknowledged too; acknowledging again replaces.
    ObligationKey met{"C2", "t.first_visit", visit_due};
    acknowledge(fx.store, fx.pack, fx.cal, met, "Mo Manager");
    Acknowledgement again = acknowledge(fx.store, fx.pack, fx.cal, key, "Ann Lee", "visited");
    BOOST_TEST((find_acknowledgement(fx.store, key) == again));
    HistoryFilter f;
    f.entity = "acknowledgement";
    auto h = fx.store.history(f);
    BOOST_TEST(std::count_if(h.begin(), h.end(), [](const Change& c) {
                   return c.field == "by" && c.old_value && *c.old_value == "Mo Manager";
               }) == 1);
}

BOOST_AUTO_TEST_CASE(default_england_pack_gives_reminders) {
    // With the default pack, a child who became looked after and was placed
    // has obligations (a first review, a first visit) that come up as reminders.
    Store s = Store::open_in_memory();
    Calendar cal = Calendar::for_division(Division::england_and_wales);
    RulePack pack = RulePack::england_default();
    save_child(s, {"E1", std::nullopt});
    record_event(s, "E1", {"became_looked_after", kStart, {{"legal_status", "C2"}}}, "t");
    record_event(s, "E1", {"placement_start", kStart, {{"placement_type", "U1"}, {"legal_status", "C2"}}}, "t");
    auto list = reminders(s, pack, cal, kStart.add_days(60), {10, Unit::working_days});
    BOOST_TEST(!list.empty());
    auto sched = schedule_case(pack, load_case(s, "E1", kStart.add_days(60)), kStart.add_days(60), cal);
    std::size_t open_overdue = 0;
    for (const auto& o : sched)
        if (!o.met_on && !o.ended_on && o.due < kStart.add_days(60)) ++open_overdue;
    BOOST_TEST(std::count_if(list.begin(), list.end(),
                             [](const Reminder& r) { return r.state == ReminderState::overdue; }) ==
               static_cast<long>(open_overdue));
}

BOOST_AUTO_TEST_CASE(attribute_changes_do_not_rewrite_the_schedule_history) {
    // Placed Mon 2 Jan 2023, visits 5 Jan, 20 Dec 2023, 15 Mar 2024;
    // permanence decided from 1 Jun 2024. The gap 20 Dec -> 15 Mar was a
    // 6-week (default regime) gap, due Wed 31 Jan 2024, met late, whatever
    // the date asked about; only from 1 Jun is the placement permanent.
    Store s = Store::open_in_memory();
    save_team(s, {"T", "", ""});
    save_worker(s, {"Jo", "T", ""});
    save_child(s, {"C1", std::nullopt});
    allocate(s, "C1", "Jo", Date::parse_iso("2023-01-01"));
    for (const char* v : {"2023-01-05", "2023-12-20", "2024-03-15"})
        record_event(s, "C1", {"visit", Date::parse_iso(v), {}}, "me");
    record_event(s, "C1", {"placement_start", Date::parse_iso("2023-01-02"), {}}, "me");
    set_attribute(s, "C1", "permanence", "permanent", Date::parse_iso("2024-06-01"));
    set_attribute(s, "C1", "legal_status", "C2", Date::parse_iso("2023-01-02"));
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const RulePack pack = RulePack::england_default();

    const CaseRecord rec = load_case(s, "C1", Date::parse_iso("2024-07-01"));
    BOOST_TEST(rec.attributes.at("permanence") == "permanent");  // current
    BOOST_TEST_REQUIRE(rec.attribute_changes.size() == 2u);      // date order
    BOOST_TEST(rec.attribute_changes[0].key == "legal_status");
    BOOST_TEST(rec.attribute_changes[1].effective_from.iso() == "2024-06-01");
    BOOST_TEST(load_case(s, "C1", Date::parse_iso("2024-05-01")).attribute_changes.size() == 1u);

    for (const char* as_of : {"2024-05-01", "2024-07-01"}) {
        BOOST_TEST_CONTEXT("as of " << as_of) {
            const auto all = schedule_case(pack, load_case(s, "C1", Date::parse_iso(as_of)), Date::parse_iso(as_of), cal);
            auto it = std::find_if(all.begin(), all.end(), [](const Obligation& o) {
                return o.anchor.iso() == "2023-12-20" && o.rule_id.rfind("lac.visit.", 0) == 0;
            });
            BOOST_TEST_REQUIRE((it != all.end()));
            // Begun before the first anniversary (2024-01-02): a first-year gap (rules/schedule.hpp).
            BOOST_TEST(it->rule_id == "lac.visit.year1");
            BOOST_TEST(it->due.iso() == "2024-01-31");
            BOOST_TEST(it->met_on->iso() == "2024-03-15");
        }
    }
    // The bulk path (reminders) agrees: the 15 Mar visit's 6-week gap (due
    // Fri 26 Apr) is overdue on 1 Jul, not a 3-monthly one due 15 Jun.
    const auto rem = reminders(s, pack, cal, Date::parse_iso("2024-07-01"), {10, Unit::working_days});
    auto it = std::find_if(rem.begin(), rem.end(),
                           [](const Reminder& r) { return r.obligation.anchor.iso() == "2024-03-15"; });
    BOOST_TEST_REQUIRE((it != rem.end()));
    BOOST_TEST(it->obligation.rule_id == "lac.visit.after_year1");
    BOOST_TEST(it->obligation.due.iso() == "2024-04-26");
    BOOST_TEST(static_cast<int>(it->state) == static_cast<int>(ReminderState::overdue));
}

BOOST_AUTO_TEST_SUITE_END()
