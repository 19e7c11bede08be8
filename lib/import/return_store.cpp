// Storing a return's records: see return_store.hpp.
#include "import/return_store.hpp"

#include <oversight/core/error.hpp>

#include "casework/casework_detail.hpp"
#include "core/transaction.hpp"

#include <filesystem>
#include <map>
#include <optional>

namespace oversight {
namespace detail {

namespace {

bool flag(const CaseEvent& e, const char* key, std::initializer_list<const char*> yes) {
    auto it = e.attributes.find(key);
    if (it == e.attributes.end()) return false;
    for (const char* y : yes)
        if (it->second == y) return true;
    return false;
}

std::string event_key(std::string_view prefix, const std::string& child, const std::string& type, Date date) {
    return std::string(prefix) + child + "/" + type + "/" + date.iso();
}

}  // namespace

std::vector<ReturnEvent> derived_events(const std::vector<ReturnEvent>& events, std::string_view id_prefix) {
    // Each child's ICPC and strategy discussion dates, to see whether a
    // conference followed an enquiry.
    std::map<std::string, std::vector<Date>> icpcs, s47s;
    for (const ReturnEvent& e : events) {
        if (e.event.type == "icpc") icpcs[e.child_id].push_back(e.event.date);
        if (e.event.type == "s47_strategy_discussion") s47s[e.child_id].push_back(e.event.date);
    }
    std::vector<ReturnEvent> out;
    for (const ReturnEvent& e : events) {
        if (e.event.type == "referral" && flag(e.event, "nfa", {"true", "yes"})) {
            ReturnEvent d{e.child_id, CaseEvent{"referral_decision", e.event.date, {{"decision", "nfa"}}}, e.place};
            d.event.external_id = event_key(id_prefix, e.child_id, d.event.type, d.event.date);
            out.push_back(std::move(d));
        }
        if (e.event.type == "s47_strategy_discussion" &&
            (flag(e.event, "icpc_not_required", {"true"}) || flag(e.event, "icpc_unnecessary", {"yes"}))) {
            std::optional<Date> next_s47;
            for (Date s : s47s[e.child_id])
                if (e.event.date < s && (!next_s47 || s < *next_s47)) next_s47 = s;
            bool conference = false;
            for (Date c : icpcs[e.child_id])
                if (!(c < e.event.date) && (!next_s47 || c < *next_s47)) conference = true;
            if (conference) continue;  // the return says both; the conference stands
            const Date closed = e.event.date.add_days(1);
            ReturnEvent d{e.child_id, CaseEvent{"cp_enquiry_closed", closed, {{"reason", "icpc_not_required"}}},
                          e.place};
            d.event.external_id = event_key(id_prefix, e.child_id, d.event.type, d.event.date);
            out.push_back(std::move(d));
        }
    }
    return out;
}

ReturnWriter::ReturnWriter(Store& store, ImportSummary& summary, std::string_view recorded_by, std::string source)
    : store_(store), summary_(summary), recorded_by_(recorded_by), source_(std::move(source)) {
    for (const char* count : {"children_added", "children_updated", "events_added", "events_updated",
                              "events_already_present", "attributes_set"})
        summary_.add(count, 0);
}

bool report_refusal(Store& store, ImportSummary& summary, const ImportIssue& place, const std::function<void()>& fn) {
    // The record's counts, put back if it is refused, as its writes are.
    const std::vector<std::pair<std::string, std::int64_t>> counts = summary.counts;
    try {
        in_transaction(store, "importing", [&] { in_savepoint(store, "storing a record", fn); });
        return true;
    } catch (const Error& e) {
        if (e.code() == Status::db || e.code() == Status::io || e.code() == Status::nomem) throw;
        summary.counts = counts;
        ImportIssue i = place;
        i.severity = Severity::error;
        i.message = (i.message.empty() ? std::string() : i.message + ": ") + "not stored: " + e.what();
        summary.issues.push_back(std::move(i));
        return false;
    }
}

void ReturnWriter::child(const Child& given, const ImportIssue& place) {
    ImportIssue at = place;
    at.message = "child " + given.id;
    guard(at, [&] {
        Child child = given;
        const std::optional<Child> stored = try_find_child(store_, child.id);
        if (stored && stored->date_of_birth && child.date_of_birth && stored->date_of_birth != child.date_of_birth) {
            ImportIssue w = place;
            w.severity = Severity::warning;
            w.message = "child " + child.id + ": date of birth " + child.date_of_birth->iso() +
                        " differs from the stored " + stored->date_of_birth->iso() + "; the stored one is kept";
            summary_.issues.push_back(std::move(w));
            child.date_of_birth.reset();
        }
        switch (put_child(store_, child)) {
        case SaveOutcome::added: summary_.add("children_added"); break;
        case SaveOutcome::updated: summary_.add("children_updated"); break;
        case SaveOutcome::unchanged: break;
        }
    });
}

void ReturnWriter::attribute(const std::string& child_id, const AttributeChange& change, const ImportIssue& place) {
    ImportIssue at = place;
    at.message = "attribute " + change.key + " of child " + child_id + " from " + change.effective_from.iso();
    guard(at, [&] {
        if (put_attribute(store_, child_id, change)) summary_.add("attributes_set");
    });
}

void ReturnWriter::event(const ReturnEvent& e) {
    ImportIssue at = e.place;
    at.message = e.event.type + " of child " + e.child_id + " on " + e.event.date.iso();
    guard(at, [&] {
        switch (store_event(store_, e.child_id, e.event, recorded_by_, source_).outcome) {
        case SaveOutcome::added: summary_.add("events_added"); break;
        case SaveOutcome::updated: summary_.add("events_updated"); break;
        case SaveOutcome::unchanged: summary_.add("events_already_present"); break;
        }
    });
}

ImportIssue place_in(const std::string& file, std::string path) {
    ImportIssue i;
    i.file = file;
    i.path = std::move(path);
    return i;
}

std::string file_name(const std::string& path) {
    std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
}

}  // namespace detail
}  // namespace oversight
