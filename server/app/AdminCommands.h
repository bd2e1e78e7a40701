// AdminCommands: what an administrator does from the command line — people, assignments, demo
// data, CSV export — all written through the central repository's replica, so it syncs.
#pragma once

#include <ostream>
#include <string>

#include "app/ServerApp.h"

namespace cadre::server {

/// Creates a person record and returns its id.
std::string addPerson(ServerApp& app, const std::string& familyName, const std::string& givenNames,
                      const std::string& email);
/// Assigns a person to a mission (role lead_expert, expert, observer, counterpart) or a training
/// (role lead, co_trainer). `kind` is "mission" or "training". Returns the assignment's id.
std::string assign(ServerApp& app, const std::string& kind, const std::string& recordId,
                   const std::string& personId, const std::string& role);
/// Writes one synced table as CSV (RFC 4180) with a header line, live records only.
void exportCsv(ServerApp& app, const std::string& table, std::ostream& out);

/// The demo accounts and dataset: one HQ reviewer, one administrator, two experts on a
/// diagnostic mission to Senegal with a few observations, a trainer with a training of trainers
/// in Dakar (3 sessions, 12 participants, attendance marked). Prints the accounts to `out`.
/// Does nothing (and says so) if the repository already has accounts.
void loadDemoData(ServerApp& app, const std::string& password, std::ostream& out);

}  // namespace cadre::server
