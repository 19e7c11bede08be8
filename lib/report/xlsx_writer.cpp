// The XLSX writer of report documents, with libxlsxwriter: a "Summary" sheet
// (title, subtitle lines, headings and paragraphs in order, and where each
// table and chart went), then one sheet per table and one per chart (its
// values, and a native chart beside them). Real numbers and dates with
// number formats, a bold frozen header row, a filter over the data, RAG
// cells as their label with conditional fills, column widths fitted to the
// content. libxlsxwriter 1.1.4 writes only to a file: the workbook goes to a
// temporary file (mkstemp in the temporary folder), read back and removed.
#include "report/writers.hpp"

#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace oversight::detail {
namespace {

constexpr std::size_t kMaxString = 32767;  // Excel's longest cell text (LXW_STR_MAX)
constexpr double kMinWidth = 8, kMaxWidth = 60;

// RAG fills: the HTML writer's colours (WCAG AA for the label on its fill).
struct RagStyle {
    Rag rag;
    lxw_color_t fill, font;
};
constexpr RagStyle kRagStyles[] = {{Rag::red, 0xB3261E, 0xFFFFFF},
                                   {Rag::amber, 0xFFBF00, 0x1A1A1A},
                                   {Rag::green, 0x1E7B34, 0xFFFFFF},
                                   {Rag::blue, 0x1F5FA8, 0xFFFFFF}};

/// Text XML 1.0 allows: valid UTF-8, control characters other than line
/// feed and tab as spaces, the noncharacters U+FFFE and U+FFFF (which XML
/// forbids; Excel would "repair" the file) as U+FFFD.
std::string xml_text(std::string_view raw) {
    std::string s = is_valid_utf8(raw) ? std::string(raw) : sanitize_utf8(raw);
    for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) c = ' ';
    }
    for (std::size_t i = 0; (i = s.find("\xEF\xBF", i)) != std::string::npos; i += 3)
        if (i + 2 < s.size() && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) s[i + 2] = '\xBD';
    return s;
}

/// Cell text as Excel takes it: xml_text, at most 32,767 characters (cut with "…").
std::string cell_text(std::string_view raw) {
    std::string s = xml_text(raw);
    if (width_of(s) > kMaxString) {
        std::size_t i = 0, n = 0;
        while (i < s.size() && n + 1 < kMaxString) {
            const auto u = static_cast<unsigned char>(s[i]);
            i += u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
            ++n;
        }
        s.resize(i);
        s += "\u2026";
    }
    return s;
}

/// The first code points of s that fit `max` UTF-16 units.
std::string cut_utf16(std::string_view s, std::size_t max) {
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto u = static_cast<unsigned char>(s[i]);
        const std::size_t len = u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
        const std::size_t units = len == 4 ? 2 : 1;
        if (n + units > max) break;
        out.append(s.substr(i, len));
        n += units;
        i += len;
    }
    return out;
}

/// Sheet names Excel accepts: `[]:*?/\` replaced by "-", no apostrophe at
/// either end, at most 31 characters, unique whatever the case ("History"
/// is Excel's own and taken too), "Sheet" when nothing is left.
class SheetNames {
public:
    SheetNames() { used_.insert("history"); }

    std::string make(std::string_view wanted) {
        std::string base = xml_text(inline_text(wanted));
        for (char& c : base)
            if (std::strchr("[]:*?/\\", c) != nullptr && c != '\0') c = '-';
        const auto strip = [](std::string& s) {
            while (!s.empty() && (s.front() == '\'' || s.front() == ' ')) s.erase(0, 1);
            while (!s.empty() && (s.back() == '\'' || s.back() == ' ')) s.pop_back();
        };
        strip(base);
        if (base.empty()) base = "Sheet";
        std::string name = cut_utf16(base, 31);
        strip(name);
        for (int n = 2; !used_.insert(lower(name)).second; ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = cut_utf16(base, 31 - suffix.size());
            strip(name);
            name += suffix;
        }
        return name;
    }

private:
    std::set<std::string> used_;
};

/// A workbook written to a temporary file that is removed whatever happens.
class TempWorkbook {
public:
    TempWorkbook() {
        std::error_code ec;
        const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
        if (ec) throw Error(Status::io, "xlsx writer: no temporary folder for the workbook (TMPDIR): " + ec.message());
        std::string tmpl = (dir / "oversight-xlsx-XXXXXX").string();
        const int fd = ::mkstemp(tmpl.data());
        if (fd < 0)
            throw Error(Status::io, "xlsx writer: cannot create a temporary file in " + dir.string() + ": " +
                                        std::strerror(errno));
        ::close(fd);
        path_ = tmpl;
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        // libxlsxwriter's own part files go there too (tmpfile() would use /tmp whatever TMPDIR says).
        tmpdir_ = dir.string();
        options.tmpdir = const_cast<char*>(tmpdir_.c_str());
        wb_ = workbook_new_opt(path_.c_str(), &options);
        if (!wb_) {
            std::remove(path_.c_str());
            throw Error(Status::io, "xlsx writer: cannot start the workbook in " + path_);
        }
    }
    ~TempWorkbook() {
        if (wb_) lxw_workbook_free(wb_);
        std::remove(path_.c_str());
    }
    TempWorkbook(const TempWorkbook&) = delete;
    TempWorkbook& operator=(const TempWorkbook&) = delete;

    lxw_workbook* get() const { return wb_; }

    /// Closes the workbook (writing the file) and returns its bytes.
    std::string finish() {
        lxw_workbook* wb = wb_;
        wb_ = nullptr;  // workbook_close frees it, whatever it returns
        const lxw_error err = workbook_close(wb);
        if (err != LXW_NO_ERROR)
            throw Error(Status::io, std::string("xlsx writer: writing the workbook failed: ") + lxw_strerror(err));
        std::ifstream in(path_, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in)
            throw Error(Status::io, "xlsx writer: cannot read back the workbook " + path_);
        return bytes.str();
    }

private:
    std::string path_;
    std::string tmpdir_;  // where libxlsxwriter writes its part files
    lxw_workbook* wb_ = nullptr;
};

void check(lxw_error err, const std::string& step) {
    if (err != LXW_NO_ERROR) throw Error(Status::internal, "xlsx writer: " + step + ": " + lxw_strerror(err));
}

class Writer {
public:
    explicit Writer(lxw_workbook* wb) : wb_(wb) {
        bold_ = workbook_add_format(wb_);
        format_set_bold(bold_);
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_bg_color(header_, 0xE8E8E8);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        title_ = workbook_add_format(wb_);
        format_set_bold(title_);
        format_set_font_size(title_, 16);
        heading_ = workbook_add_format(wb_);
        format_set_bold(heading_);
        format_set_font_size(heading_, 13);
        wrap_ = workbook_add_format(wb_);
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
        top_ = workbook_add_format(wb_);
        format_set_align(top_, LXW_ALIGN_VERTICAL_TOP);
        italic_ = workbook_add_format(wb_);
        format_set_italic(italic_);
        format_set_text_wrap(italic_);
        format_set_align(italic_, LXW_ALIGN_VERTICAL_TOP);
        for (const auto& rs : kRagStyles) {
            lxw_format* f = workbook_add_format(wb_);
            format_set_bg_color(f, rs.fill);
            format_set_font_color(f, rs.font);
            format_set_bold(f);
            rag_formats_.push_back(f);
        }
    }

    void write(const Document& doc) {
        // Sheet names first, so that the summary can say where each block went.
        SheetNames names;
        const std::string summary_name = names.make("Summary");
        std::vector<std::string> block_sheets(doc.blocks.size());
        std::size_t n = 0;
        for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
            if (const auto* t = std::get_if<Table>(&doc.blocks[i]))
                block_sheets[i] = names.make(t->title.empty() ? "Table " + std::to_string(++n) : t->title);
            else if (const auto* c = std::get_if<Chart>(&doc.blocks[i]))
                block_sheets[i] = names.make(c->title.empty() ? "Chart " + std::to_string(++n) : c->title);
        }
        summary(doc, summary_name, block_sheets);
        for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
            if (const auto* t = std::get_if<Table>(&doc.blocks[i])) {
                table(*t, block_sheets[i]);
            } else if (const auto* c = std::get_if<Chart>(&doc.blocks[i])) {
                const Table values = chart_table(*c);
                lxw_worksheet* ws = table(values, block_sheets[i]);
                chart(*c, values, ws, block_sheets[i]);
            }
        }
    }

private:
    lxw_worksheet* sheet(const std::string& name) {
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ws) throw Error(Status::internal, "xlsx writer: cannot add the sheet \"" + name + "\"");
        return ws;
    }

    lxw_format* number_format(const std::string& code) {
        auto it = numbers_.find(code);
        if (it != numbers_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        format_set_num_format(f, code.c_str());
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        return numbers_[code] = f;
    }

    static std::string decimals_code(int decimals, const char* suffix) {
        decimals = std::clamp(decimals, 0, 6);
        std::string code = "#,##0";
        if (decimals > 0) code += "." + std::string(static_cast<std::size_t>(decimals), '0');
        return code + suffix;
    }

    /// "0%", "0.0%", ...: a fraction shown as a percent with `decimals` places.
    static std::string percent_code(int decimals) {
        decimals = std::clamp(decimals, 0, 6);
        return decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') + "%" : "0%";
    }

    void summary(const Document& doc, const std::string& name, const std::vector<std::string>& block_sheets) {
        lxw_worksheet* ws = sheet(name);
        check(worksheet_set_column(ws, 0, 0, 100, wrap_), "the summary's column width");
        lxw_row_t row = 0;
        const auto put = [&](const std::string& text, lxw_format* f, const char* what) {
            check(worksheet_write_string(ws, row, 0, cell_text(text).c_str(), f),
                  "the summary's " + std::string(what) + " (row " + std::to_string(row + 1) + ")");
            ++row;
        };
        put(doc.title.empty() ? std::string("Report") : inline_text(doc.title), title_, "title");
        for (const auto& s : doc.subtitle) put(inline_text(s), nullptr, "subtitle");
        ++row;
        for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
            const Block& b = doc.blocks[i];
            if (const auto* h = std::get_if<Heading>(&b)) {
                if (row > 0) ++row;
                put(inline_text(h->text), h->level == 1 ? heading_ : bold_, "heading");
            } else if (const auto* p = std::get_if<Paragraph>(&b)) {
                const char* prefix = p->style == Paragraph::Style::note      ? "Note: "
                                     : p->style == Paragraph::Style::warning ? "Warning: "
                                                                             : "";
                put(prefix + p->text, wrap_, "paragraph");
            } else if (const auto* t = std::get_if<Table>(&b)) {
                put("Table: " + inline_text(t->title) + " (" + std::to_string(t->rows.size()) + " rows), sheet \"" +
                        block_sheets[i] + "\"",
                    italic_, "table reference");
            } else if (const auto* c = std::get_if<Chart>(&b)) {
                put("Chart: " + inline_text(c->title) + ", sheet \"" + block_sheets[i] + "\"", italic_,
                    "chart reference");
            }
        }
    }

    void cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& v, bool wrap, const std::string& where,
              bool reason_in_comment) {
        lxw_error err = LXW_NO_ERROR;
        switch (v.type) {
            case Cell::Type::empty: return;
            case Cell::Type::text: err = worksheet_write_string(ws, r, c, cell_text(v.text).c_str(), wrap ? wrap_ : top_); break;
            case Cell::Type::integer:
                err = worksheet_write_number(ws, r, c, static_cast<double>(v.integer), number_format("0"));
                break;
            case Cell::Type::number:
                err = worksheet_write_number(ws, r, c, v.number, number_format(decimals_code(v.decimals, "")));
                break;
            case Cell::Type::percent:
                err = worksheet_write_number(ws, r, c, v.number,
                                             number_format(percent_code(v.decimals)));
                break;
            case Cell::Type::money:
                err = worksheet_write_number(ws, r, c, static_cast<double>(v.integer) / 100.0, number_format("£#,##0.00"));
                break;
            case Cell::Type::date:
                if (v.date.year() < 1900) {  // before Excel's calendar: the ISO text
                    err = worksheet_write_string(ws, r, c, v.date.iso().c_str(), top_);
                } else {
                    lxw_datetime dt{v.date.year(), v.date.month(), v.date.day(), 0, 0, 0.0};
                    err = worksheet_write_datetime(ws, r, c, &dt, number_format("yyyy-mm-dd"));
                }
                break;
            case Cell::Type::rag:
                if (v.rag != Rag::none) err = worksheet_write_string(ws, r, c, std::string(rag_label(v.rag)).c_str(), top_);
                if (err == LXW_NO_ERROR && reason_in_comment && !v.text.empty())
                    err = worksheet_write_comment(ws, r, c, clip(v.text, 2000).c_str());
                break;
        }
        check(err, where);
    }

    lxw_worksheet* table(const Table& t, const std::string& name) {
        lxw_worksheet* ws = sheet(name);
        const auto ncols = static_cast<lxw_col_t>(std::min<std::size_t>(t.columns.size(), LXW_COL_MAX));
        std::vector<double> width(ncols, kMinWidth);
        for (lxw_col_t c = 0; c < ncols; ++c) {
            const std::string title = inline_text(t.columns[c].title.empty() ? t.columns[c].key : t.columns[c].title);
            check(worksheet_write_string(ws, 0, c, cell_text(title).c_str(), header_),
                  "sheet \"" + name + "\" header of column " + std::to_string(c + 1));
            width[c] = std::max(width[c], static_cast<double>(width_of(title)) + 2);
        }
        const std::size_t nrows = std::min<std::size_t>(t.rows.size(), LXW_ROW_MAX - 1);
        std::vector<bool> rag_column(ncols, false), reason_comment(ncols, false);
        for (lxw_col_t c = 0; c < ncols; ++c)
            reason_comment[c] = column_index(t, t.columns[c].key + "_reason") == std::string::npos;
        for (std::size_t r = 0; r < nrows; ++r)
            for (lxw_col_t c = 0; c < ncols; ++c) {
                const Cell& v = t.rows[r][c];
                if (v.type == Cell::Type::rag) rag_column[c] = true;
                std::size_t w = 0;
                if (v.type == Cell::Type::text) {
                    for (std::size_t start = 0; start <= v.text.size();) {  // the longest line
                        std::size_t end = v.text.find('\n', start);
                        if (end == std::string::npos) end = v.text.size();
                        w = std::max(w, width_of(cell_text(std::string_view(v.text).substr(start, end - start))));
                        start = end + 1;
                    }
                } else if (v.type == Cell::Type::date) {
                    w = 10;
                } else {
                    w = width_of(v.display()) + (v.type == Cell::Type::money ? 1 : 0);
                }
                width[c] = std::max(width[c], static_cast<double>(w) + 2);
                cell(ws, static_cast<lxw_row_t>(r + 1), c, v, w + 2 > kMaxWidth || v.text.find('\n') != std::string::npos,
                     "sheet \"" + name + "\" row " + std::to_string(r + 1) + " column \"" + t.columns[c].key + "\"",
                     reason_comment[c]);
            }
        for (lxw_col_t c = 0; c < ncols; ++c)
            check(worksheet_set_column(ws, c, c, std::clamp(width[c], kMinWidth, kMaxWidth), nullptr),
                  "sheet \"" + name + "\" column width");
        worksheet_freeze_panes(ws, 1, 0);
        if (ncols > 0)
            check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(nrows), ncols - 1),
                  "sheet \"" + name + "\" filter");
        // RAG fills, on the labels of the data rows of each RAG column.
        for (lxw_col_t c = 0; c < ncols && nrows > 0; ++c) {
            if (!rag_column[c]) continue;
            for (std::size_t k = 0; k < std::size(kRagStyles); ++k) {
                const std::string label = "\"" + std::string(rag_label(kRagStyles[k].rag)) + "\"";
                lxw_conditional_format cf{};
                cf.type = LXW_CONDITIONAL_TYPE_CELL;
                cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
                cf.value_string = const_cast<char*>(label.c_str());
                cf.format = rag_formats_[k];
                check(worksheet_conditional_format_range(ws, 1, c, static_cast<lxw_row_t>(nrows), c, &cf),
                      "sheet \"" + name + "\" RAG formatting");
            }
        }
        lxw_row_t row = static_cast<lxw_row_t>(nrows + 1);
        if (t.rows.empty())
            check(worksheet_write_string(ws, row++, 0, cell_text(inline_text(t.empty_text)).c_str(), italic_),
                  "sheet \"" + name + "\" empty text");
        if (t.rows.size() > nrows)
            check(worksheet_write_string(ws, row++, 0, "Rows beyond Excel's limit were left out.", italic_),
                  "sheet \"" + name + "\" note");
        if (!t.notes.empty()) ++row;
        for (const auto& note : t.notes)
            check(worksheet_write_string(ws, row++, 0, cell_text(inline_text(note)).c_str(), nullptr),
                  "sheet \"" + name + "\" note");
        return ws;
    }

    void chart(const Chart& c, const Table& values, lxw_worksheet* ws, const std::string& name) {
        if (c.x_labels.empty() || c.series.empty()) return;
        const uint8_t type = c.kind == Chart::Kind::line  ? LXW_CHART_LINE
                             : c.kind == Chart::Kind::bar ? LXW_CHART_COLUMN
                                                          : LXW_CHART_COLUMN_STACKED;
        lxw_chart* ch = workbook_add_chart(wb_, type);
        if (!ch) throw Error(Status::internal, "xlsx writer: cannot add the chart of sheet \"" + name + "\"");
        const std::string title = cell_text(inline_text(c.title));
        if (!title.empty()) chart_title_set_name(ch, title.c_str());
        const auto last = static_cast<lxw_row_t>(std::min<std::size_t>(c.x_labels.size(), LXW_ROW_MAX - 1));
        for (std::size_t s = 0; s < c.series.size() && s + 1 < values.columns.size(); ++s) {
            lxw_chart_series* ser = chart_add_series(ch, nullptr, nullptr);
            if (!ser) throw Error(Status::internal, "xlsx writer: cannot add a series to the chart of sheet \"" + name + "\"");
            chart_series_set_categories(ser, name.c_str(), 1, 0, last, 0);
            chart_series_set_values(ser, name.c_str(), 1, static_cast<lxw_col_t>(s + 1), last, static_cast<lxw_col_t>(s + 1));
            chart_series_set_name_range(ser, name.c_str(), 0, static_cast<lxw_col_t>(s + 1));
            if (!c.series[s].colour.empty()) {  // "#rrggbb", checked by check_document
                const auto rgb = static_cast<lxw_color_t>(std::stoul(c.series[s].colour.substr(1), nullptr, 16));
                lxw_chart_line line{};
                line.color = rgb;
                chart_series_set_line(ser, &line);
                if (type != LXW_CHART_LINE) {
                    lxw_chart_fill fill{};
                    fill.color = rgb;
                    chart_series_set_fill(ser, &fill);
                }
            }
            if (type == LXW_CHART_LINE) {
                static constexpr uint8_t kMarkers[] = {LXW_CHART_MARKER_CIRCLE,   LXW_CHART_MARKER_SQUARE, LXW_CHART_MARKER_TRIANGLE,
                                                       LXW_CHART_MARKER_DIAMOND,  LXW_CHART_MARKER_X,      LXW_CHART_MARKER_PLUS,
                                                       LXW_CHART_MARKER_STAR};
                chart_series_set_marker_type(ser, kMarkers[s % std::size(kMarkers)]);
            }
        }
        if (c.unit == Chart::Unit::percent) {
            chart_axis_set_num_format(ch->y_axis, "0%");
            chart_axis_set_min(ch->y_axis, 0);
        }
        chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
        lxw_chart_options opt{};
        opt.x_scale = 1.6;
        opt.y_scale = 1.4;
        check(worksheet_insert_chart_opt(ws, 1, static_cast<lxw_col_t>(values.columns.size() + 1), ch, &opt),
              "sheet \"" + name + "\" chart");
    }

    lxw_workbook* wb_;
    lxw_format *bold_, *header_, *title_, *heading_, *wrap_, *top_, *italic_;
    std::vector<lxw_format*> rag_formats_;
    std::map<std::string, lxw_format*> numbers_;
};

}  // namespace

std::string write_xlsx(const Document& doc) {
    TempWorkbook wb;
    lxw_doc_properties props{};
    const std::string title = cell_text(inline_text(doc.title));
    props.title = const_cast<char*>(title.c_str());
    props.comments = const_cast<char*>("Written by Oversight");
    check(workbook_set_properties(wb.get(), &props), "the workbook's properties");
    Writer(wb.get()).write(doc);
    return wb.finish();
}

}  // namespace oversight::detail
