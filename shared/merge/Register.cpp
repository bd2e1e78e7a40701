#include "merge/Register.h"

#include <algorithm>

namespace cadre::merge {

std::vector<const Leaf*> RegisterState::conflicts() const {
    std::vector<const Leaf*> out;
    for (const auto& leaf : others)
        if (!winner || leaf.value != winner->value)
            out.push_back(&leaf);
    return out;
}

bool RegisterState::hasConflict() const {
    return std::any_of(others.begin(), others.end(),
                       [&](const Leaf& l) { return !winner || l.value != winner->value; });
}

std::vector<Version> RegisterState::allVersions() const {
    std::vector<Version> out;
    if (winner)
        out.push_back(winner->version);
    for (const auto& l : others)
        out.push_back(l.version);
    return out;
}

Outcome applyWrite(RegisterState& state, const Write& write) {
    const Version& v = write.leaf.version;
    if (state.winner && state.winner->version == v)
        return Outcome::AlreadyKnown;
    if (std::any_of(state.others.begin(), state.others.end(),
                    [&](const Leaf& l) { return l.version == v; }))
        return Outcome::AlreadyKnown;

    const auto isBase = [&](const Version& candidate) {
        return std::find(write.bases.begin(), write.bases.end(), candidate) != write.bases.end();
    };

    // Rule 1: the write supersedes its bases.
    std::vector<Leaf> leaves;
    leaves.reserve(state.others.size() + 2);
    if (state.winner && !isBase(state.winner->version))
        leaves.push_back(std::move(*state.winner));
    for (auto& l : state.others)
        if (!isBase(l.version))
            leaves.push_back(std::move(l));
    leaves.push_back(write.leaf);

    // Rule 2: the greatest version wins.
    const auto top =
        std::max_element(leaves.begin(), leaves.end(),
                         [](const Leaf& a, const Leaf& b) { return a.version < b.version; });
    const bool won = top->version == v;
    state.winner = std::move(*top);
    leaves.erase(top);
    std::sort(leaves.begin(), leaves.end(),
              [](const Leaf& a, const Leaf& b) { return a.version < b.version; });
    state.others = std::move(leaves);
    return won ? Outcome::Won : Outcome::Lost;
}

bool replacesSoleWinner(const Version* winner, const Version& version,
                        const std::vector<Version>& bases) {
    // Rule 1 with a single live leaf: once the write's bases are removed, the write is alone, and
    // alone it is the greatest (rule 2), whatever its clock.
    if (!winner)
        return true;
    return *winner != version && std::find(bases.begin(), bases.end(), *winner) != bases.end();
}

std::vector<Version> basesForEdit(const RegisterState& state) {
    std::vector<Version> out;
    if (!state.winner)
        return out;
    out.push_back(state.winner->version);
    for (const auto& l : state.others)
        if (l.value == state.winner->value)
            out.push_back(l.version);
    return out;
}

std::vector<Version> basesForResolution(const RegisterState& state) {
    return state.allVersions();
}

}  // namespace cadre::merge
