// Private to lib/: the one CSV writer every report uses (plan reports,
// attendance, complaints). RFC 4180: CRLF line ends; a field with a comma,
// quote, CR or LF is quoted, quotes doubled. Text is written verbatim (only
// ill-formed UTF-8 repaired), except that a cell a spreadsheet would run as
// a formula gets a leading apostrophe (OWASP "CSV Injection": '=', '+',
// '-', '@', tab, carriage return), unless it is a plain integer ("-14").
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace oversight::detail {

/// `field` as the writer puts it in a cell before quoting: a value starting
/// with = + - @ TAB or CR gets a leading apostrophe (OWASP's CSV injection
/// defence), unless it is a plain number ("-14", "-500.00", "-5.0%").
std::string defuse_formula(std::string field);
/// Appends one row of fields and its CRLF to `line`.
void csv_row(std::string& line, const std::vector<std::string>& fields);
/// Writes one row of fields and its CRLF.
void csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace oversight::detail
