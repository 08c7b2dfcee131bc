#include "server/bounded_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "server/http_service.h"

namespace kamerzoek::server {
namespace {

using Clock = std::chrono::steady_clock;

int poll_millis(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

// Whether `sock` is ready for `events` (or was closed) before `deadline`;
// false at once when the server is stopping (`listener` closed).
bool wait_for(int sock, short events, Clock::time_point deadline,
              const std::atomic<socket_t>* listener) {
    // In slices, so that stopping the server does not wait for slow clients.
    constexpr int kSliceMillis = 100;
    for (;;) {
        if (listener && *listener == INVALID_SOCKET) return false;
        pollfd fd{sock, events, 0};
        const int millis = poll_millis(deadline);
        const int ready = ::poll(&fd, 1, std::min(millis, kSliceMillis));
        if (ready > 0) return true;
        if (ready < 0 && errno != EINTR) return false;
        if (ready == 0 && millis <= kSliceMillis) return false;
    }
}

// A response the server sends itself, when httplib never sees the request.
std::string status_response(int status, const char* reason, const std::string& message) {
    const std::string body =
        nlohmann::json{{"error", {{"status", status}, {"message", message}}}}.dump();
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// One accepted connection: its socket, the bytes read ahead of what httplib
// has taken, and the deadline of the request being received.
class Connection {
  public:
    enum class Head { kComplete, kClosed, kIdle, kTimedOut, kTooLarge };

    Connection(int sock, const ConnectionLimits& limits, const std::atomic<socket_t>& listener)
        : sock_(sock), limits_(limits), listener_(listener) {}
    ~Connection() {
        ::shutdown(sock_, SHUT_RDWR);
        ::close(sock_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Waits for the request line and headers of the next request: `idle`
    // for its first byte, then the request timeout from there (the first
    // request of a connection has the request timeout for all of it).
    Head read_head(bool first) {
        const auto start = Clock::now();
        deadline_ = start + limits_.request_timeout;
        if (!first && buffer_.empty()) {
            if (!wait_for(sock_, POLLIN, start + limits_.idle_timeout, &listener_))
                return Head::kIdle;
            deadline_ = Clock::now() + limits_.request_timeout;
        }
        for (;;) {
            if (head_complete()) return Head::kComplete;
            if (buffer_.size() > limits_.max_head_bytes) return Head::kTooLarge;
            if (!wait_for(sock_, POLLIN, deadline_, &listener_))
                return stopping() ? Head::kClosed : Head::kTimedOut;
            char chunk[4096];
            const ssize_t got = ::recv(sock_, chunk, sizeof chunk, 0);
            if (got <= 0) return Head::kClosed;
            buffer_.append(chunk, static_cast<std::size_t>(got));
        }
    }

    // Sends what fits now and never waits: for refusals, whose client may
    // not be reading at all.
    void send_now(const std::string& response) {
        [[maybe_unused]] const ssize_t sent =
            ::send(sock_, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    }

    bool readable_before_deadline() const {
        return !buffer_.empty() || wait_for(sock_, POLLIN, deadline_, &listener_);
    }

    ssize_t read(char* out, std::size_t size) {
        if (buffer_.empty()) {
            if (!wait_for(sock_, POLLIN, deadline_, &listener_)) return -1;
            return ::recv(sock_, out, size, 0);
        }
        const std::size_t n = std::min(size, buffer_.size());
        buffer_.copy(out, n);
        buffer_.erase(0, n);
        return static_cast<ssize_t>(n);
    }

    bool writable() const {
        return wait_for(sock_, POLLOUT, Clock::now() + limits_.write_timeout, nullptr);
    }

    ssize_t write(const char* data, std::size_t size) {
        if (!writable()) return -1;
        return ::send(sock_, data, size, MSG_NOSIGNAL);
    }

    // Closed by the client: readable with nothing to read, or hung up.
    bool peer_closed() const {
        pollfd fd{sock_, static_cast<short>(POLLIN | POLLRDHUP), 0};
        if (::poll(&fd, 1, 0) <= 0) return false;
        if (fd.revents & (POLLRDHUP | POLLHUP | POLLERR)) return true;
        char byte;
        return ::recv(sock_, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
    }

    int socket() const { return sock_; }
    bool close_requested = false;

  private:
    bool stopping() const { return listener_ == INVALID_SOCKET; }

    bool head_complete() const {
        static constexpr std::string_view kEnds[] = {"\r\n\r\n", "\n\n"};
        for (const std::string_view end : kEnds) {
            if (buffer_.find(end) != std::string::npos) return true;
        }
        return false;
    }

    int sock_;
    const ConnectionLimits& limits_;
    const std::atomic<socket_t>& listener_;
    std::string buffer_;  // read from the socket, not yet taken by httplib
    Clock::time_point deadline_;
};

// What httplib reads a request from and writes its response to.
class ConnectionStream final : public httplib::Stream {
  public:
    explicit ConnectionStream(Connection& connection) : connection_(connection) {}
    bool is_readable() const override { return connection_.readable_before_deadline(); }
    bool is_writable() const override { return connection_.writable(); }
    ssize_t read(char* ptr, size_t size) override { return connection_.read(ptr, size); }
    ssize_t write(const char* ptr, size_t size) override { return connection_.write(ptr, size); }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        address_of(::getpeername, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        address_of(::getsockname, ip, port);
    }
    socket_t socket() const override { return connection_.socket(); }

  private:
    template <typename Lookup>
    void address_of(Lookup lookup, std::string& ip, int& port) const {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (lookup(connection_.socket(), reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        char host[NI_MAXHOST];
        char service[NI_MAXSERV];
        if (::getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, service,
                          sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
            ip = host;
            port = std::atoi(service);
        }
    }

    Connection& connection_;
};

// The connection this thread is serving, for client_gone() and
// close_after_response(); and whether it is to be refused at once.
thread_local Connection* t_connection = nullptr;
thread_local bool t_refusing = false;

// A fixed number of connection threads with a bounded queue in front. A
// connection beyond the queue is still handed to the server, on a thread
// of its own kind that only refuses it (503) without waiting on the client.
class ConnectionPool final : public httplib::TaskQueue {
  public:
    ConnectionPool(std::size_t threads, std::size_t queued) : max_queued_(queued) {
        for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i)
            threads_.emplace_back([this] { serve(jobs_, false); });
        threads_.emplace_back([this] { serve(refusals_, true); });
    }

    void enqueue(std::function<void()> fn) override {
        {
            std::lock_guard lock(mutex_);
            (jobs_.size() < max_queued_ ? jobs_ : refusals_).push_back(std::move(fn));
        }
        ready_.notify_all();
    }

    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (std::thread& thread : threads_) thread.join();
    }

  private:
    void serve(std::deque<std::function<void()>>& queue, bool refusing) {
        t_refusing = refusing;
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return stopping_ || !queue.empty(); });
                if (queue.empty()) return;  // stopping, and nothing left to serve
                job = std::move(queue.front());
                queue.pop_front();
            }
            job();
        }
    }

    const std::size_t max_queued_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::deque<std::function<void()>> refusals_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

// Bytes of the UTF-8 sequence starting at text[at], or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    char32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07;
    } else {
        return 0;
    }
    if (text.size() - at < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(at + i) & 0x3F);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kSmallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}

}  // namespace

bool is_valid_utf8(const std::string& text) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = utf8_sequence_length(text, at);
        if (length == 0) return false;
        at += length;
    }
    return true;
}

std::string escape_for_log(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        const auto c = static_cast<unsigned char>(text[at]);
        const std::size_t length = utf8_sequence_length(text, at);
        const bool plain =
            length > 1 || (length == 1 && c >= 0x20 && c != 0x7f && c != '\\' && c != '"');
        // C1 controls (U+0080..U+009F) act as escape sequences on some terminals.
        const bool c1 = length == 2 && c == 0xC2 && static_cast<unsigned char>(text[at + 1]) < 0xA0;
        if (plain && !c1) {
            out.append(text.substr(at, length));
            at += length;
            continue;
        }
        const std::size_t escaped = c1 ? 2 : 1;
        for (std::size_t i = 0; i < escaped; ++i) {
            const auto b = static_cast<unsigned char>(text[at + i]);
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        }
        at += escaped;
    }
    return out;
}

BoundedServer::BoundedServer(const ConnectionLimits& limits) : limits_(limits) {
    new_task_queue = [this] { return new ConnectionPool(limits_.connections, limits_.queued); };
    set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        listening_ = sock;
    });
}

bool BoundedServer::bind_to_port(const std::string& host, int port, int socket_flags) {
    if (!httplib::Server::bind_to_port(host, port, socket_flags)) return false;
    widen_backlog();
    return true;
}

int BoundedServer::bind_to_any_port(const std::string& host, int socket_flags) {
    const int port = httplib::Server::bind_to_any_port(host, socket_flags);
    if (port > 0) widen_backlog();
    return port;
}

void BoundedServer::widen_backlog() const {
    // listen() again on a listening socket only changes its backlog.
    if (listening_ != INVALID_SOCKET) ::listen(listening_, limits_.listen_backlog);
}

bool BoundedServer::client_gone() { return t_connection && t_connection->peer_closed(); }

void BoundedServer::close_after_response() {
    if (t_connection) t_connection->close_requested = true;
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
    Connection connection(sock, limits_, svr_sock_);
    if (t_refusing) {
        connection.send_now(
            status_response(503, "Service Unavailable", "too many connections; try again shortly"));
        return false;
    }
    t_connection = &connection;
    ConnectionStream stream(connection);
    bool ok = true;
    for (std::size_t served = 0; served < limits_.requests_per_connection; ++served) {
        const Connection::Head head = connection.read_head(served == 0);
        if (head == Connection::Head::kTimedOut) {
            connection.send_now(status_response(408, "Request Timeout", "request timed out"));
        } else if (head == Connection::Head::kTooLarge) {
            connection.send_now(status_response(431, "Request Header Fields Too Large",
                                                "request headers too large"));
        }
        if (head != Connection::Head::kComplete) break;
        const bool last = served + 1 == limits_.requests_per_connection;
        bool closed = false;
        connection.close_requested = false;
        ok = process_request(stream, last, closed, nullptr);
        if (!ok || closed || connection.close_requested) break;
    }
    t_connection = nullptr;
    return ok;
}

}  // namespace kamerzoek::server
