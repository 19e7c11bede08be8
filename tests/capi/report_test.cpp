// <oversight/c/report.h>, only through <oversight.h>.
#include "capi_test.hpp"

#include <cstring>

#include "plan_fixture.hpp"

using namespace capi_test;

namespace {

oversight_report_options options(const char* kind, const char* format, int32_t within = -1) {
    oversight_report_options o = OVERSIGHT_REPORT_OPTIONS_INIT;
    o.kind = kind;
    o.format = format;
    o.as_of = &kAsOf;
    o.within_days = within;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(options_init) {
    oversight_report_options o{};
    EXPECT_OK(oversight_report_options_init(&o, OVERSIGHT_REPORT_OPTIONS_VERSION));
    BOOST_TEST((o.kind == nullptr && o.format == nullptr && o.as_of == nullptr && o.within_days == -1));
    EXPECT_FAIL(oversight_report_options_init(nullptr, OVERSIGHT_REPORT_OPTIONS_VERSION), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_report_options_init(&o, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_report_options_init(&o, 3), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(o.since == nullptr);
}

BOOST_AUTO_TEST_CASE(a_version_1_struct_is_read_and_written_only_to_its_end) {
    // A caller built with the version 1 header: its struct ends at within_days.
    struct V1 {
        uint32_t version;
        const char* kind;
        const char* format;
        const oversight_date* as_of;
        int32_t within_days;
    };
    struct Padded {
        V1 v1;
        unsigned char after[sizeof(void*)];
    } p{};
    std::memset(p.after, 0xAB, sizeof p.after);
    EXPECT_OK(oversight_report_options_init(reinterpret_cast<oversight_report_options*>(&p.v1), 1));
    for (unsigned char b : p.after) BOOST_TEST(b == 0xAB);  // nothing written past version 1
    BOOST_TEST(p.v1.version == 1u);
    BOOST_TEST(p.v1.within_days == -1);
    // Reading it never looks at `since` (the bytes after it are not a pointer).
    PlanFixture f;
    p.v1.as_of = &kAsOf;
    char* out = nullptr;
    EXPECT_OK(oversight_report_plan(f.store, f.plan, reinterpret_cast<const oversight_report_options*>(&p.v1), &out));
    BOOST_TEST(contains(take(out), "Example Council"));
}

BOOST_AUTO_TEST_CASE(bytes_in_every_format_and_xlsx_only_as_bytes) {
    PlanFixture f;
    char* out = nullptr;
    size_t size = 99;
    auto o = options("full", "xlsx");
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_report_plan_bytes"), message());
    BOOST_TEST(out == nullptr);
    EXPECT_OK(oversight_report_plan_bytes(f.store, f.plan, &o, &out, &size));
    // An XLSX workbook is a zip file: "PK\3\4" and, past its start, NUL bytes.
    const std::string xlsx(out, size);
    oversight_free(out);
    BOOST_TEST(xlsx.compare(0, 4, std::string("PK\3\4", 4)) == 0);
    BOOST_TEST(xlsx.find('\0') != std::string::npos);
    BOOST_TEST(xlsx.size() > 1000u);
    // Text formats: the same bytes as oversight_report_plan gives.
    for (const char* format : {"text", "md", "csv", "json", "html"}) {
        BOOST_TEST_CONTEXT(format) {
            o = options("full", format);
            EXPECT_OK(oversight_report_plan_bytes(f.store, f.plan, &o, &out, &size));
            const std::string bytes(out, size);
            oversight_free(out);
            EXPECT_OK(oversight_report_plan(f.store, f.plan, &o, &out));
            BOOST_TEST(bytes == take(out));
        }
    }
    // Errors leave *out NULL and *size 0.
    size = 99;
    o = options("everything", "xlsx");
    EXPECT_FAIL(oversight_report_plan_bytes(f.store, f.plan, &o, &out, &size), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    BOOST_TEST(size == 0u);
    o = options("full", "xlsx");
    EXPECT_FAIL(oversight_report_plan_bytes(f.store, f.plan, &o, &out, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_report_plan_bytes(f.store, f.plan, &o, nullptr, &size), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_report_plan_bytes(f.store, 999, &o, &out, &size), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(size == 0u);
    o = options("full", "pdf");
    EXPECT_FAIL(oversight_report_plan_bytes(f.store, f.plan, &o, &out, &size), OVERSIGHT_E_INVALID_ARG);
    o = options("full", "text");
    o.since = &kBadDate;
    EXPECT_FAIL(oversight_report_plan_bytes(f.store, f.plan, &o, &out, &size), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "since"), message());
}

BOOST_AUTO_TEST_CASE(every_kind_and_format) {
    PlanFixture f;
    char* out = nullptr;
    for (const char* kind : {"full", "plan", "due", "leads", "costs"}) {
        for (const char* format : {"text", "md", "csv", "json"}) {
            BOOST_TEST_CONTEXT(kind << " " << format) {
                const auto o = options(kind, format);
                EXPECT_OK(oversight_report_plan(f.store, f.plan, &o, &out));
                if (std::string(format) == "json") {
                    const auto j = take_document(out, "oversight-document");
                    BOOST_TEST(j["kind"] == kind);
                    BOOST_TEST(j["as_of"] == "2012-10-12");
                } else {
                    BOOST_TEST(!take(out).empty());
                }
            }
        }
    }
    // The store kinds: the board paper (changes since `since`) and the dashboard.
    const oversight_date since{2012, 9, 14};
    for (const char* kind : {"board", "dashboard"}) {
        BOOST_TEST_CONTEXT(kind) {
            auto o = options(kind, "json");
            o.since = &since;
            EXPECT_OK(oversight_report_plan(f.store, f.plan, &o, &out));
            const auto j = take_document(out, "oversight-document");
            BOOST_TEST(j["kind"] == kind);
            bool has_table = false;
            for (const auto& b : j["blocks"]) has_table = has_table || b.value("type", "") == "table";
            BOOST_TEST(has_table);
            o.format = "html";
            EXPECT_OK(oversight_report_plan(f.store, f.plan, &o, &out));
            BOOST_TEST(contains(take(out), "<table"));
        }
    }
    // The measure kinds read no plan: plan id 0 (and any other) is not checked.
    for (const char* kind : {"compliance", "audits", "supervision"}) {
        BOOST_TEST_CONTEXT(kind) {
            auto o = options(kind, "json");
            EXPECT_OK(oversight_report_plan(f.store, 0, &o, &out));
            const auto j = take_document(out, "oversight-document");
            BOOST_TEST(j["kind"] == kind);
            BOOST_TEST(j["as_of"] == "2012-10-12");
        }
    }
    {
        auto o = options("board", "json");
        o.since = &kAsOf;  // not before as_of
        EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    }
    // NULL options: the full text report as of today.
    EXPECT_OK(oversight_report_plan(f.store, f.plan, nullptr, &out));
    BOOST_TEST(contains(take(out), "Example Council"));
}

BOOST_AUTO_TEST_CASE(arguments) {
    PlanFixture f;
    char* out = reinterpret_cast<char*>(0x1);
    auto o = options("full", "text");
    EXPECT_FAIL(oversight_report_plan(nullptr, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_report_plan(f.store, 999, &o, &out), OVERSIGHT_E_NOT_FOUND);
    o = options(kBadUtf8, "text");
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("full", kBadUtf8);
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("everything", "text");
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options(kSql, "text");
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("full", "pdf");
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("full", "text");
    o.as_of = &kBadDate;
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("due", "text", -2);
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("due", "text", 3651);
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    o = options("due", "text");
    o.version = 0;
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "oversight_report_options"), message());
    o.version = OVERSIGHT_REPORT_OPTIONS_VERSION + 1;
    EXPECT_FAIL(oversight_report_plan(f.store, f.plan, &o, &out), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(out == nullptr);
}

BOOST_AUTO_TEST_CASE(due_soon_window_is_the_plans_setting_unless_given) {
    PlanFixture f;
    const oversight_date due{2012, 10, 22};  // kAsOf + 10 days
    oversight_plan_action_change c = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    c.due = &due;
    EXPECT_OK(oversight_plan_update_action(f.store, f.plan, "1.1", &c));
    const auto due_soon = [&](int32_t within) {
        char* out = nullptr;
        const auto o = options("due", "json", within);
        EXPECT_OK(oversight_report_plan(f.store, f.plan, &o, &out));
        const nlohmann::json j = take_document(out, "oversight-document");
        for (const auto& b : j["blocks"])
            if (b.value("id", "") == "due_soon") {
                // The window is in the title: "Due within N days".
                const std::string title = b["title"];
                return std::make_pair(std::stoi(title.substr(std::string("Due within ").size())), b["rows"].size());
            }
        BOOST_FAIL("no due_soon table");
        return std::make_pair(-1, std::size_t{0});
    };
    oversight_plan_settings s = OVERSIGHT_PLAN_SETTINGS_INIT;
    s.due_soon_days = 5;
    EXPECT_OK(oversight_plan_set_settings(f.store, f.plan, &s));
    BOOST_TEST(due_soon(-1).first == 5);
    BOOST_TEST(due_soon(-1).second == 0u);
    s.due_soon_days = 10;
    EXPECT_OK(oversight_plan_set_settings(f.store, f.plan, &s));
    BOOST_TEST(due_soon(-1).first == 10);
    BOOST_TEST(due_soon(-1).second == 1u);
    // within_days overrides the setting.
    BOOST_TEST(due_soon(5).first == 5);
    BOOST_TEST(due_soon(5).second == 0u);
    BOOST_TEST(due_soon(0).first == 0);
}

BOOST_AUTO_TEST_SUITE_END()
