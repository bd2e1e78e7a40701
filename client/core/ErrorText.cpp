#include "core/ErrorText.h"

#include "core/Convert.h"
#include "core/Labels.h"
#include "domain/Validation.h"
#include "replica/Database.h"
#include "replica/Replica.h"

namespace cadre::client {

namespace {

/// "changes[0].fields.maturity" → "maturity".
QString columnOf(const std::string& field) {
    const QString f = toQ(field);
    const qsizetype dot = f.lastIndexOf(u'.');
    return dot < 0 ? f : f.mid(dot + 1);
}

}  // namespace

QString ErrorText::describe(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const domain::ValidationError& e) {
        QStringList parts;
        for (const domain::Issue& issue : e.issues()) {
            parts << tr("%1: %2").arg(Labels::field(columnOf(issue.field)), toQ(issue.reason));
        }
        return tr("This was not saved, a value is not accepted (%1).").arg(parts.join(u"; "));
    } catch (const replica::WriteRefused& e) {
        return tr("This record cannot be changed now (%1).").arg(toQ(e.what()));
    } catch (const replica::DatabaseError& e) {
        return tr("The local database could not save this (%1).").arg(toQ(e.what()));
    } catch (const std::exception& e) {
        return tr("Something went wrong: %1").arg(toQ(e.what()));
    } catch (...) {
        return tr("Something went wrong.");
    }
}

}  // namespace cadre::client
