// Exemptions: periods during which a child's statutory obligations cannot be
// met for a recorded reason (the child is missing, in custody, in hospital,
// abroad, or refused a visit), with who approved them. Compliance reports an
// obligation that falls due inside an exemption as exempt, with the
// exemption's kind and reason: never met, never silently dropped (issue 9
// point 4).
//
// An exemption belongs to a child's case like an event or an allocation
// (history entity "exemption", scrubbed and tombstoned by erase_child,
// child.hpp); identifiers follow the rules of child.hpp. Every change runs in
// one transaction and writes its history rows: "*" on creation (new value the
// exemption as a JSON object) and deletion (old value the same), one row per
// changed field on an update ("kind", "from_date", "to_date", "reason",
// "approved_by", "areas", "external_id").
//
// The statutory duties themselves do not pause: the Care Planning,
// Placement and Case Review (England) Regulations 2010 reg 28 still require
// the visit. An exemption records why it could not happen (e.g. a child
// missing from care: Statutory guidance on children who run away or go
// missing from home or care, DfE 2014) so that a report can say so, with the
// approval, instead of counting the child as visited or leaving them out.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/casework/child.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

/// Why a child's obligations cannot be met.
enum class ExemptionKind { missing, custody, hospital, abroad, visit_refused, other };
/// "missing", "custody", "hospital", "abroad", "visit_refused", "other".
std::string_view to_string(ExemptionKind kind) noexcept;
/// The kind named by `text` (its canonical name; case, spaces and hyphens
/// folded: "Visit refused" is visit_refused). Error(invalid_arg) naming the
/// value and the kinds otherwise.
ExemptionKind exemption_kind_from_string(std::string_view text);

/// The longest reason an exemption keeps, in bytes.
inline constexpr std::size_t kMaxExemptionReasonBytes = 4096;

struct Exemption {
    std::int64_t id = 0;  // store id (0 before saving)
    std::string child_id;
    ExemptionKind kind = ExemptionKind::other;
    Date from;                // first day covered
    std::optional<Date> to;   // last day covered (inclusive); open while unset
    std::string reason;       // required, free text (one line, at most 4096 bytes, TAB allowed)
    std::string approved_by;  // required: a person's name (checked as a name, not looked up)
    /// Rule areas covered ("visits", "reviews", ...: Rule::area); empty = all.
    /// Stored sorted, each once.
    std::vector<std::string> areas;
    std::optional<std::string> external_id;  // the case system's id, for upserts
};
bool operator==(const Exemption& a, const Exemption& b);
inline bool operator!=(const Exemption& a, const Exemption& b) { return !(a == b); }

/// True when the exemption covers `day` (from <= day, and day <= to when it
/// has an end) for a rule of `area` (its areas are empty, or hold `area`
/// exactly).
bool covers(const Exemption& e, Date day, std::string_view area) noexcept;
/// The first exemption (by from date; the earlier in the list on a tie)
/// covering `day` for `area`, or null. The pointer is into `list`.
const Exemption* covering(const std::vector<Exemption>& list, Date day, std::string_view area) noexcept;

/// What save_exemption did, and to which exemption.
struct ExemptionSaved {
    std::int64_t id = 0;
    SaveOutcome outcome = SaveOutcome::added;
};

/// Records an exemption, once:
///  - with an external id that a stored exemption of the same child has:
///    that exemption is updated in place (one history row per changed
///    field), or left alone when identical; another child's:
///    Error(conflict) (as allocations and attribute values: an exemption is
///    not moved between children);
///  - with a new external id: a new exemption with it;
///  - without one: a new exemption unless the child already has an identical
///    one without an external id (same kind, dates, reason, approver and
///    areas: the same record sent again), which is given back unchanged.
/// Checks: Error(not_found) for an unknown child; Error(invalid_arg) for a
/// `to` before `from`, a date outside 1900..2199, a blank reason or
/// approved_by, a reason over 4096 bytes or with a control character but
/// TAB, an approved_by or area that is not a name (checked_name: UTF-8, no
/// control character, at most 256 bytes), or a malformed external id.
ExemptionSaved save_exemption(Store& store, const Exemption& exemption);
/// save_exemption(...).id.
std::int64_t add_exemption(Store& store, const Exemption& exemption);

/// Ends an exemption: `to` becomes its last day (history field "to_date").
/// Error(not_found) naming the id when there is none; Error(invalid_arg)
/// when `to` is before its from date. Ending it again on the same day
/// changes nothing.
void end_exemption(Store& store, std::int64_t id, Date to);
/// Deletes an exemption recorded by mistake (history field "*", the
/// exemption as it was as the old value). Error(not_found) naming the id.
void delete_exemption(Store& store, std::int64_t id);
/// delete_exemption for the exemption with this external id.
void delete_exemption_by_external_id(Store& store, std::string_view external_id);

std::optional<Exemption> try_find_exemption(const Store& store, std::int64_t id);
std::optional<Exemption> try_find_exemption_by_external_id(const Store& store, std::string_view external_id);
/// The child's exemptions by from date, then id. Error(not_found) for an
/// unknown child.
std::vector<Exemption> exemptions(const Store& store, std::string_view child_id);
/// Every stored exemption, grouped by child id (one query; for compliance
/// over many children), each child's by from date, then id.
std::map<std::string, std::vector<Exemption>> all_exemptions(const Store& store);

/// {"format":"oversight-exemptions","version":1,"exemptions":[{"id","child",
///  "kind","from","to" (or null),"reason","approved_by","areas":[...],
///  "external_id" (or null)}]}, in the order given
/// (schema: data/schemas/oversight-exemptions.schema.json).
std::string exemptions_to_json(const std::vector<Exemption>& list);

}  // namespace oversight
