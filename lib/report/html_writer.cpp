// The HTML writer of report documents: being written (issue 11).
#include "report/writers.hpp"

#include <oversight/core/error.hpp>

namespace oversight::detail {

std::string write_html(const Document&) {
    throw Error(Status::invalid_arg, "report document: the html writer is not built yet");
}

}  // namespace oversight::detail
