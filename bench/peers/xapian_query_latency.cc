// Query latency of a plain Xapian database (Omega's omindex, or
// plain_indexer), in-process: QueryParser with the Dutch stemmer and
// STEM_SOME, default operator OR, top 10 with each hit's document data read.
// `lang:nl` / `lang:en` become the folder filter `P/laws-nl` / `P/treaties`
// (the boolean path terms omindex writes, and plain_indexer too).
//
//   xapian_query_latency DB QUERIES [passes=3] [engine-name]
#include <xapian.h>

#include <cstdio>
#include <cstdlib>

#include "bench_util.h"

namespace {

std::string translate(std::string query) {
    for (auto [from, to] : {std::pair{"lang:nl", "dir:laws-nl"}, {"lang:en", "dir:treaties"}}) {
        for (std::size_t at; (at = query.find(from)) != std::string::npos;)
            query.replace(at, std::string(from).size(), to);
    }
    return query;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DB QUERIES [passes] [engine]\n", argv[0]);
        return 2;
    }
    const int passes = argc > 3 ? std::atoi(argv[3]) : 3;
    const char* engine = argc > 4 ? argv[4] : "xapian";
    std::vector<std::string> queries = bench::read_queries(argv[2]);
    for (std::string& query : queries) query = translate(query);

    Xapian::Database db(argv[1]);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("dutch"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    parser.add_boolean_prefix("dir", "P/");
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;

    std::size_t failed = 0, hits = 0;
    std::size_t data_bytes = 0;
    auto run = [&](const std::string& text) {
        Xapian::Enquire enquire(db);
        enquire.set_query(parser.parse_query(text, flags));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            data_bytes += it.get_document().get_data().size();
        return mset.size();
    };
    for (const std::string& query : queries) {  // warm-up
        try {
            run(query);
        } catch (const Xapian::Error& e) {
            std::fprintf(stderr, "xapian_query_latency: %s: %s\n", query.c_str(),
                         e.get_description().c_str());
            ++failed;
        }
    }
    std::vector<double> ms;
    for (int pass = 0; pass < passes; ++pass) {
        for (const std::string& query : queries) {
            const auto start = bench::Clock::now();
            try {
                hits += run(query);
            } catch (const Xapian::Error&) {
                continue;
            }
            ms.push_back(bench::ms_since(start));
        }
    }
    bench::print_latency_json(engine, ms, queries.size(), failed,
                              ms.empty() ? 0.0 : double(hits) / ms.size());
    return data_bytes == 0 && hits > 0 ? 1 : 0;
}
