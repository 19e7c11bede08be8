#include "db.hpp"
namespace oversight::detail {
const char* const kCaseworkSchemaV3 = "CREATE TABLE casework_placeholder(id INTEGER PRIMARY KEY);";
}
