// supervision_record_from_json: a supervision record as the C API and the
// CLI's `supervision add --json` take it, then stored in a store in memory
// with a supervisee, a supervisor and a child, and reported on.
#include "fuzz.hpp"

#include <cstddef>

using namespace oversight;

namespace {

Store& store() {
    static Store s = [] {
        Store st = Store::open_in_memory();
        add_person(st, {0, "Ann Lee", "", "", ""});
        add_person(st, {0, "Bo Reed", "", "", ""});
        appoint(st, {0, "Ann Lee", Role::newly_qualified_social_worker, "", "Bo Reed", Date::from_ymd(2025, 3, 17),
                     std::nullopt});
        save_child(st, {"C1", Date::from_ymd(2015, 5, 1)});
        return st;
    }();
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    SupervisionRecord r;
    try {
        r = supervision_record_from_json(fuzz::text_of(data, size));
    } catch (const Error& e) {
        fuzz::check(e.code() == Status::parse, "a bad record is a parse error", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
        return 0;
    }
    fuzz::check(r.minutes >= 0 && r.minutes <= 1440, "minutes in 0..1440");
    fuzz::check(fuzz::in_range(r.held), "the held date is a date");
    try {
        const std::int64_t id = record_supervision(store(), r);
        fuzz::check(id > 0, "a stored record has an id");
        const auto kept = list_supervisions(store(), r.held, r.held);
        bool found = false;
        for (const SupervisionRecord& k : kept) found = found || k.id == id;
        fuzz::check(found, "a stored record is listed on its day");
    } catch (const Error& e) {
        fuzz::check(e.code() != Status::internal, "a refusal is never internal", e.what());
        fuzz::check(fuzz::is_utf8(e.what()), "the message is UTF-8", e.what());
    }
    const std::string text = supervision_report_to_text(supervision_report(store(), Date::from_ymd(2026, 1, 5)));
    fuzz::check(fuzz::is_utf8(text), "the report is UTF-8", text);
    return 0;
}
