// The SSDA903 code lists and the check of coded case values through the
// casework API (set_attribute, save_event, correct_event).
#include <boost/test/unit_test.hpp>

#include <oversight/casework/child.hpp>
#include <oversight/casework/codes.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/store/store.hpp>

#include <set>
#include <string>

using namespace oversight;

namespace {

// The message of the Error(invalid_arg) that `f` throws; "" if it throws none.
template <class F>
std::string refusal(F f) {
    try {
        f();
    } catch (const Error& e) {
        BOOST_TEST((e.code() == Status::invalid_arg), e.what());
        return e.what();
    }
    return std::string();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(casework_codes)

BOOST_AUTO_TEST_CASE(the_lists_are_data_with_their_source) {
    const auto& lists = code_lists();
    BOOST_TEST_REQUIRE(lists.size() == 6u);
    std::set<std::string> keys;
    for (std::size_t i = 0; i < lists.size(); ++i) {
        BOOST_TEST((lists[i].list == static_cast<CodeList>(i)));
        BOOST_TEST(has(std::string(lists[i].source), "2024 to 2025"));
        BOOST_TEST(!lists[i].dfe_rule.empty());
        BOOST_TEST(!lists[i].codes.empty());
        std::set<std::string> codes;
        for (const Code& c : lists[i].codes) {
            BOOST_TEST(codes.insert(std::string(c.code)).second, "twice: " << c.code);
            BOOST_TEST(!c.meaning.empty());
            BOOST_TEST(looks_like_code(c.code), c.code);
        }
        keys.insert(std::string(lists[i].attribute_key));
    }
    BOOST_TEST(keys.size() == 6u);
    // Sizes as the DfE validator's rules 146, 144, 143, 149, 167 and 178 list them.
    BOOST_TEST(code_list(CodeList::placement_type).codes.size() == 27u);
    BOOST_TEST(code_list(CodeList::legal_status).codes.size() == 13u);
    BOOST_TEST(code_list(CodeList::reason_for_new_episode).codes.size() == 6u);
    BOOST_TEST(code_list(CodeList::reason_episode_ceased).codes.size() == 22u);
    BOOST_TEST(code_list(CodeList::review_code).codes.size() == 8u);
    BOOST_TEST(code_list(CodeList::placement_provider).codes.size() == 6u);
}

BOOST_AUTO_TEST_CASE(known_codes_shapes_and_nearest) {
    BOOST_TEST(is_known_code(CodeList::placement_type, "U3"));
    BOOST_TEST(!is_known_code(CodeList::placement_type, "u3"));  // case-sensitive, as the validator
    BOOST_TEST(!is_known_code(CodeList::placement_type, "Q1"));  // an old foster code, no longer valid
    BOOST_TEST(is_known_code(CodeList::reason_episode_ceased, "E4A"));
    BOOST_TEST(!is_known_code(CodeList::reason_episode_ceased, "E4"));
    BOOST_TEST(is_known_code(CodeList::review_code, "PN0"));
    BOOST_TEST(looks_like_code("S"));
    BOOST_TEST(looks_like_code("c2"));
    BOOST_TEST(looks_like_code(" U7 "));
    BOOST_TEST(!looks_like_code("foster"));
    BOOST_TEST(!looks_like_code("care_order"));
    BOOST_TEST(!looks_like_code("x"));
    BOOST_TEST(!looks_like_code(""));
    BOOST_TEST(nearest_code(CodeList::placement_type, "6U").value_or("") == "U6");
    BOOST_TEST(nearest_code(CodeList::legal_status, "c2").value_or("") == "C2");
    BOOST_TEST(nearest_code(CodeList::reason_episode_ceased, "E4a").value_or("") == "E4A");
    BOOST_TEST(!nearest_code(CodeList::reason_for_new_episode, "Z"));  // one letter replaced is no near miss
    BOOST_TEST(!nearest_code(CodeList::review_code, "XYZW"));
    BOOST_TEST((*code_list_for_key("legal_status") == CodeList::legal_status));
    BOOST_TEST((*code_list_for_key("reason", "ceased_looked_after") == CodeList::reason_episode_ceased));
    BOOST_TEST(!code_list_for_key("reason"));
    BOOST_TEST(!code_list_for_key("visit_regime"));
    BOOST_TEST(!code_problem(CodeList::placement_type, "placement_type", "U1"));
    BOOST_TEST(*code_problem(CodeList::legal_status, "legal_status", "C3") ==
               "legal_status 'C3' is not an SSDA903 LS code (DfE rule 144); did you mean C1?");
}

BOOST_AUTO_TEST_CASE(the_casework_api_refuses_unknown_codes_naming_the_nearest) {
    Store s = Store::open_in_memory();
    save_child(s, {"C1", Date::parse_iso("2015-01-01")});
    const Date on = Date::parse_iso("2024-03-01");
    std::string why = refusal([&] { set_attribute(s, "C1", "placement_type", "6U", on); });
    BOOST_TEST(has(why, "placement_type '6U'"), why);
    BOOST_TEST(has(why, "DfE rule 146"), why);
    BOOST_TEST(has(why, "did you mean U6?"), why);
    why = refusal([&] { set_attribute(s, "C1", "legal_status", "c2", on); });
    BOOST_TEST(has(why, "did you mean C2?"), why);
    why = refusal([&] { set_attribute(s, "C1", "review_code", "PN9", on); });
    BOOST_TEST(has(why, "REVIEW_CODE"), why);
    // Nothing of the refused values was stored.
    BOOST_TEST(list_attributes(s, "C1").empty());
    // Valid codes, Oversight's own words and a case system's words are kept.
    BOOST_TEST((set_attribute(s, "C1", "placement_type", "U6", on) == SaveOutcome::added));
    BOOST_TEST((set_attribute(s, "C1", "legal_status", "care_order", on) == SaveOutcome::added));
    BOOST_TEST((set_attribute(s, "C1", "placement_type", "foster", on.add_days(1)) == SaveOutcome::added));
    end_attribute(s, "C1", "placement_type", on.add_days(2));  // an empty value ends it

    // Events: their coded attributes, and REC as the "reason" of a ceased_looked_after.
    why = refusal([&] {
        save_event(s, "C1", {"placement_start", on, {{"placement_type", "U7"}, {"legal_status", "C2"}}}, "tester");
    });
    BOOST_TEST(has(why, "placement_type 'U7'"), why);
    why = refusal([&] { save_event(s, "C1", {"ceased_looked_after", on, {{"reason", "E99"}}}, "tester"); });
    BOOST_TEST(has(why, "reason 'E99' is not an SSDA903 REC code (DfE rule 149)"), why);
    BOOST_TEST(list_events(s, "C1").empty());
    auto saved = save_event(s, "C1", {"ceased_looked_after", on, {{"reason", "E13"}}}, "tester");
    BOOST_TEST((saved.outcome == SaveOutcome::added));
    save_event(s, "C1", {"review", on, {{"reason", "E99"}}}, "tester");  // "reason" of a review is not REC
    why = refusal([&] {
        correct_event(s, saved.id, "C1", {"ceased_looked_after", on, {{"reason", "E4C"}}});
    });
    BOOST_TEST(has(why, "did you mean E4A?"), why);
}

BOOST_AUTO_TEST_SUITE_END()
