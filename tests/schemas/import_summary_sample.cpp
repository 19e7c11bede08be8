// Writes import summaries made by the real importers and readers, for the
// schema test (validate.py checks them against
// data/schemas/oversight-import-summary.schema.json).
// usage: oversight_import_summary_sample OUTPUT_FOLDER PROJECT_FOLDER
#include <oversight/core/error.hpp>
#include <oversight/import/annex_a.hpp>
#include <oversight/import/cin_census.hpp>
#include <oversight/import/csv_reader.hpp>
#include <oversight/import/csww.hpp>
#include <oversight/import/import_issue.hpp>
#include <oversight/import/plan_file.hpp>
#include <oversight/import/seed_plan.hpp>
#include <oversight/import/ssda903.hpp>
#include <oversight/import/xml_reader.hpp>
#include <oversight/store/store.hpp>

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

// A summary put together from the readers' own issues: every kind of place.
ImportSummary from_the_readers() {
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
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " OUTPUT_FOLDER PROJECT_FOLDER\n";
        return 1;
    }
    const std::string out = std::string(argv[1]) + "/";
    const std::string project = std::string(argv[2]) + "/";
    try {
        SeedImportOptions seed_options;
        seed_options.report_date = Date::from_ymd(2025, 3, 14);
        ImportResult seed = import_seed_plan_file(project + "examples/data/sample_plan.txt", seed_options);
        PlanImport json = import_plan_text(plan_to_json(seed.plan), PlanFormat::json, "sample_plan.json");
        PlanImport csv = import_plan_text(plan_to_csv(seed.plan), PlanFormat::csv, "sample_plan.csv");
        Store store = Store::open_in_memory();
        ImportSummary ssda903 = import_ssda903(store, project + "tests/data/casework_903_bad");
        ImportSummary cin = read_cin_census(project + "tests/data/cin_census_sample/cin_damaged.xml").summary;
        ImportSummary csww = read_csww(project + "tests/data/csww_sample/bad.xml").summary;
        ImportSummary annex_a = read_annex_a(project + "tests/data/annex_a_sample/bad.xlsx").summary;
        // The first document is the one validate.py also breaks on purpose: it has every kind of place.
        if (!write(out + "import-summary.json", to_json(from_the_readers())) ||
            !write(out + "import-summary-empty.json", to_json(ImportSummary{})) ||
            !write(out + "import-summary-seed-plan.json", to_json(seed.summary)) ||
            !write(out + "import-summary-plan-json.json", to_json(json.summary)) ||
            !write(out + "import-summary-plan-csv.json", to_json(csv.summary)) ||
            !write(out + "import-summary-ssda903.json", to_json(ssda903)) ||
            !write(out + "import-summary-cin-census.json", to_json(cin)) ||
            !write(out + "import-summary-csww.json", to_json(csww)) ||
            !write(out + "import-summary-annex-a.json", to_json(annex_a)))
            return 1;
    } catch (const Error& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
