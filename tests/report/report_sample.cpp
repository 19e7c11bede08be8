// Writes the sample report document (sample_document.hpp) as HTML and XLSX
// into a folder, for the checks in a real browser (check_html.py) and with
// openpyxl (check_xlsx.py): oversight_report_sample <folder>.
#include <oversight/core/error.hpp>
#include <oversight/report/writer.hpp>

#include "report/sample_document.hpp"

#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: oversight_report_sample <folder>\n";
        return 2;
    }
    try {
        const oversight::Document doc = oversight::test::sample_document();
        for (const auto& [format, name] : {std::pair{oversight::ReportFormat::html, "report-sample.html"},
                                           std::pair{oversight::ReportFormat::xlsx, "report-sample.xlsx"}}) {
            const std::string path = std::string(argv[1]) + "/" + name;
            std::ofstream out(path, std::ios::binary);
            out << oversight::write_document(doc, format);
            if (!out.flush()) {
                std::cerr << "oversight_report_sample: cannot write " << path << "\n";
                return 1;
            }
            std::cout << path << "\n";
        }
        return 0;
    } catch (const oversight::Error& e) {
        std::cerr << "oversight_report_sample: " << e.what() << "\n";
        return 1;
    }
}
