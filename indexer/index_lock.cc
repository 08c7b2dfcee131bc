#include "indexer/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "indexer/index_layout.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

std::string read_holder(int fd) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid;
}

void write_pid(int fd) {
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
        // The lock holds regardless; only the message of a rival would be vaguer.
    }
}

}  // namespace

WriterLock::WriterLock(const std::string& index_dir) {
    std::filesystem::create_directories(index_dir);
    const std::string path = index_dir + "/" + layout::kLockFile;
    // Never through a link, and never anything but a regular file: the lock
    // file is truncated, and a link planted there would truncate its target.
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd_ < 0 && errno == ELOOP) {
        throw IndexError("cannot lock index " + index_dir + ": " + path +
                         " is a symbolic link, not a lock file; remove it");
    }
    if (fd_ < 0) {
        throw IndexError("cannot lock index " + index_dir + ": " + std::strerror(errno));
    }
    struct stat info {};
    if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd_);
        fd_ = -1;
        throw IndexError("cannot lock index " + index_dir + ": " + path +
                         " is not a regular file; remove it");
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const std::string holder = read_holder(fd_);
        ::close(fd_);
        fd_ = -1;
        throw IndexLocked("index " + index_dir + " is locked by " +
                          (holder.empty() ? std::string("another process") : "process " + holder) +
                          " (another kamerzoek index run is writing to it)");
    }
    write_pid(fd_);
}

WriterLock::~WriterLock() {
    if (fd_ < 0) return;
    if (::ftruncate(fd_, 0) != 0) {
        // A stale pid is harmless: the flock, not the content, is the lock.
    }
    ::close(fd_);
}

}  // namespace kamerzoek
