// <oversight/c/workforce.h>: translation only (lib/workforce/).
#include "capi_util.hpp"

#include <oversight/plan/plan_store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

/// An optional name (workforce.h: "NULL: none; else a ..."): "" for NULL; a
/// name given must not be blank (NULL says "none"), else Error(invalid_arg).
std::string opt_name_arg(const char* s, const char* what) {
    std::string v = opt_text_arg(s, what).value_or("");
    if (s && v.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
        throw Error(Status::invalid_arg, std::string(what) + " is blank (NULL for none)");
    return v;
}

const oversight_workforce_team kTeamDefaults = OVERSIGHT_WORKFORCE_TEAM_INIT;
const oversight_workforce_worker kWorkerDefaults = OVERSIGHT_WORKFORCE_WORKER_INIT;
const oversight_workforce_person kPersonDefaults = OVERSIGHT_WORKFORCE_PERSON_INIT;
const oversight_workforce_appointment kAppointmentDefaults = OVERSIGHT_WORKFORCE_APPOINTMENT_INIT;

Role role_arg(const char* text, const char* what) { return parse_role(text_arg(text, what)); }

}  // namespace

extern "C" {

oversight_status oversight_workforce_team_init(oversight_workforce_team* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_WORKFORCE_TEAM_VERSION, kTeamDefaults, "oversight_workforce_team");
}

oversight_status oversight_workforce_save_team(oversight_store* store, const oversight_workforce_team* team) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto& c = need_struct(team, OVERSIGHT_WORKFORCE_TEAM_VERSION, "team", "oversight_workforce_team");
        save_team(s, {text_arg(c.name, "name"), opt_text_arg(c.manager, "manager").value_or(""),
                      opt_text_arg(c.email, "email").value_or("")});
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_workforce_worker_init(oversight_workforce_worker* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_WORKFORCE_WORKER_VERSION, kWorkerDefaults,
                       "oversight_workforce_worker");
}

oversight_status oversight_workforce_save_worker(oversight_store* store,
                                                 const oversight_workforce_worker* worker) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto& c =
            need_struct(worker, OVERSIGHT_WORKFORCE_WORKER_VERSION, "worker", "oversight_workforce_worker");
        Worker w{text_arg(c.name, "name"), text_arg(c.team, "team"), opt_text_arg(c.email, "email").value_or("")};
        if (c.role) w.role = role_arg(c.role, "role");
        save_worker(s, w);
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_workforce_person_init(oversight_workforce_person* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_WORKFORCE_PERSON_VERSION, kPersonDefaults,
                       "oversight_workforce_person");
}

oversight_status oversight_workforce_add_person(oversight_store* store, const oversight_workforce_person* person,
                                                int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const auto& c =
                need_struct(person, OVERSIGHT_WORKFORCE_PERSON_VERSION, "person", "oversight_workforce_person");
            Person p;
            p.name = text_arg(c.name, "name");
            p.job_title = opt_text_arg(c.job_title, "job_title").value_or("");
            p.email = opt_text_arg(c.email, "email").value_or("");
            p.agency = opt_text_arg(c.agency, "agency").value_or("");
            *out_id = add_person(s, p, opt_text_arg(c.team, "team").value_or(""));
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_workforce_merge_people(oversight_store* store, const char* from, const char* into) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        merge_people(s, text_arg(from, "from"), text_arg(into, "into"));
        return OVERSIGHT_OK;
    });
}

oversight_status oversight_workforce_appointment_init(oversight_workforce_appointment* opts,
                                                     uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION, kAppointmentDefaults,
                       "oversight_workforce_appointment");
}

oversight_status oversight_workforce_appoint(oversight_store* store,
                                             const oversight_workforce_appointment* appointment,
                                             int64_t* out_id) noexcept {
    return guard(
        [&] {
            need(out_id, "out_id");
            Store& s = store_of(store);
            const auto& c = need_struct(appointment, OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION, "appointment",
                                        "oversight_workforce_appointment");
            Appointment a;
            a.person = text_arg(c.person, "person");
            a.role = role_arg(c.role, "role");
            a.team = opt_name_arg(c.team, "team");
            a.line_manager = opt_name_arg(c.line_manager, "line_manager");
            a.from = opt_date(c.from, "from");
            a.until = opt_date(c.until, "until");
            *out_id = appoint(s, a);
            return OVERSIGHT_OK;
        },
        out_id);
}

oversight_status oversight_workforce_people_json(const oversight_store* store, oversight_date as_of,
                                                 char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, people_to_json(store_of(store), to_date(as_of, "as_of")));
        },
        out);
}

}  // extern "C"
