// The statutory returns a council already makes, imported through one entry
// point: SSDA903 (children looked after), the CIN Census (children in need),
// the children's social work workforce census (CSWW) and Ofsted's Annex A.
// Each return's mapping is documented with its reader and importer:
// ssda903.hpp, cin_census.hpp, csww.hpp, annex_a.hpp.
//
// What the importers add to the returns' own events, the same for every
// return that carries the fact (CIN Census, Annex A):
//   - a referral whose outcome was no further action (CIN ReferralNFA true,
//     Annex A "Referral NFA?" yes) also gives a referral_decision {decision:
//     "nfa"} on the referral's date: the decision was made (England pack
//     cp.referral_decision is met), and neither return dates it. The single
//     assessment's clock (assessment.single, counted from the referral,
//     with no event that ends it) stays as the pack defines it;
//   - a section 47 enquiry that concluded no conference was needed (CIN
//     ICPCnotRequired true, Annex A "Was an Initial Child Protection
//     Conference deemed unnecessary?" yes) and that no icpc of the child
//     follows (before their next strategy discussion) gives a
//     cp_enquiry_closed {reason: "icpc_not_required"} on the day after the
//     strategy discussion, so the ICPC's clock (cp.icpc, which ends on
//     cp_enquiry_closed) does not stay open for ever. Neither return dates
//     the end of the enquiry; the next day is the first on which the clock
//     can be ended, as the schedule engine places an event that ends a
//     chain on its trigger's own day before the trigger.
// Their external ids follow the return's own events' ("cin:<child>/
// referral_decision/<date>"), so they too are stored once.
//
// A child the store already has with another date of birth keeps it, with a
// warning naming both (CIN Census, Annex A; SSDA903 sets its own): the same
// child in two returns that disagree would otherwise change back and forth
// as they are imported in turn.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <oversight/import/import_issue.hpp>

namespace oversight {

class Store;  // <oversight/store/store.hpp>

enum class ReturnFormat {
    ssda903,     // "ssda903": a folder holding header.csv, episodes.csv, reviews.csv
    cin_census,  // "cin": CIN Census XML
    csww,        // "csww": social work workforce census XML
    annex_a,     // "annex-a": Ofsted's Annex A workbook (.xlsx)
};
/// "ssda903", "cin", "csww", "annex-a".
std::string_view to_string(ReturnFormat format) noexcept;
/// Inverse of to_string, ignoring ASCII case; also "cin-census" and
/// "annex_a". Error(invalid_arg) naming the text and the four names.
ReturnFormat parse_return_format(std::string_view text);

/// Imports the files of one return format in one transaction: everything is
/// stored, or (on a failure of the store) nothing.
///   ssda903     each path a folder (import_ssda903), or a CSV file of one
///               (header.csv, episodes.csv, reviews.csv): the folder the
///               files are in is imported once (a note names any other
///               file given, which is not read);
///   cin         each path a CIN Census XML file (import_cin_census);
///   csww        each path a CSWW XML file (import_csww; recorded_by is not
///               used: people and appointments carry no recorder);
///   annex-a     each path an Annex A workbook (import_annex_a).
/// One path: that importer's summary. Several: one summary, importer the
/// format's ("ssda903", "cin-census", "csww", "annex-a"), source the paths
/// joined by "; ", counts summed by name in order of first appearance,
/// issues in path order (each names its file). A path that cannot be read
/// (Error(io), Error(parse): a missing file, a damaged one) is an error
/// issue naming it and the count files_not_read, and the others are
/// imported; when no path could be read, that first error is thrown.
/// files_read counts the paths read. An empty `recorded_by` leaves each
/// importer's own ("ssda903 import", "cin census import", "annex a
/// import"). Error(invalid_arg) for no paths, an empty path, or SSDA903
/// files from different folders.
ImportSummary import_return(Store& store, ReturnFormat format, const std::vector<std::string>& paths,
                            std::string_view recorded_by = {});

}  // namespace oversight
