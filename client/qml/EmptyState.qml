// EmptyState: what a list shows when it has nothing yet, with the one action that helps.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

ColumnLayout {
    id: root
    property string title
    property string body
    property string actionText
    signal actionTriggered()
    spacing: 8

    Label {
        Layout.alignment: Qt.AlignHCenter
        text: root.title
        font.pixelSize: 20
        font.weight: Font.Medium
        color: Theme.text
    }
    Label {
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 460
        text: root.body
        visible: text.length > 0
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.muted
    }
    PrimaryButton {
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: 8
        visible: root.actionText.length > 0
        text: root.actionText
        onClicked: root.actionTriggered()
    }
}
