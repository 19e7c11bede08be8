// Exemptions: periods in which a child's obligations cannot be met, with the
// reason and who approved them; checked here, stored through the casework
// repository.
#include <oversight/casework/exemption.hpp>

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "casework/casework_repository.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace oversight {

namespace {

constexpr std::pair<std::string_view, ExemptionKind> kKinds[] = {
    {"missing", ExemptionKind::missing},   {"custody", ExemptionKind::custody},
    {"hospital", ExemptionKind::hospital}, {"abroad", ExemptionKind::abroad},
    {"visit_refused", ExemptionKind::visit_refused}, {"other", ExemptionKind::other}};

std::string what_exemption(std::int64_t id) { return "exemption " + std::to_string(id); }

[[noreturn]] void no_exemption(std::int64_t id) {
    throw Error(Status::not_found, "no " + what_exemption(id));
}

/// The exemption as stored: every text checked, the child id as looked up,
/// areas sorted and each once; the dates in range and in order.
Exemption checked(const Exemption& e) {
    Exemption c;
    c.id = e.id;
    c.child_id = std::string(detail::id_key(detail::checked_name(e.child_id, "exemption child id", kMaxChildIdBytes)));
    c.kind = e.kind;
    bool known_kind = false;
    for (const auto& [name, kind] : kKinds) known_kind = known_kind || kind == e.kind;
    if (!known_kind)
        throw Error(Status::invalid_arg, "exemption kind " + std::to_string(static_cast<int>(e.kind)) + " is not a kind");
    detail::check_date_range(e.from, "exemption from date");
    c.from = e.from;
    if (e.to) {
        detail::check_date_range(*e.to, "exemption to date");
        if (*e.to < e.from)
            throw Error(Status::invalid_arg, "exemption of child '" + detail::sanitize_utf8(c.child_id) + "' to " +
                                                 e.to->iso() + " ends before it starts (" + e.from.iso() + ")");
        c.to = e.to;
    }
    c.reason = detail::checked_name(e.reason, "exemption reason", kMaxExemptionReasonBytes, false, true);
    c.approved_by = detail::checked_name(e.approved_by, "exemption approved_by", detail::kMaxNameBytes);
    for (const std::string& a : e.areas) c.areas.push_back(detail::checked_name(a, "exemption area", detail::kMaxIdBytes));
    std::sort(c.areas.begin(), c.areas.end());
    c.areas.erase(std::unique(c.areas.begin(), c.areas.end()), c.areas.end());
    if (e.external_id) c.external_id = detail::checked_external_id(*e.external_id, "exemption external id");
    return c;
}

}  // namespace

std::string_view to_string(ExemptionKind kind) noexcept {
    for (const auto& [name, k] : kKinds)
        if (k == kind) return name;
    return "other";
}

ExemptionKind exemption_kind_from_string(std::string_view text) {
    std::string key = detail::lower(detail::collapse_spaces(text));
    for (char& c : key)
        if (c == ' ' || c == '-') c = '_';
    for (const auto& [name, kind] : kKinds)
        if (key == name) return kind;
    throw Error(Status::invalid_arg, "unknown exemption kind " + detail::in_quotes(text) +
                                         " (missing, custody, hospital, abroad, visit_refused, other)");
}

bool operator==(const Exemption& a, const Exemption& b) {
    return a.id == b.id && a.child_id == b.child_id && a.kind == b.kind && a.from == b.from && a.to == b.to &&
           a.reason == b.reason && a.approved_by == b.approved_by && a.areas == b.areas &&
           a.external_id == b.external_id;
}

bool covers(const Exemption& e, Date day, std::string_view area) noexcept {
    if (day < e.from || (e.to && *e.to < day)) return false;
    if (e.areas.empty()) return true;
    return std::find(e.areas.begin(), e.areas.end(), area) != e.areas.end();
}

const Exemption* covering(const std::vector<Exemption>& list, Date day, std::string_view area) noexcept {
    const Exemption* best = nullptr;
    for (const Exemption& e : list)
        if (covers(e, day, area) && (!best || e.from < best->from)) best = &e;
    return best;
}

ExemptionSaved save_exemption(Store& store, const Exemption& exemption) {
    Exemption e = checked(exemption);
    ExemptionSaved saved;
    detail::in_transaction(store, "saving an exemption of child '" + detail::sanitize_utf8(e.child_id) + "'", [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.has_child(e.child_id)) detail::no_child(exemption.child_id);
        if (e.external_id) {
            if (auto found = repo.find_exemption_by_external_id(*e.external_id)) {
                if (found->child_id != e.child_id)
                    throw Error(Status::conflict, "exemption external id " + detail::in_quotes(*e.external_id) +
                                                      " is child " + detail::in_quotes(found->child_id) + "'s");
                e.id = found->id;
                saved.id = found->id;
                saved.outcome = repo.update_exemption(e) ? SaveOutcome::updated : SaveOutcome::unchanged;
                return;
            }
        } else if (auto same = repo.find_identical_exemption(e)) {
            saved.id = *same;  // the same record sent again
            saved.outcome = SaveOutcome::unchanged;
            return;
        }
        e.id = 0;
        saved.id = repo.add_exemption(e);
        saved.outcome = SaveOutcome::added;
    });
    return saved;
}

std::int64_t add_exemption(Store& store, const Exemption& exemption) { return save_exemption(store, exemption).id; }

void end_exemption(Store& store, std::int64_t id, Date to) {
    detail::check_date_range(to, "exemption to date");
    detail::in_transaction(store, "ending " + what_exemption(id), [&] {
        auto& repo = detail::casework_repository(store);
        auto found = repo.find_exemption(id);
        if (!found) no_exemption(id);
        if (to < found->from)
            throw Error(Status::invalid_arg, what_exemption(id) + " cannot end on " + to.iso() +
                                                 ", before it starts (" + found->from.iso() + ")");
        found->to = to;
        repo.update_exemption(*found);
    });
}

void delete_exemption(Store& store, std::int64_t id) {
    detail::in_transaction(store, "deleting " + what_exemption(id), [&] {
        auto& repo = detail::casework_repository(store);
        if (!repo.find_exemption(id)) no_exemption(id);
        repo.remove_exemption(id);
    });
}

void delete_exemption_by_external_id(Store& store, std::string_view external_id) {
    const std::string ext = detail::checked_external_id(external_id, "exemption external id");
    detail::in_transaction(store, "deleting an exemption", [&] {
        auto& repo = detail::casework_repository(store);
        auto found = repo.find_exemption_by_external_id(ext);
        if (!found) throw Error(Status::not_found, "no exemption with external id " + detail::in_quotes(ext));
        repo.remove_exemption(found->id);
    });
}

std::optional<Exemption> try_find_exemption(const Store& store, std::int64_t id) {
    return detail::casework_repository(store).find_exemption(id);
}

std::optional<Exemption> try_find_exemption_by_external_id(const Store& store, std::string_view external_id) {
    return detail::casework_repository(store).find_exemption_by_external_id(detail::id_key(external_id));
}

std::vector<Exemption> exemptions(const Store& store, std::string_view child_id) {
    const auto& repo = detail::casework_repository(store);
    const std::string_view child = detail::id_key(child_id);
    if (!repo.has_child(child)) detail::no_child(child_id);
    return repo.exemptions(child);
}

std::map<std::string, std::vector<Exemption>> all_exemptions(const Store& store) {
    return detail::casework_repository(store).all_exemptions();
}

std::string exemptions_to_json(const std::vector<Exemption>& list) {
    using ojson = nlohmann::ordered_json;
    ojson items = ojson::array();
    for (const Exemption& e : list) {
        items.push_back({{"id", e.id},
                         {"child", e.child_id},
                         {"kind", std::string(to_string(e.kind))},
                         {"from", e.from.iso()},
                         {"to", e.to ? ojson(e.to->iso()) : ojson()},
                         {"reason", e.reason},
                         {"approved_by", e.approved_by},
                         {"areas", e.areas},
                         {"external_id", e.external_id ? ojson(*e.external_id) : ojson()}});
    }
    const ojson doc = {{"format", "oversight-exemptions"}, {"version", 1}, {"exemptions", std::move(items)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
