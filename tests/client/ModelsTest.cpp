// ModelsTest: the Managers, Models and Controllers of cadre_client_core without QML — every model
// under QAbstractItemModelTester (Fatal), signals checked with QSignalSpy, autosave checked from a
// second connection to the same file (what a crash would leave behind).
#include <QAbstractItemModelTester>
#include <QFile>
#include <QObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "core/AppContext.h"
#include "core/AttachmentController.h"
#include "core/AttachmentListModel.h"
#include "core/AttachmentManager.h"
#include "core/DemoData.h"
#include "core/LanguageController.h"
#include "core/MemberListModel.h"
#include "core/MissionController.h"
#include "core/MissionListModel.h"
#include "core/MissionManager.h"
#include "core/ObservationController.h"
#include "core/ObservationListModel.h"
#include "core/PeopleManager.h"
#include "core/PersonSearchModel.h"
#include "core/ReferenceManager.h"
#include "core/StandardListModel.h"
#include "core/TeamListModel.h"
#include "replica/Replica.h"

using namespace cadre::client;

namespace {

using Tester = QAbstractItemModelTester;

QString memberId(AppContext& context, const char* iso3) {
    for (const MemberInfo& m : context.references().members()) {
        if (m.iso3 == QLatin1String(iso3)) {
            return m.id;
        }
    }
    return {};
}

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT

  private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<AppContext> context_;
    QString senegalMission_;

  private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
        context_ = std::make_unique<AppContext>(dir_->path());
        context_->languageController().setLanguage(QStringLiteral("en"));
        senegalMission_ = seedDemoData(*context_);
        QVERIFY(!senegalMission_.isEmpty());
    }
    void cleanup() {
        context_.reset();
        dir_.reset();
    }

    void missionListFiltersByMemberKindStatusAndText() {
        MissionListModel model(context_->missions());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &MissionListModel::countChanged);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.filtered());

        model.setMemberId(memberId(*context_, "SEN"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), MissionListModel::IdRole).toString(), senegalMission_);
        QCOMPARE(model.data(model.index(0), MissionListModel::ObservedRole).toInt(), 5);
        QCOMPARE(model.data(model.index(0), MissionListModel::StandardCountRole).toInt(), 15);
        QCOMPARE(model.data(model.index(0), MissionListModel::KindLabelRole).toString(),
                 QStringLiteral("Diagnostic"));
        QVERIFY(model.filtered());
        QCOMPARE(resets.count(), 1);
        QCOMPARE(counts.count(), 1);

        model.setMemberId(QString());
        model.setKind(QStringLiteral("follow_up"));
        QCOMPARE(model.rowCount(), 1);
        model.setKind(QString());
        model.setStatus(QStringLiteral("completed"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), MissionListModel::ReviewStateRole).toString(),
                 QStringLiteral("submitted"));
        model.setStatus(QString());
        model.setSearchText(QStringLiteral("maroc"));  // the French name of Morocco matches too
        QCOMPARE(model.rowCount(), 1);
        model.setSearchText(QStringLiteral("nothing like this"));
        QCOMPARE(model.rowCount(), 0);
        model.setSearchText(QString());
        QCOMPARE(model.rowCount(), 3);
    }

    void missionListFollowsWrites() {
        MissionListModel model(context_->missions());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QSignalSpy counts(&model, &MissionListModel::countChanged);
        MissionController& controller = context_->missionController();
        const QString id = controller.createMission(
            QStringLiteral("study_visit"), memberId(*context_, "KEN"),
            QStringLiteral("Study visit Nairobi"), QStringLiteral("2027-03-01"), QString());
        QVERIFY(!id.isEmpty());
        QCOMPARE(controller.currentId(), id);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(counts.count(), 1);
        QVERIFY(model.indexOf(id) >= 0);
    }

    void observationListHasOneRowPerStandard() {
        ObservationListModel model(context_->missions(), context_->references());
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QSignalSpy counts(&model, &ObservationListModel::countChanged);
        model.setMissionId(senegalMission_);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.observedCount(), 5);
        QCOMPARE(model.data(model.index(0), ObservationListModel::NumberRole).toInt(), 1);
        QVERIFY(model.data(model.index(0), ObservationListModel::HasObservationRole).toBool());
        QCOMPARE(model.data(model.index(0), ObservationListModel::MaturityRole).toInt(), 2);
        QVERIFY(!model.data(model.index(3), ObservationListModel::HasObservationRole).toBool());
        QCOMPARE(model.data(model.index(3), ObservationListModel::MaturityRole).toInt(), -1);

        // A new observation shows at once.
        context_->missions().setObservationFields(senegalMission_, model.standardIdAt(3),
                                                  {{QStringLiteral("maturity"), 4}});
        QCOMPARE(model.observedCount(), 6);
        QCOMPARE(model.data(model.index(3), ObservationListModel::MaturityLabelRole).toString(),
                 QStringLiteral("4 · Full"));
    }

    void referenceModelsFollowTheLanguage() {
        MemberListModel members(context_->references(), true);
        Tester memberTester(&members, Tester::FailureReportingMode::Fatal);
        QVERIFY(members.rowCount() > 150);
        QCOMPARE(members.data(members.index(0), MemberListModel::NameRole).toString(),
                 QStringLiteral("All Members"));
        const int senegal = members.indexOf(memberId(*context_, "SEN"));
        QVERIFY(senegal > 0);
        QCOMPARE(members.data(members.index(senegal), MemberListModel::NameRole).toString(),
                 QStringLiteral("Senegal"));

        StandardListModel standards(context_->references());
        Tester standardTester(&standards, Tester::FailureReportingMode::Fatal);
        standards.setEditionId(context_->references().currentEditionId());
        QCOMPARE(standards.rowCount(), 15);

        context_->languageController().setLanguage(QStringLiteral("fr"));
        members.reload();
        standards.reload();
        const int senegalFr = members.indexOf(memberId(*context_, "SEN"));
        QCOMPARE(members.data(members.index(senegalFr), MemberListModel::NameRole).toString(),
                 QStringLiteral("Sénégal"));
        QCOMPARE(members.data(members.index(0), MemberListModel::NameRole).toString(),
                 QStringLiteral("Tous les Membres"));
        QVERIFY(standards.data(standards.index(0), StandardListModel::TitleRole)
                    .toString()
                    .startsWith(QStringLiteral("Cadre légal")));
        QVERIFY(context_->languageController().loadedCatalogues().contains(
            QStringLiteral("cadre_client_fr.qm")));
    }

    void teamAndPeople() {
        TeamListModel team(context_->missions());
        Tester teamTester(&team, Tester::FailureReportingMode::Fatal);
        PersonSearchModel people(context_->people());
        Tester peopleTester(&people, Tester::FailureReportingMode::Fatal);
        team.setMissionId(senegalMission_);
        QCOMPARE(team.rowCount(), 3);
        QCOMPARE(team.data(team.index(0), TeamListModel::RoleRole).toString(),
                 QStringLiteral("lead_expert"));

        QSignalSpy peopleCounts(&people, &PersonSearchModel::countChanged);
        people.setQuery(QStringLiteral("ndiaye"));
        QCOMPARE(people.rowCount(), 1);
        QCOMPARE(peopleCounts.count(), 1);

        MissionController& controller = context_->missionController();
        controller.open(senegalMission_);
        QVERIFY(controller.addNewPerson(QStringLiteral("Sow"), QStringLiteral("Fatou"),
                                        QStringLiteral("Ministère du Commerce"),
                                        QStringLiteral("observer")));
        QCOMPARE(team.rowCount(), 4);
        const QString rowId = team.data(team.index(3), TeamListModel::IdRole).toString();
        controller.removeTeamMember(rowId);
        QCOMPARE(team.rowCount(), 3);
        QVERIFY(
            !controller.addNewPerson(QString(), QString(), QString(), QStringLiteral("expert")));
        QVERIFY(!controller.errorText().isEmpty());
    }

    void attachmentsAreContentAddressed() {
        AttachmentController controller(context_->attachments());
        AttachmentListModel& model = controller.attachmentList();
        Tester tester(&model, Tester::FailureReportingMode::Fatal);
        QSignalSpy counts(&model, &AttachmentListModel::countChanged);
        const QString file = dir_->filePath(QStringLiteral("letter.pdf"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("%PDF-1.4 letter of intent\n");
        }
        controller.setOwner(QStringLiteral("mission"), senegalMission_);
        QVERIFY(controller.attachPath(file, QStringLiteral("Letter of intent")));
        QVERIFY(controller.attachPath(file, QStringLiteral("Same file again")));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(counts.count() >= 2);
        const auto rows =
            context_->attachments().attachments(QStringLiteral("mission"), senegalMission_);
        QCOMPARE(rows.at(0).sha256, rows.at(1).sha256);
        QCOMPARE(rows.at(0).mediaType, QStringLiteral("application/pdf"));
        QCOMPARE(QDir(context_->attachments().blobDir()).entryList(QDir::Files).size(), 1);

        controller.setCaption(rows.at(0).id, QStringLiteral("Lettre d'intention"));
        controller.remove(rows.at(1).id);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), AttachmentListModel::CaptionRole).toString(),
                 QStringLiteral("Lettre d'intention"));

        QVERIFY(!controller.attachPath(dir_->filePath(QStringLiteral("missing.jpg"))));
        QVERIFY(!controller.errorText().isEmpty());
    }

    void observationEditsAreWrittenWithoutFlush() {
        ObservationController& editor = context_->observationController();
        const QString standard =
            context_->missions().observations(senegalMission_).at(5).standardId;
        editor.open(senegalMission_, standard);
        QVERIFY(!editor.exists());
        QSignalSpy saved(&editor, &ObservationController::savedChanged);
        editor.setField(QStringLiteral("gaps"), QStringLiteral("AEO programme ignores e-commerce"));
        editor.setField(QStringLiteral("maturity"), 1);
        QVERIFY(!editor.saved());
        // After the debounce, a second connection (what a crash leaves) sees the text.
        QTRY_VERIFY_WITH_TIMEOUT(editor.saved(), 2000);
        QVERIFY(saved.count() >= 2);
        cadre::replica::Replica other(
            QDir(dir_->path()).filePath(QStringLiteral("cadre.db")).toStdString(), {});
        cadre::replica::Statement st(
            other.database(),
            "SELECT gaps, maturity FROM observation WHERE standard_id = ?1 "
            "AND mission_id = ?2");
        st.bind(1, standard.toStdString());
        st.bind(2, senegalMission_.toStdString());
        QVERIFY(st.step());
        QCOMPARE(QString::fromStdString(st.text(0)),
                 QStringLiteral("AEO programme ignores e-commerce"));
        QCOMPARE(st.integer(1), 1);
        QVERIFY(editor.exists());
    }

    void flushWritesAtOnceAndReportsInvalidValues() {
        ObservationController& editor = context_->observationController();
        const QString standard =
            context_->missions().observations(senegalMission_).at(6).standardId;
        editor.open(senegalMission_, standard);
        editor.setField(QStringLiteral("recommendations"), QStringLiteral("Pilot with La Poste"));
        editor.flush();
        QCOMPARE(context_->missions().observation(senegalMission_, standard).recommendations,
                 QStringLiteral("Pilot with La Poste"));
        editor.setField(QStringLiteral("national_priority"), QStringLiteral("urgent"));
        editor.flush();
        QVERIFY(editor.errorText().contains(QStringLiteral("Priority")));

        MissionController& missions = context_->missionController();
        missions.open(senegalMission_);
        missions.setField(QStringLiteral("starts_on"), QStringLiteral("2026-13-45"));
        missions.flush();
        QVERIFY(missions.errorText().contains(QStringLiteral("Start date")));
        QCOMPARE(context_->missions().mission(senegalMission_).startsOn,
                 QStringLiteral("2026-11-16"));
    }

    void submitForReviewMarksMissionAndObservations() {
        MissionController& controller = context_->missionController();
        controller.open(senegalMission_);
        QSignalSpy current(&controller, &MissionController::currentChanged);
        QVERIFY(controller.submitForReview());
        QVERIFY(current.count() >= 1);
        QCOMPARE(controller.current().value(QStringLiteral("reviewState")).toString(),
                 QStringLiteral("submitted"));
        for (const ObservationRow& o : context_->missions().observations(senegalMission_)) {
            if (!o.observationId.isEmpty()) {
                QCOMPARE(o.reviewState, QStringLiteral("submitted"));
            }
        }
        QCOMPARE(controller.observedCount(), 5);
        QCOMPARE(controller.standardCount(), 15);
    }

    void dataDirectoryFromArgumentsOrEnvironment() {
        QCOMPARE(AppContext::resolveDataDir(
                     {QStringLiteral("cadre"), QStringLiteral("--data"), QStringLiteral("/tmp/x")}),
                 QStringLiteral("/tmp/x"));
        qputenv("CADRE_CLIENT_DATA", "/tmp/from-env");
        QCOMPARE(AppContext::resolveDataDir({QStringLiteral("cadre")}),
                 QStringLiteral("/tmp/from-env"));
        qunsetenv("CADRE_CLIENT_DATA");
        QVERIFY(!AppContext::resolveDataDir({QStringLiteral("cadre")}).isEmpty());
        QVERIFY(context_->resourceExists(QUrl(QStringLiteral("qrc:/qml/Main.qml"))));
        QVERIFY(!context_->resourceExists(QUrl(QStringLiteral("qrc:/nothing/Here.qml"))));
    }
};

QTEST_MAIN(ModelsTest)
#include "ModelsTest.moc"
