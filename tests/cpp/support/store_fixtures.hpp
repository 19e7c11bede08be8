// Helpers shared by the C++ tests of stores (not a test file: no .cpp): a
// temporary store location, the status of a failing call, and a snapshot of
// everything a store shows through the public API.
#pragma once

#include <oversight/casework/case.hpp>
#include <oversight/casework/child.hpp>
#include <oversight/casework/event.hpp>
#include <oversight/casework/exemption.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/plan/plan_store.hpp>
#include <oversight/reminders/acknowledgement.hpp>
#include <oversight/store/store.hpp>
#include <oversight/workforce/appointment.hpp>
#include <oversight/workforce/person.hpp>
#include <oversight/workforce/team.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace oversight {

/// For BOOST_TEST(status == Status::...): prints the status's name.
inline std::ostream& operator<<(std::ostream& out, Status s) { return out << status_name(s); }

namespace test {

/// A store file in the temporary folder, removed (with its -wal and -shm)
/// before and after.
struct TempStore {
    std::string path;
    explicit TempStore(const std::string& name)
        : path((std::filesystem::temp_directory_path() /
                ("oversight_" + name + "_" + std::to_string(::getpid()) + ".db"))
                   .string()) {
        clean();
    }
    ~TempStore() { clean(); }
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;
    void clean() const {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
    }
    bool exists() const { return std::filesystem::exists(path); }
};

/// The status f() fails with (Status::ok when it does not), and its message.
inline Status code_of(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (message) *message = e.what();
        return e.code();
    }
    return Status::ok;
}

/// Whether `list` holds `value`.
template <class T>
bool contains(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

/// Everything the store shows through the public API as of `as_of`: plans,
/// people with their appointments, teams, workers, cases, the given
/// acknowledgements and (unless `with_history` is false) the history. Two
/// equal snapshots: nothing changed.
inline std::string snapshot(const Store& store, Date as_of, const std::vector<ObligationKey>& acks = {},
                            bool with_history = true) {
    std::ostringstream out;
    for (const PlanSummary& p : list_plans(store))
        out << "plan " << p.id << " " << plan_to_json(load_plan(store, p.id)) << "\n";
    for (const Person& p : list_people(store)) {
        out << "person " << p.id << "|" << p.name << "|" << p.job_title << "|" << p.email << "|" << p.agency << "\n";
        for (const Appointment& a : appointments(store, p.name))
            out << "  appointment " << a.id << "|" << to_string(a.role) << "|" << a.team << "|" << a.line_manager
                << "|" << (a.from ? a.from->iso() : "-") << "|" << (a.until ? a.until->iso() : "-") << "\n";
    }
    for (const Team& t : list_teams(store))
        out << "team " << t.name << "|" << t.manager << "|" << t.email << "|" << t.external_id.value_or("-") << "\n";
    for (const Worker& w : list_workers(store))
        out << "worker " << w.name << "|" << w.team << "|" << w.email << "|" << to_string(w.role) << "\n";
    for (const CaseSummary& c : list_cases(store, {}, as_of)) {
        const Child child = *try_find_child(store, c.child_id);
        const auto& born = child.date_of_birth;
        out << "case " << c.child_id << "|" << (born ? born->iso() : "-") << "|" << child.external_id.value_or("-")
            << "|" << c.worker << "|" << c.team << "|" << (c.allocated_from ? c.allocated_from->iso() : "-") << "|"
            << c.events << " " << case_to_json(load_case(store, c.child_id, as_of)) << "\n";
        for (const Allocation& a : allocations(store, c.child_id))
            out << "  allocation " << a.id << "|" << a.worker << "|" << a.from.iso() << "|"
                << (a.until ? a.until->iso() : "-") << "|" << a.external_id.value_or("-") << "\n";
        for (const CaseAttribute& a : list_attributes(store, c.child_id))
            out << "  attribute " << a.key << "|" << a.value << "|" << a.effective_from.iso() << "|"
                << a.external_id.value_or("-") << "\n";
        for (const RecordedEvent& e : list_events(store, c.child_id))
            out << "  event " << e.id << "|" << e.event.type << "|" << e.event.date.iso() << "|"
                << e.event.external_id.value_or("-") << "|" << e.recorded_by << "|" << e.recorded_at << "|"
                << e.source << "\n";
        for (const Exemption& x : exemptions(store, c.child_id)) {
            out << "  exemption " << x.id << "|" << to_string(x.kind) << "|" << x.from.iso() << "|"
                << (x.to ? x.to->iso() : "-") << "|" << x.reason << "|" << x.approved_by << "|"
                << x.external_id.value_or("-");
            for (const std::string& a : x.areas) out << "|" << a;
            out << "\n";
        }
    }
    for (const ObligationKey& k : acks)
        if (auto a = find_acknowledgement(store, k))
            out << "ack " << k.text() << "|" << a->by << "|" << a->at << "|" << a->note << "\n";
    if (with_history)
        for (const Change& c : store.history())
            out << "history " << c.seq << "|" << c.at << "|" << c.actor << "|" << c.entity << "|" << c.entity_id << "|"
                << c.field << "|" << c.old_value.value_or("(null)") << "|" << c.new_value.value_or("(null)") << "\n";
    return out.str();
}

}  // namespace test
}  // namespace oversight
