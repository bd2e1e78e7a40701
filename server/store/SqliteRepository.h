// SqliteRepository: the central repository in one SQLite file (WAL): a hub Replica for groups,
// reads and resolves, and a second Replica on the same file for pulls.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/CentralRepository.h"

namespace cadre::server {

/// Thread-safe. One mutex serialises the hub replica (SQLite has one writer anyway): groups,
/// read(), resolve() and withHub() take it. Pulls go through the reader — a second connection to
/// the same file, with its own mutex — so they read a WAL snapshot of what is committed without
/// waiting for a group being committed. Log order is commit order because SQLite has one writer
/// at a time: a group holds the write lock from its first write to its commit, so no change can
/// take a lower position and commit after it.
class SqliteRepository final : public CentralRepository {
  public:
    /// Opens (creating and migrating the replica schema and the server schema, which holds the
    /// push receipts) the repository at `path`, with `options.role` forced to Role::Hub. With
    /// `separateReader` false, pulls use the hub replica under its mutex.
    SqliteRepository(const std::string& path, replica::Replica::Options options,
                     bool separateReader = true);
    ~SqliteRepository() override;

    void group(BatchIsolation isolation, const std::function<void(Group&)>& body) override;
    void read(const std::function<void(Reads&)>& body) override;
    void snapshot(const std::function<void(Snapshot&)>& body) override;
    void resolve(const std::string& author, const std::string& table, const std::string& row,
                 const std::string& column, const Value& value) override;
    void withHub(const std::function<void(replica::Replica&)>& body) override;

  private:
    std::unique_ptr<replica::Replica> hub_;
    std::unique_ptr<replica::Replica> reader_;  ///< the same file, for pulls (may be null)
    std::mutex hubMutex_;                       ///< the hub replica
    std::mutex readerMutex_;                    ///< the reader
};

}  // namespace cadre::server
