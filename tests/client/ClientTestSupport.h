// ClientTestSupport: a running client for tests — a temporary data directory, an AppContext, the
// real QML shell in an offscreen window — and helpers to find, click and type into its items.
#pragma once

#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "core/AppContext.h"

namespace cadre::client::test {

/// The app as a user sees it: AppContext + engine + Main.qml. Destroying it and making another on
/// the same directory is a restart.
class RunningApp {
  public:
    explicit RunningApp(const QString& dataDir) {
        static const bool styled = [] {
            QQuickStyle::setStyle(QStringLiteral("Material"));
            return true;
        }();
        Q_UNUSED(styled);
        context = std::make_unique<AppContext>(dataDir);
        engine = std::make_unique<QQmlApplicationEngine>();
        context->expose(*engine);
        engine->load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
        if (!engine->rootObjects().isEmpty()) {
            window = qobject_cast<QQuickWindow*>(engine->rootObjects().first());
        }
        if (window != nullptr) {
            window->resize(1280, 800);
            window->show();
            exposed = QTest::qWaitForWindowExposed(window);
        }
    }
    ~RunningApp() {
        engine.reset();  // the pages first: they flush through the controllers
        context.reset();
    }
    RunningApp(const RunningApp&) = delete;
    RunningApp& operator=(const RunningApp&) = delete;

    /// The visible item called `name` anywhere in the window (popups included), searched through
    /// the visual tree and the object tree; nullptr (and a test failure message) when missing.
    QQuickItem* find(const QString& name) const {
        QQuickItem* found = nullptr;
        if (window != nullptr) {
            found = search(window->contentItem(), name);
            if (found == nullptr) {
                for (QQuickItem* item : window->findChildren<QQuickItem*>(name)) {
                    found = item;
                    break;
                }
            }
        }
        if (found == nullptr) {
            qWarning("no item called %s", qPrintable(name));
        }
        return found;
    }

    /// Lets bindings, layouts and transitions settle.
    static void settle(int ms = 350) { QTest::qWait(ms); }

    /// Clicks the centre of `item` with the mouse.
    void click(QQuickItem* item) const {
        if (item == nullptr) {
            return;
        }
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        settle(150);
    }

    /// Gives `item` the keyboard focus and types `text` into it.
    void type(QQuickItem* item, const QString& text) const {
        if (item == nullptr) {
            return;
        }
        item->forceActiveFocus();
        for (const QChar ch : text) {
            if (ch == QLatin1Char('\n')) {
                QTest::keyClick(window, Qt::Key_Return);
            } else {
                QTest::sendKeyEvent(QTest::Click, window, Qt::Key_unknown, QString(ch),
                                    Qt::NoModifier);
            }
        }
    }

    /// Saves what the window shows now as PNG.
    bool screenshot(const QString& path) const {
        settle(400);
        QDir().mkpath(QFileInfo(path).absolutePath());
        return window->grabWindow().save(path);
    }

    static QQuickItem* search(QQuickItem* root, const QString& name) {
        if (root == nullptr) {
            return nullptr;
        }
        if (root->objectName() == name && root->isVisible()) {
            return root;
        }
        for (QQuickItem* child : root->childItems()) {
            if (QQuickItem* hit = search(child, name)) {
                return hit;
            }
        }
        return nullptr;
    }

    std::unique_ptr<AppContext> context;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow* window = nullptr;
    bool exposed = false;
};

}  // namespace cadre::client::test
