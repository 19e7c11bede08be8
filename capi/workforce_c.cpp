// <oversight/c/workforce.h>: translation only (lib/workforce/, and the people
// directory kept with the plans in lib/plan/plan_store.cpp).
#include "capi_util.hpp"

#include <oversight/plan/plan_store.hpp>
#include <oversight/workforce/people_json.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

using namespace oversight;
using namespace oversight::capi;

namespace {

const oversight_workforce_team kTeamDefaults = OVERSIGHT_WORKFORCE_TEAM_INIT;
const oversight_workforce_worker kWorkerDefaults = OVERSIGHT_WORKFORCE_WORKER_INIT;
const oversight_workforce_person kPersonDefaults = OVERSIGHT_WORKFORCE_PERSON_INIT;

}  // namespace

extern "C" {

oversight_status oversight_workforce_team_init(oversight_workforce_team* opts, uint32_t version) noexcept {
    return init_struct(opts, version, OVERSIGHT_WORKFORCE_TEAM_VERSION, kTeamDefaults, "oversight_workforce_team");
}

oversight_status oversight_workforce_save_team(oversight_store* store, const oversight_workforce_team* team) noexcept {
    return guard([&] {
        Store& s = store_of(store);
        const auto& c = need_struct(team, OVERSIGHT_WORKFORCE_TEAM_VERSION, "team", "oversight_workforce_team");
        // TODO(lead, workforce): the unified workforce model's team call.
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
        // TODO(lead, workforce): the unified workforce model's worker call.
        save_worker(s, {text_arg(c.name, "name"), text_arg(c.team, "team"), opt_text_arg(c.email, "email").value_or("")});
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
            // TODO(lead, workforce): Person::role becomes Person::job_title.
            p.role = opt_text_arg(c.job_title, "job_title").value_or("");
            p.email = opt_text_arg(c.email, "email").value_or("");
            p.team = opt_text_arg(c.team, "team").value_or("");
            *out_id = add_person(s, p);
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

oversight_status oversight_workforce_people_json(const oversight_store* store, char** out) noexcept {
    return guard(
        [&] {
            need(out, "out");
            return give(out, people_to_json(list_people(store_of(store))));
        },
        out);
}

}  // extern "C"
