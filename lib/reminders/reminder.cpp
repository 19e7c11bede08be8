// Reminders: the open obligations of the stored cases that are overdue or
// due soon, with their acknowledgements, and their JSON form.
#include <oversight/casework/case.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "core/text.hpp"
#include "reminders/acknowledgement_repository.hpp"
#include "reminders/reminder_detail.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <tuple>

namespace oversight {

namespace {

std::string lookup_key(std::string_view child, std::string_view rule, const std::string& due) {
    std::string k;
    k.reserve(child.size() + rule.size() + due.size() + 2);
    k.append(child).push_back('\x1f');
    k.append(rule).push_back('\x1f');
    k.append(due);
    return k;
}

}  // namespace

namespace detail {

bool reminder_order(const Reminder& a, const Reminder& b) {
    auto rank = [](const Reminder& r) { return r.state == ReminderState::overdue ? 0 : 1; };
    return std::make_tuple(rank(a), a.obligation.due, std::cref(a.obligation.child_id), std::cref(a.obligation.rule_id)) <
           std::make_tuple(rank(b), b.obligation.due, std::cref(b.obligation.child_id), std::cref(b.obligation.rule_id));
}

}  // namespace detail

// ---------------------------------------------------------------- value types

bool operator==(const Reminder& a, const Reminder& b) {
    return a.obligation == b.obligation && a.state == b.state && a.working_days == b.working_days &&
           a.acknowledgement == b.acknowledgement;
}

std::string_view to_string(ReminderState s) noexcept { return s == ReminderState::overdue ? "overdue" : "due"; }

// ------------------------------------------------------------------ reminders

std::vector<Reminder> reminders(const Store& store, const RulePack& pack, const Calendar& calendar, Date as_of,
                                Duration window, const CaseFilter& filter, const SchoolCalendar* school,
                                std::vector<std::pair<std::string, std::string>>* not_counted) {
    if (window.count < 0) throw Error(Status::invalid_arg, "reminder window " + describe(window) + " is negative");
    Date end = add_duration(as_of, window, calendar);
    std::map<std::string, Acknowledgement> acks;
    for (auto& [key, ack] : detail::acknowledgement_repository(store).all())
        acks[lookup_key(key.child_id, key.rule_id, key.due.iso())] = std::move(ack);

    std::vector<Reminder> out;
    std::vector<Undated> undated;
    // One case at a time (a worker's or team's cases found by index): memory
    // holds the reminders, not the store.
    detail::for_each_case(store, filter, as_of, [&](detail::CaseHistory&& history) {
        const CaseRecord& record = history.record;
        for (Obligation& o : schedule_case(pack, record, as_of, calendar, school, {}, Explain::open, &undated)) {
            if (o.met_on || o.ended_on) continue;  // met, or a breach no longer actionable
            Reminder r;
            if (o.due < as_of) {
                r.state = ReminderState::overdue;
                r.working_days = calendar.working_days_between(o.due, as_of);
            } else if (o.due <= end) {
                r.state = ReminderState::due_soon;
                r.working_days = calendar.working_days_between(as_of, o.due);
            } else {
                continue;
            }
            if (o.child_id.empty()) o.child_id = record.child_id;
            o.worker = record.worker;
            o.team = record.team;
            auto ack = acks.find(lookup_key(o.child_id, o.rule_id, o.due.iso()));
            if (ack != acks.end()) r.acknowledgement = ack->second;
            r.obligation = std::move(o);
            out.push_back(std::move(r));
        }
    });
    std::sort(out.begin(), out.end(), detail::reminder_order);
    if (not_counted) {
        *not_counted = rules_not_counted(pack, school);
        // A met one is no reminder: only those still open are left out.
        undated.erase(std::remove_if(undated.begin(), undated.end(), [](const Undated& u) { return u.met; }),
                      undated.end());
        for (auto& left_out : undated_not_counted(undated, school, end)) not_counted->push_back(std::move(left_out));
    }
    return out;
}

// ----------------------------------------------------------------------- JSON

namespace {

/// The reminders as a JSON array: the one builder of both reminders_to_json
/// (inside the document, keys in this order) and reminders_to_json_array
/// (nlohmann::json, keys sorted: the CLI's `remind --format json` bytes).
template <class Json>
Json reminder_items(const std::vector<Reminder>& list) {
    Json arr = Json::array();
    for (const Reminder& r : list) {
        const Obligation& o = r.obligation;
        Json j;
        j["key"] = key_of(o).text();
        j["child"] = o.child_id;
        j["worker"] = o.worker;
        j["team"] = o.team;
        j["rule"] = o.rule_id;
        j["title"] = o.title;
        j["due"] = o.due.iso();
        j["anchor"] = o.anchor.iso();
        j["anchor_event"] = o.anchor_event;
        j["state"] = std::string(to_string(r.state));
        j["working_days_left"] = r.state == ReminderState::due_soon ? r.working_days : 0;
        j["working_days_late"] = r.state == ReminderState::overdue ? r.working_days : 0;
        j["explanation"] = detail::sanitize_utf8(o.explanation);
        j["source"] = o.source;
        j["layer"] = o.layer;
        if (r.acknowledgement) {
            j["acknowledged_by"] = r.acknowledgement->by;
            j["acknowledged_at"] = r.acknowledgement->at;
            j["note"] = r.acknowledgement->note;
        } else {
            j["acknowledged_by"] = nullptr;
            j["acknowledged_at"] = nullptr;
            j["note"] = nullptr;
        }
        arr.push_back(std::move(j));
    }
    return arr;
}

}  // namespace

std::string reminders_to_json(const std::vector<Reminder>& list,
                              const std::vector<std::pair<std::string, std::string>>& not_counted) {
    using ojson = nlohmann::ordered_json;
    ojson doc = {{"format", "oversight-reminders"}, {"version", 1}, {"reminders", reminder_items<ojson>(list)}};
    ojson left_out = ojson::array();
    for (const auto& [rule, why] : not_counted) left_out.push_back({{"rule", rule}, {"reason", why}});
    doc["not_counted"] = std::move(left_out);
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string reminders_to_json_array(const std::vector<Reminder>& list) {
    return reminder_items<nlohmann::json>(list).dump();
}

void pseudonymise(std::vector<Reminder>& reminders, const Pseudonymiser& pseudonym) {
    for (Reminder& r : reminders) {
        r.obligation.child_id = pseudonym(r.obligation.child_id);
        if (r.acknowledgement) r.acknowledgement->note.clear();
    }
}

}  // namespace oversight
