// read_reminder_list: the reminders a host passes back to the reminder feed
// (an oversight-reminders document, the CLI's bare array, or an
// oversight-reminder-changes document). What reminder_changes.hpp promises:
//   - an error is Error(parse) starting with the source name;
//   - every reminder read has a non-empty UTF-8 child and rule without NUL
//     bytes, a due date in 1400..9999, and worker, team and title in UTF-8;
//   - no key (child, rule, due) is read twice;
//   - the list written back as a reminders document reads back equal.
#include "fuzz.hpp"

#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace oversight;

namespace {

bool storable(const std::string& s) { return fuzz::is_utf8(s) && s.find('\0') == std::string::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    std::vector<ReminderSeen> list;
    try {
        list = read_reminder_list(text, "fuzz.json");
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a list that cannot be read is a parse error", e.what());
        // "fuzz.json: ..." or, for a fault of the text itself, "fuzz.json:LINE: ...".
        const std::string m = e.what();
        fuzz::check(m.rfind("fuzz.json: ", 0) == 0 ||
                        (m.rfind("fuzz.json:", 0) == 0 && m.size() > 10 && m[10] >= '0' && m[10] <= '9'),
                    "an error names the source", m);
        fuzz::check(fuzz::is_utf8(e.what()), "an error is UTF-8", e.what());
        return 0;
    }
    std::set<std::tuple<std::string, std::string, Date>> keys;
    std::vector<Reminder> back;
    for (const ReminderSeen& s : list) {
        fuzz::check(!s.child_id.empty() && storable(s.child_id), "a child id is non-empty UTF-8 without NUL");
        fuzz::check(!s.rule_id.empty() && storable(s.rule_id), "a rule id is non-empty UTF-8 without NUL");
        fuzz::check(storable(s.worker) && storable(s.team) && storable(s.title), "names are UTF-8 without NUL");
        fuzz::check(fuzz::in_range(s.due), "a due date is in 1400..9999", s.due.iso());
        fuzz::check(keys.emplace(s.child_id, s.rule_id, s.due).second, "no reminder is read twice");
        Reminder r;
        r.obligation.child_id = s.child_id;
        r.obligation.rule_id = s.rule_id;
        r.obligation.due = s.due;
        r.obligation.worker = s.worker;
        r.obligation.team = s.team;
        r.obligation.title = s.title;
        r.state = s.state;
        back.push_back(r);
    }
    fuzz::check(read_reminder_list(reminders_to_json(back), "again") == list, "the list reads back through a document");
    fuzz::check(read_reminder_list(reminders_to_json_array(back), "again") == list, "and through the bare array");
    return 0;
}
