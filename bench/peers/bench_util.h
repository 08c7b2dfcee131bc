// Small helpers shared by the benchmark programs: query file, timing, percentiles.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Queries of bench/peers/queries.txt: non-empty lines not starting with '#'.
inline std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        queries.push_back(line);
    }
    return queries;
}

// Nearest-rank percentile of sorted values.
inline double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const std::size_t rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

// Prints the latency summary as one JSON object on stdout.
inline void print_latency_json(const char* engine, std::vector<double> ms, std::size_t queries,
                               std::size_t failed, double mean_hits) {
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double v : ms) sum += v;
    std::printf(
        "{\"engine\": \"%s\", \"queries\": %zu, \"timed\": %zu, \"failed\": %zu, "
        "\"mean_hits\": %.2f, \"p50_ms\": %.4f, \"p90_ms\": %.4f, \"p99_ms\": %.4f, "
        "\"mean_ms\": %.4f, \"max_ms\": %.4f}\n",
        engine, queries, ms.size(), failed, mean_hits, percentile(ms, 50), percentile(ms, 90),
        percentile(ms, 99), ms.empty() ? 0.0 : sum / ms.size(), ms.empty() ? 0.0 : ms.back());
}

}  // namespace bench
