// PageHeader: the title bar of a trainings page — back button, title, subtitle, actions.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: header

    property string title
    property string subtitle
    property bool showBack: true
    /// Buttons shown at the right.
    default property alias actions: actionRow.data

    signal back()

    implicitHeight: 68
    color: "#ffffff"

    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: "#e0e0e0"
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: header.showBack ? 4 : 16
        anchors.rightMargin: 16
        spacing: 8
        ToolButton {
            visible: header.showBack
            text: "‹"
            font.pixelSize: 28
            implicitWidth: 48
            implicitHeight: 48
            Accessible.name: qsTr("Back")
            onClicked: header.back()
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                text: header.title
                font.pixelSize: 20
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: header.subtitle !== ""
                text: header.subtitle
                elide: Text.ElideRight
                Layout.fillWidth: true
                opacity: 0.7
            }
        }
        RowLayout {
            id: actionRow
            spacing: 8
        }
    }
}
