// Looking documents up rather than searching them: Searcher::show (one
// document with its annexes, citations and the documents citing it) and
// Searcher::cites (every passage citing a paper or dossier).
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "corpus/references.h"
#include "indexer/index_schema.h"
#include "kamerzoek/error.h"
#include "kamerzoek/searcher.h"
#include "searcher/id_query.h"
#include "searcher/searcher_impl.h"
#include "searcher/stored_document.h"

namespace kamerzoek {
namespace {

constexpr std::size_t kMaxCitesLimit = 10000;

// The dossier of a Kamerstuk id ("kst-34300-V-30" or "kst-34300-v-30" ->
// "34300-V").
std::optional<std::string> dossier_of_paper(const std::string& doc_id) {
    const auto id = corpus::OfficialId::parse(doc_id);
    if (!id || id->kind() != corpus::OfficialIdKind::kKamerstuk) return std::nullopt;
    return id->dossier();
}

// The language most of the document's text is in.
std::string main_language(const std::vector<DocumentPassage>& passages) {
    std::map<std::string, std::size_t> bytes;
    for (const DocumentPassage& passage : passages) bytes[passage.lang] += passage.text.size();
    std::string best = "und";
    std::size_t most = 0;
    for (const auto& [lang, count] : bytes) {
        if (count > most && lang != "und") best = lang, most = count;
    }
    return best;
}

// Distinct ids in order of first citation; the first citation's text stays.
std::vector<Reference> distinct_references(const std::vector<DocumentPassage>& passages) {
    std::vector<Reference> distinct;
    std::set<std::string> seen;
    for (const DocumentPassage& passage : passages) {
        for (const Reference& ref : passage.refs) {
            if (seen.insert(ref.id).second) distinct.push_back(ref);
        }
    }
    return distinct;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The canonical ids `ref` stands for: a citation in any form, a canonical
// id or a dossier, its letters typed in either case ("34300-v").
std::vector<corpus::Reference> parse_wanted(const std::string& ref) {
    std::vector<corpus::Reference> parsed = corpus::parse_citation(ref);
    if (parsed.empty()) {
        if (const auto id = corpus::OfficialId::parse(ref)) {
            parsed.push_back(corpus::Reference{id->str(), id->kind(), ref, 0, ref.size()});
        }
    }
    return parsed;
}

}  // namespace

/// The doc id as indexed for `doc_id`, or "" when no document has it.
std::string Searcher::Impl::indexed_doc_id(const std::string& doc_id) {
    if (doc_id.empty()) return {};
    const std::vector<std::string> ids = values_ignoring_case(db, schema::kDocId, doc_id);
    return ids.empty() ? std::string() : ids.front();
}

DocumentPassage Searcher::Impl::document_passage(PassageRecord record) {
    DocumentPassage passage;
    passage.ordinal = record.ordinal;
    passage.section = std::move(record.section);
    passage.text = std::move(record.text);
    passage.lang = std::move(record.lang);
    passage.speaker = std::move(record.speaker);
    passage.party = std::move(record.party);
    passage.label = std::move(record.label);
    passage.footnote = record.footnote;
    passage.refs = references_from(record.refs);
    return passage;
}

std::vector<std::string> Searcher::Impl::annexes_of(const std::string& doc_id) {
    // Files are indexed in the order of their paths, so the first docid of
    // each annex lists them as their folder does (Bijlage A to K), whatever
    // id an annex is known by (Bijlage D by its printed Kamerstuk id).
    std::map<Xapian::docid, std::string> by_first_docid;
    std::set<std::string> seen;
    for (const std::string& parent : values_ignoring_case(db, schema::kParentId, doc_id)) {
        const std::string term = schema::term(schema::kParentId, parent);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            std::string annex = db.get_document(*it).get_value(schema::kSlotDocId);
            if (annex != doc_id && seen.insert(annex).second) by_first_docid.emplace(*it, annex);
        }
    }
    std::vector<std::string> ordered;
    for (auto& [docid, annex] : by_first_docid) ordered.push_back(std::move(annex));
    return ordered;
}

std::vector<CitingDocument> Searcher::Impl::documents_citing(const std::string& doc_id) {
    std::map<std::string, CitingDocument> by_id;
    for (const std::string& cited : values_ignoring_case(db, schema::kReference, doc_id)) {
        const std::string term = schema::term(schema::kReference, cited);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            const PassageRecord data = stored_passage(db.get_document(*it));
            const std::string& citing_id = data.doc_id;
            if (citing_id == doc_id) continue;  // a document naming its own id
            CitingDocument& citing = by_id[citing_id];
            if (citing.doc_id.empty()) {
                const StoredDocument stored = stored_document(db, citing_id);
                citing.title = stored.title;
                citing.kind = stored.kind;
                citing.date = stored.date;
                citing.doc_id = citing_id;
            }
            add_unique(citing.cited_ids, cited);
            citing.passages.push_back(data.ordinal);
        }
    }
    std::vector<CitingDocument> citing;
    for (auto& [id, document] : by_id) {
        std::sort(document.passages.begin(), document.passages.end());
        document.passages.erase(std::unique(document.passages.begin(), document.passages.end()),
                                document.passages.end());
        citing.push_back(std::move(document));
    }
    // Newest first; the map already ordered equal dates by doc id.
    std::stable_sort(citing.begin(), citing.end(),
                     [](const auto& a, const auto& b) { return a.date > b.date; });
    return citing;
}

DocumentView Searcher::Impl::show(const std::string& requested_id) {
    const std::string doc_id = indexed_doc_id(requested_id);
    if (doc_id.empty()) {
        throw NotFound("no document \"" + requested_id + "\" in the index at " + dir);
    }
    DocumentView view;
    view.doc_id = doc_id;
    const std::string term = schema::term(schema::kDocId, doc_id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        view.passages.push_back(document_passage(stored_passage(db.get_document(*it))));
    }
    std::sort(view.passages.begin(), view.passages.end(),
              [](const auto& a, const auto& b) { return a.ordinal < b.ordinal; });
    const StoredDocument stored = stored_document(db, doc_id);
    view.title = stored.title;
    view.kind = stored.kind;
    view.date = stored.date;
    view.source = stored.source;
    view.parent_id = stored.parent_id;
    view.dossier = stored.dossier.empty() ? dossier_of_paper(doc_id) : stored.dossier;
    view.published = stored.published;
    view.kenmerk = stored.kenmerk;
    view.authors = stored.authors;
    view.alternates = stored.alternates;
    view.lang = main_language(view.passages);
    view.annexes = annexes_of(doc_id);
    view.cites = distinct_references(view.passages);
    view.cited_by = documents_citing(doc_id);
    return view;
}

// The boolean query for everything `wanted` stands for: each id as cited in
// any case, and a dossier as any paper of it.
Xapian::Query Searcher::Impl::citing_query(const std::vector<corpus::Reference>& wanted) {
    std::vector<Xapian::Query> terms;
    for (const corpus::Reference& ref : wanted) {
        const bool dossier = ref.type == corpus::ReferenceType::kDossier;
        const std::string_view prefix = dossier ? schema::kDossier : schema::kReference;
        for (const std::string& value : values_ignoring_case(db, prefix, ref.id)) {
            terms.emplace_back(schema::term(prefix, value));
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Without free text there is nothing to weigh: newest documents first, each
// document's passages in reading order.
std::vector<Hit> Searcher::Impl::citing_passages_by_date(const Xapian::Query& filter,
                                                         const CitesOptions& options,
                                                         std::size_t& total) {
    Xapian::Enquire enquire(db);
    enquire.set_query(filter);
    // Newest first; equal dates in index order, which keeps each document's
    // passages in reading order. (A KeyMaker would order equal dates by doc
    // id too, but Xapian's remote backend cannot run one.)
    enquire.set_sort_by_value(schema::kSlotDate, true);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(
        static_cast<Xapian::doccount>(options.offset),
        static_cast<Xapian::doccount>(std::min(options.limit, kMaxCitesLimit)), db.get_doccount());
    total = mset.get_matches_estimated();
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(hit_from(it, BuiltQuery{}));
    return hits;
}

CitesResults Searcher::Impl::cites(const std::string& ref, const CitesOptions& options,
                                   Searcher& searcher) {
    CitesResults results;
    results.ref = ref;
    results.text = options.text;
    const std::vector<corpus::Reference> wanted = parse_wanted(ref);
    if (wanted.empty()) {
        throw NotFound("\"" + ref + "\" is not a citation, id or dossier kamerzoek recognises");
    }
    for (const corpus::Reference& parsed : wanted) {
        StoredReference wanted_ref;
        wanted_ref.id = parsed.id;
        wanted_ref.type = corpus::to_string(parsed.type);
        wanted_ref.cited_as = ref;
        results.looked_for.push_back(reference_from(wanted_ref));
    }
    const Xapian::Query filter = citing_query(wanted);
    std::vector<Hit> hits;
    if (filter.empty()) return results;
    if (options.text.empty()) {
        hits = citing_passages_by_date(filter, options, results.total);
    } else {
        hits = citing_passages_by_text(wanted, options, searcher, results.total);
    }
    results.documents = group_by_document(std::move(hits));
    return results;
}

// With free text, the search itself ranks: the text as the user wrote it,
// restricted by the same filters a user could type (ref:ID, dossier:ID).
std::vector<Hit> Searcher::Impl::citing_passages_by_text(
    const std::vector<corpus::Reference>& wanted, const CitesOptions& options, Searcher& searcher,
    std::size_t& total) {
    std::string query = "(" + options.text + ")";
    for (const corpus::Reference& ref : wanted) {
        const bool dossier = ref.type == corpus::ReferenceType::kDossier;
        const std::string_view prefix = dossier ? schema::kDossier : schema::kReference;
        for (const std::string& value : values_ignoring_case(db, prefix, ref.id)) {
            query += (dossier ? " dossier:" : " ref:") + value;
        }
    }
    SearchOptions search_options;
    search_options.limit = std::min(options.limit, kMaxCitesLimit);
    search_options.offset = options.offset;
    search_options.per_document = 0;
    SearchResults found = searcher.search(query, search_options);
    total = found.total;
    return std::move(found.hits);
}

// Groups keep the order in which their first passage came (rank or date);
// within a group, passages are in reading order.
std::vector<CitesGroup> Searcher::Impl::group_by_document(std::vector<Hit> hits) {
    std::vector<CitesGroup> groups;
    std::map<std::string, std::size_t> index_of;
    for (Hit& hit : hits) {
        for (Reference& ref : hit.refs) {
            if (ref.in_index.empty()) ref.in_index = indexed_doc_id(ref.id);
        }
        auto [it, added] = index_of.emplace(hit.doc_id, groups.size());
        if (added) groups.push_back({hit.doc_id, hit.title, hit.kind, hit.date, {}});
        groups[it->second].passages.push_back(std::move(hit));
    }
    for (CitesGroup& group : groups) {
        std::stable_sort(group.passages.begin(), group.passages.end(),
                         [](const Hit& a, const Hit& b) { return a.passage < b.passage; });
    }
    return groups;
}

DocumentView Searcher::show(const std::string& doc_id) {
    return impl_->with_latest_state([&] { return impl_->show(doc_id); });
}

CitesResults Searcher::cites(const std::string& ref, const CitesOptions& options) {
    return impl_->with_latest_state([&] { return impl_->cites(ref, options, *this); });
}

}  // namespace kamerzoek
