// ReferenceManager: reads the reference data — catalogue editions, their standards, regions and
// Members — in the user's language (French wording when chosen and present, else English).
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

struct StandardInfo {
    QString id;
    int number = 0;
    int groupNumber = 0;
    QString titleEn, titleFr, groupEn, groupFr;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString group() const;
};

struct MemberInfo {
    QString id;
    QString iso3;
    QString nameEn, nameFr;
    QString regionEn, regionFr;
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString region() const;
};

class ReferenceManager : public QObject {
    Q_OBJECT

  public:
    explicit ReferenceManager(replica::Replica& replica, QObject* parent = nullptr);

    /// The edition new missions use: the newest edition in force.
    [[nodiscard]] QString currentEditionId();
    /// The standards of an edition, by number.
    [[nodiscard]] QVector<StandardInfo> standards(const QString& editionId);
    [[nodiscard]] StandardInfo standard(const QString& standardId);
    /// Every Member, sorted by name in the user's language.
    [[nodiscard]] QVector<MemberInfo> members();
    [[nodiscard]] MemberInfo member(const QString& memberId);

  signals:
    void changed(const QString& table);

  private:
    replica::Replica& replica_;
};

}  // namespace cadre::client
