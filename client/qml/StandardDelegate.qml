// StandardDelegate: one standard of a mission, with its observation's maturity and priority.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

ItemDelegate {
    id: root
    required property int index
    required property string standardId
    required property int number
    required property string title
    required property bool hasObservation
    required property int maturity
    required property string maturityLabel
    required property string priority
    required property string priorityLabel
    required property string summary
    signal opened()

    implicitHeight: Math.max(56, content.implicitHeight + 20)
    highlighted: ListView.isCurrentItem
    onClicked: { ListView.view.currentIndex = index; opened() }

    background: Rectangle {
        radius: Theme.radius
        color: root.hovered ? "#f5f8fb" : Theme.card
        border.color: root.highlighted || root.visualFocus ? Theme.accent : Theme.border
        border.width: root.highlighted || root.visualFocus ? 2 : 1
    }

    contentItem: RowLayout {
        id: content
        spacing: 14
        Rectangle {
            Layout.preferredWidth: 34
            Layout.preferredHeight: 34
            radius: 17
            color: root.hasObservation ? Theme.accent : "transparent"
            border.color: root.hasObservation ? Theme.accent : Theme.border
            border.width: 2
            Label {
                anchors.centerIn: parent
                text: root.number
                color: root.hasObservation ? "white" : Theme.muted
                font.weight: Font.DemiBold
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: root.title
                color: Theme.text
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.hasObservation ? root.summary : qsTr("No observation yet")
                color: Theme.muted
                font.pixelSize: 12
                elide: Text.ElideRight
            }
        }
        Label {
            Layout.preferredWidth: 128
            visible: root.hasObservation
            text: root.maturityLabel
            color: Theme.text
            font.pixelSize: 13
            elide: Text.ElideRight
        }
        Label {
            Layout.preferredWidth: 64
            visible: root.hasObservation && root.priority.length > 0
            text: root.priorityLabel
            color: root.priority === "high" ? Theme.danger : Theme.muted
            font.pixelSize: 13
            font.weight: root.priority === "high" ? Font.DemiBold : Font.Normal
            elide: Text.ElideRight
        }
    }
}
