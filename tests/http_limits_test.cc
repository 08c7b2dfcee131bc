// The HTTP service under abuse, as raw sockets see it: slow clients,
// bodies on GET, too many connections, expensive queries and requests
// built to forge log lines.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "kamerzoek/kamerzoek.h"
#include "server/bounded_server.h"
#include "server/http_service.h"
#include "tests/test_paths.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using kamerzoek::server::HttpService;
using kamerzoek::server::ServiceOptions;

// A loopback TCP connection that sends and reads raw bytes.
class RawClient {
  public:
    explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawClient() { ::close(fd_); }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    bool connected() const { return connected_; }
    void send(const std::string& bytes) {
        [[maybe_unused]] auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    }
    // What the server sends until it closes the connection or `wait` passes.
    std::string read_all(std::chrono::milliseconds wait) {
        std::string out;
        const auto deadline = std::chrono::steady_clock::now() + wait;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left <= 0ms) return out;
            pollfd fd{fd_, POLLIN, 0};
            if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return out;
            char chunk[4096];
            const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
            if (got <= 0) return out;
            out.append(chunk, static_cast<std::size_t>(got));
        }
    }

  private:
    int fd_;
    bool connected_ = false;
};

int status_of(const std::string& response) {
    return response.starts_with("HTTP/1.1 ") ? std::atoi(response.c_str() + 9) : 0;
}

class HttpLimits : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        index_ = new fs::path(fs::temp_directory_path() /
                              ("kamerzoek-http-limits-" + std::to_string(::getpid())));
        fs::remove_all(*index_);
        kamerzoek::Indexer indexer(index_->string());
        indexer.add_paths({(kamerzoek::testing::source_dir() / "sample").string()});
        indexer.commit();
    }
    static void TearDownTestSuite() {
        fs::remove_all(*index_);
        delete index_;
    }

    void start(ServiceOptions options) {
        options.index_dir = index_->string();
        options.port = 0;
        service_ = std::make_unique<HttpService>(options);
        port_ = service_->bind();
        thread_ = std::thread([this] { service_->run(); });
        while (!service_->is_running()) std::this_thread::yield();
    }
    void TearDown() override {
        if (!service_) return;
        service_->stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(20);
        return client;
    }

    static fs::path* index_;
    std::unique_ptr<HttpService> service_;
    int port_ = 0;
    std::thread thread_;
};

fs::path* HttpLimits::index_ = nullptr;

TEST_F(HttpLimits, ASlowClientGets408AtTheRequestDeadline) {
    ServiceOptions options;
    options.request_timeout = 600ms;
    start(options);
    RawClient slow(port_);
    ASSERT_TRUE(slow.connected());
    slow.send("GET /hea");  // and nothing more
    const std::string response = slow.read_all(10s);
    EXPECT_EQ(status_of(response), 408) << response;
    EXPECT_NE(response.find("\"status\":408"), std::string::npos) << response;
}

TEST_F(HttpLimits, SlowClientsDoNotHoldUpOthers) {
    ServiceOptions options;
    options.threads = 2;
    options.request_timeout = 30s;
    start(options);
    std::vector<std::unique_ptr<RawClient>> slow;
    for (int i = 0; i < 12; ++i) {
        slow.push_back(std::make_unique<RawClient>(port_));
        slow.back()->send("GET /health HTTP/1.1\r\nHost: x\r\n");  // headers never end
    }
    std::this_thread::sleep_for(200ms);
    const auto started = std::chrono::steady_clock::now();
    const auto health = client().Get("/health");
    ASSERT_TRUE(health) << httplib::to_string(health.error());
    EXPECT_EQ(health->status, 200);
    // Generous: the slow clients would hold it for the 30 s request timeout.
    EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
}

TEST_F(HttpLimits, GetWithABodyIsRefusedWith413) {
    start({});
    const char* requests[] = {
        "GET /search?q=cyber HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        "GET /search?q=cyber HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5\r\nhello\r\n0\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: "
        "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    };
    for (const char* request : requests) {
        RawClient raw(port_);
        raw.send(request);
        const std::string response = raw.read_all(5s);
        EXPECT_EQ(status_of(response), 413) << request << "\n" << response;
        // The unread body is not taken for a second request.
        EXPECT_EQ(response.find("HTTP/1.1", 1), std::string::npos) << response;
    }
    // Nor is the body of another method read before it is refused.
    RawClient post(port_);
    post.send("POST /search HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc");
    EXPECT_EQ(status_of(post.read_all(5s)), 405);
    RawClient empty_body(port_);
    empty_body.send(
        "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(status_of(empty_body.read_all(5s)), 200);
}

TEST_F(HttpLimits, ConnectionsBeyondTheQueueAreRefusedAtOnce) {
    ServiceOptions options;
    options.max_connections = 1;
    options.max_queued = 1;
    options.request_timeout = 20s;
    start(options);
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 4; ++i) {
        idle.push_back(std::make_unique<RawClient>(port_));
        std::this_thread::sleep_for(50ms);
    }
    int refused = 0;
    for (auto& client : idle) refused += status_of(client->read_all(300ms)) == 503;
    EXPECT_GE(refused, 1);
}

TEST_F(HttpLimits, AnExpensiveQueryIs422AndAnImpossibleFilter400) {
    start({});
    std::string wildcards;
    for (int i = 0; i < 200; ++i) wildcards += "+a* ";
    const auto expensive =
        client().Get("/search?q=" + httplib::detail::encode_query_param(wildcards));
    ASSERT_TRUE(expensive);
    EXPECT_EQ(expensive->status, 422) << expensive->body;
    EXPECT_NE(expensive->body.find("too expensive"), std::string::npos) << expensive->body;
    const auto filter = client().Get("/search?q=cyber+year%3Aabc");
    ASSERT_TRUE(filter);
    EXPECT_EQ(filter->status, 400) << filter->body;
    EXPECT_NE(filter->body.find("year:abc"), std::string::npos) << filter->body;
}

// Connections the kernel completes before the service accepts them: with
// cpp-httplib's backlog of 5 a burst beyond it (slow clients reconnecting,
// a busy machine) waited a second for the client to send its SYN again.
TEST_F(HttpLimits, ABurstOfNewConnectionsIsHeldByTheKernelUntilAccepted) {
    ServiceOptions options;
    options.index_dir = index_->string();
    options.port = 0;
    HttpService service(options);
    const int port = service.bind();  // listening, but nothing accepts yet
    constexpr int kBurst = 40;
    std::vector<int> sockets;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < kBurst; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        [[maybe_unused]] auto started =
            ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        sockets.push_back(fd);
    }
    int established = 0;
    for (const int fd : sockets) {
        pollfd wait{fd, POLLOUT, 0};
        int error = 0;
        socklen_t length = sizeof error;
        if (::poll(&wait, 1, 300) == 1 &&
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0)
            ++established;
        ::close(fd);
    }
    EXPECT_EQ(established, kBurst);
}

TEST(LogEscaping, OneRequestIsOneLineWithoutEscapeSequences) {
    using kamerzoek::server::escape_for_log;
    const std::string forged = escape_for_log("/doc/x\nGET /forged-line 200");
    EXPECT_EQ(forged.find('\n'), std::string::npos);
    EXPECT_EQ(forged, "/doc/x\\x0aGET /forged-line 200");
    EXPECT_EQ(escape_for_log("/doc/\x1b[31mred\r"), "/doc/\\x1b[31mred\\x0d");
    EXPECT_EQ(escape_for_log("/doc/caf\xc3\xa9"), "/doc/caf\xc3\xa9");  // UTF-8 stays readable
    EXPECT_EQ(escape_for_log("/doc/\xff\xc2\x9b"), "/doc/\\xff\\xc2\\x9b");
    EXPECT_EQ(escape_for_log("a\\b\"c"), "a\\x5cb\\x22c");
}

}  // namespace
