#include "corpus/reader_limits.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <nlohmann/json.hpp>
#include <string>

#include "corpus/reader.h"

namespace kamerzoek::corpus {
namespace {

std::mutex limits_mutex;
ReaderLimits& current_limits() {
    static ReaderLimits limits;
    return limits;
}

// ---- documents across the pipe ----
// Only what readers fill: passages, language per passage and references
// are made afterwards in this process.

nlohmann::json block_json(const Block& block) {
    return {{"role", static_cast<int>(block.role)},
            {"text", block.text},
            {"label", block.label},
            {"speaker", block.speaker},
            {"party", block.party},
            {"linked_ids", block.linked_ids}};
}

Block block_from(const nlohmann::json& json) {
    Block block;
    block.role = static_cast<Block::Role>(json.at("role").get<int>());
    block.text = json.at("text").get<std::string>();
    block.label = json.at("label").get<std::string>();
    block.speaker = json.at("speaker").get<std::string>();
    block.party = json.at("party").get<std::string>();
    block.linked_ids = json.at("linked_ids").get<std::vector<std::string>>();
    return block;
}

nlohmann::json document_json(const Document& d) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const Block& block : d.blocks) blocks.push_back(block_json(block));
    return {{"id", d.id},
            {"title", d.title},
            {"date", d.date},
            {"kind", kind_name(d.kind)},
            {"language", language_code(d.language)},
            {"source_path", d.source_path},
            {"parent_id", d.parent_id},
            {"dossier", d.dossier},
            {"number", d.number},
            {"vergaderjaar", d.vergaderjaar},
            {"chamber", d.chamber},
            {"kenmerk", d.kenmerk},
            {"warnings", d.warnings},
            {"blocks", blocks}};
}

Document document_from(const nlohmann::json& json) {
    Document d;
    const auto text = [&](const char* key) { return json.at(key).get<std::string>(); };
    d.id = text("id");
    d.title = text("title");
    d.date = text("date");
    d.kind = kind_from_name(text("kind"));
    d.language = language_from_code(text("language"));
    d.source_path = text("source_path");
    d.parent_id = text("parent_id");
    d.dossier = text("dossier");
    d.number = text("number");
    d.vergaderjaar = text("vergaderjaar");
    d.chamber = text("chamber");
    d.kenmerk = text("kenmerk");
    d.warnings = json.at("warnings").get<std::vector<std::string>>();
    for (const auto& block : json.at("blocks")) d.blocks.push_back(block_from(block));
    return d;
}

// ---- the child ----

// RLIMIT_AS counts the address space the child inherits (the parent's
// heap, thread stacks, mapped index files), so the limit is set above it.
std::size_t inherited_address_space() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    statm >> pages;
    return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

void write_all(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

constexpr int kAnswerFd = 3;

// The child's answer: 'D' and the documents as JSON, 'E' and a reason, or
// 'M' when it ran out of memory.
[[noreturn]] void run_child(int fd, const std::function<std::vector<Document>()>& read,
                            const ReaderLimits& limits) {
    // The parent decides when to stop; a Ctrl-C sent to the whole process
    // group must not make the child die with a half-written answer.
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    // Keep only the answer pipe: a copy of another reader thread's pipe
    // held here would keep that reader from seeing its child finish.
    if (fd != kAnswerFd) {
        ::dup2(fd, kAnswerFd);
        fd = kAnswerFd;
    }
    ::close_range(kAnswerFd + 1, ~0U, 0);
    const rlim_t cap = inherited_address_space() + limits.memory_bytes;
    const rlimit memory{cap, cap};
    setrlimit(RLIMIT_AS, &memory);
    std::string answer;
    try {
        nlohmann::json documents = nlohmann::json::array();
        for (const Document& document : read()) documents.push_back(document_json(document));
        answer = "D" + documents.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::bad_alloc&) {
        answer = "M";
    } catch (const ReadError& e) {
        answer = "E" + std::to_string(e.line()) + ":" + std::to_string(e.column()) + ":" + e.what();
    } catch (const std::exception& e) {
        answer = "E0:0:" + std::string(e.what());
    }
    write_all(fd, answer);
    ::close(fd);
    _exit(0);
}

// ---- the parent ----

std::string describe_bytes(std::size_t bytes) {
    constexpr std::size_t kGiB = std::size_t{1} << 30;
    constexpr std::size_t kMiB = std::size_t{1} << 20;
    if (bytes % kGiB == 0) return std::to_string(bytes / kGiB) + " GB";
    return std::to_string((bytes + kMiB - 1) / kMiB) + " MB";
}

std::string describe_time(std::chrono::milliseconds time) {
    if (time.count() % 1000 == 0) return std::to_string(time.count() / 1000) + " s";
    return std::to_string(time.count()) + " ms";
}

class Child {
  public:
    Child(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
    ~Child() {
        if (fd_ >= 0) ::close(fd_);
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            reap();
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    int fd() const { return fd_; }

    // The exit status, once the child has closed its end.
    int reap() {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }

  private:
    pid_t pid_;
    int fd_;
};

std::vector<Document> parse_answer(const std::string& answer, int status,
                                   const ReaderLimits& limits) {
    if (answer.empty()) {
        if (WIFSIGNALED(status)) {
            // Out of address space, poppler aborts or crashes rather than
            // throwing: say what the limit was.
            throw ReadError("reader stopped by signal " + std::to_string(WTERMSIG(status)) + " (" +
                            strsignal(WTERMSIG(status)) + "); it may have needed more than " +
                            describe_bytes(limits.memory_bytes));
        }
        throw ReadError("reader ended without an answer");
    }
    if (answer[0] == 'M')
        throw ReadError("needed more than " + describe_bytes(limits.memory_bytes));
    if (answer[0] == 'E') {
        const std::size_t first = answer.find(':');
        const std::size_t second = answer.find(':', first + 1);
        const int line = std::stoi(answer.substr(1, first - 1));
        const int column = std::stoi(answer.substr(first + 1, second - first - 1));
        throw ReadError(answer.substr(second + 1), line, column);
    }
    std::vector<Document> documents;
    for (const auto& json : nlohmann::json::parse(answer.substr(1))) {
        documents.push_back(document_from(json));
    }
    return documents;
}

}  // namespace

void set_reader_limits(ReaderLimits limits) {
    const std::lock_guard<std::mutex> lock(limits_mutex);
    current_limits() = std::move(limits);
}

ReaderLimits reader_limits() {
    const std::lock_guard<std::mutex> lock(limits_mutex);
    return current_limits();
}

std::vector<Document> read_in_child(const std::function<std::vector<Document>()>& read,
                                    const ReaderLimits& limits) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw ReadError("cannot start a reader process: no pipe");
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw ReadError("cannot start a reader process");
    }
    if (pid == 0) {
        ::close(fds[0]);
        run_child(fds[1], read, limits);
    }
    ::close(fds[1]);
    Child child(pid, fds[0]);
    const auto deadline = std::chrono::steady_clock::now() + limits.time;
    std::string answer;
    char buffer[65536];
    for (;;) {
        if (limits.stop_requested && limits.stop_requested()) {
            throw ReadError("not read: the run was stopped");
        }
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) {
            throw ReadError("took longer than " + describe_time(limits.time));
        }
        pollfd ready{child.fd(), POLLIN, 0};
        const auto wait = std::min<long long>(
            100, std::chrono::duration_cast<std::chrono::milliseconds>(left).count() + 1);
        if (::poll(&ready, 1, static_cast<int>(wait)) <= 0) continue;
        const ssize_t n = ::read(child.fd(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    return parse_answer(answer, child.reap(), limits);
}

}  // namespace kamerzoek::corpus
