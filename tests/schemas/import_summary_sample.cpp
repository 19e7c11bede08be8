// Writes import summaries made by the real readers, for the schema test
// (validate.py checks them against data/schemas/import-summary.schema.json).
// usage: oversight_import_summary_sample OUTPUT_FOLDER
#include <oversight/core/error.hpp>
#include <oversight/import/csv_reader.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/import/xml_reader.hpp>

#include <fstream>
#include <iostream>

using namespace oversight;

namespace {

bool write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) std::cerr << "cannot write " << path << "\n";
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " OUTPUT_FOLDER\n";
        return 1;
    }
    const std::string folder = argv[1];
    try {
        ImportSummary s;
        s.importer = "ssda903";
        s.source = "episodes.csv";

        CsvOptions o;
        o.file = "episodes.csv";
        o.invalid_utf8 = InvalidUtf8::replace;
        auto csv = CsvReader::from_string("CHILD,DECOM\n1,01/04/2022\n2,\"0\xE9/04/2022\"\n", o);
        csv.read_header({"CHILD", "DECOM"});
        CsvRecord r;
        while (csv.next(r)) s.add("rows");
        s.add("children", 2);
        s.issues = csv.issues();

        auto xml = XmlDocument::load_string("<Message><Child><PersonBirthDate>2022-02-30</PersonBirthDate></Child>"
                                            "<Child><PersonBirthDate>x</PersonBirthDate></Child></Message>",
                                            XmlOptions{"cin.xml", InvalidUtf8::refuse, 1 << 20, 64});
        for (auto child : xml.root().children("Child")) child.date("PersonBirthDate");
        s.issues.insert(s.issues.end(), xml.issues().begin(), xml.issues().end());

        ImportIssue cell;
        cell.file = "Annex_A.xlsx";
        cell.path = "List 1!B12";
        cell.column = 2;
        cell.column_name = "Gender";
        cell.severity = Severity::note;
        cell.message = "bytes that are not UTF-8: \xC3\x28 \xFF";
        s.issues.push_back(cell);
        s.add("rows", 0);

        ImportSummary empty;
        if (!write(folder + "/import-summary.json", to_json(s)) ||
            !write(folder + "/import-summary-empty.json", to_json(empty)))
            return 1;
    } catch (const Error& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
