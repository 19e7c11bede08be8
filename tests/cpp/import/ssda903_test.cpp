// SSDA903 import: a fixture with every kind of bad row, and the real-format
// return in shared/data/ssda903 with counts derived here by plain loops.
#include <boost/test/unit_test.hpp>

#include <oversight/casework/case.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include "support/shared_data.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace {

using oversight::test::needs_shared;
using oversight::test::shared_path;

const char* const kRealFolder = "data/ssda903";
// Our own small return (tests/data/ssda903_sample/README.md): the same checks
// run on it everywhere, and on the real-format return when ../shared is there.
const std::string kSample = OVERSIGHT_TEST_DATA_DIR "/ssda903_sample";
const std::string kBad = OVERSIGHT_TEST_DATA_DIR "/casework_903_bad";

// A plain reader for files without quotes: rows of fields, header first.
std::vector<std::vector<std::string>> plain_csv(const std::string& path) {
    std::ifstream in(path);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::string cur;
        for (char c : line) {
            if (c == ',') {
                f.push_back(cur);
                cur.clear();
            } else {
                cur.push_back(c);
            }
        }
        f.push_back(cur);
        rows.push_back(f);
    }
    return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    BOOST_REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
}

// DD/MM/YYYY -> YYYYMMDD as a number, for ordering.
int ymd(const std::string& dmy) {
    return std::stoi(dmy.substr(6, 4)) * 10000 + std::stoi(dmy.substr(3, 2)) * 100 + std::stoi(dmy.substr(0, 2));
}

std::size_t count_type(const Ssda903Data& d, const std::string& type) {
    return static_cast<std::size_t>(
        std::count_if(d.events.begin(), d.events.end(), [&](const Ssda903Event& e) { return e.event.type == type; }));
}

bool warned(const Ssda903Data& d, const std::string& file, int line, const std::string& text) {
    return std::any_of(d.summary.issues.begin(), d.summary.issues.end(), [&](const ImportIssue& w) {
        return w.file == file && w.line == line && w.message.find(text) != std::string::npos;
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ssda903)

BOOST_AUTO_TEST_CASE(bad_rows_become_warnings_with_their_place) {
    Ssda903Data d = read_ssda903(kBad);
    BOOST_TEST(d.summary.count("header_rows") == 6);
    BOOST_TEST(d.summary.count("episode_rows") == 7);
    BOOST_TEST(d.summary.count("review_rows") == 5);
    // header.csv
    BOOST_TEST(warned(d, "header.csv", 3, "DOB '31/02/2011' is an impossible date"));
    BOOST_TEST(warned(d, "header.csv", 5, "CHILD is empty"));
    BOOST_TEST(warned(d, "header.csv", 6, "listed again"));
    BOOST_TEST(warned(d, "header.csv", 7, "has 2 fields, the header has 7"));
    // episodes.csv
    BOOST_TEST(warned(d, "episodes.csv", 4, "DECOM '2017-04-01' is not a DD/MM/YYYY date"));
    BOOST_TEST(warned(d, "episodes.csv", 5, "RNE 'Z'"));
    BOOST_TEST(warned(d, "episodes.csv", 6, "DEC 2017-04-03 is before DECOM 2017-04-06"));
    BOOST_TEST(warned(d, "episodes.csv", 7, "child A9 is not in header.csv"));
    BOOST_TEST(warned(d, "episodes.csv", 7, "rule 148"));
    // reviews.csv
    BOOST_TEST(warned(d, "reviews.csv", 3, "REVIEW '32/03/2017' is an impossible date"));
    BOOST_TEST(warned(d, "reviews.csv", 4, "before the child's DOB"));
    BOOST_TEST(warned(d, "reviews.csv", 5, "has 3 fields"));
    BOOST_TEST(warned(d, "reviews.csv", 6, "CHILD is empty"));
    // Each issue names the column at fault, if one is, and whether the row or value was used.
    // A3's episode at line 5 (RNE Z) never ends before the next (rule 142); its
    // first usable episode (line 6, RNE L) starts a period of care begun
    // before the return (a note); A1's row at line 8 (RNE T) follows the
    // cessation at line 3 (rule 432).
    const std::vector<std::pair<std::string, Severity>> where = {
        {"header.csv:3:3 (DOB)", Severity::error},        {"header.csv:5:1 (CHILD)", Severity::error},
        {"header.csv:6:1 (CHILD)", Severity::error},      {"header.csv:7", Severity::error},
        {"episodes.csv:4:2 (DECOM)", Severity::error},    {"episodes.csv:5:3 (RNE)", Severity::error},
        {"episodes.csv:5:8 (DEC)", Severity::warning},    {"episodes.csv:6:8 (DEC)", Severity::error},
        {"episodes.csv:6:3 (RNE)", Severity::note},       {"episodes.csv:7:1 (CHILD)", Severity::warning},
        {"episodes.csv:7:9 (REC)", Severity::error},      {"episodes.csv:8:3 (RNE)", Severity::warning},
        {"reviews.csv:3:3 (REVIEW)", Severity::error},    {"reviews.csv:4:3 (REVIEW)", Severity::error},
        {"reviews.csv:5", Severity::error},               {"reviews.csv:6:1 (CHILD)", Severity::error}};
    const auto& issues = d.summary.issues;
    for (const auto& i : issues) BOOST_TEST_MESSAGE(i.where() << " " << to_string(i.severity) << ": " << i.message);
    BOOST_TEST_REQUIRE(issues.size() == where.size());
    for (std::size_t i = 0; i < issues.size(); ++i) {
        BOOST_TEST(issues[i].where() == where[i].first);
        BOOST_TEST((issues[i].severity == where[i].second), issues[i].message);
    }
    BOOST_TEST(warned(d, "episodes.csv", 5, "rule 142"));
    BOOST_TEST(warned(d, "episodes.csv", 6, "began before the return"));
    BOOST_TEST(warned(d, "episodes.csv", 8, "rule 432"));
    BOOST_TEST(d.summary.importer == "ssda903");
    BOOST_TEST(d.summary.source == kBad);

    // A1, A2 (no DOB: impossible), A3 from header.csv; A9 from episodes.csv.
    BOOST_REQUIRE(d.children.size() == 4u);
    BOOST_TEST(d.children[0].id == "A1");
    BOOST_TEST(d.children[0].date_of_birth->iso() == "2010-02-01");
    BOOST_TEST(!d.children[1].date_of_birth);
    BOOST_TEST(d.children[3].id == "A9");

    BOOST_TEST(count_type(d, "became_looked_after") == 4u);  // A1, A9; A3 and A1 again, inferred
    BOOST_TEST(count_type(d, "placement_start") == 4u);      // A1 x3 (S, P, quoted T), A9
    BOOST_TEST(count_type(d, "legal_status_change") == 1u);  // A3
    BOOST_TEST(count_type(d, "ceased_looked_after") == 1u);  // A1 E11
    BOOST_TEST(count_type(d, "review") == 1u);
    BOOST_TEST(d.events.size() == 11u);
    auto quoted = std::find_if(d.events.begin(), d.events.end(),
                               [](const Ssda903Event& e) {
                                   return e.file == "episodes.csv" && e.line == 8 && e.event.type == "placement_start";
                               });
    BOOST_REQUIRE(quoted != d.events.end());
    BOOST_TEST(quoted->event.attributes.at("placement_type") == "K2");
    BOOST_TEST(quoted->event.date.iso() == "2017-12-01");
    auto ceased = std::find_if(d.events.begin(), d.events.end(),
                               [](const Ssda903Event& e) { return e.event.type == "ceased_looked_after"; });
    BOOST_TEST(ceased->event.date.iso() == "2017-11-20");
    BOOST_TEST(ceased->event.attributes.at("reason") == "E11");
}

// The same return from texts in memory (the entry point a fuzz target
// uses), and what the one CSV reader adds: trimmed fields, lines of spaces
// skipped, bytes that are not UTF-8 repaired with a warning, a damaged CHILD
// not used, and the encodings it refuses.
BOOST_AUTO_TEST_CASE(a_return_in_memory) {
    Ssda903Files files;
    files.header = "CHILD,DOB\r\n A1 , 01/02/2010 \r\n   \r\nA\xff,01/02/2010\r\n";
    files.episodes = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\r\nA1,01/03/2017,S,C2,U1,,\r\n";
    files.reviews = "CHILD,REVIEW\r\n\"A1\",\" 20/03/2017\"\r\n";
    Ssda903Data d = read_ssda903(files);
    BOOST_TEST(d.summary.source == "");
    BOOST_TEST(d.summary.count("header_rows") == 2);
    BOOST_TEST_REQUIRE(d.children.size() == 1u);
    BOOST_TEST(d.children[0].id == "A1");
    BOOST_TEST(d.children[0].date_of_birth->iso() == "2010-02-01");
    BOOST_TEST(count_type(d, "became_looked_after") == 1u);
    BOOST_TEST(count_type(d, "review") == 1u);
    BOOST_TEST_REQUIRE(d.summary.issues.size() == 2u);
    BOOST_TEST(d.summary.issues[0].where() == "header.csv:4:1 (CHILD)");
    BOOST_TEST((d.summary.issues[0].severity == Severity::warning));
    BOOST_TEST(d.summary.issues[0].message.find("replaced by U+FFFD") != std::string::npos);
    BOOST_TEST(warned(d, "header.csv", 4, "CHILD is empty or not valid UTF-8; row not used"));
    BOOST_TEST((d.summary.issues[1].severity == Severity::error));

    auto refused = [](Ssda903Files f, const std::string& fragment) {
        try {
            read_ssda903(f);
        } catch (const Error& e) {
            return e.code() == Status::parse && std::string(e.what()).find(fragment) != std::string::npos;
        }
        return false;
    };
    Ssda903Files utf16 = files;
    utf16.episodes = std::string("\xFF\xFE", 2) + "C\0H\0";
    BOOST_TEST(refused(utf16, "episodes.csv: the file is UTF-16 text"));
    Ssda903Files nul = files;
    nul.reviews = std::string("CHILD,REVIEW\nA1\0,x\n", 19);
    BOOST_TEST(refused(nul, "reviews.csv:2: a NUL byte"));
    Ssda903Files twice = files;
    twice.header = "CHILD,DOB,CHILD\n";
    BOOST_TEST(refused(twice, "header.csv:1:3 (CHILD): column CHILD appears twice"));
    Ssda903Files missing = files;
    missing.reviews = "CHILD\n";
    BOOST_TEST(refused(missing, "reviews.csv:1: required column REVIEW is missing"));
}

BOOST_AUTO_TEST_CASE(missing_folder_and_columns) {
    BOOST_CHECK_EXCEPTION(read_ssda903(kBad + "/nope"), Error, [](const Error& e) { return e.code() == Status::io; });
    // A folder without the return's files.
    BOOST_CHECK_EXCEPTION(read_ssda903(OVERSIGHT_TEST_DATA_DIR), Error,
                          [](const Error& e) { return e.code() == Status::io; });
}

// Every count read_ssda903 and import_ssda903 give for the return in
// `folder` matches a plain reading of its files.
void check_counts_against_a_plain_reading(const std::string& folder) {
    auto header = plain_csv(folder + "/header.csv");
    auto episodes = plain_csv(folder + "/episodes.csv");
    auto reviews = plain_csv(folder + "/reviews.csv");
    std::set<std::string> children;
    for (std::size_t i = 1; i < header.size(); ++i) children.insert(header[i][0]);
    const std::size_t rne = column(episodes[0], "RNE"), decom = column(episodes[0], "DECOM"),
                      dec = column(episodes[0], "DEC"), rec = column(episodes[0], "REC");
    // The fake return has some dates after today: those events are reported, not recorded.
    Date today = Date::today();
    const int now = today.year() * 10000 + today.month() * 100 + today.day();
    std::size_t started = 0, placements = 0, legal = 0, ceased = 0, rule148 = 0, future = 0;
    // Periods of care, per child in DECOM order: one starts with RNE S, or
    // with any episode when none is open; an episode's end (REC not X1)
    // closes it unless a later episode began before that end.
    std::map<std::string, std::vector<std::size_t>> rows_of;
    std::map<std::string, std::size_t> started_of;
    for (std::size_t i = 1; i < episodes.size(); ++i) rows_of[episodes[i][0]].push_back(i);
    for (auto& [child, rows] : rows_of) {
        std::stable_sort(rows.begin(), rows.end(),
                         [&](std::size_t a, std::size_t b) { return ymd(episodes[a][decom]) < ymd(episodes[b][decom]); });
        bool open = false;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const auto& r = episodes[rows[k]];
            if (r[rne] == "S" || !open) {
                if (ymd(r[decom]) <= now) ++started, ++started_of[child];
            }
            open = true;
            if (r[dec].empty() || r[rec].empty() || r[rec] == "X1" || ymd(r[dec]) < ymd(r[decom])) continue;
            bool overlapped = false;
            for (std::size_t j = k + 1; j < rows.size(); ++j)
                if (ymd(episodes[rows[j]][decom]) < ymd(r[dec])) overlapped = true;
            if (overlapped) continue;
            if (ymd(r[dec]) <= now) ++ceased;
            open = false;
        }
    }
    for (std::size_t i = 1; i < episodes.size(); ++i) {
        const auto& r = episodes[i];
        children.insert(r[0]);
        bool past = ymd(r[decom]) <= now;
        if ((r[rne] == "S" || r[rne] == "P" || r[rne] == "T" || r[rne] == "B" || r[rne] == "U") && past) ++placements;
        if (r[rne] == "L" && past) ++legal;
        if (r[dec].empty() != r[rec].empty()) ++rule148;
    }
    std::size_t review_rows = 0;
    for (std::size_t i = 1; i < reviews.size(); ++i) {
        children.insert(reviews[i][0]);
        if (reviews[i][2].empty()) continue;
        if (ymd(reviews[i][2]) <= now) ++review_rows; else ++future;
    }

    Ssda903Data d = read_ssda903(folder);
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("header_rows")) == header.size() - 1);
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("episode_rows")) == episodes.size() - 1);
    BOOST_TEST(static_cast<std::size_t>(d.summary.count("review_rows")) == reviews.size() - 1);
    BOOST_TEST(d.children.size() == children.size());
    BOOST_TEST(count_type(d, "became_looked_after") == started);
    BOOST_TEST(count_type(d, "placement_start") == placements);
    BOOST_TEST(count_type(d, "legal_status_change") == legal);
    BOOST_TEST(count_type(d, "ceased_looked_after") == ceased);
    BOOST_TEST(count_type(d, "review") == review_rows);
    const auto& issues = d.summary.issues;
    std::size_t warned148 = static_cast<std::size_t>(std::count_if(issues.begin(), issues.end(), [](const ImportIssue& w) {
        return w.message.find("rule 148") != std::string::npos;
    }));
    BOOST_TEST(warned148 == rule148);
    BOOST_TEST(rule148 > 0u);  // the fake data has such rows: they are reported, not dropped
    std::size_t warned_future = static_cast<std::size_t>(std::count_if(
        issues.begin(), issues.end(), [](const ImportIssue& w) {
            return w.file == "reviews.csv" && w.message.find("in the future") != std::string::npos; }));
    BOOST_TEST(warned_future == future);

    // Into a store; importing again adds nothing.
    Store store = Store::open_in_memory();
    ImportSummary first = import_ssda903(store, folder);
    BOOST_TEST(static_cast<std::size_t>(first.count("children_added")) == children.size());
    BOOST_TEST(static_cast<std::size_t>(first.count("events_added") + first.count("events_already_present")) ==
               d.events.size());
    BOOST_TEST(first.count("events_added") > 0);
    BOOST_TEST((first.issues == d.summary.issues));
    BOOST_TEST(first.importer == "ssda903");
    BOOST_TEST(first.source == folder);
    ImportSummary second = import_ssda903(store, folder);
    BOOST_TEST(second.count("children_added") == 0);
    BOOST_TEST(second.count("events_added") == 0);
    BOOST_TEST(second.count("attributes_set") == 0);
    BOOST_TEST(static_cast<std::size_t>(second.count("events_already_present")) == d.events.size());
    Date as_of = Date::parse_iso("2018-03-31");
    BOOST_TEST(list_cases(store, {}, as_of).size() == children.size());

    // One child, read back from the store, matches the file.
    const std::string some = episodes[1][0];
    CaseRecord stored = load_case(store, some, as_of);
    std::size_t plain_events = 0;
    for (std::size_t i = 1; i < episodes.size(); ++i)
        if (episodes[i][0] == some) {
            const auto& r = episodes[i];
            if (ymd(r[decom]) <= now) plain_events += 1;
            if (!r[dec].empty() && !r[rec].empty() && r[rec] != "X1" && ymd(r[dec]) >= ymd(r[decom])) ++plain_events;
        }
    plain_events += started_of[some];
    for (std::size_t i = 1; i < reviews.size(); ++i)
        if (reviews[i][0] == some) ++plain_events;
    BOOST_TEST(stored.events.size() <= plain_events);  // identical rows collapse into one event
    BOOST_TEST(stored.events.size() > 0u);

    // Reminders as of a date inside the return's period come up for some children.
    Calendar cal = Calendar::for_division(Division::england_and_wales);
    auto list = reminders(store, RulePack::england_default(), cal, as_of, {10, Unit::working_days});
    std::set<std::string> with_reminders;
    for (const auto& r : list) with_reminders.insert(r.obligation.child_id);
    BOOST_TEST(with_reminders.size() > 1u);
    for (const auto& r : list) BOOST_TEST(children.count(r.obligation.child_id) == 1u);
}

BOOST_AUTO_TEST_CASE(sample_return_counts_match_a_plain_reading) { check_counts_against_a_plain_reading(kSample); }

BOOST_AUTO_TEST_CASE(real_return_counts_match_a_plain_reading,
                     *boost::unit_test::precondition(needs_shared(kRealFolder))) {
    check_counts_against_a_plain_reading(shared_path(kRealFolder));
}

// In the return in `folder`: a P1 placement (placed with parents) under LS C2 (full
// care order) gets reg 28(5) visits from the placement; under C1 (interim
// care order) reg 28(4). The rows are chosen by a plain reading.
void check_placed_with_parent_regimes(const std::string& folder) {
    auto episodes = plain_csv(folder + "/episodes.csv");
    const std::size_t child = column(episodes[0], "CHILD"), rne = column(episodes[0], "RNE"),
                      decom = column(episodes[0], "DECOM"), ls = column(episodes[0], "LS"),
                      place = column(episodes[0], "PLACE"), dec = column(episodes[0], "DEC");
    const Date today = Date::today();
    const int now = today.year() * 10000 + today.month() * 100 + today.day();
    auto to_date = [](const std::string& dmy) {
        return Date::from_ymd(std::stoi(dmy.substr(6, 4)), std::stoi(dmy.substr(3, 2)), std::stoi(dmy.substr(0, 2)));
    };
    // A P1 episode starting a placement, with no other episode of the child
    // starting within 3 days after it and not ending within them.
    auto pick = [&](const std::string& legal) -> std::optional<std::pair<std::string, Date>> {
        for (std::size_t i = 1; i < episodes.size(); ++i) {
            const auto& r = episodes[i];
            if (r[place] != "P1" || r[ls] != legal || ymd(r[decom]) > now) continue;
            if (r[rne] != "S" && r[rne] != "P" && r[rne] != "T" && r[rne] != "B" && r[rne] != "U") continue;
            const Date start = to_date(r[decom]);
            if (!r[dec].empty() && to_date(r[dec]) <= start.add_days(3)) continue;
            bool clash = false;
            for (std::size_t j = 1; j < episodes.size(); ++j) {
                if (j == i || episodes[j][child] != r[child]) continue;
                const Date other = to_date(episodes[j][decom]);
                if (!(other < start) && !(start.add_days(3) < other)) clash = true;
            }
            if (!clash) return std::make_pair(r[child], start);
        }
        return std::nullopt;
    };
    Store store = Store::open_in_memory();
    import_ssda903(store, folder);
    const Calendar cal = Calendar::for_division(Division::england_and_wales);
    const RulePack pack = RulePack::england_default();
    const std::pair<const char*, const char*> cases[] = {
        {"C2", "lac.visit.care_order_at_home.placement.first"}, {"C1", "lac.visit.connected_person.first"}};
    for (const auto& [legal, rule] : cases) {
        const std::string rule_id = rule;  // lambdas capture these: not structured bindings before C++20
        BOOST_TEST_CONTEXT("P1 with LS " << legal) {
            const auto found = pick(legal);
            BOOST_TEST_REQUIRE(found.has_value());
            const auto& [id, placed] = *found;
            const Date start = placed;
            const Date as_of = start.add_days(3);
            const CaseRecord rec = load_case(store, id, as_of);
            BOOST_TEST(rec.attributes.at("placement_type") == "P1");
            BOOST_TEST(visit_regime(rec.attributes) ==
                       (std::string(legal) == "C2" ? "care_order_at_home" : "connected_person_temporary"));
            const auto all = schedule_case(pack, rec, as_of, cal);
            auto it = std::find_if(all.begin(), all.end(), [&](const Obligation& o) {
                return o.rule_id == rule_id && o.anchor == start;
            });
            BOOST_TEST_REQUIRE((it != all.end()), id << " placed " << start.iso());
            BOOST_TEST(it->due.iso() == start.add_days(7).iso());
            // Not the default regime.
            BOOST_TEST(std::none_of(all.begin(), all.end(), [&](const Obligation& o) {
                return o.rule_id == "lac.visit.first" && o.anchor == start;
            }));
        }
    }
}

BOOST_AUTO_TEST_CASE(sample_placed_with_parent_codes_get_the_reg_28_regimes) {
    check_placed_with_parent_regimes(kSample);
}

BOOST_AUTO_TEST_CASE(real_placed_with_parent_codes_get_the_reg_28_regimes,
                     *boost::unit_test::precondition(needs_shared(kRealFolder))) {
    check_placed_with_parent_regimes(shared_path(kRealFolder));
}

BOOST_AUTO_TEST_SUITE_END()
