// Batches of casework changes: applied in one transaction, read from JSON
// or NDJSON, and their result as a JSON document.
#include <oversight/casework/batch.hpp>

#include "core/json.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "core/validation.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace oversight {

namespace {

template <class... Fs>
struct overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

/// The C status word (oversight_status without OVERSIGHT_E_), for the result document.
const char* status_word(Status s) noexcept {
    switch (s) {
        case Status::ok: return "ok";
        case Status::invalid_arg: return "invalid_arg";
        case Status::not_found: return "not_found";
        case Status::io: return "io";
        case Status::db: return "db";
        case Status::parse: return "parse";
        case Status::nomem: return "nomem";
        case Status::internal: return "internal";
        case Status::conflict: return "conflict";
    }
    return "internal";
}

/// Thrown inside the batch's transaction to roll it back after a refused item.
struct Refused {};

}  // namespace

std::string_view op_name(const BatchChange& change) noexcept {
    static constexpr std::string_view kNames[] = {
        "child",         "allocate",      "end_allocation", "attribute",    "end_attribute",
        "delete_attribute", "event",      "correct_event",  "delete_event", "erase_child",
        "exemption",        "delete_exemption"};
    static_assert(std::size(kNames) == std::variant_size_v<BatchChange>);
    return kNames[change.index()];
}

std::optional<std::string> external_id_of(const BatchChange& change) {
    return std::visit(overloaded{[](const batch::SaveChild& c) { return c.child.external_id; },
                                 [](const batch::Allocate& c) { return c.external_id; },
                                 [](const batch::SetAttribute& c) { return c.external_id; },
                                 [](const batch::SaveEvent& c) { return c.event.external_id; },
                                 [](const batch::CorrectEvent& c) { return c.external_id; },
                                 [](const batch::DeleteEvent& c) { return c.external_id; },
                                 [](const batch::SaveExemption& c) { return c.exemption.external_id; },
                                 [](const batch::DeleteExemption& c) { return c.external_id; },
                                 [](const auto&) { return std::optional<std::string>(); }},
                      change);
}

std::optional<std::string> child_of(const BatchChange& change) {
    return std::visit(overloaded{[](const batch::SaveChild& c) { return std::optional<std::string>(c.child.id); },
                                 [](const batch::DeleteEvent&) { return std::optional<std::string>(); },
                                 [](const batch::SaveExemption& c) {
                                     return std::optional<std::string>(c.exemption.child_id);
                                 },
                                 [](const batch::DeleteExemption&) { return std::optional<std::string>(); },
                                 [](const auto& c) { return std::optional<std::string>(c.child); }},
                      change);
}

bool operator==(const BatchError& a, const BatchError& b) {
    return a.item == b.item && a.line == b.line && a.op == b.op && a.external_id == b.external_id &&
           a.child == b.child && a.status == b.status && a.message == b.message;
}

namespace {

/// What one item did.
enum class Did { added, updated, unchanged, deleted };

Did did(SaveOutcome o) {
    switch (o) {
        case SaveOutcome::added: return Did::added;
        case SaveOutcome::updated: return Did::updated;
        case SaveOutcome::unchanged: return Did::unchanged;
    }
    return Did::unchanged;
}

/// Whether the child has a value of `key` from `from` (Error(not_found) for
/// an unknown child, as delete_attribute gives).
bool has_attribute(const Store& store, const std::string& child, const std::string& key, Date from) {
    for (const CaseAttribute& a : list_attributes(store, child))
        if (a.key == key && a.effective_from == from) return true;
    return false;
}

/// Whether a delete_event is sent again: no event has that id or external
/// id (a malformed external id is refused as delete_event_by_external_id does).
bool event_gone(const Store& store, const batch::DeleteEvent& c) {
    if (c.external_id)
        return !try_find_event_by_external_id(store, detail::checked_external_id(*c.external_id, "event external id"));
    return !(c.id && try_find_event(store, *c.id));
}

/// Whether a delete_exemption is sent again: no exemption has that id or
/// external id (a malformed external id is refused as the deletion does).
bool exemption_gone(const Store& store, const batch::DeleteExemption& c) {
    if (c.external_id)
        return !try_find_exemption_by_external_id(
            store, detail::checked_external_id(*c.external_id, "exemption external id"));
    return !(c.id && try_find_exemption(store, *c.id));
}

Did apply_change(Store& store, const BatchChange& change, const std::string& recorded_by, const RulePack* pack) {
    return std::visit(
        overloaded{
            [&](const batch::SaveChild& c) { return did(save_child(store, c.child)); },
            [&](const batch::Allocate& c) { return did(allocate(store, c.child, c.worker, c.from, c.external_id)); },
            [&](const batch::EndAllocation& c) {
                return end_allocation(store, c.child, c.on) ? Did::updated : Did::unchanged;
            },
            [&](const batch::SetAttribute& c) {
                return did(set_attribute(store, c.child, c.key, c.value, c.effective_from, c.external_id));
            },
            [&](const batch::EndAttribute& c) {
                return end_attribute(store, c.child, c.key, c.on) ? Did::updated : Did::unchanged;
            },
            [&](const batch::DeleteAttribute& c) {
                if (!has_attribute(store, c.child, c.key, c.effective_from)) return Did::unchanged;  // sent again
                delete_attribute(store, c.child, c.key, c.effective_from);
                return Did::deleted;
            },
            [&](const batch::SaveEvent& c) {
                return did(save_event(store, c.child, c.event, c.recorded_by ? *c.recorded_by : recorded_by, pack)
                               .outcome);
            },
            [&](const batch::CorrectEvent& c) {
                CaseEvent e = c.event;
                e.external_id.reset();  // the stored one stays
                const bool changed = c.id ? correct_event(store, *c.id, c.child, e, pack)
                                          : correct_event_by_external_id(store, c.external_id.value_or(""), c.child,
                                                                         e, pack);
                return changed ? Did::updated : Did::unchanged;
            },
            [&](const batch::DeleteEvent& c) {
                if (event_gone(store, c)) return Did::unchanged;  // sent again
                if (c.id) delete_event(store, *c.id);
                else delete_event_by_external_id(store, c.external_id.value_or(""));
                return Did::deleted;
            },
            [&](const batch::EraseChild& c) {
                if (!try_find_child(store, detail::checked_text(c.child, "child id"))) return Did::unchanged;  // sent again
                erase_child(store, c.child, c.reason);
                return Did::deleted;
            },
            [&](const batch::SaveExemption& c) { return did(save_exemption(store, c.exemption).outcome); },
            [&](const batch::DeleteExemption& c) {
                if (exemption_gone(store, c)) return Did::unchanged;  // sent again
                if (c.id) delete_exemption(store, *c.id);
                else delete_exemption_by_external_id(store, c.external_id.value_or(""));
                return Did::deleted;
            }},
        change);
}

BatchError error_for(const BatchItem& item, std::size_t number, Status status, std::string message) {
    BatchError e;
    e.item = number;
    e.line = item.line;
    e.op = std::string(op_name(item.change));
    e.external_id = external_id_of(item.change);
    e.child = child_of(item.change);
    e.status = status;
    e.message = std::move(message);
    return e;
}

/// apply(), with the numbers the items had in their document (parse errors
/// left gaps) and the errors found reading it.
BatchResult apply_numbered(Store& store, const Batch& batch, const std::vector<std::size_t>* numbers,
                           std::vector<BatchError> errors, std::size_t total, const BatchOptions& options) {
    BatchResult result;
    result.items = total;
    result.errors = std::move(errors);
    const std::string recorded_by =
        options.recorded_by ? detail::checked_name(*options.recorded_by, "recorded_by", detail::kMaxNameBytes)
                            : detail::store_actor(store);
    auto count = [&](Did d) {
        switch (d) {
            case Did::added: ++result.added; break;
            case Did::updated: ++result.updated; break;
            case Did::unchanged: ++result.unchanged; break;
            case Did::deleted: ++result.deleted; break;
        }
    };
    if (result.errors.empty()) {
        // The usual case first: every item applied straight through, without
        // a savepoint each. An item refused ends this pass (all of it undone)
        // and the checking pass below runs, which reports every refused item.
        try {
            detail::in_transaction(store, "applying a batch", [&] {
                detail::in_savepoint(store, "applying a batch", [&] {
                    for (const BatchItem& item : batch.items)
                        count(apply_change(store, item.change, recorded_by, options.pack));
                });
            });
            result.applied = true;
            return result;
        } catch (const Error&) {
            result.added = result.updated = result.unchanged = result.deleted = 0;
        }
    }
    const bool stop_now = options.stop_at_first_error && !result.errors.empty();
    try {
        detail::in_transaction(store, "applying a batch", [&] {
            // A savepoint around the whole batch, so that joining a caller's
            // transaction still leaves nothing of a refused batch behind.
            detail::in_savepoint(store, "applying a batch", [&] {
                for (std::size_t i = 0; i < batch.items.size() && !stop_now; ++i) {
                    const BatchItem& item = batch.items[i];
                    const std::size_t number = numbers ? (*numbers)[i] : i + 1;
                    Did d = Did::unchanged;
                    try {
                        detail::in_savepoint(store, "applying batch item " + std::to_string(number),
                                             [&] { d = apply_change(store, item.change, recorded_by, options.pack); });
                    } catch (const Error& e) {
                        result.errors.push_back(error_for(item, number, e.code(), e.what()));
                        // A store failure leaves nothing worth checking further.
                        if (options.stop_at_first_error || e.code() == Status::db || e.code() == Status::io ||
                            e.code() == Status::nomem)
                            break;
                        continue;
                    }
                    count(d);
                }
                if (!result.errors.empty()) throw Refused{};
            });
        });
        result.applied = true;
    } catch (const Refused&) {
        result.applied = false;
    }
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const BatchError& a, const BatchError& b) { return a.item < b.item; });
    return result;
}

}  // namespace

BatchResult apply(Store& store, const Batch& batch, const BatchOptions& options) {
    return apply_numbered(store, batch, nullptr, {}, batch.items.size(), options);
}

// ---------------------------------------------------------------------------
// Reading a batch document.

namespace {

using nlohmann::json;

/// A malformed item: which field (may be empty) and what is wrong.
struct Malformed {
    std::string field;
    std::string message;
};

[[noreturn]] void malformed(const std::string& field, const std::string& message) { throw Malformed{field, message}; }

/// The fields of one item object, each taken once; what is left is misspelt.
class Fields {
public:
    explicit Fields(const json& object) : j_(object) {}

    const json* get(const char* name) {
        used_.push_back(name);
        auto it = j_.find(name);
        if (it == j_.end() || it->is_null()) return nullptr;
        return &*it;
    }
    std::optional<std::string> opt_text(const char* name) {
        const json* v = get(name);
        if (!v) return std::nullopt;
        if (!v->is_string()) malformed(name, "must be a string, not " + std::string(v->type_name()));
        return v->get<std::string>();
    }
    std::string text(const char* name) {
        auto v = opt_text(name);
        if (!v) malformed(name, "is missing");
        return *v;
    }
    std::optional<Date> opt_date(const char* name) {
        auto v = opt_text(name);
        if (!v) return std::nullopt;
        try {
            return Date::parse_iso(*v);
        } catch (const Error& e) {
            malformed(name, "is not a date (YYYY-MM-DD): " + std::string(e.what()));
        }
    }
    Date date(const char* name) {
        auto v = opt_date(name);
        if (!v) malformed(name, "is missing");
        return *v;
    }
    std::optional<std::int64_t> opt_id(const char* name) {
        const json* v = get(name);
        if (!v) return std::nullopt;
        if (v->is_number_unsigned()) {
            const auto u = v->get<std::uint64_t>();
            if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                malformed(name, "is out of range");
            return static_cast<std::int64_t>(u);
        }
        if (!v->is_number_integer()) malformed(name, "must be an integer, not " + std::string(v->type_name()));
        return v->get<std::int64_t>();
    }
    std::vector<std::string> texts(const char* name) {
        std::vector<std::string> out;
        const json* v = get(name);
        if (!v) return out;
        if (!v->is_array()) malformed(name, "must be an array of strings, not " + std::string(v->type_name()));
        for (std::size_t i = 0; i < v->size(); ++i) {
            if (!(*v)[i].is_string())
                malformed(std::string(name) + "[" + std::to_string(i) + "]",
                          "must be a string, not " + std::string((*v)[i].type_name()));
            out.push_back((*v)[i].get<std::string>());
        }
        return out;
    }
    std::map<std::string, std::string> attributes(const char* name) {
        std::map<std::string, std::string> out;
        const json* v = get(name);
        if (!v) return out;
        if (!v->is_object()) malformed(name, "must be an object of strings, not " + std::string(v->type_name()));
        for (const auto& [k, x] : v->items()) {
            if (!x.is_string())
                malformed(std::string(name) + "." + k, "must be a string, not " + std::string(x.type_name()));
            out[k] = x.get<std::string>();
        }
        return out;
    }
    /// Malformed for the first field not taken.
    void check_all_used() const {
        for (const auto& [k, v] : j_.items())
            if (std::find(used_.begin(), used_.end(), k) == used_.end())
                malformed(k, "is not a field of this op (misspelt?)");
    }

private:
    const json& j_;
    std::vector<std::string_view> used_;  // a handful: searched, not sorted
};

/// An event's (or an exemption's) id: "id" or "external_id", exactly one.
void event_address(Fields& f, std::optional<std::int64_t>& id, std::optional<std::string>& external_id,
                   const char* what = "event") {
    id = f.opt_id("id");
    external_id = f.opt_text("external_id");
    if (id && external_id) malformed("id", "give \"id\" or \"external_id\", not both");
    if (!id && !external_id)
        malformed("id", std::string("give the ") + what + "'s \"id\" or its \"external_id\"");
}

/// The fields of each op ("op" besides), so that a misspelt field is named
/// before any field it was meant to be is missed.
const std::map<std::string, std::set<std::string>, std::less<>>& op_fields() {
    static const std::map<std::string, std::set<std::string>, std::less<>> kFields = {
        {"child", {"child", "date_of_birth", "external_id"}},
        {"allocate", {"child", "worker", "from", "external_id"}},
        {"end_allocation", {"child", "on"}},
        {"attribute", {"child", "key", "value", "effective_from", "external_id"}},
        {"end_attribute", {"child", "key", "on"}},
        {"delete_attribute", {"child", "key", "effective_from"}},
        {"event", {"child", "type", "date", "attributes", "external_id", "recorded_by"}},
        {"correct_event", {"id", "external_id", "child", "type", "date", "attributes"}},
        {"delete_event", {"id", "external_id"}},
        {"erase_child", {"child", "reason"}},
        {"exemption", {"child", "kind", "from", "to", "reason", "approved_by", "areas", "external_id"}},
        {"delete_exemption", {"id", "external_id"}}};
    return kFields;
}

BatchChange read_item(const json& j) {
    if (!j.is_object()) malformed("", "an item must be a JSON object, not " + std::string(j.type_name()));
    Fields f(j);
    const std::string op = f.text("op");
    if (auto fields = op_fields().find(op); fields != op_fields().end())
        for (const auto& [k, v] : j.items())
            if (k != "op" && !fields->second.count(k))
                malformed(k, "is not a field of op " + detail::in_quotes(op) + " (misspelt?)");
    BatchChange out;
    if (op == "child") {
        batch::SaveChild c;
        c.child.id = f.text("child");
        c.child.date_of_birth = f.opt_date("date_of_birth");
        c.child.external_id = f.opt_text("external_id");
        out = std::move(c);
    } else if (op == "allocate") {
        out = batch::Allocate{f.text("child"), f.text("worker"), f.date("from"), f.opt_text("external_id")};
    } else if (op == "end_allocation") {
        out = batch::EndAllocation{f.text("child"), f.date("on")};
    } else if (op == "attribute") {
        batch::SetAttribute c;
        c.child = f.text("child");
        c.key = f.text("key");
        c.value = f.text("value");
        c.effective_from = f.date("effective_from");
        c.external_id = f.opt_text("external_id");
        out = std::move(c);
    } else if (op == "end_attribute") {
        out = batch::EndAttribute{f.text("child"), f.text("key"), f.date("on")};
    } else if (op == "delete_attribute") {
        out = batch::DeleteAttribute{f.text("child"), f.text("key"), f.date("effective_from")};
    } else if (op == "event") {
        batch::SaveEvent c;
        c.child = f.text("child");
        c.event.type = f.text("type");
        c.event.date = f.date("date");
        c.event.attributes = f.attributes("attributes");
        c.event.external_id = f.opt_text("external_id");
        c.recorded_by = f.opt_text("recorded_by");
        out = std::move(c);
    } else if (op == "correct_event") {
        batch::CorrectEvent c;
        event_address(f, c.id, c.external_id);
        c.child = f.text("child");
        c.event.type = f.text("type");
        c.event.date = f.date("date");
        c.event.attributes = f.attributes("attributes");
        out = std::move(c);
    } else if (op == "delete_event") {
        batch::DeleteEvent c;
        event_address(f, c.id, c.external_id);
        out = std::move(c);
    } else if (op == "erase_child") {
        out = batch::EraseChild{f.text("child"), f.text("reason")};
    } else if (op == "exemption") {
        batch::SaveExemption c;
        c.exemption.child_id = f.text("child");
        const std::string kind = f.text("kind");
        try {
            c.exemption.kind = exemption_kind_from_string(kind);
        } catch (const Error& e) {
            malformed("kind", e.what());
        }
        c.exemption.from = f.date("from");
        c.exemption.to = f.opt_date("to");
        c.exemption.reason = f.text("reason");
        c.exemption.approved_by = f.text("approved_by");
        c.exemption.areas = f.texts("areas");
        c.exemption.external_id = f.opt_text("external_id");
        out = std::move(c);
    } else if (op == "delete_exemption") {
        batch::DeleteExemption c;
        event_address(f, c.id, c.external_id, "exemption");
        out = std::move(c);
    } else {
        malformed("op", "unknown op " + detail::in_quotes(op) +
                            " (child, allocate, end_allocation, attribute, end_attribute, delete_attribute, event, "
                            "correct_event, delete_event, erase_child, exemption, delete_exemption)");
    }
    f.check_all_used();
    return out;
}

std::string where(std::string_view name, std::size_t item, std::optional<std::int64_t> line) {
    std::string s = std::string(name) + ": item " + std::to_string(item);
    if (line) s += " (line " + std::to_string(*line) + ")";
    return s;
}

std::string describe(const Malformed& m) {
    return m.field.empty() ? m.message : "field " + detail::in_quotes(m.field) + " " + m.message;
}

/// The document's JSON, or Error(parse) naming the place.
json parse_json(std::string_view text, std::string_view name, const std::string& place) {
    return detail::parse_json(text, std::string(name) + place);
}

struct Reader {
    std::string_view name;
    std::vector<BatchError>* errors;
    Batch batch;
    std::vector<std::size_t> numbers;  // each item's number in the document
    std::size_t count = 0;             // items read, malformed ones included

    void add(const json& j, std::optional<std::int64_t> line) {
        const std::size_t number = ++count;
        try {
            batch.add(read_item(j), line);
            numbers.push_back(number);
        } catch (const Malformed& m) {
            if (!errors) throw Error(Status::parse, where(name, number, line) + ": " + describe(m));
            BatchError e;
            e.item = number;
            e.line = line;
            if (j.is_object()) {
                auto op = j.find("op");
                if (op != j.end() && op->is_string()) e.op = op->get<std::string>();
                auto child = j.find("child");
                if (child != j.end() && child->is_string()) e.child = child->get<std::string>();
                auto ext = j.find("external_id");
                if (ext != j.end() && ext->is_string()) e.external_id = ext->get<std::string>();
            }
            e.status = Status::parse;
            e.message = describe(m);
            errors->push_back(std::move(e));
        }
    }
};

/// The first `n` lines holding something (after a byte order mark), trimmed.
std::vector<std::string_view> first_lines(std::string_view text, std::size_t n) {
    std::vector<std::string_view> out;
    while (!text.empty() && out.size() < n) {
        const std::size_t end = text.find('\n');
        std::string_view line = detail::trim(text.substr(0, end));
        if (!line.empty()) out.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return out;
}

/// Whether a line is a whole JSON object that is not a batch document
/// (nullopt: not JSON at all).
std::optional<bool> is_item_line(std::string_view line) {
    if (line.empty() || line.front() != '{') return false;
    try {
        const json j = json::parse(line.begin(), line.end());
        return j.is_object() && !j.contains("format");
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

/// Whether the text is NDJSON: its first line is a whole item object, or,
/// when the first line is damaged, its second is. A document spread over
/// lines (its first line is not whole), or written on one line with its
/// "format", is a document; nothing at all is an empty batch.
bool is_ndjson(std::string_view text) {
    const auto lines = first_lines(text, 2);
    if (lines.empty()) return true;
    if (auto first = is_item_line(lines[0])) return *first;
    return lines.size() > 1 && is_item_line(lines[1]).value_or(false);
}

void read_document(Reader& r, std::string_view text) {
    const json doc = parse_json(text, r.name, "");
    if (!doc.is_object()) throw Error(Status::parse, std::string(r.name) + ": a batch document is a JSON object");
    auto format = doc.find("format");
    if (format == doc.end() || *format != "oversight-batch")
        throw Error(Status::parse, std::string(r.name) + ": \"format\" is not \"oversight-batch\"");
    auto version = doc.find("version");
    if (version == doc.end() || *version != 1)
        throw Error(Status::parse,
                    std::string(r.name) + ": \"version\" is not 1 (the only version this library reads)");
    auto items = doc.find("items");
    if (items == doc.end() || !items->is_array())
        throw Error(Status::parse, std::string(r.name) + ": \"items\" is missing or not an array");
    for (const auto& [k, v] : doc.items())
        if (k != "format" && k != "version" && k != "items")
            throw Error(Status::parse, std::string(r.name) + ": " + detail::in_quotes(k) +
                                           " is not a field of a batch document (misspelt?)");
    for (const json& item : *items) r.add(item, std::nullopt);
}

void read_ndjson(Reader& r, std::string_view text) {
    std::int64_t line_no = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = detail::trim(text.substr(0, end));
        ++line_no;
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (line.empty()) continue;
        json j;
        std::string message;
        try {
            j = detail::parse_json(line, "JSON");
        } catch (const Error& e) {
            message = e.what();
        }
        if (!message.empty()) {
            // An unreadable line is one malformed item: the others are still read.
            const std::size_t number = ++r.count;
            if (!r.errors) throw Error(Status::parse, where(r.name, number, line_no) + ": " + message);
            BatchError err;
            err.item = number;
            err.line = line_no;
            err.status = Status::parse;
            err.message = message;
            r.errors->push_back(std::move(err));
            continue;
        }
        r.add(j, line_no);
    }
}

struct Parsed {
    Batch batch;
    std::vector<std::size_t> numbers;
    std::size_t count = 0;
};

Parsed parse(std::string_view text, std::string_view name, std::vector<BatchError>* errors) {
    // The one check of a text's start (core/text.hpp): UTF-16 and UTF-32 are
    // refused there; a UTF-8 mark is refused here, as JSON text has none
    // (RFC 8259, 8.1): a host that sends one sends something else too.
    if (detail::check_input_start(text, std::string(name)) != 0)
        throw Error(Status::parse, std::string(name) +
                                       ":1: a UTF-8 byte-order mark (EF BB BF) before the first item: a batch is "
                                       "JSON text, which has none (save or send it as UTF-8 without one)");
    Reader r{name, errors, {}, {}, 0};
    if (is_ndjson(text)) read_ndjson(r, text);
    else read_document(r, text);
    return Parsed{std::move(r.batch), std::move(r.numbers), r.count};
}

}  // namespace

Batch parse_batch(std::string_view text, std::string_view name, std::vector<BatchError>* errors) {
    return parse(text, name, errors).batch;
}

BatchResult apply_batch_document(Store& store, std::string_view text, std::string_view name,
                                 const BatchOptions& options) {
    std::vector<BatchError> errors;
    Parsed p = parse(text, name, &errors);
    return apply_numbered(store, p.batch, &p.numbers, std::move(errors), p.count, options);
}

// ---------------------------------------------------------------------------
// The result.

std::string batch_result_to_json(const BatchResult& result) {
    json errors = json::array();
    for (const BatchError& e : result.errors) {
        errors.push_back({{"item", e.item},
                          {"line", e.line ? json(*e.line) : json(nullptr)},
                          {"op", detail::sanitize_utf8(e.op)},
                          {"external_id", e.external_id ? json(detail::sanitize_utf8(*e.external_id)) : json(nullptr)},
                          {"child", e.child ? json(detail::sanitize_utf8(*e.child)) : json(nullptr)},
                          {"status", status_word(e.status)},
                          {"message", detail::sanitize_utf8(e.message)}});
    }
    const json doc = {{"format", "oversight-batch-result"},
                      {"version", 1},
                      {"applied", result.applied},
                      {"items", result.items},
                      {"added", result.added},
                      {"updated", result.updated},
                      {"unchanged", result.unchanged},
                      {"deleted", result.deleted},
                      {"errors", std::move(errors)}};
    return doc.dump(2);
}

std::string batch_summary(const BatchResult& result) {
    std::string counts = std::to_string(result.added) + " added, " + std::to_string(result.updated) + " updated, " +
                         std::to_string(result.unchanged) + " unchanged, " + std::to_string(result.deleted) +
                         " deleted";
    if (result.applied) return "batch applied: " + std::to_string(result.items) + " items (" + counts + ")";
    std::string s = "batch refused, nothing stored: " + std::to_string(result.errors.size()) + " of " +
                    std::to_string(result.items) + " items refused";
    for (const BatchError& e : result.errors) {
        s += "; item " + std::to_string(e.item);
        std::string about;
        auto part = [&](const std::string& text) { about += (about.empty() ? "" : ", ") + text; };
        if (e.line) part("line " + std::to_string(*e.line));
        if (e.external_id) part("external id " + detail::in_quotes(*e.external_id));
        if (e.child) part("child " + detail::in_quotes(*e.child));
        if (!about.empty()) s += " (" + about + ")";
        s += ": " + e.message;
    }
    return s;
}

}  // namespace oversight
