// Acknowledgements: who has seen an obligation, when and a note.
#include <oversight/casework/case.hpp>
#include <oversight/core/error.hpp>
#include <oversight/reminders/acknowledgement.hpp>

#include "casework/casework_detail.hpp"
#include "core/text.hpp"
#include "store/db.hpp"

#include <algorithm>

namespace oversight {

std::string ObligationKey::text() const { return child_id + "/" + rule_id + "/" + due.iso(); }

bool operator==(const ObligationKey& a, const ObligationKey& b) {
    return a.child_id == b.child_id && a.rule_id == b.rule_id && a.due == b.due;
}

ObligationKey key_of(const Obligation& o) { return {o.child_id, o.rule_id, o.due}; }

bool operator==(const Acknowledgement& a, const Acknowledgement& b) {
    return a.by == b.by && a.at == b.at && a.note == b.note;
}

// ------------------------------------------------------------ acknowledgements

Acknowledgement acknowledge(Store& store, const RulePack& pack, const Calendar& calendar, const ObligationKey& key,
                            std::string_view who, std::string_view note) {
    if (!detail::is_valid_utf8(who) || detail::trim(who).empty())
        throw Error(Status::invalid_arg, "acknowledged_by is empty or not valid UTF-8");
    if (!detail::is_valid_utf8(note)) throw Error(Status::invalid_arg, "acknowledgement note is not valid UTF-8");
    if (key.rule_id.empty()) throw Error(Status::invalid_arg, "acknowledgement: rule id is empty");
    return detail::write(store, "acknowledging " + detail::sanitize_utf8(key.text()), [&] {
        auto& s = detail::impl(store);
        std::int64_t child = detail::child_row(s, key.child_id);
        // The obligation as the case stood on its due date (attributes then),
        // or as it stands now (every obligation up to the later of today and
        // the due date).
        bool known = false;
        for (Date as_of : {key.due, std::max(Date::today(), key.due)}) {
            CaseRecord record = load_case(store, key.child_id, as_of);
            for (const Obligation& o : schedule_case(pack, record, as_of, calendar))
                if (o.rule_id == key.rule_id && o.due == key.due) known = true;
            if (known) break;
        }
        if (!known)
            throw Error(Status::not_found, "no obligation " + key.text() + ": rule '" + key.rule_id +
                                               "' gives child '" + key.child_id + "' no due date on " + key.due.iso());
        Acknowledgement ack{std::string(detail::trim(who)), utc_timestamp_now(), std::string(note)};
        SQLite::Statement q(s.db,
                            "SELECT id, acknowledged_by, acknowledged_at, note FROM acknowledgements "
                            "WHERE child_id = ? AND rule_id = ? AND due_date = ?");
        q.bind(1, static_cast<std::int64_t>(child));
        q.bind(2, key.rule_id);
        q.bind(3, key.due.iso());
        if (q.executeStep()) {
            std::int64_t id = q.getColumn(0).getInt64();
            std::string old_by = q.getColumn(1).getString(), old_at = q.getColumn(2).getString(),
                        old_note = q.getColumn(3).getString();
            SQLite::Statement u(s.db,
                                "UPDATE acknowledgements SET acknowledged_by = ?, acknowledged_at = ?, note = ? WHERE id = ?");
            u.bind(1, ack.by);
            u.bind(2, ack.at);
            u.bind(3, ack.note);
            u.bind(4, static_cast<std::int64_t>(id));
            u.exec();
            if (old_by != ack.by) detail::record_change(s, "acknowledgement", id, "by", old_by, ack.by);
            detail::record_change(s, "acknowledgement", id, "at", old_at, ack.at);
            if (old_note != ack.note) detail::record_change(s, "acknowledgement", id, "note", old_note, ack.note);
            return ack;
        }
        SQLite::Statement ins(s.db,
                              "INSERT INTO acknowledgements(child_id, rule_id, due_date, acknowledged_by, acknowledged_at, note) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, static_cast<std::int64_t>(child));
        ins.bind(2, key.rule_id);
        ins.bind(3, key.due.iso());
        ins.bind(4, ack.by);
        ins.bind(5, ack.at);
        ins.bind(6, ack.note);
        ins.exec();
        std::int64_t id = s.db.getLastInsertRowid();
        detail::record_change(s, "acknowledgement", id, "*", std::nullopt, key.text());
        detail::record_change(s, "acknowledgement", id, "by", std::nullopt, ack.by);
        if (!ack.note.empty()) detail::record_change(s, "acknowledgement", id, "note", std::nullopt, ack.note);
        return ack;
    });
}

std::optional<Acknowledgement> find_acknowledgement(const Store& store, const ObligationKey& key) {
    return detail::read(store, "reading acknowledgement", [&]() -> std::optional<Acknowledgement> {
        SQLite::Statement q(detail::impl(store).db,
                            "SELECT a.acknowledged_by, a.acknowledged_at, a.note FROM acknowledgements a "
                            "JOIN children c ON c.id = a.child_id WHERE c.child_ref = ? AND a.rule_id = ? AND a.due_date = ?");
        q.bind(1, key.child_id);
        q.bind(2, key.rule_id);
        q.bind(3, key.due.iso());
        if (!q.executeStep()) return std::nullopt;
        return Acknowledgement{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
    });
}

}  // namespace oversight
