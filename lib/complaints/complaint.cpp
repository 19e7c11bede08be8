// Complaints under RPR 2006: recording each stage, their due dates and the
// reports (complaints/complaint.hpp).
#include <oversight/complaints/complaint.hpp>

#include <oversight/casework/child.hpp>
#include <oversight/core/error.hpp>

#include "casework/casework_repository.hpp"
#include "complaints/complaint_repository.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <sstream>

namespace oversight {

namespace {

using ojson = nlohmann::ordered_json;

constexpr std::pair<std::string_view, ComplaintOutcome> kOutcomes[] = {
    {"upheld", ComplaintOutcome::upheld},
    {"partly_upheld", ComplaintOutcome::partly_upheld},
    {"not_upheld", ComplaintOutcome::not_upheld},
    {"withdrawn", ComplaintOutcome::withdrawn}};

/// Bounds for lessons and category text.
constexpr std::size_t kMaxLessonsBytes = 16384;

std::string ref_text(std::string_view reference) { return "complaint " + detail::in_quotes(reference); }

std::string checked_reference(std::string_view reference) {
    return detail::checked_name(reference, "complaint reference", detail::kMaxIdBytes);
}

void check_day(Date d, const std::string& what) {
    detail::check_date_range(d, what.c_str());
    if (Date::today() < d) throw Error(Status::invalid_arg, what + " " + d.iso() + " is after today");
}

/// The complaint, changed by fn() and written back, in one transaction.
void change(Store& store, std::string_view reference, const char* what,
            const std::function<void(Complaint&, const std::string&)>& fn) {
    const std::string ref = checked_reference(reference);
    detail::in_transaction(store, std::string(what) + " " + ref_text(ref), [&] {
        auto& repo = detail::complaint_repository(store);
        std::optional<Complaint> c = repo.find(ref);
        if (!c) throw Error(Status::not_found, "no " + ref_text(ref));
        fn(*c, ref_text(c->reference));
        repo.update(*c);
    });
}

Date plus(Date from, int working_days, const Calendar& calendar, const ComplaintRules& rules) {
    return add_duration(from, Duration{working_days, Unit::working_days}, calendar, nullptr, rules.counting);
}

void check_rules(const ComplaintRules& r) {
    for (int n : {r.stage1_days, r.stage1_extended_days, r.stage2_days, r.stage2_extended_days, r.panel_days,
                  r.panel_report_days, r.authority_days})
        if (n < 1 || n > 3650)
            throw Error(Status::invalid_arg, "complaint rules: a timescale of " + std::to_string(n) +
                                                 " working days is outside 1..3650");
    if (r.stage1_extended_days < r.stage1_days || r.stage2_extended_days < r.stage2_days)
        throw Error(Status::invalid_arg, "complaint rules: an extended timescale is shorter than the normal one");
}

std::string dump(const ojson& doc) { return doc.dump(-1, ' ', false, ojson::error_handler_t::replace); }

}  // namespace

std::string_view to_string(ComplaintOutcome outcome) noexcept {
    for (const auto& [name, value] : kOutcomes)
        if (value == outcome) return name;
    return "not_upheld";
}

ComplaintOutcome parse_complaint_outcome(std::string_view text) {
    return detail::parse_enum(text, kOutcomes, "complaint outcome");
}

bool operator==(const ComplaintStage& a, const ComplaintStage& b) {
    return a.stage == b.stage && a.requested == b.requested && a.statement_agreed == b.statement_agreed &&
           a.extended == b.extended && a.panel_date == b.panel_date && a.panel_report_date == b.panel_report_date &&
           a.response_date == b.response_date && a.outcome == b.outcome;
}

bool operator==(const Complaint& a, const Complaint& b) {
    return a.id == b.id && a.reference == b.reference && a.child_id == b.child_id && a.received == b.received &&
           a.category == b.category && a.lessons == b.lessons && a.stages == b.stages;
}

std::int64_t add_complaint(Store& store, std::string_view reference, Date received,
                           const std::optional<std::string>& child_id, std::string_view category) {
    Complaint c;
    c.reference = checked_reference(reference);
    check_day(received, ref_text(c.reference) + " received");
    c.received = received;
    c.category = detail::checked_name(category, (ref_text(c.reference) + " category").c_str(),
                                      detail::kMaxNameBytes, true);
    c.category = std::string(detail::trim(c.category));
    if (child_id) c.child_id = detail::checked_name(*child_id, (ref_text(c.reference) + " child id").c_str(),
                                                    detail::kMaxIdBytes);
    ComplaintStage s1;
    s1.stage = 1;
    s1.requested = received;
    c.stages.push_back(s1);
    std::int64_t id = 0;
    detail::in_transaction(store, "adding " + ref_text(c.reference), [&] {
        if (c.child_id && !detail::casework_repository(store).has_child(*c.child_id))
            throw Error(Status::not_found, ref_text(c.reference) + ": no child with id " + detail::in_quotes(*c.child_id));
        auto& repo = detail::complaint_repository(store);
        if (auto taken = repo.find(c.reference))
            throw Error(Status::conflict, ref_text(c.reference) + " already exists (received " +
                                              taken->received.iso() + ")");
        id = repo.add(c);
    });
    return id;
}

std::optional<Complaint> try_find_complaint(const Store& store, std::string_view reference) {
    return detail::complaint_repository(store).find(detail::trim(reference));
}

std::vector<Complaint> list_complaints(const Store& store) { return detail::complaint_repository(store).all(); }

void extend_complaint(Store& store, std::string_view reference) {
    change(store, reference, "extending", [](Complaint& c, const std::string& name) {
        ComplaintStage& s = c.stages.back();
        if (s.stage == 3)
            throw Error(Status::invalid_arg, name + ": stage 3 has no extension (RPR 2006 regs 19 and 20)");
        if (s.response_date)
            throw Error(Status::invalid_arg, name + ": stage " + std::to_string(s.stage) + " was responded to on " +
                                                 s.response_date->iso());
        s.extended = true;
    });
}

void respond_to_complaint(Store& store, std::string_view reference, Date response, ComplaintOutcome outcome) {
    change(store, reference, "responding to", [&](Complaint& c, const std::string& name) {
        ComplaintStage& s = c.stages.back();
        const std::string stage = name + " stage " + std::to_string(s.stage);
        if (s.response_date)
            throw Error(Status::invalid_arg, stage + " was already responded to on " + s.response_date->iso());
        check_day(response, stage + " response");
        if (response < s.requested)
            throw Error(Status::invalid_arg, stage + " response " + response.iso() + " is before its request " +
                                                 s.requested.iso());
        s.response_date = response;
        s.outcome = outcome;
    });
}

void escalate_complaint(Store& store, std::string_view reference, Date requested, std::optional<Date> statement_agreed) {
    change(store, reference, "escalating", [&](Complaint& c, const std::string& name) {
        const ComplaintStage& s = c.stages.back();
        if (s.stage == 3) throw Error(Status::invalid_arg, name + " is at stage 3, the last");
        if (!s.response_date)
            throw Error(Status::invalid_arg, name + ": stage " + std::to_string(s.stage) +
                                                 " has no response yet (the complainant asks for the next stage after it)");
        if (s.outcome == ComplaintOutcome::withdrawn)
            throw Error(Status::invalid_arg, name + " was withdrawn on " + s.response_date->iso());
        ComplaintStage next;
        next.stage = s.stage + 1;
        const std::string stage = name + " stage " + std::to_string(next.stage);
        check_day(requested, stage + " request");
        if (requested < *s.response_date)
            throw Error(Status::invalid_arg, stage + " request " + requested.iso() + " is before the stage " +
                                                 std::to_string(s.stage) + " response " + s.response_date->iso());
        next.requested = requested;
        if (statement_agreed) {
            if (next.stage != 2)
                throw Error(Status::invalid_arg, stage + ": a statement of complaint is agreed at stage 2 only");
            check_day(*statement_agreed, stage + " statement agreed");
            if (*statement_agreed < requested)
                throw Error(Status::invalid_arg, stage + " statement agreed " + statement_agreed->iso() +
                                                     " is before the request " + requested.iso());
            next.statement_agreed = statement_agreed;
        }
        c.stages.push_back(next);
    });
}

void agree_statement(Store& store, std::string_view reference, Date agreed) {
    change(store, reference, "agreeing the statement of", [&](Complaint& c, const std::string& name) {
        ComplaintStage& s = c.stages.back();
        if (s.stage != 2)
            throw Error(Status::invalid_arg, name + " is at stage " + std::to_string(s.stage) +
                                                 ": a statement of complaint is agreed at stage 2 only");
        check_day(agreed, name + " stage 2 statement agreed");
        if (agreed < s.requested)
            throw Error(Status::invalid_arg, name + " stage 2 statement agreed " + agreed.iso() +
                                                 " is before the request " + s.requested.iso());
        s.statement_agreed = agreed;
    });
}

void record_panel(Store& store, std::string_view reference, Date meeting, std::optional<Date> report) {
    change(store, reference, "recording the panel of", [&](Complaint& c, const std::string& name) {
        ComplaintStage& s = c.stages.back();
        if (s.stage != 3)
            throw Error(Status::invalid_arg, name + " is at stage " + std::to_string(s.stage) +
                                                 ": a review panel sits at stage 3 only");
        check_day(meeting, name + " panel meeting");
        if (meeting < s.requested)
            throw Error(Status::invalid_arg, name + " panel meeting " + meeting.iso() + " is before the request " +
                                                 s.requested.iso());
        if (report) {
            check_day(*report, name + " panel report");
            if (*report < meeting)
                throw Error(Status::invalid_arg, name + " panel report " + report->iso() +
                                                     " is before the meeting " + meeting.iso());
        }
        s.panel_date = meeting;
        s.panel_report_date = report;
    });
}

void set_complaint_lessons(Store& store, std::string_view reference, std::string_view lessons) {
    change(store, reference, "setting the lessons of", [&](Complaint& c, const std::string& name) {
        const std::string text = detail::checked_text(lessons, (name + " lessons").c_str(), true);
        detail::check_size(text, kMaxLessonsBytes, name + " lessons");
        c.lessons = std::string(detail::trim(text));
    });
}

Date clock_start(const ComplaintStage& s, const ComplaintRules& rules) {
    if (s.stage == 2 && rules.stage2_clock == Stage2Clock::statement_agreed && s.statement_agreed)
        return *s.statement_agreed;
    return s.requested;
}

Date stage_due(const ComplaintStage& s, const Calendar& calendar, const ComplaintRules& rules) {
    check_rules(rules);
    switch (s.stage) {
        case 1:
            return plus(s.requested, s.extended ? rules.stage1_extended_days : rules.stage1_days, calendar, rules);
        case 2:
            return plus(clock_start(s, rules), s.extended ? rules.stage2_extended_days : rules.stage2_days, calendar,
                        rules);
        default:
            if (s.panel_report_date) return plus(*s.panel_report_date, rules.authority_days, calendar, rules);
            if (s.panel_date) return plus(*s.panel_date, rules.panel_report_days, calendar, rules);
            return plus(s.requested, rules.panel_days, calendar, rules);
    }
}

std::optional<bool> responded_in_time(const ComplaintStage& s, const Calendar& calendar, const ComplaintRules& rules) {
    if (!s.response_date) return std::nullopt;
    Date due = stage_due(s, calendar, rules);
    if (s.stage == 3 && !s.panel_report_date) {
        // The response is the authority's (reg 20), due 15 working days
        // after the panel's report; with the report (or the panel) not
        // recorded it is measured from the latest day the report was due,
        // never against the panel's or the report's own deadline.
        const Date panel = s.panel_date ? *s.panel_date : plus(s.requested, rules.panel_days, calendar, rules);
        due = plus(plus(panel, rules.panel_report_days, calendar, rules), rules.authority_days, calendar, rules);
    }
    bool ok = *s.response_date <= due;
    if (s.stage == 3 && s.panel_date) ok = ok && *s.panel_date <= plus(s.requested, rules.panel_days, calendar, rules);
    if (s.stage == 3 && s.panel_date && s.panel_report_date)
        ok = ok && *s.panel_report_date <= plus(*s.panel_date, rules.panel_report_days, calendar, rules);
    return ok;
}

std::vector<OpenComplaint> open_complaints(const Store& store, Date as_of, const Calendar& calendar,
                                           const ComplaintRules& rules) {
    check_rules(rules);
    std::vector<OpenComplaint> out;
    for (const Complaint& c : list_complaints(store)) {
        // The stage current on as_of: the last one requested by then.
        const ComplaintStage* current = nullptr;
        for (const ComplaintStage& s : c.stages)
            if (s.requested <= as_of) current = &s;
        if (!current || (current->response_date && *current->response_date <= as_of)) continue;
        ComplaintStage s = *current;
        if (s.panel_date && as_of < *s.panel_date) s.panel_date.reset(), s.panel_report_date.reset();
        if (s.panel_report_date && as_of < *s.panel_report_date) s.panel_report_date.reset();
        if (s.statement_agreed && as_of < *s.statement_agreed) s.statement_agreed.reset();
        OpenComplaint o;
        o.reference = c.reference;
        o.child_id = c.child_id;
        o.category = c.category;
        o.stage = s.stage;
        o.requested = s.requested;
        o.clock_start = clock_start(s, rules);
        o.extended = s.extended;
        o.due = stage_due(s, calendar, rules);
        if (o.due < as_of) o.overdue_working_days = calendar.working_days_between(o.due, as_of);
        else o.working_days_left = calendar.working_days_between(as_of, o.due);
        out.push_back(std::move(o));
    }
    std::sort(out.begin(), out.end(), [](const OpenComplaint& a, const OpenComplaint& b) {
        if (a.stage != b.stage) return a.stage < b.stage;
        if (a.due != b.due) return a.due < b.due;
        return a.reference < b.reference;
    });
    return out;
}

ComplaintPeriod parse_quarter(std::string_view text) {
    const std::string t(detail::trim(text));
    auto bad = [&]() -> Error {
        return Error(Status::invalid_arg, "quarter " + detail::in_quotes(text) + " is not YYYYQn (e.g. 2012Q3)");
    };
    if (t.size() != 6 || (t[4] != 'Q' && t[4] != 'q') || t[5] < '1' || t[5] > '4') throw bad();
    for (int i = 0; i < 4; ++i)
        if (t[i] < '0' || t[i] > '9') throw bad();
    const int year = std::stoi(t.substr(0, 4));
    const int q = t[5] - '0';
    if (year < 1900 || year > 2199) throw bad();
    const Date from = Date::from_ymd(year, 3 * q - 2, 1);
    const Date to = (q == 4 ? Date::from_ymd(year + 1, 1, 1) : Date::from_ymd(year, 3 * q + 1, 1)).add_days(-1);
    return {from, to};
}

LessonsSummary lessons_learnt(const Store& store, const ComplaintPeriod& period, const Calendar& calendar,
                              const ComplaintRules& rules) {
    if (period.to < period.from)
        throw Error(Status::invalid_arg, "complaints period: " + period.to.iso() + " is before " + period.from.iso());
    check_rules(rules);
    LessonsSummary out;
    out.period = period;
    for (int i = 1; i <= 3; ++i) out.stages.push_back(StageSummary{i});
    auto in_period = [&](Date d) { return period.from <= d && d <= period.to; };
    std::vector<LessonsEntry> lessons;
    for (const Complaint& c : list_complaints(store)) {
        if (in_period(c.received)) ++out.received;
        const ComplaintStage* last_responded = nullptr;
        for (const ComplaintStage& s : c.stages) {
            StageSummary& sum = out.stages[static_cast<std::size_t>(s.stage - 1)];
            if (in_period(s.requested)) ++sum.started;
            if (!s.response_date || !in_period(*s.response_date)) continue;
            last_responded = &s;
            ++sum.responded;
            if (responded_in_time(s, calendar, rules).value_or(false)) ++sum.in_time;
            switch (*s.outcome) {
                case ComplaintOutcome::upheld: ++sum.upheld; break;
                case ComplaintOutcome::partly_upheld: ++sum.partly_upheld; break;
                case ComplaintOutcome::not_upheld: ++sum.not_upheld; break;
                case ComplaintOutcome::withdrawn: ++sum.withdrawn; break;
            }
        }
        if (last_responded && !c.lessons.empty())
            lessons.push_back({c.reference, c.category, last_responded->stage, *last_responded->outcome, c.lessons});
    }
    std::sort(lessons.begin(), lessons.end(),
              [](const LessonsEntry& a, const LessonsEntry& b) { return a.reference < b.reference; });
    out.lessons = std::move(lessons);
    return out;
}

std::string open_complaints_to_json(Date as_of, const std::vector<OpenComplaint>& open) {
    ojson doc = {{"format", "oversight-complaints"}, {"version", 1}, {"as_of", as_of.iso()},
                 {"complaints", ojson::array()}};
    for (const OpenComplaint& o : open)
        doc["complaints"].push_back({{"reference", o.reference},
                                     {"child_id", o.child_id ? ojson(*o.child_id) : ojson()},
                                     {"category", o.category},
                                     {"stage", o.stage},
                                     {"requested", o.requested.iso()},
                                     {"clock_start", o.clock_start.iso()},
                                     {"extended", o.extended},
                                     {"due", o.due.iso()},
                                     {"state", o.overdue_working_days > 0 ? "overdue" : "in_time"},
                                     {"overdue_working_days", o.overdue_working_days},
                                     {"working_days_left", o.working_days_left}});
    return dump(doc);
}

std::string open_complaints_to_csv(const std::vector<OpenComplaint>& open) {
    std::ostringstream out;
    detail::csv_row(out, {"reference", "child_id", "category", "stage", "requested", "clock_start", "extended", "due",
                          "state", "overdue_working_days", "working_days_left"});
    for (const OpenComplaint& o : open)
        detail::csv_row(out, {o.reference, o.child_id.value_or(""), o.category, std::to_string(o.stage),
                              o.requested.iso(), o.clock_start.iso(), o.extended ? "true" : "false", o.due.iso(),
                              o.overdue_working_days > 0 ? "overdue" : "in_time",
                              std::to_string(o.overdue_working_days), std::to_string(o.working_days_left)});
    return out.str();
}

std::string lessons_to_json(const LessonsSummary& s) {
    ojson doc = {{"format", "oversight-complaint-lessons"},
                 {"version", 1},
                 {"from", s.period.from.iso()},
                 {"to", s.period.to.iso()},
                 {"received", s.received},
                 {"stages", ojson::array()},
                 {"lessons", ojson::array()}};
    for (const StageSummary& st : s.stages)
        doc["stages"].push_back({{"stage", st.stage},
                                 {"started", st.started},
                                 {"responded", st.responded},
                                 {"in_time", st.in_time},
                                 {"share_in_time", st.responded ? ojson(static_cast<double>(st.in_time) / st.responded)
                                                                : ojson()},
                                 {"outcomes",
                                  {{"upheld", st.upheld},
                                   {"partly_upheld", st.partly_upheld},
                                   {"not_upheld", st.not_upheld},
                                   {"withdrawn", st.withdrawn}}}});
    for (const LessonsEntry& l : s.lessons)
        doc["lessons"].push_back({{"reference", l.reference},
                                  {"category", l.category},
                                  {"stage", l.stage},
                                  {"outcome", std::string(to_string(l.outcome))},
                                  {"lessons", l.lessons}});
    return dump(doc);
}

std::string lessons_to_text(const LessonsSummary& s) {
    std::ostringstream out;
    out << "Lessons learnt from complaints, " << s.period.from.iso() << " to " << s.period.to.iso() << "\n";
    out << "Complaints received: " << s.received << "\n";
    for (const StageSummary& st : s.stages) {
        out << "Stage " << st.stage << ": " << st.started << " started, " << st.responded << " responded, "
            << st.in_time << " of " << st.responded << " in timescale";
        if (st.responded) out << " (" << (100 * st.in_time + st.responded / 2) / st.responded << "%)";
        out << "; upheld " << st.upheld << ", partly upheld " << st.partly_upheld << ", not upheld "
            << st.not_upheld << ", withdrawn " << st.withdrawn << "\n";
    }
    out << "Lessons:\n";
    if (s.lessons.empty()) out << "  (none recorded)\n";
    for (const LessonsEntry& l : s.lessons)
        out << "  " << detail::sanitize_utf8(l.reference) << " (stage " << l.stage << ", " << to_string(l.outcome)
            << (l.category.empty() ? "" : ", " + l.category) << "): " << detail::sanitize_utf8(l.lessons) << "\n";
    return out.str();
}

}  // namespace oversight
