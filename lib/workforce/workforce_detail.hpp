// Private to lib/: what the workforce offers the subsystems that use it
// beyond its public API.
#pragma once

#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include <string_view>

namespace oversight {

class Store;

namespace detail {

/// The workforce's part of merge_people (plan_store.hpp): when `from` and
/// `into` are two people, `into` keeps what it lacked of `from`'s job title,
/// email and agency, takes over `from`'s allocations, appointments and line
/// reports (when both have an open appointment, `into`'s stands: `from`'s
/// ends when it began, or goes) and `from` is removed; when only `from` is
/// a person (or both names are the same person), `from` is renamed `into`.
/// Returns whether `from` is a person. Runs in the caller's transaction.
bool merge_person(Store& store, std::string_view from, std::string_view into);

/// What an upsert below did: added a record, changed a stored one (history
/// rows per changed field), or neither.
struct PutResult {
    bool added = false;
    bool changed = false;  // true too when added
};

/// For importers that name people by a stable key (the CSWW's SWENo): adds
/// the person (add_person's checks), or sets the stored one's job title and
/// agency to the given ones (and its email when one is given). Runs in the
/// caller's transaction, or its own.
PutResult put_person(Store& store, const Person& person);

/// An appointment keyed by (person, from), for importers that send the same
/// record again: when the person has an appointment with this start, it is
/// updated in place to the given role, team and line manager, and to the
/// given end when one is given (a record without an end does not reopen an
/// appointment ended since, by a later one or by hand); Error(invalid_arg)
/// when the change would overlap another appointment. Otherwise appoint().
PutResult put_appointment(Store& store, const Appointment& appointment);

}  // namespace detail
}  // namespace oversight
