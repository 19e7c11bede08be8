// The workforce repository on SQLite: tables people, teams, appointments
// (and the allocations a merged person's cases move with).
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "workforce/workforce_repository.hpp"

namespace oversight::detail::sqlite {
namespace {

const std::string kPersonSelect = "SELECT id, name, job_title, email, agency FROM people";

Person person_at(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getString()};
}

const std::string kAppointmentSelect =
    "SELECT a.id, p.name, a.role, t.name, m.name, a.from_date, a.to_date FROM appointments a "
    "JOIN people p ON p.id = a.person_id LEFT JOIN teams t ON t.id = a.team_id "
    "LEFT JOIN people m ON m.id = a.line_manager_id";

Appointment appointment_at(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),
            q.getColumn(1).getString(),
            parse_role(q.getColumn(2).getString()),
            opt_text(q.getColumn(3)).value_or(""),
            opt_text(q.getColumn(4)).value_or(""),
            opt_date(q.getColumn(5)),
            opt_date(q.getColumn(6))};
}

/// "Ann Lee: team_manager in Team A under Mo Khan from 2024-01-01 until
/// 2025-01-01": what the history keeps of a created or removed appointment.
std::string summary(const Appointment& a) {
    std::string s = a.person + ": " + std::string(to_string(a.role));
    if (!a.team.empty()) s += " in " + a.team;
    if (!a.line_manager.empty()) s += " under " + a.line_manager;
    if (a.from) s += " from " + a.from->iso();
    if (a.until) s += " until " + a.until->iso();
    return s;
}

Team team_at(SQLite::Statement& q) {
    return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            opt_text(q.getColumn(3))};
}

class SqliteWorkforceRepository final : public WorkforceRepository {
public:
    explicit SqliteWorkforceRepository(Connection& c) : c_(c) {}

    std::optional<Person> find_person(std::string_view name) const override {
        return guarded(c_, "finding a person", [&]() -> std::optional<Person> {
            Query q = query(c_, kPersonSelect + " WHERE name = ?1", {value(name)});  // NOCASE column
            if (!q.executeStep()) return std::nullopt;
            return person_at(q);
        });
    }

    std::vector<Person> people() const override {
        return guarded(c_, "listing people", [&] {
            Query q = query(c_, kPersonSelect + " ORDER BY name, id");
            std::vector<Person> out;
            while (q.executeStep()) out.push_back(person_at(q));
            return out;
        });
    }

    std::int64_t add_person(const Person& p) override {
        return write(c_, "adding a person", [&] {
            return insert_row(c_, "people", "person",
                              {{"name", p.name}, {"job_title", p.job_title}, {"email", p.email}, {"agency", p.agency}},
                              p.name);
        });
    }

    void update_person(const Person& p) override {
        write(c_, "changing a person", [&] {
            update_row(c_, "people", "person", p.id,
                       {{"name", "name", p.name},
                        {"job_title", "job_title", p.job_title},
                        {"email", "email", p.email},
                        {"agency", "agency", p.agency}});
        });
    }

    void remove_person(std::int64_t id) override {
        write(c_, "removing a person", [&] {
            Query q = query(c_, "SELECT name FROM people WHERE id = ?1", {id});
            if (!q.executeStep()) throw Error(Status::not_found, "person " + std::to_string(id) + " not found");
            delete_row(c_, "people", "person", id, q.getColumn(0).getString());
        });
    }

    void repoint_person(std::int64_t from, std::int64_t into) override {
        write(c_, "moving a person's records", [&] {
            const struct {
                const char* table;
                const char* entity;
                const char* column;
                const char* field;
            } kReferences[] = {{"allocations", "allocation", "worker_id", "worker"},
                               {"appointments", "appointment", "person_id", "person"},
                               {"appointments", "appointment", "line_manager_id", "line_manager"},
                               {"attendance", "attendance", "person_id", "person"},
                               {"audit_programmes", "audit_programme", "owner_id", "owner"},
                               {"audit_recommendations", "audit_recommendation", "owner_id", "owner"},
                               {"supervisions", "supervision", "supervisee_id", "supervisee"},
                               {"supervisions", "supervision", "supervisor_id", "supervisor"},
                               {"supervision_actions", "supervision_action", "owner_id", "owner"}};
            for (const auto& r : kReferences) {
                Query q =
                    query(c_, std::string("SELECT id FROM ") + r.table + " WHERE " + r.column + " = ?1", {from});
                std::vector<std::int64_t> ids;
                while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
                for (std::int64_t id : ids) update_row(c_, r.table, r.entity, id, {{r.column, r.field, into, "people"}});
            }
        });
    }

    std::optional<Team> find_team(std::string_view name) const override {
        return guarded(c_, "finding a team", [&] { return team_where("name", name); });
    }

    std::optional<Team> find_team_by_external_id(std::string_view external_id) const override {
        return guarded(c_, "finding a team", [&] { return team_where("external_id", external_id); });
    }

    std::vector<Team> teams() const override {
        return guarded(c_, "listing teams", [&] {
            Query q = query(c_, "SELECT name, manager, email, external_id FROM teams ORDER BY name");
            std::vector<Team> out;
            while (q.executeStep()) out.push_back(team_at(q));
            return out;
        });
    }

    void add_team(const Team& t) override {
        write(c_, "adding team '" + t.name + "'", [&] {
            std::int64_t id = insert_row(
                c_, "teams", "team",
                {{"name", t.name}, {"manager", t.manager}, {"email", t.email}, {"external_id", value(t.external_id)}},
                t.name);
            if (!t.manager.empty()) record_change(c_, "team", id, "manager", std::nullopt, t.manager);
            if (!t.email.empty()) record_change(c_, "team", id, "email", std::nullopt, t.email);
            if (t.external_id) record_change(c_, "team", id, "external_id", std::nullopt, *t.external_id);
        });
    }

    void update_team(std::string_view name, const Team& t) override {
        write(c_, "changing team '" + std::string(name) + "'", [&] {
            update_row(c_, "teams", "team", id_of("teams", "team", name),
                       {{"name", "name", t.name},
                        {"manager", "manager", t.manager},
                        {"email", "email", t.email},
                        {"external_id", "external_id", value(t.external_id)}});
        });
    }

    std::vector<Appointment> appointments(std::string_view person) const override {
        return guarded(c_, "listing appointments", [&] {
            return appointment_list(" WHERE p.name = ?1 ORDER BY a.from_date, a.to_date IS NULL, a.id", person);
        });
    }

    std::vector<Appointment> managed_by(std::string_view manager) const override {
        return guarded(c_, "listing line reports", [&] {
            return appointment_list(" WHERE m.name = ?1 ORDER BY p.name, a.from_date, a.to_date IS NULL, a.id", manager);
        });
    }

    std::vector<Worker> workers() const override {
        return guarded(c_, "listing workers", [&] {
            Query q = query(c_,
                                        "SELECT p.name, t.name, p.email, a.role FROM appointments a "
                                        "JOIN people p ON p.id = a.person_id JOIN teams t ON t.id = a.team_id "
                                        "WHERE a.to_date IS NULL ORDER BY p.name, p.id");
            std::vector<Worker> out;
            while (q.executeStep())
                out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                               parse_role(q.getColumn(3).getString())});
            return out;
        });
    }

    std::int64_t add_appointment(const Appointment& a) override {
        return write(c_, "appointing " + a.person, [&] {
            return insert_row(c_, "appointments", "appointment",
                              {{"person_id", id_of("people", "person", a.person)},
                               {"role", value(to_string(a.role))},
                               {"team_id", optional_id("teams", "team", a.team)},
                               {"line_manager_id", optional_id("people", "person", a.line_manager)},
                               {"from_date", value(a.from)},
                               {"to_date", value(a.until)}},
                              summary(a));
        });
    }

    void update_appointment(const Appointment& a) override {
        write(c_, "changing an appointment of " + a.person, [&] {
            update_row(c_, "appointments", "appointment", a.id,
                       {{"role", "role", value(to_string(a.role))},
                        {"team_id", "team", optional_id("teams", "team", a.team), "teams"},
                        {"line_manager_id", "line_manager", optional_id("people", "person", a.line_manager), "people"},
                        {"from_date", "from", value(a.from)},
                        {"to_date", "until", value(a.until)}});
        });
    }

    void remove_appointment(std::int64_t id) override {
        write(c_, "removing an appointment", [&] {
            Query q = query(c_, kAppointmentSelect + " WHERE a.id = ?1", {id});
            if (!q.executeStep())
                throw Error(Status::not_found, "appointment " + std::to_string(id) + " not found");
            delete_row(c_, "appointments", "appointment", id, summary(appointment_at(q)));
        });
    }

private:
    std::optional<Team> team_where(const char* column, std::string_view v) const {
        Query q = query(
            c_, std::string("SELECT name, manager, email, external_id FROM teams WHERE ") + column + " = ?1", {value(v)});
        if (!q.executeStep()) return std::nullopt;
        return team_at(q);
    }


    std::vector<Appointment> appointment_list(const std::string& where, std::string_view name) const {
        Query q = query(c_, kAppointmentSelect + where, {value(name)});
        std::vector<Appointment> out;
        while (q.executeStep()) out.push_back(appointment_at(q));
        return out;
    }

    /// The id of the person or team called `name`; Error(not_found) naming it.
    std::int64_t id_of(const char* table, const char* what, std::string_view name) const {
        auto id = query_id(c_, std::string("SELECT id FROM ") + table + " WHERE name = ?1", {value(name)});
        if (!id) throw Error(Status::not_found, std::string("no ") + what + " named '" + std::string(name) + "'");
        return *id;
    }

    /// id_of, or NULL for an empty name.
    Value optional_id(const char* table, const char* what, std::string_view name) const {
        if (name.empty()) return {};
        return id_of(table, what, name);
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<WorkforceRepository> make_workforce_repository(Connection& c) {
    return std::make_unique<SqliteWorkforceRepository>(c);
}

}  // namespace oversight::detail::sqlite
