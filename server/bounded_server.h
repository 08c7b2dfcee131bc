// cpp-httplib's server with the bounds a public service needs and the
// Debian version (0.11) lacks: a deadline for receiving each request (head
// and body; 408 when it passes), a short wait for the next request on a
// keep-alive connection, a fixed number of connections handled at once with
// a bounded queue behind them (503 beyond it), and a way for a handler to
// learn that its client has gone.
//
// httplib reads a request through its Stream interface; this server hands
// it a stream that stops at the request's deadline, so a client sending a
// byte every few seconds holds a connection thread for one deadline at most.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace kamerzoek::server {

struct ConnectionLimits {
    std::size_t connections = 64;                      // handled at once, one thread each
    std::size_t queued = 256;                          // accepted, waiting for a thread
    std::chrono::milliseconds request_timeout{10000};  // to receive one request, head and body
    std::chrono::milliseconds idle_timeout{2000};      // for the next request on a connection
    std::chrono::milliseconds write_timeout{5000};     // for the client to take each write
    std::size_t requests_per_connection = 100;
    std::size_t max_head_bytes = 16384;  // request line and headers
    int listen_backlog = 128;            // connections the kernel holds before accept
};

class BoundedServer : public httplib::Server {
  public:
    explicit BoundedServer(const ConnectionLimits& limits);

    /// Whether the client of the request this thread is handling has closed
    /// its side of the connection (false outside a request).
    static bool client_gone();
    /// Closes the connection once the response to the request this thread
    /// is handling has been sent (for a request whose body was not read).
    static void close_after_response();

    /// Binds as httplib::Server does, then widens the listening socket's
    /// backlog: the library listens with 5, and a burst of new connections
    /// beyond it waits a second for the client to send its SYN again.
    bool bind_to_port(const std::string& host, int port, int socket_flags = 0);
    int bind_to_any_port(const std::string& host, int socket_flags = 0);

  private:
    void widen_backlog() const;

    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits limits_;
    socket_t listening_ = INVALID_SOCKET;  // as the socket options saw it
};

/// `text` for one line of a log: control characters, backslashes, quotes
/// and bytes that are not UTF-8 written as \xNN, so a request can neither
/// start a line of its own nor send escape sequences to a terminal.
std::string escape_for_log(std::string_view text);

}  // namespace kamerzoek::server
