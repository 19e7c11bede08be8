// CsvReader: the one CSV reader, over any bytes. Three passes over the same
// input, each read from a string and again from a stream (csv_reader.hpp
// promises the same records either way):
//   A  strict, InvalidUtf8::refuse (the default);
//   B  strict, InvalidUtf8::replace;
//   C  lenient (strict = false), replace, delimiter ';' and small limits.
// Each pass reads every record, and then the input again through
// read_header(). What csv_reader.hpp and import_issue.hpp promise:
//   - records start on line 1 or later, end on or after the line they start
//     on, and start after the line the previous one ended on (a record ends
//     at a line end, so two never share a line); no line is past the input's;
//   - fields are UTF-8 without NUL bytes (invalid bytes are refused or
//     replaced; NUL bytes are refused), and never larger than the input
//     (under replace each ill-formed byte becomes U+FFFD, three bytes, so
//     there a field is at most three times the input);
//   - the limits hold: no record has more than max_fields fields;
//   - an error stops the reader: every later next() throws the same error;
//     after the end, next() keeps answering false; records() counts what
//     next() returned;
//   - repairs are issues naming file, line and column, in refuse mode none;
//   - for an input without invalid UTF-8, refuse and replace read the same;
//   - read_header() takes the first record, names its columns (trimmed,
//     unique) and refuses only an empty input or a duplicate name.
#include "fuzz.hpp"

#include <sstream>
#include <string>
#include <vector>

using namespace oversight;

namespace {

const char* const kFile = "fuzz.csv";

struct Outcome {
    std::vector<CsvRecord> records;
    std::vector<ImportIssue> issues;
    bool failed = false;
    std::string error;  // what() of the error that stopped the reader
};

bool same(const CsvRecord& a, const CsvRecord& b) {
    return a.line == b.line && a.end_line == b.end_line && a.fields == b.fields;
}

bool same(const Outcome& a, const Outcome& b) {
    if (a.failed != b.failed || a.error != b.error || a.issues != b.issues) return false;
    if (a.records.size() != b.records.size()) return false;
    for (std::size_t i = 0; i < a.records.size(); ++i)
        if (!same(a.records[i], b.records[i])) return false;
    return true;
}

std::string describe(const Outcome& o) {
    std::string s = std::to_string(o.records.size()) + " records, " + std::to_string(o.issues.size()) + " issues";
    if (o.failed) s += ", error: " + o.error;
    return s;
}

Outcome read_all(CsvReader& reader) {
    Outcome o;
    CsvRecord rec;
    try {
        while (reader.next(rec)) o.records.push_back(rec);
        fuzz::check(!reader.next(rec), "next() keeps answering false after the end");
    } catch (const Error& e) {
        o.failed = true;
        o.error = e.what();
        fuzz::check(e.code() == Status::parse || e.code() == Status::nomem, "a CSV error is a parse error", o.error);
        try {
            (void)reader.next(rec);
            fuzz::fail("next() after an error did not throw", o.error);
        } catch (const Error& again) {
            fuzz::check(o.error == again.what(), "next() after an error throws the same error", again.what());
        }
    }
    fuzz::check(reader.records() == static_cast<std::int64_t>(o.records.size()), "records() counts the records read");
    fuzz::check(reader.file() == kFile, "file() is the name given", reader.file());
    o.issues = reader.issues();
    return o;
}

// Physical lines of the input as the reader counts them: CRLF, CR and LF each end one.
std::int64_t lines_in(std::string_view text) {
    std::int64_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))) ++lines;
    return lines;
}

void check_outcome(const Outcome& o, const CsvOptions& opt, std::string_view text) {
    const std::int64_t lines = lines_in(text);
    const std::size_t growth = opt.invalid_utf8 == InvalidUtf8::replace ? 3 : 1;
    std::int64_t previous_end = 0;
    for (const CsvRecord& r : o.records) {
        const std::string at = "record on line " + std::to_string(r.line) + ".." + std::to_string(r.end_line);
        fuzz::check(r.line >= 1 && r.end_line >= r.line, "a record ends on or after the line it starts on", at);
        fuzz::check(r.line > previous_end, "a record starts after the line the previous one ended on", at);
        fuzz::check(r.end_line <= lines, "no record ends past the input's last line", at);
        previous_end = r.end_line;
        fuzz::check(!r.fields.empty(), "a record has a field", at);
        fuzz::check(r.fields.size() <= opt.max_fields, "no record has more than max_fields fields", at);
        std::size_t total = 0;
        for (const std::string& f : r.fields) {
            fuzz::check(fuzz::is_utf8(f), "a field is UTF-8", f);
            fuzz::check(f.find('\0') == std::string::npos, "a field holds no NUL byte", at);
            fuzz::check(f.size() <= growth * text.size(), "no field is larger than the input", at);
            total += f.size();
        }
        fuzz::check(total <= growth * text.size(), "no record is larger than the input", at);
    }
    if (opt.invalid_utf8 == InvalidUtf8::refuse) fuzz::check(o.issues.empty(), "refuse mode repairs nothing");
    for (std::size_t i = 0; i < o.issues.size(); ++i) {
        const ImportIssue& w = o.issues[i];
        fuzz::check(w.file == kFile, "an issue names its file", w.where());
        fuzz::check(fuzz::is_utf8(w.message) && !w.message.empty(), "an issue says what in UTF-8", w.message);
        fuzz::check(fuzz::is_utf8(w.column_name), "an issue's column name is UTF-8", w.column_name);
        if (w.severity == Severity::note) {  // "N more fields were repaired": last, and only once
            fuzz::check(i + 1 == o.issues.size() && i > 0, "the note on unlisted repairs comes last", w.where());
            continue;
        }
        fuzz::check(w.severity == Severity::warning, "a repair is a warning", w.where());
        fuzz::check(w.line >= 1 && w.line <= lines && w.column >= 1, "a repair names line and column", w.where());
    }
}

// read_header() over a fresh reader agrees with the first record of `o`.
void check_header(std::string_view text, const CsvOptions& opt, const Outcome& o) {
    auto reader = CsvReader::from_string(std::string(text), opt);
    CsvHeader header;
    try {
        header = reader.read_header();
    } catch (const Error& e) {
        const std::string what = e.what();
        if (o.records.empty()) return;  // empty input, or the error that stopped `o` before any record
        // Otherwise a duplicate name is the only reason.
        fuzz::check(what.find("appears twice") != std::string::npos, "read_header refuses only a duplicate name", what);
        return;
    }
    fuzz::check(!o.records.empty(), "read_header reads a header only when there is a record");
    const CsvRecord& first = o.records.front();
    fuzz::check(header.size() == first.fields.size() && header.line() == first.line, "the header is the first record");
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string& name = header.names()[i];
        fuzz::check(name.size() <= first.fields[i].size(), "a column name is its field, trimmed", name);
        if (name.empty()) continue;
        fuzz::check(header.find(name) == i, "a column is found by its name", name);
        fuzz::check(header.get(first, name) == first.fields[i], "get() gives the field of a column", name);
    }
    // Later repairs name the header's column.
    CsvRecord rec;
    try {
        while (reader.next(rec)) {
        }
    } catch (const Error&) {
    }
    for (const ImportIssue& w : reader.issues()) {
        if (w.severity != Severity::warning || w.line <= first.end_line) continue;
        const std::size_t c = static_cast<std::size_t>(w.column);
        const std::string expected = c >= 1 && c <= header.size() ? header.names()[c - 1] : std::string();
        fuzz::check(w.column_name == expected, "a repair after the header names its column", w.where());
    }
}

Outcome pass(std::string_view text, const CsvOptions& opt) {
    auto from_string = CsvReader::from_string(std::string(text), opt);
    Outcome o = read_all(from_string);
    check_outcome(o, opt, text);

    std::istringstream in{std::string(text)};
    auto from_stream = CsvReader::from_stream(in, opt);
    const Outcome s = read_all(from_stream);
    fuzz::check(same(o, s), "a stream reads as the string does", describe(o) + " / " + describe(s));

    check_header(text, opt, o);
    return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);

    CsvOptions strict;
    strict.file = kFile;
    const Outcome a = pass(text, strict);

    CsvOptions replace = strict;
    replace.invalid_utf8 = InvalidUtf8::replace;
    const Outcome b = pass(text, replace);
    if (!a.failed || fuzz::is_utf8(text))
        fuzz::check(same(a, b), "refuse and replace read alike when nothing needs replacing",
                    describe(a) + " / " + describe(b));

    CsvOptions lenient = replace;
    lenient.strict = false;
    lenient.delimiter = ';';
    lenient.max_fields = 16;
    lenient.max_field_bytes = 256;
    lenient.max_record_bytes = 1024;
    (void)pass(text, lenient);
    return 0;
}
