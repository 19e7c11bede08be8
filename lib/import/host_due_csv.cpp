// A case system's extract of due dates, read from CSV (import/host_due_csv.hpp).
#include <oversight/import/host_due_csv.hpp>

#include <oversight/core/error.hpp>
#include <oversight/import/csv_reader.hpp>

#include "core/text.hpp"

#include <utility>

namespace oversight {

std::vector<HostDueInput> read_host_due_csv(std::string csv, const HostDueOptions& options) {
    for (const auto& [name, what] : {std::pair{&options.child_column, "child_column"},
                                     std::pair{&options.due_column, "due_column"},
                                     std::pair{&options.rule_column, "rule_column"}})
        if (detail::trim(*name).empty())
            throw Error(Status::invalid_arg, std::string("host due dates: ") + what + " is empty");
    const std::string child(detail::trim(options.child_column)), due(detail::trim(options.due_column)),
        rule(detail::trim(options.rule_column));
    CsvOptions read;
    read.file = options.file;
    CsvReader reader = CsvReader::from_string(std::move(csv), read);
    const CsvHeader header = options.rule ? reader.read_header({child, due}) : reader.read_header({child, due, rule});
    std::vector<HostDueInput> rows;
    CsvRecord record;
    while (reader.next(record)) {
        if (record.blank()) continue;
        HostDueInput in;
        in.line = record.line;
        in.child_id = std::string(detail::trim(header.get(record, child)));
        in.due_text = std::string(detail::trim(header.get(record, due)));
        if (!options.rule) in.rule = std::string(detail::trim(header.get(record, rule)));
        rows.push_back(std::move(in));
    }
    return rows;
}

}  // namespace oversight
