#include "core/LanguageController.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QVariantMap>

namespace cadre::client {

namespace {
const QString kSettingsKey = QStringLiteral("ui/language");
}

LanguageController::LanguageController(QString settingsPath, QObject* parent)
    : QObject(parent), settingsPath_(std::move(settingsPath)) {}

LanguageController::~LanguageController() {
    for (const auto& translator : translators_) {
        QCoreApplication::removeTranslator(translator.get());
    }
}

QVariantList LanguageController::languages() const {
    // Each language is named in itself, so a user lost in the other one still finds theirs.
    return {QVariantMap{{QStringLiteral("code"), QStringLiteral("en")},
                        {QStringLiteral("label"), QStringLiteral("English")}},
            QVariantMap{{QStringLiteral("code"), QStringLiteral("fr")},
                        {QStringLiteral("label"), QStringLiteral("Français")}}};
}

void LanguageController::applySaved() {
    QSettings settings(settingsPath_, QSettings::IniFormat);
    QString code = settings.value(kSettingsKey).toString();
    if (code.isEmpty()) {
        code = QLocale::system().language() == QLocale::French ? QStringLiteral("fr")
                                                               : QStringLiteral("en");
    }
    install(code);
}

void LanguageController::setLanguage(const QString& code) {
    if (code != QLatin1String("en") && code != QLatin1String("fr")) {
        return;
    }
    {
        QSettings settings(settingsPath_, QSettings::IniFormat);
        settings.setValue(kSettingsKey, code);
        settings.sync();
    }
    if (code != language_) {
        install(code);
    }
}

void LanguageController::install(const QString& code) {
    for (const auto& translator : translators_) {
        QCoreApplication::removeTranslator(translator.get());
    }
    translators_.clear();
    loaded_.clear();
    // English is the source language: its catalogues are empty, but loading them is harmless.
    const QDir dir(QStringLiteral(":/i18n"));
    const QStringList files =
        dir.entryList({QStringLiteral("*_%1.qm").arg(code)}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(dir.filePath(file))) {
            QCoreApplication::installTranslator(translator.get());
            translators_.push_back(std::move(translator));
            loaded_ << file;
        }
    }
    QLocale::setDefault(code == QLatin1String("fr")
                            ? QLocale(QLocale::French, QLocale::France)
                            : QLocale(QLocale::English, QLocale::UnitedKingdom));
    language_ = code;
    if (engine_) {
        engine_->setUiLanguage(code);
        engine_->retranslate();
    }
    emit languageChanged();
}

QStringList LanguageController::loadedCatalogues() const {
    return loaded_;
}

}  // namespace cadre::client
