// Schedules: the due dates rules give a case, and why.
//
// Model (rules/schedule.hpp, rules/rule_pack.hpp): each trigger event of a rule starts
// a chain, which runs until the next trigger of the same type or one of the
// rule's ends_on events. In a chain, occurrence 0 is the trigger and
// occurrence k the k-th satisfying event; the obligation anchored at
// occurrence k is met by occurrence k+1 and is due `duration` after the
// ACTUAL date of occurrence k, never after a previous due date. A rule
// governs the obligations anchored at from_occurrence <= k < until_occurrence
// ("within" rules: k = 0) while its windows (active_from/active_until,
// active_from_event/active_until_event, `when` attributes) hold. When a rule
// stops applying before its obligation is met:
//   - not yet due: the obligation is superseded (the rule that applies next,
//     e.g. the after-first-year visiting rule, counts from the same actual
//     event);
//   - already overdue: the breach is kept, met late by the next satisfying
//     event, or ended (ended_on) if the chain ends first.
#include <oversight/core/error.hpp>
#include <oversight/rules/rule.hpp>
#include <oversight/rules/rule_pack.hpp>
#include <oversight/rules/schedule.hpp>

#include <algorithm>
#include <climits>
#include <deque>
#include <cstdint>
#include <iterator>
#include <set>
#include <sstream>
#include <tuple>

namespace oversight {

bool operator==(const Obligation& a, const Obligation& b) {
    return a.child_id == b.child_id && a.worker == b.worker && a.team == b.team && a.rule_id == b.rule_id &&
           a.title == b.title && a.due == b.due && a.anchor == b.anchor && a.anchor_event == b.anchor_event &&
           a.met_on == b.met_on && a.layer == b.layer && a.source == b.source && a.explanation == b.explanation &&
           a.ended_on == b.ended_on;
}

bool operator==(const CaseEvent& a, const CaseEvent& b) {
    return a.type == b.type && a.date == b.date && a.attributes == b.attributes && a.external_id == b.external_id;
}

bool operator==(const AttributeChange& a, const AttributeChange& b) {
    return a.effective_from == b.effective_from && a.key == b.key && a.value == b.value;
}

std::string visit_regime(const std::map<std::string, std::string>& attributes) {
    auto get = [&](const char* key) -> std::string {
        auto it = attributes.find(key);
        return it == attributes.end() ? std::string() : it->second;
    };
    // A long-term foster placement after its first year: 6-monthly visits
    // only where the child agrees (reg 28(2)(c) as amended by SI 2015/495).
    const auto agreed = [&](std::string regime) {
        if (regime == "long_term_foster" && get("child_agrees_less_frequent_visits") == "yes")
            return std::string("long_term_foster_agreed");
        return regime;
    };
    if (std::string r = get("visit_regime"); !r.empty()) return agreed(r);
    // SSDA903 codes (see schedule.hpp for the table and its source) to our words.
    std::string placement = get("placement_type");
    if (placement == "P1") placement = "placed_with_parent";
    else if (placement == "U1" || placement == "U4") placement = "long_term_foster";
    else if (placement == "R5") placement = "young_offender_institution";
    else if (placement == "R2") placement = "hospital";
    std::string legal = get("legal_status");
    if (legal == "C1") legal = "interim_care_order";
    else if (legal == "C2") legal = "care_order";
    else if (legal == "V3" || legal == "V4") legal = "short_breaks";
    // Short breaks (reg 48): the child is not in care; reg 28(2) is replaced.
    if (legal == "short_breaks" || placement == "short_breaks") return "short_breaks";
    if (placement == "A3" || placement == "A4" || placement == "A5" || placement == "A6")
        placement = "placed_for_adoption";
    if (placement == "connected_person_temporary") return "connected_person_temporary";
    if (placement == "placed_with_parent_pre_assessment") return "placed_with_parent_pre_assessment";
    if (placement == "placed_with_parent") {
        if (legal == "interim_care_order") return "connected_person_temporary";  // reg 28(4)
        if (get("parent_assessment") == "incomplete") return "placed_with_parent_pre_assessment";  // reg 28(3)
        return "care_order_at_home";                                                            // reg 28(5)
    }
    if (placement == "long_term_foster") return agreed("long_term_foster");
    if (placement == "other_arrangements" || placement == "young_offender_institution" || placement == "hospital" ||
        placement == "secure_training_centre")
        return "other_arrangements";
    // Intended to last until the child is 18: placed for adoption (A3-A6).
    if (get("permanence") == "permanent" || placement == "permanent" || placement == "placed_for_adoption")
        return "permanent";
    return "default";
}

namespace {

constexpr std::int32_t kNever = INT32_MAX;

std::string day(Date d) {
    static const char* const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return std::string(names[static_cast<int>(d.weekday())]) + " " + d.iso();
}

std::string or_list(const std::vector<std::string>& xs) {
    std::string s;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i) s += i + 1 == xs.size() ? " or " : ", ";
        s += xs[i];
    }
    return s;
}

std::string and_list(const std::vector<std::string>& xs) {
    std::string s;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i) s += i + 1 == xs.size() ? " and " : ", ";
        s += xs[i];
    }
    return s;
}

bool school_unit(Unit u) { return u == Unit::school_days || u == Unit::school_terms; }


bool when_matches(const Rule& r, const std::map<std::string, std::string>& attrs) {
    for (const auto& [key, alts] : r.when) {
        auto it = attrs.find(key);
        if (it == attrs.end()) return false;
        if (std::find(alts.begin(), alts.end(), it->second) == alts.end()) return false;
    }
    for (const auto& [key, alts] : r.unless) {
        auto it = attrs.find(key);
        if (it != attrs.end() && std::find(alts.begin(), alts.end(), it->second) != alts.end()) return false;
    }
    return true;
}

bool is_care_order(const std::string& legal_status) { return legal_status == "C2" || legal_status == "care_order"; }

bool contains(const std::vector<std::string>& xs, const std::string& x) {
    return std::find(xs.begin(), xs.end(), x) != xs.end();
}

/// What applies when: the era, `when`, the windows.
std::string applicability(const Rule& r) {
    std::vector<std::string> parts;
    if (r.effective_from || r.effective_until) {
        std::string era = "for triggers";
        if (r.effective_from) era += " on or after " + r.effective_from->iso();
        if (r.effective_from && r.effective_until) era += " and";
        if (r.effective_until) era += " before " + r.effective_until->iso();
        parts.push_back(era);
    }
    if (r.in_force_from || r.in_force_to) {
        std::vector<std::string> when;
        if (r.in_force_from) when.push_back("from " + r.in_force_from->iso());
        if (r.in_force_to) when.push_back("until " + r.in_force_to->iso());
        parts.push_back("to gaps that begin while the law is in force (" + and_list(when) + ")");
    }
    for (const auto& [key, alts] : r.when) parts.push_back("when " + key + " is " + or_list(alts));
    for (const auto& [key, alts] : r.unless) parts.push_back("unless " + key + " is " + or_list(alts));
    if (r.active_from) parts.push_back("from " + describe(*r.active_from) + " after the " + r.trigger);
    if (r.active_until) parts.push_back("until " + describe(*r.active_until) + " after the " + r.trigger);
    if (!r.active_from_event.empty()) parts.push_back("from the first " + r.active_from_event + " after the " + r.trigger);
    if (!r.active_until_event.empty())
        parts.push_back("until the first " + r.active_until_event + " after the " + r.trigger);
    if (parts.empty()) return "";
    std::string s = "It applies ";
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? "; " : "") + parts[i];
    return s + ".";
}

/// The counting part: unit, day-0 convention and the days skipped.
std::string counting_text(Date from, Duration d, Date due, const Calendar& cal, const SchoolCalendar* school,
                          CountingRules counting) {
    std::ostringstream o;
    const bool day_one = counting.day_zero == DayZero::trigger_is_day_one;
    const std::string convention = day_one ? day(from) + " counts as day 1 (trigger_is_day_one)"
                                           : day(from) + " is day 0 and counting starts the next day";
    switch (d.unit) {
        case Unit::calendar_days:
        case Unit::weeks: {
            o << describe(d);
            if (d.unit == Unit::weeks) o << " (" << 7 * d.count << " calendar days)";
            o << ": " << convention << "; weekends and bank holidays count as days.";
            if (!cal.is_working_day(due)) o << " The due date is not a working day; the rule does not move it.";
            break;
        }
        case Unit::months: {
            o << describe(d) << " by the corresponding-date rule: " << convention << ".";
            const Date target = from.add_months(d.count);
            if (target.day() != from.day())
                o << " " << target.year() << "-" << (target.month() < 10 ? "0" : "") << target.month() << "-"
                  << (from.day() < 10 ? "0" : "") << from.day() << " does not exist, so the last day of that month ("
                  << target.iso() << ") is used.";
            if (!cal.is_working_day(due)) o << " The due date is not a working day; the rule does not move it.";
            break;
        }
        case Unit::working_days: {
            o << describe(d) << ": " << convention
              << ". Working days are Monday to Friday except bank holidays and local closures";
            int weekend = 0;
            std::vector<std::string> holidays, closures;
            for (Date x : cal.non_working_days_between(from, due)) {
                if (x.is_weekend()) ++weekend;
                else if (cal.is_closure(x)) closures.push_back(cal.holiday_name(x).value_or("closure") + " (" + day(x) + ")");
                else holidays.push_back(cal.holiday_name(x).value_or("bank holiday") + " (" + day(x) + ")");
            }
            o << ". Skipped: " << weekend << " weekend day" << (weekend == 1 ? "" : "s") << "; ";
            o << (holidays.empty() ? "no bank holidays" : "bank holidays " + and_list(holidays)) << "; ";
            o << (closures.empty() ? "no closures" : "closures " + and_list(closures)) << ".";
            break;
        }
        case Unit::school_days: {
            o << describe(d) << " by the school calendar '" << (school ? school->name() : std::string("?")) << "': "
              << convention << ". School days are working days in term, excluding INSET and closure days";
            int weekend = 0, out_of_term = 0;
            std::vector<std::string> named;
            for (std::int32_t serial = from.serial() + 1; serial <= due.serial(); ++serial) {
                const Date x = Date::from_serial(serial);  // from < x <= due: never past 9999-12-31
                if (school && school->is_school_day(x)) continue;
                if (x.is_weekend()) ++weekend;
                else if (auto name = cal.holiday_name(x)) named.push_back(*name + " (" + day(x) + ")");
                else ++out_of_term;
            }
            o << ". Skipped: " << weekend << " weekend day" << (weekend == 1 ? "" : "s") << "; " << out_of_term
              << " weekday" << (out_of_term == 1 ? "" : "s") << " out of term or INSET";
            if (!named.empty()) o << "; bank holidays and closures " << and_list(named);
            o << ".";
            break;
        }
        case Unit::school_terms:
            o << describe(d) << " by the school calendar '" << (school ? school->name() : std::string("?")) << "': "
              << convention << ".";
            break;
    }
    return o.str();
}

std::string explain(const Rule& rule, Date anchor, const std::string& anchor_event, bool chained, Date due,
                    const Calendar& cal, const SchoolCalendar* school, CountingRules counting) {
    std::ostringstream o;
    o << "Rule " << rule.id << " \"" << rule.title << "\" (" << rule.source << "; status: " << to_string(rule.status)
      << "; layer: " << rule.layer << "). ";
    if (rule.kind == RuleKind::max_duration) {
        o << "Trigger: " << anchor_event << " on " << day(anchor) << ". It must not last longer than "
          << describe(rule.duration) << ": it must end (" << or_list(rule.satisfied_by) << ") by the due date. ";
    } else if (rule.kind == RuleKind::precondition) {
        o << "Trigger: " << anchor_event << " on " << day(anchor) << ". Precondition: " << or_list(rule.satisfied_by)
          << " must happen before " << or_list(rule.before) << " (on the same day counts as before). ";
    } else if (chained) {
        o << "Counted from the previous actual " << anchor_event << " on " << day(anchor)
          << ": at intervals of not more than " << describe(rule.duration)
          << ", from the actual event, never from the previous due date (chain started by " << rule.trigger << "). ";
    } else {
        o << "Trigger: " << anchor_event << " on " << day(anchor) << ". ";
        if (rule.kind == RuleKind::interval && !(rule.until_occurrence && *rule.until_occurrence <= 1))
            o << "Then at intervals of not more than " << describe(rule.duration) << ", each counted from the actual "
              << or_list(rule.satisfied_by) << " before it, never from the previous due date. ";
    }
    o << "Due within " << counting_text(anchor, rule.duration, due, cal, school, counting) << " Due " << day(due)
      << ".";
    if (std::string a = applicability(rule); !a.empty()) o << " " << a;
    return o.str();
}

Date add(Date from, Duration d, const Calendar& cal, const SchoolCalendar* school, CountingRules counting) {
    return add_duration(from, d, cal, school, counting);
}

struct Ev {
    Date date;
    const CaseEvent* event;
};

}  // namespace

bool needs_school_calendar(const Rule& r) noexcept {
    return school_unit(r.duration.unit) || (r.active_from && school_unit(r.active_from->unit)) ||
           (r.active_until && school_unit(r.active_until->unit));
}

std::vector<std::pair<std::string, std::string>> rules_not_counted(const RulePack& pack,
                                                                   const SchoolCalendar* school) {
    std::vector<std::pair<std::string, std::string>> out;
    if (school) return out;
    for (const Rule& rule : pack.rules())
        if (rule.enabled && rule.commencement != Commencement::pending && needs_school_calendar(rule))
            out.emplace_back(rule.id, "counted in school " +
                                          std::string(rule.duration.unit == Unit::school_terms ? "terms" : "days") +
                                          " and no school calendar was given (a local setting: the terms of the "
                                          "authority's schools)");
    return out;
}

std::vector<std::pair<std::string, std::string>> undated_not_counted(const std::vector<Undated>& undated,
                                                                     const SchoolCalendar* school, Date until) {
    std::vector<std::pair<std::string, std::string>> out;
    const SchoolCalendar::Term* last = school ? school->last_term() : nullptr;
    if (!last || !(last->last_day < until)) return out;
    struct Count {
        std::size_t obligations = 0;
        std::set<std::string> children;
        std::string reason;  // the first one's
    };
    std::map<std::string, Count> by_rule;
    for (const Undated& u : undated) {
        if (until < u.anchor) continue;  // counted from a day after the report's: due later still
        Count& c = by_rule[u.rule_id];
        if (c.obligations++ == 0) c.reason = u.reason;
        c.children.insert(u.child_id);
    }
    for (auto& [rule, c] : by_rule) {
        const auto plural = [](std::size_t n, const char* one, const char* many) {
            return std::to_string(n) + " " + (n == 1 ? one : many);
        };
        out.emplace_back(rule, plural(c.obligations, "obligation", "obligations") + " of " +
                                   plural(c.children.size(), "child", "children") +
                                   " could not be dated: the count runs past the last term of school calendar '" +
                                   school->name() + "' (" + last->name + ", ending " + last->last_day.iso() +
                                   "); give the calendar the terms that follow (first: " + c.reason + ")");
    }
    return out;
}

Obligation due_for_rule(const Rule& rule, Date from, const Calendar& calendar, const SchoolCalendar* school,
                        CountingRules counting) {
    if (!rule.in_force_on(from)) {
        std::string era;
        if (rule.effective_from) era += " on or after " + rule.effective_from->iso();
        if (rule.effective_until) era += std::string(era.empty() ? "" : " and") + " before " + rule.effective_until->iso();
        throw Error(Status::invalid_arg, "rule '" + rule.id + "' applies to triggers" + era + ", not to " + from.iso());
    }
    if (rule.commencement == Commencement::pending)
        throw Error(Status::invalid_arg, "rule '" + rule.id + "' is enacted but not yet in force (commencement pending)");
    if (!rule.law_in_force_on(from)) {
        std::string law;
        if (rule.in_force_from) law += " from " + rule.in_force_from->iso();
        if (rule.in_force_to) law += " until " + rule.in_force_to->iso();
        throw Error(Status::invalid_arg, "rule '" + rule.id + "' is in force" + law + ", not on " + from.iso());
    }
    if (school_unit(rule.duration.unit) && !school)
        throw Error(Status::invalid_arg, "rule '" + rule.id + "' counts in " + std::string(to_string(rule.duration.unit)) +
                                             ": it needs a school calendar");
    Obligation o;
    o.rule_id = rule.id;
    o.title = rule.title;
    o.due = add(from, rule.duration, calendar, school, counting);
    // An interval rule that governs only later occurrences (the second
    // review, visits after the first) counts from the previous actual event.
    const bool chained = rule.kind == RuleKind::interval && rule.from_occurrence > 0;
    o.anchor = from;
    o.anchor_event = chained ? rule.satisfied_by.front() : rule.trigger;
    o.layer = rule.layer;
    o.source = rule.source;
    o.explanation = explain(rule, from, o.anchor_event, chained, o.due, calendar, school, counting);
    return o;
}

std::vector<Obligation> schedule_case(const RulePack& pack, const CaseRecord& record, Date as_of,
                                      const Calendar& calendar, const SchoolCalendar* school, CountingRules counting,
                                      Explain explain_which, std::vector<Undated>* undated) {
    // Most of a case's obligations are met; their text is most of the cost
    // of a schedule that nobody reads (reminders show the open ones, a
    // count shows none).
    const auto explaining = [explain_which](const Obligation& o) {
        switch (explain_which) {
            case Explain::all: return true;
            case Explain::open: return !o.met_on && !o.ended_on;
            case Explain::none: break;
        }
        return false;
    };
    // A count in school units that runs past the school calendar's last
    // term (Error not_found): the due date is after the calendar's last
    // day, so it cannot be dated. An obligation that exists (met, or still
    // governed by its rule after that day) is given to the caller to list;
    // one whose chain or window ended by then, unmet, would have been
    // superseded before it fell due, so there is none. Called only from
    // the catch handlers below (`throw;` rethrows what they caught).
    const SchoolCalendar::Term* last_term = school ? school->last_term() : nullptr;
    const std::int32_t school_end = last_term ? last_term->last_day.serial() : kNever;  // the last school day
    const auto cannot_date = [&](const Error& e, const Rule& rule, Date anchor, const std::string& anchor_event,
                                 bool exists, bool met) {
        if (e.code() != Status::not_found) throw;
        if (undated && exists) undated->push_back({record.child_id, rule.id, anchor, anchor_event, e.what(), met});
    };
    // Events up to as_of in date order. On one day: first the events that
    // only end chains (a child ceasing to be looked after on the day a new
    // period of care starts ends the old chains, not the new ones), then the
    // events that start a clock (a visit on the day a placement starts counts
    // for that placement, whatever the row order), then the rest, each group
    // in the given order.
    std::set<std::string> trigger_types, ending_types;
    for (const Rule& rule : pack.rules())
        if (rule.enabled && rule.commencement != Commencement::pending) {
            trigger_types.insert(rule.trigger);
            ending_types.insert(rule.ends_on.begin(), rule.ends_on.end());
        }
    const auto same_day_rank = [&](const std::string& type) {
        if (trigger_types.count(type)) return 1;
        return ending_types.count(type) ? 0 : 2;
    };
    std::vector<Ev> evs;
    for (const CaseEvent& e : record.events)
        if (e.date <= as_of) evs.push_back({e.date, &e});
    std::stable_sort(evs.begin(), evs.end(), [&](const Ev& a, const Ev& b) {
        if (a.date != b.date) return a.date < b.date;
        return same_day_rank(a.event->type) < same_day_rank(b.event->type);
    });

    // Attributes over time: the base (record.attributes without the keys
    // that have dated changes), overlaid in date order with each dated
    // attribute change and each event's attributes (same day: changes first).
    struct Snapshot {
        Date date;
        std::map<std::string, std::string> attrs;
    };
    auto with_regime = [](std::map<std::string, std::string> a) {
        if (!a.count("visit_regime")) a["visit_regime"] = visit_regime(a);
        return a;
    };
    struct Overlay {
        Date date;
        int order;  // 0: attribute change, 1: event
        const std::string* key;
        const std::string* value;
    };
    std::vector<Overlay> overlays;
    std::set<std::string> dated_keys;
    for (const AttributeChange& c : record.attribute_changes) {
        if (c.effective_from > as_of) continue;
        dated_keys.insert(c.key);
        overlays.push_back({c.effective_from, 0, &c.key, &c.value});
    }
    // A care_order event that does not say the legal status makes it a full
    // care order from its date (the reg 28(5) regime needs it).
    static const std::string kLegalStatus = "legal_status", kCareOrder = "care_order";
    for (const Ev& e : evs) {
        for (const auto& [k, v] : e.event->attributes) overlays.push_back({e.date, 1, &k, &v});
        if (e.event->type == "care_order" && !e.event->attributes.count(kLegalStatus))
            overlays.push_back({e.date, 1, &kLegalStatus, &kCareOrder});
    }
    std::stable_sort(overlays.begin(), overlays.end(), [](const Overlay& a, const Overlay& b) {
        return std::tie(a.date, a.order) < std::tie(b.date, b.order);
    });
    std::map<std::string, std::string> base_attrs;
    for (const auto& [k, v] : record.attributes)
        if (!dated_keys.count(k)) base_attrs[k] = v;
    const std::map<std::string, std::string> base = with_regime(base_attrs);
    std::vector<Snapshot> snaps;
    {
        std::map<std::string, std::string> cur = base_attrs;
        for (const Overlay& o : overlays) {
            cur[*o.key] = *o.value;
            if (!snaps.empty() && snaps.back().date == o.date) snaps.back().attrs = with_regime(cur);
            else snaps.push_back({o.date, with_regime(cur)});
        }
    }
    auto attrs_at = [&](std::int32_t serial) -> const std::map<std::string, std::string>& {
        auto it = std::upper_bound(snaps.begin(), snaps.end(), serial,
                                   [](std::int32_t s, const Snapshot& x) { return s < x.date.serial(); });
        return it == snaps.begin() ? base : std::prev(it)->attrs;
    };

    // A full care order recorded only as a change of legal status (an SSDA903
    // episode with RNE L and LS C2, or a dated legal_status attribute) starts
    // the care-order clocks as a care_order event does (CPPCR 2010 reg 28(5):
    // "within one week of the making of the care order"): a care_order is
    // inferred on the day the legal status becomes C2 (or care_order) from
    // anything else, unless a care_order event is recorded on that day, or a
    // placement_start (the placement's own reg 28(5) rules then count from it).
    std::deque<CaseEvent> inferred;
    if (trigger_types.count("care_order")) {
        auto legal_of = [](const std::map<std::string, std::string>& a) {
            auto it = a.find("legal_status");
            return it == a.end() ? std::string() : it->second;
        };
        std::string prev = legal_of(base);
        for (const Snapshot& sn : snaps) {
            const std::string cur = legal_of(sn.attrs);
            if (is_care_order(cur) && !is_care_order(prev)) {
                const bool recorded = std::any_of(evs.begin(), evs.end(), [&](const Ev& e) {
                    return e.date == sn.date && (e.event->type == "care_order" || e.event->type == "placement_start");
                });
                if (!recorded)
                    inferred.push_back(CaseEvent{"care_order", sn.date, {{"inferred_from", "legal_status"}, {"legal_status", cur}}});
            }
            prev = cur;
        }
        for (const CaseEvent& e : inferred) evs.push_back({e.date, &e});
        if (!inferred.empty())
            std::stable_sort(evs.begin(), evs.end(), [&](const Ev& a, const Ev& b) {
                if (a.date != b.date) return a.date < b.date;
                return same_day_rank(a.event->type) < same_day_rank(b.event->type);
            });
    }
    auto trigger_text = [](const CaseEvent& e) {
        auto it = e.attributes.find("inferred_from");
        if (e.type != "care_order" || it == e.attributes.end()) return std::string();
        return " The care order is read from the legal status, which became " + e.attributes.at("legal_status") +
               " on " + day(e.date) + " (no care_order event recorded that day).";
    };

    struct Found {
        Obligation o;
        std::size_t trigger;  // index into evs
        std::size_t anchor;   // index into evs
        std::vector<std::string> satisfied_by;
        bool stale;          // recorded after its rule stopped applying (a breach)
        std::int32_t since;  // when the rule started to govern this gap
    };
    std::vector<Found> found;

    for (const Rule& rule : pack.rules()) {
        if (!rule.enabled || rule.commencement == Commencement::pending) continue;
        if (!school && needs_school_calendar(rule)) continue;
        auto satisfies = [&](const CaseEvent& e) { return contains(rule.satisfied_by, e.type); };
        // anchor = first: triggers inside an earlier chain of this rule are not new chains.
        std::size_t busy_until = 0;
        // anchor = last: the trigger whose chain the next one cut before it was met.
        std::optional<Date> cut_trigger;
        for (std::size_t t = 0; t < evs.size(); ++t) {
            if (evs[t].event->type != rule.trigger) continue;
            if (rule.anchor == Anchor::first && t < busy_until) continue;
            const Date start = evs[t].date;
            if (!rule.in_force_on(start)) continue;

            // The chain: (t, end). A new trigger ends it (anchor = last), or,
            // with anchor = first, only once the chain's obligation is met (a
            // within rule; an interval chain runs until an ends_on event).
            std::size_t end = evs.size();
            std::vector<Date> ignored;  // later triggers that did not restart the clock
            bool met_in_chain = false;
            for (std::size_t j = t + 1; j < evs.size(); ++j) {
                const std::string& type = evs[j].event->type;
                if (contains(rule.ends_on, type)) {
                    end = j;
                    break;
                }
                if (type == rule.trigger) {
                    if (rule.anchor == Anchor::last || (rule.kind != RuleKind::interval && met_in_chain)) {
                        end = j;
                        break;
                    }
                    ignored.push_back(evs[j].date);
                }
                if (satisfies(*evs[j].event)) met_in_chain = true;
            }
            busy_until = end;
            const std::int32_t chain_end = end < evs.size() ? evs[end].date.serial() : kNever;
            std::vector<std::size_t> occ{t};
            for (std::size_t j = t + 1; j < end; ++j)
                if (satisfies(*evs[j].event)) occ.push_back(j);
            std::string anchor_note;
            if (explain_which == Explain::none) {
                // no text to build
            } else if (rule.anchor == Anchor::first) {
                anchor_note = " Anchor = first: counted from the first " + rule.trigger + " of the chain";
                if (!ignored.empty()) {
                    std::vector<std::string> days;
                    for (Date x : ignored) days.push_back(day(x));
                    anchor_note += "; the later one" + std::string(ignored.size() == 1 ? "" : "s") + " on " +
                                   and_list(days) + (ignored.size() == 1 ? " does" : " do") + " not restart the clock";
                }
                anchor_note += ".";
            } else if (cut_trigger) {
                anchor_note = " Anchor = last: counted from the latest " + rule.trigger + "; the one on " +
                              day(*cut_trigger) + " no longer counts.";
            }
            cut_trigger.reset();
            if (end < evs.size() && evs[end].event->type == rule.trigger && occ.size() == 1) cut_trigger = start;

            if (rule.kind == RuleKind::precondition) {
                // X (satisfied_by) must come before Y (before): due `duration`
                // after the trigger, or on Y's day if Y comes first; met by an X
                // on or before Y's day; Y without a prior X is a breach.
                if (!when_matches(rule, attrs_at(start.serial())) || !rule.law_in_force_on(start)) continue;
                std::size_t y = end;
                for (std::size_t j = t + 1; j < end && y == end; ++j)
                    if (contains(rule.before, evs[j].event->type)) y = j;
                std::optional<Date> x;  // the first X in the chain, or on Y's day (dates carry no time)
                for (std::size_t j = t + 1; j < evs.size() && !x; ++j) {
                    if (y < end ? evs[j].date > evs[y].date : j >= end) break;
                    if (satisfies(*evs[j].event)) x = evs[j].date;
                }
                Date due;
                try {
                    due = add(start, rule.duration, calendar, school, counting);
                    if (y < end && evs[y].date < due) due = evs[y].date;
                } catch (const Error& e) {
                    if (y < end && evs[y].date.serial() <= school_end && e.code() == Status::not_found) {
                        due = evs[y].date;  // Y came before the unknown day: due on Y's day
                    } else {
                        cannot_date(e, rule, start, rule.trigger, x.has_value() || chain_end > school_end,
                                    x.has_value());
                        continue;
                    }
                }
                Found f{Obligation{}, t, t, rule.satisfied_by, false, start.serial()};
                Obligation& o = f.o;
                o.child_id = record.child_id;
                o.worker = record.worker;
                o.team = record.team;
                o.rule_id = rule.id;
                o.title = rule.title;
                o.due = due;
                o.anchor = start;
                o.anchor_event = rule.trigger;
                o.layer = rule.layer;
                o.source = rule.source;
                if (x) {
                    o.met_on = *x;
                } else if (y < end) {
                    o.ended_on = evs[y].date;
                } else if (end < evs.size()) {
                    if (due.serial() >= chain_end) continue;  // the chain ended before it fell due
                    o.ended_on = evs[end].date;
                }
                if (explaining(o)) {
                    o.explanation = explain(rule, start, rule.trigger, false, due, calendar, school, counting) +
                                    anchor_note + trigger_text(*evs[t].event);
                    if (x) {
                        const int late = Date::days_between(o.due, *x);
                        o.explanation += " Met on " + day(*x) +
                                         (late > 0 ? " (" + std::to_string(late) + " day" + (late == 1 ? "" : "s") +
                                                         " late)."
                                                   : ".");
                    } else if (y < end) {
                        o.explanation += " Breached: " + evs[y].event->type + " on " + day(evs[y].date) +
                                         " without a prior " + or_list(rule.satisfied_by) + ".";
                    } else if (o.ended_on) {
                        o.explanation += " Not met: the chain ended on " + day(*o.ended_on) + " (" +
                                         evs[end].event->type + ").";
                    }
                }
                found.push_back(std::move(f));
                continue;
            }

            // Windows. A gap is governed by the rule when it begins inside
            // [lo, gap_limit) and while `when` holds in [lo, hi). The time
            // window's end (active_until, the first anniversary) and the law's
            // repeal (in_force_to) only stop NEW gaps: a gap that begins before
            // them is measured by this rule to its end (the safe reading of an
            // interval that straddles the anniversary, schedule.hpp).
            std::int32_t lo = start.serial(), hi = chain_end, gap_limit = kNever;
            try {
                if (rule.active_from) lo = std::max(lo, add(start, *rule.active_from, calendar, school, {}).serial());
                if (rule.active_until)
                    gap_limit = std::min(gap_limit, add(start, *rule.active_until, calendar, school, {}).serial());
            } catch (const Error& e) {
                // The rule's window is past the known school terms: it can
                // only govern a chain still running when the calendar ends.
                cannot_date(e, rule, start, rule.trigger, chain_end > school_end, false);
                continue;
            }
            auto first_of = [&](const std::string& type) -> std::int32_t {
                for (std::size_t j = t + 1; j < end; ++j)
                    if (evs[j].event->type == type) return evs[j].date.serial();
                return kNever;
            };
            if (!rule.active_from_event.empty()) lo = std::max(lo, first_of(rule.active_from_event));
            if (!rule.active_until_event.empty()) hi = std::min(hi, first_of(rule.active_until_event));
            if (rule.in_force_from) lo = std::max(lo, rule.in_force_from->serial());
            if (rule.in_force_to) gap_limit = std::min(gap_limit, rule.in_force_to->serial());
            if (lo >= hi || lo >= gap_limit) continue;

            // Where `when` holds inside [lo, hi): pieces split at attribute changes.
            std::vector<std::pair<std::int32_t, std::int32_t>> active;
            {
                std::vector<std::int32_t> cuts{lo};
                for (const Snapshot& s : snaps)
                    if (s.date.serial() > lo && s.date.serial() < hi) cuts.push_back(s.date.serial());
                cuts.push_back(hi);
                for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
                    if (!when_matches(rule, attrs_at(cuts[i]))) continue;
                    if (!active.empty() && active.back().second == cuts[i]) active.back().second = cuts[i + 1];
                    else active.emplace_back(cuts[i], cuts[i + 1]);
                }
            }
            if (active.empty()) continue;

            const std::size_t k_until =
                rule.kind != RuleKind::interval
                    ? 1
                    : (rule.until_occurrence ? static_cast<std::size_t>(*rule.until_occurrence) : SIZE_MAX);
            for (std::size_t k = static_cast<std::size_t>(rule.from_occurrence); k < k_until && k < occ.size(); ++k) {
                const Ev& anchor = evs[occ[k]];
                if (anchor.date.serial() >= gap_limit) break;  // begins after the window or the law's repeal
                const bool met = k + 1 < occ.size();
                const std::int32_t met_serial = met ? evs[occ[k + 1]].date.serial() : kNever;
                Date due;
                try {
                    due = add(anchor.date, rule.duration, calendar, school, counting);
                } catch (const Error& e) {
                    // Past the known school terms (and so every later anchor).
                    const bool governed_after = std::any_of(active.begin(), active.end(), [&](const auto& piece) {
                        return piece.second > school_end;
                    });
                    cannot_date(e, rule, anchor.date, anchor.event->type, met || governed_after, met);
                    break;
                }
                for (const auto& [a, b] : active) {
                    const bool overlaps = (met ? a <= met_serial : true) && b > anchor.date.serial();
                    if (!overlaps) continue;
                    Found f{Obligation{}, t, occ[k], rule.satisfied_by, false,
                            std::max(a, anchor.date.serial())};
                    Obligation& o = f.o;
                    o.child_id = record.child_id;
                    o.worker = record.worker;
                    o.team = record.team;
                    o.rule_id = rule.id;
                    o.title = rule.title;
                    o.due = due;
                    o.anchor = anchor.date;
                    o.anchor_event = anchor.event->type;
                    o.layer = rule.layer;
                    o.source = rule.source;
                    if (met && met_serial < b) {
                        o.met_on = Date::from_serial(met_serial);  // met while the rule applied
                    } else if (due.serial() >= b) {
                        continue;  // not yet due when the rule stops applying: superseded
                    } else if (!met && b > as_of.serial()) {
                        // open: falls due while the rule still applies
                    } else {
                        // Fell due while the rule applied, which then stopped
                        // (as of as_of): the breach is kept.
                        f.stale = true;
                        if (met) o.met_on = Date::from_serial(met_serial);
                        else if (b == chain_end) o.ended_on = Date::from_serial(chain_end);
                    }
                    if (explaining(o)) {
                        o.explanation =
                            explain(rule, anchor.date, anchor.event->type, k > 0, due, calendar, school, counting);
                        if (k == 0) o.explanation += anchor_note + trigger_text(*anchor.event);
                        if (f.stale)
                            o.explanation += " The rule stopped applying on " + day(Date::from_serial(b)) +
                                             ", after the due date: the breach is kept.";
                        if (o.met_on) {
                            const int late = Date::days_between(o.due, *o.met_on);
                            o.explanation += " Met on " + day(*o.met_on) +
                                             (late > 0 ? " (" + std::to_string(late) + " day" +
                                                             (late == 1 ? "" : "s") +
                                                             " late; the next interval counts from this actual date)."
                                                       : ".");
                        } else if (o.ended_on) {
                            o.explanation += " Not met: the chain ended on " + day(*o.ended_on) + " (" +
                                             evs[end].event->type + ").";
                        }
                    }
                    found.push_back(std::move(f));
                    break;
                }
            }
        }
    }

    // One obligation per gap (same chain, same anchor event, same satisfying
    // events) when rules hand over to each other:
    //  - a breach kept after its rule stopped applying stands; the rule that
    //    took over the gap does not add a second obligation;
    //  - otherwise the rule that governs the gap first measures it: a gap
    //    that begins in a placement's first year is a first-year interval
    //    even when it ends after the anniversary (the safe reading), met,
    //    open or ended unmet alike (of two kept breaches of one gap, the
    //    first governor's stands).
    auto same_gap = [](const Found& f, const Found& g) {
        return g.trigger == f.trigger && g.anchor == f.anchor && g.satisfied_by == f.satisfied_by;
    };
    std::vector<Obligation> out;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const Found& f = found[i];
        bool shadowed = false;
        for (std::size_t j = 0; j < found.size() && !shadowed; ++j) {
            const Found& g = found[j];
            if (j == i || !same_gap(f, g)) continue;
            if (f.stale)
                shadowed = g.stale && (g.since < f.since || (g.since == f.since && j < i));
            else
                shadowed = g.stale || g.since < f.since;
        }
        if (!shadowed) out.push_back(f.o);
    }
    std::stable_sort(out.begin(), out.end(), [](const Obligation& a, const Obligation& b) {
        return std::tie(a.due, a.rule_id) < std::tie(b.due, b.rule_id);
    });
    return out;
}

}  // namespace oversight
