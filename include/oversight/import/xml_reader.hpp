// The XML reader for statutory returns (CIN Census, social work workforce
// census), over pugixml: elements by local name, each with its path for
// issues, and typed values that report what they could not read.
#pragma once

#include <oversight/core/date.hpp>
#include <oversight/import/import_issue.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oversight {

namespace detail {
struct XmlState;  // the parsed document, its line index and its issues
}

struct XmlOptions {
    /// The name used in errors and issues. Default: the path as given, or
    /// "<input>" for a string.
    std::string file;
    InvalidUtf8 invalid_utf8 = InvalidUtf8::refuse;
    /// Limits against absurd input; exceeding one is Error(parse).
    std::size_t max_bytes = std::size_t{256} << 20;
    std::size_t max_depth = 256;  // elements nested deeper than this
};

/// One element of an XmlDocument, or a null handle (false in a test). Cheap
/// to copy; valid while its document lives. Names are local names: a prefix
/// ("cin:Child") and namespaces (xmlns="...") are ignored in matching.
class XmlNode {
public:
    XmlNode() noexcept = default;
    explicit operator bool() const noexcept { return node_ != nullptr; }

    std::string name() const;  // local name; "" for a null node
    /// The character data directly inside the element (text and CDATA, not
    /// that of child elements), trimmed of ASCII white space.
    std::string text() const;
    XmlNode child(std::string_view name) const;  // the first child element so named, or null
    /// Child elements in document order: all of them, or those so named.
    std::vector<XmlNode> children(std::string_view name = {}) const;
    XmlNode parent() const;  // null for the document element
    std::optional<std::string> attribute(std::string_view name) const;

    /// "/Message/Children/Child[3]/ChildIdentifiers/LAchildID": local names,
    /// with a 1-based index where an element has same-named siblings.
    std::string path() const;
    std::int64_t line() const;  // 1-based line of the start tag; 0 for a null node

    /// The element's text as a value. A null element or empty text gives
    /// nullopt and no issue (absence is the caller's business); malformed
    /// text gives nullopt and records an error issue naming the element.
    std::optional<Date> date() const;             // YYYY-MM-DD
    std::optional<std::int64_t> integer() const;  // [+-]digits, 64-bit
    std::optional<double> decimal() const;        // [+-]digits[.digits] (FTE, days lost)
    std::optional<bool> boolean() const;          // true, false, 1, 0
    /// The same for the first child element called `name`.
    std::optional<Date> date(std::string_view name) const { return child(name).date(); }
    std::optional<std::int64_t> integer(std::string_view name) const { return child(name).integer(); }
    std::optional<double> decimal(std::string_view name) const { return child(name).decimal(); }
    std::optional<bool> boolean(std::string_view name) const { return child(name).boolean(); }

    /// An issue placed at this element (file, line, path).
    ImportIssue issue(std::string message, Severity severity = Severity::error) const;
    /// The same, recorded in the document's issues(). Not thread-safe.
    void report(std::string message, Severity severity = Severity::error) const;

    friend bool operator==(const XmlNode& a, const XmlNode& b) noexcept { return a.node_ == b.node_; }
    friend bool operator!=(const XmlNode& a, const XmlNode& b) noexcept { return a.node_ != b.node_; }

private:
    friend class XmlDocument;
    XmlNode(void* node, detail::XmlState* doc) noexcept : node_(node), doc_(doc) {}
    void* node_ = nullptr;  // a pugixml node, kept opaque so this header needs no pugixml
    detail::XmlState* doc_ = nullptr;
};

/// A parsed document. Error(io) for a file that cannot be read; Error(parse)
/// naming "file:line:column" for text that is not well-formed XML, is
/// UTF-16/UTF-32 or declares another encoding while holding non-ASCII bytes,
/// holds a NUL byte or invalid UTF-8 (InvalidUtf8::refuse), nests deeper
/// than max_depth, has a character reference to no XML character (&#0;,
/// &#xD800;, &#x110000;) or a name with no local part ("xs:"), or has a
/// DOCTYPE. DOCTYPEs are refused outright: returns have none, and refusing
/// them rules out entity tricks (pugixml would not expand entities anyway;
/// "&name;" stays as text). Move-only.
class XmlDocument {
public:
    static XmlDocument load_file(const std::string& path, XmlOptions options = {});
    static XmlDocument load_string(std::string text, XmlOptions options = {});

    XmlDocument(XmlDocument&&) noexcept;
    XmlDocument& operator=(XmlDocument&&) noexcept;
    ~XmlDocument();

    XmlNode root() const noexcept;  // the document element
    const std::string& file() const noexcept;
    /// Repairs made while loading (invalid UTF-8 replaced) and issues
    /// recorded by typed getters and report(), in that order.
    const std::vector<ImportIssue>& issues() const noexcept;

private:
    explicit XmlDocument(std::unique_ptr<detail::XmlState> state);
    std::unique_ptr<detail::XmlState> state_;
};

}  // namespace oversight
