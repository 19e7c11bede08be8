// The attendance repository on SQLite: table attendance (0008).
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "casework/attendance_repository.hpp"

#include <map>

namespace oversight::detail::sqlite {
namespace {

const char* const kRowColumns =
    "SELECT a.id, p.name, a.agency, a.role, a.invited, a.attended, a.apologies, a.deputy "
    "FROM attendance a JOIN people p ON p.id = a.person_id ";

Invitee invitee_from(Query& q, int first) {
    Invitee i;
    i.person = q.getColumn(first).getString();
    i.agency = q.getColumn(first + 1).getString();
    i.role = q.getColumn(first + 2).getString();
    i.invited = q.getColumn(first + 3).getInt() != 0;
    i.attended = q.getColumn(first + 4).getInt() != 0;
    i.apologies = q.getColumn(first + 5).getInt() != 0;
    i.deputy = opt_text(q.getColumn(first + 6));
    return i;
}

class SqliteAttendanceRepository final : public AttendanceRepository {
public:
    explicit SqliteAttendanceRepository(Connection& c) : c_(c) {}

    std::vector<Invitee> invitees(std::int64_t event_id) const override {
        return guarded(c_, "reading attendance", [&] {
            std::vector<Invitee> out;
            Query q = query(c_, std::string(kRowColumns) + "WHERE a.event_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id",
                            {event_id});
            while (q.executeStep()) out.push_back(invitee_from(q, 1));
            return out;
        });
    }

    int replace(std::int64_t event_id, const std::vector<Invitee>& list) override {
        return write(c_, "recording attendance", [&] {
            // The stored rows by person id.
            std::map<std::int64_t, std::int64_t> stored;  // person id -> row id
            {
                Query q = query(c_, "SELECT person_id, id FROM attendance WHERE event_id = ?1", {event_id});
                while (q.executeStep()) stored[q.getColumn(0).getInt64()] = q.getColumn(1).getInt64();
            }
            int changed = 0;
            std::map<std::int64_t, bool> kept;
            for (const Invitee& i : list) {
                auto person = query_id(c_, "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE", {i.person});
                if (!person) throw Error(Status::not_found, "no person " + i.person);
                kept[*person] = true;
                if (auto row = stored.find(*person); row != stored.end()) {
                    changed += update_row(c_, "attendance", "attendance", row->second,
                                          {{"agency", "agency", i.agency},
                                           {"role", "role", i.role},
                                           {"invited", "invited", value(i.invited)},
                                           {"attended", "attended", value(i.attended)},
                                           {"apologies", "apologies", value(i.apologies)},
                                           {"deputy", "deputy", value(i.deputy)}}) > 0;
                    continue;
                }
                insert_row(c_, "attendance", "attendance",
                           {{"event_id", event_id},
                            {"person_id", *person},
                            {"agency", i.agency},
                            {"role", i.role},
                            {"invited", value(i.invited)},
                            {"attended", value(i.attended)},
                            {"apologies", value(i.apologies)},
                            {"deputy", value(i.deputy)}},
                           summary(event_id, i));
                ++changed;
            }
            for (const auto& [person, row] : stored) {
                if (kept.count(person)) continue;
                delete_row(c_, "attendance", "attendance", row, "event " + std::to_string(event_id) + " person " +
                                                                    std::to_string(person));
                ++changed;
            }
            return changed;
        });
    }

    std::vector<AttendanceRow> rows(Date from, Date to, const std::string& event_type) const override {
        return guarded(c_, "reading attendance", [&] {
            std::string sql =
                "SELECT e.id, e.type, e.date, c.child_ref, p.name, a.agency, a.role, a.invited, a.attended, "
                "a.apologies, a.deputy FROM attendance a JOIN people p ON p.id = a.person_id "
                "JOIN events e ON e.id = a.event_id JOIN children c ON c.id = e.child_id "
                "WHERE e.date BETWEEN ?1 AND ?2";
            std::vector<Value> params = {value(from), value(to)};
            if (!event_type.empty()) {
                sql += " AND e.type = ?3";
                params.push_back(event_type);
            }
            sql += " ORDER BY p.name COLLATE NOCASE, e.date, e.id";
            std::vector<AttendanceRow> out;
            Query q = query(c_, sql, params);
            while (q.executeStep()) {
                AttendanceRow r;
                r.event_id = q.getColumn(0).getInt64();
                r.event_type = q.getColumn(1).getString();
                r.date = Date::parse_iso(q.getColumn(2).getString());
                r.child_id = q.getColumn(3).getString();
                r.invitee = invitee_from(q, 4);
                out.push_back(std::move(r));
            }
            return out;
        });
    }

private:
    /// The history's new value for an added row: who, as what, with which flags.
    static std::string summary(std::int64_t event_id, const Invitee& i) {
        std::string s = "event " + std::to_string(event_id) + ": " + i.person;
        if (!i.agency.empty()) s += " (" + i.agency + ")";
        s += i.invited ? ", invited" : ", not invited";
        if (i.attended) s += ", attended";
        if (i.apologies) s += ", apologies";
        if (i.deputy) s += ", deputy " + *i.deputy;
        return s;
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<AttendanceRepository> make_attendance_repository(Connection& c) {
    return std::make_unique<SqliteAttendanceRepository>(c);
}

}  // namespace oversight::detail::sqlite
