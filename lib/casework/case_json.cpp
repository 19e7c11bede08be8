// The casework documents of the C API; see case_json.hpp.
//
// TODO(merge): case_to_json() lives in casework.cpp, which is being rewritten
// concurrently; case_to_json_document() wraps its output so that the case has
// one builder. When the two meet, build the document directly there.
#include <oversight/casework/case_json.hpp>

#include <nlohmann/json.hpp>

namespace oversight {

using ojson = nlohmann::ordered_json;

std::string case_to_json_document(const CaseRecord& record) {
    ojson doc = {{"format", "oversight-case"}, {"version", 1}};
    const ojson body = ojson::parse(case_to_json(record));
    for (auto it = body.begin(); it != body.end(); ++it) doc[it.key()] = it.value();
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string case_list_to_json(const std::vector<CaseSummary>& cases) {
    ojson list = ojson::array();
    for (const CaseSummary& c : cases)
        list.push_back({{"child", c.child_id},
                        {"worker", c.worker},
                        {"team", c.team},
                        {"allocated_from", c.allocated_from ? ojson(c.allocated_from->iso()) : ojson()},
                        {"events", c.events}});
    ojson doc = {{"format", "oversight-case-list"}, {"version", 1}, {"cases", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
