// TrainingController: the actions of the trainings pages for QML.
#include "TrainingController.h"

#include "ErrorText.h"
#include "Labels.h"

namespace cadre::trainings {

namespace {

QVariantList options(const QStringList& values, QString (*label)(const QString&)) {
    QVariantList out;
    for (const auto& v : values)
        out.push_back(
            QVariantMap{{QStringLiteral("value"), v}, {QStringLiteral("label"), label(v)}});
    return out;
}

QVariantList places(const QList<PlaceChoice>& choices) {
    QVariantList out;
    for (const auto& c : choices)
        out.push_back(
            QVariantMap{{QStringLiteral("value"), c.id}, {QStringLiteral("label"), c.name}});
    return out;
}

}  // namespace

TrainingController::TrainingController(TrainingManager& manager, QObject* parent)
    : QObject(parent),
      manager_(manager),
      trainings_(manager),
      sessions_(manager),
      roster_(manager),
      people_(manager) {
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(kSaveDelayMs);
    connect(&saveTimer_, &QTimer::timeout, this, [this] { flush(); });
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("training"))
            reloadTraining();
        else if (table == QLatin1String("training_standard"))
            reloadStandards();
        else if (table == QLatin1String("training_trainer") || table == QLatin1String("person"))
            reloadTrainers();
    });
}

TrainingController::~TrainingController() {
    flush();
}

QVariantMap TrainingController::form() const {
    const TrainingFields& f = fields_;
    QVariantMap m{{QStringLiteral("kind"), f.kind},
                  {QStringLiteral("title"), f.title},
                  {QStringLiteral("memberId"), f.memberId},
                  {QStringLiteral("regionId"), f.regionId},
                  {QStringLiteral("venue"), f.venue},
                  {QStringLiteral("startsOn"), f.startsOn.toString(Qt::ISODate)},
                  {QStringLiteral("endsOn"), f.endsOn.toString(Qt::ISODate)},
                  {QStringLiteral("status"), f.status},
                  {QStringLiteral("kindLabel"), Labels::trainingKind(f.kind)},
                  {QStringLiteral("statusLabel"), Labels::trainingStatus(f.status)},
                  {QStringLiteral("dates"), Labels::dateSpan(f.startsOn, f.endsOn)}};
    // What is typed but not written yet shows as typed.
    for (auto it = pending_.cbegin(); it != pending_.cend(); ++it)
        m.insert(it.key(), it.value());
    return m;
}

QVariantList TrainingController::kindOptions() const {
    return options(Labels::trainingKinds(), &Labels::trainingKind);
}
QVariantList TrainingController::statusOptions() const {
    return options(Labels::trainingStatuses(), &Labels::trainingStatus);
}
QVariantList TrainingController::partOptions() const {
    return options(Labels::sessionParts(), &Labels::sessionPart);
}
QVariantList TrainingController::memberOptions() const {
    return places(manager_.members());
}
QVariantList TrainingController::regionOptions() const {
    return places(manager_.regions());
}
QVariantList TrainingController::trainerRoleOptions() const {
    return options({QStringLiteral("lead"), QStringLiteral("co_trainer")}, &Labels::trainerRole);
}
QVariantList TrainingController::genderOptions() const {
    return options({QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("other"),
                    QStringLiteral("undisclosed")},
                   &Labels::gender);
}

bool TrainingController::attempt(const std::function<void()>& action) {
    try {
        action();
        clearError();
        return true;
    } catch (const std::exception& e) {
        fail(ErrorText::describe(e));
        return false;
    }
}

void TrainingController::fail(const QString& message) {
    errorText_ = message;
    emit errorTextChanged();
    emit error(message);
}

void TrainingController::clearError() {
    if (errorText_.isEmpty())
        return;
    errorText_.clear();
    emit errorTextChanged();
}

QString TrainingController::createTraining(const QString& kind, const QString& title) {
    QString id;
    TrainingFields f;
    if (!kind.isEmpty())
        f.kind = kind;
    f.title = title;
    if (!attempt([&] { id = manager_.createTraining(f); }))
        return {};
    open(id);
    return id;
}

void TrainingController::open(const QString& trainingId) {
    flush();
    if (trainingId == trainingId_) {
        reload();
        return;
    }
    trainingId_ = trainingId;
    sessions_.setTrainingId(trainingId);
    roster_.setTrainingId(trainingId);
    people_.setTrainingId(trainingId);
    emit trainingIdChanged();
    reloadTraining();
    reloadStandards();
    reloadTrainers();
}

void TrainingController::setField(const QString& field, const QVariant& value) {
    if (trainingId_.isEmpty())
        return;
    pending_.insert(field, value);
    emit formChanged();
    saveTimer_.start();
}

bool TrainingController::flush() {
    saveTimer_.stop();
    if (pending_.isEmpty() || trainingId_.isEmpty())
        return true;
    TrainingFields f = fields_;
    for (auto it = pending_.cbegin(); it != pending_.cend(); ++it) {
        const QString v = it.value().toString();
        const QString& k = it.key();
        if (k == QLatin1String("kind"))
            f.kind = v;
        else if (k == QLatin1String("title"))
            f.title = v;
        else if (k == QLatin1String("memberId"))
            f.memberId = v;
        else if (k == QLatin1String("regionId"))
            f.regionId = v;
        else if (k == QLatin1String("venue"))
            f.venue = v;
        else if (k == QLatin1String("status"))
            f.status = v;
        else if (k == QLatin1String("startsOn") || k == QLatin1String("endsOn")) {
            const QDate d = Labels::parseDate(v);
            if (!v.trimmed().isEmpty() && !d.isValid()) {
                fail(tr("%1 is not a valid date: use YYYY-MM-DD.")
                         .arg(ErrorText::fieldLabel(k == QLatin1String("startsOn")
                                                        ? QStringLiteral("starts_on")
                                                        : QStringLiteral("ends_on"))));
                return false;
            }
            (k == QLatin1String("startsOn") ? f.startsOn : f.endsOn) = d;
        }
    }
    const QString id = trainingId_;
    if (!attempt([&] { manager_.updateTraining(id, f); }))
        return false;  // the typed values stay pending and shown
    pending_.clear();
    reloadTraining();
    return true;
}

bool TrainingController::removeTraining() {
    const QString id = trainingId_;
    pending_.clear();
    return attempt([&] { manager_.removeTraining(id); });
}

bool TrainingController::setStandardCovered(const QString& standardId, bool covered) {
    return attempt([&] { manager_.setStandardCovered(trainingId_, standardId, covered); });
}

bool TrainingController::addTrainer(const QString& personId, const QString& role) {
    return attempt([&] {
        manager_.setTrainer(trainingId_, personId,
                            role.isEmpty() ? QStringLiteral("co_trainer") : role);
    });
}

bool TrainingController::removeTrainer(const QString& trainerId) {
    return attempt([&] { manager_.removeTrainer(trainerId); });
}

bool TrainingController::addSession(const QString& heldOn, const QString& part,
                                    const QString& topic) {
    const QDate d = Labels::parseDate(heldOn);
    if (!d.isValid()) {
        fail(tr("%1 is not a valid date: use YYYY-MM-DD.")
                 .arg(ErrorText::fieldLabel(QStringLiteral("held_on"))));
        return false;
    }
    return attempt([&] {
        manager_.addSession(trainingId_, d, part.isEmpty() ? QStringLiteral("full_day") : part,
                            topic);
    });
}

bool TrainingController::setSessionTopic(const QString& sessionId, const QString& topic) {
    return attempt([&] { manager_.setSessionTopic(sessionId, topic); });
}

bool TrainingController::removeSession(const QString& sessionId) {
    return attempt([&] { manager_.removeSession(sessionId); });
}

bool TrainingController::enrol(const QString& personId) {
    return attempt([&] { manager_.enrol(trainingId_, personId); });
}

bool TrainingController::quickAdd(const QVariantMap& person) {
    PersonInfo p;
    p.familyName = person.value(QStringLiteral("familyName")).toString().trimmed();
    p.givenNames = person.value(QStringLiteral("givenNames")).toString().trimmed();
    p.organisation = person.value(QStringLiteral("organisation")).toString().trimmed();
    p.email = person.value(QStringLiteral("email")).toString().trimmed();
    p.memberId = person.value(QStringLiteral("memberId")).toString();
    p.gender = person.value(QStringLiteral("gender")).toString();
    if (p.familyName.isEmpty()) {
        fail(tr("%1 is required.").arg(ErrorText::fieldLabel(QStringLiteral("family_name"))));
        return false;
    }
    if (!p.email.isEmpty() && !p.email.contains(QLatin1Char('@'))) {
        fail(tr("%1 is not a valid email address.").arg(p.email));
        return false;
    }
    return attempt([&] { manager_.quickAdd(trainingId_, p); });
}

bool TrainingController::unenrol(const QString& enrolmentId) {
    return attempt([&] { manager_.unenrol(enrolmentId); });
}

bool TrainingController::setScore(const QString& enrolmentId, const QString& which,
                                  const QString& text) {
    std::optional<double> score;
    if (!text.trimmed().isEmpty()) {
        double v = 0;
        if (!Labels::parseNumber(text, v) || v < 0.0 || v > 100.0) {
            fail(tr("A score is a number from 0 to 100."));
            return false;
        }
        score = v;
    }
    return attempt([&] { manager_.setScore(enrolmentId, which, score); });
}

bool TrainingController::setCertifiedTrainer(const QString& enrolmentId, bool certified) {
    return attempt([&] { manager_.setCertifiedTrainer(enrolmentId, certified); });
}

bool TrainingController::setTrainedBy(const QString& enrolmentId, const QString& personId) {
    return attempt([&] { manager_.setTrainedBy(enrolmentId, personId); });
}

void TrainingController::reload() {
    trainings_.reload();
    sessions_.reload();
    roster_.reload();
    people_.reload();
    reloadTraining();
    reloadStandards();
    reloadTrainers();
    emit optionsChanged();
}

void TrainingController::retranslate() {
    reload();
    trainings_.refreshAll();
    sessions_.refreshAll();
    roster_.refreshAll();
    people_.refreshAll();
}

void TrainingController::reloadTraining() {
    fields_ = TrainingFields{};
    if (!trainingId_.isEmpty()) {
        try {
            if (auto t = manager_.training(trainingId_))
                fields_ = *t;
        } catch (const std::exception& e) {
            fail(ErrorText::describe(e));
        }
    }
    emit formChanged();
}

void TrainingController::reloadStandards() {
    QVariantList out;
    if (!trainingId_.isEmpty())
        for (const auto& s : manager_.standards(trainingId_))
            out.push_back(QVariantMap{{QStringLiteral("standardId"), s.id},
                                      {QStringLiteral("number"), s.number},
                                      {QStringLiteral("title"), s.title},
                                      {QStringLiteral("covered"), s.covered}});
    standards_ = out;
    emit standardsChanged();
}

void TrainingController::reloadTrainers() {
    QVariantList out;
    if (!trainingId_.isEmpty())
        for (const auto& t : manager_.trainers(trainingId_))
            out.push_back(QVariantMap{{QStringLiteral("trainerId"), t.id},
                                      {QStringLiteral("personId"), t.person.id},
                                      {QStringLiteral("name"), t.person.displayName()},
                                      {QStringLiteral("organisation"), t.person.organisation},
                                      {QStringLiteral("role"), t.role},
                                      {QStringLiteral("roleLabel"), Labels::trainerRole(t.role)}});
    trainers_ = out;
    emit trainersChanged();
}

}  // namespace cadre::trainings
