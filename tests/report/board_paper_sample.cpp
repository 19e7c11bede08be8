// Writes the board paper (report/board_paper.hpp) of the seed plan as of
// 12 October 2012, with changes since 14 September 2012, as HTML,
// Markdown and JSON into a folder, and the texts the printed PDF must show (one a
// line: each action's lead, each recommendation's number and first word,
// and the RAG changes of the "Changed since" column) for
// check_html.py --expect-file: oversight_board_paper_sample <seed.txt> <folder>.
#include <oversight/core/error.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/report/board_paper.hpp>
#include <oversight/report/writer.hpp>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

namespace {

bool write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (out.flush()) return true;
    std::cerr << "oversight_board_paper_sample: cannot write " << path << "\n";
    return false;
}

/// The first `n` words of a text.
std::string first_words(const std::string& text, int n) {
    std::istringstream in(text);
    std::string word, out;
    for (int i = 0; i < n && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: oversight_board_paper_sample <seed.txt> <folder>\n";
        return 2;
    }
    try {
        oversight::SeedImportOptions so;
        so.report_date = oversight::Date::parse_iso("2012-09-14");  // as tests/cli/plan.sh imports it
        const oversight::Plan plan = oversight::import_seed_plan_file(argv[1], so).plan;
        oversight::BoardPaperOptions options;
        options.as_of = oversight::Date::parse_iso("2012-10-12");
        options.since = oversight::Date::parse_iso("2012-09-14");
        const oversight::Document doc = oversight::board_paper(plan, {}, options);
        const std::string folder = argv[2];
        std::string expect;
        std::set<std::string> leads;
        for (const auto& rec : plan.recommendations) {
            expect += std::to_string(rec.number) + ". " + first_words(rec.text, 1) + "\n";
            for (const auto& a : rec.actions) leads.insert(a.lead.empty() ? rec.lead : a.lead);
        }
        for (const auto& lead : leads)
            if (!lead.empty()) expect += lead + "\n";
        // The "Changed since" column made it onto the page (a table wider
        // than A4 loses its last columns in print): its RAG changes.
        std::set<std::string> rag_changes;
        for (const auto* table : doc.tables())
            for (std::size_t c = 0; c < table->columns.size(); ++c)
                if (table->columns[c].key == "changed")
                    for (const auto& row : table->rows)
                        if (row[c].text.rfind("RAG ", 0) == 0) rag_changes.insert(row[c].text.substr(0, row[c].text.find(';')));
        if (rag_changes.empty()) {
            std::cerr << "oversight_board_paper_sample: no RAG change since 2012-09-14 to look for\n";
            return 1;
        }
        // ("RAG amber": the DOM check reads serialised HTML, where ">" is "&gt;".)
        for (const auto& change : rag_changes) expect += change.substr(0, change.find(" ->")) + "\n";
        if (!write(folder + "/board-paper.html", oversight::write_document(doc, oversight::ReportFormat::html)) ||
            !write(folder + "/board-paper.md", oversight::write_document(doc, oversight::ReportFormat::markdown)) ||
            !write(folder + "/board-paper.json", oversight::write_document(doc, oversight::ReportFormat::json)) ||
            !write(folder + "/board-paper.expect", expect))
            return 1;
        std::cout << folder << "/board-paper.html\n";
        return 0;
    } catch (const oversight::Error& e) {
        std::cerr << "oversight_board_paper_sample: " << e.what() << "\n";
        return 1;
    }
}
