// A plain single-threaded Xapian indexer, the baseline kamerzoek's indexing
// speed is compared with: one document per file, Xapian's TermGenerator with
// the Dutch stemmer (positions and stems, as QueryParser STEM_SOME expects),
// the file's folder as boolean term P/<folder>, its path as document data.
//
//   plain_indexer DB DIR
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DB DIR\n", argv[0]);
        return 2;
    }
    const fs::path root = argv[2];
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("dutch"));
    std::uintmax_t bytes = 0;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const std::string content = text.str();
        bytes += content.size();
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(content);
        const std::string relative = fs::relative(file, root).string();
        document.add_boolean_term("P/" + relative.substr(0, relative.find('/')));
        document.add_boolean_term("Q" + relative);
        document.set_data(relative);
        db.replace_document("Q" + relative, document);
    }
    db.commit();
    std::fprintf(stderr, "plain_indexer: %zu files, %.1f MB\n", files.size(), bytes / 1e6);
}
