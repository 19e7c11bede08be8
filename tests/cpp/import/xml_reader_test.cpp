// The XML reader: navigation by local name, element paths and lines, typed
// values that report what they cannot read, everything refused (encodings,
// DOCTYPE, depth, truncation) naming line:column, and the real CIN Census
// and workforce census files in shared/data (skipped when absent).
#include <boost/test/unit_test.hpp>

#include "support/expect_error.hpp"

#include <oversight/core/error.hpp>
#include <oversight/import/xml_reader.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

using namespace oversight;
using oversight::test::expect_error;

namespace {

const std::string kShared = OVERSIGHT_SHARED_DIR;

XmlOptions named(const std::string& file) {
    XmlOptions o;
    o.file = file;
    return o;
}

XmlDocument load(std::string text, const std::string& file = "t.xml") { return XmlDocument::load_string(std::move(text), named(file)); }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

const char* kSmall = R"(<?xml version="1.0" encoding="UTF-8"?>
<Message xmlns="http://www.example.org/cin">
  <Header><Collection> CIN </Collection></Header>
  <Children>
    <Child id="a"><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers></Child>
    <Child id="b"><ChildIdentifiers><LAchildID>C2</LAchildID>
      <PersonBirthDate>2010-02-30</PersonBirthDate></ChildIdentifiers></Child>
    <Child><ChildIdentifiers><LAchildID><![CDATA[C3 & more]]></LAchildID>
      <PersonBirthDate>31/03/2022</PersonBirthDate>
      <UPN/></ChildIdentifiers></Child>
    <Other/>
  </Children>
</Message>
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(xml_reader)

BOOST_AUTO_TEST_CASE(navigation_text_attributes) {
    auto doc = load(kSmall, "cin.xml");
    BOOST_TEST(doc.file() == "cin.xml");
    XmlNode root = doc.root();
    BOOST_TEST(root.name() == "Message");
    BOOST_TEST(!root.parent());
    BOOST_TEST(root.child("Header").child("Collection").text() == "CIN");  // trimmed
    auto children = root.child("Children").children("Child");
    BOOST_TEST_REQUIRE(children.size() == 3u);
    BOOST_TEST(root.child("Children").children().size() == 4u);
    BOOST_TEST(children[0].attribute("id").value() == "a");
    BOOST_TEST(!children[2].attribute("id"));
    BOOST_TEST(!root.attribute("xmlns"));  // namespace declarations are not attributes
    BOOST_TEST(children[2].child("ChildIdentifiers").child("LAchildID").text() == "C3 & more");
    BOOST_TEST((children[1].child("ChildIdentifiers").parent() == children[1]));
    BOOST_TEST(children[0].text() == "");  // only element children
    XmlNode none = root.child("Nope");
    BOOST_TEST(!none);
    BOOST_TEST(none.name() == "");
    BOOST_TEST(none.text() == "");
    BOOST_TEST(!none.child("X"));
    BOOST_TEST(none.children().empty());
    BOOST_TEST(none.path() == "");
    BOOST_TEST(none.line() == 0);
    BOOST_TEST(!none.date());
}

BOOST_AUTO_TEST_CASE(paths_and_lines) {
    auto doc = load(kSmall, "cin.xml");
    auto children = doc.root().child("Children").children("Child");
    XmlNode id = children[2].child("ChildIdentifiers").child("LAchildID");
    BOOST_TEST(id.path() == "/Message/Children/Child[3]/ChildIdentifiers/LAchildID");
    BOOST_TEST(id.line() == 8);
    BOOST_TEST(doc.root().path() == "/Message");
    BOOST_TEST(doc.root().line() == 2);
    BOOST_TEST(doc.root().child("Children").child("Other").path() == "/Message/Children/Other");
    BOOST_TEST(children[0].path() == "/Message/Children/Child[1]");
    // Issue places carry file, line and path.
    ImportIssue i = id.issue("duplicate child", Severity::warning);
    BOOST_TEST(i.where() == "cin.xml:8:/Message/Children/Child[3]/ChildIdentifiers/LAchildID");
    BOOST_TEST((i.severity == Severity::warning));
    BOOST_TEST(doc.issues().empty());
    id.report("recorded");
    BOOST_TEST_REQUIRE(doc.issues().size() == 1u);
    BOOST_TEST((doc.issues()[0].severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(paths_stay_cheap_with_many_siblings) {
    std::string text = "<Message><Children>";
    for (int i = 0; i < 20000; ++i) text += "<Child><D>x</D></Child>";
    text += "</Children></Message>";
    auto doc = load(text);
    auto children = doc.root().child("Children").children("Child");
    BOOST_TEST_REQUIRE(children.size() == 20000u);
    for (const auto& c : children) c.date("D");  // 20000 issues, each with a path
    BOOST_TEST_REQUIRE(doc.issues().size() == 20000u);
    BOOST_TEST(doc.issues().back().path == "/Message/Children/Child[20000]/D");
}

BOOST_AUTO_TEST_CASE(local_names_ignore_prefixes_and_namespaces) {
    auto doc = load(R"(<cin:Message xmlns:cin="urn:x" xmlns:r="urn:r"><cin:Child r:id="rId1" id="plain">)"
                    R"(<cin:LAchildID>A</cin:LAchildID></cin:Child></cin:Message>)");
    BOOST_TEST(doc.root().name() == "Message");
    XmlNode child = doc.root().child("Child");
    BOOST_TEST_REQUIRE(static_cast<bool>(child));
    BOOST_TEST(child.child("LAchildID").text() == "A");
    BOOST_TEST(child.attribute("id").value() == "rId1");  // the first attribute of that local name
    BOOST_TEST(child.child("LAchildID").path() == "/Message/Child/LAchildID");
}

BOOST_AUTO_TEST_CASE(typed_values_and_their_issues) {
    auto doc = load(R"(<r>
<d>2022-03-31</d><bad>31/03/2022</bad><impossible>2022-02-30</impossible><empty> </empty>
<i>42</i><plus>+7</plus><neg>-3</neg><big>99999999999999999999</big><frac>1.5</frac>
<x>0.521371</x><x2>-.5</x2><x3>1e5</x3><x4>nan</x4>
<t>true</t><f>0</f><yes>yes</yes>
</r>)",
                    "v.xml");
    XmlNode r = doc.root();
    BOOST_TEST((r.date("d").value() == Date::from_ymd(2022, 3, 31)));
    BOOST_TEST(!r.date("missing"));  // absent: no issue
    BOOST_TEST(!r.date("empty"));    // empty: no issue
    BOOST_TEST(doc.issues().empty());
    BOOST_TEST(!r.date("bad"));
    BOOST_TEST(!r.date("impossible"));
    BOOST_TEST(r.integer("i").value() == 42);
    BOOST_TEST(r.integer("plus").value() == 7);
    BOOST_TEST(r.integer("neg").value() == -3);
    BOOST_TEST(!r.integer("big"));
    BOOST_TEST(!r.integer("frac"));
    BOOST_TEST(r.decimal("x").value() == 0.521371);
    BOOST_TEST(r.decimal("i").value() == 42.0);
    BOOST_TEST(r.decimal("x2").value() == -0.5);
    BOOST_TEST(!r.decimal("x3"));
    BOOST_TEST(!r.decimal("x4"));
    BOOST_TEST(r.boolean("t").value() == true);
    BOOST_TEST(r.boolean("f").value() == false);
    BOOST_TEST(!r.boolean("yes"));

    const auto& issues = doc.issues();
    BOOST_TEST_REQUIRE(issues.size() == 7u);
    BOOST_TEST(issues[0].where() == "v.xml:2:/r/bad");
    BOOST_TEST(issues[0].message == "\"31/03/2022\" is not a date (YYYY-MM-DD)");
    BOOST_TEST(issues[1].message == "\"2022-02-30\" is not a day that exists (or is before 1400)");
    BOOST_TEST(issues[2].where() == "v.xml:3:/r/big");
    BOOST_TEST(issues[2].message.find("too large") != std::string::npos);
    BOOST_TEST(issues[3].message == "\"1.5\" is not a whole number");
    BOOST_TEST(issues[4].message == "\"1e5\" is not a decimal number");
    BOOST_TEST(issues[6].where() == "v.xml:5:/r/yes");
    BOOST_TEST(issues[6].message == "\"yes\" is not true, false, 1 or 0");
    for (const auto& i : issues) BOOST_TEST((i.severity == Severity::error));
    r.boolean("yes");  // a second reading reports again
    BOOST_TEST_REQUIRE(doc.issues().size() == 8u);
    BOOST_TEST(doc.issues()[7].path == "/r/yes");
}

BOOST_AUTO_TEST_CASE(long_values_are_cut_in_messages) {
    auto doc = load("<r><d>" + std::string(5000, 'x') + "</d></r>");
    doc.root().date("d");
    BOOST_TEST_REQUIRE(doc.issues().size() == 1u);
    BOOST_TEST(doc.issues()[0].message.size() < 200u);
    BOOST_TEST(doc.issues()[0].message.find("(5000 bytes)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_line_and_column) {
    expect_error([] { load("<a>\n  <b></c>\n</a>", "m.xml"); }, Status::parse, "m.xml:2:");
    expect_error([] { load("<a>\n  <b></c>\n</a>", "m.xml"); }, Status::parse, "not well-formed XML: Start-end tags mismatch");
    expect_error([] { load("<a>\n\n <b x=1/></a>", "m.xml"); }, Status::parse, "m.xml:3:");
    expect_error([] { load("<a>caf\xC3\xA9 <", "m.xml"); }, Status::parse, "m.xml:1:");
    expect_error([] { load("", "e.xml"); }, Status::parse, "e.xml: no XML element");
    expect_error([] { load("<?xml version=\"1.0\"?>\n<!-- only -->\n", "e.xml"); }, Status::parse, "e.xml: no XML element");
    expect_error([] { load("<a/>\n <b/>", "two.xml"); }, Status::parse, "two.xml:2:2: a second root element <b>");
    expect_error([] { load("<a/>text", "text.xml"); }, Status::parse, "text.xml:1:5: text outside the root element");
    expect_error([] { load("<![CDATA[x]]><a/>", "text.xml"); }, Status::parse, "text outside the root element");
}

BOOST_AUTO_TEST_CASE(columns_count_characters) {
    // "é" is two bytes but one column: the error is at the 6th character.
    try {
        load("<a>\xC3\xA9\xC3\xA9</b>", "c.xml");
        BOOST_ERROR("no error");
    } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).find("c.xml:1:8:") == 0u, e.what());
    }
}

BOOST_AUTO_TEST_CASE(doctype_and_entities) {
    // The classic external entity: refused at the DOCTYPE, before anything
    // could be fetched (pugixml fetches nothing anyway).
    expect_error([] { load("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>", "x.xml"); },
                 Status::parse, "x.xml:2:");
    expect_error([] { load("<!DOCTYPE r><r/>", "x.xml"); }, Status::parse, "a DOCTYPE: refused");
    // Without a DOCTYPE an unknown entity is not expanded: it stays as text.
    auto doc = load("<r>&x; &amp; &#65;</r>");
    BOOST_TEST(doc.root().text() == "&x; & A");
    // Billion laughs needs a DOCTYPE too.
    expect_error([] { load("<!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><l>&b;</l>"); }, Status::parse,
                 "DOCTYPE");
}

// A numeric character reference must name an XML character: pugixml would
// turn a surrogate or a number past U+10FFFF into bytes that are not UTF-8,
// and &#0; into a NUL that ends the text.
BOOST_AUTO_TEST_CASE(character_references_name_characters) {
    BOOST_TEST(load("<r a=\"&#x1F600;\">&#65;&#xe9;&#x10FFFF;&#9;</r>").root().text() == "A\xC3\xA9\xF4\x8F\xBF\xBF");
    expect_error([] { load("<r>\n  A&#xD800;B</r>", "x.xml"); }, Status::parse, "x.xml:2:4: not well-formed XML: the character reference &#xD800;");
    expect_error([] { load("<r>&#x110000;</r>"); }, Status::parse, "&#x110000; names no XML character");
    expect_error([] { load("<r>A&#0;B</r>"); }, Status::parse, "&#0;");
    expect_error([] { load("<r a=\"&#xDFFF;\"/>"); }, Status::parse, "&#xDFFF;");
    expect_error([] { load("<r>&#4294967361;</r>"); }, Status::parse, "&#4294967361;");  // 2^32 + 'A'
    expect_error([] { load("<r>&#x000000000000000000041ffff;</r>"); }, Status::parse, "&#x0000000000000...");
    // Not references: kept as text, in CDATA, comments and instructions, or without digits or ';'.
    auto doc = load("<r><![CDATA[&#0;]]><!-- &#0; --><?pi &#0;?>&#; &#x; &#0</r>");
    BOOST_TEST(doc.root().text() == "&#0;&#; &#x; &#0");
}

// Names are matched by their local part: one without it names nothing.
BOOST_AUTO_TEST_CASE(names_have_a_local_part) {
    expect_error([] { load("<r xmlns:xs=\"x\">\n  <xs:>text</xs:>\n</r>", "x.xml"); }, Status::parse,
                 "x.xml:2:3: the element name \"xs:\" has no local part");
    expect_error([] { load("<:/>"); }, Status::parse, "the element name \":\"");
    expect_error([] { load("<r><c a:=\"1\"/></r>"); }, Status::parse, "the attribute name \"a:\" of <c>");
    BOOST_TEST(load("<a:b:c xmlns:a=\"x\"/>").root().name() == "c");
}

BOOST_AUTO_TEST_CASE(encodings) {
    using namespace std::string_literals;
    expect_error([] { load("\xFF\xFE<\0a\0/\0>\0"s, "u16.xml"); }, Status::parse, "u16.xml: the file is UTF-16");
    expect_error([] { load("\xFE\xFF\0<\0a\0/\0>"s, "u16.xml"); }, Status::parse, "u16.xml: the file is UTF-16");
    expect_error([] { load("\xFF\xFE\0\0<\0\0\0"s, "u32.xml"); }, Status::parse, "u32.xml: the file is UTF-32");
    expect_error([] { load("<\0a\0/\0>\0"s, "nul.xml"); }, Status::parse, "nul.xml:1:2: a NUL byte");
    expect_error([] { load("<r>\n<a>x\0</a></r>"s, "nul.xml"); }, Status::parse, "nul.xml:2:5: a NUL byte");
    // A UTF-8 byte-order mark is fine.
    BOOST_TEST(load("\xEF\xBB\xBF<r>ok</r>").root().text() == "ok");
    // Another declared encoding: fine while the text is ASCII, refused otherwise.
    BOOST_TEST(load("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>ok</r>").root().text() == "ok");
    expect_error([] { load("<?xml version=\"1.0\" encoding='windows-1252'?>\n<r>caf\xE9</r>", "l1.xml"); }, Status::parse,
                 "l1.xml:2:7: the document declares encoding windows-1252");
    BOOST_TEST(load("<?xml version=\"1.0\" encoding=\"utf-8\"?><r>caf\xC3\xA9</r>").root().text() == "caf\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_refused_or_replaced) {
    expect_error([] { load("<r>\n<a>caf\xE9</a>\n</r>", "bad.xml"); }, Status::parse, "bad.xml:2:7: text is not valid UTF-8");
    XmlOptions o = named("bad.xml");
    o.invalid_utf8 = InvalidUtf8::replace;
    auto doc = XmlDocument::load_string("<r>\n<a>caf\xE9 \xFF</a>\n<b>\xC0</b></r>", o);
    BOOST_TEST(doc.root().child("a").text() == "caf\xEF\xBF\xBD \xEF\xBF\xBD");
    BOOST_TEST(doc.root().child("b").line() == 3);
    BOOST_TEST_REQUIRE(doc.issues().size() == 2u);  // one per line
    BOOST_TEST(doc.issues()[0].where() == "bad.xml:2");
    BOOST_TEST(doc.issues()[1].where() == "bad.xml:3");
    BOOST_TEST((doc.issues()[0].severity == Severity::warning));
}

BOOST_AUTO_TEST_CASE(depth_is_bounded) {
    auto nested = [](std::size_t depth) {
        std::string s;
        for (std::size_t i = 0; i < depth; ++i) s += "<a>";
        for (std::size_t i = 0; i < depth; ++i) s += "</a>";
        return s;
    };
    BOOST_CHECK_NO_THROW(load(nested(256)));
    expect_error([&] { load(nested(257), "deep.xml"); }, Status::parse, "deep.xml:1:769: elements nested deeper than 256");
    // pugixml parses and frees without recursion: a million levels are
    // refused (or read, with the limit raised) without exhausting the stack.
    expect_error([&] { load(nested(1000000), "deep.xml"); }, Status::parse, "nested deeper than 256");
    XmlOptions o;
    o.max_depth = 2000000;
    auto doc = XmlDocument::load_string(nested(200000), o);
    XmlNode n = doc.root();
    std::size_t depth = 1;
    while (n.child("a")) {
        n = n.child("a");
        ++depth;
    }
    BOOST_TEST(depth == 200000u);
    BOOST_TEST(n.line() == 1);
    // Unclosed at depth: a clear error, not a crash.
    std::string open;
    for (int i = 0; i < 100000; ++i) open += "<a>";
    expect_error([&] { XmlDocument::load_string(open, o); }, Status::parse, "not well-formed XML");
}

BOOST_AUTO_TEST_CASE(size_limit) {
    XmlOptions o = named("big.xml");
    o.max_bytes = 100;
    expect_error([&] { XmlDocument::load_string("<r>" + std::string(200, 'x') + "</r>", o); }, Status::parse,
                 "big.xml: larger than 100 bytes");
    BOOST_CHECK_NO_THROW(XmlDocument::load_string("<r>" + std::string(50, 'x') + "</r>", o));
    const auto path = (std::filesystem::temp_directory_path() / "oversight-readers-big.xml").string();
    {
        std::ofstream out(path, std::ios::binary);
        out << "<r>" << std::string(200, 'x') << "</r>";
    }
    expect_error([&] { XmlDocument::load_file(path, o); }, Status::parse, "big.xml: larger than 100 bytes");
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(files_that_cannot_be_read) {
    expect_error([] { XmlDocument::load_file("/nonexistent/cin.xml"); }, Status::io, "cannot read /nonexistent/cin.xml");
    expect_error([] { XmlDocument::load_file(std::filesystem::temp_directory_path().string()); }, Status::io, "a folder");
}

BOOST_AUTO_TEST_CASE(nodes_survive_moving_the_document) {
    auto a = load(kSmall);
    XmlNode child = a.root().child("Children").child("Child");
    XmlDocument b = std::move(a);
    BOOST_TEST(child.attribute("id").value() == "a");
    BOOST_TEST(child.path() == "/Message/Children/Child[1]");
    child.report("after the move");
    BOOST_TEST(b.issues().size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_truncation_of_a_return_is_an_error_not_a_crash) {
    const std::string path = kShared + "/data/cin_census/cin-2022.xml";
    std::string text = std::filesystem::exists(path) ? slurp(path) : std::string(kSmall);
    std::size_t errors = 0;
    for (std::size_t n = 0; n < text.size(); ++n) {
        try {
            load(text.substr(0, n));
        } catch (const Error& e) {
            errors += e.code() == Status::parse;
        }
    }
    // Every cut before the root's end tag is an error; after it, only white space remains.
    std::size_t end_of_root = text.rfind('>') + 1;
    BOOST_TEST(errors == end_of_root);
}

BOOST_AUTO_TEST_CASE(real_cin_census) {
    const std::string path = kShared + "/data/cin_census/cin-2022.xml";
    if (!std::filesystem::exists(path)) {
        BOOST_TEST_MESSAGE("skipped: " << path << " is absent");
        return;
    }
    auto doc = XmlDocument::load_file(path, named("cin-2022.xml"));
    XmlNode m = doc.root();
    BOOST_TEST(m.name() == "Message");
    XmlNode details = m.child("Header").child("CollectionDetails");
    BOOST_TEST(details.child("Collection").text() == "CIN");
    BOOST_TEST(details.integer("Year").value() == 2022);
    BOOST_TEST((details.date("ReferenceDate").value() == Date::from_ymd(2022, 3, 31)));
    BOOST_TEST(m.child("Header").child("Source").child("LEA").text() == "201");

    const std::string text = slurp(path);
    auto children = m.child("Children").children("Child");
    BOOST_TEST(children.size() == occurrences(text, "<Child>"));
    BOOST_TEST_REQUIRE(children.size() == 1u);
    XmlNode ids = children[0].child("ChildIdentifiers");
    BOOST_TEST(ids.child("LAchildID").text() == "DfEX0000001");
    BOOST_TEST(ids.child("LAchildID").path() == "/Message/Children/Child/ChildIdentifiers/LAchildID");
    BOOST_TEST(ids.child("LAchildID").line() == 20);
    BOOST_TEST((ids.date("PersonBirthDate").value() == Date::from_ymd(1966, 3, 24)));
    BOOST_TEST(ids.integer("GenderCurrent").value() == 1);
    auto disabilities = children[0].child("ChildCharacteristics").child("Disabilities").children("Disability");
    BOOST_TEST_REQUIRE(disabilities.size() == 2u);
    BOOST_TEST(disabilities[1].text() == "HEAR");
    BOOST_TEST(disabilities[1].path() == "/Message/Children/Child/ChildCharacteristics/Disabilities/Disability[2]");
    XmlNode cin = children[0].child("CINdetails");
    BOOST_TEST((cin.date("CINreferralDate").value() == Date::from_ymd(1970, 10, 6)));
    BOOST_TEST(cin.child("Section47").boolean("ICPCnotRequired").value() == false);
    BOOST_TEST(cin.boolean("ReferralNFA").value() == false);
    BOOST_TEST(cin.child("ChildProtectionPlans").integer("NumberOfPreviousCPP").value() == 10);
    BOOST_TEST((cin.child("ChildProtectionPlans").child("Reviews").date("CPPreviewDate").value() ==
                Date::from_ymd(1971, 2, 15)));
    // Two DateOfInitialCPC elements in different parents: each has its own path.
    BOOST_TEST(cin.child("DateOfInitialCPC").path() == "/Message/Children/Child/CINdetails/DateOfInitialCPC");
    BOOST_TEST(doc.issues().empty());
    // A date-time is not a date: the getter says so, at its place.
    BOOST_TEST(!m.child("Header").child("Source").date("DateTime"));
    BOOST_TEST_REQUIRE(doc.issues().size() == 1u);
    BOOST_TEST(doc.issues()[0].where() == "cin-2022.xml:14:/Message/Header/Source/DateTime");
}

BOOST_AUTO_TEST_CASE(real_workforce_census) {
    const std::string path = kShared + "/data/workforce/social_work_workforce_2022.xml";
    if (!std::filesystem::exists(path)) {
        BOOST_TEST_MESSAGE("skipped: " << path << " is absent");
        return;
    }
    auto doc = XmlDocument::load_file(path);
    BOOST_TEST(doc.file() == path);
    XmlNode m = doc.root();
    BOOST_TEST(m.child("Header").child("CollectionDetails").child("Collection").text() == "CSWW");
    BOOST_TEST(m.child("LALevelVacancies").decimal("NumberOfVacancies").value() == 79.68);
    BOOST_TEST(m.child("LALevelVacancies").integer("NoAgencyHeadcount").value() == 71);

    const std::string text = slurp(path);
    auto workers = m.children("CSWWWorker");
    BOOST_TEST(workers.size() == occurrences(text, "<CSWWWorker>"));
    BOOST_TEST_REQUIRE(workers.size() == 30u);
    std::size_t agency = 0, births = 0, with_fte = 0;
    double fte = 0;
    for (const XmlNode& w : workers) {
        BOOST_TEST(!w.child("SWENo").text().empty());
        agency += w.boolean("AgencyWorker").value_or(false);
        births += w.date("PersonBirthDate").has_value();
        if (auto f = w.decimal("FTE")) {
            ++with_fte;
            fte += *f;
        }
        w.integer("Cases30");
        w.decimal("WorkingDaysLost");
        w.date("RoleStartDate");
        w.date("RoleEndDate");
    }
    BOOST_TEST(births == occurrences(text, "<PersonBirthDate>"));
    BOOST_TEST(with_fte == 30u);
    BOOST_TEST(doc.issues().empty());  // every typed value in the file reads cleanly
    BOOST_TEST(workers[0].child("SWENo").text() == "Oz2054309383");
    BOOST_TEST(workers[0].decimal("FTE").value() == 0.521371);
    BOOST_TEST(workers[1].child("SWENo").path() == "/Message/CSWWWorker[2]/SWENo");
    BOOST_TEST_MESSAGE("workforce: " << workers.size() << " workers, " << agency << " agency, FTE " << fte);
}

BOOST_AUTO_TEST_SUITE_END()
