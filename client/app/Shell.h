// Shell: the whole app behind its window — the AppContext, the sync and trainings parts when
// they are built, and the QML engine with everything published — so main() and the tests start
// the app the same way.
#pragma once

#include <QString>
#include <QStringList>
#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace cadre::client {

class AppContext;

class Shell {
  public:
    /// Opens the data directory and builds every part; nothing is shown yet. Throws what
    /// AppContext throws.
    explicit Shell(const QString& dataDir);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    /// Loads qrc:/qml/Main.qml; returns its window, or nullptr when it could not be loaded.
    QQuickWindow* load();

    [[nodiscard]] AppContext& context();
    [[nodiscard]] QQmlApplicationEngine& engine();
    /// Which optional parts this build has: "sync", "trainings".
    [[nodiscard]] static QStringList parts();

  private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

}  // namespace cadre::client
