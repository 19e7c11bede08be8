#include "db.hpp"
namespace oversight::detail {
const char* const kPlanSchemaV2 = "CREATE TABLE plan_placeholder(id INTEGER PRIMARY KEY);";
}
