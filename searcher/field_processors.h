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
/// The filters with a closed set of values (kind:, lang:, year:) refuse any
/// other with a QueryError naming the filter, rather than match nothing.
class ExactFieldProcessor final : public Xapian::FieldProcessor {
  public:
    explicit ExactFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override;

  private:
    std::string prefix_;
};

/// date:FROM..TO over the date slot. Each end is YYYY-MM-DD, YYYYMMDD,
/// YYYY-MM (a whole month) or YYYY (a whole year), and either may be left
/// out; anything else, an impossible date or a range that ends before it
/// begins is a QueryError naming the filter.
class DateFilterProcessor final : public Xapian::RangeProcessor {
  public:
    explicit DateFilterProcessor(Xapian::valueno slot);
    Xapian::Query operator()(const std::string& begin, const std::string& end) override;
};

/// kind:motie, kind:kamerstuk: the kinds corpus::kinds_matched_by() names
/// for the value (kind:kamerstuk also finds the letters, motions and
/// amendments published as Kamerstukken), ORed. A value that is no kind
/// is a QueryError, as for ExactFieldProcessor.
class KindFieldProcessor final : public Xapian::FieldProcessor {
  public:
    explicit KindFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override;

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

/// A range A..B that no filter claimed ("2015..2016"): a QueryError saying
/// that ranges need a filter, instead of Xapian's "Unknown range operation".
/// Added after every other range processor.
class UnclaimedRangeProcessor final : public Xapian::RangeProcessor {
  public:
    Xapian::Query operator()(const std::string& begin, const std::string& end) override;
};

/// "YYYYMMDD" of the third Tuesday of September of `year`.
std::string third_tuesday_of_september(int year);

}  // namespace kamerzoek
