// ErrorText: turns the replica's exceptions into a translated message for the user.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <exception>

namespace cadre::trainings {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

  public:
    /// A message for domain::ValidationError (naming each field in the user's words),
    /// replica::WriteRefused, replica::DatabaseError or any other exception.
    [[nodiscard]] static QString describe(const std::exception& error);
    /// The user's name for a column ("fields.family_name" or "family_name").
    [[nodiscard]] static QString fieldLabel(const QString& field);
    /// The user's words for a validation reason.
    [[nodiscard]] static QString reason(const QString& reason);
};

}  // namespace cadre::trainings
