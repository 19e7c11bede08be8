// Children, their allocations to workers over time and their case
// attributes with effective dates.
#include <oversight/casework/child.hpp>

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

bool put_child(Store& store, const Child& child) {
    const Child c{checked_text(child.id, "child id"), child.date_of_birth};
    if (c.date_of_birth) check_date_range(*c.date_of_birth, "date of birth");
    bool added = false;
    in_transaction(store, "saving child", [&] {
        auto& repo = casework_repository(store);
        added = !repo.find_child(c.id);
        if (added) repo.add_child(c);
        else if (c.date_of_birth) repo.update_child(c);  // an unknown date of birth leaves the stored one
    });
    return added;
}

bool put_attribute(Store& store, std::string_view child_id, const AttributeChange& a) {
    check_attribute_key(a.key, "attribute key");
    const AttributeChange checked{a.effective_from, a.key, checked_text(a.value, "attribute value", true)};
    check_date_range(a.effective_from, "attribute date");
    bool changed = false;
    in_transaction(store, "setting attribute", [&] {
        auto& repo = casework_repository(store);
        if (!repo.find_child(child_id))
            throw Error(Status::not_found, "no child with id '" + sanitize_utf8(child_id) + "'");
        changed = repo.set_attribute(child_id, checked);
    });
    return changed;
}

}  // namespace detail

bool operator==(const Child& a, const Child& b) { return a.id == b.id && a.date_of_birth == b.date_of_birth; }

void save_child(Store& store, const Child& child) { detail::put_child(store, child); }

std::optional<Child> try_find_child(const Store& store, std::string_view child_id) {
    return detail::casework_repository(store).find_child(child_id);
}

void allocate(Store& store, std::string_view child_id, std::string_view worker, Date from) {
    detail::check_date_range(from, "allocation date");
    detail::in_transaction(store, "allocating child '" + detail::sanitize_utf8(child_id) + "'", [&] {
        auto& cases = detail::casework_repository(store);
        if (!cases.find_child(child_id))
            throw Error(Status::not_found, "no child with id '" + detail::sanitize_utf8(child_id) + "'");
        auto person = detail::workforce_repository(store).find_person(worker);
        if (!person) throw Error(Status::not_found, "no worker named '" + detail::sanitize_utf8(worker) + "'");
        if (auto open = cases.open_allocation(child_id)) {
            if (from < open->from)
                throw Error(Status::invalid_arg, "allocation of child '" + std::string(child_id) + "' from " +
                                                     from.iso() + " is before the current allocation (from " +
                                                     open->from.iso() + ")");
            if (open->worker == person->name) return;  // already allocated to them
            if (from == open->from) {                  // the same day: a correction of the open allocation
                open->worker = person->name;
                cases.update_allocation(*open);
                return;
            }
            open->to = from;
            cases.update_allocation(*open);
        }
        cases.add_allocation(child_id, {0, person->name, from, std::nullopt});
    });
}

void set_attribute(Store& store, std::string_view child_id, std::string_view key, std::string_view value,
                   Date effective_from) {
    detail::put_attribute(store, child_id, {effective_from, std::string(key), std::string(value)});
}

}  // namespace oversight
