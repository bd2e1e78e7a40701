// SyncStatusBar: the bottom bar — sync state, changes waiting to be sent, last sync, progress,
// the last error and a "Sync now" button. Reads cadreSync (SyncController) only.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: bar
    /// The locale of the chosen language, for the last sync's date.
    property var dateLocale: Qt.locale()
    /// Emitted when the user clicks the error or the "needs attention" count.
    signal attentionRequested()

    function stateText() {
        switch (cadreSync.state) {
        case "signed-out": return qsTr("Not signed in")
        case "syncing": return qsTr("Syncing…")
        case "offline": return qsTr("Offline")
        case "error": return qsTr("Sync problem")
        default: return qsTr("Up to date")
        }
    }
    function stateColor() {
        switch (cadreSync.state) {
        case "offline": return "#8a6d00"
        case "error": return "#b00020"
        case "signed-out": return "#6b6b6b"
        default: return "#1b7f3b"
        }
    }

    padding: 0
    implicitHeight: 48
    // Drawn here rather than by the style: a plain light bar reads the same with every backend.
    background: Rectangle {
        color: "#eef1f4"
        Rectangle { width: parent.width; height: 1; color: "#d0d5db" }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 8
        spacing: 16

        Rectangle {
            width: 10; height: 10; radius: 5
            color: bar.stateColor()
            Layout.alignment: Qt.AlignVCenter
        }
        Label {
            objectName: "stateLabel"
            text: bar.stateText()
            font.weight: Font.DemiBold
        }
        Label {
            objectName: "pendingLabel"
            text: cadreSync.pendingCount === 0
                  ? qsTr("Nothing waiting to be sent")
                  : qsTr("%n change(s) waiting to be sent", "", cadreSync.pendingCount)
        }
        Label {
            objectName: "lastSyncLabel"
            text: isNaN(cadreSync.lastSyncAt.getTime())
                  ? qsTr("Never synced")
                  : qsTr("Last sync: %1").arg(cadreSync.lastSyncAt.toLocaleString(bar.dateLocale, Locale.ShortFormat))
            opacity: 0.8
        }
        ProgressBar {
            objectName: "progressBar"
            visible: cadreSync.busy
            from: 0; to: 1
            value: cadreSync.progress
            Layout.preferredWidth: 120
        }
        Label {
            objectName: "errorLabel"
            visible: cadreSync.lastError !== "" && cadreSync.state !== "syncing"
            text: cadreSync.lastError
            color: bar.stateColor()
            elide: Text.ElideRight
            Layout.fillWidth: true
            ToolTip.visible: errorArea.containsMouse
            ToolTip.text: cadreSync.lastError
            MouseArea {
                id: errorArea
                anchors.fill: parent
                hoverEnabled: true
                onClicked: bar.attentionRequested()
            }
        }
        Item { Layout.fillWidth: true; visible: !cadreSync.lastError || cadreSync.state === "syncing" }
        Button {
            objectName: "attentionButton"
            visible: cadreAttention.count > 0
            flat: true
            text: qsTr("%n need(s) attention", "", cadreAttention.count)
            onClicked: bar.attentionRequested()
        }
        Button {
            objectName: "syncNowButton"
            text: qsTr("Sync now")
            enabled: cadreSync.state !== "signed-out" && !cadreSync.busy
            Layout.minimumHeight: 40
            onClicked: cadreSync.syncNow()
        }
    }
}
