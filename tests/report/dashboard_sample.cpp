// Writes the dashboard (report/dashboard.hpp) of a sample store as HTML into a
// folder, and its three measure reports (report/measures.hpp) as
// compliance-sample.html, audits-sample.html and supervision-sample.html, for
// the check in a real browser (check_html.py):
//   oversight_dashboard_sample <sample_plan.txt> <folder>
// The store: the bundled sample plan (report date 14 March 2025), two teams
// of social workers, twelve children looked after with placements, visits,
// plans, PEPs and reviews (the default England rule pack), a case file audit
// programme with four audits and a year of supervision sessions; the
// dashboard as of 30 June 2025.
#include <oversight/audit/audit.hpp>
#include <oversight/calendar/calendar.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/report/dashboard.hpp>
#include <oversight/report/measures.hpp>
#include <oversight/report/writer.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/supervision/supervision.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/role.hpp>
#include <oversight/workforce/team.hpp>

#include <fstream>
#include <iostream>
#include <string>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

void fill(Store& store) {
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const RulePack pack = RulePack::england_default();
    for (const char* t : {"Team North", "Team South"}) save_team(store, {t, "", ""});
    add_person(store, {0, "Tom Ellery", "Team manager", "", ""});
    add_person(store, {0, "Priya Raman", "Team manager", "", ""});
    appoint(store, {0, "Tom Ellery", Role::team_manager, "Team North", "", d("2020-01-06"), std::nullopt});
    appoint(store, {0, "Priya Raman", Role::team_manager, "Team South", "", d("2020-01-06"), std::nullopt});
    const char* workers[] = {"Ann Newby", "Bo Chan", "Cara Dunn", "Dev Patel"};
    for (int w = 0; w < 4; ++w) {
        add_person(store, {0, workers[w], "Social worker", "", ""});
        appoint(store, {0, workers[w], Role::social_worker, w < 2 ? "Team North" : "Team South",
                        w < 2 ? "Tom Ellery" : "Priya Raman", d("2024-06-03"), std::nullopt});
    }

    // Children: placed one a fortnight from July 2024; visits every 5 to 7
    // weeks (the England pack asks for 6 in the first year), so some late.
    for (int c = 0; c < 12; ++c) {
        const std::string id = "C" + std::to_string(101 + c);
        save_child(store, {id, d("2012-05-01").add_days(c * 200)});
        const Date placed = d("2024-07-01").add_days(c * 14);
        allocate(store, id, workers[c % 4], placed);
        record_event(store, id, {"became_looked_after", placed, {}}, "sample", &pack);
        record_event(store, id, {"placement_start", placed, {}}, "sample", &pack);
        // Plans and reviews, most on time, the later children's late.
        record_event(store, id, {"placement_plan", placed.add_days(3), {}}, "sample", &pack);
        record_event(store, id, {"care_plan", placed.add_days(6 + c), {}}, "sample", &pack);
        record_event(store, id, {"pep", placed.add_days(8 + c), {}}, "sample", &pack);
        const Date review = placed.add_days(20 + c);
        record_event(store, id, {"review", review, {}}, "sample", &pack);
        record_event(store, id, {"review", review.add_days(85 + c % 4 * 5), {}}, "sample", &pack);
        Date visit = placed.add_days(5);
        for (int v = 0; visit < d("2025-06-30"); ++v) {
            record_event(store, id, {"visit", visit, {}}, "sample", &pack);
            visit = visit.add_days(((c + v) % 5 == 0) ? 49 : 35 + (c % 3) * 3);
        }
    }

    AuditProgramme p;
    p.name = "Case file audit";
    p.type = "case_file";
    p.cycle = "quarterly";
    p.owner = "Tom Ellery";
    add_audit_programme(store, p);
    const auto audit = [&](const char* ref, const char* held, int outstanding, int good, int ri, int inadequate) {
        Audit a;
        a.reference = ref;
        a.programme = p.name;
        a.held = d(held);
        a.recorded = d(held).add_days(3);
        a.auditors = {{"Tom Ellery", ""}};
        a.counts = {{"outstanding", outstanding}, {"good", good}, {"requires_improvement", ri}, {"inadequate", inadequate}};
        record_audit(store, a, cal);
    };
    audit("CFA-2024-Q3", "2024-09-18", 1, 8, 18, 13);
    audit("CFA-2024-Q4", "2024-12-11", 2, 12, 17, 9);
    audit("CFA-2025-Q1", "2025-03-19", 3, 15, 16, 6);
    audit("CFA-2025-Q2", "2025-06-11", 4, 18, 14, 4);

    // Supervision: every 4 weeks, a session a week late now and then.
    for (int w = 0; w < 4; ++w) {
        Date held = d("2024-06-24").add_days(w * 3);
        for (int s = 0; held < d("2025-06-30"); ++s) {
            SupervisionRecord r;
            r.supervisee = workers[w];
            r.supervisor = w < 2 ? "Tom Ellery" : "Priya Raman";
            r.held = held;
            r.recorded = held;
            r.minutes = 60;
            record_supervision(store, r);
            held = held.add_days((s + w) % 4 == 0 ? 35 : 26);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: oversight_dashboard_sample <sample_plan.txt> <folder>\n";
        return 2;
    }
    try {
        Store store = Store::open_in_memory();
        SeedImportOptions io;
        io.report_date = d("2025-03-14");
        io.authority = "Sample Council";
        io.source_name = argv[1];
        const std::int64_t plan_id = save_plan(store, import_seed_plan_file(argv[1], io).plan);
        fill(store);
        DashboardOptions o;
        o.as_of = d("2025-06-30");
        const auto write = [&](const Document& doc, const std::string& name) {
            const std::string path = std::string(argv[2]) + "/" + name + "-sample.html";
            std::ofstream out(path, std::ios::binary);
            out << write_document(doc, ReportFormat::html);
            if (!out.flush()) throw Error(Status::io, "cannot write " + path);
            std::size_t tables = doc.tables().size(), charts = 0;
            for (const Block& b : doc.blocks) charts += std::holds_alternative<Chart>(b) ? 1 : 0;
            std::cout << path << ": " << tables << " tables, " << charts << " charts\n";
        };
        write(dashboard(store, plan_id, o), "dashboard");
        MeasureOptions m;
        m.as_of = o.as_of;
        write(measure_report(store, Measure::compliance, m), "compliance");
        write(measure_report(store, Measure::audits, m), "audits");
        write(measure_report(store, Measure::supervision, m), "supervision");
        return 0;
    } catch (const Error& e) {
        std::cerr << "oversight_dashboard_sample: " << e.what() << "\n";
        return 1;
    }
}
