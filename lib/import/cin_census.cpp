// The CIN Census (DfE children in need return, XML) into casework. The
// mapping, the checks and their sources are documented once, in
// include/oversight/import/cin_census.hpp; the code lists are in
// cin_census_codes.cpp. Elements are matched by local name through the
// project's XML reader, which gives every issue its file, line and path.
#include <oversight/import/cin_census.hpp>

#include <oversight/core/edit_distance.hpp>
#include <oversight/core/error.hpp>
#include <oversight/import/xml_reader.hpp>

#include "core/text.hpp"
#include "core/validation.hpp"
#include "core/transaction.hpp"
#include "import/input_text.hpp"
#include "import/return_store.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace oversight {

namespace {

// ------------------------------------------------------------ the schema

// The child elements the 2022 schema allows in an element, and whether
// each may repeat. An element not listed here is a leaf: it holds text.
struct Allowed {
    std::string_view name;
    bool repeats;
};

const std::vector<Allowed>& allowed_children(std::string_view element) {
    static const std::map<std::string_view, std::vector<Allowed>> kSchema = {
        {"Message", {{"Header", false}, {"Children", false}}},
        {"Header", {{"CollectionDetails", false}, {"Source", true}}},
        {"CollectionDetails", {{"Collection", false}, {"Year", false}, {"ReferenceDate", false}}},
        {"Source",
         {{"SourceLevel", false},
          {"LEA", false},
          {"SoftwareCode", false},
          {"Release", false},
          {"SerialNo", false},
          {"DateTime", false}}},
        {"Children", {{"Child", true}}},
        {"Child", {{"ChildIdentifiers", false}, {"ChildCharacteristics", false}, {"CINdetails", true}}},
        {"ChildIdentifiers",
         {{"LAchildID", false},
          {"UPN", false},
          {"FormerUPN", false},
          {"UPNunknown", false},
          {"PersonBirthDate", false},
          {"ExpectedPersonBirthDate", false},
          {"GenderCurrent", false},
          {"PersonDeathDate", false}}},
        {"ChildCharacteristics", {{"Ethnicity", false}, {"Disabilities", false}}},
        {"Disabilities", {{"Disability", true}}},
        {"CINdetails",
         {{"CINreferralDate", false},
          {"ReferralSource", false},
          {"PrimaryNeedCode", false},
          {"CINclosureDate", false},
          {"ReasonForClosure", false},
          {"DateOfInitialCPC", false},
          {"Assessments", true},
          {"CINPlanDates", true},
          {"Section47", true},
          {"ReferralNFA", false},
          {"ChildProtectionPlans", true}}},
        {"Assessments",
         {{"AssessmentActualStartDate", false},
          {"AssessmentInternalReviewDate", false},
          {"AssessmentAuthorisationDate", false},
          {"FactorsIdentifiedAtAssessment", false}}},
        {"FactorsIdentifiedAtAssessment", {{"AssessmentFactors", true}}},
        {"CINPlanDates", {{"CINPlanStartDate", false}, {"CINPlanEndDate", false}}},
        {"Section47",
         {{"S47ActualStartDate", false},
          {"InitialCPCtarget", false},
          {"DateOfInitialCPC", false},
          {"ICPCnotRequired", false}}},
        {"ChildProtectionPlans",
         {{"CPPstartDate", false},
          {"CPPendDate", false},
          {"InitialCategoryOfAbuse", false},
          {"LatestCategoryOfAbuse", false},
          {"NumberOfPreviousCPP", false},
          {"Reviews", false}}},
        {"Reviews", {{"CPPreviewDate", true}}},
    };
    static const std::vector<Allowed> kLeaf;
    auto it = kSchema.find(element);
    return it == kSchema.end() ? kLeaf : it->second;
}

// The elements counted as read, by name.
const std::pair<std::string_view, const char*> kCounted[] = {
    {"Child", "children"},           {"CINdetails", "cin_details"},      {"Assessments", "assessments"},
    {"CINPlanDates", "cin_plans"},   {"Section47", "section47s"},        {"ChildProtectionPlans", "cp_plans"},
    {"CPPreviewDate", "cp_reviews"},
};

// The one candidate `text` most probably meant: equal ignoring case, or
// else the only one within `max` edits (ignoring case); "" if none or several.
std::string nearest(std::string_view text, const std::vector<std::string_view>& candidates, int max) {
    const std::string key = detail::lower(text);
    for (std::string_view c : candidates)
        if (detail::lower(c) == key) return std::string(c);
    std::string best;
    int best_distance = max + 1, at_best = 0;
    for (std::string_view c : candidates) {
        const int d = edit_distance(key, detail::lower(c), max);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
            at_best = 1;
        } else if (d == best_distance) {
            ++at_best;
        }
    }
    return best_distance <= max && at_best == 1 ? best : std::string();
}

const char* list_name(CinCodeList list) {
    switch (list) {
        case CinCodeList::referral_source: return "referral source";
        case CinCodeList::primary_need: return "primary need";
        case CinCodeList::reason_for_closure: return "reason for closure";
        case CinCodeList::category_of_abuse: return "category of abuse";
        case CinCodeList::assessment_factor: return "assessment factor";
    }
    return "";
}

// xs:date allows a time zone after the date ("2022-03-31Z",
// "2022-03-31+01:00"); the day is the one written.
std::string_view without_time_zone(std::string_view t) {
    if (t.size() == 11 && t[10] == 'Z') return t.substr(0, 10);
    if (t.size() == 16 && (t[10] == '+' || t[10] == '-') && t[13] == ':') return t.substr(0, 10);
    return t;
}

bool shaped_like_date(std::string_view t) {
    return t.size() == 10 && t[4] == '-' && t[7] == '-' &&
           std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

// An LAchildID longer than this is not an id (the DfE field holds 10 characters).
constexpr std::size_t kMaxChildId = 100;

// ------------------------------------------------------------- the reader

// One CINdetails element: its child and the dates the checks compare with.
struct Episode {
    std::string child;
    std::optional<Date> referral, closure, cin_icpc;
    std::set<Date> icpcs;  // conferences of the episode (CINdetails and Section47)
};

class Reader {
public:
    Reader(const XmlDocument& doc, CinCensusData& data) : doc_(doc), data_(data), today_(Date::today()) {}

    void read() {
        const XmlNode root = doc_.root();
        if (root.name() != "Message")
            refuse(root, "the root element is <" + root.name() + ">; a CIN Census return's is <Message>");
        const XmlNode header = root.child("Header");
        if (header)
            read_header(header);
        else
            root.report("no <Header>: dates are checked against today only", Severity::warning);
        const XmlNode children = root.child("Children");
        if (!children) refuse(root, "no <Children> in <Message>: not a CIN Census return");
        check(root);
        for (const XmlNode& c : children.children("Child")) read_child(c);
        data_.summary.add("children_used", static_cast<std::int64_t>(data_.children.size()));
        data_.summary.add("events", static_cast<std::int64_t>(data_.events.size()));
        data_.summary.add("attributes", static_cast<std::int64_t>(data_.attributes.size()));
    }

private:
    enum class Merge { note, quiet, dfe_2884 };

    [[noreturn]] void refuse(const XmlNode& n, const std::string& what) const {
        throw Error(Status::parse, detail::place(doc_.file(), n.line()) + ": " + what);
    }

    // Unknown and repeated elements under `n`, recursively through the
    // elements the schema knows; counts the elements read.
    void check(const XmlNode& n) {
        const std::vector<Allowed>& allowed = allowed_children(n.name());
        std::set<std::string> seen;
        for (const XmlNode& c : n.children()) {
            const std::string name = c.name();
            auto a = std::find_if(allowed.begin(), allowed.end(), [&](const Allowed& x) { return x.name == name; });
            if (a == allowed.end()) {
                data_.summary.add("unknown_elements");
                std::vector<std::string_view> names;
                for (const Allowed& x : allowed) names.push_back(x.name);
                std::string message = "<" + detail::sanitize_utf8(name) + "> is not an element of <" + n.name() +
                                      "> in the CIN Census schema 2022; not read";
                if (std::string near = nearest(name, names, 2); !near.empty())
                    message += " (did you mean <" + near + ">?)";
                c.report(std::move(message), Severity::warning);
                continue;
            }
            if (!a->repeats && !seen.insert(name).second) {
                c.report("<" + name + "> is given again in <" + n.name() + ">; only the first is read");
                continue;
            }
            for (const auto& [element, count] : kCounted)
                if (element == name) data_.summary.add(count);
            check(c);
        }
    }

    // ---- values

    // The date in `n`: nothing (and no issue) for an absent or empty
    // element; nothing and an error ending in `lost` for a malformed or
    // impossible date, one before 1900 or, when `bounded`, one after the
    // reference date or today.
    std::optional<Date> date(const XmlNode& n, const std::string& lost, bool bounded = true) {
        if (!n) return std::nullopt;
        const std::string text = n.text();
        if (text.empty()) return std::nullopt;
        const std::string_view day = without_time_zone(text);
        auto d = Date::try_parse_iso(day);
        if (!d) {
            n.report(n.name() + " " + detail::in_quotes(text) +
                     (shaped_like_date(day) ? " is not a day that exists" : " is not a date (YYYY-MM-DD)") + "; " + lost);
            return std::nullopt;
        }
        if (d->year() < 1900) {
            n.report(n.name() + " " + d->iso() + " is before 1900; " + lost);
            return std::nullopt;
        }
        if (bounded && reference_ && *d > *reference_) {
            n.report(n.name() + " " + d->iso() + " is after the end of the collection period (ReferenceDate " +
                     reference_->iso() + "); " + lost);
            return std::nullopt;
        }
        if (bounded && *d > today_) {
            n.report(n.name() + " " + d->iso() + " is in the future; " + lost);
            return std::nullopt;
        }
        return d;
    }

    // The code in `n` if it is one of `list`; an unknown code is a warning,
    // not used, with the code probably meant.
    std::optional<std::string> code(const XmlNode& n, CinCodeList list) {
        if (!n) return std::nullopt;
        const std::string text = n.text();
        if (text.empty()) return std::nullopt;  // required() reports the required ones
        std::vector<std::string_view> codes;
        for (const CinCode& c : cin_census_codes(list)) {
            if (c.code == text) return text;
            codes.push_back(c.code);
        }
        const std::string what = list_name(list);
        std::string message = n.name() + " " + detail::in_quotes(text) + (what[0] == 'a' ? " is not an " : " is not a ") + what +
                              " code of the CIN Census schema 2022";
        if (std::string near = nearest(text, codes, 1); !near.empty()) message += " (did you mean " + near + "?)";
        n.report(message + "; not used", Severity::warning);
        return std::nullopt;
    }

    // The schema's yesnotype: true, false, TRUE, FALSE, 1, 0.
    std::optional<bool> yes_no(const XmlNode& n) {
        if (!n) return std::nullopt;
        const std::string text = n.text();
        if (text.empty()) return std::nullopt;  // required() reports it
        if (text == "true" || text == "TRUE" || text == "1") return true;
        if (text == "false" || text == "FALSE" || text == "0") return false;
        n.report(n.name() + " " + detail::in_quotes(text) + " is not true, false, TRUE, FALSE, 1 or 0; not used",
                 Severity::warning);
        return std::nullopt;
    }

    // A warning for a required element that is absent or empty.
    bool required(const XmlNode& parent, const char* name, const std::string& consequence = {},
                  Severity severity = Severity::warning) {
        const XmlNode n = parent.child(name);
        if (n && !n.text().empty()) return true;
        std::string message = "<" + parent.name() + "> has no " + name + (n ? " (it is empty)" : "") +
                              ", which the schema requires";
        (n ? n : parent).report(consequence.empty() ? message : message + "; " + consequence, severity);
        return false;
    }

    // ---- what is recorded

    void event(const std::string& child, const char* type, Date date, const XmlNode& where,
               std::map<std::string, std::string> attributes = {}, Merge merge = Merge::note) {
        std::string key = child + "/" + type + "/" + date.iso();
        auto [it, added] = event_index_.emplace(key, data_.events.size());
        if (added) {
            data_.events.push_back({child, CaseEvent{type, date, std::move(attributes)}, std::move(key), doc_.file(),
                                    where.line(), where.path()});
            return;
        }
        data_.summary.add("events_merged");
        CinCensusEvent& first = data_.events[it->second];
        std::string differs;
        for (auto& [k, v] : attributes) {
            auto [old, inserted] = first.event.attributes.emplace(k, v);
            if (!inserted && old->second != v) differs += "; its " + k + " " + v + " differs from " + old->second + ", which is kept";
        }
        const std::string first_place = "line " + std::to_string(first.line) + " (" + first.path + ")";
        if (merge == Merge::dfe_2884)
            where.report("the initial conference on " + date.iso() + " is also recorded in the CINdetails at " +
                             first_place + " (DfE rule 2884: record it in one place); recorded once" + differs,
                         Severity::warning);
        else if (merge == Merge::note || !differs.empty())
            where.report(std::string("the same ") + type + " on " + date.iso() + " as at " + first_place +
                             "; recorded once" + differs,
                         differs.empty() ? Severity::note : Severity::warning);
    }

    // A case attribute. Keys in `kStates` are states (open / closed): two
    // values on one day are an end and a new start, and "open" stands; for
    // other keys a second value on the same day replaces the first, with a
    // warning.
    void attribute(const std::string& child, const char* key, const std::string& value, Date from,
                   const XmlNode& where, bool state = false) {
        auto [it, added] = attribute_index_.emplace(std::make_tuple(child, std::string(key), from), data_.attributes.size());
        if (added) {
            data_.attributes.push_back({child, key, value, from, doc_.file(), where.line(), where.path()});
            return;
        }
        CinCensusAttribute& first = data_.attributes[it->second];
        if (first.value == value) return;  // the same fact, from another element
        if (state) {
            if (value == "open") first = {child, key, value, from, doc_.file(), where.line(), where.path()};
            return;
        }
        where.report(std::string(key) + " " + value + " from " + from.iso() + " differs from " + first.value +
                         " from the same day at line " + std::to_string(first.line) + "; " + value + " is used",
                     Severity::warning);
        first.value = value;
        first.line = where.line();
        first.path = where.path();
    }

    // A state from `start` to `end`: `open` on the start, `closed` on the
    // end; only `closed` when both are one day.
    void state(const std::string& child, const char* key, const char* open, std::optional<Date> start,
               const XmlNode& start_node, const char* closed, std::optional<Date> end, const XmlNode& end_node) {
        if (start && (!end || *end != *start)) attribute(child, key, open, *start, start_node, true);
        if (end) attribute(child, key, closed, *end, end_node, true);
    }

    void before_referral(const Episode& ep, const XmlNode& n, Date d, const char* rule) {
        if (ep.referral && d < *ep.referral)
            n.report(n.name() + " " + d.iso() + " is before the CINreferralDate " + ep.referral->iso() + " (DfE rule " +
                         rule + ")",
                     Severity::warning);
    }
    void after_closure(const Episode& ep, const XmlNode& n, Date d) {
        if (ep.closure && d > *ep.closure)
            n.report(n.name() + " " + d.iso() + " is after the CINclosureDate " + ep.closure->iso() +
                         " (DfE rule 8565: activity after the case was closed)",
                     Severity::warning);
    }

    // ---- the elements

    void read_header(const XmlNode& header) {
        const XmlNode details = header.child("CollectionDetails");
        const XmlNode collection = details.child("Collection");
        if (collection && collection.text() != "CIN")
            refuse(collection, "the return's Collection is " + detail::in_quotes(collection.text()) +
                                   ", not CIN: not a CIN Census return");
        const XmlNode reference = details.child("ReferenceDate");
        reference_ = date(reference, "dates are checked against today only", false);
        data_.reference_date = reference_;
        if (!reference || reference.text().empty())
            (details ? details : header)
                .report("no Header/CollectionDetails/ReferenceDate: dates are checked against today only",
                        Severity::warning);
    }

    void read_child(const XmlNode& c) {
        const XmlNode ids = c.child("ChildIdentifiers");
        const XmlNode id_node = ids.child("LAchildID");
        const std::string id = id_node.text();
        const std::size_t episodes = c.children("CINdetails").size();
        const std::string lost = "the child and its " + std::to_string(episodes) + " CINdetails are not used";
        if (id.empty()) {
            (id_node ? id_node : ids ? ids : c).report("no LAchildID (DfE rule 8500); " + lost);
            return;
        }
        if (id.find("\xEF\xBF\xBD") != std::string::npos) {
            id_node.report("LAchildID " + detail::in_quotes(id) + " is not valid UTF-8; " + lost);
            return;
        }
        if (id.size() > kMaxChildId) {
            id_node.report("LAchildID is " + std::to_string(id.size()) + " bytes long, not an id; " + lost);
            return;
        }
        if (std::any_of(id.begin(), id.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; })) {
            id_node.report("LAchildID " + detail::in_quotes(id) + " holds a control character; " + lost);
            return;
        }
        const XmlNode dob_node = ids.child("PersonBirthDate");
        const std::optional<Date> dob = date(dob_node, "the date of birth is not recorded");
        auto [it, added] = child_index_.emplace(id, std::make_pair(data_.children.size(), id_node.line()));
        if (added) {
            data_.children.push_back({id, dob});
        } else {
            id_node.report("LAchildID " + id + " is given again (first at line " + std::to_string(it->second.second) +
                               "; DfE rule 8510); read as the same child",
                           Severity::warning);
            Child& first = data_.children[it->second.first];
            if (dob && !first.date_of_birth)
                first.date_of_birth = dob;
            else if (dob && *dob != *first.date_of_birth)
                dob_node.report("PersonBirthDate " + dob->iso() + " differs from the first record's " +
                                    first.date_of_birth->iso() + ", which is kept",
                                Severity::warning);
        }
        if (episodes == 0)
            c.report("child " + id + " has no <CINdetails> (DfE rule 8590); the child is recorded without events",
                     Severity::warning);
        for (const XmlNode& cin : c.children("CINdetails")) read_episode(id, cin);
    }

    void read_episode(const std::string& id, const XmlNode& cin) {
        Episode ep;
        ep.child = id;
        const XmlNode referral_node = cin.child("CINreferralDate");
        const std::string referral_lost = "the referral, its source and primary need are not recorded";
        required(cin, "CINreferralDate", referral_lost, Severity::error);
        ep.referral = date(referral_node, referral_lost);
        const XmlNode source_node = cin.child("ReferralSource"), need_node = cin.child("PrimaryNeedCode");
        required(cin, "ReferralSource");
        const auto source = code(source_node, CinCodeList::referral_source);
        const auto need = code(need_node, CinCodeList::primary_need);
        required(cin, "ReferralNFA");
        const auto nfa = yes_no(cin.child("ReferralNFA"));

        const XmlNode closure_node = cin.child("CINclosureDate"), reason_node = cin.child("ReasonForClosure");
        ep.closure = date(closure_node, "the closure and its reason are not recorded");
        if (ep.closure && ep.referral && *ep.closure < *ep.referral) {
            closure_node.report("CINclosureDate " + ep.closure->iso() + " is before the CINreferralDate " +
                                ep.referral->iso() + " (DfE rule 8630); the closure and its reason are not recorded");
            ep.closure.reset();
        }
        const auto reason = code(reason_node, CinCodeList::reason_for_closure);
        const bool closure_given = closure_node && !closure_node.text().empty();
        if (reason && !closure_given)
            reason_node.report("ReasonForClosure " + *reason + " without a CINclosureDate (DfE rule 8810); not used");
        if (ep.closure && !reason && (!reason_node || reason_node.text().empty()))
            closure_node.report("CINclosureDate without a ReasonForClosure (DfE rule 8805)", Severity::warning);

        if (ep.referral) {
            std::map<std::string, std::string> attrs;
            if (source) attrs["referral_source"] = *source;
            if (need) attrs["primary_need"] = *need;
            if (nfa && *nfa) attrs["nfa"] = "true";
            event(id, "referral", *ep.referral, referral_node, std::move(attrs));
            if (source) attribute(id, "referral_source", *source, *ep.referral, source_node);
            if (need) attribute(id, "primary_need", *need, *ep.referral, need_node);
        }
        state(id, "cin_episode", "open", ep.referral, referral_node, "closed", ep.closure, closure_node);
        if (ep.closure && reason) attribute(id, "reason_for_closure", *reason, *ep.closure, reason_node);

        const XmlNode icpc_node = cin.child("DateOfInitialCPC");
        if (auto icpc = date(icpc_node, "the conference is not recorded")) {
            after_closure(ep, icpc_node, *icpc);
            event(id, "icpc", *icpc, icpc_node);
            ep.cin_icpc = icpc;
            ep.icpcs.insert(*icpc);
        }
        for (const XmlNode& a : cin.children("Assessments")) read_assessment(ep, a);
        for (const XmlNode& p : cin.children("CINPlanDates")) read_cin_plan(ep, p);
        for (const XmlNode& s : cin.children("Section47")) read_section47(ep, s);
        for (const XmlNode& p : cin.children("ChildProtectionPlans")) read_cp_plan(ep, p);
    }

    void read_assessment(Episode& ep, const XmlNode& a) {
        const XmlNode start_node = a.child("AssessmentActualStartDate");
        const XmlNode review_node = a.child("AssessmentInternalReviewDate");
        const XmlNode end_node = a.child("AssessmentAuthorisationDate");
        required(a, "AssessmentActualStartDate", "the assessment's start is not recorded");
        auto start = date(start_node, "the assessment's start is not recorded");
        auto review = date(review_node, "not recorded");
        auto end = date(end_node, "the assessment's completion is not recorded");
        if (start && end && *end < *start) {
            end_node.report("AssessmentAuthorisationDate " + end->iso() + " is before the AssessmentActualStartDate " +
                            start->iso() + " (DfE rule 8608); the assessment's completion is not recorded");
            end.reset();
        }
        if (start) {
            before_referral(ep, start_node, *start, "1103");
            after_closure(ep, start_node, *start);
        }
        if (end) after_closure(ep, end_node, *end);

        const XmlNode factors_node = a.child("FactorsIdentifiedAtAssessment");
        std::string factors;
        std::set<std::string> seen;
        for (const XmlNode& f : factors_node.children("AssessmentFactors")) {
            auto c = code(f, CinCodeList::assessment_factor);
            if (!c) continue;
            if (!seen.insert(*c).second) {
                f.report("AssessmentFactors " + *c + " is given again (DfE rule 8898); listed once", Severity::warning);
                continue;
            }
            factors += (factors.empty() ? "" : ",") + *c;
        }

        if (end) {
            std::map<std::string, std::string> attrs;
            if (start) attrs["started"] = start->iso();
            if (review) attrs["internal_review"] = review->iso();
            if (!factors.empty()) attrs["factors"] = factors;
            event(ep.child, "assessment_completed", *end, end_node, std::move(attrs));
        }
        state(ep.child, "cin_assessment", "open", start, start_node, "completed", end, end_node);
        if (!factors.empty()) {
            if (auto when = end ? end : start)
                attribute(ep.child, "assessment_factors", factors, *when, factors_node);
            else
                factors_node.report("the assessment has no usable start or authorisation date to date its factors by; "
                                    "not used");
        }
    }

    void read_cin_plan(Episode& ep, const XmlNode& p) {
        const XmlNode start_node = p.child("CINPlanStartDate"), end_node = p.child("CINPlanEndDate");
        required(p, "CINPlanStartDate", "the plan's start is not recorded");
        auto start = date(start_node, "the plan's start is not recorded");
        auto end = date(end_node, "the plan's end is not recorded");
        if (start && end && *end < *start) {
            end_node.report("CINPlanEndDate " + end->iso() + " is before the CINPlanStartDate " + start->iso() +
                            " (DfE rule 4011); the plan's end is not recorded");
            end.reset();
        } else if (start && end && *end == *start) {
            end_node.report("the CIN plan starts and ends on " + end->iso() + " (DfE rule 4012Q)", Severity::warning);
        }
        if (start) {
            before_referral(ep, start_node, *start, "4015");
            after_closure(ep, start_node, *start);
        }
        if (end) after_closure(ep, end_node, *end);
        state(ep.child, "cin_plan", "open", start, start_node, "closed", end, end_node);
    }

    void read_section47(Episode& ep, const XmlNode& s) {
        const XmlNode start_node = s.child("S47ActualStartDate"), target_node = s.child("InitialCPCtarget");
        const XmlNode icpc_node = s.child("DateOfInitialCPC"), not_required_node = s.child("ICPCnotRequired");
        required(s, "S47ActualStartDate", "the strategy discussion is not recorded");
        auto start = date(start_node, "the strategy discussion is not recorded");
        // A target may lie after the collection period: only its form is checked.
        auto target = date(target_node, "not used", false);
        auto icpc = date(icpc_node, "the conference is not recorded");
        required(s, "ICPCnotRequired");
        auto not_required = yes_no(not_required_node);
        if (start && icpc && *icpc < *start) {
            icpc_node.report("DateOfInitialCPC " + icpc->iso() + " is before the S47ActualStartDate " + start->iso() +
                             " (DfE rule 8615); the conference is not recorded");
            icpc.reset();
        }
        if (start) {
            before_referral(ep, start_node, *start, "2889");
            after_closure(ep, start_node, *start);
            std::map<std::string, std::string> attrs;
            if (target) attrs["icpc_target"] = target->iso();
            if (not_required && *not_required) attrs["icpc_not_required"] = "true";
            event(ep.child, "s47_strategy_discussion", *start, start_node, std::move(attrs));
        }
        if (icpc) {
            before_referral(ep, icpc_node, *icpc, "1104");
            after_closure(ep, icpc_node, *icpc);
            event(ep.child, "icpc", *icpc, icpc_node, {}, ep.cin_icpc == icpc ? Merge::dfe_2884 : Merge::note);
            ep.icpcs.insert(*icpc);
        }
    }

    void read_cp_plan(Episode& ep, const XmlNode& p) {
        const XmlNode start_node = p.child("CPPstartDate"), end_node = p.child("CPPendDate");
        const XmlNode initial_node = p.child("InitialCategoryOfAbuse"), latest_node = p.child("LatestCategoryOfAbuse");
        const XmlNode previous_node = p.child("NumberOfPreviousCPP");
        required(p, "CPPstartDate", "the plan's start is not recorded");
        auto start = date(start_node, "the plan's start is not recorded");
        auto end = date(end_node, "the plan's end is not recorded");
        if (start && end && *end < *start) {
            end_node.report("CPPendDate " + end->iso() + " is before the CPPstartDate " + start->iso() +
                            " (DfE rule 8925); the plan's end is not recorded");
            end.reset();
        } else if (start && end && *end == *start) {
            end_node.report("the child protection plan starts and ends on " + end->iso() + " (DfE rule 8840)",
                            Severity::warning);
        }
        required(p, "InitialCategoryOfAbuse");
        required(p, "LatestCategoryOfAbuse");
        required(p, "NumberOfPreviousCPP");
        const auto initial = code(initial_node, CinCodeList::category_of_abuse);
        const auto latest = code(latest_node, CinCodeList::category_of_abuse);
        std::string previous;  // NumberOfPreviousCPP, when a positive integer
        if (const auto number = previous_node.integer()) {
            if (*number >= 1)
                previous = std::to_string(*number);
            else
                previous_node.report("NumberOfPreviousCPP " + std::to_string(*number) +
                                         " is not a positive integer (xs:positiveInteger); not used",
                                     Severity::warning);
        }

        std::optional<Date> last_review;
        std::vector<std::pair<Date, XmlNode>> reviews;
        for (const XmlNode& r : p.child("Reviews").children("CPPreviewDate")) {
            auto d = date(r, "the review is not recorded");
            if (!d) {
                if (r.text().empty()) r.report("CPPreviewDate is empty", Severity::warning);
                continue;
            }
            if (start && *d <= *start) {
                r.report("CPPreviewDate " + d->iso() + " is on or before the CPPstartDate " + start->iso() +
                         " (DfE rule 8841); the review is not recorded");
                continue;
            }
            if (end && *d > *end)
                r.report("CPPreviewDate " + d->iso() + " is after the CPPendDate " + end->iso(), Severity::warning);
            reviews.emplace_back(*d, r);
            if (!last_review || *d > *last_review) last_review = d;
        }

        if (start) {
            before_referral(ep, start_node, *start, "1105");
            if (!ep.icpcs.count(*start))
                start_node.report("CPPstartDate " + start->iso() +
                                      " is not the date of an initial conference in this CINdetails (DfE rule 2885); "
                                      "recorded as the conference that made the plan",
                                  Severity::warning);
            std::map<std::string, std::string> attrs{{"cp_plan", "start"}};
            if (initial) attrs["category_of_abuse"] = *initial;
            if (!previous.empty()) attrs["previous_plans"] = previous;
            event(ep.child, "icpc", *start, start_node, std::move(attrs), Merge::quiet);
            if (initial) attribute(ep.child, "category_of_abuse", *initial, *start, initial_node);
        }
        if (end) {
            after_closure(ep, end_node, *end);
            event(ep.child, "cp_plan_ended", *end, end_node);
        }
        for (const auto& [d, r] : reviews) event(ep.child, "cp_review", d, r);
        if (latest && latest != initial) {
            if (last_review)
                attribute(ep.child, "category_of_abuse", *latest, *last_review, latest_node);
            else
                latest_node.report("LatestCategoryOfAbuse " + *latest + " differs from the initial category, but the "
                                   "plan has no review at which it could have changed; not used",
                                   Severity::warning);
        }
    }

    const XmlDocument& doc_;
    CinCensusData& data_;
    const Date today_;
    std::optional<Date> reference_;
    std::map<std::string, std::pair<std::size_t, std::int64_t>> child_index_;  // id -> (index, line)
    std::map<std::string, std::size_t> event_index_;                           // external_id -> index
    std::map<std::tuple<std::string, std::string, Date>, std::size_t> attribute_index_;
};

CinCensusData read_document(const XmlDocument& doc, std::string source) {
    CinCensusData data;
    data.summary.importer = "cin-census";
    data.summary.source = std::move(source);
    for (const char* count : {"children", "cin_details", "assessments", "cin_plans", "section47s", "cp_plans",
                              "cp_reviews", "children_used", "events", "attributes", "events_merged",
                              "unknown_elements"})
        data.summary.add(count, 0);
    Reader(doc, data).read();
    data.summary.issues = doc.issues();
    std::stable_sort(data.summary.issues.begin(), data.summary.issues.end(),
                     [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
    return data;
}

XmlOptions options(const std::string& name) {
    XmlOptions o;
    o.file = name;
    o.invalid_utf8 = InvalidUtf8::replace;
    return o;
}

}  // namespace

CinCensusData read_cin_census(const std::string& path) {
    return read_document(XmlDocument::load_file(path, options(path)), path);
}

CinCensusData read_cin_census(std::string text, const std::string& name) {
    return read_document(XmlDocument::load_string(std::move(text), options(name)), std::string());
}

ImportSummary import_cin_census(Store& store, const std::string& path, std::string_view recorded_by) {
    CinCensusData data = read_cin_census(path);
    ImportSummary result = std::move(data.summary);
    std::vector<detail::ReturnEvent> events;
    events.reserve(data.events.size());
    for (CinCensusEvent& e : data.events) {
        ImportIssue place;
        place.file = e.file;
        place.line = e.line;
        place.path = e.path;
        e.event.external_id = "cin:" + e.external_id;
        events.push_back({e.child_id, std::move(e.event), std::move(place)});
    }
    const std::vector<detail::ReturnEvent> derived = detail::derived_events(events, "cin:");
    detail::in_transaction(store, "importing the CIN Census from " + path, [&] {
        detail::ReturnWriter out(store, result, recorded_by, "cin-census:" + detail::file_name(path));
        for (const Child& c : data.children) out.child(c, detail::place_in(path));
        for (const CinCensusAttribute& a : data.attributes) {
            ImportIssue place;
            place.file = a.file;
            place.line = a.line;
            place.path = a.path;
            out.attribute(a.child_id, {a.effective_from, a.key, a.value}, place);
        }
        for (const detail::ReturnEvent& e : events) out.event(e);
        for (const detail::ReturnEvent& e : derived) out.event(e);
    });
    result.add("events_derived", static_cast<std::int64_t>(derived.size()));
    return result;
}

}  // namespace oversight
