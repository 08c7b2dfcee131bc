// What the last good commit left on disk. Glass writes a commit's new
// blocks past the end of its tables; a commit that fails (a full disk)
// leaves them there, so the index keeps the space it could not use and the
// next run fails for want of it. Taking the tables back to their sizes at
// the last good commit frees it: that revision's blocks all lie below.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kamerzoek {

class CommittedState {
  public:
    /// Notes the sizes of the tables of the database at `db_path`, just
    /// committed (or opened) at `revision`.
    void remember(const std::string& db_path, Xapian::rev revision);

    /// After a failed write, with the writer closed: truncates the tables to
    /// the sizes remembered, if the database on disk is still at the
    /// remembered revision (else leaves them alone). Returns whether it did.
    bool restore() const;

  private:
    std::string db_path_;
    Xapian::rev revision_ = 0;
    std::vector<std::pair<std::string, std::uintmax_t>> sizes_;
};

}  // namespace kamerzoek
