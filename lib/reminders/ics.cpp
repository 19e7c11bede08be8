// iCalendar (RFC 5545) export of reminders, built with libical.
//
// Time zones: every due date is a DATE value (a calendar day, no time), so
// the task falls on the same day for a reader in Europe/London or anywhere
// else, and British Summer Time never shifts it. The only date-times are
// DTSTAMP and COMPLETED, both in UTC ("Z"). No local date-time is emitted,
// so the calendar needs no VTIMEZONE.
#include <oversight/reminders/all_reminders.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <libical/ical.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oversight {

namespace {

// 64-bit FNV-1a (Fowler/Noll/Vo; offset basis and prime from the published
// FNV specification, draft-eastlake-fnv).
std::uint64_t fnv1a64(std::string_view data, std::uint64_t basis) {
    std::uint64_t h = basis;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

struct ComponentDeleter {
    void operator()(icalcomponent* c) const noexcept { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

icaltimetype ical_date(Date d) {
    icaltimetype t = icaltime_null_date();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.is_date = 1;
    return t;
}

icaltimetype utc_time(int y, int mo, int d, int h, int mi, int s) {
    icaltimetype t = icaltime_null_time();
    t.year = y;
    t.month = mo;
    t.day = d;
    t.hour = h;
    t.minute = mi;
    t.second = s;
    t.is_date = 0;
    t.zone = icaltimezone_get_utc_timezone();
    return t;
}

// "YYYY-MM-DDTHH:MM:SSZ" -> UTC icaltimetype; Error(invalid_arg) otherwise.
icaltimetype parse_utc(const std::string& text) {
    int y, mo, d, h, mi, s;
    char z = 0;
    char tail = 0;
    if (text.size() != 20 || std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &y, &mo, &d, &h, &mi, &s, &z, &tail) != 7 ||
        z != 'Z' || h > 23 || mi > 59 || s > 60)
        throw Error(Status::invalid_arg, "DTSTAMP '" + detail::sanitize_utf8(text) +
                                             "' is not a UTC date-time YYYY-MM-DDTHH:MM:SSZ");
    Date::from_ymd(y, mo, d);  // throws for an impossible date
    return utc_time(y, mo, d, h, mi, s);
}

// libical 3.0 writes CATEGORIES values without escaping "," and ";" (it
// treats the property as a list), so a comma in a name would split it into
// two categories. Such characters become spaces (documented in casework.hpp).
std::string category(const std::string& name) {
    if (name.empty()) return "(unallocated)";
    std::string v = detail::sanitize_utf8(name);
    for (char& c : v)
        if (c == ',' || c == ';' || c == '\\') c = ' ';
    v = detail::collapse_spaces(v);
    return v.empty() ? "(unnamed)" : v;
}

void add(icalcomponent* c, icalproperty* p) {
    // libical's constructors fail only for a NULL argument (never given
    // here) or when memory runs out.
    if (!p) throw Error(Status::nomem, "libical could not build a property (out of memory)");
    icalcomponent_add_property(c, p);
}

/// "<32 hex digits>@oversight": obligation_uid's hash of three fields.
std::string uid_of(const std::string& f1, const std::string& f2, const std::string& f3) {
    // Length-prefixed fields, so ("a/b", "c") and ("a", "b/c") differ.
    std::string data;
    for (const std::string* f : {&f1, &f2, &f3}) {
        data += std::to_string(f->size());
        data += ':';
        data += *f;
    }
    // Two independent 64-bit lanes: the standard offset basis and a second
    // basis (FNV-1a of "oversight" from the standard basis).
    const std::uint64_t basis = 0xcbf29ce484222325ULL;
    std::uint64_t a = fnv1a64(data, basis);
    std::uint64_t b = fnv1a64(data, fnv1a64("oversight", basis));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return std::string(buf) + "@oversight";
}

/// One VTODO's values.
struct Task {
    std::string uid, summary, description;
    Date due;
    std::vector<std::string> categories;  // category() values, one CATEGORIES property each
    std::optional<Date> completed;
    bool overdue = false;
};

/// A VCALENDAR being filled with tasks.
class IcsWriter {
public:
    explicit IcsWriter(const IcsOptions& options) : options_(options) {
        if (options.alarm_days < 0 || options.alarm_days > 365)
            throw Error(Status::invalid_arg, "alarm_days " + std::to_string(options.alarm_days) + " is outside 0..365");
        if (options.prodid.empty() || !detail::is_valid_utf8(options.prodid))
            throw Error(Status::invalid_arg, "PRODID is empty or not valid UTF-8");
        if (options.dtstamp) {
            stamp_ = parse_utc(*options.dtstamp);
        } else {
            stamp_ = icaltime_from_timet_with_zone(std::time(nullptr), 0, icaltimezone_get_utc_timezone());
        }
        cal_.reset(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
        if (!cal_) throw Error(Status::nomem, "libical could not create a VCALENDAR");
        add(cal_.get(), icalproperty_new_prodid(options.prodid.c_str()));
        add(cal_.get(), icalproperty_new_version("2.0"));
        add(cal_.get(), icalproperty_new_calscale("GREGORIAN"));
        add(cal_.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    }

    void task(const Task& t) {
        Component todo(icalcomponent_new(ICAL_VTODO_COMPONENT));
        if (!todo) throw Error(Status::nomem, "libical could not create a VTODO");
        add(todo.get(), icalproperty_new_uid(t.uid.c_str()));
        add(todo.get(), icalproperty_new_dtstamp(stamp_));
        add(todo.get(), icalproperty_new_due(ical_date(t.due)));
        add(todo.get(), icalproperty_new_summary(t.summary.c_str()));
        add(todo.get(), icalproperty_new_description(t.description.c_str()));
        for (const std::string& c : t.categories) add(todo.get(), icalproperty_new_categories(c.c_str()));
        if (t.completed) {
            add(todo.get(), icalproperty_new_status(ICAL_STATUS_COMPLETED));
            add(todo.get(), icalproperty_new_completed(
                                utc_time(t.completed->year(), t.completed->month(), t.completed->day(), 0, 0, 0)));
        } else {
            add(todo.get(), icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
            // RFC 5545 PRIORITY: 1 highest; overdue tasks first.
            add(todo.get(), icalproperty_new_priority(t.overdue ? 1 : 5));
        }
        if (options_.alarm_days > 0 && !t.completed) {
            Component alarm(icalcomponent_new(ICAL_VALARM_COMPONENT));
            if (!alarm) throw Error(Status::nomem, "libical could not create a VALARM");
            add(alarm.get(), icalproperty_new_action(ICAL_ACTION_DISPLAY));
            icaltriggertype trigger;
            trigger.time = icaltime_null_time();
            trigger.duration = icaldurationtype_null_duration();
            trigger.duration.is_neg = 1;
            trigger.duration.days = static_cast<unsigned>(options_.alarm_days);
            icalproperty* p = icalproperty_new_trigger(trigger);
            if (!p) throw Error(Status::nomem, "libical could not build TRIGGER (out of memory)");
            icalproperty_add_parameter(p, icalparameter_new_related(ICAL_RELATED_END));  // relative to DUE
            icalcomponent_add_property(alarm.get(), p);
            add(alarm.get(), icalproperty_new_description(t.summary.c_str()));
            icalcomponent_add_component(todo.get(), alarm.release());
        }
        icalcomponent_add_component(cal_.get(), todo.release());
    }

    void casework(const std::vector<Reminder>& list) {
        for (const Reminder& r : list) {
            const Obligation& o = r.obligation;
            Task t;
            t.uid = obligation_uid(o);
            t.summary = detail::sanitize_utf8(o.title + ": " + o.child_id);
            t.description = detail::sanitize_utf8(o.explanation);
            if (r.acknowledgement)
                t.description += "\nAcknowledged by " + detail::sanitize_utf8(r.acknowledgement->by) + " at " +
                                 r.acknowledgement->at +
                                 (r.acknowledgement->note.empty() ? ""
                                                                  : ": " + detail::sanitize_utf8(r.acknowledgement->note));
            t.due = o.due;
            t.categories = {category(o.team), category(o.worker)};  // the team, then the worker
            t.completed = o.met_on;
            t.overdue = r.state == ReminderState::overdue;
            task(t);
        }
    }

    std::string text() const {
        char* text = icalcomponent_as_ical_string_r(cal_.get());
        if (!text) throw Error(Status::nomem, "libical could not serialise the calendar (out of memory)");
        std::string out(text);
        icalmemory_free_buffer(text);
        return out;
    }

private:
    const IcsOptions& options_;
    icaltimetype stamp_;
    Component cal_;
};

}  // namespace

std::string obligation_uid(const Obligation& o) { return uid_of(o.child_id, o.rule_id, o.anchor.iso()); }

std::string reminders_to_ics(const std::vector<Reminder>& list, const IcsOptions& options) {
    IcsWriter w(options);
    w.casework(list);
    return w.text();
}

std::string all_reminders_to_ics(const AllReminders& all, const IcsOptions& options) {
    IcsWriter w(options);
    w.casework(all.casework);
    for (const AuditReminder& r : all.audits) {
        Task t;
        t.uid = uid_of("audit", r.programme, r.due.iso());
        t.summary = detail::sanitize_utf8("Audit due: " + r.programme);
        t.description = detail::sanitize_utf8("The " + r.type + " audit programme \"" + r.programme +
                                              "\" is due on " + r.due.iso() + " (owner " + r.owner + ").");
        t.due = r.due;
        t.categories = {"Audit", category(r.owner)};
        t.overdue = r.overdue;
        w.task(t);
    }
    for (const SupervisionReminder& r : all.supervisions) {
        Task t;
        t.uid = uid_of("supervision", r.person, r.due.iso());
        t.summary = detail::sanitize_utf8("Supervision due: " + r.person);
        t.description = detail::sanitize_utf8("The next supervision of " + r.person + " is due on " + r.due.iso() +
                                              (r.supervisor.empty() ? " (no line manager)."
                                                                    : " (supervisor " + r.supervisor + ")."));
        t.due = r.due;
        t.categories = {category(r.team), category(r.supervisor)};
        t.overdue = r.state == ReminderState::overdue;
        w.task(t);
    }
    for (const InspectionReminder& r : all.inspections) {
        Task t;
        t.uid = uid_of("inspection", std::to_string(r.plan_id) + " " + r.clock_id, r.due.iso());
        t.summary = detail::sanitize_utf8(r.clock + ": " + r.plan);
        t.description = detail::sanitize_utf8("The " + r.clock.substr(0, r.clock.size() - 4) + " of \"" + r.plan +
                                              "\" is due to Ofsted on " + r.due.iso() + " (" + r.rule + ")" +
                                              (r.owner.empty() ? "." : "; owner " + r.owner + "."));
        t.due = r.due;
        t.categories = {"Inspection", category(r.owner)};
        t.overdue = r.overdue;
        w.task(t);
    }
    return w.text();
}

}  // namespace oversight
