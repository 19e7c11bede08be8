// Supervision standards as data: how often a worker in each role must be
// supervised, by tenure in the role, and the quality criteria a supervision
// record evidences; read from TOML in layers like the rule packs (the
// default England standard is compiled in from data/supervision/england.toml,
// a council's local file is layered on top and its values replace the
// default's), each value with its source.
//
// The TOML format:
//   name = "england"            # required: the layer's name
//   version = "2026.1"          # optional
//   description = "..."         # optional
//   non_working_due = "next_working_day"   # or "previous_working_day", "as_counted"
//   due_soon_days = 7           # the due-soon window, calendar days (0..366)
//   disable = ["criterion id"]  # a local layer removes criteria of the layers below
//   [[frequency]]               # one per role (a local one replaces the role's default)
//   roles = ["social_worker", "senior_practitioner"]   # role names (workforce/role.hpp)
//   every = "4 weeks"           # or, by tenure in the role:
//   phases = [{ until = "6 weeks", every = "1 week" }, { every = "1 month" }]
//   supervisor_roles = [...]    # optional: who may supervise (e.g. a qualified practice supervisor)
//   source = "..."; status = "confirmed" | "secondary" | "unconfirmed" | "local"; note = "..."
//   [[criterion]]
//   id = "actions_tracked"; title = "..."; source = "..."; note = "..."
// Reading is strict: an unknown key, a wrong type, a duration that is not
// calendar days, weeks or months, a role named twice: Error(parse) naming
// the layer, the line and the field.
//
// How an interval is counted (the choice is the default file's, explained
// there): the next session is due `every` after the previous one (or after
// the start of the role when none was held), counted in calendar days,
// weeks or months from the day of the session (day 0): "weekly" means within
// 7 calendar days. A due date on a day that is not a working day (a weekend,
// a bank holiday, a closure of the calendar given) moves to the next working
// day (non_working_due). When the standard changes before the next session
// falls due (a new phase of tenure, a new role), the interval of the new
// standard applies from the day it changes: the due date becomes the later
// of (previous session + new interval) and the day of the change.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <oversight/calendar/calendar.hpp>
#include <oversight/calendar/duration.hpp>
#include <oversight/core/date.hpp>
#include <oversight/workforce/role.hpp>

namespace oversight {

/// One phase of a frequency: from `from` (tenure in the role; 0 days: the
/// start) until `until` (nullopt: open-ended), a session at least `every`.
struct SupervisionPhase {
    Duration from{0, Unit::calendar_days};
    std::optional<Duration> until;
    Duration every{4, Unit::weeks};
};
bool operator==(const SupervisionPhase& a, const SupervisionPhase& b);

struct SupervisionFrequency {
    std::vector<Role> roles;
    std::vector<SupervisionPhase> phases;  // in tenure order; the last open-ended
    std::vector<Role> supervisor_roles;    // empty: anyone may supervise
    std::string source;
    std::string status;                    // "confirmed", "secondary", "unconfirmed", "local"
    std::string note;
    std::string layer;                     // the layer it came from
};

struct SupervisionCriterion {
    std::string id;
    std::string title;
    std::string source;
    std::string note;
    std::string layer;
};

enum class NonWorkingDue { next_working_day, previous_working_day, as_counted };
std::string_view to_string(NonWorkingDue rule) noexcept;  // "next_working_day", ...

class SupervisionStandard {
public:
    /// The compiled-in England standard (data/supervision/england.toml).
    static const SupervisionStandard& england_default();
    /// A standard from TOML text; `layer` names it in messages
    /// ("<layer>:<line>: frequency #2: field 'every': ..."). Error(parse).
    static SupervisionStandard from_toml(std::string_view toml, std::string layer);
    /// Reads a file (Error(io) when it cannot be read) and parses it.
    static SupervisionStandard from_file(const std::string& path);
    /// This standard with `local` on top: a role's frequency from `local`
    /// replaces this one's, a criterion with the same id replaces it, new
    /// criteria are added, `disable` removes; the counting keys `local` sets
    /// replace these.
    SupervisionStandard layered(const SupervisionStandard& local) const;

    const std::string& name() const noexcept { return name_; }
    const std::string& version() const noexcept { return version_; }
    const std::vector<SupervisionFrequency>& frequencies() const noexcept { return frequencies_; }
    const std::vector<SupervisionCriterion>& criteria() const noexcept { return criteria_; }
    NonWorkingDue non_working_due() const noexcept { return non_working_due_; }
    int due_soon_days() const noexcept { return due_soon_days_; }

    /// The frequency for a role, or nullptr when the role needs none.
    const SupervisionFrequency* frequency_for(Role role) const noexcept;
    /// The phase that applies after `tenure_start` on `day` (nullptr: none).
    const SupervisionPhase* phase_on(Role role, Date tenure_start, Date day) const;
    /// The criterion with that id, or nullptr.
    const SupervisionCriterion* criterion(std::string_view id) const noexcept;
    /// The day a due date counted to `day` falls on (non_working_due).
    Date due_on(Date day, const Calendar& calendar) const;

private:
    std::string name_, version_, description_;
    std::vector<SupervisionFrequency> frequencies_;
    std::vector<SupervisionCriterion> criteria_;
    std::vector<std::string> disable_;
    NonWorkingDue non_working_due_ = NonWorkingDue::next_working_day;
    int due_soon_days_ = 7;
    bool sets_non_working_due_ = false, sets_due_soon_ = false;
};

/// {"format":"oversight-supervision-standard","version":1,"name",
///  "standard_version","non_working_due","due_soon_days","frequencies":[{
///  "roles":[..],"phases":[{"from","until","every"}],"supervisor_roles":[..],
///  "source","status","note","layer"}],"criteria":[{"id","title","source",
///  "note","layer"}]} (schema: oversight-supervision-standard).
std::string standard_to_json(const SupervisionStandard& standard);

}  // namespace oversight
