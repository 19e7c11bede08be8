// The complaint repository on SQLite: tables complaints and
// complaint_stages (0008).
#include "store/sqlite/repositories.hpp"

#include <oversight/core/error.hpp>

#include "complaints/complaint_repository.hpp"

namespace oversight::detail::sqlite {
namespace {

const char* const kComplaintSelect =
    "SELECT k.id, k.reference, c.child_ref, k.received_date, k.category, k.lessons "
    "FROM complaints k LEFT JOIN children c ON c.id = k.child_id ";

class SqliteComplaintRepository final : public ComplaintRepository {
public:
    explicit SqliteComplaintRepository(Connection& c) : c_(c) {}

    std::optional<Complaint> find(std::string_view reference) const override {
        return guarded(c_, "reading complaint", [&]() -> std::optional<Complaint> {
            std::optional<Complaint> out;
            snapshot(c_, [&] {
                Query q = query(c_, std::string(kComplaintSelect) + "WHERE k.reference = ?1 COLLATE NOCASE",
                                {value(reference)});
                if (!q.executeStep()) return;
                out = complaint_from(q);
                out->stages = stages(out->id);
            });
            return out;
        });
    }

    std::vector<Complaint> all() const override {
        return guarded(c_, "listing complaints", [&] {
            std::vector<Complaint> out;
            snapshot(c_, [&] {
                {
                    Query q = query(c_, std::string(kComplaintSelect) + "ORDER BY k.received_date, k.reference");
                    while (q.executeStep()) out.push_back(complaint_from(q));
                }
                for (Complaint& c : out) c.stages = stages(c.id);
            });
            return out;
        });
    }

    std::int64_t add(const Complaint& k) override {
        return write(c_, "adding complaint", [&] {
            std::optional<std::int64_t> child;
            if (k.child_id) {
                child = query_id(c_, "SELECT id FROM children WHERE child_ref = ?1", {*k.child_id});
                if (!child) throw Error(Status::not_found, "no child with id '" + *k.child_id + "'");
            }
            const std::int64_t id = insert_row(c_, "complaints", "complaint",
                                               {{"reference", k.reference},
                                                {"child_id", value(child)},
                                                {"received_date", value(k.received)},
                                                {"category", k.category},
                                                {"lessons", k.lessons},
                                                {"created_at", utc_timestamp_now()}},
                                               k.reference);
            record_change(c_, "complaint", id, "received", std::nullopt, k.received.iso());
            if (k.child_id) record_change(c_, "complaint", id, "child", std::nullopt, *k.child_id);
            if (!k.category.empty()) record_change(c_, "complaint", id, "category", std::nullopt, k.category);
            if (!k.lessons.empty()) record_change(c_, "complaint", id, "lessons", std::nullopt, k.lessons);
            for (const ComplaintStage& s : k.stages) add_stage(id, k.reference, s);
            return id;
        });
    }

    void update(const Complaint& k) override {
        write(c_, "changing complaint", [&] {
            update_row(c_, "complaints", "complaint", k.id,
                       {{"category", "category", k.category}, {"lessons", "lessons", k.lessons}});
            for (const ComplaintStage& s : k.stages) {
                auto row = query_id(c_, "SELECT id FROM complaint_stages WHERE complaint_id = ?1 AND stage = ?2",
                                    {k.id, value(s.stage)});
                if (!row) {
                    add_stage(k.id, k.reference, s);
                    continue;
                }
                update_row(c_, "complaint_stages", "complaint_stage", *row, stage_fields(s));
            }
        });
    }

private:
    static std::vector<Field> stage_fields(const ComplaintStage& s) {
        const std::optional<std::string> outcome =
            s.outcome ? std::optional<std::string>(std::string(to_string(*s.outcome))) : std::nullopt;
        return {{"request_date", "requested", value(s.requested)},
                {"statement_agreed", "statement_agreed", value(s.statement_agreed)},
                {"extended", "extended", value(s.extended)},
                {"panel_date", "panel_date", value(s.panel_date)},
                {"panel_report_date", "panel_report_date", value(s.panel_report_date)},
                {"response_date", "response_date", value(s.response_date)},
                {"outcome", "outcome", value(outcome)}};
    }

    void add_stage(std::int64_t complaint, const std::string& reference, const ComplaintStage& s) {
        std::vector<Column> cols = {{"complaint_id", complaint}, {"stage", value(s.stage)}};
        for (const Field& f : stage_fields(s)) cols.push_back({f.column, f.value});
        const std::int64_t id = insert_row(c_, "complaint_stages", "complaint_stage", cols,
                                           reference + " stage " + std::to_string(s.stage));
        for (const Field& f : stage_fields(s))
            if (auto text = history_text(f.value); text && *text != "0")
                record_change(c_, "complaint_stage", id, f.field, std::nullopt, text);
    }

    Complaint complaint_from(Query& q) const {
        Complaint k;
        k.id = q.getColumn(0).getInt64();
        k.reference = q.getColumn(1).getString();
        k.child_id = opt_text(q.getColumn(2));
        k.received = Date::parse_iso(q.getColumn(3).getString());
        k.category = q.getColumn(4).getString();
        k.lessons = q.getColumn(5).getString();
        return k;
    }

    std::vector<ComplaintStage> stages(std::int64_t complaint) const {
        std::vector<ComplaintStage> out;
        Query q = query(c_,
                        "SELECT stage, request_date, statement_agreed, extended, panel_date, panel_report_date, "
                        "response_date, outcome FROM complaint_stages WHERE complaint_id = ?1 ORDER BY stage",
                        {complaint});
        while (q.executeStep()) {
            ComplaintStage s;
            s.stage = q.getColumn(0).getInt();
            s.requested = Date::parse_iso(q.getColumn(1).getString());
            s.statement_agreed = opt_date(q.getColumn(2));
            s.extended = q.getColumn(3).getInt() != 0;
            s.panel_date = opt_date(q.getColumn(4));
            s.panel_report_date = opt_date(q.getColumn(5));
            s.response_date = opt_date(q.getColumn(6));
            if (auto o = opt_text(q.getColumn(7))) s.outcome = parse_complaint_outcome(*o);
            out.push_back(s);
        }
        return out;
    }

    Connection& c_;
};

}  // namespace

std::unique_ptr<ComplaintRepository> make_complaint_repository(Connection& c) {
    return std::make_unique<SqliteComplaintRepository>(c);
}

}  // namespace oversight::detail::sqlite
