// The supervision audit (issue 10, point 6): a reproducible sample of the
// supervision records held in a period (optionally n per supervisor), each
// session graded against the standard's quality criteria (which criteria the
// record evidences and which it does not), with per criterion the count and
// share of sampled sessions evidencing it and its 95% Wilson interval
// (audit/audit.hpp's wilson). The sample is drawn with the audit
// subsystem's sampler (draw_positions: SplitMix64, partial Fisher-Yates), so
// the same seed gives the same sample; supervision_audit_as_audit turns it
// into an audit of a programme of type "supervision", the sessions being
// the audited items, for record_audit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <oversight/audit/audit.hpp>
#include <oversight/core/date.hpp>
#include <oversight/supervision/standard.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

struct SupervisionAuditOptions {
    Date from;               // the sessions held in [from, to]
    Date to;
    /// n sessions per supervisor (strata named by supervisor); 0: not by supervisor.
    int per_supervisor = 0;
    /// With per_supervisor 0: n sessions in all; 0: every session in the period.
    int sample_size = 0;
    std::uint64_t seed = 0;
    /// A session is graded "satisfactory" when it evidences at least this
    /// many of the standard's criteria, else "inadequate" (the two-point
    /// scale); 0: all of them.
    int min_criteria = 0;
};

/// One sampled session, graded.
struct SupervisionAuditItem {
    std::int64_t session = 0;
    std::string supervisee, supervisor;
    Date held;
    std::string stratum;                 // the supervisor when drawn per supervisor, else ""
    std::vector<std::string> evidenced;  // the standard's criteria the record evidences, in the standard's order
    std::vector<std::string> missing;    // the standard's criteria it does not
    std::string grade;                   // "satisfactory" or "inadequate"
};

struct SupervisionCriterionResult {
    std::string id, title;
    Proportion evidenced;  // sampled sessions evidencing it, of those sampled
};

struct SupervisionAudit {
    SupervisionAuditOptions options;
    std::string standard;             // the standard's name
    int threshold = 0;                // min_criteria as applied (0 given: the number of criteria)
    int sessions = 0;                 // sessions held in the period
    std::vector<StratumDraw> strata;  // by stratum name (one, "", when not per supervisor)
    std::vector<SupervisionAuditItem> items;        // by stratum, then session id
    std::vector<SupervisionCriterionResult> criteria;  // in the standard's order
    Proportion satisfactory;          // items graded satisfactory
};

/// Draws and grades. Error(invalid_arg) when to < from, a date is outside
/// 1900..2199, per_supervisor or sample_size is outside 0..10000, or
/// min_criteria outside 0..the number of criteria.
SupervisionAudit supervision_audit(const Store& store, const SupervisionAuditOptions& options,
                                   const SupervisionStandard& standard = SupervisionStandard::england_default());

/// {"format":"oversight-supervision-audit","version":1,"from","to","seed"
///  (text: a 64-bit value),"per_supervisor","sample_size","min_criteria",
///  "standard","sessions","strata":[{"stratum","eligible","drawn"}],
///  "items":[{"session","supervisee","supervisor","held","stratum",
///  "evidenced":[..],"missing":[..],"grade"}],"criteria":[{"id","title",
///  "evidenced":{"k","n","share","low","high"}}],"satisfactory":{"k","n",
///  "share","low","high"}}
/// (schema: oversight-supervision-audit).
std::string supervision_audit_to_json(const SupervisionAudit& audit);
/// Plain text of the same.
std::string supervision_audit_to_text(const SupervisionAudit& audit);

/// The audit to record (record_audit) for a programme on the two-point
/// scale: one audited item per sampled session (no child), its grade, the
/// answers criterion id -> "yes" / "no" for every criterion of the standard,
/// and the findings naming the session ("supervision 12: Ann Newby
/// supervised by Tom Reed, held 2025-03-10"); auditors, findings and
/// recommendations are the caller's to add.
Audit supervision_audit_as_audit(const SupervisionAudit& audit, std::string reference, std::string programme,
                                 Date held, Date recorded);

}  // namespace oversight
