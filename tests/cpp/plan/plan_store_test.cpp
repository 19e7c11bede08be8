// The improvement plan in the Store (include/oversight/plan_store.hpp).
#include <boost/test/unit_test.hpp>

#include "support/plan_fixtures.hpp"
#include "support/shared_data.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>

using namespace oversight;
using oversight::test::kSeedPlan;
using oversight::test::needs_shared;

namespace {

const std::string kSeed = oversight::test::shared_path(oversight::test::kSeedPlan);
const std::string kNasty = "'; DROP TABLE actions; -- \"x\" %_ \\ ?1 :a";

Date d(const char* iso) { return Date::parse_iso(iso); }

Status code_of(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (message) *message = e.what();
        return e.code();
    }
    return Status::ok;
}

using test::without_ids;

/// A small plan using every field, with references deliberately not in
/// sorted order (plan order must be kept, not re-sorted).
Plan sample_plan() {
    Plan p;
    p.title = "Improvement plan";
    p.authority = "Example City Council";
    p.report_date = d("2012-09-14");
    p.sections = {"QUALITY OF WORK", "LEADERSHIP"};
    p.settings.immediately_days = 7;
    p.settings.due_soon_days = 14;
    p.settings.stale_update_days = 60;

    Recommendation r1;
    r1.number = 1;
    r1.section = "QUALITY OF WORK";
    r1.text = "Ensure that the quality of social work is consistently high";
    r1.timescale = Timescale::immediately;
    r1.lead = "Felicity Budgen";
    r1.cost = parse_cost("c£1.7m");

    Action a12;
    a12.ref = "1.2";
    a12.description = "Workforce skills";
    a12.lead = "Mark Jowett";
    a12.status = ActionStatus::in_progress;
    a12.impact_intended = "High calibre applicants appointed";
    a12.cost = parse_cost("Within existing resources");
    a12.updates.push_back({0, d("2012-09-20"), "Mark Jowett", "Pilot of group interviews"});
    a12.updates.push_back({0, d("2012-10-01"), "", "Programme launched"});
    a12.milestones.push_back({0, d("2012-11-30"), "Programme signed off", false});
    a12.tasks.push_back({0, "Monitor attendance", "Lindsey Voss", d("2012-12-31"), false});
    a12.tasks.push_back({0, "Engage staff", "", std::nullopt, true});

    Action a11;
    a11.ref = "1.1";
    a11.description = "Secure a permanent workforce";
    a11.lead = "Felicity Budgen";
    a11.due = d("2012-10-31");
    a11.impact_evidence = "16 social workers appointed";
    a11.rag_override = RagOverride{Rag::amber, "Director", "recruitment slipping", d("2012-10-05")};
    r1.actions = {a12, a11};

    Recommendation r2;
    r2.number = 2;
    r2.section = "LEADERSHIP";
    r2.text = "Review the threshold document";
    r2.timescale = Timescale::by_date;
    r2.explicit_date = d("2013-01-31");
    Action a21;
    a21.ref = "2.1";
    a21.description = "Withdrawn for savings";
    a21.status = ActionStatus::withdrawn;
    a21.lead = "Lindsay Voss";
    r2.actions = {a21};

    Recommendation r3;  // under no heading, no actions
    r3.number = 3;
    r3.text = "Within six months";
    r3.timescale = Timescale::within_six_months;

    p.recommendations = {r1, r2, r3};
    return p;
}

std::size_t history_size(const Store& s) { return s.history().size(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_store)

BOOST_AUTO_TEST_CASE(save_and_load_round_trip_keeps_every_field_and_plan_order) {
    Store s = Store::open_in_memory();
    Plan p = sample_plan();
    std::int64_t id = save_plan(s, p);
    BOOST_TEST(id > 0);
    Plan back = load_plan(s, id);
    BOOST_TEST(back.id == id);
    BOOST_TEST(back.recommendations.at(0).id > 0);
    BOOST_TEST(back.recommendations.at(0).actions.at(0).updates.at(0).id > 0);
    BOOST_CHECK(without_ids(back) == p);
    BOOST_TEST(back.recommendations.at(0).actions.at(0).ref == "1.2");  // not re-sorted
    BOOST_TEST(back.recommendations.at(2).section.empty());
    BOOST_CHECK(back.recommendations.at(0).actions.at(1).rag_override.has_value());
    BOOST_TEST(back.recommendations.at(0).cost.amount_pence.value_or(0) == p.recommendations[0].cost.amount_pence.value_or(-1));

    // One history row per created entity: plan, 2 sections, 3 recs, 3 actions,
    // 2 updates, 1 milestone, 2 tasks.
    auto h = s.history();
    BOOST_TEST(h.size() == 14u);
    BOOST_TEST(std::all_of(h.begin(), h.end(), [](const Change& c) { return c.field == "*" && !c.old_value; }));
    HistoryFilter actions;
    actions.entity = "action";
    BOOST_TEST(s.history(actions).size() == 3u);
}

BOOST_AUTO_TEST_CASE(sections_named_only_by_recommendations_are_added_in_order) {
    Store s = Store::open_in_memory();
    Plan p = sample_plan();
    p.sections.clear();
    Plan back = load_plan(s, save_plan(s, p));
    BOOST_TEST((back.sections == std::vector<std::string>{"QUALITY OF WORK", "LEADERSHIP"}));
}

BOOST_AUTO_TEST_CASE(latest_list_and_unknown_plans) {
    Store s = Store::open_in_memory();
    std::string msg;
    BOOST_CHECK(code_of([&] { latest_plan_id(s); }, &msg) == Status::not_found);
    BOOST_TEST(!msg.empty());
    BOOST_CHECK(!try_latest_plan_id(s));
    BOOST_TEST(list_plans(s).empty());
    std::int64_t a = save_plan(s, sample_plan());
    std::int64_t b = save_plan(s, sample_plan());  // refs are unique per plan, not per store
    BOOST_TEST(b > a);
    BOOST_TEST(latest_plan_id(s) == b);
    auto list = list_plans(s);
    BOOST_TEST(list.size() == 2u);
    BOOST_TEST(list[0].id == a);
    BOOST_TEST(list[0].recommendations == 3);
    BOOST_TEST(list[0].actions == 3);
    BOOST_CHECK(list[1].report_date == d("2012-09-14"));
    BOOST_CHECK(code_of([&] { load_plan(s, 999); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("999") != std::string::npos);
    BOOST_CHECK(!try_load_plan(s, 999));
}

BOOST_AUTO_TEST_CASE(inconsistent_plans_are_refused_whole) {
    Store s = Store::open_in_memory();
    Plan dup = sample_plan();
    dup.recommendations[1].actions[0].ref = "1.1";
    BOOST_CHECK(code_of([&] { save_plan(s, dup); }) == Status::conflict);
    Plan dupnum = sample_plan();
    dupnum.recommendations[2].number = 1;
    BOOST_CHECK(code_of([&] { save_plan(s, dupnum); }) == Status::conflict);
    Plan nodate = sample_plan();
    nodate.recommendations[1].explicit_date.reset();
    BOOST_CHECK(code_of([&] { save_plan(s, nodate); }) == Status::invalid_arg);
    Plan noref = sample_plan();
    noref.recommendations[0].actions[0].ref = " ";
    BOOST_CHECK(code_of([&] { save_plan(s, noref); }) == Status::invalid_arg);
    // Nothing of the failed saves remains.
    BOOST_TEST(list_plans(s).empty());
    BOOST_TEST(history_size(s) == 0u);
}

BOOST_AUTO_TEST_CASE(blank_required_texts_and_nul_bytes_are_refused_naming_the_field) {
    Store s = Store::open_in_memory();
    auto refused = [&](const std::function<void(Plan&)>& spoil, const std::string& part) {
        Plan p = sample_plan();
        spoil(p);
        std::string message;
        BOOST_CHECK(code_of([&] { save_plan(s, p); }, &message) == Status::invalid_arg);
        BOOST_TEST(message.find(part) != std::string::npos, message << " lacks " << part);
    };
    refused([](Plan& p) { p.title = " \t "; }, "plan title is empty");
    refused([](Plan& p) { p.recommendations[0].actions[0].updates.push_back({0, d("2025-01-01"), "Ann", " "}); },
            "progress update of action \"1.2\" text is empty");
    refused([](Plan& p) { p.title = std::string("Plan\0B", 6); }, "plan title: a NUL byte at byte 5");
    refused([](Plan& p) { p.recommendations[1].lead = std::string("\0", 1); }, "recommendation 2 lead: a NUL byte");
    BOOST_TEST(list_plans(s).empty());
    const std::int64_t id = save_plan(s, sample_plan());
    RecommendationChange blank_text;
    blank_text.text = " ";
    BOOST_CHECK(code_of([&] { update_recommendation(s, id, 1, blank_text); }) ==
                Status::invalid_arg);
    // A recommendation whose text an export lost is kept (the importer warns).
    Plan lost = sample_plan();
    lost.recommendations[0].text.clear();
    BOOST_CHECK_NO_THROW(save_plan(s, lost));
    BOOST_CHECK(without_ids(load_plan(s, id)) == without_ids(sample_plan()));
}

BOOST_AUTO_TEST_CASE(recommendation_numbers_are_those_the_plan_files_carry) {
    Store s = Store::open_in_memory();
    for (int bad : {0, -1, Recommendation::max_number + 1, std::numeric_limits<int>::max()}) {
        BOOST_TEST_CONTEXT(bad) {
            Plan p = sample_plan();
            p.recommendations[2].number = bad;
            std::string message;
            BOOST_CHECK(code_of([&] { save_plan(s, p); }, &message) == Status::invalid_arg);
            BOOST_TEST(message.find("is outside 1..1000000") != std::string::npos, message);
            Recommendation r = sample_plan().recommendations[0];
            r.number = bad;
            for (auto& a : r.actions) a.ref = "x" + a.ref;
            const std::int64_t id = save_plan(s, sample_plan());
            BOOST_CHECK(code_of([&] { add_recommendation(s, id, r); }) == Status::invalid_arg);
        }
    }
    // At the limit, a stored plan exports and imports again unchanged, in both file forms.
    Plan p = sample_plan();
    p.recommendations[2].number = Recommendation::max_number;
    const Plan stored = without_ids(load_plan(s, save_plan(s, p)));
    BOOST_CHECK(stored == without_ids(p));
    BOOST_CHECK(without_ids(plan_from_json(plan_to_json(stored))) == stored);
    BOOST_CHECK(without_ids(plan_from_csv(plan_to_csv(stored))) == stored);
    // And the readers refuse what the store would.
    std::string json = plan_to_json(stored);
    const std::string at = "\"number\": " + std::to_string(Recommendation::max_number);
    BOOST_TEST_REQUIRE(json.find(at) != std::string::npos, json.substr(0, 400));
    for (const char* bad : {"0", "-3", "1000001"}) {
        std::string text = json;
        text.replace(text.find(at), at.size(), std::string("\"number\": ") + bad);
        std::string message;
        BOOST_CHECK(code_of([&] { plan_from_json(text); }, &message) == Status::parse);
        BOOST_TEST(message.find("/number: a recommendation number is 1..1000000, not " + std::string(bad)) !=
                       std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(action_changes_write_one_history_row_per_changed_field) {
    Store s = Store::open_in_memory();
    s.set_actor("tester");
    std::int64_t id = save_plan(s, sample_plan());
    std::int64_t action = load_plan(s, id).find_action("1.1")->id;
    auto before = history_size(s);

    ActionChange c;
    c.status = ActionStatus::complete;
    c.lead = "Felicity Budgen";  // unchanged: no row
    c.due = std::optional<Date>();  // clear
    c.cost_text = "£11k rising to £22k pa";
    update_action(s, id, "1.1", c);

    HistoryFilter f;
    f.entity = "action";
    f.entity_id = action;
    f.after_seq = s.history()[before - 1].seq;
    auto h = s.history(f);
    BOOST_TEST_REQUIRE(h.size() == 3u);
    BOOST_TEST(h[0].field == "status");
    BOOST_TEST(h[0].old_value.value_or("") == "not_started");
    BOOST_TEST(h[0].new_value.value_or("") == "complete");
    BOOST_TEST(h[0].actor == "tester");
    BOOST_TEST(h[1].field == "due");
    BOOST_TEST(h[1].old_value.value_or("") == "2012-10-31");
    BOOST_CHECK(!h[1].new_value);
    BOOST_TEST(h[2].field == "cost");

    Plan after = load_plan(s, id);
    const Action* a = after.find_action("1.1");
    BOOST_CHECK(a->status == ActionStatus::complete);
    BOOST_CHECK(!a->due);
    BOOST_CHECK(a->cost == parse_cost("£11k rising to £22k pa"));

    // A change to the same values writes nothing.
    auto n = history_size(s);
    update_action(s, id, "1.1", c);
    BOOST_TEST(history_size(s) == n);
}

BOOST_AUTO_TEST_CASE(unknown_references_are_not_found_and_name_the_reference) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    std::string msg;
    ActionChange c;
    c.status = ActionStatus::complete;
    BOOST_CHECK(code_of([&] { update_action(s, id, "9.9", c); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("9.9") != std::string::npos);
    BOOST_CHECK(code_of([&] { update_action(s, id + 1, "1.1", c); }, &msg) == Status::not_found);
    BOOST_CHECK(code_of([&] { add_progress_update(s, id, "7.1", {0, d("2012-10-01"), "", "x"}); }, &msg) ==
                Status::not_found);
    BOOST_TEST(msg.find("7.1") != std::string::npos);
    BOOST_CHECK(code_of([&] { add_action(s, id, 42, Action{}); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("42") != std::string::npos);
    BOOST_CHECK(code_of([&] { complete_task(s, 12345); }, &msg) == Status::not_found);
    BOOST_CHECK(code_of([&] { complete_milestone(s, 12345); }, &msg) == Status::not_found);
    BOOST_CHECK(code_of([&] { update_recommendation(s, id, 77, RecommendationChange{}); }, &msg) == Status::not_found);
    BOOST_CHECK(code_of([&] { set_plan_settings(s, 77, PlanSettings{}); }) == Status::not_found);
    BOOST_CHECK(code_of([&] { set_report_date(s, 77, std::nullopt); }) == Status::not_found);
}

BOOST_AUTO_TEST_CASE(a_failed_change_leaves_the_store_unchanged) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    Plan before = load_plan(s, id);
    auto n = history_size(s);
    // The text and timescale are written first, then the by_date check fails.
    RecommendationChange c;
    c.text = "changed";
    c.timescale = Timescale::by_date;
    BOOST_CHECK(code_of([&] { update_recommendation(s, id, 1, c); }) == Status::invalid_arg);
    BOOST_CHECK(load_plan(s, id) == before);
    BOOST_TEST(history_size(s) == n);
    // Same for a bad setting given after good ones.
    BOOST_CHECK(code_of([&] { set_plan_settings(s, id, PlanSettings{1, 2, -1}); }) == Status::invalid_arg);
    BOOST_CHECK(load_plan(s, id) == before);
    BOOST_TEST(history_size(s) == n);
}

BOOST_AUTO_TEST_CASE(recommendation_changes) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    RecommendationChange c;
    c.section = "NEW HEADING";
    c.lead = "Gill Horrobin";
    c.timescale = Timescale::within_three_months;
    c.explicit_date = std::optional<Date>();
    c.cost_text = "TBC";
    update_recommendation(s, id, 2, c);
    Plan p = load_plan(s, id);
    const Recommendation* r = p.find_recommendation(2);
    BOOST_TEST(r->section == "NEW HEADING");
    BOOST_TEST(p.sections.back() == "NEW HEADING");
    BOOST_TEST(r->lead == "Gill Horrobin");
    BOOST_CHECK(r->timescale == Timescale::within_three_months);
    BOOST_CHECK(!r->explicit_date);
    BOOST_CHECK(r->cost == parse_cost("TBC"));
    HistoryFilter f;
    f.entity = "recommendation";
    f.entity_id = r->id;
    auto h = s.history(f);
    BOOST_TEST(h.size() == 6u);  // created + section, lead, explicit_date, timescale, cost

    Recommendation extra;
    extra.number = 4;
    extra.text = "New";
    extra.section = "LEADERSHIP";
    std::int64_t rid = add_recommendation(s, id, extra);
    BOOST_TEST(load_plan(s, id).recommendations.back().id == rid);
    BOOST_CHECK(code_of([&] { add_recommendation(s, id, extra); }) == Status::conflict);
}

BOOST_AUTO_TEST_CASE(progress_milestones_and_tasks) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    std::int64_t u = add_progress_update(s, id, "1.1", {0, d("2012-10-10"), "Felicity Budgen", "Twelve posts filled"});
    std::int64_t m = add_milestone(s, id, "1.1", {0, d("2012-12-01"), "All posts filled", false});
    std::int64_t t = add_task(s, id, "1.1", {0, "Reduce agency staff", "Mark Jowett", d("2013-03-31"), false});
    complete_milestone(s, m);
    complete_task(s, t);
    Plan p = load_plan(s, id);
    const Action* a = p.find_action("1.1");
    BOOST_TEST_REQUIRE(a->updates.size() == 1u);
    BOOST_TEST(a->updates[0].id == u);
    BOOST_TEST(a->updates[0].text == "Twelve posts filled");
    BOOST_TEST(a->milestones.at(0).done);
    BOOST_TEST(a->tasks.at(0).done);
    BOOST_TEST(a->tasks.at(0).owner == "Mark Jowett");
    // Appended after the existing ones.
    add_progress_update(s, id, "1.2", {0, d("2012-09-01"), "", "Earlier date, later entry"});
    BOOST_TEST(load_plan(s, id).find_action("1.2")->updates.back().text == "Earlier date, later entry");
    complete_task(s, t, false);
    BOOST_TEST(!load_plan(s, id).find_action("1.1")->tasks.at(0).done);
    BOOST_CHECK(code_of([&] { add_progress_update(s, id, "1.1", {0, d("2012-10-10"), "", "  "}); }) ==
                Status::invalid_arg);
    BOOST_CHECK(code_of([&] { add_task(s, id, "1.1", Task{}); }) == Status::invalid_arg);
}

BOOST_AUTO_TEST_CASE(rag_override_set_and_clear) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    set_rag_override(s, id, "1.2", RagOverride{Rag::red, "Chief Executive", "no staff in post", d("2012-10-12")});
    auto o = load_plan(s, id).find_action("1.2")->rag_override;
    BOOST_TEST_REQUIRE(o.has_value());
    BOOST_CHECK(o->rag == Rag::red);
    BOOST_TEST(o->by == "Chief Executive");
    BOOST_TEST(o->reason == "no staff in post");
    BOOST_CHECK(o->set_on == d("2012-10-12"));
    auto n = history_size(s);
    clear_rag_override(s, id, "1.2");
    BOOST_TEST(history_size(s) == n + 4);
    BOOST_CHECK(!load_plan(s, id).find_action("1.2")->rag_override);
    BOOST_CHECK(code_of([&] { clear_rag_override(s, id, "1.2"); }) == Status::not_found);
    BOOST_CHECK(code_of([&] { set_rag_override(s, id, "1.2", RagOverride{Rag::none, "x", "y", d("2012-10-12")}); }) ==
                Status::invalid_arg);
    BOOST_CHECK(code_of([&] { set_rag_override(s, id, "1.2", RagOverride{Rag::red, "", "y", d("2012-10-12")}); }) ==
                Status::invalid_arg);
    BOOST_CHECK(code_of([&] { set_rag_override(s, id, "1.2", RagOverride{Rag::red, "x", " ", d("2012-10-12")}); }) ==
                Status::invalid_arg);
}

BOOST_AUTO_TEST_CASE(settings_and_report_date) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    set_plan_settings(s, id, PlanSettings{0, 21, 30});
    set_report_date(s, id, d("2012-09-20"));
    Plan p = load_plan(s, id);
    BOOST_CHECK(p.settings == (PlanSettings{0, 21, 30}));
    BOOST_CHECK(p.report_date == d("2012-09-20"));
    set_report_date(s, id, std::nullopt);
    BOOST_CHECK(!load_plan(s, id).report_date);
    BOOST_CHECK(code_of([&] { set_plan_settings(s, id, PlanSettings{0, 4000, 30}); }) == Status::invalid_arg);
}

BOOST_AUTO_TEST_CASE(sql_metacharacters_are_stored_verbatim) {
    Store s = Store::open_in_memory();
    Plan p = sample_plan();
    p.title = kNasty;
    p.recommendations[0].actions[0].ref = kNasty;
    p.recommendations[0].actions[0].description = kNasty;
    std::int64_t id = save_plan(s, p);
    add_progress_update(s, id, kNasty, {0, d("2012-10-10"), kNasty, kNasty});
    const std::string obrien = "'O'Brien'; DROP TABLE people; --";
    add_person(s, Person{0, obrien, kNasty, kNasty, kNasty}, kNasty);
    Plan back = load_plan(s, id);
    BOOST_TEST(back.title == kNasty);
    BOOST_TEST_REQUIRE(back.find_action(kNasty) != nullptr);
    BOOST_TEST(back.find_action(kNasty)->updates.back().text == kNasty);
    BOOST_TEST(list_people(s).at(0).name == obrien);
    BOOST_TEST(list_people(s).at(0).job_title == kNasty);
    BOOST_TEST(list_people(s).at(0).agency == kNasty);
    BOOST_TEST(appointment_on(s, obrien, d("2012-10-10"))->team == kNasty);
}

BOOST_AUTO_TEST_CASE(people_directory_duplicates_and_merge) {
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, sample_plan());
    std::int64_t fb = add_person(s, Person{0, "Felicity Budgen", "Director", "fb@example.org", ""});
    BOOST_TEST(fb > 0);
    BOOST_CHECK(code_of([&] { add_person(s, Person{0, "felicity  budgen", "", "", ""}); }) == Status::conflict);
    BOOST_CHECK(code_of([&] { add_person(s, Person{0, " ", "", "", ""}); }) == Status::invalid_arg);
    add_person(s, Person{0, "Lindsay Voss", "", "", ""}, "Safeguarding");

    auto unlisted = unlisted_people(s, id);
    BOOST_TEST((unlisted == std::vector<std::string>{"Lindsey Voss", "Mark Jowett"}));

    auto dups = probable_duplicate_people(s, id);
    bool voss = std::any_of(dups.begin(), dups.end(), [](const ProbableSamePerson& p) {
        return (p.a == "Lindsay Voss" && p.b == "Lindsey Voss") || (p.a == "Lindsey Voss" && p.b == "Lindsay Voss");
    });
    BOOST_TEST(voss);

    merge_people(s, "Lindsey Voss", "Lindsay Voss");
    Plan p = load_plan(s, id);
    BOOST_TEST(p.find_action("1.2")->tasks.at(0).owner == "Lindsay Voss");
    BOOST_TEST((unlisted_people(s, id) == std::vector<std::string>{"Mark Jowett"}));
    HistoryFilter f;
    f.entity = "task";
    auto h = s.history(f);
    BOOST_TEST(h.back().field == "owner");
    BOOST_TEST(h.back().old_value.value_or("") == "Lindsey Voss");

    // Merging a directory entry into a name that is not listed renames it.
    merge_people(s, "Felicity Budgen", "Felicity Budgen-Smith");
    auto people = list_people(s);
    BOOST_TEST(std::any_of(people.begin(), people.end(), [](const Person& x) {
        return x.name == "Felicity Budgen-Smith" && x.email == "fb@example.org";
    }));
    BOOST_TEST(load_plan(s, id).find_action("1.1")->lead == "Felicity Budgen-Smith");
    BOOST_TEST(load_plan(s, id).find_recommendation(1)->lead == "Felicity Budgen-Smith");

    // Two directory entries: the first goes, the second keeps what it lacked.
    add_person(s, Person{0, "M Jowett", "Head of Service", "", ""});
    add_person(s, Person{0, "Mark Jowett", "", "", ""});
    merge_people(s, "M Jowett", "Mark Jowett");
    people = list_people(s);
    BOOST_TEST(std::none_of(people.begin(), people.end(), [](const Person& x) { return x.name == "M Jowett"; }));
    BOOST_TEST(std::any_of(people.begin(), people.end(),
                           [](const Person& x) { return x.name == "Mark Jowett" && x.job_title == "Head of Service"; }));

    std::string msg;
    BOOST_CHECK(code_of([&] { merge_people(s, "Nobody Here", "Mark Jowett"); }, &msg) == Status::not_found);
    BOOST_TEST(msg.find("Nobody Here") != std::string::npos);
    BOOST_CHECK(code_of([&] { merge_people(s, "Mark Jowett", "Mark Jowett"); }) == Status::invalid_arg);
    BOOST_CHECK(code_of([&] { unlisted_people(s, 999); }) == Status::not_found);
}

BOOST_AUTO_TEST_CASE(merge_matches_leads_case_insensitively_like_the_directory) {
    Store s = Store::open_in_memory();
    Plan plan = sample_plan();
    plan.recommendations[0].actions[0].lead = "MARK JOWETT";  // 1.2
    plan.recommendations[0].actions[0].tasks[0].owner = "lindsey voss";
    std::int64_t id = save_plan(s, plan);
    add_person(s, Person{0, "Mark Jowett", "", "", ""});
    // The directory already treats "MARK JOWETT" as listed; merge must agree.
    merge_people(s, "mark jowett", "Mark Jowett-Smith");
    Plan p = load_plan(s, id);
    BOOST_TEST(p.find_action("1.2")->lead == "Mark Jowett-Smith");
    auto people = list_people(s);
    BOOST_TEST(std::any_of(people.begin(), people.end(), [](const Person& x) { return x.name == "Mark Jowett-Smith"; }));
    merge_people(s, "Lindsey Voss", "Lindsay Voss");
    BOOST_TEST(load_plan(s, id).find_action("1.2")->tasks.at(0).owner == "Lindsay Voss");
    // Only the case may differ: other names are left alone.
    BOOST_TEST(load_plan(s, id).find_action("2.1")->lead == "Lindsay Voss");
    BOOST_TEST(load_plan(s, id).find_action("1.1")->lead == "Felicity Budgen");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_text_is_refused_on_every_write) {
    Store s = Store::open_in_memory();
    const std::int64_t id = save_plan(s, sample_plan());
    const std::size_t before = history_size(s);
    const std::string bad = "ok\xff";  // invalid at byte 3
    const auto refused = [&](const std::function<void()>& f, const std::string& expected) {
        std::string msg;
        BOOST_TEST((code_of(f, &msg) == Status::invalid_arg), expected);
        BOOST_TEST(msg.find(expected) != std::string::npos, msg << " (expected " << expected << ")");
        BOOST_TEST(msg.find("invalid UTF-8 at byte 3") != std::string::npos, msg);
    };
    refused([&] { add_progress_update(s, id, "1.2", {0, d("2012-11-01"), "", bad}); },
            "progress update of action \"1.2\" text");
    refused([&] { add_progress_update(s, id, "1.2", {0, d("2012-11-01"), bad, "fine"}); },
            "progress update of action \"1.2\" author");
    refused([&] { add_milestone(s, id, "1.2", {0, d("2012-11-01"), bad, false}); }, "milestone of action \"1.2\" text");
    refused([&] { add_task(s, id, "1.2", {0, "fine", bad, std::nullopt, false}); }, "task of action \"1.2\" owner");
    ActionChange ac;
    ac.lead = bad;
    refused([&] { update_action(s, id, "1.1", ac); }, "action \"1.1\" lead");
    ac = {};
    ac.description = bad;
    refused([&] { update_action(s, id, "1.1", ac); }, "action \"1.1\" description");
    ac = {};
    ac.impact_evidence = bad;
    refused([&] { update_action(s, id, "1.1", ac); }, "action \"1.1\" impact_evidence");
    ac = {};
    ac.cost_text = bad;
    refused([&] { update_action(s, id, "1.1", ac); }, "action \"1.1\" cost");
    RecommendationChange rc;
    rc.text = bad;
    refused([&] { update_recommendation(s, id, 1, rc); }, "recommendation 1 text");
    rc = {};
    rc.lead = bad;
    refused([&] { update_recommendation(s, id, 1, rc); }, "recommendation 1 lead");
    rc = {};
    rc.section = bad;
    refused([&] { update_recommendation(s, id, 1, rc); }, "recommendation 1 section");
    refused([&] { set_rag_override(s, id, "1.2", RagOverride{Rag::red, bad, "why", d("2012-11-01")}); },
            "action \"1.2\" rag_by");
    refused([&] { add_person(s, Person{0, "Ann Lee", bad, "", ""}); }, "job_title");
    refused([&] { add_person(s, Person{0, "Ann Lee", "", "", ""}, bad); }, "team");
    refused([&] { add_person(s, Person{0, bad, "", "", ""}); }, "name");
    refused([&] { merge_people(s, "Mark Jowett", bad); }, "name (into)");
    Action a;
    a.ref = "1.9";
    a.description = bad;
    refused([&] { add_action(s, id, 1, a); }, "action \"1.9\" description");
    Recommendation r;
    r.number = 9;
    r.text = bad;
    refused([&] { add_recommendation(s, id, r); }, "recommendation 9 text");
    Plan p = sample_plan();
    p.authority = bad;
    refused([&] { save_plan(s, p); }, "plan authority");
    p = sample_plan();
    p.recommendations[0].actions[1].updates.push_back({0, d("2012-10-01"), "", bad});
    refused([&] { save_plan(s, p); }, "progress update of action \"1.1\" text");
    // Nothing was written, and what is there still exports.
    BOOST_TEST(history_size(s) == before);
    BOOST_TEST(list_plans(s).size() == 1u);
    BOOST_CHECK_NO_THROW(plan_to_json(load_plan(s, id)));
}

BOOST_AUTO_TEST_CASE(the_sample_plan_survives_the_store_unchanged) {
    SeedImportOptions options;
    options.report_date = d("2025-03-14");
    ImportResult imported = import_seed_plan_file(OVERSIGHT_TEST_DATA_DIR "/../../examples/data/sample_plan.txt", options);
    BOOST_TEST_REQUIRE(imported.plan.recommendations.size() == 8u);
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, imported.plan);
    BOOST_CHECK(without_ids(load_plan(s, id)) == without_ids(imported.plan));
}

BOOST_AUTO_TEST_CASE(the_seed_plan_survives_the_store_unchanged, *boost::unit_test::precondition(needs_shared(kSeedPlan))) {
    SeedImportOptions options;
    options.report_date = d("2012-09-14");
    ImportResult imported = import_seed_plan_file(kSeed, options);
    BOOST_TEST(imported.plan.recommendations.size() == 20u);
    Store s = Store::open_in_memory();
    std::int64_t id = save_plan(s, imported.plan);
    Plan back = load_plan(s, id);
    BOOST_CHECK(without_ids(back) == without_ids(imported.plan));
    std::size_t actions = 0;
    for (const auto& r : back.recommendations) actions += r.actions.size();
    BOOST_TEST(list_plans(s).at(0).actions == static_cast<int>(actions));
    // The seed names "Lindsey Voss" and "Lindsay Voss": a probable duplicate.
    auto dups = probable_duplicate_people(s, id);
    BOOST_TEST(std::any_of(dups.begin(), dups.end(), [](const ProbableSamePerson& p) {
        return p.a.find("Voss") != std::string::npos && p.b.find("Voss") != std::string::npos;
    }));
}

BOOST_AUTO_TEST_SUITE_END()
