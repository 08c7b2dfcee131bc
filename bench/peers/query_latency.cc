// Query latency of kamerzoek, in-process: opens a kamerzoek::Searcher, runs
// every query once to warm up, then times `passes` runs of the whole query
// set with steady_clock (one search() call each, default options: 10 hits,
// snippets, at most 2 passages per document).
//
//   query_latency DB QUERIES [passes=3]
#include <cstdio>
#include <cstdlib>

#include "bench_util.h"
#include "kamerzoek/kamerzoek.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DB QUERIES [passes]\n", argv[0]);
        return 2;
    }
    const int passes = argc > 3 ? std::atoi(argv[3]) : 3;
    const std::vector<std::string> queries = bench::read_queries(argv[2]);
    kamerzoek::Searcher searcher(argv[1]);
    std::size_t failed = 0, hits = 0;
    for (const std::string& query : queries) {  // warm-up
        try {
            searcher.search(query);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "query_latency: %s: %s\n", query.c_str(), e.what());
            ++failed;
        }
    }
    std::vector<double> ms;
    for (int pass = 0; pass < passes; ++pass) {
        for (const std::string& query : queries) {
            const auto start = bench::Clock::now();
            try {
                hits += searcher.search(query).hits.size();
            } catch (const std::exception&) {
                continue;
            }
            ms.push_back(bench::ms_since(start));
        }
    }
    bench::print_latency_json("kamerzoek", ms, queries.size(), failed,
                              ms.empty() ? 0.0 : double(hits) / ms.size());
}
