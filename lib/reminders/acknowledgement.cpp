// Acknowledgements: who has seen an obligation, when and a note.
#include <oversight/casework/case.hpp>
#include <oversight/core/error.hpp>
#include <oversight/reminders/acknowledgement.hpp>

#include "casework/casework_repository.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "reminders/acknowledgement_repository.hpp"

#include <algorithm>

namespace oversight {

std::string ObligationKey::text() const { return child_id + "/" + rule_id + "/" + due.iso(); }

bool operator==(const ObligationKey& a, const ObligationKey& b) {
    return a.child_id == b.child_id && a.rule_id == b.rule_id && a.due == b.due;
}

ObligationKey key_of(const Obligation& o) { return {o.child_id, o.rule_id, o.due}; }

bool operator==(const Acknowledgement& a, const Acknowledgement& b) {
    return a.by == b.by && a.at == b.at && a.note == b.note;
}

// ------------------------------------------------------------ acknowledgements

namespace {

/// The key with its child id as casework stores and finds it (trimmed).
ObligationKey normalised(const ObligationKey& key) {
    ObligationKey k = key;
    k.child_id = std::string(detail::trim(key.child_id));
    return k;
}

}  // namespace

Acknowledgement acknowledge(Store& store, const RulePack& pack, const Calendar& calendar, const ObligationKey& given,
                            std::string_view who, std::string_view note, const SchoolCalendar* school) {
    const ObligationKey key = normalised(given);
    if (!detail::is_valid_utf8(who) || detail::trim(who).empty())
        throw Error(Status::invalid_arg, "acknowledged_by is empty or not valid UTF-8");
    if (!detail::is_valid_utf8(note)) throw Error(Status::invalid_arg, "acknowledgement note is not valid UTF-8");
    if (key.rule_id.empty()) throw Error(Status::invalid_arg, "acknowledgement: rule id is empty");
    Acknowledgement ack;
    detail::in_transaction(store, "acknowledging " + detail::sanitize_utf8(key.text()), [&] {
        if (!detail::casework_repository(store).find_child(key.child_id))
            throw Error(Status::not_found, "no child with id '" + detail::sanitize_utf8(key.child_id) + "'");
        // The obligation as the case stood on its due date (attributes then),
        // or as it stands now (every obligation up to the later of today and
        // the due date).
        bool known = false;
        for (Date as_of : {key.due, std::max(Date::today(), key.due)}) {
            CaseRecord record = load_case(store, key.child_id, as_of);
            for (const Obligation& o : schedule_case(pack, record, as_of, calendar, school, {}, Explain::none))
                if (o.rule_id == key.rule_id && o.due == key.due) known = true;
            if (known) break;
        }
        if (!known)
            throw Error(Status::not_found, "no obligation " + key.text() + ": rule '" + key.rule_id +
                                               "' gives child '" + key.child_id + "' no due date on " + key.due.iso());
        ack = {std::string(detail::trim(who)), utc_timestamp_now(), std::string(note)};
        detail::acknowledgement_repository(store).save(key, ack);
    });
    return ack;
}

std::optional<Acknowledgement> find_acknowledgement(const Store& store, const ObligationKey& key) {
    return detail::acknowledgement_repository(store).find(normalised(key));
}

}  // namespace oversight
