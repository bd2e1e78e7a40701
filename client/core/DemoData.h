// DemoData: a realistic set of missions for demonstrations, screenshots and tests — a diagnostic
// mission to Senegal with observations in French and English, and a few others.
#pragma once

#include <QString>

namespace cadre::client {

class AppContext;

/// Seeds the demo missions when the replica holds no mission yet. Returns the id of the Senegal
/// diagnostic mission (existing or new). Every write goes through the Replica like a user's.
QString seedDemoData(AppContext& context);

}  // namespace cadre::client
