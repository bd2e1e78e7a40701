// ServerProcessTest: the real cadre-server process over HTTPS on loopback with a test CA — devices
// converge through it, and SIGKILLs at random moments while they push lose and duplicate nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <random>
#include <thread>

#include "ServerProcess.h"
#include "TestSupport.h"
#include "domain/Validation.h"
#include "http/SelfSignedCertificate.h"
#include "sync/SyncClient.h"
#include "sync/https/HttpsTransport.h"

namespace cadre::test {
namespace {

using replica::Replica;
using sync::SyncClient;

constexpr const char* kPassword = "process-test-password";

class ServerProcessTest : public ::testing::Test {
  protected:
    void SetUp() override {
        pki = server::makeTestPki(dir.file("pki"));
        std::string out;
        ASSERT_EQ(runServerCommand(
                      {"demo-data", "--data", dir.file("data"), "--password", kPassword}, "", &out),
                  0)
            << out;
        server = std::make_unique<ServerProcess>(dir.file("data"), pki.serverCert, pki.serverKey, 0,
                                                 dir.file("server.log"));
    }

    struct Device {
        Device(const std::string& path, const std::string& user, const std::string& url,
               const std::string& ca)
            : replica(path, options(user, nullptr)),
              transport(sync::HttpsOptions{url, ca, "", std::chrono::milliseconds(10000)}),
              client(replica, transport, clientOptions()) {}
        static SyncClient::Options clientOptions() {
            SyncClient::Options o;
            o.maxAttempts = 10;
            o.firstBackoff = std::chrono::milliseconds(50);
            o.maxBackoff = std::chrono::milliseconds(1000);
            return o;
        }
        Replica replica;
        sync::HttpsTransport transport;
        SyncClient client;
    };

    std::unique_ptr<Device> device(const std::string& user) {
        auto d = std::make_unique<Device>(dir.file(user + ".db"), user, server->url(), pki.caCert);
        d->client.login(user, kPassword, user + "'s laptop");
        return d;
    }

    static std::string missionOf(Replica& r) {
        replica::Statement st(r.database(), "SELECT id FROM mission WHERE deleted = 0 ORDER BY id");
        return st.step() ? st.text(0) : std::string();
    }

    TempDir dir;
    server::TestPki pki;
    std::unique_ptr<ServerProcess> server;
};

TEST_F(ServerProcessTest, ExpertsSyncThroughTheRealServerOverHttps) {
    auto amina = device("amina"), luc = device("luc"), hq = device("hq.reviewer");
    for (auto* d : {amina.get(), luc.get(), hq.get()})
        d->client.sync();
    const auto mission = missionOf(amina->replica);
    ASSERT_FALSE(mission.empty());
    const auto obs = amina->replica.insert(
        "observation", {{"mission_id", mission},
                        {"standard_id", standardId(amina->replica, 6)},
                        {"review_state", "draft"},
                        {"gaps", "AEO programme ignores e-commerce operators"}});
    EXPECT_EQ(amina->client.sync().pushed, 1u);
    luc->client.sync();
    hq->client.sync();
    EXPECT_EQ(luc->replica.get("observation", obs)->fields.at("gaps"),
              Value("AEO programme ignores e-commerce operators"));
    EXPECT_EQ(hq->replica.get("observation", obs)->fields.at("gaps"),
              Value("AEO programme ignores e-commerce operators"));
    EXPECT_EQ(amina->replica.stateHash(), luc->replica.stateHash());

    // A device that does not trust the server's CA refuses to talk to it.
    const auto stranger = server::makeTestPki(dir.file("other-pki"));
    Device untrusting(dir.file("untrusting.db"), "amina", server->url(), stranger.caCert);
    try {
        untrusting.client.login("amina", kPassword, "laptop");
        FAIL() << "signed in to a server whose certificate it should not trust";
    } catch (const sync::SyncError& e) {
        EXPECT_EQ(e.status(), 0) << e.what();
    }
}

TEST_F(ServerProcessTest, KilledAtRandomWhileDevicesPushNothingIsLostOrDuplicated) {
    std::vector<std::unique_ptr<Device>> devices;
    for (const char* user : {"amina", "luc", "hq.reviewer"})
        devices.push_back(device(user));
    for (auto& d : devices)
        d->client.sync();
    const auto mission = missionOf(devices[0]->replica);
    ASSERT_FALSE(mission.empty());

    constexpr int kKills = 4;
    std::atomic<int> kills{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        writers.emplace_back([&, i] {
            Device& d = *devices[i];
            std::mt19937 rng(static_cast<unsigned>(i) + 7);
            for (int round = 0; round < 12 || kills.load() < kKills;
                 ++round) {  // keep pushing through every crash
                d.replica.transaction([&] {
                    for (int w = 0; w < 5; ++w) {
                        const int standard = std::uniform_int_distribution<int>(1, 15)(rng);
                        const auto id = domain::naturalRecordId(
                            *domain::findTable("observation"),
                            {Value(mission), Value(standardId(d.replica, standard))});
                        const auto text = d.replica.author() + " round " + std::to_string(round) +
                                          "." + std::to_string(w);
                        if (d.replica.get("observation", id))
                            d.replica.update("observation", id, {{"gaps", text}});
                        else
                            d.replica.insert("observation",
                                             {{"mission_id", mission},
                                              {"standard_id", standardId(d.replica, standard)},
                                              {"review_state", "draft"},
                                              {"gaps", text}});
                    }
                });
                for (int attempt = 0;; ++attempt) {
                    try {
                        const auto r = d.client.sync();
                        if (!r.rejections.empty())
                            ++failures;
                        break;
                    } catch (const sync::SyncError&) {
                        if (attempt > 20) {
                            ++failures;
                            break;
                        }
                        std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    }
                }
            }
        });
    }
    std::mt19937 rng(42);
    std::thread killer([&] {
        for (int k = 0; k < kKills; ++k) {
            std::this_thread::sleep_for(
                std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 500)(rng)));
            server->stop(SIGKILL);
            ++kills;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            server->start();
        }
    });
    killer.join();
    for (auto& t : writers)
        t.join();
    EXPECT_EQ(failures.load(), 0);
    std::cout << "[ crash ] server killed " << kills.load() << " times while 3 devices pushed\n";
    for (int round = 0; round < 2; ++round)
        for (auto& d : devices)
            d->client.sync();
    server->stop(SIGTERM);

    Replica::Options hubOptions;
    hubOptions.role = Replica::Role::Hub;
    Replica hub(dir.file("data") + "/cadre.db", hubOptions);
    EXPECT_EQ(hub.database().integrityCheck(), "ok");
    for (auto& d : devices) {
        SCOPED_TRACE(d->replica.author());
        EXPECT_EQ(d->replica.pendingCount(), 0);
        EXPECT_EQ(hub.originSeq(d->replica.deviceId()),
                  d->replica.lastSeq());  // every change arrived
        replica::Statement logged(
            hub.database(),
            "SELECT count(*), count(DISTINCT origin_seq) FROM sync_log WHERE origin = ?1");
        logged.bind(1, d->replica.deviceId());
        ASSERT_TRUE(logged.step());
        EXPECT_EQ(logged.integer(0), d->replica.lastSeq());  // …once each
        EXPECT_EQ(logged.integer(1), d->replica.lastSeq());
        EXPECT_EQ(d->replica.database().integrityCheck(), "ok");
    }
    EXPECT_EQ(devices[0]->replica.stateHash(),
              devices[1]->replica.stateHash());                   // same mission scope
    EXPECT_EQ(devices[2]->replica.stateHash(), hub.stateHash());  // HQ holds everything
}

}  // namespace
}  // namespace cadre::test
