// Acknowledgements: who has seen an obligation, when (UTC) and a note
// (history entity "acknowledgement") - a known gap in the market-leading case
// systems, whose reminders cannot be marked as seen.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <oversight/calendar/calendar.hpp>
#include <oversight/core/date.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// Names one obligation: the child, the rule and the due date.
struct ObligationKey {
    std::string child_id;
    std::string rule_id;
    Date due;
    /// "CHILD/RULE/YYYY-MM-DD", for display.
    std::string text() const;
};
bool operator==(const ObligationKey& a, const ObligationKey& b);
inline bool operator!=(const ObligationKey& a, const ObligationKey& b) { return !(a == b); }
ObligationKey key_of(const Obligation& o);

struct Acknowledgement {
    std::string by;    // who saw it
    std::string at;    // UTC "YYYY-MM-DDTHH:MM:SSZ"
    std::string note;  // may be empty
};
bool operator==(const Acknowledgement& a, const Acknowledgement& b);
inline bool operator!=(const Acknowledgement& a, const Acknowledgement& b) { return !(a == b); }

/// Records that someone has seen an obligation (who, a note, and the UTC
/// time). The obligation must be one the rule pack gives the child's case
/// (met or open): Error(not_found) otherwise. Acknowledging again replaces
/// who, when and the note (the history keeps the old values). `school`: the
/// schools' terms termly rules are counted with (as reminders() was given).
Acknowledgement acknowledge(Store& store, const RulePack& pack, const Calendar& calendar, const ObligationKey& key,
                            std::string_view who, std::string_view note = {},
                            const SchoolCalendar* school = nullptr);
std::optional<Acknowledgement> find_acknowledgement(const Store& store, const ObligationKey& key);

}  // namespace oversight
