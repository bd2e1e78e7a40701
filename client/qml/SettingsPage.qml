// SettingsPage: the language of the app, and where its data lives.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Page {
    id: page
    background: Rectangle { color: Theme.page }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Settings")
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.maximumWidth: 720
            implicitHeight: languageColumn.implicitHeight + 40
            color: Theme.card
            radius: Theme.radius
            border.color: Theme.border
            ColumnLayout {
                id: languageColumn
                anchors.fill: parent
                anchors.margins: 20
                spacing: 4
                Label {
                    text: qsTr("Language")
                    font.pixelSize: 18
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The language of menus and labels, and how dates and numbers are written. What you type is kept as you typed it.")
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: languageController.languages
                    delegate: RadioButton {
                        required property var modelData
                        objectName: "language_" + modelData.code
                        text: modelData.label
                        checked: languageController.language === modelData.code
                        onClicked: languageController.language = modelData.code
                    }
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.maximumWidth: 720
            implicitHeight: dataColumn.implicitHeight + 40
            color: Theme.card
            radius: Theme.radius
            border.color: Theme.border
            ColumnLayout {
                id: dataColumn
                anchors.fill: parent
                anchors.margins: 20
                spacing: 4
                Label {
                    text: qsTr("Data on this device")
                    font.pixelSize: 18
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Everything you enter is saved here as you type and sent to headquarters at the next sync. Closing the app or a power cut loses nothing.")
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                }
                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: appContext.dataDir
                    font.family: "monospace"
                    elide: Text.ElideMiddle
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
