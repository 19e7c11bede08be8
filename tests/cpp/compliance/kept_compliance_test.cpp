// Kept compliance reports (issue 9 point 8; compliance.hpp "kept
// reports"): a report read from the kept rows is the same report, item for
// item and group for group, as counting every case, with any filter, before
// and after changes to the cases, the workforce and the settings.
#include <boost/test/unit_test.hpp>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/casework/batch.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/compliance/compliance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/team.hpp>

#include "support/shared_data.hpp"
#include "support/store_fixtures.hpp"
#include "support/synthetic_authority.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <tuple>
#include <string>
#include <vector>

using namespace oversight;

namespace {

Date d(const char* iso) { return Date::parse_iso(iso); }

const Calendar& cal() {
    static const Calendar c = Calendar::for_division(Division::england_and_wales);
    return c;
}

const RulePack& england() {
    static const RulePack p = RulePack::england_default();
    return p;
}

/// The same report: header, every item (all fields), every group, what was
/// not counted. How it was read (kept, recounted) aside.
void check_same(const ComplianceReport& kept, const ComplianceReport& counted, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        BOOST_TEST(kept.as_of.iso() == counted.as_of.iso());
        BOOST_TEST(kept.period_from.iso() == counted.period_from.iso());
        BOOST_TEST(kept.period_to.iso() == counted.period_to.iso());
        BOOST_TEST(kept.due_soon_until.iso() == counted.due_soon_until.iso());
        BOOST_TEST(kept.not_counted == counted.not_counted);
        BOOST_TEST(kept.items.size() == counted.items.size());
        BOOST_TEST((kept.items == counted.items));
        // In the report's order: team, worker, child, due date, rule, anchor.
        BOOST_TEST(std::is_sorted(kept.items.begin(), kept.items.end(), [](const ComplianceItem& a, const ComplianceItem& b) {
            const Obligation &x = a.obligation, &y = b.obligation;
            return std::tie(x.team, x.worker, x.child_id, x.due, x.rule_id, x.anchor) <
                   std::tie(y.team, y.worker, y.child_id, y.due, y.rule_id, y.anchor);
        }));
        BOOST_TEST(kept.groups.size() == counted.groups.size());
        BOOST_TEST((kept.groups == counted.groups));
        // The documents too.
        BOOST_TEST(compliance_to_json(kept) == compliance_to_json(counted));
    }
}

ComplianceReport counted(const Store& store, ComplianceOptions o) {
    o.use_kept = false;
    const ComplianceReport r = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(r.kept.empty());
    return r;
}

/// Some exemptions, host due dates and late recordings on top of the
/// synthetic authority, so every column of a kept row is exercised.
void add_the_unusual(Store& store) {
    for (long i = 0; i < 40; i += 4) {
        Exemption e;
        e.child_id = test::synthetic_child_id(i);
        e.kind = i % 8 ? ExemptionKind::hospital : ExemptionKind::missing;
        e.from = d("2025-01-20");
        if (i % 8) e.to = d("2025-02-20");
        e.reason = "exempt for the test; reason with a comma, and \"quotes\"";
        e.approved_by = "Dee Head";
        if (i % 3 == 0) e.areas = {"visits"};
        add_exemption(store, e);
    }
    for (long i = 1; i < 40; i += 3) {
        const std::string child = test::synthetic_child_id(i);
        record_event(store, child,
                     {"visit", d("2025-03-20"), {{"due_date", i % 2 ? "2025-03-01" : "soon"}, {"recorded_on", "2025-03-31"}}},
                     "t", &england());
    }
}

/// A synthetic authority of `children` children in a store of its own, and
/// the options of the report as of 31 March 2025 (the default quarter).
struct Authority {
    Store store = Store::open_in_memory();
    test::SyntheticAuthority written;
    ComplianceOptions o;
    explicit Authority(long children) : written(test::write_synthetic_authority(store, children, d("2025-03-31"))) {
        o.as_of = d("2025-03-31");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(kept_compliance)

BOOST_AUTO_TEST_CASE(a_kept_report_is_the_report_counted_afresh_with_any_filter) {
    Authority authority(240);
    Store& store = authority.store;
    const test::SyntheticAuthority& a = authority.written;
    add_the_unusual(store);
    const ComplianceOptions& o = authority.o;
    const ComplianceReport before = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(before.kept.empty());  // nothing kept yet: counted
    BOOST_REQUIRE(before.items.size() > 500u);

    const KeptCompliance k = keep_compliance(store, england(), cal(), o);
    BOOST_TEST(k.rebuilt);
    BOOST_TEST(k.cases_counted == 240);
    BOOST_TEST(k.key.size() == 64u);
    BOOST_TEST(k.as_of.iso() == "2025-03-31");
    BOOST_TEST(k.period_from.iso() == "2025-01-01");
    BOOST_TEST(k.history_sequence > 0);

    // Read from the kept rows: the same report, whatever is asked of it.
    std::vector<std::pair<std::string, ComplianceOptions>> asks;
    asks.emplace_back("everything", o);
    ComplianceOptions groups = o;
    groups.items = false;
    asks.emplace_back("groups only", groups);
    ComplianceOptions team = o;
    team.team = test::synthetic_team_name(1);
    asks.emplace_back("one team", team);
    ComplianceOptions worker = groups;
    worker.worker = a.worker_names.at(3);
    asks.emplace_back("one worker, groups only", worker);
    ComplianceOptions area = o;
    area.area = "visits";
    asks.emplace_back("visits", area);
    ComplianceOptions rule = groups;
    rule.rule = "lac.review.second";
    asks.emplace_back("one rule, groups only", rule);
    ComplianceOptions plain = o;
    plain.explain = false;
    asks.emplace_back("unexplained", plain);
    ComplianceOptions plain_team = team;
    plain_team.explain = false;
    asks.emplace_back("one team, unexplained", plain_team);
    for (const auto& [what, ask] : asks) {
        const ComplianceReport r = oversight::compliance(store, england(), cal(), ask);
        BOOST_TEST(r.kept == k.key, what);
        BOOST_TEST(r.recounted == 0, what);
        check_same(r, counted(store, ask), what);
    }
    // The groups-only report has the numbers of the full one.
    const ComplianceReport g = oversight::compliance(store, england(), cal(), groups);
    BOOST_TEST((g.groups == before.groups));
    BOOST_TEST(g.items.empty());
    // Unexplained: the same rows, in the same order, each without its
    // explanation (host disagreements' included), and the same numbers.
    for (bool use_kept : {true, false}) {
        ComplianceOptions ask = plain;
        ask.use_kept = use_kept;
        const ComplianceReport u = oversight::compliance(store, england(), cal(), ask);
        BOOST_TEST((u.groups == before.groups));
        BOOST_REQUIRE(u.items.size() == before.items.size());
        std::size_t differ = 0;
        for (std::size_t i = 0; i < u.items.size(); ++i) {
            ComplianceItem explained = u.items[i];
            BOOST_TEST(explained.obligation.explanation.empty());
            explained.obligation.explanation = before.items[i].obligation.explanation;
            BOOST_TEST(!explained.obligation.explanation.empty());
            if (explained != before.items[i]) ++differ;
        }
        BOOST_TEST(differ == 0u, "kept " << use_kept);
    }
}

BOOST_AUTO_TEST_CASE(cases_changed_after_keeping_are_counted_again_and_kept_again) {
    Authority a(120);
    Store& store = a.store;
    const ComplianceOptions& o = a.o;
    // A worker with one child, whose events are all deleted later: the
    // worker's numbers must then vanish from the kept report too.
    save_worker(store, {"Solo Worker", test::synthetic_team_name(0), ""});
    save_child(store, {"SOLO", d("2014-01-01")});
    allocate(store, "SOLO", "Solo Worker", d("2024-12-02"));
    record_event(store, "SOLO", {"became_looked_after", d("2024-12-02"), {}}, "t", &england());
    record_event(store, "SOLO", {"placement_start", d("2024-12-02"), {}}, "t", &england());
    const KeptCompliance first = keep_compliance(store, england(), cal(), o);
    auto has_solo = [](const ComplianceReport& r) {
        return std::any_of(r.groups.begin(), r.groups.end(), [](const ComplianceGroup& g) { return g.key == "Solo Worker"; });
    };
    BOOST_TEST(has_solo(oversight::compliance(store, england(), cal(), o)));
    for (const RecordedEvent& e : list_events(store, "SOLO")) delete_event(store, e.id);

    // A visit, an exemption, a corrected allocation, an erasure and a new
    // child, after the report was kept.
    record_event(store, test::synthetic_child_id(5), {"visit", d("2025-03-30"), {}}, "t", &england());
    Exemption e;
    e.child_id = test::synthetic_child_id(6);
    e.kind = ExemptionKind::custody;
    e.from = d("2025-02-01");
    e.reason = "remanded";
    e.approved_by = "Dee Head";
    const std::int64_t custody = add_exemption(store, e);
    end_exemption(store, custody, d("2025-02-20"));
    // Long-term fostering from 1 January (another visiting regime).
    set_attribute(store, test::synthetic_child_id(9), "placement_type", "U4", d("2025-01-01"));
    allocate(store, test::synthetic_child_id(7), test::synthetic_worker_name(0), d("2025-03-01"));
    erase_child(store, test::synthetic_child_id(8), "test erasure");
    save_child(store, {"NEW-1", d("2015-01-01")});
    allocate(store, "NEW-1", test::synthetic_worker_name(1), d("2025-01-02"));
    record_event(store, "NEW-1", {"became_looked_after", d("2025-01-02"), {}}, "t", &england());
    record_event(store, "NEW-1", {"placement_start", d("2025-01-02"), {}}, "t", &england());

    for (bool items : {true, false}) {
        ComplianceOptions ask = o;
        ask.items = items;
        const ComplianceReport r = oversight::compliance(store, england(), cal(), ask);
        BOOST_TEST(r.kept == first.key);
        BOOST_TEST(r.recounted == 6);  // 5, 6, 7, 9, SOLO and NEW-1; 8 is gone
        BOOST_TEST(!has_solo(r));
        check_same(r, counted(store, ask), items ? "changed, items" : "changed, groups");
    }
    const ComplianceReport r = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(std::none_of(r.items.begin(), r.items.end(), [](const ComplianceItem& i) {
        return i.obligation.child_id == test::synthetic_child_id(8);
    }));
    BOOST_TEST(std::any_of(r.items.begin(), r.items.end(),
                           [](const ComplianceItem& i) { return i.obligation.child_id == "NEW-1"; }));

    // Kept again: only the changed cases counted.
    const KeptCompliance second = keep_compliance(store, england(), cal(), o);
    BOOST_TEST(second.key == first.key);
    BOOST_TEST(!second.rebuilt);
    BOOST_TEST(second.cases_counted == 6);
    BOOST_TEST(second.history_sequence > first.history_sequence);
    const ComplianceReport after = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(after.recounted == 0);
    check_same(after, counted(store, o), "kept again");
    // Nothing changed since: nothing counted.
    BOOST_TEST(keep_compliance(store, england(), cal(), o).cases_counted == 0);

    // A visit recorded on the wrong child, moved to the right one: its row
    // names the new case only, so every case is counted until kept again.
    const std::vector<RecordedEvent> events = list_events(store, test::synthetic_child_id(10));
    const auto visit = std::find_if(events.begin(), events.end(), [](const RecordedEvent& v) {
        return v.event.type == "visit" && v.event.date >= d("2025-01-01");
    });
    BOOST_REQUIRE(visit != events.end());
    correct_event(store, visit->id, test::synthetic_child_id(11), visit->event, &england());
    const ComplianceReport moved = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(moved.kept.empty());
    check_same(moved, counted(store, o), "a visit moved between children");
    BOOST_TEST(keep_compliance(store, england(), cal(), o).rebuilt);
    // A new team alone moves no case: the kept report is still read.
    save_team(store, {"Team New", "", ""});
    BOOST_TEST(oversight::compliance(store, england(), cal(), o).kept == first.key);
}

BOOST_AUTO_TEST_CASE(rows_handed_over_one_at_a_time_are_the_reports_items_in_its_order) {
    // for_each_compliance_item: the report's items, one at a time, whether
    // counted afresh, read from a kept report, or read from one with cases
    // changed since (merged in); the item handed over is refilled row after
    // row, so a copy of each shows that no field is left from the one before.
    Authority a(120);
    Store& store = a.store;
    add_the_unusual(store);
    const ComplianceOptions& o = a.o;
    auto rows = [&](const ComplianceOptions& ask, bool copy) {
        std::vector<ComplianceItem> out;
        const ComplianceReport r = for_each_compliance_item(store, england(), cal(), ask, [&](ComplianceItem&& i) {
            if (copy) out.push_back(i);
            else out.push_back(std::move(i));
        });
        BOOST_TEST(r.items.empty());
        return std::make_pair(r, out);
    };
    auto check_rows = [&](const ComplianceOptions& ask, const std::string& what, const std::string& kept) {
        const ComplianceReport whole = counted(store, ask);
        BOOST_REQUIRE(!whole.items.empty());
        for (bool copy : {true, false}) {
            const auto [r, items] = rows(ask, copy);
            BOOST_TEST_CONTEXT(what << (copy ? ", copied" : ", moved")) {
                BOOST_TEST(r.kept == kept);
                BOOST_TEST(items.size() == whole.items.size());
                BOOST_TEST((items == whole.items));
                BOOST_TEST((r.groups == whole.groups));
                BOOST_TEST(r.not_counted == whole.not_counted);
            }
        }
    };
    check_rows(o, "counted afresh", "");
    const KeptCompliance k = keep_compliance(store, england(), cal(), o);
    check_rows(o, "kept", k.key);
    ComplianceOptions team = o;
    team.team = test::synthetic_team_name(1);
    team.explain = false;
    check_rows(team, "kept, one team, unexplained", k.key);
    // Changed since: a visit, and a new child whose worker sorts among the
    // others: their items merged into the middle of the kept rows.
    record_event(store, test::synthetic_child_id(5), {"visit", d("2025-03-30"), {}}, "t", &england());
    save_child(store, {"NEW-1", d("2015-01-01")});
    allocate(store, "NEW-1", test::synthetic_worker_name(1), d("2025-01-02"));
    record_event(store, "NEW-1", {"became_looked_after", d("2025-01-02"), {}}, "t", &england());
    record_event(store, "NEW-1", {"placement_start", d("2025-01-02"), {}}, "t", &england());
    check_rows(o, "kept, two cases changed since", k.key);
    BOOST_TEST(for_each_compliance_item(store, england(), cal(), o, [](ComplianceItem&&) {}).recounted == 2);
    check_rows(team, "kept, two cases changed since, one team, unexplained", k.key);
    ComplianceOptions area = o;
    area.area = "visits";
    check_rows(area, "kept, two cases changed since, visits", k.key);
    ComplianceOptions rule = o;
    rule.rule = "lac.review.second";
    check_rows(rule, "kept, two cases changed since, one rule", k.key);
    ComplianceOptions shouted = o;  // names are matched ignoring ASCII case
    shouted.worker = test::synthetic_worker_name(1);
    std::transform(shouted.worker->begin(), shouted.worker->end(), shouted.worker->begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    BOOST_REQUIRE(*shouted.worker != test::synthetic_worker_name(1));
    check_rows(shouted, "kept, two cases changed since, a worker named in capitals", k.key);

    // The function's exception stops the reading and is passed on; no
    // function at all is refused; a filter naming nothing, as compliance().
    int seen = 0;
    BOOST_CHECK_THROW(for_each_compliance_item(store, england(), cal(), o,
                                               [&](ComplianceItem&&) {
                                                   if (++seen == 3) throw std::runtime_error("host stopped");
                                               }),
                      std::runtime_error);
    BOOST_TEST(seen == 3);
    // (A SQLite error of the host's own: tests/cpp/store/store_test.cpp.)
    // As text lines: the CSV is compliance_to_csv's child-level text, the
    // JSON lines the items; a refused filter hands no line, a filter leaving
    // no rows the header alone.
    const ComplianceReport whole = oversight::compliance(store, england(), cal(), o);
    std::string csv;
    for_each_compliance_line(store, england(), cal(), o, ComplianceLines::csv,
                             [&](const std::string& line) { csv += line; });
    BOOST_TEST(csv == compliance_to_csv(whole, true));
    std::vector<std::string> json_lines;
    for_each_compliance_line(store, england(), cal(), o, ComplianceLines::json,
                             [&](const std::string& line) { json_lines.push_back(line); });
    BOOST_REQUIRE(json_lines.size() == whole.items.size());
    for (std::size_t k = 0; k < json_lines.size(); ++k)
        BOOST_TEST(json_lines[k] == compliance_item_to_json(whole.items[k]));
    std::vector<std::string> none;
    ComplianceOptions no_one = o;
    no_one.worker = "No Such Worker";
    BOOST_CHECK_THROW(for_each_compliance_line(store, england(), cal(), no_one, ComplianceLines::csv,
                                               [&](const std::string& line) { none.push_back(line); }),
                      Error);
    BOOST_TEST(none.empty());
    ComplianceOptions nothing = o;
    nothing.period_from = d("2025-03-31");
    nothing.period_to = d("2025-03-31");
    nothing.rule = "lac.review.second";
    for_each_compliance_line(store, england(), cal(), nothing, ComplianceLines::csv,
                             [&](const std::string& line) { none.push_back(line); });
    BOOST_REQUIRE(none.size() == 1u);
    BOOST_TEST(none[0] == compliance_item_csv_header());
    BOOST_CHECK_THROW(for_each_compliance_line(store, england(), cal(), o, ComplianceLines::csv, {}), Error);
    BOOST_CHECK_THROW(for_each_compliance_item(store, england(), cal(), o, {}), Error);
    ComplianceOptions nobody = o;
    nobody.worker = "No Such Worker";
    BOOST_CHECK_THROW(for_each_compliance_item(store, england(), cal(), nobody, [](ComplianceItem&&) {}), Error);
    // The store is as it was: the kept report still read.
    BOOST_TEST(oversight::compliance(store, england(), cal(), o).kept == k.key);
}

BOOST_AUTO_TEST_CASE(one_childs_rows_explained_on_demand_are_that_childs_rows_of_the_whole_report) {
    // The list read unexplained (kept), then any child's rows explained on
    // demand (the child filter: that case scheduled afresh): the same rows
    // with their explanations, and the children's numbers add up to the
    // whole report's, brought-forward obligations included.
    Authority a(120);
    Store& store = a.store;
    add_the_unusual(store);
    const ComplianceOptions& o = a.o;
    keep_compliance(store, england(), cal(), o);
    const ComplianceReport whole = counted(store, o);
    ComplianceOptions plain = o;
    plain.explain = false;
    const ComplianceReport list = oversight::compliance(store, england(), cal(), plain);
    BOOST_TEST(!list.kept.empty());
    BOOST_REQUIRE(list.items.size() == whole.items.size());

    auto counts_of = [](const ComplianceReport& r) {
        BOOST_REQUIRE(!r.groups.empty());
        BOOST_REQUIRE(r.groups.front().by == ComplianceBy::overall);
        return r.groups.front().counts;
    };
    ComplianceCounts sum;
    std::size_t rows = 0, exempt = 0, host = 0;
    for (long k = 0; k < 120; ++k) {
        ComplianceOptions ask = o;
        ask.child = test::synthetic_child_id(k);
        const ComplianceReport one = oversight::compliance(store, england(), cal(), ask);
        BOOST_TEST(one.kept.empty());  // one case, counted afresh
        std::vector<ComplianceItem> expected;
        for (const ComplianceItem& i : whole.items)
            if (i.obligation.child_id == *ask.child) expected.push_back(i);
        BOOST_TEST_CONTEXT(*ask.child) {
            BOOST_TEST(one.items.size() == expected.size());
            BOOST_TEST((one.items == expected));
            for (const ComplianceItem& i : one.items) {
                BOOST_TEST(!i.obligation.explanation.empty());
                exempt += i.exemption.has_value();
                host += i.host_due.has_value();
            }
        }
        rows += one.items.size();
        const ComplianceCounts c = counts_of(one);
        sum.met_on_time += c.met_on_time;
        sum.met_late += c.met_late;
        sum.overdue += c.overdue;
        sum.due_soon += c.due_soon;
        sum.not_yet_due += c.not_yet_due;
        sum.exempt += c.exempt;
        sum.recorded_late += c.recorded_late;
        sum.host_disagreements += c.host_disagreements;
        sum.carried_over += c.carried_over;
        sum.carried_over_met += c.carried_over_met;
    }
    BOOST_TEST(rows == whole.items.size());
    BOOST_TEST((sum == counts_of(whole)));
    BOOST_TEST(exempt > 0u);  // the unusual rows are among them
    BOOST_TEST(host > 0u);
    BOOST_TEST(sum.carried_over > 0);

    // With the other filters, written as stored ids are (spaces trimmed),
    // and one at a time.
    const std::string child = test::synthetic_child_id(7);
    ComplianceOptions ask = o;
    ask.child = "  " + child + " ";
    const ComplianceReport one = oversight::compliance(store, england(), cal(), ask);
    BOOST_REQUIRE(!one.items.empty());
    // Explained whatever `explain` says: the options of the list read
    // unexplained, with a child, give that child's explanations.
    ComplianceOptions from_list = plain;
    from_list.child = child;
    BOOST_TEST((oversight::compliance(store, england(), cal(), from_list).items == one.items));
    ask.worker = one.items.back().obligation.worker;
    std::vector<ComplianceItem> theirs;
    for (const ComplianceItem& i : one.items)
        if (i.obligation.worker == *ask.worker) theirs.push_back(i);
    BOOST_REQUIRE(!theirs.empty());
    BOOST_TEST((oversight::compliance(store, england(), cal(), ask).items == theirs));
    ask.worker.reset();
    ask.area = "no such area";
    BOOST_CHECK_THROW(oversight::compliance(store, england(), cal(), ask), Error);
    ask.area.reset();
    std::vector<ComplianceItem> streamed;
    for_each_compliance_item(store, england(), cal(), ask, [&](ComplianceItem&& i) { streamed.push_back(std::move(i)); });
    BOOST_TEST((streamed == one.items));

    // A child the store does not hold, or no id at all: an error naming it.
    for (const char* unknown : {"NO-SUCH-CHILD", "", "   "}) {
        ask.child = unknown;
        try {
            oversight::compliance(store, england(), cal(), ask);
            BOOST_ERROR("no error for child '" << unknown << "'");
        } catch (const Error& e) {
            BOOST_TEST((e.code() == (*unknown == 'N' ? Status::not_found : Status::invalid_arg)), e.what());
            BOOST_TEST(std::string(e.what()).find("child") != std::string::npos, e.what());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_workforce_change_means_every_case_is_counted_again) {
    // Who is in which team moves the numbers of every case of a worker:
    // the kept report is not read until kept again (then counted afresh).
    Authority a(100);
    Store& store = a.store;
    const ComplianceOptions& o = a.o;
    const KeptCompliance k = keep_compliance(store, england(), cal(), o);
    // Worker 6 (of 7) is in team 1 (six workers a team): to team 0.
    Appointment moved;
    moved.person = test::synthetic_worker_name(6);
    moved.role = Role::social_worker;
    moved.team = test::synthetic_team_name(0);
    moved.from = d("2025-02-01");
    appoint(store, moved);
    const ComplianceReport r = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(r.kept.empty());
    check_same(r, counted(store, o), "after a move between teams");
    const KeptCompliance again = keep_compliance(store, england(), cal(), o);
    BOOST_TEST(again.rebuilt);
    BOOST_TEST(again.cases_counted == 100);
    const ComplianceReport kept = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(kept.kept == k.key);
    check_same(kept, r, "kept after the move");
}

BOOST_AUTO_TEST_CASE(other_settings_are_another_report_and_kept_reports_can_be_listed_and_forgotten) {
    Authority a(40);
    Store& store = a.store;
    const ComplianceOptions& o = a.o;
    const KeptCompliance k = keep_compliance(store, england(), cal(), o);

    // Another window, as_of, period, calendar or pack: not this report.
    ComplianceOptions wider = o;
    wider.window = Duration{20, Unit::working_days};
    BOOST_TEST(oversight::compliance(store, england(), cal(), wider).kept.empty());
    ComplianceOptions earlier = o;
    earlier.as_of = d("2025-03-30");
    BOOST_TEST(oversight::compliance(store, england(), cal(), earlier).kept.empty());
    ComplianceOptions year = o;
    year.period_from = d("2024-04-01");
    BOOST_TEST(oversight::compliance(store, england(), cal(), year).kept.empty());
    const Calendar closed = cal().with_closures({{d("2025-03-28"), "Staff day"}});
    BOOST_TEST(oversight::compliance(store, england(), closed, o).kept.empty());
    BOOST_TEST(oversight::compliance(store, england(), cal(), o).kept == k.key);

    const KeptCompliance k2 = keep_compliance(store, england(), cal(), year);
    BOOST_TEST(k2.key != k.key);
    check_same(oversight::compliance(store, england(), cal(), year), counted(store, year), "the year");
    std::vector<KeptCompliance> all = oversight::kept_compliance(store);
    BOOST_REQUIRE(all.size() == 2u);
    BOOST_TEST(all[0].key + all[1].key == (k.key < k2.key ? k.key + k2.key : k2.key + k.key));
    BOOST_TEST(forget_kept_compliance(store, k.key));
    BOOST_TEST(!forget_kept_compliance(store, k.key));
    BOOST_TEST(test::code_of([&] { forget_kept_compliance(store, "'; DROP TABLE events; --"); }) == Status::invalid_arg);
    BOOST_TEST(oversight::kept_compliance(store).size() == 1u);
    BOOST_TEST(oversight::compliance(store, england(), cal(), o).kept.empty());

    // Checked as compliance() checks; refused on a read-only store.
    ComplianceOptions bad = o;
    bad.window = Duration{-1, Unit::calendar_days};
    BOOST_TEST(test::code_of([&] { keep_compliance(store, england(), cal(), bad); }) == Status::invalid_arg);
    test::TempStore file("kept_read_only");
    { Store s = Store::open(file.path); }
    StoreOptions ro;
    ro.location = file.path;
    ro.read_only = true;
    Store read_only = Store::open(ro);
    BOOST_TEST(test::code_of([&] { keep_compliance(read_only, england(), cal(), o); }) == Status::invalid_arg);
}

BOOST_AUTO_TEST_CASE(the_ssda903_return_kept_is_the_return_counted,
                     *boost::unit_test::precondition(test::needs_shared("data/ssda903/episodes.csv"))) {
    // The real-format return, as of 31 March 2018, with a school calendar
    // that ends before the period does (PEP reviews past it are listed,
    // not counted): kept and counted agree.
    Store store = Store::open_in_memory();
    import_ssda903(store, test::shared_path("data/ssda903"));
    save_team(store, {"North", "", ""});
    save_worker(store, {"Ann Lee", "North", ""});
    const std::vector<CaseSummary> cases = list_cases(store, {}, d("2018-03-31"));
    for (const CaseSummary& c : cases) allocate(store, c.child_id, "Ann Lee", d("2015-01-01"));
    // PEPs in the autumn term for some: their reviews fall due by the end
    // of the spring term, which the school calendar does not have.
    for (std::size_t i = 0; i < cases.size(); i += 7)
        record_event(store, cases[i].child_id, {"pep", d("2017-11-01").add_days(static_cast<int>(i % 20)), {}}, "t",
                     &england());
    const SchoolCalendar school("Test LA", {{"Autumn 2017", d("2017-09-04"), d("2017-12-20")}}, {}, cal());
    ComplianceOptions o;
    o.as_of = d("2018-03-31");
    o.school = &school;
    keep_compliance(store, england(), cal(), o);
    const ComplianceReport r = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(!r.kept.empty());
    BOOST_REQUIRE(r.items.size() > 100u);
    BOOST_TEST(!r.not_counted.empty());  // PEP reviews past the autumn term
    check_same(r, counted(store, o), "SSDA903");
    // Changes to the first children after keeping: counted again on the
    // way, and listed in the same order as a full count lists them.
    for (std::size_t i = 0; i < 3; ++i)
        record_event(store, cases[i].child_id, {"visit", d("2018-03-20"), {}}, "t", &england());
    const ComplianceReport changed = oversight::compliance(store, england(), cal(), o);
    BOOST_TEST(changed.recounted == 3);
    check_same(changed, counted(store, o), "SSDA903 after changes");
    ComplianceOptions groups = o;
    groups.items = false;
    check_same(oversight::compliance(store, england(), cal(), groups), counted(store, groups), "SSDA903 groups");
}

BOOST_AUTO_TEST_SUITE_END()
