#include "searcher/field_processors.h"

#include <fmt/format.h>

#include <regex>
#include <vector>

#include "corpus/document.h"
#include "indexer/index_schema.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

std::vector<std::string> split_name(const std::string& joined) {
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t end; (end = joined.find('_', start)) != std::string::npos; start = end + 1) {
        words.push_back(joined.substr(start, end - start));
    }
    words.push_back(joined.substr(start));
    return words;
}

bool holds_in_a_row(const std::vector<std::string>& name, const std::vector<std::string>& words) {
    if (words.empty() || words.size() > name.size()) return false;
    return std::search(name.begin(), name.end(), words.begin(), words.end()) != name.end();
}

// Day of the week, 0 = Sunday (Sakamoto).
int day_of_week(int year, int month, int day) {
    static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year -= 1;
    return (year + year / 4 - year / 100 + year / 400 + kOffsets[month - 1] + day) % 7;
}

int third_tuesday(int year) {
    constexpr int kTuesday = 2;
    const int first = 1 + (kTuesday - day_of_week(year, 9, 1) + 7) % 7;
    return first + 14;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool all_digits(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// Why `value` cannot be a value of the filter stored under `prefix`, or ""
// when it can (or the filter's values are open, as ids are).
std::string refusal(const std::string& prefix, const std::string& value) {
    if (prefix == schema::kLanguage) {
        if (value == "nl" || value == "en" || value == "und") return {};
        return "lang:" + value + " is not a language; write lang:nl, lang:en or lang:und";
    }
    if (prefix == schema::kYear) {
        if (value.size() == 4 && all_digits(value)) return {};
        return "year:" + value + " is not a year; write four digits, e.g. year:2016";
    }
    if (prefix == schema::kKind) {
        if (corpus::kind_name(corpus::kind_from_name(value)) == value) return {};
        return "kind:" + value +
               " is not a kind of document; write e.g. kind:kamerbrief, kind:bijlage or "
               "kind:handelingen";
    }
    return {};
}

// One end of a date range as the date slot holds dates ("YYYYMMDD"): the
// first day it stands for, or the last when `last` is set. Empty when
// `text` is not a date.
std::string date_bound(const std::string& text, bool last) {
    static const std::regex kDate(R"((\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?)");
    std::smatch match;
    if (!std::regex_match(text, match, kDate)) return {};
    // "201601" would read as year and month; only YYYY-MM is a month.
    if (match[2].matched && !match[3].matched && text.size() != 7) return {};
    const int year = std::stoi(match[1].str());
    const int month = match[2].matched ? std::stoi(match[2].str()) : (last ? 12 : 1);
    if (month < 1 || month > 12) return {};
    const int day =
        match[3].matched ? std::stoi(match[3].str()) : (last ? days_in_month(year, month) : 1);
    if (day < 1 || day > days_in_month(year, month)) return {};
    return fmt::format("{:04}{:02}{:02}", year, month, day);
}

}  // namespace

Xapian::Query ExactFieldProcessor::operator()(const std::string& value) {
    if (const std::string why = refusal(prefix_, value); !why.empty()) throw QueryError(why);
    return Xapian::Query(prefix_ + value);
}

DateFilterProcessor::DateFilterProcessor(Xapian::valueno slot)
    : Xapian::RangeProcessor(slot, "date:") {}

Xapian::Query DateFilterProcessor::operator()(const std::string& begin, const std::string& end) {
    const std::string filter = "date:" + begin + ".." + end;
    const auto refuse = [&](const std::string& why) {
        throw QueryError(filter + ": " + why +
                         "; write date:FROM..TO with YYYY-MM-DD, YYYY-MM or YYYY at either end, "
                         "e.g. date:2016-01-01..2016-06-30 (either end may be left out)");
    };
    if (begin.empty() && end.empty()) refuse("the range has no ends");
    const std::string from = begin.empty() ? std::string() : date_bound(begin, false);
    const std::string to = end.empty() ? std::string() : date_bound(end, true);
    if (!begin.empty() && from.empty()) refuse(begin + " is not a date");
    if (!end.empty() && to.empty()) refuse(end + " is not a date");
    if (!from.empty() && !to.empty() && to < from) refuse("the range ends before it begins");
    if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, from);
    if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, to);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, from, to);
}

Xapian::Query UnclaimedRangeProcessor::operator()(const std::string& begin,
                                                  const std::string& end) {
    throw QueryError(begin + ".." + end + ": a range needs a filter, as in date:" + begin + ".." +
                     end);
}

std::string third_tuesday_of_september(int year) {
    return fmt::format("{:04}09{:02}", year, third_tuesday(year));
}

NameFieldProcessor::NameFieldProcessor(const Xapian::Database& db, std::string prefix,
                                       Analyzer& analyzer)
    : db_(db), prefix_(std::move(prefix)), analyzer_(analyzer) {}

Xapian::Query NameFieldProcessor::operator()(const std::string& value) {
    std::vector<std::string> words;
    for (Analyzer::Token& token : analyzer_.tokenize(value)) words.push_back(token.folded);
    std::string joined;
    for (const std::string& word : words) joined += (joined.empty() ? "" : "_") + word;
    if (db_.term_exists(prefix_ + joined)) return Xapian::Query(prefix_ + joined);
    std::vector<Xapian::Query> names;
    for (auto it = db_.allterms_begin(prefix_); it != db_.allterms_end(prefix_); ++it) {
        if (holds_in_a_row(split_name((*it).substr(prefix_.size())), words))
            names.emplace_back(*it);
    }
    if (names.empty()) return Xapian::Query(prefix_ + joined);
    return Xapian::Query(Xapian::Query::OP_OR, names.begin(), names.end());
}

Xapian::Query KindFieldProcessor::operator()(const std::string& value) {
    if (const std::string why = refusal(prefix_, value); !why.empty()) throw QueryError(why);
    std::vector<Xapian::Query> kinds;
    for (const std::string_view kind : corpus::kinds_matched_by(value)) {
        kinds.emplace_back(prefix_ + std::string(kind));
    }
    return Xapian::Query(Xapian::Query::OP_OR, kinds.begin(), kinds.end());
}

Xapian::Query VergaderjaarFieldProcessor::operator()(const std::string& value) {
    static const std::regex kYears(R"((\d{4})-?(\d{4}))");
    std::smatch match;
    if (!std::regex_match(value, match, kYears) ||
        std::stoi(match[2].str()) != std::stoi(match[1].str()) + 1) {
        throw QueryError("vergaderjaar:" + value +
                         " is not a parliamentary year; write two consecutive years, e.g. "
                         "vergaderjaar:2015-2016");
    }
    const int first = std::stoi(match[1].str());
    const std::string begin = third_tuesday_of_september(first);
    const std::string end = fmt::format("{:04}09{:02}", first + 1, third_tuesday(first + 1) - 1);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, begin, end);
}

}  // namespace kamerzoek
