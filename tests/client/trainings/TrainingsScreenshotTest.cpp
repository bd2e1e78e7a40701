// TrainingsScreenshotTest: renders the three trainings pages at 1280×800 in English and French,
// with a seeded ToT in Dakar, into <build>/screenshots/<en|fr>/<page>.png.
#include <QDir>
#include <QImage>
#include <QLocale>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

#include "TrainingTypes.h"
#include "TrainingsTestSupport.h"

using namespace cadre;
using namespace cadre::trainings;
using namespace cadre::trainings::test;

class TrainingsScreenshotTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }
    /// Any QML error of the pages (a delegate that cannot be made, a bad binding) fails the test.
    void init() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/trainings/|TableView")));
    }
    void pages_data();
    void pages();
};

void TrainingsScreenshotTest::pages_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("page");
    for (const char* language : {"en", "fr"})
        for (const char* page : {"TrainingsPage", "TrainingPage", "AttendancePage"})
            QTest::addRow("%s/%s", language, page)
                << QString::fromLatin1(language) << QString::fromLatin1(page);
}

void TrainingsScreenshotTest::pages() {
    QFETCH(QString, language);
    QFETCH(QString, page);

    QTranslator translator;
    const bool french = language == QLatin1String("fr");
    QLocale::setDefault(french ? QLocale(QLocale::French, QLocale::France)
                               : QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(translator.load(QStringLiteral(":/i18n/cadre_trainings_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);

    TempReplica r;
    QQuickView view;
    TrainingServices* services = registerTrainingTypes(*view.engine(), r.replica());
    const SeededTraining s = seedDakarToT(services->manager, 30);
    seedOtherTrainings(services->manager);
    // Day 1 fully marked, day 2 half marked: a grid as a trainer sees it mid-training.
    for (int i = 0; i < s.personIds.size(); ++i) {
        const char* first = i % 11 == 3 ? "late" : i % 13 == 7 ? "excused" : "present";
        services->manager.markAttendance(s.sessionIds[0], s.personIds[i],
                                         QString::fromLatin1(first));
        const char* second = i % 9 == 4 ? "absent" : i % 7 == 2 ? "late" : "present";
        services->manager.markAttendance(s.sessionIds[1], s.personIds[i],
                                         QString::fromLatin1(second));
        if (i < 12)
            services->manager.markAttendance(s.sessionIds[2], s.personIds[i],
                                             QStringLiteral("present"));
    }
    services->manager.setAttendanceNote(s.sessionIds[1], s.personIds[4],
                                        QStringLiteral("Called to the port for an inspection"));
    services->trainingController.open(s.trainingId);
    services->reload();

    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1280, 800);
    view.setColor(Qt::white);
    view.setSource(QUrl(QStringLiteral("qrc:/trainings/%1.qml").arg(page)));
    QCOMPARE(view.status(), QQuickView::Ready);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    if (page == QLatin1String("AttendancePage"))
        QMetaObject::invokeMethod(view.rootObject(), "moveTo", Q_ARG(QVariant, 4),
                                  Q_ARG(QVariant, 1));
    QTest::qWait(300);
    const QImage shot = view.grabWindow();
    QCOMPARE(shot.size(), QSize(1280, 800));

    const QString dir = QStringLiteral(CADRE_SCREENSHOT_DIR "/") + language;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(shot.save(dir + QLatin1Char('/') + page + QStringLiteral(".png")));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TrainingsScreenshotTest)
#include "TrainingsScreenshotTest.moc"
