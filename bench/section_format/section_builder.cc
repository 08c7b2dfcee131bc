#include "bench/section_format/section_builder.h"

#include <xapian.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "bench/section_format/section_store.h"
#include "corpus/official_id.h"
#include "corpus/publication.h"
#include "indexer/file_walk.h"
#include "indexer/index_schema.h"
#include "indexer/passage_document.h"

namespace kamerzoek::sections {
namespace fs = std::filesystem;
using corpus::Language;

namespace {

// Positions left empty between passages, so that a phrase or NEAR never
// spans two of them.
constexpr Xapian::termpos kPassageGap = 100;

void add_boolean(Xapian::Document& xdoc, std::string_view prefix, std::string_view value) {
    if (value.empty()) return;
    const std::string term = schema::term(prefix, value);
    if (term.size() <= schema::kMaxTermLength) xdoc.add_boolean_term(term);
}

std::string dossier_of(const std::string& id) {
    const auto parsed = corpus::OfficialId::parse(id);
    return parsed ? parsed->dossier() : std::string();
}

// The document-wide fields of a hit, as today's format keeps them (value 5).
std::string document_fields(const corpus::Document& document) {
    nlohmann::json doc{{"kind", corpus::kind_name(document.kind)}};
    if (!document.title.empty()) doc["title"] = document.title;
    if (!document.date.empty()) doc["date"] = document.date;
    if (!document.parent_id.empty()) doc["parent_id"] = document.parent_id;
    if (!document.source_path.empty()) doc["source"] = document.source_path;
    if (!document.dossier.empty()) doc["dossier"] = document.dossier;
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The passages of a document, cut into the runs that become one Xapian
// document each: [first, last) index pairs.
std::vector<std::pair<std::size_t, std::size_t>> group(const corpus::Document& document,
                                                       const Grouping& grouping) {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    const auto& passages = document.passages;
    std::size_t first = 0;
    for (std::size_t i = 1; i <= passages.size(); ++i) {
        const bool end = i == passages.size() ||
                         (grouping.by_heading && passages[i].section != passages[first].section) ||
                         (grouping.max_passages > 0 && i - first >= grouping.max_passages);
        if (!end) continue;
        runs.emplace_back(first, i);
        first = i;
    }
    return runs;
}

// Writes one document's sections: the same terms as today's passages
// (folded words with positions, stems in the passage's language, compound
// parts, heading and title words), per section instead of per passage.
class SectionWriter {
  public:
    SectionWriter(Analyzer& analyzer, const BuildOptions& options)
        : analyzer_(analyzer), options_(options) {}

    void write(const corpus::Document& document, Xapian::WritableDatabase& db) {
        words_.clear();
        vocabulary_.clear();
        std::vector<std::vector<Analyzer::Token>> tokens;
        for (const corpus::Passage& passage : document.passages) {
            tokens.push_back(analyzer_.tokenize(passage.text));
            for (const Analyzer::Token& token : tokens.back()) vocabulary_.insert(token.folded);
        }
        title_terms_ = field_terms(schema::kTitleWord, document.title);
        for (const auto& [first, last] : group(document, options_.grouping)) {
            db.add_document(section_document(document, tokens, first, last));
            ++sections_;
        }
        passages_ += document.passages.size();
    }

    std::size_t sections() const { return sections_; }
    std::size_t passages() const { return passages_; }
    std::size_t words() const { return words_written_; }

  private:
    struct WordTerms {
        std::string dutch, english;
        std::vector<std::string> parts;
    };

    Xapian::Document section_document(const corpus::Document& document,
                                      const std::vector<std::vector<Analyzer::Token>>& tokens,
                                      std::size_t first, std::size_t last) {
        Xapian::Document xdoc;
        std::vector<StoredPassage> stored;
        std::vector<std::string> texts;
        Xapian::termpos position = 0;
        for (std::size_t i = first; i < last; ++i) {
            const corpus::Passage& passage = document.passages[i];
            StoredPassage record = stored_passage(passage, position + 1);
            // Its length as Xapian would count it as a document of its own.
            const Xapian::termcount length_before = wdf_added_;
            for (const Analyzer::Token& token : tokens[i])
                add_word(xdoc, token, passage, ++position);
            record.end = position;
            // Heading and title words at the passage's first position, so
            // that a passage-level score can tell which passage they go with.
            for (const std::string& term : field_terms(schema::kSectionWord, passage.section))
                add_field_word(xdoc, term, record.begin);
            if (i == 0) {
                for (const std::string& term : title_terms_)
                    add_field_word(xdoc, term, record.begin);
            }
            record.length = wdf_added_ - length_before;
            words_written_ += record.length;
            add_passage_filters(xdoc, passage);
            stored.push_back(std::move(record));
            texts.push_back(passage.text);
            position += kPassageGap;
        }
        add_document_filters(xdoc, document, document.passages[first].ordinal);
        if (first == 0) xdoc.add_value(schema::kSlotDocument, document_fields(document));
        xdoc.set_data(encode_section(document.id, stored, texts));
        return xdoc;
    }

    StoredPassage stored_passage(const corpus::Passage& passage, Xapian::termpos begin) {
        StoredPassage p;
        p.ordinal = passage.ordinal;
        p.lang = corpus::language_code(passage.language);
        p.begin = begin;
        p.end = begin - 1;
        p.section = passage.section;
        p.speaker = passage.speaker;
        p.party = passage.party;
        p.label = passage.label;
        p.footnote = passage.is_footnote;
        for (const corpus::Reference& ref : passage.references) p.refs.push_back(ref.id);
        for (const std::string& id : passage.linked_ids) p.refs.push_back(id);
        return p;
    }

    void add_word(Xapian::Document& xdoc, const Analyzer::Token& token,
                  const corpus::Passage& passage, Xapian::termpos position) {
        if (token.folded.size() + 1 > schema::kMaxTermLength) return;
        xdoc.add_posting(token.folded, position);
        ++wdf_added_;
        const WordTerms& terms = terms_of(token.folded, passage.language);
        if (passage.language != Language::kEnglish) {
            add_derived(xdoc, terms.dutch, position);
            for (const std::string& part : terms.parts) add_derived(xdoc, part, position);
        }
        if (passage.language != Language::kDutch) add_derived(xdoc, terms.english, position);
    }

    void add_field_word(Xapian::Document& xdoc, const std::string& term, Xapian::termpos position) {
        xdoc.add_posting(term, position);
        ++wdf_added_;
    }

    void add_derived(Xapian::Document& xdoc, const std::string& term, Xapian::termpos position) {
        ++wdf_added_;
        if (options_.stem_positions)
            xdoc.add_posting(term, position);
        else
            xdoc.add_term(term);
    }

    const WordTerms& terms_of(const std::string& folded, Language language) {
        WordTerms& terms = words_[folded];
        if (language != Language::kEnglish && terms.dutch.empty()) {
            terms.dutch = analyzer_.word_terms(folded, Language::kDutch).dutch_stem;
            terms.parts = analyzer_.compound_part_terms(folded, vocabulary_);
        }
        if (language != Language::kDutch && terms.english.empty())
            terms.english = analyzer_.word_terms(folded, Language::kEnglish).english_stem;
        return terms;
    }

    std::vector<std::string> field_terms(std::string_view prefix, const std::string& text) {
        std::vector<std::string> terms;
        for (const Analyzer::Token& token : analyzer_.tokenize(text)) {
            if (token.folded.size() + prefix.size() <= schema::kMaxTermLength)
                terms.push_back(schema::term(prefix, token.folded));
        }
        return terms;
    }

    // Filters that are per passage today become the union over the
    // section's passages; the searcher checks them again per passage.
    void add_passage_filters(Xapian::Document& xdoc, const corpus::Passage& passage) {
        add_boolean(xdoc, schema::kLanguage, corpus::language_code(passage.language));
        add_boolean(xdoc, schema::kSpeaker, name_term(analyzer_, passage.speaker));
        add_boolean(xdoc, schema::kParty, name_term(analyzer_, passage.party));
        for (const corpus::Reference& ref : passage.references) {
            add_boolean(xdoc, schema::kReference, ref.id);
            add_boolean(xdoc, schema::kDossier, dossier_of(ref.id));
        }
        for (const std::string& id : passage.linked_ids) {
            add_boolean(xdoc, schema::kReference, id);
            add_boolean(xdoc, schema::kDossier, dossier_of(id));
        }
    }

    void add_document_filters(Xapian::Document& xdoc, const corpus::Document& document,
                              int first_ordinal) {
        xdoc.add_boolean_term(passage_id_term(document.id, first_ordinal));
        add_boolean(xdoc, schema::kDocId, document.id);
        add_boolean(xdoc, schema::kParentId, document.parent_id);
        add_boolean(xdoc, schema::kKind, corpus::kind_name(document.kind));
        add_boolean(xdoc, schema::kYear,
                    document.date.substr(0, std::min<std::size_t>(4, document.date.size())));
        add_boolean(xdoc, schema::kDossier, document.dossier);
        xdoc.add_value(schema::kSlotDocId, document.id);
        xdoc.add_value(schema::kSlotDate, compact_date(document.date));
        xdoc.add_value(schema::kSlotKind, std::string(corpus::kind_name(document.kind)));
    }

    Analyzer& analyzer_;
    const BuildOptions& options_;
    std::unordered_map<std::string, WordTerms> words_;
    std::unordered_set<std::string> vocabulary_;
    std::vector<std::string> title_terms_;
    std::size_t sections_ = 0, passages_ = 0, words_written_ = 0;
    Xapian::termcount wdf_added_ = 0;  // wdf of all terms written so far
};

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct ShardResult {
    BuildReport report;
    std::size_t words = 0;
};

// One thread's share: publications [first, last) into the shard at `dir`.
ShardResult write_shard(const std::vector<corpus::Publication>& publications, std::size_t first,
                        std::size_t last, const fs::path& dir, const BuildOptions& options) {
    Analyzer analyzer;
    SectionWriter writer(analyzer, options);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    ShardResult result;
    for (std::size_t i = first; i < last; ++i) {
        const corpus::Publication& publication = publications[i];
        ++result.report.files;
        try {
            const std::string annex_of =
                publication.annex_of.empty() ? "" : corpus::id_from_path(publication.annex_of);
            const corpus::SourceFile source =
                corpus::source_file_of(publication, read_bytes(publication.path), annex_of);
            for (const corpus::Document& document : corpus::read_file(source)) {
                writer.write(document, db);
                ++result.report.documents;
                result.report.doc_ids.push_back(document.id);
            }
        } catch (const corpus::NotAPublication&) {
        } catch (const std::exception& e) {
            ++result.report.failed;
            std::cerr << "section_format: " << publication.path << ": " << e.what() << "\n";
        }
    }
    db.commit();
    result.report.passages = writer.passages();
    result.report.sections = writer.sections();
    result.words = writer.words();
    return result;
}

}  // namespace

Grouping Grouping::parse(const std::string& spec) {
    const std::size_t colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    Grouping grouping;
    if (kind != "heading" && kind != "run")
        throw std::runtime_error("grouping must be heading, heading:N or run:N, not " + spec);
    grouping.by_heading = kind == "heading";
    if (colon != std::string::npos)
        grouping.max_passages = std::stoul(spec.substr(colon + 1));
    else if (!grouping.by_heading)
        throw std::runtime_error("run:N needs N");
    return grouping;
}

std::string Grouping::name() const {
    return (by_heading ? "heading:" : "run:") + std::to_string(max_passages);
}

BuildReport build_section_index(const std::vector<std::string>& paths, const fs::path& out_dir,
                                const BuildOptions& options) {
    fs::remove_all(out_dir);
    fs::create_directories(out_dir);
    const WalkResult walk = walk_paths(paths, {{}, false, out_dir.string()});
    const corpus::PublicationSet set = corpus::group_publications(walk.files);
    const auto& publications = set.publications;
    const unsigned threads = std::max(1u, options.threads);
    std::vector<ShardResult> results(threads);
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        const std::size_t first = publications.size() * t / threads;
        const std::size_t last = publications.size() * (t + 1) / threads;
        workers.emplace_back([&, t, first, last] {
            results[t] = write_shard(publications, first, last,
                                     out_dir / ("shard-" + std::to_string(t)), options);
        });
    }
    for (std::thread& worker : workers) worker.join();
    Xapian::Database shards;
    BuildReport report;
    std::size_t words = 0;
    for (unsigned t = 0; t < threads; ++t) {
        shards.add_database(Xapian::Database((out_dir / ("shard-" + std::to_string(t))).string()));
        const BuildReport& part = results[t].report;
        report.files += part.files;
        report.documents += part.documents;
        report.passages += part.passages;
        report.sections += part.sections;
        report.failed += part.failed;
        report.doc_ids.insert(report.doc_ids.end(), part.doc_ids.begin(), part.doc_ids.end());
        words += results[t].words;
    }
    {
        // Recorded before the merge, which keeps the first shard's metadata.
        Xapian::WritableDatabase first((out_dir / "shard-0").string(), Xapian::DB_OPEN);
        first.set_metadata(kMetaPassages, std::to_string(report.passages));
        first.set_metadata(kMetaPassageLength, std::to_string(words));
        first.set_metadata(std::string(schema::kMetaAnalysis), Analyzer::signature());
        first.commit();
    }
    shards.reopen();
    shards.compact((out_dir / "index").string(),
                   Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS);
    for (unsigned t = 0; t < threads; ++t) fs::remove_all(out_dir / ("shard-" + std::to_string(t)));
    return report;
}

}  // namespace kamerzoek::sections
