// A case system's extract of due dates, read from CSV: the rows that
// check_host_due_dates (compliance/host_due.hpp) checks against Oversight.
//
//   child,next_visit_due
//   C1,2025-04-11
//   C2,12/04/2025
#pragma once

#include <oversight/compliance/host_due.hpp>

#include <string>
#include <vector>

namespace oversight {

/// The rows of `csv` (RFC 4180, UTF-8, a header row; a byte-order mark,
/// CRLF and quoted fields as CsvReader reads them), in file order, blank
/// lines skipped: options.child_column and options.due_column, and
/// options.rule_column unless options.rule names every row's rule (then the
/// column need not exist). Other columns are ignored. Error(invalid_arg) for
/// an empty column name; Error(parse) naming options.file and the line for
/// text that is not CSV (NUL bytes, invalid UTF-8, a misplaced quote) or a
/// missing column.
std::vector<HostDueInput> read_host_due_csv(std::string csv, const HostDueOptions& options);

}  // namespace oversight
