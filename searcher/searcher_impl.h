// The state behind a Searcher, shared by the files that implement its
// operations (searcher.cc: search; others: document lookups).
#pragma once

#include <xapian.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "analysis/analyzer.h"
#include "corpus/references.h"
#include "indexer/passage_record.h"
#include "kamerzoek/error.h"
#include "kamerzoek/searcher.h"
#include "searcher/index_opening.h"
#include "searcher/query_builder.h"

namespace kamerzoek {

struct Searcher::Impl {
    std::string dir;            // what --db named: an index directory or a stub of shards
    std::string opened_layout;  // layout::fingerprint(dir) when `db` was opened
    bool stale = false;         // a remote shard dropped out: open afresh before reading again
    bool remote_match = false;  // a shard is remote: Xapian takes no match decider then
    Xapian::Database db;        // all shards as one
    Analyzer analyzer;

    explicit Impl(std::string index_dir);

    /// Moves `db` to the latest committed state of every shard; opens it
    /// afresh when a full rebuild has swapped in a new generation, a stub
    /// was edited, or a remote shard dropped out.
    void refresh();

    /// Runs `operation` on the latest state, again when a writer commits
    /// underneath it or a remote shard's connection broke (its server may
    /// have restarted); Xapian errors become IndexError.
    template <typename Operation>
    auto with_latest_state(Operation&& operation) -> decltype(operation()) {
        constexpr int kAttempts = 3;
        // A writer committing every few files can overtake a search several
        // times in a row; each retry waits a little longer for it to pass.
        constexpr int kModifiedAttempts = 8;
        int modified = 0;
        for (int attempt = 1;; ++attempt) {
            try {
                refresh();
                return operation();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (++modified == kModifiedAttempts)
                    throw IndexError("index " + dir + " keeps changing; try again");
                std::this_thread::sleep_for(std::chrono::milliseconds(1 << modified));
                --attempt;
            } catch (const Xapian::NetworkError& e) {
                // The connection is gone (its server restarted, or closed it
                // when idle): connect afresh and try again, unless a shard
                // kept us waiting, which trying again would only repeat.
                stale = true;
                if (attempt == kAttempts || waited_in_vain(e))
                    throw ShardUnreachable(remote_failure_message(dir, e));
            } catch (const Xapian::UnimplementedError& e) {
                throw IndexError("index " + dir + ": not possible with remote shards (" +
                                 e.get_msg() + ")");
            } catch (const Xapian::Error& e) {
                throw IndexError("cannot read index " + dir + ": " + e.get_description());
            }
        }
    }

    /// A reference as stored with a passage, with its URL and, when the
    /// cited document is indexed (under any case of its id), its doc id.
    Reference reference_from(const StoredReference& ref);
    /// The references stored with a passage (PassageRecord::refs).
    std::vector<Reference> references_from(const std::vector<StoredReference>& refs);
    Hit hit_from(const Xapian::MSetIterator& it, const BuiltQuery& query);
    Xapian::MSet bounded_rank(const BuiltQuery& query, const SearchOptions& options,
                              Xapian::ValueCountMatchSpy& documents);
    SearchResults run(const std::string& text, const SearchOptions& options);

    // Document lookups (document_lookup.cc).
    /// The doc id as indexed for `doc_id`, matched exactly, else ignoring
    /// case; "" when no document has it.
    std::string indexed_doc_id(const std::string& doc_id);
    DocumentPassage document_passage(PassageRecord record);
    std::vector<std::string> annexes_of(const std::string& doc_id);
    std::vector<CitingDocument> documents_citing(const std::string& doc_id);
    DocumentView show(const std::string& requested_id);
    Xapian::Query citing_query(const std::vector<corpus::Reference>& wanted);
    std::vector<Hit> citing_passages_by_date(const Xapian::Query& filter,
                                             const CitesOptions& options, std::size_t& total);
    std::vector<Hit> citing_passages_by_text(const std::vector<corpus::Reference>& wanted,
                                             const CitesOptions& options, Searcher& searcher,
                                             std::size_t& total);
    std::vector<CitesGroup> group_by_document(std::vector<Hit> hits);
    CitesResults cites(const std::string& ref, const CitesOptions& options, Searcher& searcher);
};

}  // namespace kamerzoek
