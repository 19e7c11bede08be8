// Meeting attendance: the lists of people invited to a meeting event and the
// attendance reports (casework/attendance.hpp).
#include <oversight/casework/attendance.hpp>

#include <oversight/casework/event.hpp>
#include <oversight/core/error.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>

#include "casework/attendance_repository.hpp"
#include "casework/casework_repository.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace oversight {

bool operator==(const Invitee& a, const Invitee& b) {
    return a.person == b.person && a.agency == b.agency && a.role == b.role && a.invited == b.invited &&
           a.attended == b.attended && a.apologies == b.apologies && a.deputy == b.deputy;
}

std::optional<double> AttendanceTally::rate() const {
    if (invited == 0) return std::nullopt;
    return static_cast<double>(attended) / invited;
}

namespace {

using ojson = nlohmann::ordered_json;

std::string event_name(std::int64_t id) { return "event " + std::to_string(id); }

[[noreturn]] void no_event(std::int64_t id) { throw Error(Status::not_found, event_name(id) + " not found"); }

/// The list as stored: names as in the directory, agencies resolved, each
/// person once, flags consistent.
std::vector<Invitee> checked_list(const Store& store, std::int64_t event_id, const std::vector<Invitee>& given) {
    std::vector<Invitee> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < given.size(); ++i) {
        const Invitee& in = given[i];
        const std::string where = event_name(event_id) + " invitee " + std::to_string(i + 1);
        const std::string name = detail::checked_name(in.person, (where + " person").c_str(), detail::kMaxNameBytes);
        const auto person = try_find_person(store, name);
        if (!person) throw Error(Status::not_found, where + ": no person " + detail::in_quotes(name) +
                                                         " in the directory (add them with their agency first)");
        if (!seen.insert(detail::lower(person->name)).second)
            throw Error(Status::invalid_arg, where + ": " + detail::in_quotes(person->name) + " is listed twice");
        Invitee v;
        v.person = person->name;
        const std::string agency =
            detail::checked_name(in.agency, (where + " agency").c_str(), detail::kMaxNameBytes, true);
        v.agency = detail::trim(agency).empty() ? person->agency : std::string(detail::trim(agency));
        v.role = std::string(
            detail::trim(detail::checked_name(in.role, (where + " role").c_str(), detail::kMaxNameBytes, true)));
        v.invited = in.invited;
        v.attended = in.attended;
        v.apologies = in.apologies;
        if (in.deputy) v.deputy = detail::checked_name(*in.deputy, (where + " deputy").c_str(), detail::kMaxNameBytes);
        if (v.attended && v.apologies)
            throw Error(Status::invalid_arg, where + ": " + detail::in_quotes(v.person) +
                                                 " cannot both have attended and sent apologies");
        if (v.attended && v.deputy)
            throw Error(Status::invalid_arg, where + ": " + detail::in_quotes(v.person) +
                                                 " cannot both have attended and sent a deputy");
        out.push_back(std::move(v));
    }
    return out;
}

void check_period(const AttendancePeriod& p) {
    if (p.to < p.from)
        throw Error(Status::invalid_arg, "attendance period: " + p.to.iso() + " is before " + p.from.iso());
    if (!p.event_type.empty()) detail::checked_name(p.event_type, "attendance period event type", detail::kMaxIdBytes);
}

void count(AttendanceTally& t, const Invitee& i) {
    if (!i.invited) return;
    ++t.invited;
    if (i.attended) ++t.attended;
    else if (i.deputy) ++t.deputies;
    else if (i.apologies) ++t.apologies;
}

ojson rate_json(const AttendanceTally& t) {
    if (auto r = t.rate()) return *r;
    return nullptr;
}

std::string rate_text(const AttendanceTally& t) {
    if (auto r = t.rate()) {
        std::ostringstream s;
        s.precision(4);
        s << std::fixed << *r;
        return s.str();
    }
    return "";
}

std::string dump(const ojson& doc) { return doc.dump(-1, ' ', false, ojson::error_handler_t::replace); }

}  // namespace

int set_attendance(Store& store, std::int64_t event_id, const std::vector<Invitee>& invitees) {
    int changed = 0;
    detail::in_transaction(store, "recording attendance at " + event_name(event_id), [&] {
        if (!detail::casework_repository(store).find_event(event_id)) no_event(event_id);
        changed = detail::attendance_repository(store).replace(event_id, checked_list(store, event_id, invitees));
    });
    return changed;
}

std::vector<Invitee> attendance(const Store& store, std::int64_t event_id) {
    if (!detail::casework_repository(store).find_event(event_id)) no_event(event_id);
    return detail::attendance_repository(store).invitees(event_id);
}

AttendanceReport attendance_report(const Store& store, const AttendancePeriod& period) {
    check_period(period);
    AttendanceReport r;
    r.period = period;
    std::map<std::string, AttendanceTally> agencies, people;
    std::set<std::int64_t> meetings;
    for (const detail::AttendanceRow& row :
         detail::attendance_repository(store).rows(period.from, period.to, period.event_type)) {
        meetings.insert(row.event_id);
        AttendanceTally& a = agencies[row.invitee.agency];
        a.key = a.agency = row.invitee.agency;
        count(a, row.invitee);
        AttendanceTally& p = people[row.invitee.person];
        p.key = row.invitee.person;
        p.agency = row.invitee.agency;  // the agency of the latest invitation in the period
        count(p, row.invitee);
    }
    r.meetings = static_cast<int>(meetings.size());
    for (auto& [k, t] : agencies) r.by_agency.push_back(t);
    for (auto& [k, t] : people) r.by_person.push_back(t);
    return r;
}

std::vector<NonAttendance> non_attendance(const Store& store, AttendancePeriod period, bool partner_agencies_only) {
    if (period.event_type.empty()) period.event_type = "core_group";
    check_period(period);
    std::vector<NonAttendance> out;
    for (const detail::AttendanceRow& row :
         detail::attendance_repository(store).rows(period.from, period.to, period.event_type)) {
        const Invitee& i = row.invitee;
        if (!i.invited || i.attended) continue;
        if (partner_agencies_only && i.agency.empty()) continue;
        NonAttendance n;
        n.person = i.person;
        n.agency = i.agency;
        n.role = i.role;
        n.event_id = row.event_id;
        n.event_type = row.event_type;
        n.meeting_date = row.date;
        n.child_id = row.child_id;
        n.apologies = i.apologies;
        n.deputy = i.deputy;
        if (auto a = appointment_on(store, i.person, row.date); a && !a->line_manager.empty())
            n.line_manager = a->line_manager;
        out.push_back(std::move(n));
    }
    return out;
}

std::string attendance_to_json(const AttendanceReport& r) {
    auto tally = [](const AttendanceTally& t, bool person) {
        ojson o = ojson::object();
        if (person) o["person"] = t.key;
        o["agency"] = t.agency;
        o["invited"] = t.invited;
        o["attended"] = t.attended;
        o["apologies"] = t.apologies;
        o["deputies"] = t.deputies;
        o["rate"] = rate_json(t);
        return o;
    };
    ojson doc = {{"format", "oversight-attendance"},
                 {"version", 1},
                 {"from", r.period.from.iso()},
                 {"to", r.period.to.iso()},
                 {"event_type", r.period.event_type},
                 {"meetings", r.meetings},
                 {"by_agency", ojson::array()},
                 {"by_person", ojson::array()}};
    for (const auto& t : r.by_agency) doc["by_agency"].push_back(tally(t, false));
    for (const auto& t : r.by_person) doc["by_person"].push_back(tally(t, true));
    return dump(doc);
}

std::string attendance_to_csv(const AttendanceReport& r) {
    std::ostringstream out;
    detail::csv_row(out, {"group", "name", "agency", "invited", "attended", "apologies", "deputies", "rate"});
    auto row = [&](const char* group, const AttendanceTally& t) {
        detail::csv_row(out, {group, t.key, t.agency, std::to_string(t.invited), std::to_string(t.attended),
                              std::to_string(t.apologies), std::to_string(t.deputies), rate_text(t)});
    };
    for (const auto& t : r.by_agency) row("agency", t);
    for (const auto& t : r.by_person) row("person", t);
    return out.str();
}

std::string non_attendance_to_json(const AttendancePeriod& period, const std::vector<NonAttendance>& rows) {
    ojson doc = {{"format", "oversight-non-attendance"},
                 {"version", 1},
                 {"from", period.from.iso()},
                 {"to", period.to.iso()},
                 {"event_type", period.event_type.empty() ? std::string("core_group") : period.event_type},
                 {"rows", ojson::array()}};
    for (const NonAttendance& n : rows)
        doc["rows"].push_back({{"person", n.person},
                               {"agency", n.agency},
                               {"role", n.role},
                               {"event_id", n.event_id},
                               {"event_type", n.event_type},
                               {"meeting_date", n.meeting_date.iso()},
                               {"child_id", n.child_id},
                               {"apologies", n.apologies},
                               {"deputy", n.deputy ? ojson(*n.deputy) : ojson()},
                               {"line_manager", n.line_manager ? *n.line_manager : std::string(kNoLineManager)}});
    return dump(doc);
}

std::string non_attendance_to_csv(const std::vector<NonAttendance>& rows) {
    std::ostringstream out;
    detail::csv_row(out, {"person", "agency", "role", "event_id", "event_type", "meeting_date", "child_id",
                          "apologies", "deputy", "line_manager"});
    for (const NonAttendance& n : rows)
        detail::csv_row(out, {n.person, n.agency, n.role, std::to_string(n.event_id), n.event_type,
                              n.meeting_date.iso(), n.child_id, n.apologies ? "true" : "false",
                              n.deputy.value_or(""), n.line_manager.value_or(kNoLineManager)});
    return out.str();
}

}  // namespace oversight
