// LanguageController: the language of the user interface (English or French), persisted in the
// data directory's settings. Loads every `:/i18n/*_<lang>.qm` the app and its libraries ship,
// sets the default QLocale (dates, numbers) and retranslates the QML engine.
#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QTranslator>
#include <QVariantList>
#include <memory>
#include <vector>

namespace cadre::client {

class LanguageController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)

  public:
    /// `settingsPath`: the INI file where the choice is kept.
    explicit LanguageController(QString settingsPath, QObject* parent = nullptr);
    ~LanguageController() override;

    [[nodiscard]] QString language() const { return language_; }
    /// "en" or "fr"; anything else is ignored.
    void setLanguage(const QString& code);
    [[nodiscard]] QVariantList languages() const;
    /// The engine to retranslate on a change (may be null).
    void setEngine(QQmlEngine* engine) { engine_ = engine; }
    /// Applies the saved choice, or the system's language when none was saved.
    void applySaved();
    /// The names of the translation files loaded for the current language.
    [[nodiscard]] QStringList loadedCatalogues() const;

  signals:
    void languageChanged();

  private:
    void install(const QString& code);

    QString settingsPath_;
    QString language_;
    QPointer<QQmlEngine> engine_;
    std::vector<std::unique_ptr<QTranslator>> translators_;
    QStringList loaded_;
};

}  // namespace cadre::client
