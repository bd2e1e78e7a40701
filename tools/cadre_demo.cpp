// cadre_demo: plays an offline diagnostic mission on real replicas and shows how sync merges it.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "clock/HybridClock.h"
#include "domain/Uuid.h"
#include "replica/Replica.h"

namespace {

using cadre::Value;
using cadre::replica::Replica;

std::string standard(Replica& r, int number) {
    cadre::replica::Statement st(
        r.database(),
        "SELECT s.id FROM standard s JOIN catalogue_edition e ON e.id = s.edition_id "
        "WHERE e.year = 2018 AND s.number = ?1");
    st.bind(1, std::int64_t{number});
    if (!st.step())
        throw std::runtime_error("standard " + std::to_string(number) + " is missing");
    return st.text(0);
}

void sync(Replica& device, Replica& hub, std::int64_t& cursor) {
    const auto out = device.pending(0, 10000);
    if (!out.changes.empty()) {
        const auto report = hub.applyRemote(out.changes);
        device.acknowledge(out.changes.back().seq);
        std::cout << "  " << device.author() << " pushed " << report.applied << " change(s)\n";
    }
    const auto in = hub.changesSince(cursor, 10000);
    if (!in.changes.empty()) {
        const auto report = device.applyRemote(in.changes);
        std::cout << "  " << device.author() << " pulled " << report.applied << " change(s)\n";
    }
    cursor = in.nextCursor;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "cadre-data";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--data-dir" && i + 1 < argc) {
            dir = argv[++i];
        } else {
            std::cerr << "usage: cadre_demo [--data-dir DIR]\n";
            return 2;
        }
    }
    try {
        std::filesystem::create_directories(dir);
        for (const char* f : {"hq.db", "amina.db", "luc.db"})
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(std::filesystem::path(dir) / (std::string(f) + suffix));
        Replica::Options hubOptions;
        hubOptions.role = Replica::Role::Hub;
        hubOptions.author = "hq.reviewer";
        Replica hq((std::filesystem::path(dir) / "hq.db").string(), hubOptions);
        Replica::Options a;
        a.author = "amina.diallo";
        Replica amina((std::filesystem::path(dir) / "amina.db").string(), a);
        Replica::Options l;
        l.author = "luc.martin";
        Replica luc((std::filesystem::path(dir) / "luc.db").string(), l);
        std::int64_t aminaCursor = 0, lucCursor = 0;

        std::cout << "1. Amina prepares the diagnostic mission to Senegal and syncs.\n";
        const auto mission = amina.insert(
            "mission", {{"kind", "diagnostic"},
                        {"member_id", cadre::domain::namedUuid("member/SEN")},
                        {"edition_id", cadre::domain::namedUuid("catalogue_edition/2018")},
                        {"title", "Diagnostic FoS e-commerce, Dakar"},
                        {"status", "in_progress"},
                        {"review_state", "draft"},
                        {"starts_on", "2026-11-02"}});
        const auto obs = amina.insert("observation", {{"mission_id", mission},
                                                      {"standard_id", standard(amina, 1)},
                                                      {"review_state", "draft"}});
        sync(amina, hq, aminaCursor);
        sync(luc, hq, lucCursor);

        std::cout << "2. Both experts work offline on standard 1.\n";
        amina.update("observation", obs,
                     {{"gaps", "Pas de base légale pour les données préalables."}});
        luc.update("observation", obs, {{"maturity", 1}});
        amina.update("observation", obs, {{"recommendations", "Amender le code des douanes."}});
        luc.update("observation", obs,
                   {{"recommendations", "Adopt a regulation on advance data."}});

        std::cout << "3. They come back online.\n";
        sync(amina, hq, aminaCursor);
        sync(luc, hq, lucCursor);
        sync(amina, hq, aminaCursor);

        const auto rec = hq.get("observation", obs);
        std::cout << "4. Merged at headquarters: maturity "
                  << rec->fields.at("maturity").toDisplay() << ", gaps \""
                  << rec->fields.at("gaps").toDisplay() << "\", recommendations \""
                  << rec->fields.at("recommendations").toDisplay() << "\"\n";
        for (const auto& c : hq.conflicts())
            std::cout << "   conflict on " << c.table << "." << c.column << ": kept \""
                      << c.winner.value.toDisplay() << "\" (" << c.winner.author << "), lost \""
                      << c.loser.value.toDisplay() << "\" (" << c.loser.author << ", "
                      << cadre::clock::formatHlc(c.loser.version.hlc) << ")\n";

        std::cout << "5. HQ resolves the conflict; the resolution syncs to both devices.\n";
        hq.resolve("observation", obs, "recommendations",
                   Value("Amend the customs code and adopt a regulation on advance data."));
        sync(amina, hq, aminaCursor);
        sync(luc, hq, lucCursor);
        const bool same = amina.stateHash() == hq.stateHash() && luc.stateHash() == hq.stateHash();
        std::cout << "6. All replicas identical: " << (same ? "yes" : "NO") << " (state hash "
                  << hq.stateHash().substr(0, 16) << "…), open conflicts: " << hq.conflicts().size()
                  << "\n   Replicas are in " << std::filesystem::absolute(dir).string()
                  << " (open them with sqlite3).\n";
        return same ? EXIT_SUCCESS : EXIT_FAILURE;
    } catch (const std::exception& e) {
        std::cerr << "cadre_demo: " << e.what() << "\n";
        return EXIT_FAILURE;
    }
}
