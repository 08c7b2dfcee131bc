// The one-writer-per-index lock, with the writer's pid in the lock file so
// a second writer can say who holds it.
#pragma once

#include <string>

namespace kamerzoek {

class WriterLock {
  public:
    /// Takes the lock on `index_dir` (creating the directory) without
    /// waiting; throws IndexLocked naming the holder's pid when it is taken,
    /// IndexError when the lock file cannot be made or is not a plain file.
    /// The kernel releases it when the process ends, however it ends.
    explicit WriterLock(const std::string& index_dir);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace kamerzoek
