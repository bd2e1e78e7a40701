// AttentionReader: gathers what needs the user's attention from the replica — open conflicts,
// changes the server refused (RejectionStore), and HQ reviews ("has issues", comments).
#pragma once

#include <vector>

#include "sync/AttentionItem.h"

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

class AttentionReader {
  public:
    explicit AttentionReader(replica::Replica& replica) : replica_(replica) {}

    /// Refusals first (they hold up sending), then conflicts, then reviews; newest first within.
    /// Throws replica::DatabaseError.
    [[nodiscard]] std::vector<AttentionItem> read();

  private:
    void addRejections(std::vector<AttentionItem>& out);
    void addConflicts(std::vector<AttentionItem>& out);
    void addReviews(std::vector<AttentionItem>& out);
    void addComments(std::vector<AttentionItem>& out);

    replica::Replica& replica_;
};

}  // namespace cadre::client
