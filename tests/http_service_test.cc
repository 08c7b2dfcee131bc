// The HTTP service as a client sees it: routes, JSON bodies, status codes,
// limits and concurrency, on an index of the bundled sample.
#include "server/http_service.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace {

namespace fs = std::filesystem;
using kamerzoek::server::HttpService;
using kamerzoek::server::ServiceOptions;

fs::path build_index(const std::string& name, const std::vector<std::string>& paths) {
    const fs::path dir =
        fs::temp_directory_path() / ("kamerzoek-http-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    kamerzoek::Indexer indexer(dir.string());
    const kamerzoek::IndexReport report = indexer.add_paths(paths);
    EXPECT_TRUE(report.failed.empty());
    indexer.commit();
    return dir;
}

// A service on a free loopback port, running on its own thread.
class RunningService {
  public:
    explicit RunningService(const fs::path& index, std::size_t threads = 4) {
        ServiceOptions options;
        options.index_dir = index.string();
        options.port = 0;
        options.threads = threads;
        service_ = std::make_unique<HttpService>(options);
        port_ = service_->bind();
        thread_ = std::thread([this] { service_->run(); });
        while (!service_->is_running()) std::this_thread::yield();
    }
    ~RunningService() {
        service_->stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10);
        return client;
    }

  private:
    std::unique_ptr<HttpService> service_;
    int port_ = 0;
    std::thread thread_;
};

nlohmann::json body_of(const httplib::Result& result) {
    return nlohmann::json::parse(result->body);
}

void expect_json_error(const httplib::Result& result, int status) {
    ASSERT_TRUE(result) << httplib::to_string(result.error());
    EXPECT_EQ(result->status, status) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
    const auto json = body_of(result);
    EXPECT_EQ(json["error"]["status"], status);
    EXPECT_TRUE(json["error"]["message"].is_string());
    EXPECT_EQ(result->body.find("/tmp"), std::string::npos) << "leaks a path: " << result->body;
}

// "cyber+cyber+..." of exactly `bytes` bytes once decoded ('+' is a space in a query string).
std::string words_of_bytes(std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += text.size() % 6 == 5 ? '+' : "cyber"[text.size() % 6];
    return text;
}

class HttpServiceOnSample : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_ = new fs::path(
            build_index("sample", {(kamerzoek::testing::source_dir() / "sample").string()}));
        service_ = new RunningService(*index_);
    }
    static void TearDownTestSuite() {
        delete service_;
        fs::remove_all(*index_);
        delete index_;
    }
    static httplib::Client client() { return service_->client(); }

    static fs::path* index_;
    static RunningService* service_;
};
fs::path* HttpServiceOnSample::index_ = nullptr;
RunningService* HttpServiceOnSample::service_ = nullptr;

TEST_F(HttpServiceOnSample, SearchReturnsHitsInTheCommandLineSchema) {
    const auto result = client().Get("/search?q=ransomware&limit=5");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    const auto json = body_of(result);
    EXPECT_EQ(json["query"], "ransomware");
    ASSERT_GE(json["hits"].size(), 2u);
    EXPECT_LE(json["hits"].size(), 5u);
    for (const char* field : {"rank", "score", "doc_id", "title", "kind", "date", "lang", "section",
                              "passage", "text", "snippet", "refs", "source"}) {
        EXPECT_TRUE(json["hits"][0].contains(field)) << field;
    }
    EXPECT_NE(json["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(HttpServiceOnSample, FiltersNarrowTheResultsToOneLanguageAndKind) {
    const auto english = client().Get("/search?q=ransomware&lang=en&kind=bijlage");
    ASSERT_TRUE(english);
    ASSERT_EQ(english->status, 200) << english->body;
    const auto json = body_of(english);
    ASSERT_FALSE(json["hits"].empty());
    for (const auto& hit : json["hits"]) {
        EXPECT_EQ(hit["lang"], "en");
        EXPECT_EQ(hit["kind"], "bijlage");
    }
    const auto none = client().Get("/search?q=ransomware&date_from=1990-01-01&date_to=1990-12-31");
    ASSERT_TRUE(none);
    ASSERT_EQ(none->status, 200) << none->body;
    EXPECT_TRUE(body_of(none)["hits"].empty());
}

TEST_F(HttpServiceOnSample, OffsetPagesThroughTheSameRanking) {
    const auto first = body_of(client().Get("/search?q=ransomware&limit=2&per_doc=0"));
    const auto second = body_of(client().Get("/search?q=ransomware&limit=1&offset=1&per_doc=0"));
    ASSERT_EQ(first["hits"].size(), 2u);
    ASSERT_EQ(second["hits"].size(), 1u);
    EXPECT_EQ(second["hits"][0]["text"], first["hits"][1]["text"]);
}

TEST_F(HttpServiceOnSample, HealthReportsVersionAndPassageCount) {
    const auto result = client().Get("/health");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    const auto json = body_of(result);
    EXPECT_EQ(json["status"], "ok");
    EXPECT_EQ(json["version"], KAMERZOEK_VERSION_STRING);
    EXPECT_GT(json["passages"].get<int>(), 2);
}

TEST_F(HttpServiceOnSample, TheSearchPageIsServedFromTheBinary) {
    const auto result = client().Get("/");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(result->body.find("<input id=\"q\""), std::string::npos);
    EXPECT_NE(result->get_header_value("Content-Security-Policy").find("default-src 'none'"),
              std::string::npos);
}

TEST_F(HttpServiceOnSample, DocumentLookupReturnsTheWholeDocumentOrNotFound) {
    const auto hit = body_of(client().Get("/search?q=ransomware&limit=1"))["hits"][0];
    const std::string doc_id = hit["doc_id"];
    const auto result = client().Get("/doc/" + doc_id);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    const auto json = body_of(result);
    EXPECT_EQ(json["doc_id"], doc_id);
    EXPECT_EQ(json["title"], hit["title"]);
    EXPECT_FALSE(json["passages"].empty());
    expect_json_error(client().Get("/doc/no-such-document"), 404);
}

TEST_F(HttpServiceOnSample, CitesListsThePassagesCitingAPaper) {
    const auto hits = body_of(client().Get("/search?q=cyber&limit=100&per_doc=0"))["hits"];
    std::string cited;
    for (const auto& hit : hits) {
        if (!hit["refs"].empty() && cited.empty()) cited = hit["refs"][0]["id"];
    }
    ASSERT_FALSE(cited.empty()) << "the sample should cite at least one paper";
    const auto result = client().Get("/cites/" + cited);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    const auto json = body_of(result);
    EXPECT_GE(json["total"].get<int>(), 1);
    EXPECT_FALSE(json["documents"].empty());
    expect_json_error(client().Get("/cites/not%20a%20citation"), 404);
    expect_json_error(client().Get("/cites/" + cited + "?limit=0"), 400);
}

TEST_F(HttpServiceOnSample, MissingOrBlankQueryIsABadRequest) {
    expect_json_error(client().Get("/search"), 400);
    expect_json_error(client().Get("/search?q="), 400);
    expect_json_error(client().Get("/search?q=%20%20"), 400);
}

TEST_F(HttpServiceOnSample, QueryLongerThanOneKilobyteIsRefused) {
    expect_json_error(client().Get("/search?q=" + std::string(1025, 'a')), 400);
    const auto at_limit = client().Get("/search?q=" + words_of_bytes(1024));
    ASSERT_TRUE(at_limit);
    EXPECT_EQ(at_limit->status, 200) << at_limit->body;
}

TEST_F(HttpServiceOnSample, BadLimitsOffsetsAndFiltersAreRefused) {
    for (const char* query :
         {"limit=0", "limit=101", "limit=-1", "limit=ten", "limit=1e2", "offset=-1",
          "offset=99999999999", "offset=1001", "lang=fr", "kind=kamerbrief%20OR%20x",
          "date_from=2021", "date_to=2021-13-01x", "date_from=2020-13-01", "date_to=2021-02-30",
          "date_from=2020-00-10"}) {
        SCOPED_TRACE(query);
        expect_json_error(client().Get(std::string("/search?q=cyber&") + query), 400);
    }
}

TEST_F(HttpServiceOnSample, InvalidUtf8InTheQueryIsABadRequest) {
    expect_json_error(client().Get("/search?q=caf%E9"), 400);
    expect_json_error(client().Get("/search?q=%C0%AF"), 400);     // overlong "/"
    expect_json_error(client().Get("/search?q=%ED%A0%80"), 400);  // surrogate
    const auto valid = client().Get("/search?q=Tunesi%C3%AB");
    ASSERT_TRUE(valid);
    EXPECT_EQ(valid->status, 200);
}

TEST_F(HttpServiceOnSample, UnknownRoutesAndMethodsGetJsonErrors) {
    expect_json_error(client().Get("/nope"), 404);
    expect_json_error(client().Get("/../../etc/passwd"), 404);
    expect_json_error(client().Get("/search/extra"), 404);
    const auto post = client().Post("/search", "q=x", "application/x-www-form-urlencoded");
    expect_json_error(post, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
    expect_json_error(client().Delete("/health"), 405);
}

TEST_F(HttpServiceOnSample, ConcurrentRequestsAllSucceed) {
    constexpr int kThreads = 8;
    constexpr int kRequestsEach = 20;
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&ok, t] {
            httplib::Client c = client();
            for (int i = 0; i < kRequestsEach; ++i) {
                const auto result =
                    c.Get(i % 2 ? "/search?q=cyber&offset=" + std::to_string(t) : "/health");
                if (result && result->status == 200) ++ok;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(ok.load(), kThreads * kRequestsEach);
}

TEST(HttpService, RefusesToStartWithoutAnIndex) {
    ServiceOptions options;
    options.index_dir = (fs::temp_directory_path() / "kamerzoek-http-no-such-index").string();
    options.port = 0;
    EXPECT_THROW(HttpService service(options), kamerzoek::IndexError);
}

TEST(HttpService, SeesAReindexWithoutARestart) {
    const fs::path docs =
        fs::temp_directory_path() / ("kamerzoek-http-docs-" + std::to_string(::getpid()));
    fs::create_directories(docs);
    const fs::path index =
        build_index("reindex", {(kamerzoek::testing::source_dir() / "sample").string()});
    RunningService service(index, 1);
    httplib::Client client = service.client();
    EXPECT_TRUE(body_of(client.Get("/search?q=warmtepompen"))["hits"].empty());

    std::ofstream(docs / "brief.txt") << "Den Haag, 1 april 2020\n\nDe minister schrijft over de "
                                         "warmtepompen in de gebouwde omgeving.\n";
    {
        kamerzoek::Indexer indexer(index.string());
        indexer.add_paths({docs.string()});
        indexer.commit();
    }
    bool seen = false;
    for (int attempt = 0; attempt < 40 && !seen; ++attempt) {
        seen = !body_of(client.Get("/search?q=warmtepompen"))["hits"].empty();
        if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_TRUE(seen);
    fs::remove_all(docs);
    fs::remove_all(index);
}

TEST(HttpServiceAddress, ParsesHostPortAndBracketedIpv6) {
    std::string host;
    int port = 0;
    kamerzoek::server::parse_listen_address("127.0.0.1:8080", host, port);
    EXPECT_EQ(host, "127.0.0.1");
    EXPECT_EQ(port, 8080);
    kamerzoek::server::parse_listen_address("[::1]:0", host, port);
    EXPECT_EQ(host, "::1");
    EXPECT_EQ(port, 0);
    EXPECT_THROW(kamerzoek::server::parse_listen_address("8080", host, port),
                 std::invalid_argument);
    EXPECT_THROW(kamerzoek::server::parse_listen_address("h:99999", host, port),
                 std::invalid_argument);
}

TEST(HttpServiceOnSharedCorpus, FindsTheSeedLetterOverHttp) {
    REQUIRE_SHARED_CORPUS();
    const fs::path seed = kamerzoek::testing::shared_corpus_dir() / "seed";
    ASSERT_TRUE(fs::exists(seed)) << seed;
    const fs::path index = build_index("seed", {seed.string()});
    {
        RunningService service(index);
        const auto result = service.client().Get("/search?q=Tunesie&limit=3");
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << result->body;
        const auto json = body_of(result);
        ASSERT_FALSE(json["hits"].empty());
        EXPECT_NE(json["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
        EXPECT_GT(body_of(service.client().Get("/health"))["passages"].get<int>(), 0);
    }
    fs::remove_all(index);
}

}  // namespace
