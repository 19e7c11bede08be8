// The code lists of the statutory returns that casework values come from,
// as data, with their source, and the check applied to coded case values.
//
// Source of every list: DfE "Children looked after return 2024 to 2025:
// guide" (SSDA903) code sets, as enforced by the DfE validator's rules named
// below (rule catalogue 903_2024_25_rule_info.csv of
// data-to-insight/csc-validator-be-903: 143 RNE, 144 LS, 146 PLACE,
// 149 REC, 167 REVIEW_CODE, 178 PLACE_PROVIDER). Codes are case-sensitive
// ("c2" is not "C2"), as the validator treats them.
//
// Which case values are checked, by attribute key (set_attribute, and an
// event's attributes in save_event / record_event / correct_event):
//   placement_type          PLACE            legal_status   LS
//   reason_for_new_episode  RNE              review_code    REVIEW_CODE
//   reason_episode_ceased   REC              placement_provider PLACE_PROVIDER
//   reason (on a ceased_looked_after event, as the SSDA903 and Annex A
//          imports store it)  REC
// Only values shaped like a code are checked: 1 to 4 ASCII letters and
// digits with a digit in them or no lower-case letter ("U7", "c2", "S",
// "PN9"). Oversight's own words for the same things ("placed_with_parent",
// "long_term_foster", "care_order", see visit_regime() in
// rules/schedule.hpp) and a case system's own words ("foster") are not
// codes and pass; an empty value (an attribute ended) passes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

enum class CodeList {
    placement_type,          // PLACE
    legal_status,            // LS
    reason_for_new_episode,  // RNE
    reason_episode_ceased,   // REC
    review_code,             // REVIEW_CODE (participation in the review)
    placement_provider,      // PLACE_PROVIDER
};

struct Code {
    std::string_view code;
    std::string_view meaning;  // the guide's wording, shortened
};

/// One code list: its SSDA903 field, the attribute key it is stored under,
/// the DfE validator rule that checks it, its codes and its source.
struct CodeListInfo {
    CodeList list;
    std::string_view field;          // "PLACE"
    std::string_view attribute_key;  // "placement_type"
    std::string_view dfe_rule;       // "146"
    std::string_view source;
    std::vector<Code> codes;         // in the guide's order
};

/// Every list, in the order of CodeList.
const std::vector<CodeListInfo>& code_lists();
const CodeListInfo& code_list(CodeList list);

/// Exactly one of the list's codes (no trimming, case-sensitive).
bool is_known_code(CodeList list, std::string_view code);

/// The list's code nearest to `code` by edit distance (ignoring case; at
/// most 2 edits and fewer than the code's length, so "Z" suggests no RNE),
/// for "did you mean U3?"; nullopt when none is that near.
std::optional<std::string> nearest_code(CodeList list, std::string_view code);

/// The list a case value under `key` is coded from (see the table above);
/// `event_type` is the event the attribute belongs to ("" for a case
/// attribute). nullopt for keys that carry no code.
std::optional<CodeList> code_list_for_key(std::string_view key, std::string_view event_type = {});

/// The shape of a code: 1 to 4 ASCII letters and digits, with a digit or no
/// lower-case letter.
bool looks_like_code(std::string_view value);

/// Why `value` is not a valid code of `list`: "legal_status 'C3' is not an
/// SSDA903 LS code (DfE rule 144); did you mean C2?", or nullopt when it is
/// valid, empty or not shaped like a code. `key` names the value in the text.
std::optional<std::string> code_problem(CodeList list, std::string_view key, std::string_view value);

/// Error(invalid_arg) with code_problem()'s text when `value` under `key`
/// (of an `event_type` event, or a case attribute when empty) is a code
/// that is not in its list. Other keys and values pass.
void check_coded_value(std::string_view key, std::string_view value, std::string_view event_type = {});

}  // namespace oversight
