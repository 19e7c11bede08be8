// <oversight/c/store.h>, only through <oversight.h>.
#include "capi_test.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

using namespace capi_test;

namespace {

std::string key(const char* name) {
    std::ifstream in(std::string(OVERSIGHT_TEST_DATA_DIR "/history/") + name, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot read test key " << name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void remove_store(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(options_init_and_versions) {
    oversight_store_options opts{};
    EXPECT_OK(oversight_store_options_init(&opts, OVERSIGHT_STORE_OPTIONS_VERSION));
    const oversight_store_options init = OVERSIGHT_STORE_OPTIONS_INIT;
    BOOST_TEST(opts.version == init.version);
    BOOST_TEST(opts.backend == OVERSIGHT_STORE_BACKEND_SQLITE);
    BOOST_TEST(opts.read_only == 0);
    BOOST_TEST(opts.create == 1);
    BOOST_TEST(opts.busy_timeout_ms == 5000);
    EXPECT_FAIL(oversight_store_options_init(nullptr, OVERSIGHT_STORE_OPTIONS_VERSION), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_options_init(&opts, 0), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_options_init(&opts, 99), OVERSIGHT_E_INVALID_ARG);

    oversight_store* s = reinterpret_cast<oversight_store*>(0x1);
    oversight_store_options zeroed{};  // not initialised: version 0
    zeroed.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    EXPECT_FAIL(oversight_store_open(&s, nullptr, &zeroed), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(s == nullptr);
    BOOST_TEST(contains(message(), "oversight_store_options"), message());
    opts.version = 2;
    EXPECT_FAIL(oversight_store_open(&s, nullptr, &opts), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "version 2"), message());
}

BOOST_AUTO_TEST_CASE(open_arguments) {
    oversight_store* store = reinterpret_cast<oversight_store*>(0x1);
    EXPECT_FAIL(oversight_store_open(&store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);  // SQLite needs a path
    BOOST_TEST(store == nullptr);
    EXPECT_FAIL(oversight_store_open(nullptr, ":memory:", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_open(&store, "/nonexistent-dir/x/plan.db", nullptr), OVERSIGHT_E_IO);
    EXPECT_FAIL(oversight_store_open(&store, "bad\xc3(.db", nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_open(&store, "", nullptr), OVERSIGHT_E_INVALID_ARG);

    oversight_store_options opts = OVERSIGHT_STORE_OPTIONS_INIT;
    opts.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    EXPECT_FAIL(oversight_store_open(&store, "x.db", &opts), OVERSIGHT_E_INVALID_ARG);  // memory takes no location
    opts.backend = 7;
    EXPECT_FAIL(oversight_store_open(&store, "x.db", &opts), OVERSIGHT_E_INVALID_ARG);
    opts = oversight_store_options OVERSIGHT_STORE_OPTIONS_INIT;
    opts.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    opts.read_only = 2;
    EXPECT_FAIL(oversight_store_open(&store, nullptr, &opts), OVERSIGHT_E_INVALID_ARG);
    opts.read_only = 0;
    opts.create = -1;
    EXPECT_FAIL(oversight_store_open(&store, nullptr, &opts), OVERSIGHT_E_INVALID_ARG);
    opts.create = 1;
    for (int32_t ms : {-1, 600001, INT32_MIN}) {
        opts.busy_timeout_ms = ms;
        EXPECT_FAIL(oversight_store_open(&store, nullptr, &opts), OVERSIGHT_E_INVALID_ARG);
    }
    opts.version = 2;
    EXPECT_FAIL(oversight_store_open(&store, nullptr, &opts), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(store == nullptr);

    opts = oversight_store_options OVERSIGHT_STORE_OPTIONS_INIT;
    opts.backend = OVERSIGHT_STORE_BACKEND_MEMORY;
    EXPECT_OK(oversight_store_open(&store, nullptr, &opts));
    int32_t v = -1;
    EXPECT_OK(oversight_store_schema_version(store, &v));
    BOOST_TEST(v >= 3);
    v = 7;
    EXPECT_FAIL(oversight_store_schema_version(nullptr, &v), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(v == 0);
    EXPECT_FAIL(oversight_store_schema_version(store, nullptr), OVERSIGHT_E_INVALID_ARG);
    oversight_store_free(store);
    oversight_store_free(nullptr);
}

BOOST_AUTO_TEST_CASE(create_and_read_only) {
    const std::string path = "capi_store_options_test.db";
    remove_store(path);
    oversight_store* s = reinterpret_cast<oversight_store*>(0x1);
    oversight_store_options opts = OVERSIGHT_STORE_OPTIONS_INIT;
    opts.create = 0;  // a missing store is not made
    EXPECT_FAIL(oversight_store_open(&s, path.c_str(), &opts), OVERSIGHT_E_NOT_FOUND);
    BOOST_TEST(s == nullptr);
    opts.create = 1;
    opts.read_only = 1;  // nor by a reader
    EXPECT_FAIL(oversight_store_open(&s, path.c_str(), &opts), OVERSIGHT_E_NOT_FOUND);
    EXPECT_OK(oversight_store_open(&s, path.c_str(), nullptr));
    oversight_workforce_team team = OVERSIGHT_WORKFORCE_TEAM_INIT;
    team.name = "Team A";
    EXPECT_OK(oversight_workforce_save_team(s, &team));
    oversight_store_free(s);

    opts.busy_timeout_ms = 250;
    EXPECT_OK(oversight_store_open(&s, path.c_str(), &opts));
    team.name = "Team B";
    EXPECT_FAIL(oversight_workforce_save_team(s, &team), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "read-only"));
    char* out = nullptr;
    EXPECT_OK(oversight_store_history_json(s, nullptr, &out));  // reading is fine
    BOOST_TEST(contains(take(out), "Team A"));
    oversight_store_free(s);
    remove_store(path);
}

BOOST_AUTO_TEST_CASE(a_file_store_reopens_and_a_foreign_file_is_refused) {
    const std::string path = "capi_store_test.db";
    remove_store(path);
    oversight_store* s = nullptr;
    EXPECT_OK(oversight_store_open(&s, path.c_str(), nullptr));
    oversight_store_free(s);
    oversight_store_options opts = OVERSIGHT_STORE_OPTIONS_INIT;
    EXPECT_OK(oversight_store_open(&s, path.c_str(), &opts));  // reopening migrates nothing
    oversight_store_free(s);
    remove_store(path);

    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("this is not a database, just text that is long enough to be a header ......................\n", f);
    std::fclose(f);
    s = reinterpret_cast<oversight_store*>(0x1);
    oversight_last_error_clear();
    BOOST_TEST(oversight_store_open(&s, path.c_str(), nullptr) != OVERSIGHT_OK);
    BOOST_TEST(s == nullptr);
    BOOST_TEST(has_message());
    remove_store(path);
}

BOOST_AUTO_TEST_CASE(actor) {
    MemoryStore m;
    EXPECT_OK(oversight_store_set_actor(m.store, "Mark Jowett"));
    EXPECT_FAIL(oversight_store_set_actor(m.store, ""), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_set_actor(m.store, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_set_actor(m.store, kBadUtf8), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_set_actor(nullptr, "x"), OVERSIGHT_E_INVALID_ARG);
    EXPECT_OK(oversight_store_set_actor(m.store, kSql));  // a name, verbatim
}

BOOST_AUTO_TEST_CASE(history_query) {
    MemoryStore m;
    char* json = nullptr;
    EXPECT_OK(oversight_store_history_json(m.store, nullptr, &json));
    BOOST_TEST(take_document(json, "oversight-history")["changes"].empty());

    EXPECT_OK(oversight_store_set_actor(m.store, "Tester"));
    int64_t plan = 0;
    EXPECT_OK(oversight_plan_create(m.store, "P1", nullptr, nullptr, &plan));
    EXPECT_OK(oversight_plan_create(m.store, "P2", nullptr, nullptr, &plan));
    EXPECT_OK(oversight_store_history_json(m.store, nullptr, &json));
    const auto all = take_document(json, "oversight-history")["changes"];
    BOOST_TEST_REQUIRE(all.size() >= 2u);
    BOOST_TEST(all[0]["actor"] == "Tester");
    BOOST_TEST(all[0]["field"] == "*");
    BOOST_TEST(all[0]["old"].is_null());

    oversight_store_history_query q{};
    EXPECT_OK(oversight_store_history_query_init(&q, OVERSIGHT_STORE_HISTORY_QUERY_VERSION));
    BOOST_TEST((q.entity == nullptr && q.entity_id == 0 && q.after_seq == 0 && q.limit == 0));
    q.entity = "plan";
    q.entity_id = plan;
    EXPECT_OK(oversight_store_history_json(m.store, &q, &json));
    const auto one = take_document(json, "oversight-history")["changes"];
    BOOST_TEST_REQUIRE(one.size() == 1u);
    BOOST_TEST(one[0]["entity_id"] == plan);
    q = oversight_store_history_query OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    q.after_seq = all[0]["seq"].get<int64_t>();
    q.limit = 1;
    EXPECT_OK(oversight_store_history_json(m.store, &q, &json));
    const auto page = take_document(json, "oversight-history")["changes"];
    BOOST_TEST_REQUIRE(page.size() == 1u);
    BOOST_TEST(page[0]["seq"] == all[1]["seq"]);
    // SQL metacharacters are not an entity: refused by name, the store untouched.
    q.entity = kSql;
    EXPECT_FAIL(oversight_store_history_json(m.store, &q, &json), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(std::string(oversight_last_error_message()).find("history: unknown entity") == 0u);
    q.entity = nullptr;
    EXPECT_OK(oversight_store_history_json(m.store, &q, &json));
    BOOST_TEST(take_document(json, "oversight-history")["changes"].size() == 1u);

    json = reinterpret_cast<char*>(0x1);
    q = oversight_store_history_query OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    q.entity = kBadUtf8;
    EXPECT_FAIL(oversight_store_history_json(m.store, &q, &json), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(json == nullptr);
    q.entity = nullptr;
    q.limit = -1;
    EXPECT_FAIL(oversight_store_history_json(m.store, &q, &json), OVERSIGHT_E_INVALID_ARG);
    q.limit = 0;
    q.version = 0;
    EXPECT_FAIL(oversight_store_history_json(m.store, &q, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_json(nullptr, nullptr, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_json(m.store, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_query_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_query_init(&q, 2), OVERSIGHT_E_INVALID_ARG);
}

BOOST_FIXTURE_TEST_CASE(the_change_feed_in_pages, MemoryStore) {
    oversight_store_changes_query q{};
    EXPECT_OK(oversight_store_changes_query_init(&q, OVERSIGHT_STORE_CHANGES_QUERY_VERSION));
    BOOST_TEST((q.since == 0 && q.limit == 500 && q.entity == nullptr));
    EXPECT_FAIL(oversight_store_changes_query_init(nullptr, 1), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_changes_query_init(&q, 2), OVERSIGHT_E_INVALID_ARG);
    for (const char* id : {"C1", "C2", "C3"}) EXPECT_OK(oversight_casework_save_child(store, id, nullptr));
    char* out = nullptr;
    q.limit = 2;
    EXPECT_OK(oversight_store_changes_json(store, &q, &out));
    auto page = take_document(out, "oversight-history");
    BOOST_TEST(page["changes"].size() == 2u);
    BOOST_TEST(page["more"] == true);
    q.since = page["next"];
    EXPECT_OK(oversight_store_changes_json(store, &q, &out));
    page = take_document(out, "oversight-history");
    BOOST_REQUIRE(page["changes"].size() == 1u);
    BOOST_TEST(page["changes"][0]["entity"] == "child");
    BOOST_TEST(page["more"] == false);
    BOOST_TEST(page["next"] == page["latest"]);
    char* none = reinterpret_cast<char*>(1);
    EXPECT_FAIL(oversight_store_changes_json(nullptr, &q, &none), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(none == nullptr);
    EXPECT_FAIL(oversight_store_changes_json(store, &q, nullptr), OVERSIGHT_E_INVALID_ARG);
    q.limit = 0;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.limit = 10;
    q.since = -1;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.since = 1000;  // after the latest: a bookmark from another store
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.since = 0;
    q.entity = "nonsense";
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.entity = kBadUtf8;
    EXPECT_FAIL(oversight_store_changes_json(store, &q, &out), OVERSIGHT_E_INVALID_ARG);
    q.entity = "plan";
    EXPECT_OK(oversight_store_changes_json(store, &q, &out));
    BOOST_TEST(take_document(out, "oversight-history")["changes"].empty());
    EXPECT_OK(oversight_store_changes_json(store, nullptr, &out));  // NULL: the defaults
    BOOST_TEST(take_document(out, "oversight-history")["changes"].size() == 3u);
}

BOOST_AUTO_TEST_CASE(verify_history_and_checkpoint) {
    MemoryStore m;
    char* json = nullptr;
    EXPECT_OK(oversight_store_verify_history(m.store, nullptr, nullptr, &json));
    auto v = take_document(json, "oversight-history-verification");
    BOOST_TEST(v["ok"] == true);
    BOOST_TEST(v["rows"] == 0);
    BOOST_TEST(v["head"].is_null());
    // Nothing to vouch for yet.
    EXPECT_FAIL(oversight_store_history_checkpoint(m.store, key("council_private.pem").c_str(), &json),
                OVERSIGHT_E_INVALID_ARG);

    int64_t plan = 0;
    EXPECT_OK(oversight_plan_create(m.store, "P1", nullptr, nullptr, &plan));
    EXPECT_OK(oversight_plan_create(m.store, "P2", nullptr, nullptr, &plan));
    EXPECT_OK(oversight_store_verify_history(m.store, nullptr, nullptr, &json));
    v = take_document(json, "oversight-history-verification");
    BOOST_TEST(v["ok"] == true);
    BOOST_TEST(v["rows"] == history_size(m.store));
    BOOST_TEST(v["head"]["hash"].get<std::string>().size() == 64u);
    BOOST_TEST(v["broken"].is_null());

    EXPECT_OK(oversight_store_history_checkpoint(m.store, key("council_private.pem").c_str(), &json));
    const auto cp = take_document(json, "oversight-history-checkpoint");
    BOOST_TEST(cp["seq"] == v["head"]["seq"]);
    BOOST_TEST(cp["hash"] == v["head"]["hash"]);
    EXPECT_OK(oversight_store_verify_history(m.store, cp.dump().c_str(), key("council_public.pem").c_str(), &json));
    v = take_document(json, "oversight-history-verification");
    BOOST_TEST(v["ok"] == true);
    BOOST_TEST(v["checkpoint"]["seq"] == cp["seq"]);
    // A finding is a result, not an error: signed with another key, or altered.
    EXPECT_OK(oversight_store_verify_history(m.store, cp.dump().c_str(), key("other_public.pem").c_str(), &json));
    v = take_document(json, "oversight-history-verification");
    BOOST_TEST(v["ok"] == false);
    BOOST_TEST(v["broken"]["problem"] == "signature");
    auto altered = cp;
    altered["at"] = "2020-01-01T00:00:00Z";
    EXPECT_OK(oversight_store_verify_history(m.store, altered.dump().c_str(), key("council_public.pem").c_str(),
                                             &json));
    BOOST_TEST(take_document(json, "oversight-history-verification")["broken"]["problem"] == "signature");

    json = reinterpret_cast<char*>(0x1);
    EXPECT_FAIL(oversight_store_verify_history(m.store, cp.dump().c_str(), nullptr, &json), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(json == nullptr);
    BOOST_TEST(contains(message(), "public_key_pem"), message());
    EXPECT_FAIL(oversight_store_verify_history(m.store, nullptr, key("council_public.pem").c_str(), &json),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_verify_history(m.store, "{\"format\":1}", key("council_public.pem").c_str(), &json),
                OVERSIGHT_E_PARSE);
    BOOST_TEST(contains(message(), "checkpoint_json: field \"format\""), message());
    EXPECT_FAIL(oversight_store_verify_history(m.store, cp.dump().c_str(), key("ec_private.pem").c_str(), &json),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_verify_history(m.store, kBadUtf8, key("council_public.pem").c_str(), &json),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_verify_history(nullptr, nullptr, nullptr, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_verify_history(m.store, nullptr, nullptr, nullptr), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_checkpoint(m.store, "not a key", &json), OVERSIGHT_E_INVALID_ARG);
    BOOST_TEST(contains(message(), "not a PEM private key"), message());
    EXPECT_FAIL(oversight_store_history_checkpoint(m.store, key("ec_private.pem").c_str(), &json),
                OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_checkpoint(m.store, nullptr, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_checkpoint(nullptr, kSql, &json), OVERSIGHT_E_INVALID_ARG);
    EXPECT_FAIL(oversight_store_history_checkpoint(m.store, kSql, nullptr), OVERSIGHT_E_INVALID_ARG);
}

BOOST_AUTO_TEST_SUITE_END()
