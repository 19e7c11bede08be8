// The acknowledgement repository on SQLite: table acknowledgements.
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "reminders/acknowledgement_repository.hpp"

namespace oversight::detail::sqlite {
namespace {

class SqliteAcknowledgementRepository final : public AcknowledgementRepository {
public:
    explicit SqliteAcknowledgementRepository(Connection& c) : c_(c) {}

    std::optional<Acknowledgement> find(const ObligationKey& key) const override {
        return guarded(c_, "reading acknowledgement", [&]() -> std::optional<Acknowledgement> {
            Query q = query(c_,
                                        "SELECT a.acknowledged_by, a.acknowledged_at, a.note FROM acknowledgements a "
                                        "JOIN children c ON c.id = a.child_id "
                                        "WHERE c.child_ref = ?1 AND a.rule_id = ?2 AND a.due_date = ?3",
                                        {key.child_id, key.rule_id, value(key.due)});
            if (!q.executeStep()) return std::nullopt;
            return Acknowledgement{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
        });
    }

    std::vector<std::pair<ObligationKey, Acknowledgement>> all() const override {
        return guarded(c_, "reading acknowledgements", [&] {
            Query q =
                query(c_, "SELECT c.child_ref, a.rule_id, a.due_date, a.acknowledged_by, a.acknowledged_at, a.note "
                          "FROM acknowledgements a JOIN children c ON c.id = a.child_id");
            std::vector<std::pair<ObligationKey, Acknowledgement>> out;
            while (q.executeStep())
                out.push_back({{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                Date::parse_iso(q.getColumn(2).getString())},
                               {q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()}});
            return out;
        });
    }

    void save(const ObligationKey& key, const Acknowledgement& ack) override {
        write(c_, "acknowledging " + key.text(), [&] {
            auto child = query_id(c_, "SELECT id FROM children WHERE child_ref = ?1", {key.child_id});
            if (!child) throw Error(Status::not_found, "no child with id '" + key.child_id + "'");
            auto id = query_id(c_,
                               "SELECT id FROM acknowledgements WHERE child_id = ?1 AND rule_id = ?2 AND due_date = ?3",
                               {*child, key.rule_id, value(key.due)});
            if (id) {
                update_row(c_, "acknowledgements", "acknowledgement", *id,
                           {{"acknowledged_by", "by", ack.by}, {"acknowledged_at", "at", ack.at}, {"note", "note", ack.note}});
                return;
            }
            std::int64_t row = insert_row(c_, "acknowledgements", "acknowledgement",
                                          {{"child_id", *child},
                                           {"rule_id", key.rule_id},
                                           {"due_date", value(key.due)},
                                           {"acknowledged_by", ack.by},
                                           {"acknowledged_at", ack.at},
                                           {"note", ack.note}},
                                          key.text());
            record_change(c_, "acknowledgement", row, "by", std::nullopt, ack.by);
            if (!ack.note.empty()) record_change(c_, "acknowledgement", row, "note", std::nullopt, ack.note);
        });
    }

private:
    Connection& c_;
};

}  // namespace

std::unique_ptr<AcknowledgementRepository> make_acknowledgement_repository(Connection& c) {
    return std::make_unique<SqliteAcknowledgementRepository>(c);
}

}  // namespace oversight::detail::sqlite
