// DemoTrainings: a realistic training of trainers in Dakar for demonstrations and tests.
#include "DemoTrainings.h"

#include <QDate>

#include <algorithm>
#include <iterator>

#include "domain/Uuid.h"

namespace cadre::trainings {

QString memberId(const char* iso3) {
    return QString::fromStdString(domain::namedUuid(std::string("member/") + iso3));
}

QString wcaRegionId() {
    return QString::fromStdString(domain::namedUuid("region/WCA"));
}

namespace {

struct Name {
    const char* given;
    const char* family;
    const char* iso3;
    const char* gender;
};

// Plausible participants of a West African ToT (given names, family name, Member, gender).
constexpr Name kNames[] = {
    {"Aminata", "Diallo", "SEN", "female"},    {"Moussa", "Ndiaye", "SEN", "male"},
    {"Fatou", "Sarr", "SEN", "female"},        {"Cheikh Tidiane", "Fall", "SEN", "male"},
    {"Awa", "Gueye", "SEN", "female"},         {"Ibrahima", "Sow", "SEN", "male"},
    {"Kouadio", "Konan", "CIV", "male"},       {"Adjoua", "Kouassi", "CIV", "female"},
    {"Yao", "N'Guessan", "CIV", "male"},       {"Mariam", "Traoré", "CIV", "female"},
    {"Seydou", "Coulibaly", "MLI", "male"},    {"Oumou", "Keïta", "MLI", "female"},
    {"Bakary", "Diarra", "MLI", "male"},       {"Salimata", "Sangaré", "MLI", "female"},
    {"Issouf", "Ouédraogo", "BFA", "male"},    {"Rasmata", "Kaboré", "BFA", "female"},
    {"Adama", "Sawadogo", "BFA", "male"},      {"Hadiza", "Moussa", "NER", "female"},
    {"Abdoulaye", "Issoufou", "NER", "male"},  {"Ramatou", "Hamani", "NER", "female"},
    {"Komi", "Agbodjan", "TGO", "male"},       {"Afi", "Mensah", "TGO", "female"},
    {"Kossi", "Amouzou", "TGO", "male"},       {"Rodrigue", "Houngbédji", "BEN", "male"},
    {"Sèna", "Adjovi", "BEN", "female"},       {"Gildas", "Dossou", "BEN", "male"},
    {"Mamadou Aliou", "Barry", "GIN", "male"}, {"Kadiatou", "Bah", "GIN", "female"},
    {"Sékou", "Camara", "GIN", "male"},        {"Néné", "Soumah", "GIN", "female"},
    {"Ousmane", "Cissé", "SEN", "male"},       {"Aïssatou", "Ba", "SEN", "female"},
};

QString organisation(const char* iso3) {
    const QString code = QString::fromLatin1(iso3);
    if (code == QLatin1String("SEN"))
        return QStringLiteral("Direction générale des Douanes du Sénégal");
    if (code == QLatin1String("CIV"))
        return QStringLiteral("Direction générale des Douanes de Côte d'Ivoire");
    if (code == QLatin1String("MLI"))
        return QStringLiteral("Direction générale des Douanes du Mali");
    if (code == QLatin1String("BFA"))
        return QStringLiteral("Direction générale des Douanes du Burkina Faso");
    if (code == QLatin1String("NER"))
        return QStringLiteral("Direction générale des Douanes du Niger");
    if (code == QLatin1String("TGO"))
        return QStringLiteral("Office togolais des recettes");
    if (code == QLatin1String("BEN"))
        return QStringLiteral("Direction générale des Douanes du Bénin");
    return QStringLiteral("Direction générale des Douanes de Guinée");
}

}  // namespace

DemoTraining seedDakarToT(TrainingManager& manager, int participants) {
    DemoTraining out;
    TrainingFields t;
    t.kind = QStringLiteral("training_of_trainers");
    t.title = QStringLiteral("ToT: Cross-border e-commerce standards for West Africa");
    t.memberId = memberId("SEN");
    t.venue = QStringLiteral("Regional Training Centre, Dakar");
    t.startsOn = QDate(2026, 12, 1);
    t.endsOn = QDate(2026, 12, 2);
    t.status = QStringLiteral("ongoing");
    out.trainingId = manager.createTraining(t);

    const auto standards = manager.standards(out.trainingId);
    for (const auto& s : standards)
        if (s.number == 1 || s.number == 2 || s.number == 5 || s.number == 7)
            manager.setStandardCovered(out.trainingId, s.id, true);

    PersonInfo lead;
    lead.familyName = QStringLiteral("Mbaye");
    lead.givenNames = QStringLiteral("Khadija");
    lead.organisation = QStringLiteral("WCO accredited expert, Senegal Customs");
    lead.memberId = memberId("SEN");
    lead.gender = QStringLiteral("female");
    PersonInfo co;
    co.familyName = QStringLiteral("Dupont");
    co.givenNames = QStringLiteral("Julien");
    co.organisation = QStringLiteral("WCO Secretariat, Capacity Building Directorate");
    co.gender = QStringLiteral("male");
    out.trainerIds << manager.createPerson(lead) << manager.createPerson(co);
    manager.setTrainer(out.trainingId, out.trainerIds[0], QStringLiteral("lead"));
    manager.setTrainer(out.trainingId, out.trainerIds[1], QStringLiteral("co_trainer"));

    manager.addSession(out.trainingId, QDate(2026, 12, 1), QStringLiteral("morning"),
                       QStringLiteral("The FoS and its 15 standards"));
    manager.addSession(out.trainingId, QDate(2026, 12, 1), QStringLiteral("afternoon"),
                       QStringLiteral("Advance electronic data and risk management"));
    manager.addSession(out.trainingId, QDate(2026, 12, 2), QStringLiteral("full_day"),
                       QStringLiteral("Designing a national ToT cascade"));
    for (const auto& s : manager.sessions(out.trainingId))
        out.sessionIds << s.id;

    const int n = std::min(participants, static_cast<int>(std::size(kNames)));
    for (int i = 0; i < n; ++i) {
        PersonInfo p;
        p.givenNames = QString::fromUtf8(kNames[i].given);
        p.familyName = QString::fromUtf8(kNames[i].family);
        p.memberId = memberId(kNames[i].iso3);
        p.gender = QString::fromLatin1(kNames[i].gender);
        p.organisation = organisation(kNames[i].iso3);
        manager.quickAdd(out.trainingId, p);
    }
    int i = 0;
    for (const auto& e : manager.roster(out.trainingId)) {
        out.personIds << e.person.id;
        manager.setScore(e.id, QStringLiteral("pre"), 35.0 + (i * 7) % 40);
        manager.setScore(e.id, QStringLiteral("post"), 60.0 + (i * 11) % 38 + 0.5 * (i % 2));
        if (i % 4 == 0) {
            manager.setCertifiedTrainer(e.id, true);
            manager.setTrainedBy(e.id, out.trainerIds[i % 8 == 0 ? 0 : 1]);
        }
        ++i;
    }
    return out;
}

void seedOtherTrainings(TrainingManager& manager) {
    TrainingFields a;
    a.kind = QStringLiteral("regional_workshop");
    a.title = QStringLiteral("Regional workshop on e-commerce data quality");
    a.regionId = wcaRegionId();
    a.venue = QStringLiteral("Abidjan");
    a.startsOn = QDate(2027, 2, 15);
    a.endsOn = QDate(2027, 2, 17);
    a.status = QStringLiteral("planned");
    manager.createTraining(a);
    TrainingFields b;
    b.kind = QStringLiteral("field_training_of_experts");
    b.title = QStringLiteral("Field training: risk management for low-value consignments");
    b.memberId = memberId("CIV");
    b.venue = QStringLiteral("Port autonome d'Abidjan");
    b.startsOn = QDate(2026, 10, 6);
    b.endsOn = QDate(2026, 10, 8);
    b.status = QStringLiteral("completed");
    manager.createTraining(b);
    TrainingFields c;
    c.kind = QStringLiteral("e_learning");
    c.title = QStringLiteral("E-learning: the FoS in practice");
    c.status = QStringLiteral("ongoing");
    manager.createTraining(c);
}

}  // namespace cadre::trainings
