// EvidenceDelegate: one attached file — a thumbnail for photos, its name, size and caption.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Rectangle {
    id: root
    required property string attachmentId
    required property string fileName
    required property string caption
    required property string size
    required property url url
    required property bool isImage
    signal captionEdited(string id, string caption)
    signal removeRequested(string id)

    implicitHeight: layout.implicitHeight + 16
    radius: Theme.radius
    color: Theme.card
    border.color: Theme.border

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8
        Rectangle {
            Layout.preferredWidth: 48
            Layout.preferredHeight: 48
            Layout.alignment: Qt.AlignTop
            color: Theme.accentSoft
            radius: 4
            clip: true
            Image {
                anchors.fill: parent
                visible: root.isImage
                source: root.isImage ? root.url : ""
                fillMode: Image.PreserveAspectCrop
                sourceSize.width: 96
                asynchronous: true
            }
            Label {
                anchors.centerIn: parent
                visible: !root.isImage
                text: root.fileName.split(".").pop().toUpperCase().slice(0, 4)
                color: Theme.accent
                font.pixelSize: 11
                font.weight: Font.DemiBold
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: root.fileName
                elide: Text.ElideMiddle
            }
            Label {
                text: root.size
                color: Theme.muted
                font.pixelSize: 11
            }
            TextArea {
                objectName: "caption_" + root.fileName
                Layout.fillWidth: true
                text: root.caption
                placeholderText: qsTr("Caption")
                wrapMode: TextEdit.Wrap
                font.pixelSize: 13
                Keys.onReturnPressed: focus = false
                onEditingFinished: if (text !== root.caption) root.captionEdited(root.attachmentId, text)
            }
        }
        ToolButton {
            Layout.alignment: Qt.AlignTop
            text: "✕"
            Accessible.name: qsTr("Remove %1").arg(root.fileName)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Remove this file")
            onClicked: root.removeRequested(root.attachmentId)
        }
    }
}
