// The SSDA903 code lists as data (codes.hpp names the source).
#include <oversight/casework/codes.hpp>

#include <oversight/core/edit_distance.hpp>
#include <oversight/core/error.hpp>

#include <algorithm>
#include <cctype>

namespace oversight {

namespace {

constexpr std::string_view kGuide =
    "DfE, Children looked after return 2024 to 2025: guide (SSDA903), code sets";

std::vector<CodeListInfo> make_lists() {
    std::vector<CodeListInfo> lists;
    lists.push_back({CodeList::placement_type, "PLACE", "placement_type", "146", kGuide,
                     {
                         {"A3", "placed for adoption with consent, with current foster carer(s)"},
                         {"A4", "placed for adoption with consent, not with current foster carer(s)"},
                         {"A5", "placed for adoption with placement order, with current foster carer(s)"},
                         {"A6", "placed for adoption with placement order, not with current foster carer(s)"},
                         {"H5", "supported accommodation not subject to children's homes regulations"},
                         {"K1", "secure children's home"},
                         {"K2", "children's home subject to children's homes regulations"},
                         {"P1", "placed with own parent(s) or other person(s) with parental responsibility"},
                         {"P2", "independent living (flat, lodgings, bedsit, B&B or with friends)"},
                         {"P3", "residential employment"},
                         {"R1", "residential care home"},
                         {"R2", "NHS/health trust or other establishment providing medical or nursing care"},
                         {"R3", "family centre or mother and baby unit"},
                         {"R5", "young offender institution or prison"},
                         {"S1", "residential school (not dual-registered as a children's home)"},
                         {"T0", "temporary move of any kind"},
                         {"T1", "temporary period in hospital"},
                         {"T2", "temporary absence of the child on holiday"},
                         {"T3", "temporary accommodation while the usual foster carer(s) are on holiday"},
                         {"T4", "temporary accommodation of seven days or less not covered by T1 to T3"},
                         {"U1", "foster placement with relative(s) or friend(s): long-term fostering"},
                         {"U2", "foster placement with relative(s) or friend(s) who are approved adopters: "
                                "fostering for adoption or concurrent planning"},
                         {"U3", "foster placement with relative(s) or friend(s): not long-term nor fostering for "
                                "adoption"},
                         {"U4", "foster placement with other foster carer(s): long-term fostering"},
                         {"U5", "foster placement with other foster carer(s) who are approved adopters: fostering "
                                "for adoption or concurrent planning"},
                         {"U6", "foster placement with other foster carer(s): not long-term nor fostering for "
                                "adoption"},
                         {"Z1", "other placement (listed on a schedule sent to the DfE)"},
                     }});
    lists.push_back({CodeList::legal_status, "LS", "legal_status", "144", kGuide,
                     {
                         {"C1", "interim care order"},
                         {"C2", "full care order"},
                         {"D1", "freeing order granted (before 30 December 2005)"},
                         {"E1", "placement order granted"},
                         {"V2", "single period of accommodation under section 20 (Children Act 1989)"},
                         {"V3", "agreed series of short-term breaks, individual episodes recorded"},
                         {"V4", "agreed series of short-term breaks, agreements recorded"},
                         {"J1", "remanded to local authority or youth detention accommodation"},
                         {"J2", "placed in local authority accommodation under PACE 1984"},
                         {"J3", "sentenced to a youth rehabilitation order with a residence or fostering requirement"},
                         {"L1", "under police protection and in local authority accommodation"},
                         {"L2", "emergency protection order"},
                         {"L3", "under a child assessment order and in local authority accommodation"},
                     }});
    lists.push_back({CodeList::reason_for_new_episode, "RNE", "reason_for_new_episode", "143", kGuide,
                     {
                         {"S", "started to be looked after"},
                         {"L", "change of legal status only"},
                         {"P", "change of placement and carer(s) only"},
                         {"T", "change of both legal status and placement and carer(s)"},
                         {"U", "change of placement, carer(s) stayed the same"},
                         {"B", "change of legal status and placement, carer(s) stayed the same"},
                     }});
    lists.push_back({CodeList::reason_episode_ceased, "REC", "reason_episode_ceased", "149", kGuide,
                     {
                         {"E11", "adopted: application for an adoption order unopposed"},
                         {"E12", "adopted: consent dispensed with by the court"},
                         {"E2", "died"},
                         {"E3", "care taken over by another local authority in the UK"},
                         {"E4A", "returned home to parent(s) or others with parental responsibility, as part of "
                                 "the care plan"},
                         {"E4B", "returned home to parent(s) or others with parental responsibility, not as part "
                                 "of the care plan"},
                         {"E13", "left care to live with parent(s), relative(s) or others without parental "
                                 "responsibility"},
                         {"E41", "residence order or child arrangements order granted"},
                         {"E45", "special guardianship order to former foster carer(s) who are relatives or friends"},
                         {"E46", "special guardianship order to former foster carer(s), not relatives or friends"},
                         {"E47", "special guardianship order to other carer(s) who are relatives or friends"},
                         {"E48", "special guardianship order to other carer(s), not relatives or friends"},
                         {"E5", "moved into independent living with formalised advice or support"},
                         {"E6", "moved into independent living without formalised advice or support"},
                         {"E7", "transferred to residential care funded by adult social care"},
                         {"E8", "period of being looked after ended for any other reason"},
                         {"E9", "sentenced to custody"},
                         {"E14", "accommodation on remand ended"},
                         {"E15", "age assessment found the child to be 18 or over"},
                         {"E16", "child moved abroad"},
                         {"E17", "aged 18 or over and stayed with current carers (staying put)"},
                         {"X1", "episode ceases and a new episode begins on the same day (same period of care)"},
                     }});
    lists.push_back({CodeList::review_code, "REVIEW_CODE", "review_code", "167", kGuide,
                     {
                         {"PN0", "child aged under 4 at the time of the review"},
                         {"PN1", "child attends and speaks for themself"},
                         {"PN2", "child attends and an advocate speaks for them"},
                         {"PN3", "child attends and conveys their views non-verbally"},
                         {"PN4", "child attends but does not convey their views"},
                         {"PN5", "child does not attend but briefs an advocate"},
                         {"PN6", "child does not attend but conveys their views by a facilitative medium"},
                         {"PN7", "child does not attend and their views are not conveyed"},
                     }});
    lists.push_back({CodeList::placement_provider, "PLACE_PROVIDER", "placement_provider", "178", kGuide,
                     {
                         {"PR0", "parent(s) or others with parental responsibility"},
                         {"PR1", "own provision by the local authority"},
                         {"PR2", "other local authority provision"},
                         {"PR3", "other public provision"},
                         {"PR4", "private provision"},
                         {"PR5", "voluntary or third sector provision"},
                     }});
    return lists;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

const std::vector<CodeListInfo>& code_lists() {
    static const std::vector<CodeListInfo> kLists = make_lists();
    return kLists;
}

const CodeListInfo& code_list(CodeList list) { return code_lists().at(static_cast<std::size_t>(list)); }

bool is_known_code(CodeList list, std::string_view code) {
    const auto& codes = code_list(list).codes;
    return std::any_of(codes.begin(), codes.end(), [&](const Code& c) { return c.code == code; });
}

std::optional<std::string> nearest_code(CodeList list, std::string_view code) {
    const std::string wanted = upper(trimmed(code));
    std::optional<std::string> best;
    int best_distance = 3;
    for (const Code& c : code_list(list).codes) {
        const int d = edit_distance(wanted, c.code, best_distance - 1);
        // Replacing every character of a code is no near miss ("Z" is not a misspelt "S").
        if (d >= static_cast<int>(std::max(wanted.size(), c.code.size()))) continue;
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c.code);
        }
    }
    return best;
}

std::optional<CodeList> code_list_for_key(std::string_view key, std::string_view event_type) {
    for (const CodeListInfo& info : code_lists())
        if (info.attribute_key == key) return info.list;
    if (key == "reason" && event_type == "ceased_looked_after") return CodeList::reason_episode_ceased;
    return std::nullopt;
}

bool looks_like_code(std::string_view value) {
    value = trimmed(value);
    if (value.empty() || value.size() > 4) return false;
    bool digit = false, lower = false;
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isdigit(u)) digit = true;
        else if (std::islower(u)) lower = true;
        else if (!std::isupper(u)) return false;
    }
    return digit || !lower;
}

std::optional<std::string> code_problem(CodeList list, std::string_view key, std::string_view value) {
    value = trimmed(value);
    if (!looks_like_code(value) || is_known_code(list, value)) return std::nullopt;
    const CodeListInfo& info = code_list(list);
    std::string why = std::string(key) + " '" + std::string(value) + "' is not an SSDA903 " + std::string(info.field) +
                      " code (DfE rule " + std::string(info.dfe_rule) + ")";
    if (auto near = nearest_code(list, value)) why += "; did you mean " + *near + "?";
    return why;
}

void check_coded_value(std::string_view key, std::string_view value, std::string_view event_type) {
    if (auto list = code_list_for_key(key, event_type))
        if (auto why = code_problem(*list, key, value)) throw Error(Status::invalid_arg, *why);
}

}  // namespace oversight
