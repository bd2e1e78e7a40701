// PersonQuickAddDialog: creates a new person and enrols them in the open training.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog

    title: qsTr("New participant")
    modal: true
    width: 560

    function add() {
        const ok = trainingController.quickAdd({
            familyName: familyName.text,
            givenNames: givenNames.text,
            organisation: organisation.text,
            email: email.text,
            memberId: member.currentValue,
            gender: gender.currentValue
        })
        if (ok)
            dialog.close()
    }

    onOpened: {
        familyName.text = ""
        givenNames.text = ""
        email.text = ""
        trainingController.clearError()
        givenNames.forceActiveFocus()
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12
        rowSpacing: 6

        Label { text: qsTr("Given names") }
        Label { text: qsTr("Family name") + " *" }
        TextField {
            id: givenNames
            objectName: "quickAddGivenNames"
            Layout.fillWidth: true
        }
        TextField {
            id: familyName
            objectName: "quickAddFamilyName"
            Layout.fillWidth: true
            onAccepted: dialog.add()
            onTextEdited: trainingController.people.query = text.trim()
        }
        // People already known by that family name: enrol one of them rather than a duplicate.
        ColumnLayout {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            spacing: 0
            visible: familyName.text.trim().length >= 2 && trainingController.people.count > 0
            Label {
                text: qsTr("Already known? Add them instead of creating a duplicate:")
                color: "#5f6b7a"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Repeater {
                model: trainingController.people
                delegate: ItemDelegate {
                    required property int index
                    required property string personId
                    required property string displayName
                    required property string organisation
                    required property bool enrolled
                    visible: index < 3
                    Layout.fillWidth: true
                    Layout.preferredHeight: visible ? 44 : 0
                    enabled: !enrolled
                    text: displayName + (organisation !== "" ? " · " + organisation : "")
                          + (enrolled ? " · " + qsTr("Enrolled") : "")
                    onClicked: {
                        if (trainingController.enrol(personId))
                            dialog.close()
                    }
                }
            }
        }
        Label { text: qsTr("Organisation") }
        Label { text: qsTr("Email") }
        TextField {
            id: organisation
            Layout.fillWidth: true
        }
        TextField {
            id: email
            Layout.fillWidth: true
            inputMethodHints: Qt.ImhEmailCharactersOnly
        }
        Label { text: qsTr("Member") }
        Label { text: qsTr("Gender") }
        ComboBox {
            id: member
            Layout.fillWidth: true
            textRole: "label"
            valueRole: "value"
            model: [{ value: "", label: "—" }].concat(trainingController.memberOptions)
            currentIndex: {
                const options = model
                for (let i = 0; i < options.length; ++i)
                    if (options[i].value === trainingController.form.memberId)
                        return i
                return 0
            }
        }
        ComboBox {
            id: gender
            Layout.fillWidth: true
            textRole: "label"
            valueRole: "value"
            model: [{ value: "", label: "—" }].concat(trainingController.genderOptions)
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: trainingController.errorText !== ""
            text: trainingController.errorText
            color: "#b71c1c"
            wrapMode: Text.WordWrap
        }
    }

    footer: DialogButtonBox {
        AccentButton {
            objectName: "quickAddButton"
            text: qsTr("Add to roster")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.add()
        }
        Button {
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
