// <oversight/c/audit.h> only through <oversight.h>: the seed plan's PEP audit
// (18 audited, 8 satisfactory: 44.4%, Wilson 95% interval 24.6%-66.3%) and a
// trend over three audits that is too small to tell; a reproducible sample;
// recommendations as tracked actions and programme reminders; and every
// malformed argument.
#include "capi_test.hpp"

#include <cmath>

using namespace capi_test;

namespace {

double round1(double share) { return std::round(share * 1000.0) / 10.0; }

void add_person(oversight_store* store, const char* name) {
    oversight_workforce_person p = OVERSIGHT_WORKFORCE_PERSON_INIT;
    p.name = name;
    int64_t id = 0;
    EXPECT_OK(oversight_workforce_add_person(store, &p, &id));
}

void add_pep_programme(oversight_store* store) {
    oversight_audit_programme_options o{};
    EXPECT_OK(oversight_audit_programme_options_init(&o, OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION));
    BOOST_TEST(o.exclusion_months == 12);
    o.type = "pep";
    o.cycle = "quarterly";
    o.owner = "Virtual School Head";
    o.scale = "two_point";
    int64_t id = 0;
    EXPECT_OK(oversight_audit_programme_add(store, "PEP audit", &o, &id));
    BOOST_TEST(id > 0);
}

std::string pep(const char* ref, const char* held, int satisfactory, int inadequate) {
    return std::string(R"({"format":"oversight-audit-record","version":1,"reference":")") + ref +
           R"(","programme":"PEP audit","held":")" + held + R"(","recorded":")" + held +
           R"(","auditors":[{"name":"Virtual School Head"},{"name":"Designated Teacher","agency":"Education"}],)" +
           R"("counts":{"satisfactory":)" + std::to_string(satisfactory) + R"(,"inadequate":)" +
           std::to_string(inadequate) + "}}";
}

void appoint(oversight_store* store, const char* who, const char* team, const char* manager, oversight_date from) {
    oversight_workforce_appointment a = OVERSIGHT_WORKFORCE_APPOINTMENT_INIT;
    a.person = who;
    a.role = manager ? "social_worker" : "team_manager";
    a.team = team;
    a.line_manager = manager;
    a.from = &from;
    int64_t id = 0;
    EXPECT_OK(oversight_workforce_appoint(store, &a, &id));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(the_seed_pep_audit_and_a_trend_too_small_to_tell) {
    MemoryStore m;
    add_person(m.store, "Virtual School Head");
    add_person(m.store, "Designated Teacher");
    add_pep_programme(m.store);
    int64_t id = 0;
    EXPECT_OK(oversight_audit_record_json(m.store, pep("PEP-1", "2012-08-23", 8, 10).c_str(), nullptr, &id));
    BOOST_TEST(id > 0);
    char* out = nullptr;
    EXPECT_OK(oversight_audit_result_json(m.store, "PEP-1", 0, &out));
    auto doc = take_document(out, "oversight-audit-result");
    BOOST_TEST(doc["audited"] == 18);
    BOOST_TEST(doc["positive"]["k"] == 8);
    // Wilson 95% for 8 of 18 (hand-computed in tests/cpp/audit/audit_test.cpp): 24.6%-66.3%.
    BOOST_TEST(round1(doc["positive"]["share"].get<double>()) == 44.4);
    BOOST_TEST(round1(doc["positive"]["low"].get<double>()) == 24.6);
    BOOST_TEST(round1(doc["positive"]["high"].get<double>()) == 66.3);
    EXPECT_OK(oversight_audit_result_json(m.store, "PEP-1", 1, &out));
    BOOST_TEST(contains(take(out), "satisfactory: 8 of 18 (44.4%, 95% CI 24.6%-66.3%)"));
    double share = 0, low = 0, high = 0;
    EXPECT_OK(oversight_audit_wilson(8, 18, &share, &low, &high));
    BOOST_TEST(round1(low) == 24.6);
    BOOST_TEST(round1(high) == 66.3);

    EXPECT_OK(oversight_audit_record_json(m.store, pep("PEP-2", "2012-11-22", 10, 8).c_str(), nullptr, nullptr));
    EXPECT_OK(oversight_audit_record_json(m.store, pep("PEP-3", "2013-02-20", 12, 6).c_str(), nullptr, nullptr));
    EXPECT_OK(oversight_audit_trend_json(m.store, "PEP audit", 0, &out));
    doc = take_document(out, "oversight-audit-trend");
    BOOST_TEST(doc["audits"].size() == 3u);
    BOOST_TEST(doc["verdict"] == "too_small");
    EXPECT_OK(oversight_audit_trend_json(m.store, "PEP audit", 1, &out));
    BOOST_TEST(contains(take(out), "Too small to tell"));

    // Quarterly from 20 Feb 2013: due 20 May 2013; the owner is reminded.
    EXPECT_OK(oversight_audit_programmes_json(m.store, &out));
    doc = take_document(out, "oversight-audit-programmes");
    BOOST_TEST(doc["programmes"][0]["next_due"] == "2013-05-20");
    const oversight_date may{2013, 5, 10};
    EXPECT_OK(oversight_audit_reminders_json(m.store, &may, 14, "Virtual School Head", &out));
    doc = take_document(out, "oversight-audit-reminders");
    BOOST_TEST(doc["reminders"].size() == 1u);
    BOOST_TEST(doc["reminders"][0]["days"] == 10);
    EXPECT_OK(oversight_audit_programme_set_due(m.store, "PEP audit", nullptr));
    EXPECT_OK(oversight_audit_reminders_json(m.store, &may, 14, nullptr, &out));
    BOOST_TEST(take_document(out, "oversight-audit-reminders")["reminders"].empty());
    const oversight_date dec{2012, 12, 12};
    EXPECT_OK(oversight_audit_programme_set_due(m.store, "PEP audit", &dec));
}

BOOST_AUTO_TEST_CASE(samples_recommendations_and_links) {
    MemoryStore m;
    add_person(m.store, "Virtual School Head");
    add_person(m.store, "Designated Teacher");
    const oversight_date born{2005, 1, 1};
    oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
    t.name = "Team A";
    EXPECT_OK(oversight_workforce_save_team(m.store, &t));
    oversight_workforce_worker w = OVERSIGHT_WORKFORCE_WORKER_INIT;
    w.name = "Ann Lee";
    w.team = "Team A";
    EXPECT_OK(oversight_workforce_save_worker(m.store, &w));
    const oversight_date allocated{2012, 1, 2};
    for (const char* child : {"C1", "C2", "C3", "C4", "C5", "C6"}) {
        EXPECT_OK(oversight_casework_save_child(m.store, child, &born));
        // Open cases (allocated on the day of the draw) are the ones drawn.
        EXPECT_OK(oversight_casework_allocate(m.store, child, "Ann Lee", allocated));
    }
    oversight_audit_programme_options o = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
    o.type = "care_plan";
    o.owner = "Virtual School Head";
    o.per_stratum = 3;
    EXPECT_OK(oversight_audit_programme_add(m.store, "Care plans", &o, nullptr));
    const oversight_date day{2012, 8, 1};
    char* out = nullptr;
    EXPECT_OK(oversight_audit_sample_json(m.store, "Care plans", &day, 99, &out));
    const auto first = take_document(out, "oversight-audit-sample");
    BOOST_TEST(first["cases"].size() == 3u);
    EXPECT_OK(oversight_audit_sample_json(m.store, "Care plans", &day, 99, &out));
    BOOST_TEST(take_document(out, "oversight-audit-sample")["cases"] == first["cases"]);

    const std::string record = R"({"format":"oversight-audit-record","version":1,"reference":"CP-1",
        "programme":"Care plans","held":"2012-08-20","recorded":"2012-08-31",
        "cases":[{"child":"C1","grade":"good","answers":{"plan_smart":"yes"}},{"child":"C2","grade":"inadequate"}],
        "recommendations":[{"text":"Care plans reviewed in supervision","owner":"Designated Teacher","due":"2012-09-30"}]})";
    EXPECT_OK(oversight_audit_record_json(m.store, record.c_str(), nullptr, nullptr));
    const oversight_date oct{2012, 10, 10};
    EXPECT_OK(oversight_audit_actions_json(m.store, &oct, 1, &out));
    auto doc = take_document(out, "oversight-audit-actions");
    BOOST_TEST(doc["actions"][0]["state"] == "overdue");
    BOOST_TEST(doc["actions"][0]["days_overdue"] == 10);
    BOOST_TEST(doc["actions"][0]["owner"] == "Designated Teacher");
    EXPECT_OK(oversight_audit_complete_recommendation(m.store, "CP-1", 1, {2012, 10, 1}));
    EXPECT_OK(oversight_audit_actions_json(m.store, &oct, 1, &out));
    BOOST_TEST(take_document(out, "oversight-audit-actions")["actions"].empty());
    EXPECT_FAIL(oversight_audit_link_plan_action(m.store, "CP-1", 1, "4.1"), OVERSIGHT_E_NOT_FOUND);
}

BOOST_AUTO_TEST_CASE(samples_n_cases_per_team_manager) {
    // Two managers over three workers in two teams: Mia Grant manages Ann
    // Lee (Team A: C1-C4) and Bo Chan (Team B: C5-C7); Raj Patel manages
    // Cy Dunn (Team B: C8-C10). Drawn per manager, 2 each: "Mia Grant" 7
    // eligible, "Raj Patel" 3, 4 cases in all; by team it would be 4 and 6.
    MemoryStore m;
    for (const char* name : {"Head of Service", "Mia Grant", "Raj Patel", "Ann Lee", "Bo Chan", "Cy Dunn"})
        add_person(m.store, name);
    for (const char* name : {"Team A", "Team B"}) {
        oversight_workforce_team t = OVERSIGHT_WORKFORCE_TEAM_INIT;
        t.name = name;
        EXPECT_OK(oversight_workforce_save_team(m.store, &t));
    }
    appoint(m.store, "Mia Grant", "Team A", nullptr, {2010, 1, 4});
    appoint(m.store, "Raj Patel", "Team B", nullptr, {2010, 1, 4});
    appoint(m.store, "Ann Lee", "Team A", "Mia Grant", {2011, 1, 3});
    appoint(m.store, "Bo Chan", "Team B", "Mia Grant", {2011, 1, 3});
    appoint(m.store, "Cy Dunn", "Team B", "Raj Patel", {2011, 1, 3});
    const oversight_date born{2005, 1, 1};
    const oversight_date allocated{2012, 1, 2};
    const char* holders[] = {"Ann Lee", "Ann Lee", "Ann Lee", "Ann Lee", "Bo Chan",
                             "Bo Chan", "Bo Chan", "Cy Dunn", "Cy Dunn", "Cy Dunn"};
    for (int i = 1; i <= 10; ++i) {
        const std::string child = "C" + std::to_string(i);
        EXPECT_OK(oversight_casework_save_child(m.store, child.c_str(), &born));
        EXPECT_OK(oversight_casework_allocate(m.store, child.c_str(), holders[i - 1], allocated));
    }
    oversight_audit_programme_options o = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
    o.type = "management";
    o.owner = "Head of Service";
    o.per_stratum = 2;
    o.stratify = "manager";
    EXPECT_OK(oversight_audit_programme_add(m.store, "Manager audit", &o, nullptr));
    char* out = nullptr;
    EXPECT_OK(oversight_audit_programmes_json(m.store, &out));
    BOOST_TEST(take_document(out, "oversight-audit-programmes")["programmes"][0]["stratify"] == "manager");

    const oversight_date day{2012, 8, 1};
    EXPECT_OK(oversight_audit_sample_json(m.store, "Manager audit", &day, 2012, &out));
    const auto sample = take_document(out, "oversight-audit-sample");
    BOOST_REQUIRE(sample["strata"].size() == 2u);
    BOOST_TEST(sample["strata"][0]["stratum"] == "Mia Grant");
    BOOST_TEST(sample["strata"][0]["eligible"] == 7);
    BOOST_TEST(sample["strata"][0]["drawn"] == 2);
    BOOST_TEST(sample["strata"][1]["stratum"] == "Raj Patel");
    BOOST_TEST(sample["strata"][1]["eligible"] == 3);
    BOOST_TEST(sample["strata"][1]["drawn"] == 2);
    BOOST_REQUIRE(sample["cases"].size() == 4u);
    for (const auto& c : sample["cases"]) {
        const std::string worker = c["worker"];
        BOOST_TEST(c["stratum"] == (worker == "Cy Dunn" ? "Raj Patel" : "Mia Grant"), worker);
    }
    EXPECT_OK(oversight_audit_sample_json(m.store, "Manager audit", &day, 2012, &out));
    BOOST_TEST(take_document(out, "oversight-audit-sample")["cases"] == sample["cases"]);  // same seed

    // A misspelt stratum is refused and nothing is stored.
    o.stratify = "managers";
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "Other", &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(std::string(oversight_last_error_message()).find("managers") != std::string::npos);
    EXPECT_OK(oversight_audit_programmes_json(m.store, &out));
    BOOST_TEST(take_document(out, "oversight-audit-programmes")["programmes"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(malformed_arguments) {
    MemoryStore m;
    add_person(m.store, "Virtual School Head");
    char* out = reinterpret_cast<char*>(1);
    int64_t id = 7;
    oversight_audit_programme_options o = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
    EXPECT_FAIL(oversight_audit_programme_options_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_programme_options_init(&o, 99), OVERSIGHT_E_INVALID_ARG);
    o = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", &o, &id), OVERSIGHT_E_INVALID_ARG);  // no type
    BOOST_TEST(id == 0);
    o.type = "pep";
    o.owner = "Virtual School Head";
    EXPECT_FAIL(oversight_audit_programme_add(nullptr, "P", &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_programme_add(m.store, nullptr, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_programme_add(m.store, kBadUtf8, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    o.scale = "good, poor";
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "opts->scale"));
    o.scale = nullptr;
    o.stratify = "sideways";
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    o.stratify = nullptr;
    o.next_due = &kBadDate;
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    o.next_due = nullptr;
    o.owner = "Nobody";
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", &o, nullptr), OVERSIGHT_E_NOT_FOUND);
    o.owner = "Virtual School Head";
    o.version = 0;
    EXPECT_FAIL(oversight_audit_programme_add(m.store, "P", &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    o.version = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION;
    EXPECT_OK(oversight_audit_programme_add(m.store, kSql, &o, nullptr));
    EXPECT_FAIL(oversight_audit_programme_add(m.store, kSql, &o, nullptr), OVERSIGHT_E_CONFLICT);

    const std::size_t before = history_size(m.store);
    EXPECT_FAIL(oversight_audit_programme_set_due(nullptr, kSql, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_programme_set_due(m.store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_programme_set_due(m.store, "NOPE", nullptr), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_audit_programme_set_due(m.store, kSql, &kJunkDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_record_json(nullptr, "{}", nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_record_json(m.store, nullptr, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_record_json(m.store, "{", nullptr, &id), OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "audit record"));
    EXPECT_FAIL(oversight_audit_record_json(m.store, kBadUtf8, nullptr, &id), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_record_json(m.store, R"({"format":"oversight-audit-record","version":1})", nullptr,
                                            &id),
                OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), ".reference is missing"));
    EXPECT_FAIL(oversight_audit_record_json(m.store, pep("R", "2012-08-23", 1, 1).c_str(), nullptr, &id),
                OVERSIGHT_E_NOT_FOUND);  // no programme "PEP audit"
    EXPECT_FAIL(oversight_audit_complete_recommendation(nullptr, "R", 1, {2012, 1, 1}), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_complete_recommendation(m.store, nullptr, 1, {2012, 1, 1}), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_complete_recommendation(m.store, "R", 1, kBadDate), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_complete_recommendation(m.store, "R", 1, {2012, 1, 1}), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_audit_link_plan_action(nullptr, "R", 1, "1.1"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_link_plan_action(m.store, nullptr, 1, "1.1"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_link_plan_action(m.store, "R", 1, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_link_plan_action(m.store, "R", 1, "1.1"), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(history_size(m.store) == before);  // nothing refused was written

    EXPECT_FAIL(oversight_audit_programmes_json(nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_audit_programmes_json(m.store, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_sample_json(nullptr, kSql, nullptr, 1, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_sample_json(m.store, nullptr, nullptr, 1, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_sample_json(m.store, kSql, nullptr, 1, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_sample_json(m.store, kSql, &kBadDate, 1, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_sample_json(m.store, kSql, nullptr, 1, &out), OVERSIGHT_E_INVALID_ARG);  // counts only
    EXPECT_FAIL(oversight_audit_sample_json(m.store, "NOPE", nullptr, 1, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_audit_result_json(nullptr, "R", 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_result_json(m.store, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_result_json(m.store, "R", 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_result_json(m.store, "R", 1, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_FAIL(oversight_audit_trend_json(nullptr, kSql, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_trend_json(m.store, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_trend_json(m.store, kSql, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_trend_json(m.store, "NOPE", 0, &out), OVERSIGHT_E_NOT_FOUND);
    EXPECT_OK(oversight_audit_trend_json(m.store, kSql, 0, &out));
    BOOST_TEST(take_document(out, "oversight-audit-trend")["verdict"] == "too_few");
    EXPECT_FAIL(oversight_audit_actions_json(nullptr, nullptr, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_actions_json(m.store, nullptr, 0, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_actions_json(m.store, &kJunkDate, 0, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_reminders_json(nullptr, nullptr, 14, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_reminders_json(m.store, nullptr, 14, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_reminders_json(m.store, nullptr, -1, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_reminders_json(m.store, nullptr, 14, kBadUtf8, &out), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_audit_reminders_json(m.store, &kBadDate, 14, nullptr, &out), OVERSIGHT_E_INVALID_ARG);
    double share = 5;
    EXPECT_FAIL(oversight_audit_wilson(3, 2, &share, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(share == 0.0);
    EXPECT_FAIL(oversight_audit_wilson(-1, 2, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_audit_wilson(0, 0, nullptr, nullptr, nullptr));
    oversight_free(nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
