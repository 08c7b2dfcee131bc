// Searches an index with the installed library: search DIR QUERY...
#include <kamerzoek/kamerzoek.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: " << argv[0] << " INDEX_DIR QUERY...\n";
        return 2;
    }
    std::string query;
    for (int i = 2; i < argc; ++i) query += (i > 2 ? " " : "") + std::string(argv[i]);
    try {
        kamerzoek::Searcher searcher(argv[1]);
        const kamerzoek::SearchResults results = searcher.search(query, {.limit = 3});
        std::cout << "kamerzoek " << KAMERZOEK_VERSION_STRING << ": " << results.total
                  << " passages\n";
        for (const kamerzoek::Hit& hit : results.hits) {
            std::cout << hit.rank << ". " << hit.doc_id << " | " << hit.title << '\n';
        }
        return results.hits.empty() ? 1 : 0;
    } catch (const kamerzoek::Error& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
}
