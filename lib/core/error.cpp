#include <oversight/core/error.hpp>

namespace oversight {

const char* status_name(Status s) noexcept {
    switch (s) {
        case Status::ok: return "ok";
        case Status::invalid_arg: return "invalid argument";
        case Status::not_found: return "not found";
        case Status::io: return "input/output error";
        case Status::db: return "database error";
        case Status::parse: return "parse error";
        case Status::nomem: return "out of memory";
        case Status::internal: return "internal error";
        case Status::conflict: return "conflict with stored data";
    }
    return "unknown status";
}

}  // namespace oversight
