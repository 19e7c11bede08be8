// What every store backend must do, run for each backend (StoreBackend; only
// sqlite today): opening, creating, read-only and missing stores; the
// latest schema; a history row, with the actor, for every change and no
// change without one (upserts by external id, corrections, deletions and
// erasures included); a failed change changes nothing; values come back
// exactly; the change feed pages through the history in order, whoever
// writes; two Store objects on one location see each other's commits; a
// second writer waits up to the busy timeout. Only the public API (and
// in_transaction) is used, so that a new backend needs no new test.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "support/plan_fixtures.hpp"
#include "support/store_fixtures.hpp"

#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>
#include <oversight/store/history.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include "core/transaction.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <limits>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace oversight {
// Boost.Test prints the sample a data test case runs with.
std::ostream& operator<<(std::ostream& out, StoreBackend b) { return out << to_string(b); }
}  // namespace oversight

using namespace oversight;
using test::code_of;
using test::snapshot;

namespace data = boost::unit_test::data;

// Named, not anonymous: the data test cases are templates that capture these.
namespace conformance_fixtures {

/// Every backend the library has: the conformance suite runs for each.
const StoreBackend kBackends[] = {StoreBackend::sqlite};

Date d(const char* iso) { return Date::parse_iso(iso); }
const Date kAsOf = d("2024-06-30");

/// A fresh location for a store of `backend` (for SQLite, a temporary file).
struct Place {
    Place(StoreBackend backend, const std::string& name) : file("conformance_" + name) {
        options.backend = backend;
        options.location = file.path;
    }
    test::TempStore file;
    StoreOptions options;

    StoreOptions with(bool read_only, bool create) const {
        StoreOptions o = options;
        o.read_only = read_only;
        o.create = create;
        return o;
    }
};

/// Text with everything that could go wrong on the way in or out.
const std::string kText = "Zoë «ñ» 😀 '; DROP TABLE plans; -- %_\\ \"q\" ?1 :a";

Plan sample_plan() {
    Plan p;
    p.title = "Improvement plan";
    p.report_date = d("2012-09-14");
    p.sections = {"QUALITY"};
    Recommendation r;
    r.number = 1;
    r.section = "QUALITY";
    r.text = "Ensure quality";
    r.timescale = Timescale::within_three_months;
    Action a;
    a.ref = "1.1";
    a.description = "Recruit";
    a.lead = "Lindsey Voss";
    a.tasks.push_back({0, "Advertise", "Lindsey Voss", std::nullopt, false});
    r.actions = {a};
    p.recommendations = {r};
    return p;
}

/// The world the mutations work on, and the keys found along the way.
struct World {
    Calendar calendar = Calendar::for_division(Division::england_and_wales);
    RulePack pack = RulePack::england_default();
    std::int64_t plan = 0;
    std::int64_t milestone = 0;
    std::int64_t task = 0;
    std::vector<ObligationKey> acks;
    std::int64_t event = 0;  // K2's event with external id EV-K2
    std::int64_t other = 0;  // another, deleted by id

    /// An obligation the default pack gives child K1.
    ObligationKey obligation(const Store& s) const {
        for (const Obligation& o : schedule_case(pack, load_case(s, "K1", kAsOf), kAsOf, calendar))
            return key_of(o);
        BOOST_FAIL("child K1 has no obligation");
        return {};
    }
};

using Mutation = std::pair<const char*, std::function<void(Store&, World&)>>;

/// Every kind of change each repository makes, some repeated with the same
/// values (which must change nothing and write no history).
std::vector<Mutation> mutations() {
    RecommendationChange rec_text;
    rec_text.text = "Ensure quality is high";
    ActionChange progress;
    progress.status = ActionStatus::in_progress;
    progress.cost_text = "£15k per social worker";
    return {
        {"save_plan", [](Store& s, World& w) { w.plan = save_plan(s, sample_plan()); }},
        {"add_recommendation",
         [](Store& s, World& w) {
             Recommendation r;
             r.number = 2;
             r.text = "Review thresholds";
             r.timescale = Timescale::by_date;
             r.explicit_date = d("2013-01-31");
             add_recommendation(s, w.plan, r);
         }},
        {"update_recommendation", [rec_text](Store& s, World& w) { update_recommendation(s, w.plan, 1, rec_text); }},
        {"update_recommendation (same)", [rec_text](Store& s, World& w) { update_recommendation(s, w.plan, 1, rec_text); }},
        {"add_action",
         [](Store& s, World& w) {
             Action a;
             a.ref = "2.1";
             a.lead = "Mark Jowett";
             add_action(s, w.plan, 2, a);
         }},
        {"update_action", [progress](Store& s, World& w) { update_action(s, w.plan, "1.1", progress); }},
        {"update_action (same)", [progress](Store& s, World& w) { update_action(s, w.plan, "1.1", progress); }},
        {"add_progress_update",
         [](Store& s, World& w) { add_progress_update(s, w.plan, "1.1", {0, d("2012-10-01"), "MJ", "Started"}); }},
        {"add_milestone",
         [](Store& s, World& w) { w.milestone = add_milestone(s, w.plan, "1.1", {0, d("2012-11-30"), "Signed", false}); }},
        {"complete_milestone", [](Store& s, World& w) { complete_milestone(s, w.milestone); }},
        {"complete_milestone (same)", [](Store& s, World& w) { complete_milestone(s, w.milestone); }},
        {"add_task", [](Store& s, World& w) { w.task = add_task(s, w.plan, "1.1", {0, "Interview", "", std::nullopt, false}); }},
        {"complete_task", [](Store& s, World& w) { complete_task(s, w.task); }},
        {"set_rag_override",
         [](Store& s, World& w) { set_rag_override(s, w.plan, "1.1", {Rag::red, "Director", "late", d("2012-10-05")}); }},
        {"clear_rag_override", [](Store& s, World& w) { clear_rag_override(s, w.plan, "1.1"); }},
        {"set_plan_settings", [](Store& s, World& w) { set_plan_settings(s, w.plan, {7, 14, 60}); }},
        {"set_plan_settings (same)", [](Store& s, World& w) { set_plan_settings(s, w.plan, {7, 14, 60}); }},
        {"set_report_date", [](Store& s, World& w) { set_report_date(s, w.plan, std::nullopt); }},
        {"save_team", [](Store& s, World&) { save_team(s, {"Team A", "", ""}); }},
        {"save_team (same)", [](Store& s, World&) { save_team(s, {"Team A", "", ""}); }},
        {"save_team (manager)", [](Store& s, World&) { save_team(s, {"Team A", "Mo Khan", "a@example.org"}); }},
        {"save_team (external id)", [](Store& s, World&) { save_team(s, {"Team X", "", "", std::string("T-X")}); }},
        {"save_team (same external id)",
         [](Store& s, World&) { save_team(s, {"Team X", "", "", std::string("T-X")}); }},
        {"save_team (renamed by the case system)",
         [](Store& s, World&) { save_team(s, {"Team X2", "", "", std::string("T-X")}); }},
        {"add_person", [](Store& s, World&) { add_person(s, {0, "Mo Khan", "Team manager", "", ""}); }},
        {"add_person (with a team)", [](Store& s, World&) { add_person(s, {0, "Lindsay Voss", "", "", ""}, "Safeguarding"); }},
        {"save_worker", [](Store& s, World&) { save_worker(s, {"Ann Lee", "Team A", "ann@example.org"}); }},
        {"save_worker (same)", [](Store& s, World&) { save_worker(s, {"Ann Lee", "Team A", "ann@example.org"}); }},
        {"save_worker (new role)",
         [](Store& s, World&) { save_worker(s, {"Ann Lee", "Team A", "ann@example.org", Role::senior_practitioner}); }},
        {"appoint (line manager)",
         [](Store& s, World&) {
             appoint(s, {0, "Ann Lee", Role::senior_practitioner, "Team A", "Mo Khan", Date::today(), std::nullopt});
         }},
        {"appoint (a past appointment)",
         [](Store& s, World&) {
             save_worker(s, {"Bo Chan", "Team A", ""});  // from before records ...
             appoint(s, {0, "Mo Khan", Role::social_worker, "Team A", "", d("2001-01-01"), d("2010-01-01")});
         }},
        {"save_child", [](Store& s, World&) { save_child(s, {"K1", std::nullopt}); }},
        {"save_child (date of birth)", [](Store& s, World&) { save_child(s, {"K1", d("2012-05-01")}); }},
        {"save_child (same, date of birth unknown)", [](Store& s, World&) { save_child(s, {"K1", std::nullopt}); }},
        {"allocate", [](Store& s, World&) { allocate(s, "K1", "Ann Lee", d("2024-03-01")); }},
        {"allocate (same)", [](Store& s, World&) { allocate(s, "K1", "ann lee", d("2024-03-10")); }},
        {"allocate (another worker)", [](Store& s, World&) { allocate(s, "K1", "Bo Chan", d("2024-04-01")); }},
        {"set_attribute", [](Store& s, World&) { set_attribute(s, "K1", "legal_status", "C2", d("2024-03-01")); }},
        {"set_attribute (same)", [](Store& s, World&) { set_attribute(s, "K1", "legal_status", "C2", d("2024-03-01")); }},
        {"record_event",
         [](Store& s, World&) {
             record_event(s, "K1", {"became_looked_after", d("2024-03-01"), {{"legal_status", "C2"}}}, "tester");
             record_event(s, "K1", {"placement_start", d("2024-03-01"), {{"placement_type", "U1"}}}, "tester");
         }},
        {"record_event (same content again)",
         [](Store& s, World&) {
             record_event(s, "K1", {"became_looked_after", d("2024-03-01"), {{"legal_status", "C2"}}}, "tester");
         }},
        {"save_child (external id)", [](Store& s, World&) { save_child(s, {"K1", std::nullopt, std::string("HOST-K1")}); }},
        {"save_child (same external id)",
         [](Store& s, World&) { save_child(s, {" K1 ", std::nullopt, std::string("HOST-K1")}); }},
        {"save_child (another, with an external id)",
         [](Store& s, World&) { save_child(s, {"K2", d("2013-01-01"), std::string("HOST-K2")}); }},
        {"save_child (renumbered by the case system)",
         [](Store& s, World&) { save_child(s, {"K2-NEW", std::nullopt, std::string("HOST-K2")}); }},
        {"allocate (external id)",
         [](Store& s, World&) { allocate(s, "K2-NEW", "Ann Lee", d("2024-03-01"), std::string("AL-K2")); }},
        {"allocate (same external id)",
         [](Store& s, World&) { allocate(s, "K2-NEW", "ann lee", d("2024-03-01"), std::string("AL-K2")); }},
        {"allocate (corrected through its external id)",
         [](Store& s, World&) { allocate(s, "K2-NEW", "Bo Chan", d("2024-03-01"), std::string("AL-K2")); }},
        {"end_allocation", [](Store& s, World&) { end_allocation(s, "K2-NEW", d("2024-05-01")); }},
        {"set_attribute (external id)",
         [](Store& s, World&) { set_attribute(s, "K2-NEW", "legal_status", "V2", d("2024-03-01"), std::string("LS-K2")); }},
        {"set_attribute (same external id)",
         [](Store& s, World&) { set_attribute(s, "K2-NEW", "legal_status", "V2", d("2024-03-01"), std::string("LS-K2")); }},
        {"set_attribute (corrected through its external id)",
         [](Store& s, World&) { set_attribute(s, "K2-NEW", "legal_status", "C2", d("2024-03-02"), std::string("LS-K2")); }},
        {"end_attribute", [](Store& s, World&) { end_attribute(s, "K2-NEW", "legal_status", d("2024-04-01")); }},
        {"delete_attribute", [](Store& s, World&) { delete_attribute(s, "K2-NEW", "legal_status", d("2024-04-01")); }},
        {"save_event (external id)",
         [](Store& s, World& w) {
             w.event = save_event(s, "K2-NEW", {"visit", d("2024-03-05"), {}, std::string("EV-K2")}, "tester").id;
         }},
        {"save_event (same external id)",
         [](Store& s, World&) { save_event(s, "K2-NEW", {"visit", d("2024-03-05"), {}, std::string("EV-K2")}, "other"); }},
        {"save_event (corrected through its external id)",
         [](Store& s, World&) { save_event(s, "K2-NEW", {"visit", d("2024-03-06"), {}, std::string("EV-K2")}, "tester"); }},
        {"correct_event", [](Store& s, World& w) { correct_event(s, w.event, "K2-NEW", {"review", d("2024-03-06"), {}}); }},
        {"correct_event (same)",
         [](Store& s, World& w) { correct_event(s, w.event, "K2-NEW", {"review", d("2024-03-06"), {}}); }},
        {"correct_event_by_external_id",
         [](Store& s, World&) { correct_event_by_external_id(s, "EV-K2", "K2-NEW", {"visit", d("2024-03-07"), {}}); }},
        {"save_event (another)",
         [](Store& s, World& w) { w.other = save_event(s, "K2-NEW", {"visit", d("2024-03-08"), {}}, "tester").id; }},
        {"delete_event", [](Store& s, World& w) { delete_event(s, w.other); }},
        {"save_event (another external id)",
         [](Store& s, World&) { save_event(s, "K2-NEW", {"visit", d("2024-03-09"), {}, std::string("EV-K2c")}, "t"); }},
        {"delete_event_by_external_id", [](Store& s, World&) { delete_event_by_external_id(s, "EV-K2c"); }},
        {"save_child (one to erase)",
         [](Store& s, World&) {
             save_child(s, {"K3", d("2014-02-02"), std::string("HOST-K3")});
             allocate(s, "K3", "Ann Lee", d("2024-03-01"));
             set_attribute(s, "K3", "legal_status", "V2", d("2024-03-01"));
             record_event(s, "K3", {"visit", d("2024-03-05"), {{"note", kText}}}, "tester");
         }},
        {"erase_child", [](Store& s, World&) { erase_child(s, "K3", "retention period ended"); }},
        {"import_ssda903", [](Store& s, World&) { import_ssda903(s, OVERSIGHT_TEST_DATA_DIR "/casework_903_bad"); }},
        {"import_ssda903 (same files again)", [](Store& s, World&) { import_ssda903(s, OVERSIGHT_TEST_DATA_DIR "/casework_903_bad"); }},
        {"acknowledge",
         [](Store& s, World& w) {
             w.acks = {w.obligation(s)};
             acknowledge(s, w.pack, w.calendar, w.acks[0], "Mo Khan", "chasing");
         }},
        {"acknowledge (again, by another)",
         [](Store& s, World& w) { acknowledge(s, w.pack, w.calendar, w.acks[0], "Ann Lee", "visited"); }},
        {"merge_people", [](Store& s, World&) { merge_people(s, "Lindsey Voss", "Lindsay Voss"); }},
        {"merge_people (two people)", [](Store& s, World&) { merge_people(s, "Bo Chan", "Mo Khan"); }},
    };
}

/// A store with one of everything: every mutation applied.
Store populated(const StoreOptions& options, World& w) {
    Store s = Store::open(options);
    for (auto& [name, change] : mutations()) change(s, w);
    return s;
}

}  // namespace conformance_fixtures

using namespace conformance_fixtures;

BOOST_AUTO_TEST_SUITE(conformance)

BOOST_DATA_TEST_CASE(opening_creating_read_only_and_missing_stores, data::make(kBackends), backend) {
    Place place(backend, "open");
    std::string msg;
    BOOST_TEST(code_of([&] { Store::open(place.with(false, false)); }, &msg) == Status::not_found);
    BOOST_TEST(msg == "no store at " + place.options.location);
    BOOST_TEST(code_of([&] { Store::open(place.with(true, true)); }, &msg) == Status::not_found);
    BOOST_TEST(!place.file.exists());
    {
        Store s = Store::open(place.options);  // created
        BOOST_TEST(s.schema_version() == Store::latest_schema_version());
        BOOST_TEST((s.options().backend == backend));
        save_team(s, {"Team A", "", ""});
    }
    {
        Store r = Store::open(place.with(true, false));
        BOOST_TEST(r.schema_version() == Store::latest_schema_version());
        BOOST_TEST(r.options().read_only);
        BOOST_TEST(list_teams(r).size() == 1u);
        r.set_actor("reader");  // not a write
        const std::string before = snapshot(r, kAsOf);
        const std::vector<std::pair<const char*, std::function<void()>>> writes = {
            {"team", [&] { save_team(r, {"Team B", "", ""}); }},
            {"person", [&] { add_person(r, {0, "Ann Lee", "", "", ""}); }},
            {"plan", [&] { save_plan(r, sample_plan()); }},
            {"child", [&] { save_child(r, {"K1", std::nullopt}); }},
            {"batch", [&] { detail::in_transaction(r, "a batch", [] {}); }}};
        for (const auto& [what, write] : writes) {
            BOOST_TEST_CONTEXT(what) {
                BOOST_TEST(code_of(write, &msg) == Status::invalid_arg);
                BOOST_TEST(msg.find("is open read-only") != std::string::npos, msg);
            }
        }
        BOOST_TEST(snapshot(r, kAsOf) == before);
    }
    Store again = Store::open(place.with(false, false));  // exists: no need to create
    BOOST_TEST(list_teams(again).size() == 1u);
}

BOOST_DATA_TEST_CASE(every_change_writes_history_with_the_actor_and_nothing_changes_without, data::make(kBackends),
                     backend) {
    Place place(backend, "history");
    Store s = Store::open(place.options);
    s.set_actor("conformance tester");
    World w;
    for (auto& [name, change] : mutations()) {
        BOOST_TEST_CONTEXT(name) {
            const std::string before = snapshot(s, kAsOf, w.acks, false);
            const std::size_t rows = s.history().size();
            change(s, w);
            const std::string after = snapshot(s, kAsOf, w.acks, false);
            const std::vector<Change> h = s.history();
            const bool repeated = std::string(name).find("(same") != std::string::npos;
            BOOST_TEST(h.size() > rows == !repeated);
            BOOST_TEST((after != before) == (h.size() > rows));
            for (std::size_t i = rows; i < h.size(); ++i) {
                BOOST_TEST(h[i].actor == "conformance tester");
                BOOST_TEST(h[i].at.size() == 20u);
                BOOST_TEST(h[i].at.back() == 'Z');
                BOOST_TEST(!h[i].entity.empty());
                BOOST_TEST(!h[i].field.empty());
            }
        }
    }
}

BOOST_DATA_TEST_CASE(a_failed_change_changes_nothing, data::make(kBackends), backend) {
    Place place(backend, "failed");
    World w;
    Store s = populated(place.options, w);
    Plan bad_date = sample_plan();
    bad_date.recommendations[0].timescale = Timescale::by_date;
    Plan dup_ref = sample_plan();
    dup_ref.recommendations.push_back(dup_ref.recommendations[0]);
    dup_ref.recommendations[1].number = 2;
    Recommendation dup_number;
    dup_number.number = 1;
    dup_number.text = "a second recommendation 1";
    Action dup_action;
    dup_action.ref = "1.1";
    RecommendationChange by_date;
    by_date.text = "changed first";
    by_date.timescale = Timescale::by_date;
    const std::vector<std::tuple<const char*, Status, std::function<void()>>> failures = {
        {"plan by_date without a date", Status::invalid_arg, [&] { save_plan(s, bad_date); }},
        {"plan repeating a reference", Status::conflict, [&] { save_plan(s, dup_ref); }},
        {"recommendation number taken", Status::conflict, [&] { add_recommendation(s, w.plan, dup_number); }},
        {"action reference taken", Status::conflict, [&] { add_action(s, w.plan, 2, dup_action); }},
        {"change to by_date without a date", Status::invalid_arg, [&] { update_recommendation(s, w.plan, 1, by_date); }},
        {"unknown action", Status::not_found, [&] { update_action(s, w.plan, "9.9", ActionChange{}); }},
        {"bad setting after good ones", Status::invalid_arg, [&] { set_plan_settings(s, w.plan, {1, 2, -1}); }},
        {"unknown task", Status::not_found, [&] { complete_task(s, 987654); }},
        {"person taken, ignoring case", Status::conflict, [&] { add_person(s, {0, "MO KHAN", "", "", ""}); }},
        {"person's team not UTF-8", Status::invalid_arg, [&] { add_person(s, {0, "New Person", "", "", ""}, "\xff"); }},
        {"worker in an unknown team", Status::not_found, [&] { save_worker(s, {"New Worker", "No Team", ""}); }},
        {"appointment overlapping", Status::invalid_arg,
         [&] { appoint(s, {0, "Mo Khan", Role::manager, "", "", d("2005-01-01"), d("2006-01-01")}); }},
        {"appointment before the open one", Status::invalid_arg,
         [&] { appoint(s, {0, "Ann Lee", Role::manager, "", "", d("2020-01-01"), std::nullopt}); }},
        {"appointment under an unknown manager", Status::not_found,
         [&] { appoint(s, {0, "Ann Lee", Role::manager, "", "Nobody", Date::today(), std::nullopt}); }},
        {"a person managing themselves", Status::invalid_arg,
         [&] { appoint(s, {0, "Ann Lee", Role::manager, "", "ann lee", Date::today(), std::nullopt}); }},
        {"allocation before the current one", Status::invalid_arg, [&] { allocate(s, "K1", "Ann Lee", d("2024-01-01")); }},
        {"allocation to nobody", Status::not_found, [&] { allocate(s, "K1", "Nobody", d("2024-06-01")); }},
        {"attribute key", Status::invalid_arg, [&] { set_attribute(s, "K1", "Legal Status", "C2", d("2024-03-01")); }},
        {"event in the future", Status::invalid_arg,
         [&] { record_event(s, "K1", {"visit", Date::today().add_days(2), {}}, "tester"); }},
        {"unknown event type", Status::invalid_arg, [&] { record_event(s, "K1", {"tea_break", d("2024-03-02"), {}}, "t"); }},
        {"unknown obligation", Status::not_found,
         [&] { acknowledge(s, w.pack, w.calendar, {"K1", "no.such.rule", d("2024-03-08")}, "Mo"); }},
        {"merge of nobody", Status::not_found, [&] { merge_people(s, "Nobody Here", "Ann Lee"); }},
        {"a batch failing after a good change", Status::not_found,
         [&] {
             detail::in_transaction(s, "a batch", [&] {
                 save_team(s, {"Team Z", "", ""});
                 save_worker(s, {"Zed", "No Such Team", ""});
             });
         }},
        {"import of a missing folder", Status::io, [&] { import_ssda903(s, "/no/such/folder"); }},
        {"an event external id taken", Status::conflict,
         [&] {
             const std::int64_t first = list_events(s, "K1").front().id;
             correct_event(s, first, "K1", {"became_looked_after", d("2024-03-01"), {}, std::string("EV-K2")});
         }},
        {"an unknown event", Status::not_found, [&] { delete_event(s, 987654); }},
        {"an unknown event external id", Status::not_found, [&] { delete_event_by_external_id(s, "EV-none"); }},
        {"correcting an unknown event", Status::not_found,
         [&] { correct_event(s, 987654, "K1", {"visit", d("2024-03-05"), {}}); }},
        {"a malformed event external id", Status::invalid_arg,
         [&] { save_event(s, "K1", {"visit", d("2024-03-05"), {}, std::string("\xff")}, "t"); }},
        {"another child's allocation id", Status::conflict,
         [&] { allocate(s, "K1", "Ann Lee", d("2024-06-01"), std::string("AL-K2")); }},
        {"ending no allocation", Status::not_found, [&] { end_allocation(s, "K2-NEW", d("2024-06-01")); }},
        {"another child's attribute id", Status::conflict,
         [&] { set_attribute(s, "K1", "legal_status", "C2", d("2024-03-01"), std::string("LS-K2")); }},
        {"deleting no attribute", Status::not_found,
         [&] { delete_attribute(s, "K1", "legal_status", d("1999-01-01")); }},
        {"a child's external id taken", Status::conflict,
         [&] { save_child(s, {"K1", std::nullopt, std::string("HOST-K2")}); }},
        {"erasing nobody", Status::not_found, [&] { erase_child(s, "nobody", "purge"); }},
        {"erasing without a reason", Status::invalid_arg, [&] { erase_child(s, "K1", " "); }},
        {"a team's external id taken", Status::conflict,
         [&] { save_team(s, {"Team A", "", "", std::string("T-X")}); }},
    };
    for (const auto& [what, status, change] : failures) {
        BOOST_TEST_CONTEXT(what) {
            const std::string before = snapshot(s, kAsOf, w.acks);
            BOOST_TEST(code_of(change) == status);
            BOOST_TEST(snapshot(s, kAsOf, w.acks) == before);
        }
    }
}

BOOST_DATA_TEST_CASE(values_come_back_exactly, data::make(kBackends), backend) {
    Place place(backend, "values");
    Store s = Store::open(place.options);
    const std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
    const std::int64_t highest = std::numeric_limits<std::int64_t>::max();
    const Date first = d("1900-01-01"), last = d("2199-12-31");

    Plan p = sample_plan();
    p.title = p.authority = kText;
    p.report_date = first;
    p.sections = {kText};
    Recommendation& r = p.recommendations[0];
    r.section = r.text = r.lead = kText;
    r.timescale = Timescale::by_date;
    r.explicit_date = last;
    r.cost.text = kText;
    r.cost.kind = Cost::Kind::range;
    r.cost.amount_pence = lowest;
    r.cost.high_pence = highest;
    r.cost.approximate = true;
    r.cost.period = Cost::Period::per_annum;
    r.cost.per_unit = r.cost.alternative = r.cost.note = kText;
    Action& a = r.actions[0];
    a.ref = a.description = a.lead = a.impact_intended = a.impact_evidence = kText;
    a.due = first;
    a.cost = r.cost;
    a.updates = {{0, first, kText, kText}};
    a.milestones = {{0, last, kText, true}};
    a.tasks = {{0, kText, kText, last, true}};
    a.rag_override = RagOverride{Rag::amber, kText, kText, last};
    const std::int64_t plan = save_plan(s, p);
    BOOST_CHECK(test::without_ids(load_plan(s, plan)) == p);

    add_person(s, {0, kText, kText, kText, kText}, kText);
    const Person person = *try_find_person(s, kText);
    BOOST_TEST((person == Person{person.id, kText, kText, kText, kText}));
    BOOST_TEST(appointment_on(s, kText, first)->team == kText);
    const std::string team = "T " + kText, worker = "W " + kText, other = "P " + kText;
    save_team(s, {team, kText, kText, kText});
    BOOST_TEST(test::contains(list_teams(s), Team{team, kText, kText, kText}));
    BOOST_TEST((*try_find_team_by_external_id(s, kText) == Team{team, kText, kText, kText}));
    add_person(s, {0, other, "", "", ""});
    appoint(s, {0, other, Role::manager, team, kText, first, last});
    const auto held = appointments(s, other);
    BOOST_REQUIRE(held.size() == 1u);
    BOOST_TEST((held[0] == Appointment{held[0].id, other, Role::manager, team, kText, first, last}));
    save_worker(s, {worker, team, kText, Role::practice_supervisor});
    BOOST_TEST(test::contains(list_workers(s), Worker{worker, team, kText, Role::practice_supervisor}));

    save_child(s, {kText, first, kText});
    BOOST_TEST((*try_find_child(s, kText) == Child{kText, first, kText}));
    BOOST_TEST((*try_find_child_by_external_id(s, kText) == Child{kText, first, kText}));
    allocate(s, kText, worker, first, kText);
    BOOST_TEST(allocations(s, kText).at(0).external_id.value_or("") == kText);
    set_attribute(s, kText, "note", kText, last, kText);
    BOOST_TEST(list_attributes(s, kText).at(0).external_id.value_or("") == kText);
    const std::int64_t event = record_event(s, kText, {"visit", d("1900-01-02"), {{"note", kText}}, kText}, kText);
    BOOST_TEST(try_find_event_by_external_id(s, kText)->id == event);
    BOOST_TEST(try_find_event(s, event)->recorded_by == kText);
    const CaseRecord c = load_case(s, kText, last);
    BOOST_TEST(c.worker == worker);
    BOOST_TEST(c.team == team);
    BOOST_TEST(c.attributes.at("note") == kText);
    BOOST_TEST((c.attribute_changes.at(0).effective_from == last));
    BOOST_TEST((c.events.at(0).date == d("1900-01-02")));
    BOOST_TEST(c.events.at(0).attributes.at("note") == kText);
    BOOST_TEST(c.events.at(0).external_id.value_or("") == kText);

    // The history keeps the text verbatim too.
    HistoryFilter f;
    f.entity = "person";
    BOOST_TEST(s.history(f).front().new_value.value_or("") == kText);
}

BOOST_DATA_TEST_CASE(the_change_feed_pages_through_the_history_in_order, data::make(kBackends), backend) {
    Place place(backend, "feed");
    World w;
    Store s = populated(place.options, w);
    const std::vector<Change> all = s.history();
    BOOST_REQUIRE(all.size() > 100u);

    // Every kind of entity the store wrote is one the feed knows.
    const auto& kinds = change_entities();
    for (const Change& c : all)
        BOOST_TEST((std::find(kinds.begin(), kinds.end(), c.entity) != kinds.end()), c.entity);

    // Page by page, the whole history in order, each page at most the limit.
    std::vector<Change> read;
    std::int64_t seen = 0;
    int pages = 0;
    for (ChangePage page = changes_since(s, 0, 7);; page = changes_since(s, seen, 7)) {
        BOOST_TEST(page.since == seen);
        BOOST_TEST(page.changes.size() <= 7u);
        BOOST_TEST(page.latest == all.back().seq);
        read.insert(read.end(), page.changes.begin(), page.changes.end());
        seen = page.next;
        ++pages;
        if (!page.more) break;
        BOOST_TEST(page.next == page.changes.back().seq);
    }
    BOOST_TEST((read == all));
    BOOST_TEST(seen == all.back().seq);
    BOOST_TEST(pages == static_cast<int>((all.size() + 6) / 7));
    // Up to date: nothing more, and the bookmark stays.
    const ChangePage none = changes_since(s, seen, 10);
    BOOST_TEST(none.changes.empty());
    BOOST_TEST(!none.more);
    BOOST_TEST(none.next == seen);

    // One kind only: its rows, and a bookmark past the rows of other kinds.
    for (const char* kind : {"event", "child", "allocation", "case_attribute", "acknowledgement", "plan"}) {
        BOOST_TEST_CONTEXT(kind) {
            HistoryFilter f;
            f.entity = kind;
            const std::vector<Change> expected = s.history(f);
            BOOST_REQUIRE(!expected.empty());
            std::vector<Change> got;
            std::int64_t at = 0;
            for (;;) {
                const ChangePage page = changes_since(s, at, 5, std::string(kind));
                for (const Change& c : page.changes) BOOST_TEST(c.entity == kind);
                got.insert(got.end(), page.changes.begin(), page.changes.end());
                at = page.next;
                if (!page.more) break;
            }
            BOOST_TEST((got == expected));
            BOOST_TEST(at == all.back().seq);
        }
    }

    // Another Store object writes; the reader's next page has it, after its bookmark.
    Store writer = Store::open(place.with(false, false));
    writer.set_actor("host");
    save_event(writer, "K1", {"visit", d("2024-03-20"), {}, std::string("EV-LATE")}, "host");
    const ChangePage late = changes_since(s, seen, 10);
    BOOST_REQUIRE(late.changes.size() == 1u);
    BOOST_TEST(late.changes[0].seq > seen);
    BOOST_TEST(late.changes[0].entity == "event");
    BOOST_TEST(late.changes[0].actor == "host");
    BOOST_TEST(late.next == late.latest);

    // Refusals name what is wrong.
    std::string msg;
    BOOST_TEST(code_of([&] { changes_since(s, -1, 10); }, &msg) == Status::invalid_arg);
    BOOST_TEST(code_of([&] { changes_since(s, 0, 0); }, &msg) == Status::invalid_arg);
    BOOST_TEST(code_of([&] { changes_since(s, 0, 10001); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("10001") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { changes_since(s, late.latest + 1, 10); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("after the latest change") != std::string::npos, msg);
    BOOST_TEST(code_of([&] { changes_since(s, 0, 10, std::string("events")); }, &msg) == Status::invalid_arg);
    BOOST_TEST(msg.find("\"events\"") != std::string::npos, msg);
    BOOST_TEST(msg.find("case_attribute") != std::string::npos, msg);
    BOOST_TEST(changes_since(s, 0, 10000).changes.size() == std::min<std::size_t>(all.size() + 1, 10000));
}

BOOST_DATA_TEST_CASE(two_stores_on_one_location_see_each_others_commits, data::make(kBackends), backend) {
    Place place(backend, "two");
    Store a = Store::open(place.options);
    Store b = Store::open(place.with(false, false));
    a.set_actor("A");
    b.set_actor("B");
    save_team(a, {"Team A", "", ""});
    BOOST_TEST(list_teams(b).size() == 1u);
    add_person(b, {0, "Ann Lee", "", "", ""});
    BOOST_TEST(list_people(a).size() == 1u);
    const auto h = a.history();
    BOOST_REQUIRE(h.size() == 2u);
    BOOST_TEST(h[0].actor == "A");
    BOOST_TEST(h[1].actor == "B");
    // Uncommitted changes stay unseen, and are gone when rolled back.
    code_of([&] {
        detail::in_transaction(a, "not kept", [&] {
            save_team(a, {"Team B", "", ""});
            BOOST_TEST(list_teams(a).size() == 2u);
            BOOST_TEST(list_teams(b).size() == 1u);
            throw Error(Status::invalid_arg, "changed my mind");
        });
    });
    BOOST_TEST(list_teams(a).size() == 1u);
}

BOOST_DATA_TEST_CASE(a_second_writer_waits_up_to_the_busy_timeout, data::make(kBackends), backend) {
    using Clock = std::chrono::steady_clock;
    using std::chrono::milliseconds;
    Place place(backend, "busy");
    Store a = Store::open(place.options);
    StoreOptions patient = place.with(false, false);
    patient.busy_timeout = milliseconds(300);
    Store b = Store::open(patient);

    // While A holds the write lock, B waits its 300 ms, then gives up.
    std::string msg;
    Clock::duration waited{};
    detail::in_transaction(a, "holding the lock", [&] {
        save_team(a, {"Team A", "", ""});
        const auto start = Clock::now();
        BOOST_TEST(code_of([&] { save_team(b, {"Team B", "", ""}); }, &msg) == Status::db);
        waited = Clock::now() - start;
    });
    BOOST_TEST(std::chrono::duration_cast<milliseconds>(waited).count() >= 250, msg);
    BOOST_TEST(list_teams(b).size() == 1u);

    // With time enough, B's write goes through once A commits.
    patient.busy_timeout = milliseconds(10000);
    Store c = Store::open(patient);
    std::promise<void> locked;
    std::thread holder([&] {
        detail::in_transaction(a, "holding the lock", [&] {
            save_team(a, {"Team C", "", ""});
            locked.set_value();
            std::this_thread::sleep_for(milliseconds(300));
        });
    });
    locked.get_future().wait();
    const auto start = Clock::now();
    BOOST_TEST(code_of([&] { save_team(c, {"Team D", "", ""}); }, &msg) == Status::ok, msg);
    const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
    holder.join();
    BOOST_TEST(took >= 200);
    BOOST_TEST(list_teams(c).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
