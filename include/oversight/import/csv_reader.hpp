// The one CSV reader (RFC 4180, over libcsv): records one at a time, each
// with the physical lines on which it starts and ends, from a file, a stream
// or a string. Memory is bounded by the longest record, not the file.
#pragma once

#include <oversight/import/import_issue.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

struct CsvOptions {
    /// The name used in errors and issues. Default: the path as given, or
    /// "<input>" for a stream or string.
    std::string file;
    /// RFC 4180: a quote inside an unquoted field, text after a closing quote
    /// or an unterminated quoted field is Error(parse). Off: libcsv's lenient
    /// reading (the quote is kept as text).
    bool strict = true;
    char delimiter = ',';
    InvalidUtf8 invalid_utf8 = InvalidUtf8::refuse;
    /// Limits against absurd input; exceeding one is Error(parse) naming the line.
    std::size_t max_field_bytes = std::size_t{64} << 20;
    std::size_t max_record_bytes = std::size_t{256} << 20;
    std::size_t max_fields = 100000;
};

/// One record. Fields are exactly the bytes between delimiters (quotes
/// removed, doubled quotes undone, spaces kept as RFC 4180 says).
struct CsvRecord {
    std::int64_t line = 0;      // 1-based physical line on which the record starts
    std::int64_t end_line = 0;  // ... and ends (later when a quoted field spans lines)
    std::vector<std::string> fields;

    /// One field holding nothing but white space: a line of spaces, which
    /// importers skip as they would an empty line (that gives no record).
    bool blank() const noexcept;
};

/// Column positions by name, from a header record. Names are trimmed of
/// ASCII white space; empty names are kept by position but not by name.
class CsvHeader {
public:
    CsvHeader() = default;
    /// Error(parse) "file:line:col (NAME): column NAME appears twice (also
    /// column N)" for a duplicate name.
    CsvHeader(const CsvRecord& header, std::string file);

    /// Error(parse) "file:line: required column NAME is missing" for the first
    /// missing one.
    void require(std::initializer_list<std::string_view> names) const;

    std::optional<std::size_t> find(std::string_view name) const;  // 0-based
    bool has(std::string_view name) const { return find(name).has_value(); }
    /// The field of `record` in column `name`; empty when the column does not
    /// exist or the record is short. Not trimmed.
    std::string_view get(const CsvRecord& record, std::string_view name) const;

    std::size_t size() const noexcept { return names_.size(); }
    const std::vector<std::string>& names() const noexcept { return names_; }  // trimmed, by position
    std::int64_t line() const noexcept { return line_; }

private:
    std::string file_;
    std::int64_t line_ = 0;
    std::vector<std::string> names_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

/// Pull reader: `while (reader.next(record)) ...`. Errors are Error(io) for a
/// file that cannot be read and Error(parse) naming "file:line" for text
/// that is not CSV: UTF-16 or UTF-32 (by byte-order mark or NUL bytes), a
/// NUL byte, a misplaced quote (strict), invalid UTF-8 (InvalidUtf8::refuse)
/// or a limit exceeded. A UTF-8 byte-order mark is skipped. Bare CR, LF and
/// CRLF all end a line. Move-only; one thread at a time.
class CsvReader {
public:
    static CsvReader open_file(const std::string& path, CsvOptions options = {});
    static CsvReader from_string(std::string text, CsvOptions options = {});
    /// `in` must outlive the reader.
    static CsvReader from_stream(std::istream& in, CsvOptions options = {});

    CsvReader(CsvReader&&) noexcept;
    CsvReader& operator=(CsvReader&&) noexcept;
    ~CsvReader();

    /// The next record, false at the end. `record`'s storage is reused.
    /// After an error, every later call throws the same error.
    bool next(CsvRecord& record);

    /// Reads the first record as the header, checks it (duplicates, then
    /// `required`) and names columns after it in later issues. Error(parse)
    /// "file:1: empty, expected a header row" if there is no record.
    CsvHeader read_header(std::initializer_list<std::string_view> required = {});

    /// Repairs made so far (invalid UTF-8 replaced), in input order.
    const std::vector<ImportIssue>& issues() const noexcept;
    const std::string& file() const noexcept;
    /// Records returned so far (the header included).
    std::int64_t records() const noexcept;

private:
    struct Impl;
    explicit CsvReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace oversight
