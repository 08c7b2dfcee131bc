// kamerzoek serve: the HTTP search API and search page over an index.
#include <fmt/core.h>

#include <csignal>
#include <thread>

#include "cli/commands.h"
#include "server/http_service.h"

namespace kamerzoek::cli {
namespace {

struct ServeArguments {
    std::string listen = "127.0.0.1:8080";
    server::ServiceOptions options;
    bool quiet = false;
};

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// SIGINT and SIGTERM are taken by one thread that stops the service, so
// in-flight requests finish and run() returns normally.
std::thread stop_on_signals(server::HttpService& service, sigset_t signals) {
    return std::thread([&service, signals] {
        int received = 0;
        sigwait(&signals, &received);
        service.stop();
    });
}

int run_serve(const GlobalOptions& global, ServeArguments& arguments) {
    server::ServiceOptions& options = arguments.options;
    try {
        server::parse_listen_address(arguments.listen, options.host, options.port);
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "kamerzoek serve: --listen: {}\n", e.what());
        return kExitFatal;
    }
    options.index_dir = global.db;
    options.access_log = !arguments.quiet;
    if (!is_loopback(options.host)) {
        fmt::print(stderr, "kamerzoek serve: warning: listening on {}, not only on this machine\n",
                   options.host);
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts: all inherit it

    server::HttpService service(options);
    const int port = service.bind();
    fmt::print(
        stderr, "kamerzoek serve: http://{}:{}/ (index {})\n",
        options.host.find(':') == std::string::npos ? options.host : "[" + options.host + "]", port,
        options.index_dir);
    std::thread stopper = stop_on_signals(service, signals);
    service.run();
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes it when run() ended by itself
    stopper.join();
    return kExitOk;
}

}  // namespace

CommandAction add_serve_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<ServeArguments>();
    server::ServiceOptions& options = arguments->options;
    CLI::App* command = app.add_subcommand("serve", "Serve the search API and page over HTTP");
    command
        ->add_option("--listen", arguments->listen, "Address to listen on, HOST:PORT (port 0: any)")
        ->capture_default_str();
    command->add_option("--threads", options.threads, "Searches run at once")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    command
        ->add_option("--max-connections", options.max_connections,
                     "Connections served at once (more wait in a queue of 256)")
        ->check(CLI::Range(1, 900))
        ->capture_default_str();
    command
        ->add_option("--time-limit", options.search_time_limit_seconds,
                     "Stop a search that takes longer than this many seconds (422)")
        ->check(CLI::Range(0.1, 600.0))
        ->capture_default_str();
    command->add_flag("-q,--quiet", arguments->quiet, "Do not log requests on stderr");
    add_db_option(*command, global);
    return [&global, arguments] { return run_serve(global, *arguments); };
}

}  // namespace kamerzoek::cli
