#include "searcher/field_processors.h"

#include <fmt/format.h>

#include <regex>
#include <vector>

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

}  // namespace

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
