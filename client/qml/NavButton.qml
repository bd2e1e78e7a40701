// NavButton: one destination of the left navigation rail.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

ItemDelegate {
    id: root
    property string glyph
    property bool current: false
    property int badge: 0
    Layout.fillWidth: true
    implicitHeight: 48
    focusPolicy: Qt.StrongFocus

    background: Rectangle {
        radius: 24
        color: root.current ? Theme.accentSoft : (root.hovered || root.visualFocus ? "#e8ebef" : "transparent")
        border.width: root.visualFocus ? 2 : 0
        border.color: Theme.accent
    }
    contentItem: RowLayout {
        spacing: 12
        Label {
            text: root.glyph
            font.pixelSize: 18
            color: root.current ? Theme.accent : Theme.muted
            Layout.preferredWidth: 24
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            Layout.fillWidth: true
            text: root.text
            font.weight: root.current ? Font.DemiBold : Font.Normal
            color: root.current ? Theme.accent : Theme.text
            elide: Text.ElideRight
        }
        Label {
            visible: root.badge > 0
            text: root.badge
            color: "white"
            font.pixelSize: 12
            leftPadding: 6
            rightPadding: 6
            background: Rectangle { radius: 9; color: Theme.danger }
        }
    }
}
