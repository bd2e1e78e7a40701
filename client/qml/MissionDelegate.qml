// MissionDelegate: one mission as a card — title, Member, kind, dates, progress, review state.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

ItemDelegate {
    id: root
    required property int index
    required property string missionId
    required property string title
    required property string kindLabel
    required property string memberName
    required property string iso3
    required property string dates
    required property string statusLabel
    required property string reviewState
    required property string reviewLabel
    required property int observed
    required property int standardCount
    required property real progress
    signal opened()

    implicitHeight: content.implicitHeight + 28
    highlighted: ListView.isCurrentItem
    onClicked: { ListView.view.currentIndex = index; opened() }
    Keys.onReturnPressed: opened()

    background: Rectangle {
        radius: Theme.radius
        color: root.hovered ? "#f5f8fb" : Theme.card
        border.color: root.highlighted || root.visualFocus ? Theme.accent : Theme.border
        border.width: root.highlighted || root.visualFocus ? 2 : 1
    }

    contentItem: RowLayout {
        id: content
        spacing: 20
        Rectangle {
            Layout.preferredWidth: 52
            Layout.preferredHeight: 52
            radius: 26
            color: Theme.accentSoft
            Label {
                anchors.centerIn: parent
                text: root.iso3
                font.weight: Font.DemiBold
                color: Theme.accent
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 17
                font.weight: Font.Medium
                color: Theme.text
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: [root.memberName, root.kindLabel, root.dates].filter(s => s.length > 0).join("  ·  ")
                color: Theme.muted
                elide: Text.ElideRight
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 220
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: qsTr("%n of %1 standards observed", "", root.observed).arg(root.standardCount)
                color: Theme.muted
                font.pixelSize: 12
                elide: Text.ElideRight
            }
            ProgressBar {
                Layout.fillWidth: true
                value: root.progress
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 170
            spacing: 4
            Label {
                Layout.alignment: Qt.AlignRight
                text: root.statusLabel
                color: Theme.text
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: root.reviewLabel
                font.pixelSize: 12
                color: root.reviewState === "has_issues" ? Theme.danger
                     : root.reviewState === "approved" ? Theme.success : Theme.muted
            }
        }
    }
}
