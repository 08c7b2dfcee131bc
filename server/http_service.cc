// Routes, parameter checks and error mapping of the HTTP service. The JSON
// of results is the library's (to_json), so the service and the command line
// print the same schema.
#include "server/http_service.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <semaphore>
#include <stdexcept>

#include "kamerzoek/kamerzoek.h"
#include "server/bounded_server.h"
#include "server/search_page.h"

namespace kamerzoek::server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::size_t kMaxIdBytes = 256;
constexpr std::size_t kMaxBodyBytes = 1024;  // the API has no request bodies
// Semaphore of search slots; more than this many threads is a typo.
constexpr std::ptrdiff_t kMaxSearchSlots = 1024;

// A request that cannot be answered, with the status and message the client sees.
struct HttpError {
    int status;
    std::string message;
};

std::string error_json(int status, const std::string& message) {
    return nlohmann::json{{"error", {{"status", status}, {"message", message}}}}.dump();
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(error_json(status, message), kJson);
}

// Messages for statuses httplib answers by itself, before any route runs.
std::string reason(int status) {
    switch (status) {
        case 400:
            return "bad request";
        case 404:
            return "no such resource";
        case 405:
            return "method not allowed";
        case 408:
            return "request timed out";
        case 413:
            return "request body too large";
        case 422:
            return "request refused";
        case 414:
            return "request URI too long";
        case 416:
            return "range not satisfiable";
        default:
            return status >= 500 ? "internal error" : "request refused";
    }
}

void send_json(httplib::Response& res, const std::string& body) {
    res.status = 200;
    res.set_content(body, kJson);
}

// Decimal digits only, so "-1", "1e3" and "0x10" are refused rather than coerced.
std::size_t parse_count(const std::string& name, const std::string& text, std::size_t min,
                        std::size_t max) {
    const bool digits = !text.empty() && text.size() <= 9 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    const std::size_t value = digits ? std::stoul(text) : 0;
    if (!digits || value < min || value > max) {
        throw HttpError{400, name + " must be a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max)};
    }
    return value;
}

std::optional<std::string> param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) return std::nullopt;
    return req.get_param_value(name);
}

// Filter values become part of the query text, so they are checked against
// what each filter can hold: no operators or brackets can slip in.
std::string checked_filter(const httplib::Request& req, const char* name, const std::regex& shape,
                           const char* expected) {
    const auto value = param(req, name);
    if (!value || value->empty()) return {};
    if (value->size() > 64 || !std::regex_match(*value, shape)) {
        throw HttpError{400, std::string(name) + " must be " + expected};
    }
    return *value;
}

// A YYYY-MM-DD value that names a day of the calendar: 2020-13-01 and
// 2021-02-30 have the right shape but would silently match nothing.
bool is_calendar_date(const std::string& value) {
    const std::chrono::year_month_day day{
        std::chrono::year{std::stoi(value.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(std::stoi(value.substr(5, 2)))},
        std::chrono::day{static_cast<unsigned>(std::stoi(value.substr(8, 2)))}};
    return day.ok();
}

std::string checked_date(const httplib::Request& req, const char* name) {
    static const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    std::string value = checked_filter(req, name, kDate, "a date YYYY-MM-DD");
    if (!value.empty() && !is_calendar_date(value)) {
        throw HttpError{400, std::string(name) + " must be a date of the calendar, not " + value};
    }
    return value;
}

std::string filter_prefix(const httplib::Request& req) {
    static const std::regex kKind("[a-z][a-z_-]*");
    static const std::regex kLang("nl|en|und");
    std::string filters;
    if (auto kind = checked_filter(req, "kind", kKind, "a kind such as kamerbrief"); !kind.empty())
        filters += "kind:" + kind + " ";
    if (auto lang = checked_filter(req, "lang", kLang, "nl, en or und"); !lang.empty())
        filters += "lang:" + lang + " ";
    const std::string from = checked_date(req, "date_from");
    const std::string to = checked_date(req, "date_to");
    if (!from.empty() || !to.empty()) filters += "date:" + from + ".." + to + " ";
    return filters;
}

// The Content-Length or Transfer-Encoding of a request that has a body.
bool has_body(const httplib::Request& req) {
    if (req.has_header("Transfer-Encoding")) return true;
    const std::string length = req.get_header_value("Content-Length");
    return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

// One of the service's search slots, held while a handler uses the index.
class SearchSlot {
  public:
    template <typename Semaphore>
    SearchSlot(Semaphore& slots, std::chrono::milliseconds wait)
        : release_([&slots] { slots.release(); }) {
        if (!slots.try_acquire_for(wait))
            throw HttpError{503, "the service is busy; try again shortly"};
    }
    ~SearchSlot() { release_(); }
    SearchSlot(const SearchSlot&) = delete;
    SearchSlot& operator=(const SearchSlot&) = delete;

  private:
    std::function<void()> release_;
};

ConnectionLimits connection_limits(const ServiceOptions& options) {
    ConnectionLimits limits;
    limits.connections = std::max<std::size_t>(1, options.max_connections);
    limits.queued = options.max_queued;
    limits.request_timeout = options.request_timeout;
    limits.write_timeout = options.io_timeout;
    return limits;
}

}  // namespace

void parse_listen_address(const std::string& text, std::string& host, int& port) {
    static const std::regex kAddress(
        R"(\[([0-9A-Fa-f:.]+)\]:([0-9]{1,5})|([^:\[\]]+):([0-9]{1,5}))");
    std::smatch match;
    if (!std::regex_match(text, match, kAddress)) {
        throw std::invalid_argument("expected HOST:PORT or [IPV6]:PORT, got \"" + text + "\"");
    }
    host = match[1].matched ? match[1].str() : match[3].str();
    port = std::stoi(match[2].matched ? match[2].str() : match[4].str());
    if (port > 65535) throw std::invalid_argument("port out of range: " + std::to_string(port));
}

struct HttpService::Impl {
    ServiceOptions options;
    BoundedServer http;
    // Searches, document lookups and cites running at once: they use the
    // CPU, while a connection thread mostly waits on its client.
    std::counting_semaphore<kMaxSearchSlots> search_slots;

    explicit Impl(ServiceOptions service_options)
        : options(std::move(service_options)),
          http(connection_limits(options)),
          search_slots(static_cast<std::ptrdiff_t>(
              std::clamp<std::size_t>(options.threads, 1, kMaxSearchSlots))) {
        Searcher probe(options.index_dir);  // fail now, not on the first request
        configure();
        add_routes();
    }

    // The calling worker's Searcher, reopened when it has grown older than
    // searcher_max_age so a reindex shows up. While the index cannot be
    // opened (e.g. being replaced), the old snapshot keeps serving.
    Searcher& searcher() {
        struct Slot {
            std::string dir;
            std::unique_ptr<Searcher> searcher;
            std::chrono::steady_clock::time_point opened;
        };
        thread_local Slot slot;
        const auto now = std::chrono::steady_clock::now();
        const bool mine = slot.searcher && slot.dir == options.index_dir;
        if (mine && now - slot.opened < options.searcher_max_age) return *slot.searcher;
        try {
            slot.searcher = std::make_unique<Searcher>(options.index_dir);
            slot.dir = options.index_dir;
        } catch (const IndexError&) {
            if (!mine) throw;
        }
        slot.opened = now;
        return *slot.searcher;
    }

    void configure() {
        const ConnectionLimits limits = connection_limits(options);
        http.set_read_timeout(options.io_timeout);
        http.set_write_timeout(options.io_timeout);
        // What httplib announces in Keep-Alive; BoundedServer applies it.
        http.set_keep_alive_timeout(
            std::chrono::duration_cast<std::chrono::seconds>(limits.idle_timeout).count());
        http.set_keep_alive_max_count(limits.requests_per_connection);
        http.set_payload_max_length(kMaxBodyBytes);
        // The API takes no bodies: a request with one is refused before it
        // is routed (httplib would first read, or skip, all of it), and its
        // connection closed, since the body is never read.
        http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
            if (!has_body(req)) return httplib::Server::HandlerResponse::Unhandled;
            BoundedServer::close_after_response();
            res.set_header("Connection", "close");
            if (req.method == "GET" || req.method == "HEAD") {
                send_error(res, 413, "requests here take no body");
            } else {
                res.set_header("Allow", "GET, HEAD");
                send_error(res, 405, "only GET and HEAD are allowed here");
            }
            return httplib::Server::HandlerResponse::Handled;
        });
        http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                  {"Cache-Control", "no-cache"},
                                  {"Referrer-Policy", "no-referrer"}});
        // Statuses httplib sets itself (404, 413, 414...) get the same JSON shape.
        http.set_error_handler(httplib::Server::HandlerWithResponse(
            [](const httplib::Request&, httplib::Response& res) {
                if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
                send_error(res, res.status, reason(res.status));
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_exception_handler(
            [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
                report_unexpected(req, error);
                send_error(res, 500, "internal error");
            });
        if (options.access_log) {
            http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
                std::fprintf(stderr, "%s %s %d\n", escape_for_log(req.method).c_str(),
                             escape_for_log(req.path).c_str(), res.status);
            });
        }
    }

    static void report_unexpected(const httplib::Request& req, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "kamerzoek serve: %s %s: %s\n", escape_for_log(req.method).c_str(),
                         escape_for_log(req.path).c_str(), escape_for_log(e.what()).c_str());
        } catch (...) {
            std::fprintf(stderr, "kamerzoek serve: %s %s: unknown error\n",
                         escape_for_log(req.method).c_str(), escape_for_log(req.path).c_str());
        }
    }

    // Runs a handler and turns what it throws into a JSON error: the client
    // learns what was wrong with its request, never paths or library details.
    template <typename Handler>
    httplib::Server::Handler guarded(Handler handler) {
        return [this, handler](const httplib::Request& req, httplib::Response& res) {
            try {
                (this->*handler)(req, res);
            } catch (const HttpError& e) {
                send_error(res, e.status, e.message);
            } catch (const QueryTooExpensive& e) {
                send_error(res, 422, e.what());
            } catch (const QueryError& e) {
                send_error(res, 400, e.what());
            } catch (const IndexError& e) {
                report_unexpected(req, std::current_exception());
                send_error(res, 503, "the index is not available right now");
            }
        };
    }

    void add_routes() {
        http.Get("/", guarded(&Impl::page));
        http.Get("/search", guarded(&Impl::search));
        http.Get("/health", guarded(&Impl::health));
        http.Get("/doc/(.+)", guarded(&Impl::doc));
        http.Get("/cites/(.+)", guarded(&Impl::cites));
        const std::string known = "/|/search|/health|/doc/.+|/cites/.+";
        const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
            res.set_header("Allow", "GET, HEAD");
            send_error(res, 405, "only GET and HEAD are allowed here");
        };
        http.Post(known, not_allowed);
        http.Put(known, not_allowed);
        http.Patch(known, not_allowed);
        http.Delete(known, not_allowed);
        http.Options(known, not_allowed);
    }

    void page(const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Security-Policy",
                       "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                       "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                       "form-action 'self'; frame-ancestors 'none'");
        res.set_content(std::string(kSearchPage), "text/html; charset=utf-8");
    }

    const std::string& checked_text(const std::string& q) const {
        if (q.size() > options.max_query_bytes) {
            throw HttpError{
                400, "q is longer than " + std::to_string(options.max_query_bytes) + " bytes"};
        }
        if (!is_valid_utf8(q)) throw HttpError{400, "q is not valid UTF-8"};
        return q;
    }

    void search(const httplib::Request& req, httplib::Response& res) {
        const auto q = param(req, "q");
        if (!q || q->find_first_not_of(" \t\r\n") == std::string::npos)
            throw HttpError{400, "missing query: pass it as ?q=..."};
        checked_text(*q);
        SearchOptions search_options;
        search_options.time_limit_seconds = options.search_time_limit_seconds;
        search_options.cancelled = [] { return BoundedServer::client_gone(); };
        if (const auto limit = param(req, "limit"))
            search_options.limit = parse_count("limit", *limit, 1, options.max_limit);
        if (const auto offset = param(req, "offset"))
            search_options.offset = parse_count("offset", *offset, 0, options.max_offset);
        if (const auto per_doc = param(req, "per_doc"))
            search_options.per_document = parse_count("per_doc", *per_doc, 0, options.max_limit);
        const std::string filters = filter_prefix(req);
        // Filters go first and the user's text in brackets, so that an open
        // quote or a leading operator in q cannot swallow them.
        const std::string query = filters.empty() ? *q : filters + "(" + *q + ")";
        const SearchSlot slot(search_slots, options.request_timeout);
        if (BoundedServer::client_gone())  // nobody is waiting for the answer
            throw HttpError{503, "the client has gone"};
        send_json(res, to_json(searcher().search(query, search_options)));
    }

    void health(const httplib::Request&, httplib::Response& res) {
        const nlohmann::json body{{"status", "ok"},
                                  {"version", KAMERZOEK_VERSION_STRING},
                                  {"passages", searcher().passage_count()}};
        send_json(res, body.dump(2));
    }

    static std::string checked_id(const httplib::Request& req, const char* what) {
        const std::string id = req.matches[1].str();
        if (id.size() > kMaxIdBytes || !is_valid_utf8(id))
            throw HttpError{400, std::string(what) + " is not a valid identifier"};
        return id;
    }

    void doc(const httplib::Request& req, httplib::Response& res) {
        const std::string id = checked_id(req, "document id");
        const SearchSlot slot(search_slots, options.request_timeout);
        try {
            send_json(res, to_json(searcher().show(id)));
        } catch (const NotFound&) {  // its message names the index folder
            throw HttpError{404, "no document \"" + id + "\" in the index"};
        }
    }

    void cites(const httplib::Request& req, httplib::Response& res) {
        CitesOptions cites_options;
        cites_options.limit = options.max_limit;
        if (const auto q = param(req, "q")) cites_options.text = checked_text(*q);
        if (const auto limit = param(req, "limit"))
            cites_options.limit = parse_count("limit", *limit, 1, options.max_limit);
        if (const auto offset = param(req, "offset"))
            cites_options.offset = parse_count("offset", *offset, 0, options.max_offset);
        const std::string ref = checked_id(req, "reference");
        const SearchSlot slot(search_slots, options.request_timeout);
        try {
            send_json(res, to_json(searcher().cites(ref, cites_options)));
        } catch (const NotFound&) {
            throw HttpError{404, "\"" + ref + "\" is not a citation of a paper or dossier"};
        }
    }
};

HttpService::HttpService(ServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
HttpService::~HttpService() { stop(); }

int HttpService::bind() {
    const ServiceOptions& options = impl_->options;
    if (options.port == 0) {
        const int port = impl_->http.bind_to_any_port(options.host);
        if (port > 0) return port;
    } else if (impl_->http.bind_to_port(options.host, options.port)) {
        return options.port;
    }
    throw std::runtime_error("cannot listen on " + options.host + ":" +
                             std::to_string(options.port));
}

void HttpService::run() { impl_->http.listen_after_bind(); }

void HttpService::stop() {
    if (impl_->http.is_running()) impl_->http.stop();
}

bool HttpService::is_running() const { return impl_->http.is_running(); }

}  // namespace kamerzoek::server
