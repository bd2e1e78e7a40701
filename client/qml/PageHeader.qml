// PageHeader: a page's title, an optional subtitle and back button, and room for actions.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

RowLayout {
    id: root
    property string title
    property string subtitle
    property bool canGoBack: false
    default property alias actions: actionRow.data
    signal back()
    spacing: Theme.gap

    ToolButton {
        visible: root.canGoBack
        text: "←"
        font.pixelSize: 22
        Accessible.name: qsTr("Back")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Back (Alt+Left)")
        onClicked: root.back()
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        Label {
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: 24
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.subtitle
            color: Theme.muted
            elide: Text.ElideRight
        }
    }
    RowLayout {
        id: actionRow
        spacing: 8
    }
}
