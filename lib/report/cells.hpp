// Private to lib/report/: the two shorthands every document builder of this
// folder uses for its columns and text cells.
#pragma once

#include <oversight/report/document.hpp>

#include <string>
#include <utility>

namespace oversight::detail {

/// A column (document.hpp): key, title, what its cells hold, and whether
/// only the writers for machines keep it.
inline Column col(std::string key, std::string title, Cell::Type type = Cell::Type::text, bool data_only = false) {
    return Column{std::move(key), std::move(title), type, data_only};
}

/// A text cell, or an empty one for "".
inline Cell text(std::string s) { return s.empty() ? Cell{} : Cell::of_text(std::move(s)); }

}  // namespace oversight::detail
