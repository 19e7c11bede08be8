// Reminders: the open obligations of the stored cases that are overdue or
// due soon, grouped by worker and team, as plain-text digests and JSON, and
// their acknowledgements.
#include <oversight/casework.hpp>
#include <oversight/error.hpp>

#include "casework_detail.hpp"
#include "db.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <tuple>

namespace oversight {

namespace {

const char* const kUnallocated = "(unallocated)";

std::string lookup_key(std::string_view child, std::string_view rule, const std::string& due) {
    std::string k;
    k.reserve(child.size() + rule.size() + due.size() + 2);
    k.append(child).push_back('\x1f');
    k.append(rule).push_back('\x1f');
    k.append(due);
    return k;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool reminder_order(const Reminder& a, const Reminder& b) {
    auto rank = [](const Reminder& r) { return r.state == ReminderState::overdue ? 0 : 1; };
    return std::make_tuple(rank(a), a.obligation.due, std::cref(a.obligation.child_id), std::cref(a.obligation.rule_id)) <
           std::make_tuple(rank(b), b.obligation.due, std::cref(b.obligation.child_id), std::cref(b.obligation.rule_id));
}

}  // namespace

// ---------------------------------------------------------------- value types

std::string ObligationKey::text() const { return child_id + "/" + rule_id + "/" + due.iso(); }

bool operator==(const ObligationKey& a, const ObligationKey& b) {
    return a.child_id == b.child_id && a.rule_id == b.rule_id && a.due == b.due;
}

ObligationKey key_of(const Obligation& o) { return {o.child_id, o.rule_id, o.due}; }

bool operator==(const Acknowledgement& a, const Acknowledgement& b) {
    return a.by == b.by && a.at == b.at && a.note == b.note;
}

bool operator==(const Reminder& a, const Reminder& b) {
    return a.obligation == b.obligation && a.state == b.state && a.working_days == b.working_days &&
           a.acknowledgement == b.acknowledgement;
}

std::string_view to_string(ReminderState s) noexcept { return s == ReminderState::overdue ? "overdue" : "due"; }

// ------------------------------------------------------------------ reminders

std::vector<Reminder> reminders(const Store& store, const RulePack& pack, const Calendar& calendar, Date as_of,
                                Duration window, const CaseFilter& filter) {
    if (window.count < 0) throw Error(Status::invalid_arg, "reminder window " + describe(window) + " is negative");
    Date end = add_duration(as_of, window, calendar);
    std::vector<CaseRecord> cases = detail::load_cases(store, filter, as_of);

    std::map<std::string, Acknowledgement> acks;
    detail::read(store, "reading acknowledgements", [&] {
        SQLite::Statement q(detail::impl(store).db,
                            "SELECT c.child_ref, a.rule_id, a.due_date, a.acknowledged_by, a.acknowledged_at, a.note "
                            "FROM acknowledgements a JOIN children c ON c.id = a.child_id");
        while (q.executeStep())
            acks[lookup_key(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString())] = {
                q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()};
    });

    std::vector<Reminder> out;
    for (const CaseRecord& record : cases) {
        for (Obligation& o : schedule_case(pack, record, as_of, calendar)) {
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
    }
    std::sort(out.begin(), out.end(), reminder_order);
    return out;
}

std::vector<ReminderGroup> group_reminders(const std::vector<Reminder>& list, GroupBy by) {
    std::map<std::string, ReminderGroup> groups;
    for (const Reminder& r : list) {
        const std::string& name = by == GroupBy::worker ? r.obligation.worker : r.obligation.team;
        ReminderGroup& g = groups[name];
        g.name = name.empty() ? kUnallocated : name;
        g.items.push_back(r);
        (r.state == ReminderState::overdue ? g.overdue : g.due_soon)++;
        if (r.acknowledgement) ++g.acknowledged;
    }
    std::vector<ReminderGroup> out;
    for (auto& [name, g] : groups)
        if (!name.empty()) out.push_back(std::move(g));
    if (auto it = groups.find(""); it != groups.end()) out.push_back(std::move(it->second));
    for (auto& g : out) std::stable_sort(g.items.begin(), g.items.end(), reminder_order);
    return out;
}

namespace {

std::string line_for(const Reminder& r, GroupBy by) {
    const Obligation& o = r.obligation;
    std::ostringstream s;
    s << "  " << o.due.iso() << "  ";
    if (r.state == ReminderState::overdue)
        s << plural(r.working_days, "working day late", "working days late");
    else if (r.working_days == 0)
        s << "due today";
    else
        s << plural(r.working_days, "working day left", "working days left");
    s << "  child " << o.child_id << "  " << o.title << " (" << o.rule_id << ")";
    if (by == GroupBy::team) s << "  worker: " << (o.worker.empty() ? kUnallocated : o.worker);
    if (r.acknowledgement) {
        s << "  [acknowledged by " << r.acknowledgement->by << " " << r.acknowledgement->at;
        if (!r.acknowledgement->note.empty()) s << ": " << r.acknowledgement->note;
        s << "]";
    }
    s << "\n";
    return s.str();
}

}  // namespace

std::string digest(const ReminderGroup& group, GroupBy by, Date as_of, Duration window) {
    std::ostringstream s;
    s << "Reminders for " << (by == GroupBy::worker ? "worker " : "team ") << group.name;
    if (by == GroupBy::worker && !group.items.empty() && !group.items.front().obligation.team.empty())
        s << " (team " << group.items.front().obligation.team << ")";
    s << " as of " << as_of.iso() << "\n";
    s << plural(group.overdue, "overdue", "overdue") << ", " << group.due_soon << " due within " << describe(window)
      << ", " << group.acknowledged << " acknowledged\n";
    if (group.overdue > 0) {
        s << "\nOVERDUE\n";
        for (const Reminder& r : group.items)
            if (r.state == ReminderState::overdue) s << line_for(r, by);
    }
    if (group.due_soon > 0) {
        std::string title = describe(window);
        for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        s << "\nDUE WITHIN " << title << "\n";
        for (const Reminder& r : group.items)
            if (r.state == ReminderState::due_soon) s << line_for(r, by);
    }
    return s.str();
}

std::string digest(const std::vector<Reminder>& list, Date as_of, Duration window, const CaseFilter& scope) {
    if (scope.worker || scope.team) {
        GroupBy by = scope.worker ? GroupBy::worker : GroupBy::team;
        const std::string& name = scope.worker ? *scope.worker : *scope.team;
        ReminderGroup group;
        for (auto& g : group_reminders(list, by))
            if (g.name == name) group = std::move(g);
        group.name = name;
        return digest(group, by, as_of, window);
    }
    if (list.empty())
        return "No reminders as of " + as_of.iso() + ": nothing overdue and nothing due within " + describe(window) + ".\n";
    std::ostringstream s;
    s << "=== By worker ===\n";
    for (const auto& g : group_reminders(list, GroupBy::worker)) s << "\n" << digest(g, GroupBy::worker, as_of, window);
    s << "\n=== By team ===\n";
    for (const auto& g : group_reminders(list, GroupBy::team)) s << "\n" << digest(g, GroupBy::team, as_of, window);
    return s.str();
}

// ------------------------------------------------------------ acknowledgements

Acknowledgement acknowledge(Store& store, const RulePack& pack, const Calendar& calendar, const ObligationKey& key,
                            std::string_view who, std::string_view note) {
    if (!detail::is_valid_utf8(who) || detail::trim(who).empty())
        throw Error(Status::invalid_arg, "acknowledged_by is empty or not valid UTF-8");
    if (!detail::is_valid_utf8(note)) throw Error(Status::invalid_arg, "acknowledgement note is not valid UTF-8");
    if (key.rule_id.empty()) throw Error(Status::invalid_arg, "acknowledgement: rule id is empty");
    return detail::write(store, "acknowledging " + detail::sanitize_utf8(key.text()), [&] {
        auto& s = detail::impl(store);
        std::int64_t child = detail::child_row(s, key.child_id);
        // The obligation as the case stood on its due date (attributes then),
        // or as it stands now (every obligation up to the later of today and
        // the due date).
        bool known = false;
        for (Date as_of : {key.due, std::max(Date::today(), key.due)}) {
            CaseRecord record = load_case(store, key.child_id, as_of);
            for (const Obligation& o : schedule_case(pack, record, as_of, calendar))
                if (o.rule_id == key.rule_id && o.due == key.due) known = true;
            if (known) break;
        }
        if (!known)
            throw Error(Status::not_found, "no obligation " + key.text() + ": rule '" + key.rule_id +
                                               "' gives child '" + key.child_id + "' no due date on " + key.due.iso());
        Acknowledgement ack{std::string(detail::trim(who)), utc_timestamp_now(), std::string(note)};
        SQLite::Statement q(s.db,
                            "SELECT id, acknowledged_by, acknowledged_at, note FROM acknowledgements "
                            "WHERE child_id = ? AND rule_id = ? AND due_date = ?");
        q.bind(1, static_cast<std::int64_t>(child));
        q.bind(2, key.rule_id);
        q.bind(3, key.due.iso());
        if (q.executeStep()) {
            std::int64_t id = q.getColumn(0).getInt64();
            std::string old_by = q.getColumn(1).getString(), old_at = q.getColumn(2).getString(),
                        old_note = q.getColumn(3).getString();
            SQLite::Statement u(s.db,
                                "UPDATE acknowledgements SET acknowledged_by = ?, acknowledged_at = ?, note = ? WHERE id = ?");
            u.bind(1, ack.by);
            u.bind(2, ack.at);
            u.bind(3, ack.note);
            u.bind(4, static_cast<std::int64_t>(id));
            u.exec();
            if (old_by != ack.by) detail::record_change(s, "acknowledgement", id, "by", old_by, ack.by);
            detail::record_change(s, "acknowledgement", id, "at", old_at, ack.at);
            if (old_note != ack.note) detail::record_change(s, "acknowledgement", id, "note", old_note, ack.note);
            return ack;
        }
        SQLite::Statement ins(s.db,
                              "INSERT INTO acknowledgements(child_id, rule_id, due_date, acknowledged_by, acknowledged_at, note) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, static_cast<std::int64_t>(child));
        ins.bind(2, key.rule_id);
        ins.bind(3, key.due.iso());
        ins.bind(4, ack.by);
        ins.bind(5, ack.at);
        ins.bind(6, ack.note);
        ins.exec();
        std::int64_t id = s.db.getLastInsertRowid();
        detail::record_change(s, "acknowledgement", id, "*", std::nullopt, key.text());
        detail::record_change(s, "acknowledgement", id, "by", std::nullopt, ack.by);
        if (!ack.note.empty()) detail::record_change(s, "acknowledgement", id, "note", std::nullopt, ack.note);
        return ack;
    });
}

std::optional<Acknowledgement> find_acknowledgement(const Store& store, const ObligationKey& key) {
    return detail::read(store, "reading acknowledgement", [&]() -> std::optional<Acknowledgement> {
        SQLite::Statement q(detail::impl(store).db,
                            "SELECT a.acknowledged_by, a.acknowledged_at, a.note FROM acknowledgements a "
                            "JOIN children c ON c.id = a.child_id WHERE c.child_ref = ? AND a.rule_id = ? AND a.due_date = ?");
        q.bind(1, key.child_id);
        q.bind(2, key.rule_id);
        q.bind(3, key.due.iso());
        if (!q.executeStep()) return std::nullopt;
        return Acknowledgement{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
    });
}

// ----------------------------------------------------------------------- JSON

std::string reminders_to_json(const std::vector<Reminder>& list) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Reminder& r : list) {
        const Obligation& o = r.obligation;
        nlohmann::json j;
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
    return arr.dump();
}

}  // namespace oversight
