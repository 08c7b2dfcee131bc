// The HTTP service over an index: JSON search API and the search page
// (docs/HTTP_API.md). Read-only; listens on loopback unless told otherwise.
//
// Thread model: requests are handled by a fixed pool of worker threads. A
// Searcher is not thread-safe, so each worker opens its own (thread_local)
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
    int port = 8080;  // 0: any free port (see HttpService::bind)
    std::size_t threads = 8;
    std::size_t max_query_bytes = 1024;
    std::size_t max_limit = 100;
    std::size_t max_offset = 1000;
    std::chrono::seconds io_timeout{5};
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
