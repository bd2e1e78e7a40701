// ErrorText: turns what a write threw (ValidationError, WriteRefused, …) into a translated message.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <exception>

namespace cadre::client {

class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

  public:
    /// A sentence for the user about the exception `error`, naming the field where known.
    [[nodiscard]] static QString describe(const std::exception_ptr& error);
};

/// Runs `body`; returns an empty string, or the translated message of what it threw.
template <typename Body>
[[nodiscard]] QString attempt(Body&& body) {
    try {
        body();
        return {};
    } catch (...) {
        return ErrorText::describe(std::current_exception());
    }
}

}  // namespace cadre::client
