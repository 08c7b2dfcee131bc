// The evidence for a section-format index: builds today's format (the real
// Indexer) and section-format indexes from the same files, and measures
// build cost, size, query latency and passage-level ranking quality side by
// side. See docs/PERFORMANCE.md, "Section documents: an experiment".
//
//   section_format build --out DIR [--format today|heading:N|run:N] [--stem-positions]
//                        [--threads N] PATHS...
//   section_format latency --db DIR [--today] [--sections K] QUERIES
//   section_format relevance [--variants LIST] [--judgements TSV] FILES...
//   section_format relevance --publications [--judgements TSV] FOLDERS...
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include "bench/peers/bench_util.h"
#include "bench/relevance/evaluation.h"
#include "bench/section_format/section_builder.h"
#include "bench/section_format/section_searcher.h"
#include "indexer/file_walk.h"

namespace kamerzoek::sections {
namespace {

namespace fs = std::filesystem;
using relevance::JudgedQuery;
using relevance::RankedPassage;
using relevance::Scores;

std::uintmax_t disk_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        struct stat st {};
        if (entry.is_regular_file() && ::stat(entry.path().c_str(), &st) == 0)
            total += static_cast<std::uintmax_t>(st.st_blocks) * 512;
    }
    return total;
}

std::uintmax_t corpus_bytes(const std::vector<std::string>& paths) {
    std::uintmax_t total = 0;
    for (const std::string& file : walk_paths(paths, {}).files) total += fs::file_size(file);
    return total;
}

double cpu_seconds() {
    double total = 0;
    for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        getrusage(who, &usage);
        total += usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                 usage.ru_stime.tv_usec / 1e6;
    }
    return total;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

// Parses "today", "heading", "heading:N", "run:N", each optionally with
// "+pos" (positions on stems and parts too).
BuildOptions variant_options(const std::string& variant, unsigned threads) {
    BuildOptions options;
    std::string spec = variant;
    if (const std::size_t plus = spec.find("+pos"); plus != std::string::npos) {
        options.stem_positions = true;
        spec.erase(plus);
    }
    options.grouping = Grouping::parse(spec);
    options.threads = threads;
    return options;
}

void build_today(const std::vector<std::string>& paths, const fs::path& dir, unsigned threads) {
    fs::remove_all(dir);
    IndexOptions options;
    options.threads = threads;
    Indexer indexer(dir.string(), options);
    indexer.add_paths(paths);
    indexer.commit();
}

int run_build(const std::string& format, const fs::path& out, bool stem_positions, unsigned threads,
              const std::vector<std::string>& paths) {
    const auto start = std::chrono::steady_clock::now();
    fs::path index = out;
    std::size_t sections = 0, passages = 0;
    if (format == "today") {
        build_today(paths, out, threads);
    } else {
        BuildOptions options = variant_options(format, threads);
        options.stem_positions = options.stem_positions || stem_positions;
        const BuildReport report = build_section_index(paths, out, options);
        index = out / "index";
        sections = report.sections;
        passages = report.passages;
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double corpus_mb = corpus_bytes(paths) / 1e6;
    fmt::print(
        "{{\"format\": \"{}{}\", \"threads\": {}, \"corpus_mb\": {:.2f}, \"wall_s\": {:.2f}, "
        "\"cpu_s\": {:.2f}, \"mb_per_s\": {:.3f}, \"mb_per_cpu_s\": {:.3f}, \"peak_rss_mb\": "
        "{:.0f}, \"index_mb\": {:.2f}, \"index_per_corpus\": {:.3f}, \"passages\": {}, "
        "\"xapian_documents\": {}}}\n",
        format, stem_positions ? "+pos" : "", threads, corpus_mb, wall, cpu_seconds(),
        corpus_mb / wall, corpus_mb / cpu_seconds(), peak_rss_mb(), disk_bytes(index) / 1e6,
        disk_bytes(index) / 1e6 / corpus_mb, passages,
        format == "today" ? Xapian::Database(index.string()).get_doccount() : sections);
    return 0;
}

int run_latency(const std::string& db, bool today, std::size_t sections, int passes,
                const std::string& queries_path) {
    const std::vector<std::string> queries = bench::read_queries(queries_path);
    std::unique_ptr<Searcher> searcher;
    std::unique_ptr<SectionSearcher> section_searcher;
    if (today)
        searcher = std::make_unique<Searcher>(db);
    else
        section_searcher = std::make_unique<SectionSearcher>(db);
    SectionSearchOptions options;
    options.sections = sections;
    const auto search = [&](const std::string& query) -> std::size_t {
        if (today) return searcher->search(query).hits.size();
        return section_searcher->search(query, options).size();
    };
    std::size_t failed = 0, hits = 0;
    for (const std::string& query : queries) {  // warm-up
        try {
            search(query);
        } catch (const std::exception& e) {
            std::cerr << "section_format: " << query << ": " << e.what() << "\n";
            ++failed;
        }
    }
    std::vector<double> ms;
    for (int pass = 0; pass < passes; ++pass) {
        for (const std::string& query : queries) {
            const auto start = bench::Clock::now();
            try {
                hits += search(query);
            } catch (const std::exception&) {
                continue;
            }
            ms.push_back(bench::ms_since(start));
        }
    }
    bench::print_latency_json(today ? "today" : "sections", ms, queries.size(), failed,
                              ms.empty() ? 0.0 : double(hits) / ms.size());
    return 0;
}

int run_query(const std::string& db, std::size_t sections, const std::string& text) {
    SectionSearcher searcher(db);
    SectionSearchOptions options;
    options.sections = sections;
    for (const SectionHit& hit : searcher.search(text, options))
        fmt::print("{:.3f} {}#{} [{}] {}\n", hit.score, hit.doc_id, hit.passage, hit.lang,
                   hit.snippet);
    return 0;
}

// A section index answering the judged queries: 10 passages, no
// per-document cap, as relevance::Engine.
class SectionEngine {
  public:
    SectionEngine(const std::string& index, std::size_t sections, double section_share)
        : searcher_(index) {
        options_.limit = relevance::kDepth;
        options_.per_document = 0;
        options_.sections = sections;
        options_.section_share = section_share;
        options_.snippets = false;
        options_.extras = true;
    }

    std::vector<RankedPassage> search(const std::string& text) {
        std::vector<RankedPassage> out;
        try {
            for (const SectionHit& hit : searcher_.search(text, options_))
                out.push_back({hit.doc_id, hit.text});
        } catch (const QueryError&) {
        }
        return out;
    }

    const SectionSearchStats& stats() const { return searcher_.stats(); }

  private:
    SectionSearcher searcher_;
    SectionSearchOptions options_;
};

struct Column {
    std::string name;
    std::function<std::vector<RankedPassage>(const std::string&)> search;
};

void print_relevance(const std::vector<JudgedQuery>& queries, const std::vector<std::string>& ids,
                     const std::vector<Column>& columns, bool per_query) {
    std::map<std::string, std::pair<std::size_t, std::vector<Scores>>> groups;
    for (const JudgedQuery& query : queries) {
        if (!relevance::judged_in(query, ids)) continue;
        std::vector<Scores> scores;
        for (const Column& column : columns)
            scores.push_back(relevance::score(query, column.search(query.text)));
        if (per_query) {
            fmt::print("{}", query.id);
            for (const Scores& s : scores) fmt::print("\t{:.3f}", s.ndcg);
            fmt::print("\t{}\n", query.text);
        }
        for (const std::string& group :
             {"lang:" + query.language, relevance::kind_of(query), std::string("all")}) {
            auto& [n, totals] = groups[group];
            totals.resize(columns.size());
            ++n;
            for (std::size_t c = 0; c < columns.size(); ++c)
                relevance::add_to(totals[c], scores[c]);
        }
    }
    fmt::print("\n| group | queries |");
    for (const Column& column : columns) fmt::print(" MRR {} |", column.name);
    for (const Column& column : columns) fmt::print(" nDCG@10 {} |", column.name);
    fmt::print("\n|---|---:|");
    for (std::size_t c = 0; c < 2 * columns.size(); ++c) fmt::print("---:|");
    fmt::print("\n");
    for (const auto& [name, group] : groups) {
        const auto& [n, totals] = group;
        fmt::print("| {} | {} |", name, n);
        for (const Scores& s : totals)
            fmt::print(" {:.3f} |", relevance::mean(s, n).reciprocal_rank);
        for (const Scores& s : totals) fmt::print(" {:.3f} |", relevance::mean(s, n).ndcg);
        fmt::print("\n");
    }
}

int run_relevance(const std::vector<std::string>& paths, bool publications,
                  const std::string& judgements, const std::vector<std::string>& variants,
                  std::size_t sections, double section_share, bool per_query) {
    struct Scratch {
        fs::path dir =
            fs::temp_directory_path() / ("kamerzoek-sections-" + std::to_string(::getpid()));
        ~Scratch() { fs::remove_all(dir); }
    } scratch;
    const std::vector<JudgedQuery> queries = relevance::load_judgements(judgements);
    // As bench/relevance: files for the judged set, folders for publications.
    const std::vector<std::string> inputs = publications ? paths : relevance::files_under(paths);
    relevance::PublicationEngine today(scratch.dir / "today", inputs);
    const std::vector<std::string> ids = publications
                                             ? today.present(relevance::judged_ids(queries))
                                             : relevance::document_ids(inputs);
    std::vector<Column> columns{{"today", [&](const std::string& q) { return today.search(q); }}};
    std::vector<std::unique_ptr<SectionEngine>> engines;
    for (const std::string& variant : variants) {
        const fs::path dir = scratch.dir / ("v" + std::to_string(engines.size()));
        const BuildReport report = build_section_index(inputs, dir, variant_options(variant, 1));
        std::cerr << fmt::format("section_format: {}: {} passages in {} sections\n", variant,
                                 report.passages, report.sections);
        engines.push_back(
            std::make_unique<SectionEngine>((dir / "index").string(), sections, section_share));
        SectionEngine* engine = engines.back().get();
        columns.push_back({variant, [engine](const std::string& q) { return engine->search(q); }});
    }
    fmt::print("{} ({} top sections, section share {}):\n",
               fs::path(judgements).filename().string(), sections, section_share);
    print_relevance(queries, ids, columns, per_query);
    for (std::size_t i = 0; i < engines.size(); ++i) {
        std::cerr << fmt::format(
            "section_format: {}: {} sections matched where no passage "
            "did, over {} queries\n",
            variants[i], engines[i]->stats().sections_without_passage, engines[i]->stats().queries);
    }
    return 0;
}

}  // namespace
}  // namespace kamerzoek::sections

int main(int argc, char** argv) {
    using namespace kamerzoek::sections;
    CLI::App app{"Section-format index experiment: build, latency and ranking quality"};
    app.require_subcommand(1);

    std::string format = "heading:64", out, db, queries, judgements;
    bool stem_positions = false, today = false, publications = false, per_query = false;
    unsigned threads = 2;
    std::size_t sections = 20;
    int passes = 3;
    double section_share = 0;
    std::vector<std::string> paths;
    std::string variant_list = "heading:64,run:8,run:1";

    CLI::App* build = app.add_subcommand("build", "build one index and report its cost");
    build->add_option("--out", out, "index folder (replaced)")->required();
    build->add_option("--format", format, "today, heading, heading:N or run:N");
    build->add_flag("--stem-positions", stem_positions, "positions on stems and parts too");
    build->add_option("--threads", threads, "threads (default 2)");
    build->add_option("paths", paths, "files and folders")->required();

    CLI::App* latency = app.add_subcommand("latency", "query latency over a query file");
    latency->add_option("--db", db, "index (for sections: the build's --out/index)")->required();
    latency->add_flag("--today", today, "the index is today's format: use Searcher");
    latency->add_option("--sections", sections, "top sections scored (default 20)");
    latency->add_option("--passes", passes, "timed passes (default 3)");
    latency->add_option("queries", queries, "query file")->required()->check(CLI::ExistingFile);

    CLI::App* relevance = app.add_subcommand("relevance", "passage MRR/nDCG@10, both formats");
    relevance->add_option("--variants", variant_list, "section variants, comma-separated");
    relevance->add_option("--judgements", judgements, "judged queries")->check(CLI::ExistingFile);
    relevance->add_flag("--publications", publications,
                        "paths are publication folders (tests/relevance/publications.tsv)");
    relevance->add_option("--sections", sections, "top sections scored (default 20)");
    relevance->add_option("--section-share", section_share, "weight of the section score");
    relevance->add_flag("--per-query", per_query, "print each query's nDCG@10 first");
    relevance->add_option("paths", paths, "files and folders")->required();
    std::string text;
    CLI::App* query = app.add_subcommand("query", "one query on a section index, hits printed");
    query->add_option("--db", db, "section index")->required();
    query->add_option("--sections", sections, "top sections scored (default 20)");
    query->add_option("text", text, "query")->required();
    CLI11_PARSE(app, argc, argv);

    try {
        if (*build) return run_build(format, out, stem_positions, threads, paths);
        if (*latency) return run_latency(db, today, sections, passes, queries);
        if (*query) return run_query(db, sections, text);
        if (judgements.empty()) {
            judgements = std::string(KAMERZOEK_SOURCE_DIR) + "/tests/relevance/" +
                         (publications ? "publications.tsv" : "judgements.tsv");
        }
        std::vector<std::string> variants;
        std::stringstream list(variant_list);
        for (std::string variant; std::getline(list, variant, ',');) variants.push_back(variant);
        return run_relevance(paths, publications, judgements, variants, sections, section_share,
                             per_query);
    } catch (const std::exception& e) {
        std::cerr << "section_format: " << e.what() << "\n";
        return 2;
    }
}
