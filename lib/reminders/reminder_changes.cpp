// The reminder feed: reminders that appeared, disappeared or changed between
// two dates, or since the list a host received, with the reasons.
#include <oversight/reminders/reminder_changes.hpp>

#include <oversight/casework/case.hpp>
#include <oversight/core/error.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/rules/schedule.hpp>

#include "core/json.hpp"
#include "core/text.hpp"
#include "reminders/reminder_detail.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace oversight {

bool operator==(const ReminderSeen& a, const ReminderSeen& b) {
    return std::tie(a.child_id, a.rule_id, a.due, a.state, a.worker, a.team, a.title) ==
           std::tie(b.child_id, b.rule_id, b.due, b.state, b.worker, b.team, b.title);
}

bool operator==(const ReminderChange& a, const ReminderChange& b) {
    return a.reminder == b.reminder && a.reasons == b.reasons && a.detail == b.detail &&
           a.state_before == b.state_before && a.worker_before == b.worker_before && a.team_before == b.team_before;
}

namespace {

using Key = std::tuple<std::string, std::string, Date>;  // child, rule, due

Key key_of_reminder(const Reminder& r) { return {r.obligation.child_id, r.obligation.rule_id, r.obligation.due}; }

// ------------------------------------------------------------ reading a list

[[noreturn]] void bad(std::string_view source, const std::string& where, const std::string& what) {
    throw Error(Status::parse, std::string(source) + ": " + where + ": " + what);
}

std::string string_member(const nlohmann::json& item, const char* name, bool required, std::string_view source,
                          const std::string& where) {
    const auto it = item.find(name);
    if (it == item.end() || it->is_null()) {
        if (required) bad(source, where + "." + name, "missing");
        return {};
    }
    if (!it->is_string()) bad(source, where + "." + name, "not a string");
    std::string s = it->get<std::string>();
    if (!detail::is_valid_utf8(s)) bad(source, where + "." + name, "invalid UTF-8");
    if (s.find('\0') != std::string::npos) bad(source, where + "." + name, "contains a NUL byte");
    return s;
}

ReminderSeen seen_of(const nlohmann::json& item, std::string_view source, const std::string& where) {
    if (!item.is_object()) bad(source, where, "not an object");
    ReminderSeen s;
    s.child_id = string_member(item, "child", true, source, where);
    s.rule_id = string_member(item, "rule", true, source, where);
    if (s.child_id.empty()) bad(source, where + ".child", "empty");
    if (s.rule_id.empty()) bad(source, where + ".rule", "empty");
    const std::string due = string_member(item, "due", true, source, where);
    try {
        s.due = Date::parse_iso(due);
    } catch (const Error& e) {
        bad(source, where + ".due", e.what());
    }
    const std::string state = string_member(item, "state", true, source, where);
    if (state == "overdue") s.state = ReminderState::overdue;
    else if (state == "due") s.state = ReminderState::due_soon;
    else bad(source, where + ".state", "\"" + detail::sanitize_utf8(state) + "\" is neither \"overdue\" nor \"due\"");
    s.worker = string_member(item, "worker", false, source, where);
    s.team = string_member(item, "team", false, source, where);
    s.title = string_member(item, "title", false, source, where);
    return s;
}

}  // namespace

std::vector<ReminderSeen> read_reminder_list(std::string_view json_text, std::string_view source) {
    const nlohmann::json doc = detail::parse_json(json_text, source);  // the one JSON reader
    const nlohmann::json* list = &doc;
    std::string path;
    if (doc.is_object()) {
        const auto format = doc.find("format");
        const auto version = doc.find("version");
        if (format == doc.end() || !format->is_string()) bad(source, "format", "missing");
        const std::string f = format->get<std::string>();
        const char* member = f == "oversight-reminders"          ? "reminders"
                             : f == "oversight-reminder-changes" ? "current"
                                                                 : nullptr;
        if (!member)
            bad(source, "format",
                "\"" + detail::sanitize_utf8(f) + "\" is neither oversight-reminders nor oversight-reminder-changes");
        if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() != 1)
            bad(source, "version", "not 1 (this library reads version 1)");
        const auto it = doc.find(member);
        if (it == doc.end()) bad(source, member, "missing");
        list = &*it;
        path = member;
    } else if (!doc.is_array()) {
        bad(source, "(document)", "neither a reminders document nor an array of reminders");
    }
    if (!list->is_array()) bad(source, path, "not an array");
    std::vector<ReminderSeen> out;
    out.reserve(list->size());
    std::set<Key> keys;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string where = path + "[" + std::to_string(i) + "]";
        ReminderSeen s = seen_of((*list)[i], source, where);
        if (!keys.insert(Key{s.child_id, s.rule_id, s.due}).second)
            bad(source, where, "the reminder " + s.child_id + "/" + s.rule_id + "/" + s.due.iso() + " is listed twice");
        out.push_back(std::move(s));
    }
    return out;
}

namespace {

// ------------------------------------------------------------------ reasons

/// The obligations of one case on a date, unfiltered (the case itself may
/// be gone: nullopt).
class Schedules {
public:
    Schedules(const Store& store, const RulePack& pack, const Calendar& calendar, const SchoolCalendar* school)
        : store_(store), pack_(pack), calendar_(calendar), school_(school) {}

    struct Found {
        bool case_exists = false;
        std::string worker, team;
        std::optional<Obligation> obligation;  // same rule and due date
    };

    Found find(const std::string& child, const std::string& rule, Date due, Date as_of) {
        auto key = std::make_pair(child, as_of);
        auto it = cache_.find(key);
        if (it == cache_.end()) {
            Entry e;
            if (auto record = try_load_case(store_, child, as_of)) {
                e.exists = true;
                e.worker = record->worker;
                e.team = record->team;
                e.obligations = schedule_case(pack_, *record, as_of, calendar_, school_, {}, Explain::none);
            }
            it = cache_.emplace(std::move(key), std::move(e)).first;
        }
        Found f;
        f.case_exists = it->second.exists;
        f.worker = it->second.worker;
        f.team = it->second.team;
        for (const Obligation& o : it->second.obligations)
            if (o.rule_id == rule && o.due == due) f.obligation = o;
        return f;
    }

private:
    struct Entry {
        bool exists = false;
        std::string worker, team;
        std::vector<Obligation> obligations;
    };
    const Store& store_;
    const RulePack& pack_;
    const Calendar& calendar_;
    const SchoolCalendar* school_;
    std::map<std::pair<std::string, Date>, Entry> cache_;
};

std::string allocated(const std::string& worker, const std::string& team) {
    if (worker.empty()) return "unallocated";
    return team.empty() ? worker : worker + " (" + team + ")";
}

/// Why a reminder listed before is not listed on `to`.
void explain_disappeared(ReminderChange& c, Schedules& schedules, Date to) {
    const Obligation& was = c.reminder.obligation;
    const auto now = schedules.find(was.child_id, was.rule_id, was.due, to);
    if (!now.case_exists) {
        c.reasons = {"case_removed"};
        c.detail = "child " + was.child_id + " is no longer in the store";
    } else if (!now.obligation) {
        c.reasons = {"no_longer_due"};
        c.detail = "on " + to.iso() + " the case no longer has this obligation";
    } else if (now.obligation->met_on) {
        c.reasons = {"met"};
        c.detail = "met on " + now.obligation->met_on->iso();
    } else if (now.obligation->ended_on) {
        c.reasons = {"ended"};
        c.detail = "its chain ended unmet on " + now.obligation->ended_on->iso();
    } else {
        c.reasons = {"reallocated"};
        c.detail = "still open, but the case is now " + allocated(now.worker, now.team);
    }
}

/// Why a reminder listed on `to` was not listed on `from` (date form).
void explain_appeared(ReminderChange& c, Schedules& schedules, Date from, Date window_end_on_from) {
    const Obligation& o = c.reminder.obligation;
    const auto then = schedules.find(o.child_id, o.rule_id, o.due, from);
    if (!then.obligation || then.obligation->met_on || then.obligation->ended_on) {
        c.reasons = {"new"};
        c.detail = "the case had no such open obligation on " + from.iso();
    } else if (o.due > window_end_on_from) {
        c.reasons = {"entered_window"};
        c.detail = "open on " + from.iso() + " but due beyond the window";
    } else {
        c.reasons = {"reallocated"};
        c.detail = "open and due within the window on " + from.iso() + ", when the case was " +
                   allocated(then.worker, then.team);
    }
}

/// Sets the changed reasons; false when nothing but the day counts differ.
bool explain_changed(ReminderChange& c, ReminderState state_before, const std::string& worker_before,
                     const std::string& team_before) {
    const Reminder& now = c.reminder;
    std::vector<std::string> details;
    if (state_before == ReminderState::due_soon && now.state == ReminderState::overdue) {
        c.reasons.push_back("became_overdue");
        details.push_back("overdue since " + now.obligation.due.iso());
    }
    if (worker_before != now.obligation.worker || team_before != now.obligation.team) {
        c.reasons.push_back("reallocated");
        details.push_back("was " + allocated(worker_before, team_before) + ", now " +
                          allocated(now.obligation.worker, now.obligation.team));
    }
    if (c.reasons.empty()) return false;
    c.state_before = state_before;
    c.worker_before = worker_before;
    c.team_before = team_before;
    for (std::size_t i = 0; i < details.size(); ++i) c.detail += (i ? "; " : "") + details[i];
    return true;
}

Reminder reminder_of(const ReminderSeen& s) {
    Reminder r;
    r.obligation.child_id = s.child_id;
    r.obligation.rule_id = s.rule_id;
    r.obligation.due = s.due;
    r.obligation.worker = s.worker;
    r.obligation.team = s.team;
    r.obligation.title = s.title;
    r.state = s.state;
    return r;
}

/// The comparison both forms share: `before` (as Reminders) against `after`.
ReminderChanges compare(const std::vector<Reminder>& before, std::vector<Reminder> after, Schedules& schedules,
                        Date to, const std::function<void(ReminderChange&)>& explain_new) {
    std::map<Key, const Reminder*> before_by_key;
    for (const Reminder& r : before) before_by_key.emplace(key_of_reminder(r), &r);
    std::set<Key> after_keys;
    ReminderChanges out;
    out.to = to;
    for (const Reminder& r : after) {
        const Key k = key_of_reminder(r);
        after_keys.insert(k);
        ReminderChange c;
        c.reminder = r;
        const auto was = before_by_key.find(k);
        if (was == before_by_key.end()) {
            explain_new(c);
            out.appeared.push_back(std::move(c));
        } else if (explain_changed(c, was->second->state, was->second->obligation.worker,
                                   was->second->obligation.team)) {
            out.changed.push_back(std::move(c));
        }
    }
    for (const Reminder& r : before) {
        if (after_keys.count(key_of_reminder(r))) continue;
        ReminderChange c;
        c.reminder = r;
        explain_disappeared(c, schedules, to);
        out.disappeared.push_back(std::move(c));
    }
    std::stable_sort(out.disappeared.begin(), out.disappeared.end(),
                     [](const ReminderChange& a, const ReminderChange& b) {
                         return detail::reminder_order(a.reminder, b.reminder);
                     });
    out.current = std::move(after);
    return out;
}

}  // namespace

ReminderChanges reminder_changes(const Store& store, const RulePack& pack, const Calendar& calendar, Date from,
                                 Date to, Duration window, const CaseFilter& filter, const SchoolCalendar* school) {
    if (to < from)
        throw Error(Status::invalid_arg,
                    "reminder changes from " + from.iso() + " to " + to.iso() + ": the first date is after the second");
    const std::vector<Reminder> before = reminders(store, pack, calendar, from, window, filter, school);
    std::vector<Reminder> after = reminders(store, pack, calendar, to, window, filter, school);
    const Date window_end = add_duration(from, window, calendar);
    Schedules schedules(store, pack, calendar, school);
    ReminderChanges out = compare(before, std::move(after), schedules, to,
                                  [&](ReminderChange& c) { explain_appeared(c, schedules, from, window_end); });
    out.from = from;
    return out;
}

ReminderChanges reminder_changes_since(const Store& store, const RulePack& pack, const Calendar& calendar,
                                       const std::vector<ReminderSeen>& previous, Date as_of, Duration window,
                                       const CaseFilter& filter, const SchoolCalendar* school) {
    std::vector<Reminder> before;
    before.reserve(previous.size());
    for (const ReminderSeen& s : previous) before.push_back(reminder_of(s));
    std::stable_sort(before.begin(), before.end(), detail::reminder_order);
    std::vector<Reminder> after = reminders(store, pack, calendar, as_of, window, filter, school);
    Schedules schedules(store, pack, calendar, school);
    return compare(before, std::move(after), schedules, as_of, [](ReminderChange& c) {
        c.detail = "not in the list received before (when it was computed is not known, so not why)";
    });
}

// ----------------------------------------------------------------------- JSON

std::string reminder_changes_to_json(const ReminderChanges& changes) {
    using ojson = nlohmann::ordered_json;
    auto items = [](const std::vector<ReminderChange>& list) {
        ojson arr = ojson::array();
        for (const ReminderChange& c : list) {
            const Reminder& r = c.reminder;
            const Obligation& o = r.obligation;
            ojson j;
            j["key"] = key_of(o).text();
            j["child"] = o.child_id;
            j["worker"] = o.worker;
            j["team"] = o.team;
            j["rule"] = o.rule_id;
            j["title"] = o.title;
            j["due"] = o.due.iso();
            j["state"] = std::string(to_string(r.state));
            j["working_days_left"] = r.state == ReminderState::due_soon ? r.working_days : 0;
            j["working_days_late"] = r.state == ReminderState::overdue ? r.working_days : 0;
            j["reasons"] = c.reasons;
            j["detail"] = c.detail;
            if (c.state_before) {
                j["state_before"] = std::string(to_string(*c.state_before));
                j["worker_before"] = c.worker_before;
                j["team_before"] = c.team_before;
            } else {
                j["state_before"] = nullptr;
                j["worker_before"] = nullptr;
                j["team_before"] = nullptr;
            }
            arr.push_back(std::move(j));
        }
        return arr;
    };
    ojson doc;
    doc["format"] = "oversight-reminder-changes";
    doc["version"] = 1;
    doc["from"] = changes.from ? ojson(changes.from->iso()) : ojson(nullptr);
    doc["to"] = changes.to.iso();
    doc["sequence"] = changes.sequence ? ojson(*changes.sequence) : ojson(nullptr);
    doc["appeared"] = items(changes.appeared);
    doc["disappeared"] = items(changes.disappeared);
    doc["changed"] = items(changes.changed);
    // The one builder of a reminder item (reminder.cpp), read back.
    doc["current"] = ojson::parse(reminders_to_json(changes.current))["reminders"];
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
