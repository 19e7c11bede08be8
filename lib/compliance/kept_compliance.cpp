// Compliance reports kept in the store (compliance.hpp, "kept reports"):
// their key, and keeping them up to date.
#include <oversight/compliance/compliance.hpp>

#include <oversight/core/error.hpp>
#include <oversight/version.h>

#include "compliance/compliance_detail.hpp"
#include "compliance/compliance_repository.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace oversight {

bool operator==(const KeptCompliance& a, const KeptCompliance& b) {
    return std::tie(a.key, a.as_of, a.period_from, a.period_to, a.pack, a.school, a.history_sequence, a.built_at,
                    a.rebuilt, a.cases_counted) == std::tie(b.key, b.as_of, b.period_from, b.period_to, b.pack,
                                                            b.school, b.history_sequence, b.built_at, b.rebuilt,
                                                            b.cases_counted);
}

std::string detail::kept_key(const RulePack& pack, const Calendar& calendar, const ComplianceOptions& options,
                             const ReportFrame& frame) {
    // Everything a case's rows depend on besides the case itself; the
    // filters and `items` are applied when the rows are read.
    // The library's version too: its compiled-in bank holiday rules and its
    // scheduling may change with it (a new version counts afresh until kept).
    std::string text = "oversight-kept-compliance/1 " + std::string(OVERSIGHT_VERSION_STRING) + "\n" +
                       rules_to_json(pack) + "\n" + calendar.identity() + "\n" +
                       (options.school ? options.school->identity() : std::string("no school calendar")) + "\n" +
                       options.as_of.iso() + " " + frame.period_from.iso() + " " + frame.period_to.iso() + " " +
                       std::to_string(options.window.count) + " " +
                       std::to_string(static_cast<int>(options.window.unit)) + " " +
                       std::to_string(options.recording_threshold_working_days);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1 || size != 32)
        throw Error(Status::internal, "SHA-256 failed computing a kept compliance report's key");
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), size));
}

KeptCompliance keep_compliance(Store& store, const RulePack& pack, const Calendar& calendar,
                               const ComplianceOptions& options) {
    const detail::ReportFrame frame = detail::frame_of(options, calendar);
    const std::string key = detail::kept_key(pack, calendar, options, frame);
    auto& kept = detail::compliance_repository(store);
    KeptCompliance out;
    detail::in_transaction(store, "keeping the compliance report as of " + options.as_of.iso(), [&] {
        const std::optional<KeptCompliance> before = kept.find(key);
        std::optional<detail::ChangedCases> changed;
        if (before) changed = kept.changed_since(before->history_sequence);
        KeptCompliance k;
        k.key = key;
        k.as_of = options.as_of;
        k.period_from = frame.period_from;
        k.period_to = frame.period_to;
        k.pack = pack.name();
        if (options.school) k.school = options.school->name();
        k.history_sequence = changed ? changed->latest : kept.latest_sequence();
        k.built_at = utc_timestamp_now();
        k.rebuilt = !changed || changed->everything;
        // Written as the cases are read (memory holds one case): only the
        // kept tables, which the case reads never touch, inside this one
        // write transaction (for_each_case's "must not write" is about the
        // tables it is reading).
        auto put = [&](ComplianceCase&& c, std::int64_t row) {
            const detail::CaseCount n = detail::count_case(c, pack, calendar, options, frame, Explain::all);
            kept.put_case(key, row, &n);
            ++k.cases_counted;
        };
        if (k.rebuilt) {
            kept.start(k);
            detail::for_each_compliance_case(store, options.as_of, nullptr, put);
        } else {
            // The changed cases counted again; those gone since, removed.
            std::vector<std::string> refs;
            std::set<std::int64_t> present;
            for (auto& [row, ref] : kept.children(changed->children)) {
                present.insert(row);
                refs.push_back(std::move(ref));
            }
            for (std::int64_t row : changed->children)
                if (!present.count(row)) kept.put_case(key, row, nullptr);
            detail::for_each_compliance_case(store, options.as_of, &refs, put);
        }
        kept.finish(key, k.history_sequence, k.built_at);
        out = k;
    });
    return out;
}

std::vector<KeptCompliance> kept_compliance(const Store& store) { return detail::compliance_repository(store).all(); }

bool forget_kept_compliance(Store& store, const std::string& key) {
    if (key.size() != 64 || key.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw Error(Status::invalid_arg, "a kept compliance report's key is 64 lowercase hex digits, not '" +
                                             detail::sanitize_utf8(key.substr(0, 100)) + "'");
    return detail::compliance_repository(store).forget(key);
}

std::string kept_compliance_to_json(const std::vector<KeptCompliance>& kept) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const KeptCompliance& k : kept)
        list.push_back({{"key", k.key},
                        {"as_of", k.as_of.iso()},
                        {"period", {{"from", k.period_from.iso()}, {"to", k.period_to.iso()}}},
                        {"pack", k.pack},
                        {"school", k.school ? nlohmann::ordered_json(*k.school) : nlohmann::ordered_json()},
                        {"history_sequence", k.history_sequence},
                        {"built_at", k.built_at},
                        {"rebuilt", k.rebuilt},
                        {"cases_counted", k.cases_counted}});
    const nlohmann::ordered_json doc = {{"format", "oversight-kept-compliance"}, {"version", 1}, {"kept", list}};
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace oversight
