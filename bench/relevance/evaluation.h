// Measuring ranking quality on the judged queries of tests/relevance: this
// engine against plain Xapian with default settings, on the same passages.
// Header-only so that the benchmark program and the corpus test share it.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus/reader.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::relevance {

namespace fs = std::filesystem;

constexpr std::size_t kDepth = 10;  // cut-off of nDCG and recall

/// A passage that answers a query: any passage of `doc_id` that contains
/// `passage_text` (all passages of the document when it is empty). Judged by
/// text, not ordinal, so judgements survive changes in passage splitting.
struct Judgement {
    std::string doc_id;
    std::string passage_text;
};

struct JudgedQuery {
    std::string id;        // "<kind>-<number>": nl, en, cross, compound, diacritics, known
    std::string language;  // of the query: nl or en
    std::string text;
    std::vector<Judgement> relevant;
};

struct RankedPassage {
    std::string doc_id;
    std::string text;
};

struct Scores {
    double reciprocal_rank = 0;
    double ndcg = 0;
    double recall = 0;
};

inline std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, '\t');) fields.push_back(field);
    return fields;
}

/// The kind of a query, from its id ("compound-03" -> "compound").
inline std::string kind_of(const JudgedQuery& query) {
    return query.id.substr(0, query.id.rfind('-'));
}

/// Reads judgements: "query<TAB>id<TAB>language<TAB>text" starts a query,
/// "rel<TAB>doc id<TAB>passage text" judges a passage for the last one.
inline std::vector<JudgedQuery> load_judgements(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<JudgedQuery> queries;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string> fields = split_tabs(line);
        if (fields.size() == 4 && fields[0] == "query") {
            queries.push_back({fields[1], fields[2], fields[3], {}});
        } else if (fields.size() >= 2 && fields[0] == "rel" && !queries.empty()) {
            queries.back().relevant.push_back({fields[1], fields.size() > 2 ? fields[2] : ""});
        } else {
            throw std::runtime_error(path.string() + ":" + std::to_string(line_number) +
                                     ": expected a query or rel line");
        }
    }
    return queries;
}

inline bool answers(const Judgement& judgement, const RankedPassage& passage) {
    return passage.doc_id == judgement.doc_id &&
           passage.text.find(judgement.passage_text) != std::string::npos;
}

/// Binary relevance; each judgement counts once, for the first passage that
/// satisfies it.
inline Scores score(const JudgedQuery& query, const std::vector<RankedPassage>& ranking) {
    Scores scores;
    std::vector<bool> satisfied(query.relevant.size(), false);
    double dcg = 0;
    std::size_t found = 0;
    for (std::size_t rank = 0; rank < std::min(ranking.size(), kDepth); ++rank) {
        for (std::size_t j = 0; j < query.relevant.size(); ++j) {
            if (satisfied[j] || !answers(query.relevant[j], ranking[rank])) continue;
            satisfied[j] = true;
            ++found;
            dcg += 1.0 / std::log2(static_cast<double>(rank) + 2);
            if (scores.reciprocal_rank == 0) scores.reciprocal_rank = 1.0 / (rank + 1.0);
            break;
        }
    }
    double ideal = 0;
    for (std::size_t rank = 0; rank < std::min(query.relevant.size(), kDepth); ++rank) {
        ideal += 1.0 / std::log2(static_cast<double>(rank) + 2);
    }
    scores.ndcg = ideal > 0 ? dcg / ideal : 0;
    scores.recall = query.relevant.empty()
                        ? 0
                        : static_cast<double>(found) / static_cast<double>(query.relevant.size());
    return scores;
}

/// The files an index run over `paths` reads, in the order it reads them.
inline std::vector<std::string> files_under(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        if (fs::is_regular_file(path)) {
            files.push_back(path);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(path)) {
            if (entry.is_regular_file() && !corpus::is_companion_or_hidden(entry.path().string())) {
                files.push_back(entry.path().string());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// Plain Xapian as a user would set it up by hand: Dutch stemming, the
/// default QueryParser and BM25, passages stored as "id\ntext". The part the
/// two baselines below share.
class PlainXapian {
  public:
    PlainXapian() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        generator_.set_stemmer(Xapian::Stem("dutch"));
    }

    std::vector<RankedPassage> search(const std::string& text) {
        Xapian::Query query;
        try {
            query = parser().parse_query(text);
        } catch (const Xapian::QueryParserError&) {
            return {};
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        std::vector<RankedPassage> out;
        const Xapian::MSet mset = enquire.get_mset(0, kDepth);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const std::string data = it.get_document().get_data();
            const std::size_t newline = data.find('\n');
            out.push_back({data.substr(0, newline), data.substr(newline + 1)});
        }
        return out;
    }

  protected:
    /// The documents a reader makes of `path`; none when it cannot be read
    /// (the engine and a generic engine skip it alike).
    static std::vector<corpus::Document> read(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        try {
            return corpus::read_file({path, std::move(bytes)});
        } catch (const std::exception&) {
            return {};
        }
    }

    Xapian::Document passage_document(const std::string& id, const std::string& text) {
        Xapian::Document xdoc;
        generator_.set_document(xdoc);
        generator_.index_text(text);
        xdoc.set_data(id + "\n" + text);
        return xdoc;
    }

    Xapian::WritableDatabase db_;

  private:
    Xapian::QueryParser& parser() {
        if (!parser_ready_) {
            parser_.set_database(db_);
            parser_.set_stemmer(Xapian::Stem("dutch"));
            parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            parser_ready_ = true;
        }
        return parser_;
    }

    Xapian::TermGenerator generator_;
    Xapian::QueryParser parser_;
    bool parser_ready_ = false;
};

/// Plain Xapian as documented: one TermGenerator with a Dutch stemmer, no
/// folding, compounds, synonyms or stopwords, the default QueryParser and
/// BM25 with default parameters. Same passages as the engine.
class Baseline : public PlainXapian {
  public:
    explicit Baseline(const std::vector<std::string>& files) {
        for (const std::string& path : files) {
            for (const corpus::Document& document : read(path)) add(document);
        }
    }

  private:
    void add(const corpus::Document& document) {
        for (const corpus::Passage& passage : document.passages) {
            Xapian::Document xdoc = passage_document(document.id, passage.text);
            // Same replacement rule as the engine: a later document with the
            // same id replaces the earlier one's passages.
            const std::string id = "Q" + document.id + "#" + std::to_string(passage.ordinal);
            xdoc.add_boolean_term(id);
            db_.replace_document(id, xdoc);
        }
    }
};

/// This engine with its default settings except the per-document cap, which
/// is off so that both sides rank the same passages.
class Engine {
  public:
    Engine(const fs::path& index_dir, const std::vector<std::string>& files) {
        fs::remove_all(index_dir);
        {
            Indexer indexer(index_dir.string());
            indexer.add_paths(files);
            indexer.commit();
        }
        searcher_ = std::make_unique<Searcher>(index_dir.string());
    }

    std::vector<RankedPassage> search(const std::string& text) {
        SearchOptions options;
        options.limit = kDepth;
        options.per_document = 0;
        std::vector<RankedPassage> out;
        try {
            for (const Hit& hit : searcher_->search(text, options).hits) {
                out.push_back({hit.doc_id, hit.text});
            }
        } catch (const QueryError&) {
        }
        return out;
    }

  private:
    std::unique_ptr<Searcher> searcher_;
};

struct GroupScores {
    std::size_t queries = 0;
    Scores engine;
    Scores baseline;
};

inline void add_to(Scores& total, const Scores& one) {
    total.reciprocal_rank += one.reciprocal_rank;
    total.ndcg += one.ndcg;
    total.recall += one.recall;
}

inline Scores mean(const Scores& total, std::size_t n) {
    const double d = n > 0 ? static_cast<double>(n) : 1;
    return {total.reciprocal_rank / d, total.ndcg / d, total.recall / d};
}

/// Only queries some of whose judged documents were indexed count.
inline bool judged_in(const JudgedQuery& query, const std::vector<std::string>& doc_ids) {
    return std::any_of(query.relevant.begin(), query.relevant.end(), [&](const Judgement& j) {
        return std::find(doc_ids.begin(), doc_ids.end(), j.doc_id) != doc_ids.end();
    });
}

/// Ids of the documents `files` hold, as the readers assign them.
inline std::vector<std::string> document_ids(const std::vector<std::string>& files) {
    std::vector<std::string> ids;
    for (const std::string& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        try {
            for (const corpus::Document& document : corpus::read_file({path, std::move(bytes)})) {
                ids.push_back(document.id);
            }
        } catch (const std::exception&) {
        }
    }
    return ids;
}

/// Mean scores of both engines over `queries`, per group: each kind of
/// query, each query language ("lang:nl"), and "all".
template <typename EngineT, typename BaselineT>
std::map<std::string, GroupScores> evaluate(const std::vector<JudgedQuery>& queries,
                                            EngineT& engine, BaselineT& baseline,
                                            const std::vector<std::string>& doc_ids,
                                            std::ostream* per_query = nullptr) {
    std::map<std::string, GroupScores> groups;
    for (const JudgedQuery& query : queries) {
        if (!judged_in(query, doc_ids)) continue;
        const Scores ours = score(query, engine.search(query.text));
        const Scores theirs = score(query, baseline.search(query.text));
        if (per_query) {
            *per_query << query.id << "\t" << ours.ndcg << "\t" << theirs.ndcg << "\t" << query.text
                       << "\n";
        }
        for (const std::string& group :
             {"lang:" + query.language, kind_of(query), std::string("all")}) {
            GroupScores& g = groups[group];
            ++g.queries;
            add_to(g.engine, ours);
            add_to(g.baseline, theirs);
        }
    }
    for (auto& [name, g] : groups) {
        g.engine = mean(g.engine, g.queries);
        g.baseline = mean(g.baseline, g.queries);
    }
    return groups;
}

// Judged queries over real publications (tests/relevance/publications.tsv):
// folders as the official repository and the ministries publish them, where
// one publication is several files (renditions, metadata, annexes). Both
// sides get the folders, not a list of files, so the engine groups them as
// `kamerzoek index` does; the baseline reads every file on its own.

/// The real path of every rendition of each document in `doc_ids` (its
/// source and its alternates) -> that document's id. Ids the index does not
/// hold are left out.
inline std::map<std::string, std::string> ids_by_file(Searcher& searcher,
                                                      const std::vector<std::string>& doc_ids) {
    std::map<std::string, std::string> ids;
    for (const std::string& doc_id : doc_ids) {
        DocumentView document;
        try {
            document = searcher.show(doc_id);
        } catch (const NotFound&) {
            continue;
        }
        ids[fs::weakly_canonical(document.source).string()] = document.doc_id;
        for (const std::string& path : document.alternates) {
            ids[fs::weakly_canonical(path).string()] = document.doc_id;
        }
    }
    return ids;
}

/// Every document id the judgements name, once each, in order.
inline std::vector<std::string> judged_ids(const std::vector<JudgedQuery>& queries) {
    std::vector<std::string> ids;
    for (const JudgedQuery& query : queries) {
        for (const Judgement& judgement : query.relevant) {
            if (std::find(ids.begin(), ids.end(), judgement.doc_id) == ids.end()) {
                ids.push_back(judgement.doc_id);
            }
        }
    }
    return ids;
}

/// The engine on whole folders through its public API: the Indexer walks
/// and groups them into publications, the Searcher ranks with its defaults
/// except the per-document cap, off as in Engine.
class PublicationEngine {
  public:
    PublicationEngine(const fs::path& index_dir, const std::vector<std::string>& paths) {
        fs::remove_all(index_dir);
        {
            Indexer indexer(index_dir.string());
            indexer.add_paths(paths);
            indexer.commit();
        }
        searcher_ = std::make_unique<Searcher>(index_dir.string());
    }

    std::vector<RankedPassage> search(const std::string& text) {
        SearchOptions options;
        options.limit = kDepth;
        options.per_document = 0;
        std::vector<RankedPassage> out;
        try {
            for (const Hit& hit : searcher_->search(text, options).hits) {
                out.push_back({hit.doc_id, hit.text});
            }
        } catch (const QueryError&) {
        }
        return out;
    }

    /// Those of `doc_ids` that the index holds.
    std::vector<std::string> present(const std::vector<std::string>& doc_ids) {
        std::vector<std::string> found;
        for (const auto& [path, id] : ids_by_file(doc_ids)) {
            if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
        }
        return found;
    }

    std::map<std::string, std::string> ids_by_file(const std::vector<std::string>& doc_ids) {
        return relevance::ids_by_file(*searcher_, doc_ids);
    }

  private:
    std::unique_ptr<Searcher> searcher_;
};

/// Plain Xapian, configured as Baseline, over every file read on its own as
/// a generic engine would: each rendition of a publication is a document of
/// its own, annexes know nothing of their report, metadata files are left
/// out. A passage counts for the engine's document when its file is one of
/// that document's renditions (`ids_by_file`), else under the reader's id.
class FileBaseline : public PlainXapian {
  public:
    FileBaseline(const std::vector<std::string>& paths,
                 const std::map<std::string, std::string>& ids_by_file) {
        for (const std::string& path : files_under(paths)) {
            const auto known = ids_by_file.find(fs::weakly_canonical(path).string());
            add_file(path, known == ids_by_file.end() ? "" : known->second);
        }
    }

  private:
    // `doc_id` is the engine's id for the file's publication, or empty.
    void add_file(const std::string& path, const std::string& doc_id) {
        for (const corpus::Document& document : read(path)) {
            const std::string id = doc_id.empty() ? document.id : doc_id;
            for (const corpus::Passage& passage : document.passages) {
                db_.add_document(passage_document(id, passage.text));
            }
        }
    }
};

}  // namespace kamerzoek::relevance
