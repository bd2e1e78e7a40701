#include "core/ReferenceManager.h"

#include <QCollator>
#include <algorithm>

#include "core/Convert.h"
#include "core/Labels.h"
#include "replica/Replica.h"

namespace cadre::client {

using replica::Statement;

namespace {

QString col(const Statement& st, int column) {
    return st.isNull(column) ? QString() : toQ(st.text(column));
}

StandardInfo readStandard(const Statement& st) {
    StandardInfo s;
    s.id = col(st, 0);
    s.number = static_cast<int>(st.integer(1));
    s.groupNumber = static_cast<int>(st.integer(2));
    s.titleEn = col(st, 3);
    s.titleFr = col(st, 4);
    s.groupEn = col(st, 5);
    s.groupFr = col(st, 6);
    return s;
}

MemberInfo readMember(const Statement& st) {
    MemberInfo m;
    m.id = col(st, 0);
    m.iso3 = col(st, 1);
    m.nameEn = col(st, 2);
    m.nameFr = col(st, 3);
    m.regionEn = col(st, 4);
    m.regionFr = col(st, 5);
    return m;
}

constexpr const char* kStandardColumns =
    "SELECT id, number, group_number, title_en, title_fr, group_en, group_fr FROM standard ";
constexpr const char* kMemberColumns =
    "SELECT m.id, m.iso3, m.name_en, m.name_fr, r.name_en, r.name_fr FROM member m "
    "LEFT JOIN region r ON r.id = m.region_id AND r.deleted = 0 ";

}  // namespace

QString StandardInfo::title() const {
    return localized(titleEn, titleFr);
}
QString StandardInfo::group() const {
    return localized(groupEn, groupFr);
}
QString MemberInfo::name() const {
    return localized(nameEn, nameFr);
}
QString MemberInfo::region() const {
    return localized(regionEn, regionFr);
}

ReferenceManager::ReferenceManager(replica::Replica& replica, QObject* parent)
    : QObject(parent), replica_(replica) {}

QString ReferenceManager::currentEditionId() {
    Statement st(replica_.database(),
                 "SELECT id FROM catalogue_edition WHERE deleted = 0 "
                 "ORDER BY status = 'in_force' DESC, year DESC LIMIT 1");
    return st.step() ? toQ(st.text(0)) : QString();
}

QVector<StandardInfo> ReferenceManager::standards(const QString& editionId) {
    Statement st(replica_.database(), std::string(kStandardColumns) +
                                          "WHERE edition_id = ?1 AND deleted = 0 ORDER BY number");
    st.bind(1, toStd(editionId));
    QVector<StandardInfo> out;
    while (st.step()) {
        out.append(readStandard(st));
    }
    return out;
}

StandardInfo ReferenceManager::standard(const QString& standardId) {
    Statement st(replica_.database(), std::string(kStandardColumns) + "WHERE id = ?1");
    st.bind(1, toStd(standardId));
    return st.step() ? readStandard(st) : StandardInfo{};
}

QVector<MemberInfo> ReferenceManager::members() {
    Statement st(replica_.database(), std::string(kMemberColumns) + "WHERE m.deleted = 0");
    QVector<MemberInfo> out;
    while (st.step()) {
        out.append(readMember(st));
    }
    QCollator collator;
    std::sort(out.begin(), out.end(), [&](const MemberInfo& a, const MemberInfo& b) {
        return collator.compare(a.name(), b.name()) < 0;
    });
    return out;
}

MemberInfo ReferenceManager::member(const QString& memberId) {
    Statement st(replica_.database(), std::string(kMemberColumns) + "WHERE m.id = ?1");
    st.bind(1, toStd(memberId));
    return st.step() ? readMember(st) : MemberInfo{};
}

}  // namespace cadre::client
