// The CSV reader: libcsv does the quoting; this file feeds it one physical
// line (or 64 KiB of one) at a time so that every callback knows its line,
// and turns what libcsv leaves unsaid (encodings, NUL bytes, limits) into
// errors that name the place.
#include <oversight/core/error.hpp>
#include <oversight/import/csv_reader.hpp>

#include "core/text.hpp"
#include "import/input_text.hpp"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <optional>

namespace oversight {

namespace {

// Input is read, and fed to libcsv, in pieces of at most this size.
constexpr std::size_t kChunk = 64 * 1024;
// Repairs listed one by one before the rest are only counted.
constexpr std::size_t kMaxIssues = 1000;

using detail::place;

// libcsv never treats a byte as white space, so spaces stay in fields (RFC
// 4180 2.4) and a line of spaces is a record, as its line count assumes.
int never_space(unsigned char) { return 0; }

std::string hex_byte(unsigned char c) {
    const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

}  // namespace

struct CsvReader::Impl {
    CsvOptions opt;
    std::string file;
    std::ifstream owned;         // open_file
    std::istream* in = nullptr;  // null: everything is in buf already
    std::string buf;
    std::size_t pos = 0;
    bool started = false;
    bool finished = false;

    csv_parser parser{};
    std::int64_t line = 1;       // the physical line being fed
    unsigned char prev = 0;      // the last byte fed (a CR before an LF is one line end)
    bool in_record = false;
    std::int64_t record_line = 0;

    CsvRecord current;           // being filled by the callbacks
    std::size_t nfields = 0;
    std::size_t record_bytes = 0;
    bool ready = false;          // current is complete
    std::string failure;         // set by a callback (which must not throw through C)

    std::optional<Error> error;  // the first error, thrown again by later calls

    std::vector<ImportIssue> issues;
    std::size_t unlisted = 0;
    std::vector<std::string> column_names;
    std::int64_t records = 0;

    explicit Impl(CsvOptions o) : opt(std::move(o)) {
        if (csv_init(&parser, opt.strict ? CSV_STRICT | CSV_STRICT_FINI : 0) != 0)
            throw Error(Status::nomem, "cannot start the CSV parser");
        csv_set_delim(&parser, static_cast<unsigned char>(opt.delimiter));
        csv_set_space_func(&parser, never_space);
    }
    ~Impl() { csv_free(&parser); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    std::string column_name(std::size_t index) const {
        return index < column_names.size() ? column_names[index] : std::string();
    }

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw Error(Status::parse, where + ": " + what);
    }

    // Reads the next piece of a stream into buf; false at the end.
    bool fill() {
        if (!in) return false;
        buf.resize(kChunk);
        in->read(buf.data(), static_cast<std::streamsize>(kChunk));
        buf.resize(static_cast<std::size_t>(in->gcount()));
        pos = 0;
        if (in->bad()) throw Error(Status::io, "cannot read " + file + ": read error");
        if (buf.empty()) in = nullptr;
        return !buf.empty();
    }

    // Byte-order marks: UTF-8 is skipped, UTF-16 and UTF-32 are refused (they
    // would otherwise reach libcsv as NUL-riddled text); feed() refuses NULs.
    void start() {
        started = true;
        if (in) fill();
        pos += detail::check_input_start(std::string_view(buf).substr(pos), file);
    }

    static void on_field(void* data, std::size_t len, void* self) {
        static_cast<Impl*>(self)->field(static_cast<const char*>(data), data ? len : 0);
    }
    static void on_record(int, void* self) { static_cast<Impl*>(self)->record(); }

    void field(const char* data, std::size_t len) {
        if (!failure.empty()) return;
        const std::int64_t column = static_cast<std::int64_t>(nfields) + 1;
        if (nfields >= opt.max_fields) {
            failure = place(file, line) + ": more than " + std::to_string(opt.max_fields) + " fields in a record";
            return;
        }
        if (len > opt.max_field_bytes) {
            failure = place(file, line, column, column_name(nfields)) + ": a field longer than " +
                      std::to_string(opt.max_field_bytes) + " bytes";
            return;
        }
        record_bytes += len;
        if (record_bytes > opt.max_record_bytes) {
            failure = place(file, line) + ": a record longer than " + std::to_string(opt.max_record_bytes) + " bytes";
            return;
        }
        if (nfields == current.fields.size()) current.fields.emplace_back();
        std::string& f = current.fields[nfields];
        f.assign(data ? data : "", len);
        std::size_t bad = detail::utf8_error_offset(f);
        if (bad != std::string::npos) {
            std::string what = "text is not valid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(f[bad])) +
                               " at byte " + std::to_string(bad + 1) + " of the field)";
            if (opt.invalid_utf8 == InvalidUtf8::refuse) {
                failure = place(file, line, column, column_name(nfields)) + ": " + what + "; is the file saved as UTF-8?";
                return;
            }
            f = detail::sanitize_utf8(f);
            if (issues.size() < kMaxIssues) {
                ImportIssue i;
                i.file = file;
                i.line = line;
                i.column = column;
                i.column_name = column_name(nfields);
                i.severity = Severity::warning;
                i.message = what + "; each ill-formed byte was replaced by U+FFFD";
                issues.push_back(std::move(i));
            } else {
                ++unlisted;
            }
        }
        ++nfields;
    }

    void record() {
        if (!failure.empty()) return;
        current.fields.resize(nfields);
        current.line = record_line;
        current.end_line = line;
        ready = true;
        in_record = false;
        nfields = 0;
        record_bytes = 0;
    }

    void check_parse(std::size_t used, std::size_t len) {
        if (!failure.empty()) throw Error(Status::parse, failure);
        if (used == len) return;
        switch (csv_error(&parser)) {
        case CSV_ENOMEM: throw Error(Status::nomem, place(file, line) + ": out of memory reading a field");
        case CSV_ETOOBIG: fail(place(file, line), "a field too large to hold");
        default:
            fail(place(file, line, static_cast<std::int64_t>(nfields) + 1, column_name(nfields)),
                 "a quote inside an unquoted field, or text after a closing quote (RFC 4180: quote the whole "
                 "field and double the quotes inside it)");
        }
    }

    // Feeds the next piece of buf: up to and including the first CR or LF,
    // and never more than kChunk bytes, so at most one record ends in it.
    void feed() {
        const char* b = buf.data() + pos;
        const std::size_t n = std::min(buf.size() - pos, kChunk);
        std::size_t k = 0;
        char term = 0;
        while (k < n) {
            const char c = b[k++];
            if (c == '\n' || c == '\r') {
                term = c;
                break;
            }
            if (c == '\0')
                fail(place(file, line), std::string(detail::kNulByte));
        }
        if (!in_record && k > (term ? 1u : 0u)) {
            in_record = true;
            record_line = line;
        }
        // libcsv grows its field buffer by blk_size bytes at a time; growing
        // it by its current size instead keeps long fields linear.
        csv_set_blk_size(&parser, std::max(kChunk, csv_get_buffer_size(&parser)));
        check_parse(csv_parse(&parser, b, k, on_field, on_record, this), k);
        if (parser.entry_pos > opt.max_field_bytes)
            fail(place(file, line, static_cast<std::int64_t>(nfields) + 1, column_name(nfields)),
                 "a field longer than " + std::to_string(opt.max_field_bytes) + " bytes");
        pos += k;
        if (term == '\r' || (term == '\n' && !(k == 1 && prev == '\r'))) ++line;
        if (k > 0) prev = static_cast<unsigned char>(b[k - 1]);
    }

    void finish() {
        finished = true;
        if (csv_fini(&parser, on_field, on_record, this) != 0) {
            if (!failure.empty()) throw Error(Status::parse, failure);
            fail(place(file, line), "a quoted field is not closed (the record starts on line " +
                                        std::to_string(record_line) + ")");
        }
        if (!failure.empty()) throw Error(Status::parse, failure);
        if (unlisted > 0) {
            ImportIssue i;
            i.file = file;
            i.severity = Severity::note;
            i.message = std::to_string(unlisted) + " more fields with invalid UTF-8 were repaired; only the first " +
                        std::to_string(kMaxIssues) + " are listed";
            issues.push_back(std::move(i));
        }
    }

    bool next(CsvRecord& out) {
        if (error) throw *error;  // the parser's state is past repair: say so again
        try {
            if (!started) start();
            while (!ready && !finished) {
                if (pos == buf.size() && !fill())
                    finish();
                else
                    feed();
            }
        } catch (const Error& e) {
            error = e;
            throw;
        }
        if (!ready) return false;
        std::swap(out, current);  // out's old storage is reused for the next record
        ready = false;
        ++records;
        return true;
    }
};

bool CsvRecord::blank() const noexcept { return fields.size() == 1 && detail::trim(fields[0]).empty(); }

CsvReader::CsvReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

CsvReader CsvReader::open_file(const std::string& path, CsvOptions options) {
    auto impl = std::make_unique<Impl>(std::move(options));
    impl->file = impl->opt.file.empty() ? path : impl->opt.file;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(Status::io, "cannot read " + path + ": it is a folder");
    impl->owned.open(path, std::ios::binary);
    if (!impl->owned) throw Error(Status::io, "cannot read " + path + ": " + std::strerror(errno));
    impl->in = &impl->owned;
    return CsvReader(std::move(impl));
}

CsvReader CsvReader::from_string(std::string text, CsvOptions options) {
    auto impl = std::make_unique<Impl>(std::move(options));
    impl->file = impl->opt.file.empty() ? "<input>" : impl->opt.file;
    impl->buf = std::move(text);
    return CsvReader(std::move(impl));
}

CsvReader CsvReader::from_stream(std::istream& in, CsvOptions options) {
    auto impl = std::make_unique<Impl>(std::move(options));
    impl->file = impl->opt.file.empty() ? "<input>" : impl->opt.file;
    impl->in = &in;
    return CsvReader(std::move(impl));
}

bool CsvReader::next(CsvRecord& record) { return impl_->next(record); }

CsvHeader CsvReader::read_header(std::initializer_list<std::string_view> required) {
    CsvRecord r;
    if (!next(r)) throw Error(Status::parse, impl_->file + ":1: empty, expected a header row");
    CsvHeader h(r, impl_->file);
    h.require(required);
    impl_->column_names = h.names();
    return h;
}

const std::vector<ImportIssue>& CsvReader::issues() const noexcept { return impl_->issues; }
const std::string& CsvReader::file() const noexcept { return impl_->file; }
std::int64_t CsvReader::records() const noexcept { return impl_->records; }

// ------------------------------------------------------------------ header

CsvHeader::CsvHeader(const CsvRecord& header, std::string file) : file_(std::move(file)), line_(header.line) {
    names_.reserve(header.fields.size());
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name(detail::trim(header.fields[i]));
        if (!name.empty()) {
            auto [it, added] = index_.emplace(name, i);
            if (!added)
                throw Error(Status::parse, place(file_, line_, static_cast<std::int64_t>(i) + 1, name) + ": column " +
                                               name + " appears twice (also column " +
                                               std::to_string(it->second + 1) + ")");
        }
        names_.push_back(std::move(name));
    }
}

void CsvHeader::require(std::initializer_list<std::string_view> names) const {
    for (std::string_view n : names)
        if (!find(n))
            throw Error(Status::parse, place(file_, std::max<std::int64_t>(line_, 1)) + ": required column " +
                                           std::string(n) + " is missing");
}

std::optional<std::size_t> CsvHeader::find(std::string_view name) const {
    auto it = index_.find(detail::trim(name));
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::string_view CsvHeader::get(const CsvRecord& record, std::string_view name) const {
    auto i = find(name);
    if (!i || *i >= record.fields.size()) return {};
    return record.fields[*i];
}

}  // namespace oversight
