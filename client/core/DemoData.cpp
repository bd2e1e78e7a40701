#include "core/DemoData.h"

#include <QVariantMap>

#include "core/AppContext.h"
#include "core/Convert.h"
#include "core/MissionManager.h"
#include "core/PeopleManager.h"
#include "core/ReferenceManager.h"
#include "replica/Replica.h"

namespace cadre::client {

namespace {

QString memberByIso3(replica::Replica& replica, const char* iso3) {
    replica::Statement st(replica.database(), "SELECT id FROM member WHERE iso3 = ?1");
    st.bind(1, iso3);
    return st.step() ? toQ(st.text(0)) : QString();
}

QString standardNumber(ReferenceManager& references, const QString& editionId, int number) {
    for (const StandardInfo& s : references.standards(editionId)) {
        if (s.number == number) {
            return s.id;
        }
    }
    return {};
}

struct DemoObservation {
    int number;
    int maturity;
    const char* priority;
    const char* currentState;
    const char* gaps;
    const char* legal;
    const char* msme;
    const char* recommendations;
};

// Written as an expert would: some in French (the working language of the mission), some in
// English.
const DemoObservation kSenegal[] = {
    {1, 2, "high",
     "La Douane sénégalaise reçoit des données préalables des transporteurs aériens pour le fret "
     "général via GAINDE, mais pas encore pour les envois postaux et express.",
     "Pas d'obligation légale de transmission préalable pour les opérateurs postaux ; les "
     "données des plateformes de commerce électronique ne sont pas exploitées.",
     "Modifier le Code des douanes (art. 65) pour rendre obligatoire la transmission "
     "électronique préalable par La Poste et les opérateurs express.",
     "Les PME exportatrices d'artisanat demandent une procédure simplifiée et un guichet "
     "d'information en ligne.",
     "Étendre le dispositif ITS/ITMATT avec La Poste ; associer les plateformes au pilote 2027."},
    {2, 1, "medium",
     "Les messages utilisés sont propres au système GAINDE ; le modèle de données de l'OMD "
     "n'est appliqué que partiellement.",
     "No mapping to the WCO Data Model for postal items; CN23 data arrive on paper.",
     "Aucune modification législative nécessaire ; une décision administrative suffit.", "",
     "Adopt the UPU-WCO EDI messages (CUSITM/CUSRSP) with the designated postal operator."},
    {3, 2, "high",
     "Risk profiles exist for general cargo; e-commerce parcels are checked manually at the "
     "Dakar airport express hub.",
     "No automated targeting for low-value consignments; no feedback loop from seizures.", "",
     "Express operators ask for pre-arrival risk assessment to keep next-day delivery.",
     "Create a low-value consignment risk profile in the national targeting centre; train five "
     "analysts."},
    {5, 3, "low",
     "Une procédure de dédouanement simplifiée existe pour les envois de faible valeur "
     "(déclaration simplifiée).",
     "Délais encore longs pour les retours de marchandises.",
     "Préciser par arrêté le traitement des retours et remboursements.",
     "Les vendeurs en ligne souhaitent un régime de retour simplifié.",
     "Publier une note de service sur les retours ; mesurer le temps de dédouanement."},
    {8, 0, "medium",
     "No de minimis threshold is defined for e-commerce consignments; every parcel is assessed.",
     "Collection costs exceed revenue for most parcels under 10,000 XOF.",
     "A finance law provision would be required to set a threshold.", "",
     "Run a cost-benefit study of a threshold with the Ministry of Finance before the 2028 "
     "finance law."},
};

}  // namespace

QString seedDemoData(AppContext& context) {
    replica::Replica& replica = context.replica();
    MissionManager& missions = context.missions();
    ReferenceManager& references = context.references();
    for (const MissionRow& row : missions.missions({})) {
        if (row.title.startsWith(QStringLiteral("Diagnostic e-commerce"))) {
            return row.id;
        }
    }
    const QString edition = references.currentEditionId();
    const QString senegal = memberByIso3(replica, "SEN");
    QString missionId;
    replica.transaction([&] {
        missionId =
            missions.createMission({QStringLiteral("diagnostic"), senegal,
                                    QStringLiteral("Diagnostic e-commerce — Douane sénégalaise"),
                                    QStringLiteral("2026-11-16"), QStringLiteral("2026-11-27")},
                                   edition);
        missions.setMissionFields(
            missionId,
            {{QStringLiteral("status"), QStringLiteral("in_progress")},
             {QStringLiteral("economic_context"),
              QStringLiteral("Économie de services en croissance (PIB +6 % en 2025) ; port de "
                             "Dakar et aéroport AIBD comme portes d'entrée régionales.")},
             {QStringLiteral("ecommerce_context"),
              QStringLiteral("Forte croissance des achats en ligne via les plateformes "
                             "internationales ; environ 1,2 million d'envois postaux et express "
                             "par an, surtout de faible valeur.")}});
        PeopleManager& people = context.people();
        const QString lead = people.addPerson(QStringLiteral("Diallo"), QStringLiteral("Aïssatou"),
                                              QStringLiteral("WCO accredited expert"));
        const QString expert = people.addPerson(QStringLiteral("Martin"), QStringLiteral("Claire"),
                                                QStringLiteral("Douanes françaises"));
        const QString counterpart =
            people.addPerson(QStringLiteral("Ndiaye"), QStringLiteral("Mamadou"),
                             QStringLiteral("Douane sénégalaise"));
        missions.addTeamMember(missionId, lead, QStringLiteral("lead_expert"));
        missions.addTeamMember(missionId, expert, QStringLiteral("expert"));
        missions.addTeamMember(missionId, counterpart, QStringLiteral("counterpart"));
        for (const DemoObservation& o : kSenegal) {
            missions.setObservationFields(
                missionId, standardNumber(references, edition, o.number),
                {{QStringLiteral("maturity"), o.maturity},
                 {QStringLiteral("national_priority"), QString::fromUtf8(o.priority)},
                 {QStringLiteral("current_state"), QString::fromUtf8(o.currentState)},
                 {QStringLiteral("gaps"), QString::fromUtf8(o.gaps)},
                 {QStringLiteral("legal_amendments"), QString::fromUtf8(o.legal)},
                 {QStringLiteral("msme_needs"), QString::fromUtf8(o.msme)},
                 {QStringLiteral("recommendations"), QString::fromUtf8(o.recommendations)}});
        }
        const QString other =
            missions.createMission({QStringLiteral("self_assessment"), memberByIso3(replica, "CIV"),
                                    QStringLiteral("Auto-évaluation FoS — Côte d'Ivoire"),
                                    QStringLiteral("2026-09-01"), QStringLiteral("2026-09-30")},
                                   edition);
        missions.setMissionFields(other, {{QStringLiteral("status"), QStringLiteral("completed")}});
        missions.setObservationFields(other, standardNumber(references, edition, 1),
                                      {{QStringLiteral("maturity"), 3}});
        missions.submitForReview(other);
        missions.createMission({QStringLiteral("follow_up"), memberByIso3(replica, "MAR"),
                                QStringLiteral("Follow-up mission — Morocco risk management"),
                                QStringLiteral("2027-02-08"), QStringLiteral("2027-02-12")},
                               edition);
    });
    return missionId;
}

}  // namespace cadre::client
