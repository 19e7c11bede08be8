// Supervision records and compliance as of any date (supervision/supervision.hpp).
#include <oversight/supervision/supervision.hpp>

#include <oversight/core/error.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include "casework/casework_repository.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"
#include "supervision/supervision_repository.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

constexpr std::size_t kMaxActionBytes = 4096;
constexpr std::size_t kMaxItems = 1000;  // cases, criteria, actions, follow-ups per record

std::string person_named(const Store& store, std::string_view name, const std::string& what) {
    const std::string n = detail::checked_name(name, what.c_str(), detail::kMaxNameBytes);
    std::optional<Person> p = try_find_person(store, n);
    if (!p) throw Error(Status::not_found, what + ": no person named " + detail::in_quotes(n));
    return p->name;
}

void check_day(Date d, const std::string& what) {
    detail::check_date_range(d, what.c_str());
    if (Date::today() < d) throw Error(Status::invalid_arg, what + " " + d.iso() + " is after today");
}

std::string dump(const ojson& doc) { return doc.dump(-1, ' ', false, ojson::error_handler_t::replace); }

/// One appointment, with the start of the person's tenure in its role.
struct Segment {
    std::optional<Date> from, until;
    Role role = Role::other;
    std::optional<Date> tenure_start;  // nullopt: before records
    std::string team, line_manager;
};

std::vector<Segment> segments_of(const std::vector<Appointment>& apps) {
    std::vector<Segment> out;
    for (const Appointment& a : apps) {
        Segment s{a.from, a.until, a.role, a.from, a.team, a.line_manager};
        if (!out.empty() && out.back().role == a.role && out.back().until && a.from && *out.back().until == *a.from)
            s.tenure_start = out.back().tenure_start;
        out.push_back(std::move(s));
    }
    return out;
}

const Segment* segment_on(const std::vector<Segment>& segs, Date d) {
    for (const Segment& s : segs)
        if ((!s.from || *s.from <= d) && (!s.until || d < *s.until)) return &s;
    return nullptr;
}

/// The standard in force on a day: the role's phase (nullptr: none).
struct InForce {
    const SupervisionPhase* phase = nullptr;
    const SupervisionFrequency* frequency = nullptr;
    Role role = Role::other;
    bool operator==(const InForce& o) const { return phase == o.phase && role == o.role; }
};

InForce in_force(const std::vector<Segment>& segs, const SupervisionStandard& st, Date d) {
    InForce out;
    const Segment* s = segment_on(segs, d);
    if (!s) return out;
    out.frequency = st.frequency_for(s->role);
    out.role = s->role;
    if (!out.frequency) return out;
    if (!s->tenure_start) out.phase = &out.frequency->phases.back();  // tenure unknown: the established phase
    else out.phase = st.phase_on(s->role, *s->tenure_start, d);
    return out;
}

/// Every day the standard may change on: appointment boundaries and phase boundaries.
std::vector<Date> change_days(const std::vector<Segment>& segs, const SupervisionStandard& st) {
    std::set<Date> days;
    const Calendar& cal = Calendar::for_division(Division::england_and_wales);
    for (const Segment& s : segs) {
        if (s.from) days.insert(*s.from);
        if (s.until) days.insert(*s.until);
        if (const SupervisionFrequency* f = st.frequency_for(s.role); f && s.tenure_start)
            for (const SupervisionPhase& p : f->phases)
                if (p.until) days.insert(add_duration(*s.tenure_start, *p.until, cal));
    }
    return {days.begin(), days.end()};
}

Date plus(Date d, Duration every) {
    return add_duration(d, every, Calendar::for_division(Division::england_and_wales));
}

struct Session {
    Date held;
    std::int64_t id;
    bool qualified;
};

/// A worker's chain of due dates and the sessions that met them, up to as_of.
std::vector<SupervisionDue> build_chain(const std::vector<Segment>& segs, const std::vector<Session>& sessions,
                                        const SupervisionStandard& st, const Calendar& cal, Date as_of) {
    std::vector<SupervisionDue> chain;
    const std::vector<Date> changes = change_days(segs, st);
    // The first reference: the start of the first appointment under a standard.
    std::optional<Date> ref;
    bool from_start = true;
    std::size_t next = 0;  // the next session to consider
    auto start_after = [&](std::optional<Date> after) -> std::optional<Date> {
        // The first change day (or appointment start) after `after` with a standard in force.
        for (const Segment& s : segs) {
            if (!st.frequency_for(s.role)) continue;
            if (!s.from) {
                if (!after) {
                    // Before records: the chain starts at the first session held in it.
                    for (const Session& x : sessions)
                        if (segment_on(segs, x.held) == &s) return x.held;
                }
                continue;
            }
            if (!after || *after < *s.from) return *s.from;
        }
        for (Date c : changes)
            if ((!after || *after < c) && in_force(segs, st, c).phase) return c;
        return std::nullopt;
    };
    ref = start_after(std::nullopt);
    if (const Segment* first = ref ? segment_on(segs, *ref) : nullptr; first && !first->from) {
        // Began before records: the first session is the reference, no link.
        from_start = false;
        while (next < sessions.size() && sessions[next].held <= *ref) ++next;
    }
    for (int guard = 0; ref && *ref <= as_of && guard < 100000; ++guard) {
        InForce cur = in_force(segs, st, *ref);
        if (!cur.phase) {
            ref = start_after(ref);
            from_start = true;
            continue;
        }
        Date d = plus(*ref, cur.phase->every);
        std::optional<Date> ends;  // the standard stops applying before the due date
        for (Date c : changes) {
            if (c <= *ref || d < c) continue;
            InForce now = in_force(segs, st, c);
            if (!now.phase) {
                ends = c;
                break;
            }
            if (now == cur) continue;
            cur = now;
            d = std::max(plus(*ref, cur.phase->every), c);
        }
        SupervisionDue link;
        link.from = *ref;
        link.from_start = from_start;
        link.due = st.due_on(d, cal);
        link.role = std::string(to_string(cur.role));
        link.every = describe(cur.phase->every);
        // The next session that counts (held after the reference; on the day
        // of a start too), skipping sessions by a supervisor not allowed.
        while (next < sessions.size() &&
               (sessions[next].held < *ref || !sessions[next].qualified))
            ++next;
        const bool met = next < sessions.size() && sessions[next].held <= as_of && (!ends || sessions[next].held < *ends);
        if (met) {
            link.held = sessions[next].held;
            link.session = sessions[next].id;
            link.in_time = sessions[next].held <= link.due;
            chain.push_back(link);
            ref = sessions[next].held;
            from_start = false;
            ++next;
            continue;
        }
        if (ends) {
            // No session before the standard stopped applying: no link; it
            // starts again with the next appointment under a standard.
            ref = start_after(ends);
            from_start = true;
            while (next < sessions.size() && ref && sessions[next].held < *ref) ++next;
            continue;
        }
        chain.push_back(link);  // open
        break;
    }
    return chain;
}

bool is_open(const SupervisionDue& l) { return !l.held; }

}  // namespace

bool operator==(const SupervisionAction& a, const SupervisionAction& b) {
    return a.id == b.id && a.agreed_in == b.agreed_in && a.text == b.text && a.owner == b.owner && a.due == b.due &&
           a.closed == b.closed;
}

bool operator==(const SupervisionFollowUp& a, const SupervisionFollowUp& b) {
    return a.action == b.action && a.closed == b.closed;
}

bool operator==(const SupervisionRecord& a, const SupervisionRecord& b) {
    return a.id == b.id && a.supervisee == b.supervisee && a.supervisor == b.supervisor && a.held == b.held &&
           a.recorded == b.recorded && a.minutes == b.minutes && a.cases == b.cases && a.criteria == b.criteria &&
           a.actions == b.actions && a.follow_ups == b.follow_ups;
}

std::int64_t record_supervision(Store& store, const SupervisionRecord& in, const SupervisionStandard& standard) {
    SupervisionRecord r;
    std::int64_t id = 0;
    const std::string what = "supervision of " + detail::in_quotes(in.supervisee) + " on " + in.held.iso();
    detail::in_transaction(store, "recording " + what, [&] {
        r.supervisee = person_named(store, in.supervisee, "supervision supervisee");
        r.supervisor = person_named(store, in.supervisor, "supervision supervisor");
        if (detail::lower(r.supervisee) == detail::lower(r.supervisor))
            throw Error(Status::invalid_arg, what + ": the supervisee cannot supervise themselves");
        check_day(in.held, what + ": held");
        r.held = in.held;
        r.recorded = in.recorded.value_or(Date::today());
        check_day(*r.recorded, what + ": recorded");
        if (*r.recorded < r.held)
            throw Error(Status::invalid_arg, what + ": recorded " + r.recorded->iso() + " is before the day it was held");
        if (in.minutes < 0 || in.minutes > 1440)
            throw Error(Status::invalid_arg, what + ": minutes " + std::to_string(in.minutes) + " is outside 0..1440");
        r.minutes = in.minutes;
        for (const auto* list : {&in.cases, &in.criteria})
            if (list->size() > kMaxItems)
                throw Error(Status::invalid_arg, what + ": more than " + std::to_string(kMaxItems) + " items");
        if (in.actions.size() > kMaxItems || in.follow_ups.size() > kMaxItems)
            throw Error(Status::invalid_arg, what + ": more than " + std::to_string(kMaxItems) + " items");
        const auto& casework = detail::casework_repository(store);
        for (const std::string& c : in.cases) {
            const std::string child = detail::checked_name(c, (what + ": case").c_str(), detail::kMaxIdBytes);
            if (!casework.has_child(child))
                throw Error(Status::not_found, what + ": case: no child with id " + detail::in_quotes(child));
            if (std::find(r.cases.begin(), r.cases.end(), child) != r.cases.end())
                throw Error(Status::invalid_arg, what + ": case " + detail::in_quotes(child) + " is named twice");
            r.cases.push_back(child);
        }
        for (const std::string& c : in.criteria) {
            const std::string id = detail::checked_name(c, (what + ": criterion").c_str(), 64);
            if (!standard.criterion(id))
                throw Error(Status::invalid_arg, what + ": criterion " + detail::in_quotes(id) +
                                                     " is not one of the standard's (" + standard.name() + ")");
            if (std::find(r.criteria.begin(), r.criteria.end(), id) != r.criteria.end())
                throw Error(Status::invalid_arg, what + ": criterion " + detail::in_quotes(id) + " is named twice");
            r.criteria.push_back(id);
        }
        for (std::size_t i = 0; i < in.actions.size(); ++i) {
            const SupervisionAction& a = in.actions[i];
            const std::string at = what + ": action " + std::to_string(i + 1);
            SupervisionAction x;
            x.text = detail::checked_name(a.text, (at + " text").c_str(), kMaxActionBytes);
            x.owner = person_named(store, a.owner, at + " owner");
            detail::check_date_range(a.due, (at + " due").c_str());
            if (a.due < r.held)
                throw Error(Status::invalid_arg, at + ": due " + a.due.iso() + " is before the session");
            x.due = a.due;
            r.actions.push_back(std::move(x));
        }
        if (!in.follow_ups.empty()) {
            auto& repo = detail::supervision_repository(store);
            std::map<std::int64_t, std::pair<Date, SupervisionAction>> actions;  // the supervisee's
            for (const SupervisionRecord& s : repo.list(std::nullopt, std::nullopt, r.supervisee))
                if (detail::lower(s.supervisee) == detail::lower(r.supervisee))
                    for (const SupervisionAction& a : s.actions) actions[a.id] = {s.held, a};
            for (const SupervisionFollowUp& f : in.follow_ups) {
                const std::string at = what + ": follow-up of action " + std::to_string(f.action);
                auto it = actions.find(f.action);
                if (it == actions.end())
                    throw Error(Status::not_found, at + ": no such action agreed in " + r.supervisee + "'s supervision");
                if (it->second.second.closed)
                    throw Error(Status::invalid_arg, at + ": closed on " + it->second.second.closed->iso());
                if (!(it->second.first < r.held))
                    throw Error(Status::invalid_arg, at + ": agreed on " + it->second.first.iso() +
                                                         ", not before this session");
                for (const SupervisionFollowUp& g : r.follow_ups)
                    if (g.action == f.action) throw Error(Status::invalid_arg, at + ": named twice");
                r.follow_ups.push_back(f);
            }
        }
        id = detail::supervision_repository(store).add(r);
    });
    return id;
}

std::vector<SupervisionRecord> list_supervisions(const Store& store, Date from, Date to,
                                                 const std::optional<std::string>& person) {
    if (to < from)
        throw Error(Status::invalid_arg, "supervisions: period end " + to.iso() + " is before " + from.iso());
    std::optional<std::string> who;
    if (person) who = person_named(store, *person, "supervisions: person");
    return detail::supervision_repository(store).list(from, to, who);
}

SupervisionReport supervision_report(const Store& store, Date as_of, std::optional<Date> from,
                                     const SupervisionStandard& st, const Calendar& cal) {
    if (from && as_of < *from)
        throw Error(Status::invalid_arg, "supervision report: " + as_of.iso() + " is before " + from->iso());
    detail::check_date_range(as_of, "supervision report as of");
    SupervisionReport out;
    out.as_of = as_of;
    const std::vector<SupervisionRecord> records =
        detail::supervision_repository(store).list(std::nullopt, as_of, std::nullopt);
    out.from = from.value_or(records.empty() ? as_of : std::min(records.front().held, as_of));
    const Date period_from = from.value_or(Date::min());
    auto in_period = [&](Date d) { return period_from <= d && d <= as_of; };

    std::map<std::string, std::vector<Appointment>> apps_cache;
    auto apps_of = [&](const std::string& person) -> const std::vector<Appointment>& {
        auto it = apps_cache.find(person);
        if (it == apps_cache.end()) it = apps_cache.emplace(person, appointments(store, person)).first;
        return it->second;
    };
    std::map<std::string, GroupSupervision> by_supervisor, by_team;
    for (const Person& p : list_people(store)) {
        const std::vector<Segment> segs = segments_of(apps_of(p.name));
        bool covered = false;
        for (const Segment& s : segs)
            if (st.frequency_for(s.role) && (!s.from || *s.from <= as_of) && (!s.until || period_from < *s.until))
                covered = true;
        if (!covered) continue;
        WorkerSupervision w;
        w.person = p.name;
        if (const Segment* now = segment_on(segs, as_of)) {
            w.team = now->team;
            w.supervisor = now->line_manager;
            w.role = std::string(to_string(now->role));
        }
        std::vector<Session> sessions;
        std::map<std::string, int> criteria;
        for (const SupervisionRecord& r : records) {
            if (detail::lower(r.supervisee) != detail::lower(p.name)) continue;
            bool qualified = true;
            if (const Segment* s = segment_on(segs, r.held))
                if (const SupervisionFrequency* f = st.frequency_for(s->role); f && !f->supervisor_roles.empty()) {
                    std::optional<Appointment> sa = appointment_on(store, r.supervisor, r.held);
                    qualified = sa && std::find(f->supervisor_roles.begin(), f->supervisor_roles.end(), sa->role) !=
                                          f->supervisor_roles.end();
                }
            sessions.push_back({r.held, r.id, qualified});
            if (!in_period(r.held)) continue;
            ++w.held;
            if (!qualified) ++w.unqualified;
            for (const std::string& c : r.criteria) ++criteria[c];
        }
        for (const SupervisionCriterion& c : st.criteria()) w.criteria.push_back({c.id, criteria[c.id]});
        // A worker no longer under a standard (left, or now in a role without
        // one) has nothing due now: a missed session stays a breach in the
        // chain, but is not overdue for ever.
        const bool under_standard = in_force(segs, st, as_of).phase != nullptr;
        for (const SupervisionDue& l : build_chain(segs, sessions, st, cal, as_of)) {
            const bool decided = l.held || l.due < as_of;
            const Date decided_on = l.held ? *l.held : l.due;
            if (is_open(l) && under_standard) {
                w.next_due = l.due;
                if (l.due < as_of) w.overdue_days = Date::days_between(l.due, as_of);
            }
            if (decided && !in_period(decided_on)) continue;
            if (!decided && !is_open(l)) continue;
            w.chain.push_back(l);
            if (decided) {
                ++w.due;
                if (l.held && l.in_time) ++w.held_in_time;
            }
            const Date end = l.held ? *l.held : as_of;
            w.longest_gap_days = std::max(w.longest_gap_days, Date::days_between(std::max(l.from, period_from), end));
        }
        for (auto* g : {&by_supervisor[w.supervisor], &by_team[w.team]}) {
            ++g->workers;
            g->due += w.due;
            g->held_in_time += w.held_in_time;
            g->held += w.held;
            if (w.overdue_days > 0) ++g->overdue;
        }
        if (w.next_due && *w.next_due <= as_of.add_days(st.due_soon_days()))
            out.due_soon.push_back({w.supervisor, w.person, *w.next_due, *w.next_due < as_of});
        out.workers.push_back(std::move(w));
    }
    for (auto& [name, g] : by_supervisor) {
        g.name = name;
        out.supervisors.push_back(g);
    }
    for (auto& [name, g] : by_team) {
        g.name = name;
        out.teams.push_back(g);
    }
    std::sort(out.due_soon.begin(), out.due_soon.end(), [](const SupervisionDueSoon& a, const SupervisionDueSoon& b) {
        if (a.supervisor != b.supervisor) return a.supervisor < b.supervisor;
        if (a.due != b.due) return a.due < b.due;
        return a.person < b.person;
    });
    // Actions open as of the date, and whether the supervisee's next session followed them up.
    for (std::size_t i = 0; i < records.size(); ++i) {
        const SupervisionRecord& r = records[i];
        for (const SupervisionAction& a : r.actions) {
            if (a.closed && *a.closed <= as_of) continue;
            OpenSupervisionAction o;
            o.id = a.id;
            o.supervisee = r.supervisee;
            o.supervisor = r.supervisor;
            o.owner = a.owner;
            o.text = a.text;
            o.agreed = r.held;
            o.due = a.due;
            o.overdue = a.due < as_of;
            o.state = "awaiting_next_session";
            for (std::size_t j = i + 1; j < records.size(); ++j) {
                const SupervisionRecord& n = records[j];
                if (detail::lower(n.supervisee) != detail::lower(r.supervisee) || !(r.held < n.held)) continue;
                const bool reviewed = std::any_of(n.follow_ups.begin(), n.follow_ups.end(),
                                                  [&](const SupervisionFollowUp& f) { return f.action == a.id; });
                o.state = reviewed ? "followed_up" : "not_followed_up";
                break;
            }
            out.actions.push_back(std::move(o));
        }
    }
    std::stable_sort(out.actions.begin(), out.actions.end(),
                     [](const OpenSupervisionAction& a, const OpenSupervisionAction& b) {
                         if (a.supervisee != b.supervisee) return a.supervisee < b.supervisee;
                         if (a.agreed != b.agreed) return a.agreed < b.agreed;
                         return a.id < b.id;
                     });
    return out;
}

namespace {

ojson opt_date_json(const std::optional<Date>& d) { return d ? ojson(d->iso()) : ojson(); }

ojson group_json(const std::vector<GroupSupervision>& groups) {
    ojson a = ojson::array();
    for (const GroupSupervision& g : groups)
        a.push_back({{"name", g.name},
                     {"workers", g.workers},
                     {"due", g.due},
                     {"held_in_time", g.held_in_time},
                     {"share_in_time", g.due ? ojson(static_cast<double>(g.held_in_time) / g.due) : ojson()},
                     {"held", g.held},
                     {"overdue", g.overdue}});
    return a;
}

}  // namespace

std::string supervision_report_to_json(const SupervisionReport& r) {
    ojson doc = {{"format", "oversight-supervision-report"},
                 {"version", 1},
                 {"from", r.from.iso()},
                 {"as_of", r.as_of.iso()},
                 {"workers", ojson::array()},
                 {"supervisors", group_json(r.supervisors)},
                 {"teams", group_json(r.teams)},
                 {"due_soon", ojson::array()},
                 {"actions", ojson::array()}};
    for (const WorkerSupervision& w : r.workers) {
        ojson chain = ojson::array();
        for (const SupervisionDue& l : w.chain)
            chain.push_back({{"from", l.from.iso()},
                             {"from_start", l.from_start},
                             {"due", l.due.iso()},
                             {"role", l.role},
                             {"every", l.every},
                             {"held", opt_date_json(l.held)},
                             {"session", l.session ? ojson(*l.session) : ojson()},
                             {"in_time", l.in_time}});
        ojson criteria = ojson::object();
        for (const auto& [id, n] : w.criteria) criteria[id] = n;
        doc["workers"].push_back({{"person", w.person},
                                  {"role", w.role},
                                  {"team", w.team},
                                  {"supervisor", w.supervisor},
                                  {"due", w.due},
                                  {"held_in_time", w.held_in_time},
                                  {"held", w.held},
                                  {"unqualified", w.unqualified},
                                  {"longest_gap_days", w.longest_gap_days},
                                  {"next_due", opt_date_json(w.next_due)},
                                  {"overdue_days", w.overdue_days},
                                  {"criteria", criteria},
                                  {"chain", chain}});
    }
    for (const SupervisionDueSoon& d : r.due_soon)
        doc["due_soon"].push_back(
            {{"supervisor", d.supervisor}, {"person", d.person}, {"due", d.due.iso()}, {"overdue", d.overdue}});
    for (const OpenSupervisionAction& a : r.actions)
        doc["actions"].push_back({{"id", a.id},
                                  {"supervisee", a.supervisee},
                                  {"supervisor", a.supervisor},
                                  {"owner", a.owner},
                                  {"text", a.text},
                                  {"agreed", a.agreed.iso()},
                                  {"due", a.due.iso()},
                                  {"state", a.state},
                                  {"overdue", a.overdue}});
    return dump(doc);
}

std::string supervision_report_to_text(const SupervisionReport& r) {
    std::ostringstream out;
    auto s = [](const std::string& t) { return detail::sanitize_utf8(t); };
    out << "Supervision, " << r.from.iso() << " to " << r.as_of.iso() << "\n";
    for (const WorkerSupervision& w : r.workers) {
        out << "  " << s(w.person) << " (" << (w.role.empty() ? "not appointed" : w.role)
            << (w.supervisor.empty() ? "" : ", supervisor " + s(w.supervisor)) << "): " << w.held_in_time << " of "
            << w.due << " in timescale, " << w.held << " held, longest gap " << w.longest_gap_days << " days";
        if (w.unqualified) out << ", " << w.unqualified << " by a supervisor not qualified";
        if (w.next_due) out << (w.overdue_days ? ", OVERDUE since " : ", next due ") << w.next_due->iso();
        if (w.overdue_days) out << " (" << w.overdue_days << " days)";
        out << "\n";
    }
    out << "Due soon or overdue, by supervisor:\n";
    if (r.due_soon.empty()) out << "  (none)\n";
    for (const SupervisionDueSoon& d : r.due_soon)
        out << "  " << (d.supervisor.empty() ? "(no line manager)" : s(d.supervisor)) << ": " << s(d.person) << " "
            << (d.overdue ? "overdue since " : "due ") << d.due.iso() << "\n";
    out << "Open actions:\n";
    if (r.actions.empty()) out << "  (none)\n";
    for (const OpenSupervisionAction& a : r.actions)
        out << "  #" << a.id << " " << s(a.supervisee) << " (agreed " << a.agreed.iso() << ", owner " << s(a.owner)
            << ", due " << a.due.iso() << (a.overdue ? ", overdue" : "") << "): " << s(a.text) << " ["
            << (a.state == "not_followed_up" ? "NOT FOLLOWED UP" : a.state) << "]\n";
    return out.str();
}

SupervisionRecord supervision_record_from_json(std::string_view text) {
    const nlohmann::json doc = detail::parse_json(text, "supervision record");
    auto fail = [](const std::string& where, const std::string& problem) -> Error {
        return Error(Status::parse, "supervision record: " + where + ": " + problem);
    };
    if (!doc.is_object()) throw fail("the document", "expected an object");
    static const std::set<std::string> kKeys = {"supervisee", "supervisor", "held",    "recorded",
                                                "minutes",    "cases",      "criteria", "actions", "follow_ups"};
    for (const auto& item : doc.items())
        if (!kKeys.count(item.key())) throw fail(detail::in_quotes(item.key()), "unknown key (a typo?)");
    auto text_of = [&](const nlohmann::json& v, const std::string& where) -> std::string {
        if (!v.is_string()) throw fail(where, "expected a string");
        return v.get<std::string>();
    };
    auto date_of = [&](const nlohmann::json& v, const std::string& where) -> Date {
        const std::string s = text_of(v, where);
        auto d = Date::try_parse_iso(s);
        if (!d) throw fail(where, detail::in_quotes(s) + " is not a date (YYYY-MM-DD)");
        return *d;
    };
    auto required = [&](const nlohmann::json& o, const char* key, const std::string& where) -> const nlohmann::json& {
        auto it = o.find(key);
        if (it == o.end()) throw fail(where + key, "missing (required)");
        return *it;
    };
    auto list = [&](const char* key) -> const nlohmann::json* {
        auto it = doc.find(key);
        if (it == doc.end() || it->is_null()) return nullptr;
        if (!it->is_array()) throw fail(key, "expected an array");
        if (it->size() > kMaxItems) throw fail(key, "more than " + std::to_string(kMaxItems) + " items");
        return &*it;
    };
    SupervisionRecord r;
    r.supervisee = text_of(required(doc, "supervisee", ""), "supervisee");
    r.supervisor = text_of(required(doc, "supervisor", ""), "supervisor");
    r.held = date_of(required(doc, "held", ""), "held");
    if (auto it = doc.find("recorded"); it != doc.end() && !it->is_null()) r.recorded = date_of(*it, "recorded");
    if (auto it = doc.find("minutes"); it != doc.end() && !it->is_null()) {
        if (!it->is_number_integer()) throw fail("minutes", "expected an integer");
        const auto m = it->get<std::int64_t>();
        if (m < 0 || m > 1440) throw fail("minutes", std::to_string(m) + " is outside 0..1440");
        r.minutes = static_cast<int>(m);
    }
    for (const char* key : {"cases", "criteria"})
        if (const nlohmann::json* a = list(key))
            for (std::size_t i = 0; i < a->size(); ++i)
                (std::string(key) == "cases" ? r.cases : r.criteria)
                    .push_back(text_of((*a)[i], std::string(key) + "[" + std::to_string(i + 1) + "]"));
    if (const nlohmann::json* a = list("actions"))
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string at = "actions[" + std::to_string(i + 1) + "].";
            const nlohmann::json& o = (*a)[i];
            if (!o.is_object()) throw fail(at.substr(0, at.size() - 1), "expected an object");
            for (const auto& item : o.items())
                if (item.key() != "text" && item.key() != "owner" && item.key() != "due")
                    throw fail(at + detail::in_quotes(item.key()), "unknown key (a typo?)");
            SupervisionAction x;
            x.text = text_of(required(o, "text", at), at + "text");
            x.owner = text_of(required(o, "owner", at), at + "owner");
            x.due = date_of(required(o, "due", at), at + "due");
            r.actions.push_back(std::move(x));
        }
    if (const nlohmann::json* a = list("follow_ups"))
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string at = "follow_ups[" + std::to_string(i + 1) + "].";
            const nlohmann::json& o = (*a)[i];
            if (!o.is_object()) throw fail(at.substr(0, at.size() - 1), "expected an object");
            for (const auto& item : o.items())
                if (item.key() != "action" && item.key() != "closed")
                    throw fail(at + detail::in_quotes(item.key()), "unknown key (a typo?)");
            const nlohmann::json& id = required(o, "action", at);
            if (!id.is_number_integer()) throw fail(at + "action", "expected an integer id");
            SupervisionFollowUp f;
            f.action = id.get<std::int64_t>();
            if (auto c = o.find("closed"); c != o.end()) {
                if (!c->is_boolean()) throw fail(at + "closed", "expected true or false");
                f.closed = c->get<bool>();
            }
            r.follow_ups.push_back(f);
        }
    return r;
}

std::string supervisions_to_json(const std::vector<SupervisionRecord>& records) {
    ojson doc = {{"format", "oversight-supervisions"}, {"version", 1}, {"supervisions", ojson::array()}};
    for (const SupervisionRecord& r : records) {
        ojson actions = ojson::array(), follow = ojson::array();
        for (const SupervisionAction& a : r.actions)
            actions.push_back({{"id", a.id},
                               {"text", a.text},
                               {"owner", a.owner},
                               {"due", a.due.iso()},
                               {"closed", opt_date_json(a.closed)}});
        for (const SupervisionFollowUp& f : r.follow_ups)
            follow.push_back({{"action", f.action}, {"closed", f.closed}});
        doc["supervisions"].push_back({{"id", r.id},
                                       {"supervisee", r.supervisee},
                                       {"supervisor", r.supervisor},
                                       {"held", r.held.iso()},
                                       {"recorded", opt_date_json(r.recorded)},
                                       {"minutes", r.minutes},
                                       {"cases", r.cases},
                                       {"criteria", r.criteria},
                                       {"actions", actions},
                                       {"follow_ups", follow}});
    }
    return dump(doc);
}

}  // namespace oversight
