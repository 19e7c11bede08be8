#include <boost/test/unit_test.hpp>

#include <oversight/plan/cost.hpp>
#include <oversight/core/error.hpp>

#include <optional>
#include <string>

using oversight::Cost;
using oversight::parse_cost;

namespace {

struct Case {
    const char* text;
    Cost::Kind kind;
    std::optional<std::int64_t> amount;
    std::optional<std::int64_t> high;
    bool approximate;
    Cost::Period period;
    const char* per_unit;
    const char* alternative;
    const char* note_contains;  // "" : note must be empty; nullptr: not checked
};

const Case kCases[] = {
    // the seed's cost cells
    {"c\xC2\xA3" "1.7m", Cost::Kind::amount, 170000000, {}, true, Cost::Period::unknown, "", "", ""},
    {"c\xC2\xA3" "1.7m due for agreement by Council 12/10/12.", Cost::Kind::amount, 170000000, {}, true,
     Cost::Period::unknown, "", "", "due for agreement by Council 12/10/12."},
    {"\xC2\xA3" "10,500 for WiFi for all floors in Marlands - estimate from", Cost::Kind::amount, 1050000, {}, true,
     Cost::Period::unknown, "", "", "for WiFi for all floors in Marlands - estimate from"},
    {"c\xC2\xA3" "53K, or time- limited honoraria", Cost::Kind::amount, 5300000, {}, true, Cost::Period::unknown, "",
     "time-limited honoraria", ""},
    {"Annual subscription to CCP of about 24k. Support for administration of the system costs approximately 0.5 fte "
     "from existing staff resources.",
     Cost::Kind::amount, 2400000, {}, true, Cost::Period::per_annum, "", "", "0.5 fte from existing staff resources"},
    {"\xC2\xA3" "11k rising to \xC2\xA3" "22k pa based on similar service elsewhere. To be prioritised from existing "
     "resources depending on final specification.",
     Cost::Kind::range, 1100000, 2200000, false, Cost::Period::per_annum, "", "", "based on similar service elsewhere"},
    {"Training priority. PARIS costs to be confirmed. \xC2\xA3 per social worker= \xC2\xA3" "15k year 1 then as part "
     "of induction.",
     Cost::Kind::amount, 1500000, {}, false, Cost::Period::unknown, "social worker", "", "year 1 then as part of induction"},
    {"Within existing resources", Cost::Kind::within_existing, {}, {}, false, Cost::Period::unknown, "", "", ""},
    {"Within exisiting resources", Cost::Kind::within_existing, {}, {}, false, Cost::Period::unknown, "", "",
     "'exisiting' read as 'existing'"},
    {"Within existing Workforce Development resources", Cost::Kind::within_existing, {}, {}, false,
     Cost::Period::unknown, "", "", ""},
    {"resources", Cost::Kind::unparsed, {}, {}, false, Cost::Period::unknown, "", "", "probably the end of a wrapped"},
    {"Existing Resources + 13/14 budget settlement", Cost::Kind::unparsed, {}, {}, false, Cost::Period::unknown, "", "",
     "combined with other funding"},
    {"Within existing resources + 13/14 budget settlement + Change Programme Board (TBA)", Cost::Kind::unparsed, {}, {},
     false, Cost::Period::unknown, "", "", "combined with other funding"},
    {"TBC", Cost::Kind::tbc, {}, {}, false, Cost::Period::unknown, "", "", ""},
    {"tbc.", Cost::Kind::tbc, {}, {}, false, Cost::Period::unknown, "", "", ""},
    {"Will be established through options paper by PCT.", Cost::Kind::tbc, {}, {}, false, Cost::Period::unknown, "",
     "", ""},
    {"", Cost::Kind::none, {}, {}, false, Cost::Period::unknown, "", "", ""},
    {"   ", Cost::Kind::none, {}, {}, false, Cost::Period::unknown, "", "", ""},
    {"021.7111", Cost::Kind::unparsed, {}, {}, false, Cost::Period::unknown, "", "", "no amount"},
    // more forms
    {"\xC2\xA3" "1,700,000", Cost::Kind::amount, 170000000, {}, false, Cost::Period::unknown, "", "", ""},
    {"\xC2\xA3" "10,500.50 one-off", Cost::Kind::amount, 1050050, {}, false, Cost::Period::one_off, "", "", "one-off"},
    {"\xC2\xA3" "2.5 million per annum", Cost::Kind::amount, 250000000, {}, false, Cost::Period::per_annum, "", "",
     "per annum"},
    {"approximately \xC2\xA3" "40k", Cost::Kind::amount, 4000000, {}, true, Cost::Period::unknown, "", "", ""},
    {"\xC2\xA3" "5k - \xC2\xA3" "8k", Cost::Kind::range, 500000, 800000, false, Cost::Period::unknown, "", "", ""},
    {"\xC2\xA3" "3k per child per year", Cost::Kind::amount, 300000, {}, false, Cost::Period::per_annum, "child", "",
     nullptr},
    {"\xC2\xA3" "5k now and \xC2\xA3" "3k in 2014, \xC2\xA3" "1k later", Cost::Kind::unparsed, {}, {}, false,
     Cost::Period::unknown, "", "", "not combined"},
    {"16 social workers", Cost::Kind::unparsed, {}, {}, false, Cost::Period::unknown, "", "", "no amount"},
    {"Funded by the DfE innovation grant", Cost::Kind::unparsed, {}, {}, false, Cost::Period::unknown, "", "",
     "no amount"},
    {"\xC2\xA3" "0.001", Cost::Kind::unparsed, {}, {}, false, Cost::Period::unknown, "", "", "fraction of a penny"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cost)

BOOST_AUTO_TEST_CASE(table_of_cells) {
    for (const Case& c : kCases) {
        BOOST_TEST_CONTEXT("cell \"" << c.text << "\"") {
            Cost got = parse_cost(c.text);
            BOOST_TEST(got.text == c.text);  // verbatim, never altered
            BOOST_TEST(std::string(oversight::to_string(got.kind)) == std::string(oversight::to_string(c.kind)));
            BOOST_TEST((got.amount_pence == c.amount));
            BOOST_TEST((got.high_pence == c.high));
            BOOST_TEST(got.approximate == c.approximate);
            BOOST_TEST(std::string(oversight::to_string(got.period)) == std::string(oversight::to_string(c.period)));
            BOOST_TEST(got.per_unit == c.per_unit);
            BOOST_TEST(got.alternative == c.alternative);
            if (c.note_contains && std::string(c.note_contains).empty()) BOOST_TEST(got.note == "");
            else if (c.note_contains) BOOST_TEST(got.note.find(c.note_contains) != std::string::npos, "note: " << got.note);
            if (got.kind == Cost::Kind::unparsed) BOOST_TEST(!got.note.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_unparsed_not_fatal) {
    Cost c = parse_cost("\xff\xfe \xC2\xA3" "5k");
    BOOST_TEST(c.text == "\xff\xfe \xC2\xA3" "5k");
    BOOST_TEST((c.kind == Cost::Kind::unparsed));
    BOOST_TEST(!c.note.empty());
}

BOOST_AUTO_TEST_CASE(format_pence_groups_thousands) {
    BOOST_TEST(oversight::format_pence(170000000) == "\xC2\xA3" "1,700,000");
    BOOST_TEST(oversight::format_pence(1050050) == "\xC2\xA3" "10,500.50");
    BOOST_TEST(oversight::format_pence(0) == "\xC2\xA3" "0");
    BOOST_TEST(oversight::format_pence(5) == "\xC2\xA3" "0.05");
    BOOST_TEST(oversight::format_pence(99999) == "\xC2\xA3" "999.99");
    BOOST_TEST(oversight::format_pence(100000) == "\xC2\xA3" "1,000");
    BOOST_TEST(oversight::format_pence(-250) == "-\xC2\xA3" "2.50");
    BOOST_TEST(oversight::format_pence(INT64_MIN) == "-\xC2\xA3" "92,233,720,368,547,758.08");
}

BOOST_AUTO_TEST_CASE(enum_text_round_trips_and_rejects_unknown) {
    for (auto k : {Cost::Kind::none, Cost::Kind::amount, Cost::Kind::range, Cost::Kind::within_existing,
                   Cost::Kind::tbc, Cost::Kind::unparsed})
        BOOST_TEST((oversight::parse_cost_kind(oversight::to_string(k)) == k));
    for (auto p : {Cost::Period::unknown, Cost::Period::one_off, Cost::Period::per_annum})
        BOOST_TEST((oversight::parse_cost_period(oversight::to_string(p)) == p));
    try {
        oversight::parse_cost_kind("lots");
        BOOST_FAIL("no exception");
    } catch (const oversight::Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(oversight::Status::invalid_arg));
        BOOST_TEST(std::string(e.what()).find("lots") != std::string::npos);
    }
    BOOST_CHECK_THROW(oversight::parse_cost_period("monthly"), oversight::Error);
}

BOOST_AUTO_TEST_CASE(equality_compares_every_field) {
    Cost a = parse_cost("c\xC2\xA3" "53K, or time- limited honoraria");
    Cost b = a;
    BOOST_TEST((a == b));
    b.alternative = "x";
    BOOST_TEST((a != b));
    b = a;
    b.high_pence = 1;
    BOOST_TEST((a != b));
    b = a;
    b.note = "n";
    BOOST_TEST((a != b));
}

BOOST_AUTO_TEST_CASE(thousands_separators_only_in_groups_of_three) {
    for (const char* cell : {"\xC2\xA3" "1,2345", "\xC2\xA3" "1,000,00", "\xC2\xA3" "1,5", "\xC2\xA3" "1234,567",
                             "c\xC2\xA3" "1,5m", "\xC2\xA3" "1,000 to \xC2\xA3" "2,00"}) {
        BOOST_TEST_CONTEXT("cell \"" << cell << "\"") {
            const Cost c = parse_cost(cell);
            BOOST_TEST((c.kind == Cost::Kind::unparsed));
            BOOST_TEST(!c.amount_pence.has_value());
            BOOST_TEST(c.note.find("malformed thousands separator") != std::string::npos, c.note);
        }
    }
    // Well-formed groups still read, and a comma followed by a space is punctuation.
    BOOST_TEST(*parse_cost("\xC2\xA3" "123,456,789").amount_pence == 12345678900);
    BOOST_TEST(*parse_cost("\xC2\xA3" "1,000.50").amount_pence == 100050);
    BOOST_TEST(*parse_cost("\xC2\xA3" "10,500, one-off").amount_pence == 1050000);
}

BOOST_AUTO_TEST_CASE(reversed_range_is_unparsed) {
    const Cost c = parse_cost("\xC2\xA3" "22k rising to \xC2\xA3" "11k pa");
    BOOST_TEST((c.kind == Cost::Kind::unparsed));
    BOOST_TEST(!c.amount_pence.has_value());
    BOOST_TEST(!c.high_pence.has_value());
    BOOST_TEST(c.note.find("backwards") != std::string::npos, c.note);
    const Cost same = parse_cost("\xC2\xA3" "5k - \xC2\xA3" "5k");  // equal ends are a (degenerate) range
    BOOST_TEST((same.kind == Cost::Kind::range));
}

BOOST_AUTO_TEST_CASE(bare_k_or_m_number_needs_a_cost_word) {
    for (const char* cell : {"2k staff", "recruit 2k volunteers", "1.5m children in England"}) {
        BOOST_TEST_CONTEXT("cell \"" << cell << "\"") {
            const Cost c = parse_cost(cell);
            BOOST_TEST((c.kind == Cost::Kind::unparsed));
            BOOST_TEST(!c.amount_pence.has_value());
            BOOST_TEST(c.note.find("no \xC2\xA3 sign") != std::string::npos, c.note);
        }
    }
    // A dropped figure does not hide what the rest of the cell says.
    const Cost tbc = parse_cost("TBC - 2k staff");
    BOOST_TEST((tbc.kind == Cost::Kind::tbc));
    BOOST_TEST(!tbc.amount_pence.has_value());
    BOOST_TEST(tbc.note.find("'2k' has no \xC2\xA3 sign") != std::string::npos, tbc.note);
    // "Within existing resources" must be the whole cell; with more after it
    // the cell stays unparsed, and the note says why, including the figure.
    const Cost existing = parse_cost("Within existing resources - 2k hours");
    BOOST_TEST((existing.kind == Cost::Kind::unparsed));
    BOOST_TEST(existing.note.find("existing resources combined") != std::string::npos, existing.note);
    BOOST_TEST(existing.note.find("'2k' has no \xC2\xA3 sign") != std::string::npos, existing.note);
    // With a cost word near it: pounds, but marked approximate with a note.
    const Cost sub = parse_cost("Subscription 24k");
    BOOST_TEST((sub.kind == Cost::Kind::amount));
    BOOST_TEST(*sub.amount_pence == 2400000);
    BOOST_TEST(sub.approximate);
    BOOST_TEST(sub.note.find("'subscription' near it") != std::string::npos, sub.note);
    const Cost cost = parse_cost("Total cost 3m over the programme");
    BOOST_TEST(*cost.amount_pence == 300000000);
    BOOST_TEST(cost.approximate);
    // The seed's "about 24k": the approximation word counts as context.
    const Cost seed = parse_cost("Annual subscription to CCP of about 24k.");
    BOOST_TEST(*seed.amount_pence == 2400000);
    BOOST_TEST(seed.note.find("no \xC2\xA3 sign") != std::string::npos, seed.note);
    // A pound amount is unaffected.
    const Cost pound = parse_cost("\xC2\xA3" "2k staff training");
    BOOST_TEST(*pound.amount_pence == 200000);
    BOOST_TEST(!pound.approximate);
}

BOOST_AUTO_TEST_SUITE_END()