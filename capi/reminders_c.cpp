// <oversight/c/reminders.h>: translation only (lib/reminders/).
#include "capi_util.hpp"

#include <oversight/calendar/duration.hpp>
#include <oversight/core/pseudonym.hpp>
#include <oversight/casework/case.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/reminders/digest.hpp>
#include <oversight/reminders/ics.hpp>
#include <oversight/reminders/reminder.hpp>
#include <oversight/reminders/reminder_changes.hpp>
#include <oversight/store/history.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_reminders_query kQueryDefaults = OVERSIGHT_REMINDERS_QUERY_INIT;
const oversight_reminders_ics_options kIcsDefaults = OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
const oversight_reminders_acknowledgement kAckDefaults = OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT;
const oversight_reminders_changes_query kChangesDefaults = OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT;

/// A query in C++ terms.
struct Query {
    const RulePack* pack;
    const Calendar* calendar;
    const SchoolCalendar* school;  // the calendar's school terms, if it has them
    Date as_of;
    Duration window;
    CaseFilter filter;
    std::optional<Pseudonymiser> pseudonym;
};

Query query_of(const oversight_reminders_query* q) {
    // A reference, never a copy: a version 1 struct ends before the fields of version 2.
    const oversight_reminders_query& c =
        q ? known_version(*q, OVERSIGHT_REMINDERS_QUERY_VERSION, "oversight_reminders_query") : kQueryDefaults;
    if (c.within_working_days < 0 || c.within_working_days > 3650)
        throw Error(Status::invalid_arg,
                    "within_working_days " + std::to_string(c.within_working_days) + " is outside 0..3650");
    Query out{&pack_or_default(c.rule_pack), &calendar_or_default(c.calendar), school_of(c.calendar),
              date_or_today(c.as_of, "as_of"),
              Duration{c.within_working_days, Unit::working_days}, {}, std::nullopt};
    out.filter.worker = opt_text_arg(c.worker, "worker");
    out.filter.team = opt_text_arg(c.team, "team");
    if (c.version >= 2 && c.pseudonym_key) {
        if (c.pseudonym_key_size > Pseudonymiser::max_key_size)
            throw Error(Status::invalid_arg, "pseudonym_key_size " + std::to_string(c.pseudonym_key_size) +
                                                 " is over " + std::to_string(Pseudonymiser::max_key_size));
        out.pseudonym.emplace(std::string(static_cast<const char*>(c.pseudonym_key), c.pseudonym_key_size));
    }
    return out;
}

std::vector<Reminder> select(const oversight_store* store, const Query& q,
                             std::vector<std::pair<std::string, std::string>>* not_counted = nullptr) {
    std::vector<Reminder> list =
        reminders(store_of(store), *q.pack, *q.calendar, q.as_of, q.window, q.filter, q.school, not_counted);
    if (q.pseudonym) pseudonymise(list, *q.pseudonym);
    return list;
}

}  // namespace

extern "C" {

oversight_status oversight_reminders_query_init(oversight_reminders_query* opts, uint32_t version) noexcept {
    // A version 1 caller's struct ends before pseudonym_key: write no further.
    return init_struct(opts, version, OVERSIGHT_REMINDERS_QUERY_VERSION, kQueryDefaults, "oversight_reminders_query",
                       version == 1 ? offsetof(oversight_reminders_query, pseudonym_key)
                                    : sizeof(oversight_reminders_query));
}

oversight_status oversight_reminders_json(const oversight_store* store, const oversight_reminders_query* query,
                                          char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Query q = query_of(query);
            std::vector<std::pair<std::string, std::string>> not_counted;
            std::vector<Reminder> list = select(store, q, &not_counted);
            return give(out, reminders_to_json(list, not_counted));
        },
        out);
}

oversight_status oversight_reminders_digest(const oversight_store* store, const oversight_reminders_query* query,
                                            char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const Query q = query_of(query);
            return give(out, digest(select(store, q), q.as_of, q.window, q.filter));
        },
        out);
}

oversight_status oversight_reminders_ics_options_init(oversight_reminders_ics_options* opts,
                                                      uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION, kIcsDefaults,
                       "oversight_reminders_ics_options");
}

oversight_status oversight_reminders_ics(const oversight_store* store, const oversight_reminders_query* query,
                                         const oversight_reminders_ics_options* ics, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const auto& c =
                struct_or(ics, kIcsDefaults, OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION, "oversight_reminders_ics_options");
            IcsOptions options;
            options.alarm_days = c.alarm_days;
            options.dtstamp = opt_text_arg(c.dtstamp, "dtstamp");
            return give(out, reminders_to_ics(select(store, query_of(query)), options));
        },
        out);
}

oversight_status oversight_reminders_acknowledgement_init(oversight_reminders_acknowledgement* opts,
                                                          uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION, kAckDefaults,
                       "oversight_reminders_acknowledgement");
}

oversight_status oversight_reminders_acknowledge(oversight_store* store,
                                                 const oversight_reminders_acknowledgement* acknowledgement) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto& c = need_struct(acknowledgement, OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION, "acknowledgement",
                                    "oversight_reminders_acknowledgement");
        const ObligationKey key{text_arg(c.child_id, "child_id"), text_arg(c.rule_id, "rule_id"),
                                to_date(c.due, "due")};
        acknowledge(s, pack_or_default(c.rule_pack), calendar_or_default(c.calendar), key, text_arg(c.by, "by"),
                    opt_text_arg(c.note, "note").value_or(""), school_of(c.calendar));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_reminders_changes_query_init(oversight_reminders_changes_query* opts,
                                                        uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION, kChangesDefaults,
                       "oversight_reminders_changes_query");
}

oversight_status oversight_reminders_changes_json(const oversight_store* store,
                                                  const oversight_reminders_changes_query* query,
                                                  char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            const auto& c = need_struct(query, OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION, "query",
                                        "oversight_reminders_changes_query");
            if ((c.from != nullptr) == (c.previous_json != nullptr))
                throw Error(Status::invalid_arg, "give exactly one of from (the date form) and previous_json "
                                                 "(the since form)");
            const Store& s = store_of(store);
            const Query q = query_of(c.reminders);
            if (q.pseudonym)
                throw Error(Status::invalid_arg, "reminders.pseudonym_key: the reminder feed keeps child ids (a "
                                                 "host raises and clears its own alerts with them)");
            // Read before the reminders: a write in between makes the
            // reminders newer than the sequence, never older.
            const std::int64_t latest = changes_since(s, 0, 1).latest;
            ReminderChanges changes =
                c.from ? reminder_changes(s, *q.pack, *q.calendar, to_date(*c.from, "from"), q.as_of, q.window,
                                          q.filter, q.school)
                       : reminder_changes_since(s, *q.pack, *q.calendar,
                                                read_reminder_list(text_arg(c.previous_json, "previous_json"),
                                                                   "previous_json"),
                                                q.as_of, q.window, q.filter, q.school);
            if (latest > 0) changes.sequence = latest;
            return give(out, reminder_changes_to_json(changes));
        },
        out);
}

}  // extern "C"
