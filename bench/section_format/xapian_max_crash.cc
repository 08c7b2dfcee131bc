// A minimal reproducer of a Xapian 1.4 matcher crash (seen with 1.4.22 and
// still in the 1.4 branch's code): an OP_MAX whose last two subqueries run
// out in the same step erases both, keeps a dangling pointer to the first,
// and crashes (use after free) when the matcher next recalculates the
// maximum weight of a tree that still holds it. Two paths reach that:
//
//  1. pruning rewrites the root (an OR whose sides both weigh less than the
//     current minimum becomes an AND) and the new root runs out while it is
//     positioned; MultiMatch recalculates its maximum weight before it looks
//     at at_end();
//  2. with several databases, the merge moves on from a database whose tree
//     has run out and later recalculates the maximum weight of every tree.
//
// The Searcher avoids path 1 by making the root an AND that Xapian never
// rewrites (searcher/ranking.cc, with_fixed_root()); see docs/PERFORMANCE.md.
//
// A case that reads freed memory need not crash: run it under valgrind
// (valgrind -q --trace-children=yes) to see each case's invalid reads.
//
//   xapian_max_crash            runs each case in a child and reports how it ended
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

namespace {

// Documents of equal length, each term once, so that BM25's upper bound of
// a term is what a document holding it scores. Documents 1 and 2 hold a, b
// and e, 3 to 10 only e: once two documents are found, the minimum weight
// (a's weight plus e's) is above the bound of (a MAX b) and that of e, so
// the OR becomes an AND positioned after document 2, where a and b, the
// MAX's two subqueries, both run out.
Xapian::Database build(const std::string& path) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (Xapian::docid id = 1; id <= 100; ++id) {
        Xapian::Document doc;
        if (id <= 2) {
            doc.add_term("a");
            doc.add_term("b");
        } else {
            doc.add_term("x");
            doc.add_term("y");
        }
        doc.add_term(id <= 10 ? "e" : "z");
        db.add_document(doc);
    }
    db.commit();
    return db;
}

const Xapian::Query& max_or_e() {
    static const Xapian::Query query(
        Xapian::Query::OP_OR,
        Xapian::Query(Xapian::Query::OP_MAX, Xapian::Query("a"), Xapian::Query("b")),
        Xapian::Query("e"));
    return query;
}

// The Searcher's shape: an AND of the query (behind a scale of 1, so that
// Xapian does not merge it into the AND) and every document, unweighted.
Xapian::Query prunable(const Xapian::Query& query) {
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 1.0),
                         Xapian::Query::MatchAll);
}

Xapian::doccount top(const Xapian::Database& db, const Xapian::Query& query,
                     Xapian::doccount check_at_least) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    return enquire.get_mset(0, 1, check_at_least).size();
}

// Runs `search` in a child: a crash there is reported, not suffered.
void report(const char* name, const std::function<Xapian::doccount()>& search) {
    std::fflush(stdout);
    const pid_t child = fork();
    if (child == 0) {
        const Xapian::doccount hits = search();
        std::printf("%-52s ok, %u hit (pid %d)\n", name, hits, getpid());
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFSIGNALED(status)) std::printf("%-52s crashed (signal %d)\n", name, WTERMSIG(status));
}

}  // namespace

int main() {
    const std::string dir =
        std::filesystem::temp_directory_path() / ("xapian-max-crash-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::printf("Xapian %s\n", Xapian::version_string());
    {
        const Xapian::Database db = build(dir + "/one");
        report("(a MAX b) OR e, every match checked", [&] { return top(db, max_or_e(), 100); });
        report("(a MAX b) OR e, pruned", [&] { return top(db, max_or_e(), 0); });
        report("same, root an AND (the Searcher's shape)",
               [&] { return top(db, prunable(max_or_e()), 0); });
        Xapian::Database two = db;
        two.add_database(build(dir + "/two"));
        report("two databases, every match checked", [&] { return top(two, max_or_e(), 200); });
        const Xapian::Query max_and_e(
            Xapian::Query::OP_AND,
            Xapian::Query(Xapian::Query::OP_MAX, Xapian::Query("a"), Xapian::Query("b")),
            Xapian::Query("e"));
        report("two databases, (a MAX b) AND e, every match checked",
               [&] { return top(two, max_and_e, 200); });
        report("two databases, root an AND, pruned",
               [&] { return top(two, prunable(max_or_e()), 0); });
    }
    std::filesystem::remove_all(dir);
    return 0;
}
