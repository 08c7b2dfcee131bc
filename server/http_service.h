// The HTTP service over an index: JSON search API and the search page
// (docs/HTTP_API.md). Read-only; listens on loopback unless told otherwise.
//
// Thread model: each connection is served by one of `max_connections`
// threads (BoundedServer), and at most `threads` of them search at once. A
// Searcher is not thread-safe, so each thread opens its own (thread_local)
// and replaces it once it is older than `searcher_max_age`, which is how a
// reindex done by another process becomes visible without a restart.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace kamerzoek::server {

struct ServiceOptions {
    std::string index_dir;
    std::string host = "127.0.0.1";
    int port = 8080;                   // 0: any free port (see HttpService::bind)
    std::size_t threads = 8;           // searches, lookups and cites running at once
    std::size_t max_connections = 64;  // connections handled at once, one thread each
    std::size_t max_queued = 256;      // accepted connections waiting; beyond, 503
    std::size_t max_query_bytes = 1024;
    std::size_t max_limit = 100;
    std::size_t max_offset = 1000;
    std::chrono::seconds io_timeout{5};                // for the client to take each write
    std::chrono::milliseconds request_timeout{10000};  // to send a whole request (408)
    double search_time_limit_seconds = 2;              // a longer match is stopped (422)
    std::chrono::milliseconds searcher_max_age{2000};
    bool access_log = false;  // one line per request on stderr
};

/// "host:port" or "[v6]:port" split into its parts; throws std::invalid_argument.
void parse_listen_address(const std::string& text, std::string& host, int& port);

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or
/// code points above U+10FFFF).
bool is_valid_utf8(const std::string& text);

class HttpService {
  public:
    /// Opens the index once, so that a missing or incompatible index fails
    /// here (kamerzoek::IndexError) rather than on the first request.
    explicit HttpService(ServiceOptions options);
    ~HttpService();
    HttpService(const HttpService&) = delete;
    HttpService& operator=(const HttpService&) = delete;

    /// Binds the listening socket and returns the port (useful with port 0).
    /// Throws std::runtime_error when the address cannot be bound.
    int bind();
    /// Serves until stop(); call bind() first.
    void run();
    /// Stops accepting and returns run() once in-flight requests are done.
    /// Safe to call from another thread.
    void stop();
    bool is_running() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kamerzoek::server
