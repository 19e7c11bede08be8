// Errors of the C++ API. C and C++ share one code space: Status values are
// the oversight_status values of <oversight.h> (checked by a static_assert in
// capi/), so a C++ failure maps to a C status without a table.
#pragma once

#include <stdexcept>
#include <string>

namespace oversight {

enum class Status : int {
    ok = 0,
    invalid_arg = 1,  // a bad argument: NULL, impossible date, unknown enum text
    not_found = 2,    // an id, reference, rule or file that does not exist
    io = 3,           // reading or writing a file failed
    db = 4,           // SQLite reported an error
    parse = 5,        // a document could not be read (names the place)
    nomem = 6,        // out of memory
    internal = 7,     // a bug in Oversight
    conflict = 8,     // the change contradicts what is stored (duplicate ref, ...)
};

/// Every exception thrown by the C++ API derives from this.
class Error : public std::runtime_error {
public:
    Error(Status code, const std::string& message) : std::runtime_error(message), code_(code) {}
    Status code() const noexcept { return code_; }

private:
    Status code_;
};

/// Short English name of a status ("invalid argument"); never null.
const char* status_name(Status s) noexcept;

}  // namespace oversight
