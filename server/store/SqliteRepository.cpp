#include "store/SqliteRepository.h"

#include <exception>
#include <string>
#include <utility>

#include "store/ServerSchema.h"

namespace cadre::server {

namespace {

/// The reads every scope offers, over one Replica (the hub, or the reader for pulls).
template <class Scope>
class ReplicaReads : public Scope {
  public:
    explicit ReplicaReads(replica::Replica& replica) : replica_(replica) {}

    Reach reachOf(const User& user) override { return server::reachOf(replica_, user); }
    std::optional<replica::Record> get(const std::string& table, const std::string& id) override {
        return replica_.get(table, id);
    }
    std::int64_t originSeq(const std::string& origin) override {
        return replica_.originSeq(origin);
    }
    std::vector<replica::Conflict> conflicts() override { return replica_.conflicts(); }
    std::vector<std::string> attachmentsNaming(const std::string& sha256) override {
        replica::Statement st(replica_.database(), "SELECT id FROM attachment WHERE sha256 = ?1");
        st.bind(1, sha256);
        std::vector<std::string> ids;
        while (st.step())
            ids.push_back(st.text(0));
        return ids;
    }

  protected:
    replica::Replica& replica_;
};

class HubGroup final : public ReplicaReads<CentralRepository::Group> {
  public:
    HubGroup(replica::Replica& replica, CentralRepository::BatchIsolation isolation)
        : ReplicaReads(replica), isolation_(isolation) {}

    /// Whether a batch threw in a group without savepoints: the group must not commit.
    [[nodiscard]] bool aborted() const { return aborted_; }

    std::optional<std::string> receipt(const std::string& device, std::int64_t first,
                                       std::int64_t last) override {
        replica::Statement st(replica_.database(),
                              "SELECT response FROM push_receipt WHERE device_id = ?1 AND "
                              "first_seq = ?2 AND last_seq = ?3");
        st.bind(1, device).bind(2, first).bind(3, last);
        if (!st.step())
            return std::nullopt;
        return st.text(0);
    }
    void batch(const std::function<void()>& body) override {
        if (aborted_)
            throw CentralRepository::GroupAborted("an earlier batch of this group threw");
        if (isolation_ == CentralRepository::BatchIsolation::Savepoint) {
            replica_.savepoint(body);
            return;
        }
        try {
            body();
        } catch (const std::exception& e) {
            aborted_ = true;
            throw CentralRepository::GroupAborted(std::string("a batch threw: ") + e.what());
        } catch (...) {
            aborted_ = true;
            throw CentralRepository::GroupAborted("a batch threw");
        }
    }
    replica::ApplyReport applyPushed(const codec::PushedBatch& batch) override {
        return replica_.applyPushed(batch);
    }
    void saveReceipt(const std::string& device, std::int64_t first, std::int64_t last,
                     const std::string& response, std::int64_t receivedAtMs) override {
        replica::Statement save(replica_.database(),
                                "INSERT INTO push_receipt (device_id, first_seq, last_seq, "
                                "response, received_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        save.bind(1, device)
            .bind(2, first)
            .bind(3, last)
            .bind(4, response)
            .bind(5, receivedAtMs)
            .run();
    }

  private:
    const CentralRepository::BatchIsolation isolation_;
    bool aborted_ = false;
};

class ReplicaSnapshot final : public ReplicaReads<CentralRepository::Snapshot> {
  public:
    using ReplicaReads::ReplicaReads;

    replica::RawLogPage pullPage(const std::vector<replica::ScopeMark>& scopes,
                                 std::size_t limit) override {
        return replica_.rawChangesIn(scopes, limit);
    }
};

}  // namespace

SqliteRepository::SqliteRepository(const std::string& path, replica::Replica::Options options,
                                   bool separateReader) {
    options.role = replica::Replica::Role::Hub;
    hub_ = std::make_unique<replica::Replica>(path, options);
    // The push receipts live in the server schema (Accounts migrates it too: the second run finds
    // it up to date).
    migrateServerSchema(hub_->database());
    // A group with BatchIsolation::Savepoint applies each push under a savepoint, so that a refused
    // batch is undone alone; every page the batch changes that existed before it is first copied
    // to the savepoint's journal.
    // SQLite keeps that journal in memory only up to 64 KiB (a few dozen pages; a batch of 100
    // observations journals more), then in a temp file: perf of the server under 50 devices showed
    // those writes at 3.5 % of its CPU. With temp_store=MEMORY the journal stays in memory; it
    // never holds more than the pages one batch changes. Set after the migrations, which may
    // rewrite whole tables in one statement, so their journals can still go to disk.
    hub_->database().exec("PRAGMA temp_store=MEMORY");
    if (separateReader)
        reader_ = std::make_unique<replica::Replica>(path, options);
}

SqliteRepository::~SqliteRepository() = default;

void SqliteRepository::group(BatchIsolation isolation, const std::function<void(Group&)>& body) {
    std::lock_guard lock(hubMutex_);
    hub_->transaction([&] {
        HubGroup group(*hub_, isolation);
        body(group);
        // A batch threw half-way and `body` went on: the transaction holds part of that batch.
        // Replica::transaction rolls it back and reloads its view.
        if (group.aborted())
            throw GroupAborted("a batch of the group threw, and the group went on after it");
    });
}

void SqliteRepository::read(const std::function<void(Reads&)>& body) {
    std::lock_guard lock(hubMutex_);
    ReplicaReads<Reads> reads(*hub_);
    body(reads);
}

void SqliteRepository::snapshot(const std::function<void(Snapshot&)>& body) {
    std::lock_guard lock(reader_ ? readerMutex_ : hubMutex_);
    ReplicaSnapshot snapshot(reader_ ? *reader_ : *hub_);
    body(snapshot);
}

void SqliteRepository::resolve(const std::string& author, const std::string& table,
                               const std::string& row, const std::string& column,
                               const Value& value) {
    std::lock_guard lock(hubMutex_);
    const std::string previousAuthor = hub_->author();
    hub_->setAuthor(author);
    try {
        hub_->resolve(table, row, column, value);
    } catch (...) {
        hub_->setAuthor(previousAuthor);
        throw;
    }
    hub_->setAuthor(previousAuthor);
}

void SqliteRepository::withHub(const std::function<void(replica::Replica&)>& body) {
    std::lock_guard lock(hubMutex_);
    body(*hub_);
}

}  // namespace cadre::server
