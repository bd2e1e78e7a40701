// ErrorBanner: a controller's error message, shown above the page until dismissed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Rectangle {
    id: root
    property string text
    signal dismissed()
    visible: text.length > 0
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: Theme.dangerSoft
    radius: Theme.radius
    border.color: Theme.danger

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 4
        Label {
            Layout.fillWidth: true
            text: root.text
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
        ToolButton {
            text: qsTr("Dismiss")
            onClicked: root.dismissed()
        }
    }
}
