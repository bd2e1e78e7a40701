// Authorization: who may read which scopes and write which changes (roles × record scopes).
#pragma once

#include <optional>
#include <set>
#include <string>

#include "auth/Accounts.h"
#include "codec/Change.h"
#include "domain/RecordScope.h"
#include "replica/Replica.h"

namespace cadre::server {

/// What one user may reach: their role and, for experts and trainers, the missions and trainings
/// they are assigned to (through mission_member / training_trainer rows naming their person).
struct Reach {
    Role role = Role::Expert;
    std::set<std::string> missions;
    std::set<std::string> trainings;

    /// HQ and administrators read everything.
    [[nodiscard]] bool readsEverything() const {
        return role == Role::HqReviewer || role == Role::Admin;
    }
    [[nodiscard]] bool canRead(const domain::RecordScope& scope) const;
    /// The scopes of the hub log this user reads: {"*", ""} for everything, else the shared
    /// areas and each assigned mission and training, each with its mark left at 0.
    [[nodiscard]] std::vector<replica::ScopeMark> scopes() const;
};

/// The reach of `user` from the assignments held in the central repository.
[[nodiscard]] Reach reachOf(replica::Replica& hub, const User& user);

/// Why `change` may not be written by someone with `reach`, or std::nullopt when it may.
/// `scope` is the record's scope (nullopt when it cannot be known), `exists` whether the central
/// repository already holds the record.
[[nodiscard]] std::optional<std::string> writeRefusal(
    const Reach& reach, const Change& change, const std::optional<domain::RecordScope>& scope,
    bool exists);

}  // namespace cadre::server
