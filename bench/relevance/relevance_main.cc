// Prints MRR, nDCG@10 and recall@10 per query group for this engine and for
// plain Xapian on the same documents; with --sweep, the same for a grid of
// ranking parameters (how the defaults in searcher/ranking.cc were chosen).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "bench/relevance/evaluation.h"
#include "indexer/index_schema.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "searcher/stored_document.h"

namespace kamerzoek::relevance {
namespace {

// The engine's own query building and ranking with chosen parameters, on
// the index the Engine built.
class TunedEngine {
  public:
    TunedEngine(const fs::path& index_dir, RankingParameters parameters)
        : db_(index_dir.string()), parameters_(parameters) {}

    std::vector<RankedPassage> search(const std::string& text) {
        QueryBuilder builder(db_, analyzer_, Glossary::builtin(), parameters_.query_weights);
        std::vector<RankedPassage> out;
        try {
            // As the Searcher does: counting documents makes Xapian see every
            // match (no pruning by weight, which crashes Xapian 1.4.22 on some
            // of these queries).
            Xapian::ValueCountMatchSpy documents(schema::kSlotDocId);
            const Xapian::MSet mset =
                rank(db_, builder.build(text, ""), parameters_, 0, kDepth, 0, nullptr, &documents);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                PassageRecord data = stored_passage(it.get_document());
                out.push_back({std::move(data.doc_id), std::move(data.text)});
            }
        } catch (const Error&) {
        }
        return out;
    }

  private:
    Xapian::Database db_;
    Analyzer analyzer_;
    RankingParameters parameters_;
};

void print_table(const std::map<std::string, GroupScores>& groups) {
    fmt::print(
        "| group | queries | MRR kamerzoek | MRR baseline | nDCG@10 kamerzoek | "
        "nDCG@10 baseline | recall@10 kamerzoek | recall@10 baseline |\n");
    fmt::print("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const auto& [name, g] : groups) {
        fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", name,
                   g.queries, g.engine.reciprocal_rank, g.baseline.reciprocal_rank, g.engine.ndcg,
                   g.baseline.ndcg, g.engine.recall, g.baseline.recall);
    }
}

void sweep(const fs::path& index_dir, const std::vector<JudgedQuery>& queries, Baseline& baseline,
           const std::vector<std::string>& ids) {
    fmt::print("\n| k1 | b | field boost | part | split | translation | nDCG@10 all | MRR all |\n");
    fmt::print("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const double k1 : {0.6, 1.2, 2.0}) {
        for (const double b : {0.3, 0.5, 0.75}) {
            for (const double boost : {0.0, 0.3, 1.0}) {
                for (const double scale : {0.3, 0.5, 0.8}) {
                    RankingParameters parameters{k1, b, boost, {scale, scale + 0.1, scale}};
                    TunedEngine engine(index_dir, parameters);
                    const auto groups = evaluate(queries, engine, baseline, ids);
                    const GroupScores& all = groups.at("all");
                    fmt::print("| {} | {} | {} | {} | {:.1f} | {} | {:.3f} | {:.3f} |\n", k1, b,
                               boost, scale, scale + 0.1, scale, all.engine.ndcg,
                               all.engine.reciprocal_rank);
                }
            }
        }
    }
}

// The weights of translated words (docs/RANKING.md, "Translation weights"),
// MRR@10 per group for each.
void sweep_translation(const fs::path& index_dir, const std::vector<JudgedQuery>& queries,
                       Baseline& baseline, const std::vector<std::string>& ids) {
    const RankingParameters defaults = default_ranking();
    bool header = false;
    for (const double translation : {0.5, 0.8}) {
        for (const double floor_weight : {0.0, 1.0, 2.0, 3.0, 4.0, 6.0}) {
            for (const double sure : {0.3, 0.6}) {
                RankingParameters parameters = defaults;
                parameters.query_weights.translation = translation;
                parameters.query_weights.translated_concept = floor_weight;
                parameters.query_weights.sure_translation = sure;
                fmt::print(stderr, "measuring translation {} floor {} sure {}\n", translation,
                           floor_weight, sure);
                TunedEngine engine(index_dir, parameters);
                std::vector<std::string> names;
                std::vector<std::string> mrr;
                for (const auto& [name, scores] : evaluate(queries, engine, baseline, ids)) {
                    names.push_back(name);
                    mrr.push_back(fmt::format("{:.3f}", scores.engine.reciprocal_rank));
                }
                if (!header) {
                    fmt::print("\n| translation | translated concept | sure translation | {} |\n",
                               fmt::join(names, " | "));
                    fmt::print("|---:|---:|---:|{}\n", std::string(names.size() * 5, '-'));
                    header = true;
                }
                fmt::print("| {} | {} | {} | {} |\n", translation, floor_weight, sure,
                           fmt::join(mrr, " | "));
                std::fflush(stdout);
            }
        }
    }
}

// The second table: the judged queries over real publications, the engine
// indexing whole folders as `kamerzoek index` does.
void print_publications_table(const std::vector<std::string>& folders,
                              const std::string& judgements, bool per_query) {
    // Removed however the run ends.
    struct ScratchIndex {
        fs::path dir =
            fs::temp_directory_path() / ("kamerzoek-publications-" + std::to_string(::getpid()));
        ~ScratchIndex() { fs::remove_all(dir); }
    } scratch;
    const std::vector<JudgedQuery> queries = load_judgements(judgements);
    PublicationEngine engine(scratch.dir, folders);
    const std::vector<std::string> judged = judged_ids(queries);
    FileBaseline baseline(folders, engine.ids_by_file(judged));
    const auto groups = evaluate(queries, engine, baseline, engine.present(judged),
                                 per_query ? &std::cout : nullptr);
    fmt::print("\nPublications ({}):\n\n", fs::path(judgements).filename().string());
    print_table(groups);
}

}  // namespace
}  // namespace kamerzoek::relevance

int main(int argc, char** argv) {
    using namespace kamerzoek::relevance;
    CLI::App app{"Ranking quality of kamerzoek against plain Xapian on the judged queries"};
    std::string judgements = std::string(KAMERZOEK_SOURCE_DIR) + "/tests/relevance/judgements.tsv";
    std::vector<std::string> paths;
    bool with_sweep = false;
    bool with_translation_sweep = false;
    bool per_query = false;
    std::vector<std::string> publications;
    std::string publications_judgements =
        std::string(KAMERZOEK_SOURCE_DIR) + "/tests/relevance/publications.tsv";
    app.add_option("--judgements", judgements, "judged queries")->check(CLI::ExistingFile);
    app.add_option("paths", paths, "files and directories to index");
    app.add_option("--publications", publications,
                   "folders of real publications: also print the table of their judged queries "
                   "(give other paths before this option)");
    app.add_option("--publications-judgements", publications_judgements,
                   "judged queries over those folders")
        ->check(CLI::ExistingFile);
    app.add_flag("--sweep", with_sweep, "also measure a grid of ranking parameters");
    app.add_flag("--sweep-translation", with_translation_sweep,
                 "also measure a grid of the weights of translated words");
    app.add_flag("--per-query", per_query, "print each query's nDCG@10 (ours, baseline) first");
    CLI11_PARSE(app, argc, argv);

    const fs::path index_dir =
        fs::temp_directory_path() / ("kamerzoek-relevance-" + std::to_string(::getpid()));
    if (paths.empty() && publications.empty()) {
        std::cerr << "relevance_bench: give paths to index, --publications folders, or both\n";
        return 2;
    }
    try {
        if (!publications.empty()) {
            print_publications_table(publications, publications_judgements, per_query);
            if (paths.empty()) return 0;
            fmt::print("\nJudged queries ({}):\n\n", fs::path(judgements).filename().string());
        }
        const std::vector<std::string> files = files_under(paths);
        const std::vector<JudgedQuery> queries = load_judgements(judgements);
        Engine engine(index_dir, files);
        Baseline baseline(files);
        const std::vector<std::string> ids = document_ids(files);
        print_table(evaluate(queries, engine, baseline, ids, per_query ? &std::cout : nullptr));
        if (with_sweep) sweep(index_dir, queries, baseline, ids);
        if (with_translation_sweep) sweep_translation(index_dir, queries, baseline, ids);
    } catch (const std::exception& e) {
        std::cerr << "relevance_bench: " << e.what() << "\n";
        fs::remove_all(index_dir);
        return 2;
    }
    fs::remove_all(index_dir);
    return 0;
}
