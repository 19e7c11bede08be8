// Children, their allocations to workers over time and their case
// attributes with effective dates; external ids, corrections and erasure.
#include <oversight/casework/child.hpp>

#include <oversight/casework/codes.hpp>

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "casework/casework_repository.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "workforce/workforce_repository.hpp"

namespace oversight {

namespace detail {

void check_attribute_key(std::string_view key, std::string_view what) {
    bool ok = !key.empty() && key.size() <= 64 && key[0] >= 'a' && key[0] <= 'z';
    for (char c : key) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw Error(Status::invalid_arg, std::string(what) + " '" + sanitize_utf8(key) +
                                             "' is not a lower-case key ([a-z][a-z0-9_]*, at most 64 bytes)");
}

std::string_view id_key(std::string_view id) noexcept { return trim(id); }

void no_child(std::string_view child_id) {
    throw Error(Status::not_found, "no child with id '" + sanitize_utf8(child_id) + "'");
}

SaveOutcome put_child(Store& store, const Child& child) {
    Child c{checked_name(child.id, "child id", kMaxChildIdBytes), child.date_of_birth, std::nullopt};
    if (child.external_id) c.external_id = checked_external_id(*child.external_id, "child external id");
    if (c.date_of_birth) check_date_range(*c.date_of_birth, "date of birth");
    SaveOutcome outcome = SaveOutcome::unchanged;
    in_transaction(store, "saving child", [&] {
        auto& repo = casework_repository(store);
        const std::optional<Child> by_external = c.external_id ? repo.find_child_by_external_id(*c.external_id)
                                                               : std::nullopt;
        const std::optional<Child> by_id = repo.find_child(c.id);
        const std::optional<Child>& stored = by_external ? by_external : by_id;
        if (!stored) {
            repo.add_child(c);
            outcome = SaveOutcome::added;
            return;
        }
        if (by_external && by_id && by_id->id != by_external->id)
            throw Error(Status::conflict, "child external id " + in_quotes(*c.external_id) + " is child " +
                                              in_quotes(by_external->id) + "'s, and id " + in_quotes(c.id) +
                                              " is another child's");
        if (!by_external && c.external_id && stored->external_id)
            throw Error(Status::conflict, "child " + in_quotes(c.id) + " has external id " +
                                              in_quotes(*stored->external_id) + ", not " + in_quotes(*c.external_id));
        Child next = c;
        if (!next.date_of_birth) next.date_of_birth = stored->date_of_birth;  // unknown: left alone
        if (!next.external_id) next.external_id = stored->external_id;
        if (next == *stored) return;
        repo.update_child(stored->id, next);
        outcome = SaveOutcome::updated;
    });
    return outcome;
}

namespace {

/// The attribute change checked (key, value text, date range).
AttributeChange checked_attribute(const AttributeChange& a) {
    check_attribute_key(a.key, "attribute key");
    check_date_range(a.effective_from, "attribute date");
    const std::string what = "attribute value of " + a.key;
    std::string value = checked_name(a.value, what.c_str(), kMaxAttributeValueBytes, true, true);
    return {a.effective_from, a.key, std::move(value)};
}

std::string attribute_text(std::string_view child_id, std::string_view key, Date day) {
    return "attribute '" + std::string(key) + "' of child '" + sanitize_utf8(child_id) + "' from " + day.iso();
}

/// set_attribute in a transaction the caller holds, the child known.
SaveOutcome save_attribute(CaseworkRepository& repo, std::string_view child_id, const AttributeChange& a,
                           const std::optional<std::string>& external_id) {
    if (external_id) {
        if (auto found = repo.find_attribute_by_external_id(*external_id)) {
            if (found->child_id != child_id)
                throw Error(Status::conflict, "attribute external id " + in_quotes(*external_id) + " is child " +
                                                  in_quotes(found->child_id) + "'s");
            if (found->value == a) return SaveOutcome::unchanged;
            if (found->value.key != a.key || found->value.effective_from != a.effective_from)
                if (repo.find_attribute(child_id, a.key, a.effective_from))
                    throw Error(Status::conflict, attribute_text(child_id, a.key, a.effective_from) +
                                                      " is already set (by another record)");
            StoredAttribute next = *found;
            next.value = a;
            return repo.update_attribute(next) ? SaveOutcome::updated : SaveOutcome::unchanged;
        }
    }
    if (auto existing = repo.find_attribute(child_id, a.key, a.effective_from)) {
        if (external_id && existing->external_id && *existing->external_id != *external_id)
            throw Error(Status::conflict, attribute_text(child_id, a.key, a.effective_from) + " has external id " +
                                              in_quotes(*existing->external_id) + ", not " + in_quotes(*external_id));
        StoredAttribute next = *existing;
        next.value.value = a.value;
        if (external_id) next.external_id = external_id;
        return repo.update_attribute(next) ? SaveOutcome::updated : SaveOutcome::unchanged;
    }
    repo.add_attribute({0, std::string(child_id), a, external_id});
    return SaveOutcome::added;
}

/// The allocation `a` of the child corrected to `worker` from `from`.
SaveOutcome correct_allocation(CaseworkRepository& repo, std::string_view child_id, const Allocation& a,
                               const std::string& worker, Date from) {
    if (a.worker == worker && a.from == from) return SaveOutcome::unchanged;
    const std::vector<Allocation> all = repo.allocations(child_id);
    std::optional<Allocation> before;
    for (const Allocation& x : all) {
        if (x.id == a.id) break;
        before = x;
    }
    const std::string what = "allocation " + in_quotes(a.external_id.value_or(std::to_string(a.id))) +
                             " of child '" + sanitize_utf8(child_id) + "'";
    if (a.until && !(from < *a.until))
        throw Error(Status::invalid_arg, what + " from " + from.iso() + " would not start before it ends (" +
                                             a.until->iso() + ")");
    Allocation next = a;
    next.worker = worker;
    next.from = from;
    if (before) {
        if (before->until == a.from) {  // the one before ended when this one started: it follows
            if (!(before->from < from))
                throw Error(Status::invalid_arg, what + " from " + from.iso() +
                                                     " would not start after the allocation before it (from " +
                                                     before->from.iso() + ")");
            Allocation moved = *before;
            moved.until = from;
            repo.update_allocation(moved);
            repo.update_allocation(next);
            return SaveOutcome::updated;
        }
        if (before->until && from < *before->until)
            throw Error(Status::invalid_arg, what + " from " + from.iso() +
                                                 " would overlap the allocation before it (until " +
                                                 before->until->iso() + ")");
    }
    repo.update_allocation(next);
    return SaveOutcome::updated;
}

}  // namespace

bool put_attribute(Store& store, std::string_view child_id, const AttributeChange& a) {
    const AttributeChange checked = checked_attribute(a);
    const std::string_view child = id_key(child_id);
    bool changed = false;
    in_transaction(store, "setting attribute", [&] {
        auto& repo = casework_repository(store);
        if (!repo.find_child(child)) no_child(child_id);
        changed = save_attribute(repo, child, checked, std::nullopt) != SaveOutcome::unchanged;
    });
    return changed;
}

}  // namespace detail

std::string_view to_string(SaveOutcome outcome) noexcept {
    switch (outcome) {
        case SaveOutcome::added: return "added";
        case SaveOutcome::updated: return "updated";
        case SaveOutcome::unchanged: return "unchanged";
    }
    return "unchanged";
}

bool operator==(const Child& a, const Child& b) {
    return a.id == b.id && a.date_of_birth == b.date_of_birth && a.external_id == b.external_id;
}

bool operator==(const Allocation& a, const Allocation& b) {
    return a.id == b.id && a.worker == b.worker && a.from == b.from && a.until == b.until &&
           a.external_id == b.external_id;
}

bool operator==(const CaseAttribute& a, const CaseAttribute& b) {
    return a.key == b.key && a.value == b.value && a.effective_from == b.effective_from &&
           a.external_id == b.external_id;
}

SaveOutcome save_child(Store& store, const Child& child) { return detail::put_child(store, child); }

std::optional<Child> try_find_child(const Store& store, std::string_view child_id) {
    return detail::casework_repository(store).find_child(detail::id_key(child_id));
}

std::optional<Child> try_find_child_by_external_id(const Store& store, std::string_view external_id) {
    return detail::casework_repository(store).find_child_by_external_id(detail::id_key(external_id));
}

std::vector<Allocation> allocations(const Store& store, std::string_view child_id) {
    const auto& repo = detail::casework_repository(store);
    const std::string_view child = detail::id_key(child_id);
    if (!repo.find_child(child)) detail::no_child(child_id);
    return repo.allocations(child);
}

std::vector<CaseAttribute> list_attributes(const Store& store, std::string_view child_id) {
    const auto& repo = detail::casework_repository(store);
    const std::string_view child = detail::id_key(child_id);
    if (!repo.find_child(child)) detail::no_child(child_id);
    std::vector<CaseAttribute> out;
    for (auto& a : repo.attributes(child))
        out.push_back({std::move(a.value.key), std::move(a.value.value), a.value.effective_from,
                       std::move(a.external_id)});
    return out;
}

SaveOutcome allocate(Store& store, std::string_view child_id, std::string_view worker, Date from,
                     const std::optional<std::string>& external_id) {
    detail::check_date_range(from, "allocation date");
    const std::string_view child = detail::id_key(child_id);
    const std::string worker_name = detail::checked_name(worker, "allocation worker", detail::kMaxNameBytes);
    std::optional<std::string> external;
    if (external_id) external = detail::checked_external_id(*external_id, "allocation external id");
    SaveOutcome outcome = SaveOutcome::unchanged;
    detail::in_transaction(store, "allocating child '" + detail::sanitize_utf8(child_id) + "'", [&] {
        auto& cases = detail::casework_repository(store);
        if (!cases.find_child(child)) detail::no_child(child_id);
        auto person = detail::workforce_repository(store).find_person(worker_name);
        if (!person) throw Error(Status::not_found, "no worker named '" + worker_name + "'");
        if (external) {
            if (auto found = cases.find_allocation_by_external_id(*external)) {
                if (found->first != child)
                    throw Error(Status::conflict, "allocation external id " + detail::in_quotes(*external) +
                                                      " is child " + detail::in_quotes(found->first) + "'s");
                outcome = detail::correct_allocation(cases, child, found->second, person->name, from);
                return;
            }
        }
        // The allocation that takes the external id, if it has another.
        auto check_free = [&](const Allocation& a) {
            if (external && a.external_id && *a.external_id != *external)
                throw Error(Status::conflict, "the current allocation of child '" + detail::sanitize_utf8(child_id) +
                                                  "' has external id " + detail::in_quotes(*a.external_id) + ", not " +
                                                  detail::in_quotes(*external));
        };
        // Sent again: the allocation of that worker from that day is stored.
        const std::vector<Allocation> all = cases.allocations(child);
        for (const Allocation& a : all) {
            if (a.from != from || detail::lower(a.worker) != detail::lower(person->name)) continue;
            check_free(a);
            if (external && a.external_id != external) {
                Allocation next = a;
                next.external_id = external;
                cases.update_allocation(next);
                outcome = SaveOutcome::updated;
            }
            return;
        }
        // An ended allocation still running on `from` would overlap the new one.
        for (const Allocation& a : all)
            if (a.until && from < *a.until)
                throw Error(Status::invalid_arg,
                            "allocation of child '" + detail::sanitize_utf8(child_id) + "' to " + person->name +
                                " from " + from.iso() + " would overlap the allocation to " + a.worker + " from " +
                                a.from.iso() + " until " + a.until->iso() +
                                " (correct that one through its external id, or allocate from " + a.until->iso() +
                                " on)");
        if (auto open = cases.open_allocation(child)) {
            if (from < open->from)
                throw Error(Status::invalid_arg, "allocation of child '" + detail::sanitize_utf8(child_id) + "' to " +
                                                     person->name + " from " + from.iso() +
                                                     " is before the current allocation (to " + open->worker +
                                                     " from " + open->from.iso() + ")");
            if (open->worker == person->name) {  // already allocated to them
                check_free(*open);
                if (external && open->external_id != external) {
                    open->external_id = external;
                    cases.update_allocation(*open);
                    outcome = SaveOutcome::updated;
                }
                return;
            }
            if (from == open->from) {  // the same day: a correction of the open allocation
                check_free(*open);
                open->worker = person->name;
                if (external) open->external_id = external;
                cases.update_allocation(*open);
                outcome = SaveOutcome::updated;
                return;
            }
            open->until = from;
            cases.update_allocation(*open);
        }
        cases.add_allocation(child, {0, person->name, from, std::nullopt, external});
        outcome = SaveOutcome::added;
    });
    return outcome;
}

bool end_allocation(Store& store, std::string_view child_id, Date on) {
    detail::check_date_range(on, "allocation end");
    const std::string_view child = detail::id_key(child_id);
    bool changed = true;
    detail::in_transaction(store, "ending the allocation of child '" + detail::sanitize_utf8(child_id) + "'", [&] {
        auto& cases = detail::casework_repository(store);
        if (!cases.find_child(child)) detail::no_child(child_id);
        auto open = cases.open_allocation(child);
        if (!open) {
            const std::vector<Allocation> all = cases.allocations(child);
            if (!all.empty() && all.back().until == on) {  // already ended that day: sent again
                changed = false;
                return;
            }
            throw Error(Status::not_found,
                        "child '" + detail::sanitize_utf8(child_id) + "' has no current allocation to end");
        }
        if (!(open->from < on))
            throw Error(Status::invalid_arg, "the allocation of child '" + detail::sanitize_utf8(child_id) +
                                                 "' to " + open->worker + " started on " + open->from.iso() +
                                                 ": it cannot end on " + on.iso());
        open->until = on;
        cases.update_allocation(*open);
    });
    return changed;
}

SaveOutcome set_attribute(Store& store, std::string_view child_id, std::string_view key, std::string_view value,
                          Date effective_from, const std::optional<std::string>& external_id) {
    const AttributeChange checked = detail::checked_attribute({effective_from, std::string(key), std::string(value)});
    check_coded_value(checked.key, checked.value);
    const std::string_view child = detail::id_key(child_id);
    std::optional<std::string> external;
    if (external_id) external = detail::checked_external_id(*external_id, "attribute external id");
    SaveOutcome outcome = SaveOutcome::unchanged;
    detail::in_transaction(store, "setting attribute", [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_child(child)) detail::no_child(child_id);
        outcome = detail::save_attribute(repo, child, checked, external);
    });
    return outcome;
}

bool end_attribute(Store& store, std::string_view child_id, std::string_view key, Date on) {
    const AttributeChange ended = detail::checked_attribute({on, std::string(key), std::string()});
    const std::string_view child = detail::id_key(child_id);
    bool changed = true;
    detail::in_transaction(store, "ending attribute", [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_child(child)) detail::no_child(child_id);
        auto current = repo.attribute_on(child, key, on);
        if (current && current->value.value.empty() && current->value.effective_from == on) {
            changed = false;  // already ended that day: sent again
            return;
        }
        if (!current || current->value.value.empty())
            throw Error(Status::not_found, "attribute '" + std::string(key) + "' of child '" +
                                               detail::sanitize_utf8(child_id) + "' is not set on " + on.iso());
        detail::save_attribute(repo, child, ended, std::nullopt);
    });
    return changed;
}

void delete_attribute(Store& store, std::string_view child_id, std::string_view key, Date effective_from) {
    detail::check_attribute_key(key, "attribute key");
    const std::string_view child = detail::id_key(child_id);
    detail::in_transaction(store, "deleting attribute", [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_child(child)) detail::no_child(child_id);
        auto found = repo.find_attribute(child, key, effective_from);
        if (!found) throw Error(Status::not_found, "no " + detail::attribute_text(child_id, key, effective_from));
        repo.remove_attribute(found->id);
    });
}

Erasure erase_child(Store& store, std::string_view child_id, std::string_view reason) {
    const std::string why = detail::checked_text(reason, "erasure reason");
    if (why.size() > 1000)
        throw Error(Status::invalid_arg, "erasure reason is longer than 1000 bytes (" + std::to_string(why.size()) + ")");
    const std::string_view child = detail::id_key(child_id);
    Erasure out;
    detail::in_transaction(store, "erasing child '" + detail::sanitize_utf8(child_id) + "'", [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_child(child)) detail::no_child(child_id);
        out = repo.erase_child(child, why);
    });
    return out;
}

}  // namespace oversight
