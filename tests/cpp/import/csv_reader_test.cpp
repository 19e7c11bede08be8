// The CSV reader: RFC 4180 records with their lines, encodings refused or
// repaired, header checks, limits, streaming in pieces, and the real SSDA903
// files in shared/data (skipped when shared/ is absent).
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/csv_reader.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace oversight;
using oversight::test::expect_error;

namespace {

const std::string kShared = OVERSIGHT_SHARED_DIR;

std::vector<CsvRecord> read_all(CsvReader& r) {
    std::vector<CsvRecord> out;
    CsvRecord rec;
    while (r.next(rec)) out.push_back(rec);
    return out;
}

std::vector<CsvRecord> read_string(std::string text, CsvOptions o = {}) {
    auto r = CsvReader::from_string(std::move(text), std::move(o));
    return read_all(r);
}

CsvOptions named(const std::string& file) {
    CsvOptions o;
    o.file = file;
    return o;
}

// Line breaks as the reader counts them: CRLF, bare CR and bare LF.
std::int64_t line_at(const std::string& text, std::size_t offset) {
    std::int64_t line = 1;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))) ++line;
    return line;
}

// line_at for growing text, counting each byte once.
struct LineCounter {
    const std::string& text;
    std::size_t pos = 0;
    std::int64_t line = 1;
    std::int64_t at(std::size_t offset) {
        for (; pos < offset; ++pos)
            if (text[pos] == '\r' || (text[pos] == '\n' && (pos == 0 || text[pos - 1] != '\r'))) ++line;
        return line;
    }
};

std::string temp_path(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "oversight-readers-test";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(records_fields_and_lines) {
    auto recs = read_string("CHILD,DECOM\n 1 ,01/04/2022\n\n2,\"a, \"\"quoted\"\"\nvalue\"\n3,\n");
    BOOST_TEST_REQUIRE(recs.size() == 4u);
    BOOST_TEST(recs[0].fields == (std::vector<std::string>{"CHILD", "DECOM"}));
    BOOST_TEST(recs[1].fields == (std::vector<std::string>{" 1 ", "01/04/2022"}));  // spaces kept (RFC 4180 2.4)
    BOOST_TEST(recs[1].line == 2);
    BOOST_TEST(recs[2].fields == (std::vector<std::string>{"2", "a, \"quoted\"\nvalue"}));
    BOOST_TEST(recs[2].line == 4);  // the blank line 3 is skipped, but counted
    BOOST_TEST(recs[2].end_line == 5);
    BOOST_TEST(recs[3].fields == (std::vector<std::string>{"3", ""}));
    BOOST_TEST(recs[3].line == 6);
    BOOST_TEST(recs[3].end_line == 6);
}

BOOST_AUTO_TEST_CASE(line_endings_crlf_cr_lf_and_no_final_newline) {
    auto recs = read_string("a,b\r\nc,d\re,f\ng,\"h\r\ni\"\r\n\r\nlast,one");
    BOOST_TEST_REQUIRE(recs.size() == 5u);
    std::vector<std::int64_t> lines, ends;
    for (const auto& r : recs) {
        lines.push_back(r.line);
        ends.push_back(r.end_line);
    }
    BOOST_TEST(lines == (std::vector<std::int64_t>{1, 2, 3, 4, 7}));
    BOOST_TEST(ends == (std::vector<std::int64_t>{1, 2, 3, 5, 7}));
    BOOST_TEST(recs[3].fields[1] == "h\r\ni");
    BOOST_TEST(recs[4].fields == (std::vector<std::string>{"last", "one"}));
}

BOOST_AUTO_TEST_CASE(a_line_of_spaces_and_empty_fields_are_records) {
    auto recs = read_string("   \n,\n\"\"\n");
    BOOST_TEST_REQUIRE(recs.size() == 3u);
    BOOST_TEST(recs[0].fields == (std::vector<std::string>{"   "}));
    BOOST_TEST(recs[1].fields == (std::vector<std::string>{"", ""}));
    BOOST_TEST(recs[2].fields == (std::vector<std::string>{""}));
    BOOST_TEST(recs[2].line == 3);
}

BOOST_AUTO_TEST_CASE(empty_input_has_no_records) {
    BOOST_TEST(read_string("").empty());
    BOOST_TEST(read_string("\n\r\n\n").empty());
    BOOST_TEST(read_string("\xEF\xBB\xBF").empty());
    auto r = CsvReader::from_string("", named("empty.csv"));
    expect_error([&] { r.read_header(); }, Status::parse, "empty.csv:1: empty, expected a header row");
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_skipped) {
    auto r = CsvReader::from_string("\xEF\xBB\xBF" "CHILD,SEX\n1,2\n", named("header.csv"));
    CsvHeader h = r.read_header({"CHILD"});
    BOOST_TEST(*h.find("CHILD") == 0u);
    CsvRecord rec;
    BOOST_TEST_REQUIRE(r.next(rec));
    BOOST_TEST(rec.line == 2);
}

BOOST_AUTO_TEST_CASE(utf16_and_utf32_are_refused_naming_the_file) {
    using namespace std::string_literals;
    expect_error([] { read_string("\xFF\xFE" "C\0H\0"s, named("u16le.csv")); }, Status::parse, "u16le.csv: the file is UTF-16");
    expect_error([] { read_string("\xFE\xFF\0C\0H"s, named("u16be.csv")); }, Status::parse, "u16be.csv: the file is UTF-16");
    expect_error([] { read_string("\xFF\xFE\0\0C\0\0\0"s, named("u32.csv")); }, Status::parse, "u32.csv: the file is UTF-32");
    expect_error([] { read_string("\0\0\xFE\xFF"s, named("u32be.csv")); }, Status::parse, "u32be.csv: the file is UTF-32");
    // Without a byte-order mark, UTF-16 shows itself by NUL bytes.
    expect_error([] { read_string("a,b\nC\0H\0"s, named("nobom.csv")); }, Status::parse, "nobom.csv:2: a NUL byte");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_refused_by_default) {
    auto r = CsvReader::from_string("CHILD,DECOM\n1,ok\n2,caf\xE9\n", named("episodes.csv"));
    r.read_header();
    CsvRecord rec;
    BOOST_TEST(r.next(rec));
    expect_error([&] { r.next(rec); }, Status::parse, "episodes.csv:3:2 (DECOM): text is not valid UTF-8 (byte 0xE9");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_replaced_with_an_issue) {
    CsvOptions o = named("episodes.csv");
    o.invalid_utf8 = InvalidUtf8::replace;
    auto r = CsvReader::from_string("CHILD,DECOM\n1,caf\xE9\n\xC0\xAF,x\n", o);
    r.read_header();
    auto recs = read_all(r);
    BOOST_TEST_REQUIRE(recs.size() == 2u);
    BOOST_TEST(recs[0].fields[1] == "caf\xEF\xBF\xBD");
    BOOST_TEST(recs[1].fields[0] == "\xEF\xBF\xBD\xEF\xBF\xBD");  // an overlong: each byte replaced
    BOOST_TEST_REQUIRE(r.issues().size() == 2u);
    const ImportIssue& i = r.issues()[0];
    BOOST_TEST(i.where() == "episodes.csv:2:2 (DECOM)");
    BOOST_TEST((i.severity == Severity::warning));
    BOOST_TEST(i.message.find("U+FFFD") != std::string::npos);
    BOOST_TEST(r.issues()[1].where() == "episodes.csv:3:1 (CHILD)");
}

BOOST_AUTO_TEST_CASE(many_repairs_are_listed_up_to_a_cap) {
    CsvOptions o;
    o.invalid_utf8 = InvalidUtf8::replace;
    std::string text;
    for (int i = 0; i < 1500; ++i) text += "\xFF\n";
    auto r = CsvReader::from_string(text, o);
    BOOST_TEST(read_all(r).size() == 1500u);
    BOOST_TEST_REQUIRE(r.issues().size() == 1001u);
    BOOST_TEST((r.issues().back().severity == Severity::note));
    BOOST_TEST(r.issues().back().message.find("500 more") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(strict_quotes) {
    expect_error([] { read_string("a,b\nc,d\"e\n", named("q.csv")); }, Status::parse, "q.csv:2:2: a quote inside an unquoted field");
    expect_error([] { read_string("a,\"b\"x\n", named("q.csv")); }, Status::parse, "q.csv:1:2: a quote");
    expect_error([] { read_string("a,\"b\" \n", named("q.csv")); }, Status::parse, "q.csv:1:2:");  // a space after the quote
    expect_error([] { read_string("a,b\nc,\"open\n\nmore", named("q.csv")); }, Status::parse,
                 "q.csv:4: a quoted field is not closed (the record starts on line 2)");
    CsvOptions lenient;
    lenient.strict = false;
    auto recs = read_string("c,d\"e\n", lenient);
    BOOST_TEST_REQUIRE(recs.size() == 1u);
    BOOST_TEST(recs[0].fields[1] == "d\"e");
}

BOOST_AUTO_TEST_CASE(errors_are_sticky) {
    auto r = CsvReader::from_string("a\nb\"c\nd\n", named("s.csv"));
    CsvRecord rec;
    BOOST_TEST(r.next(rec));
    expect_error([&] { r.next(rec); }, Status::parse, "s.csv:2:1: a quote");
    expect_error([&] { r.next(rec); }, Status::parse, "s.csv:2:1: a quote");  // not "d", not the end
}

BOOST_AUTO_TEST_CASE(nul_byte_names_the_line) {
    using namespace std::string_literals;
    expect_error([] { read_string("a,b\nc,d\ne,\"f\0\"\n"s, named("nul.csv")); }, Status::parse, "nul.csv:3: a NUL byte");
}

BOOST_AUTO_TEST_CASE(delimiter_option) {
    CsvOptions o;
    o.delimiter = ';';
    auto recs = read_string("a;b,c\n", o);
    BOOST_TEST_REQUIRE(recs.size() == 1u);
    BOOST_TEST(recs[0].fields == (std::vector<std::string>{"a", "b,c"}));
}

BOOST_AUTO_TEST_CASE(header_names_trimmed_duplicates_and_missing) {
    auto r = CsvReader::from_string(" CHILD ,DECOM,, \nA1,01/01/2020\n", named("episodes.csv"));
    CsvHeader h = r.read_header({"CHILD", "DECOM"});
    BOOST_TEST(h.size() == 4u);
    BOOST_TEST(h.line() == 1);
    BOOST_TEST(h.names()[0] == "CHILD");
    BOOST_TEST(h.has("DECOM"));
    BOOST_TEST(!h.has(""));  // empty names are positions only
    CsvRecord rec;
    BOOST_TEST_REQUIRE(r.next(rec));
    BOOST_TEST(h.get(rec, "CHILD") == "A1");
    BOOST_TEST(h.get(rec, "NOPE") == "");
    CsvRecord short_rec;
    short_rec.fields = {"x"};
    BOOST_TEST(h.get(short_rec, "DECOM") == "");

    expect_error([] { CsvReader::from_string("CHILD,DECOM,CHILD\n", named("episodes.csv")).read_header(); }, Status::parse,
                 "episodes.csv:1:3 (CHILD): column CHILD appears twice (also column 1)");
    expect_error([] { CsvReader::from_string("CHILD,DECOM\n", named("episodes.csv")).read_header({"CHILD", "REC"}); },
                 Status::parse, "episodes.csv:1: required column REC is missing");
    CsvRecord header;
    header.line = 1;
    header.fields = {"a", " a"};
    expect_error([&] { CsvHeader(header, "x.csv"); }, Status::parse, "x.csv:1:2 (a): column a appears twice");
}

BOOST_AUTO_TEST_CASE(limits) {
    CsvOptions o = named("big.csv");
    o.max_field_bytes = 1000;
    expect_error([&] { read_string("a,b\nc," + std::string(1001, 'x') + "\n", o); }, Status::parse,
                 "big.csv:2:2: a field longer than 1000 bytes");
    // Also while the field is still growing, long before its end.
    expect_error([&] { read_string("\"" + std::string(200000, 'x'), o); }, Status::parse,
                 "big.csv:1:1: a field longer than 1000 bytes");
    CsvOptions f = named("wide.csv");
    f.max_fields = 3;
    BOOST_TEST(read_string("a,b,c\n", f).size() == 1u);
    expect_error([&] { read_string("a,b,c\nd,e,f,g\n", f); }, Status::parse, "wide.csv:2: more than 3 fields");
    CsvOptions rb = named("rec.csv");
    rb.max_record_bytes = 10;
    expect_error([&] { read_string("abcdef,ghijkl\n", rb); }, Status::parse, "rec.csv:1: a record longer than 10 bytes");
}

BOOST_AUTO_TEST_CASE(a_huge_header_field_is_not_copied_into_messages) {
    // A 2 MB one-field file read as a table: the error names the column by
    // its first 60 bytes, not by all of it.
    CsvOptions o = named("one.csv");
    o.invalid_utf8 = InvalidUtf8::refuse;
    auto r = CsvReader::from_string(std::string(2u << 20, 'x') + "\n\xFF\n", o);
    r.read_header({});
    CsvRecord rec;
    try {
        r.next(rec);
        BOOST_FAIL("no error");
    } catch (const Error& e) {
        const std::string m = e.what();
        BOOST_TEST(m.size() < 200u, m.size());
        BOOST_TEST(m.find("one.csv:2:1 (" + std::string(60, 'x') + "...): text is not valid UTF-8") == 0u,
                   m.substr(0, 200));
    }
}

BOOST_AUTO_TEST_CASE(multi_megabyte_field_in_linear_time) {
    // 8 MiB in one quoted field with commas, quotes and line breaks: a
    // quadratic buffer or re-scan would take minutes here.
    std::string big;
    big.reserve(8u << 20);
    for (std::size_t i = 0; big.size() < (8u << 20); ++i) big += i % 1000 == 999 ? "\"\",\n" : "abcdefgh";
    std::string text = "id,blob\n1,\"" + big + "\"\n2,x\n";
    for (int source = 0; source < 2; ++source) {
        std::istringstream in(text);
        auto r = source == 0 ? CsvReader::from_string(text) : CsvReader::from_stream(in);
        auto recs = read_all(r);
        BOOST_TEST_REQUIRE(recs.size() == 3u);
        std::string expected;
        expected.reserve(big.size());
        for (std::size_t i = 0; i < big.size(); ++i)
            if (!(big[i] == '"' && big[i + 1] == '"')) expected += big[i];
        BOOST_TEST(recs[1].fields[1].size() == expected.size());
        BOOST_TEST((recs[1].fields[1] == expected));
        BOOST_TEST(recs[2].line == line_at(text, text.rfind("2,x")));
    }
    // And unquoted, on one line.
    auto recs = read_string(std::string(6u << 20, 'y') + ",z");
    BOOST_TEST_REQUIRE(recs.size() == 1u);
    BOOST_TEST(recs[0].fields[0].size() == (6u << 20));
}

BOOST_AUTO_TEST_CASE(hundred_thousand_rows_from_a_file) {
    const std::string path = temp_path("rows.csv");
    {
        std::ofstream out(path, std::ios::binary);
        out << "CHILD,DECOM,RNE\r\n";
        for (int i = 1; i <= 100000; ++i) out << "C" << i << ",01/04/2022,\"S\"\r\n";
    }
    auto r = CsvReader::open_file(path);
    BOOST_TEST(r.file() == path);
    CsvHeader h = r.read_header({"CHILD", "DECOM", "RNE"});
    CsvRecord rec;
    std::int64_t n = 0;
    bool lines_ok = true, fields_ok = true;
    while (r.next(rec)) {
        ++n;
        lines_ok = lines_ok && rec.line == n + 1 && rec.end_line == n + 1;
        fields_ok = fields_ok && h.get(rec, "CHILD") == "C" + std::to_string(n) && h.get(rec, "RNE") == "S";
    }
    BOOST_TEST(n == 100000);
    BOOST_TEST(r.records() == 100001);
    BOOST_TEST(lines_ok);
    BOOST_TEST(fields_ok);
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(random_documents_read_the_same_from_string_and_stream) {
    // Documents written by a small RFC 4180 writer, with every awkward
    // character, long fields across the 64 KiB pieces, and all three line
    // endings; the expected lines come from the writer's own offsets.
    std::mt19937 rng(903);
    const std::vector<std::string> atoms = {"a", "b", " ", ",", "\"", "\n", "\r\n", "\r", "\xC3\xA9", "xyz"};
    const std::vector<std::string> ends = {"\n", "\r\n", "\r"};
    for (int doc = 0; doc < 6; ++doc) {
        std::string text;
        LineCounter lines{text};
        std::vector<CsvRecord> expected;
        int nrec = 1 + static_cast<int>(rng() % 300);
        for (int k = 0; k < nrec; ++k) {
            if (rng() % 10 == 0) text += ends[rng() % 3];  // a blank line
            CsvRecord rec;
            rec.line = lines.at(text.size());
            int nf = 1 + static_cast<int>(rng() % 5);
            for (int f = 0; f < nf; ++f) {
                std::string value;
                int len = rng() % 50 == 0 ? 70000 + static_cast<int>(rng() % 70000) : static_cast<int>(rng() % 8);
                while (static_cast<int>(value.size()) < len) value += atoms[rng() % atoms.size()];
                rec.fields.push_back(value);
                bool quote = value.empty() || value.find_first_of(",\"\r\n") != std::string::npos || rng() % 4 == 0;
                if (f > 0) text += ",";
                if (quote) {
                    text += '"';
                    for (char c : value) text += c == '"' ? std::string("\"\"") : std::string(1, c);
                    text += '"';
                } else {
                    text += value;
                }
            }
            rec.end_line = lines.at(text.size());
            expected.push_back(rec);
            if (k + 1 < nrec || rng() % 2) text += ends[rng() % 3];
        }
        std::istringstream in(text);
        auto s = CsvReader::from_stream(in);
        const std::vector<std::vector<CsvRecord>> got = {read_string(text), read_all(s)};
        for (const auto& recs : got) {
            BOOST_TEST_REQUIRE(recs.size() == expected.size());
            for (std::size_t i = 0; i < recs.size(); ++i) {
                BOOST_TEST(recs[i].line == expected[i].line, "doc " << doc << " record " << i);
                BOOST_TEST(recs[i].end_line == expected[i].end_line, "doc " << doc << " record " << i);
                BOOST_TEST((recs[i].fields == expected[i].fields), "doc " << doc << " record " << i);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(crlf_split_across_stream_pieces) {
    // A CR as the last byte of one 64 KiB piece and its LF first in the next.
    std::string text = std::string(65535, 'a') + "\r\nb\r\n";
    std::istringstream in(text);
    auto r = CsvReader::from_stream(in);
    auto recs = read_all(r);
    BOOST_TEST_REQUIRE(recs.size() == 2u);
    BOOST_TEST(recs[1].line == 2);
    BOOST_TEST(recs[1].fields[0] == "b");
}

BOOST_AUTO_TEST_CASE(files_that_cannot_be_read) {
    expect_error([] { CsvReader::open_file("/nonexistent/episodes.csv"); }, Status::io,
                 "cannot read /nonexistent/episodes.csv");
    expect_error([] { CsvReader::open_file(std::filesystem::temp_directory_path().string()); }, Status::io, "a folder");
}

BOOST_AUTO_TEST_CASE(reader_moves_mid_file) {
    auto a = CsvReader::from_string("x\ny\nz\n");
    CsvRecord rec;
    BOOST_TEST(a.next(rec));
    CsvReader b = std::move(a);
    BOOST_TEST(b.next(rec));
    BOOST_TEST(rec.fields[0] == "y");
    BOOST_TEST(b.next(rec));
    BOOST_TEST(!b.next(rec));
    BOOST_TEST(!b.next(rec));  // stays at the end
}

BOOST_AUTO_TEST_CASE(real_ssda903_files) {
    const std::string folder = kShared + "/data/ssda903";
    if (!std::filesystem::exists(folder)) {
        BOOST_TEST_MESSAGE("skipped: " << folder << " is absent");
        return;
    }
    for (const char* name : {"header.csv", "episodes.csv", "reviews.csv", "903_2024_25_rule_info.csv"}) {
        const std::string path = folder + "/" + name;
        // Physical lines with something on them, counted plainly.
        std::ifstream in(path, std::ios::binary);
        std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto r = CsvReader::open_file(path, named(name));
        CsvHeader h = r.read_header();
        std::vector<CsvRecord> recs = read_all(r);
        std::int64_t last_end = h.line();
        bool ordered = true, widths = true;
        for (const auto& rec : recs) {
            ordered = ordered && rec.line > last_end && rec.end_line >= rec.line;
            widths = widths && rec.fields.size() == h.size();
            last_end = rec.end_line;
        }
        BOOST_TEST(ordered, name);
        BOOST_TEST(widths, name);
        BOOST_TEST(r.issues().empty(), name);
        BOOST_TEST_MESSAGE(name << ": " << recs.size() << " records, " << h.size() << " columns");
        if (std::string(name) == "episodes.csv") {
            h.require({"CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"});
            std::size_t nonblank = 0;
            std::istringstream lines(all);
            for (std::string l; std::getline(lines, l);)
                if (!l.empty() && l != "\r") ++nonblank;
            BOOST_TEST(recs.size() + 1 == nonblank);  // no quoted line breaks in episodes
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
