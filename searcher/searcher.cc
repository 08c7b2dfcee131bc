// The public Searcher: query text in, ranked passages out.
#include "kamerzoek/searcher.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "corpus/references.h"
#include "indexer/index_layout.h"
#include "indexer/index_schema.h"
#include "kamerzoek/error.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"
#include "searcher/query_limits.h"
#include "searcher/ranking.h"
#include "searcher/searcher_impl.h"
#include "searcher/shard_query.h"
#include "searcher/snippet.h"
#include "searcher/stored_document.h"

namespace kamerzoek {
namespace {

constexpr std::size_t kMaxLimit = 1000;
// Xapian keeps offset + limit candidates while it matches.
constexpr std::size_t kMaxOffset = 10000;

}  // namespace

Searcher::Impl::Impl(std::string index_dir)
    : dir(std::move(index_dir)),
      opened_layout(layout::fingerprint(dir)),
      db(combine(open_shards(dir))) {}

void Searcher::Impl::refresh() {
    constexpr int kAttempts = 3;
    for (int attempt = 1;; ++attempt) {
        const std::string current = layout::fingerprint(dir);
        try {
            if (current == opened_layout && !stale) {
                db.reopen();
            } else {
                db = combine(open_shards(dir));
                opened_layout = current;
                stale = false;
            }
            return;
        } catch (const Xapian::DatabaseOpeningError&) {
            // A full rebuild swapped our generation out and removed it
            // between looking and opening (here, or on a shard's server):
            // look again, and open afresh.
            if (attempt == kAttempts) throw;
            opened_layout.clear();
        } catch (const ShardUnreachable&) {
            throw;  // trying again at once would only wait again
        } catch (const IndexError&) {
            if (attempt == kAttempts) throw;
            opened_layout.clear();
        }
    }
}

Reference Searcher::Impl::reference_from(const StoredReference& ref) {
    Reference out;
    out.id = ref.id;
    out.type = ref.type;
    out.cited_as = ref.cited_as;
    if (const auto id = corpus::OfficialId::parse(out.id)) out.url = id->url();
    // Ids made from file names are lower case ("kst-34300-v-30"); citations are not.
    out.in_index = indexed_doc_id(out.id);
    return out;
}

std::vector<Reference> Searcher::Impl::references_from(const std::vector<StoredReference>& refs) {
    std::vector<Reference> references;
    references.reserve(refs.size());
    for (const StoredReference& ref : refs) references.push_back(reference_from(ref));
    return references;
}

Hit Searcher::Impl::hit_from(const Xapian::MSetIterator& it, const BuiltQuery& query) {
    PassageRecord data = stored_passage(it.get_document());
    Hit hit;
    hit.rank = static_cast<int>(it.get_rank()) + 1;
    hit.score = it.get_weight();
    hit.doc_id = std::move(data.doc_id);
    const StoredDocument stored = stored_document(db, hit.doc_id);
    hit.title = stored.title;
    hit.kind = stored.kind;
    hit.date = stored.date;
    hit.lang = std::move(data.lang);
    hit.section = std::move(data.section);
    hit.passage = data.ordinal;
    hit.text = std::move(data.text);
    hit.speaker = std::move(data.speaker);
    hit.party = std::move(data.party);
    hit.parent_id = stored.parent_id;
    hit.source = stored.source;
    hit.refs = references_from(data.refs);
    hit.snippet =
        make_snippet(hit.text, data.words, corpus::language_from_code(hit.lang), query, analyzer);
    return hit;
}

// The match, under the cost bounds of query_limits.h: a wildcard Xapian
// finds too broad, or a match past its time limit, is QueryTooExpensive.
Xapian::MSet Searcher::Impl::bounded_rank(const BuiltQuery& query, const SearchOptions& options,
                                          Xapian::ValueCountMatchSpy& documents) {
    if (options.offset > kMaxOffset) {
        throw QueryTooExpensive("query too expensive: offset " + std::to_string(options.offset) +
                                " is over " + std::to_string(kMaxOffset));
    }
    const MatchDeadline deadline(std::chrono::duration<double>(options.time_limit_seconds),
                                 options.cancelled);
    const bool bounded = (options.time_limit_seconds > 0 || options.cancelled) && !remote_match;
    const auto offset = static_cast<Xapian::doccount>(options.offset);
    const auto limit = static_cast<Xapian::doccount>(std::min(options.limit, kMaxLimit));
    try {
        try {
            return rank(db, query, default_ranking(), offset, limit, options.per_document,
                        bounded ? &deadline : nullptr, &documents);
        } catch (const Xapian::UnimplementedError&) {
            if (!bounded) throw;
            // Remote shards: their servers bound their own work (each
            // request has the remote timeout of index_opening.h).
            remote_match = true;
            return rank(db, query, default_ranking(), offset, limit, options.per_document, nullptr,
                        &documents);
        }
    } catch (const Xapian::WildcardError& e) {
        throw_wildcard_too_broad(e.get_msg(), default_query_limits());
    }
}

SearchResults Searcher::Impl::run(const std::string& text, const SearchOptions& options) {
    const RankingParameters& ranking = default_ranking();
    QueryBuilder builder(db, analyzer, Glossary::builtin(), ranking.query_weights);
    BuiltQuery query = builder.build(text, options.lang);
    if (db.size() > 1)  // see shard_query.h
        query.query = expand_wildcards(query.query, db, default_query_limits().max_wildcard_terms);
    Xapian::ValueCountMatchSpy documents(schema::kSlotDocId);
    const Xapian::MSet mset = bounded_rank(query, options, documents);
    SearchResults results;
    results.query = text;
    const MatchTotals totals = matching_totals(mset, documents, ranking);  // before the cap
    results.total = totals.passages;
    results.documents = totals.documents;
    for (auto it = mset.begin(); it != mset.end(); ++it)
        results.hits.push_back(hit_from(it, query));
    results.suggestion = spelling_suggestion(db, analyzer, Glossary::builtin(), text, query);
    return results;
}

Searcher::Searcher(const std::string& index_dir) : impl_(std::make_unique<Impl>(index_dir)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const std::string& query, const SearchOptions& options) {
    return impl_->with_latest_state([&] { return impl_->run(query, options); });
}

std::size_t Searcher::passage_count() const {
    try {
        return impl_->db.get_doccount();
    } catch (const Xapian::Error& e) {  // only a remote shard can fail here
        throw IndexError("cannot read index " + impl_->dir + ": " + e.get_description());
    }
}

}  // namespace kamerzoek
