// The list of stored plans as a JSON document; see plan_json.hpp.
#include <oversight/plan/plan_json.hpp>

#include <nlohmann/json.hpp>

namespace oversight {

std::string plan_list_to_json(const std::vector<PlanSummary>& plans) {
    using ojson = nlohmann::ordered_json;
    ojson list = ojson::array();
    for (const PlanSummary& p : plans)
        list.push_back({{"id", p.id},
                        {"title", p.title},
                        {"authority", p.authority},
                        {"report_date", p.report_date ? ojson(p.report_date->iso()) : ojson()},
                        {"recommendations", p.recommendations},
                        {"actions", p.actions}});
    ojson doc = {{"format", "oversight-plan-list"}, {"version", 1}, {"plans", std::move(list)}};
    return doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

}  // namespace oversight
