// TestReplicas: a hub and two device replicas in one process, with a mission and an observation,
// and the means to move changes between them — conflicts and reviews without a server.
#pragma once

#include <QTemporaryDir>
#include <map>
#include <memory>
#include <string>

#include "domain/Uuid.h"
#include "replica/Replica.h"

namespace cadre::test {

struct TestReplicas {
    QTemporaryDir dir;
    std::unique_ptr<replica::Replica> hub, a, b;
    std::string mission, observation;

    TestReplicas() {
        replica::Replica::Options hubOptions;
        hubOptions.role = replica::Replica::Role::Hub;
        hubOptions.author = "hq.reviewer";
        hub = std::make_unique<replica::Replica>(path("hub.db"), hubOptions);
        a = device("a.db", "amina");
        b = device("b.db", "luc");
        mission =
            hub->insert("mission", {{"kind", "diagnostic"},
                                    {"member_id", domain::namedUuid("member/SEN")},
                                    {"edition_id", domain::namedUuid("catalogue_edition/2018")},
                                    {"title", "Diagnostic — Sénégal"},
                                    {"status", "in_progress"},
                                    {"review_state", "draft"}});
        observation = hub->insert(
            "observation",
            {{"mission_id", mission}, {"standard_id", standardId(3)}, {"review_state", "draft"}});
        relay(*a);
        relay(*b);
    }

    std::string path(const char* name) const { return dir.filePath(name).toStdString(); }

    std::unique_ptr<replica::Replica> device(const char* file, const char* user) {
        replica::Replica::Options o;
        o.author = user;
        return std::make_unique<replica::Replica>(path(file), o);
    }

    std::string standardId(int number) {
        replica::Statement st(hub->database(),
                              "SELECT s.id FROM standard s JOIN catalogue_edition e ON "
                              "e.id = s.edition_id WHERE e.year = 2018 AND s.number = ?1");
        st.bind(1, std::int64_t{number});
        return st.step() ? st.text(0) : std::string();
    }

    /// The device's outbox to the hub, acknowledged (a push).
    void push(replica::Replica& device) {
        auto page = device.pending(0, 100000);
        if (page.changes.empty())
            return;
        const auto last = page.changes.back().seq;
        hub->applyRemote(std::move(page.changes), replica::Replica::Delivery::Direct);
        device.acknowledge(last);
    }

    /// What the hub holds that the device has not pulled yet (a pull: each change once).
    void relay(replica::Replica& device) {
        auto page = hub->changesSince(cursors[&device], 100000);
        cursors[&device] = page.nextCursor;
        device.applyRemote(std::move(page.changes), replica::Replica::Delivery::Relayed);
    }
    std::map<replica::Replica*, std::int64_t> cursors;

    /// Both devices edit the same field offline, then sync: `a` ends with a conflict.
    void makeConflict(const char* column = "current_state") {
        a->update("observation", observation, {{column, "Pilot at the airport"}});
        b->update("observation", observation, {{column, "Nothing at the border yet"}});
        push(*a);
        push(*b);
        relay(*a);
        relay(*b);
    }
};

}  // namespace cadre::test
