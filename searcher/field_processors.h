// Query filters whose values need more than a prefix: names (speaker:,
// party:) matched word by word, and parliamentary years (vergaderjaar:).
#pragma once

#include <xapian.h>

#include <string>

#include "analysis/analyzer.h"

namespace kamerzoek {

/// speaker:"Van Bommel", speaker:bommel, party:sp. Names are indexed folded
/// with their words joined by '_'; a value matches a name that holds its
/// words in a row ("bommel" matches "van_bommel", "van bommel" too).
class NameFieldProcessor final : public Xapian::FieldProcessor {
  public:
    NameFieldProcessor(const Xapian::Database& db, std::string prefix, Analyzer& analyzer);
    Xapian::Query operator()(const std::string& value) override;

  private:
    Xapian::Database db_;
    std::string prefix_;
    Analyzer& analyzer_;
};

/// doc:, ref:, dossier: and the other filters whose values are stored as
/// written: the term is the prefix and the value, joined as the indexer
/// joins them (Xapian's own boolean prefixes would put a ':' between a long
/// prefix and a value starting with a capital, as in "doc:BWBV0001069").
class ExactFieldProcessor final : public Xapian::FieldProcessor {
  public:
    explicit ExactFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(prefix_ + value);
    }

  private:
    std::string prefix_;
};

/// vergaderjaar:2015-2016: the parliamentary year, which runs from the
/// third Tuesday of September (Prinsjesdag) to the day before the next one;
/// a range over the date slot.
class VergaderjaarFieldProcessor final : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override;
};

/// "YYYYMMDD" of the third Tuesday of September of `year`.
std::string third_tuesday_of_september(int year);

}  // namespace kamerzoek
