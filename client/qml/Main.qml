// Main: the application shell — navigation rail, the current section, the sync status bar.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import "."

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: qsTr("Cadre — WCO e-commerce standards, field edition")
    color: Theme.page

    Material.theme: Material.Light
    Material.accent: Theme.accent
    Material.primary: Theme.accent

    readonly property url trainingsUrl: "qrc:/trainings/TrainingsPage.qml"
    readonly property url attentionUrl: "qrc:/sync/AttentionPage.qml"
    readonly property url statusBarUrl: "qrc:/sync/SyncStatusBar.qml"
    readonly property url signInUrl: "qrc:/sync/SignInPage.qml"
    readonly property bool hasSignIn: appContext.resourceExists(signInUrl) && typeof cadreSession !== "undefined"
    readonly property string signedInAs: hasSignIn && cadreSession.signedIn ? cadreSession.username : ""
    readonly property bool hasTrainings: appContext.resourceExists(trainingsUrl)
    readonly property bool hasAttention: appContext.resourceExists(attentionUrl)
    readonly property bool hasStatusBar: appContext.resourceExists(statusBarUrl)
    // First run: sign in first when the sync part is there and nobody is signed in yet; the
    // missions work offline all the same.
    property string section: hasSignIn && !cadreSession.signedIn && cadreSession.username === "" ? "account" : "missions"

    /// Opens a mission (from the needs-attention list, for instance).
    function openMission(missionId) {
        navigate("missions")
        missionsStack.pop(null)
        missionController.open(missionId)
        missionsStack.push("qrc:/qml/MissionPage.qml")
    }

    /// Shows a section: "missions", "trainings", "attention" or "settings".
    function navigate(name) {
        observationController.flush()
        missionController.flush()
        section = name
    }

    onClosing: appContext.flush()

    Shortcut { sequence: "Ctrl+1"; onActivated: window.navigate("missions") }
    Shortcut { sequence: "Ctrl+2"; enabled: window.hasTrainings; onActivated: window.navigate("trainings") }
    Shortcut { sequence: "Ctrl+3"; enabled: window.hasAttention; onActivated: window.navigate("attention") }
    Shortcut { sequence: "Ctrl+,"; onActivated: window.navigate("settings") }
    Shortcut {
        sequence: "Alt+Left"  // not also StandardKey.Back: on Linux that is Alt+Left too, and
                              // a key bound twice is ambiguous and fires neither
        enabled: window.section === "missions" && missionsStack.depth > 1
        onActivated: missionsStack.pop()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            Rectangle {
                id: rail
                objectName: "navigationRail"
                Layout.fillHeight: true
                Layout.preferredWidth: 232
                color: Theme.rail

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 4

                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: 12
                        Layout.topMargin: 8
                        Layout.bottomMargin: 20
                        spacing: 0
                        Label {
                            text: "Cadre"
                            font.pixelSize: 24
                            font.weight: Font.Bold
                            color: Theme.accent
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("E-commerce standards in the field")
                            color: Theme.muted
                            font.pixelSize: 12
                            wrapMode: Text.WordWrap
                        }
                    }
                    NavButton {
                        objectName: "navMissions"
                        glyph: "⚑"
                        text: qsTr("Missions")
                        current: window.section === "missions"
                        onClicked: window.navigate("missions")
                    }
                    NavButton {
                        objectName: "navTrainings"
                        visible: window.hasTrainings
                        glyph: "◎"
                        text: qsTr("Trainings")
                        current: window.section === "trainings"
                        onClicked: window.navigate("trainings")
                    }
                    NavButton {
                        objectName: "navAttention"
                        visible: window.hasAttention
                        glyph: "⚠"
                        text: qsTr("Needs attention")
                        current: window.section === "attention"
                        badge: typeof cadreAttention !== "undefined" ? cadreAttention.count : 0
                        onClicked: window.navigate("attention")
                    }
                    Item { Layout.fillHeight: true }
                    NavButton {
                        objectName: "navAccount"
                        visible: window.hasSignIn
                        glyph: "☺"
                        text: window.signedInAs.length > 0 ? window.signedInAs : qsTr("Sign in")
                        current: window.section === "account"
                        onClicked: window.navigate("account")
                    }
                    NavButton {
                        objectName: "navSettings"
                        glyph: "⚙"
                        text: qsTr("Settings")
                        current: window.section === "settings"
                        onClicked: window.navigate("settings")
                    }
                }
            }
            Rectangle {
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                color: Theme.border
            }

            StackLayout {
                id: sections
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: ["missions", "trainings", "attention", "settings", "account"].indexOf(window.section)

                StackView {
                    id: missionsStack
                    objectName: "missionsStack"
                    initialItem: "qrc:/qml/MissionsPage.qml"
                    focus: window.section === "missions"
                }
                Loader {
                    objectName: "trainingsLoader"
                    active: window.hasTrainings && window.section === "trainings"
                    source: window.hasTrainings ? window.trainingsUrl : ""
                }
                Loader {
                    id: attentionLoader
                    objectName: "attentionLoader"
                    active: window.hasAttention && window.section === "attention"
                    source: window.hasAttention ? window.attentionUrl : ""
                }
                SettingsPage {
                    objectName: "settingsPage"
                }
                Loader {
                    objectName: "accountLoader"
                    active: window.hasSignIn && window.section === "account"
                    source: window.hasSignIn ? window.signInUrl : ""
                }
            }
        }

        Connections {
            target: attentionLoader.item
            ignoreUnknownSignals: true
            function onOpenRecord(table, recordId, missionId) {
                if (missionId.length > 0)
                    window.openMission(missionId)
            }
        }
        Connections {
            target: statusBar.item
            ignoreUnknownSignals: true
            function onAttentionRequested() { window.navigate("attention") }
        }
        Loader {
            id: statusBar
            objectName: "statusBarLoader"
            Layout.fillWidth: true
            active: window.hasStatusBar
            visible: active
            source: window.hasStatusBar ? window.statusBarUrl : ""
        }
    }
}
