// TeamDialog: adds someone to the mission's team — found among the people already known, or new.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Dialog {
    id: dialog
    objectName: "teamDialog"
    title: qsTr("Add to the team")
    modal: true
    width: 560
    height: 560
    standardButtons: Dialog.Close
    background: DialogBackground {}
    readonly property var people: missionController.people

    onOpened: {
        searchField.text = ""
        dialog.people.query = ""
        familyField.text = ""
        givenField.text = ""
        organisationField.text = ""
        searchField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Role") }
            ComboBox {
                id: roleBox
                Layout.fillWidth: true
                model: missionController.roles
                textRole: "label"
                valueRole: "value"
                currentIndex: 1
            }
        }
        TextField {
            id: searchField
            Layout.fillWidth: true
            placeholderText: qsTr("Search people already known")
            onTextEdited: dialog.people.query = text
        }
        ListView {
            id: results
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.people
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string personId
                required property string name
                required property string organisation
                width: ListView.view.width
                text: organisation.length > 0 ? name + "  ·  " + organisation : name
                onClicked: if (missionController.addTeamMember(personId, roleBox.currentValue)) dialog.close()
            }
            Label {
                anchors.centerIn: parent
                visible: results.count === 0
                text: qsTr("Nobody found. Add a new person below.")
                color: Theme.muted
            }
        }
        Label {
            text: qsTr("New person")
            font.weight: Font.DemiBold
        }
        RowLayout {
            Layout.fillWidth: true
            TextField { id: givenField; Layout.fillWidth: true; placeholderText: qsTr("Given names") }
            TextField { id: familyField; Layout.fillWidth: true; placeholderText: qsTr("Family name") }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField { id: organisationField; Layout.fillWidth: true; placeholderText: qsTr("Organisation") }
            PrimaryButton {
                text: qsTr("Add")
                enabled: familyField.text.trim().length > 0
                onClicked: if (missionController.addNewPerson(familyField.text, givenField.text,
                                                              organisationField.text, roleBox.currentValue)) dialog.close()
            }
        }
    }
}
