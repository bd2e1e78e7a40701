// NewMissionDialog: kind, Member, title and dates of a new mission.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Dialog {
    id: dialog
    signal created(string missionId)
    title: qsTr("New mission")
    modal: true
    width: 560
    focus: true
    background: DialogBackground {}

    onOpened: {
        titleField.text = ""
        startsField.text = ""
        endsField.text = ""
        kindBox.currentIndex = 0
        memberBox.currentIndex = -1
        missionController.clearError()
        kindBox.forceActiveFocus()
    }

    function create() {
        const id = missionController.createMission(kindBox.currentValue, memberBox.currentValue || "",
                                                   titleField.text, startsField.text, endsField.text)
        if (id.length > 0) {
            dialog.close()
            dialog.created(id)
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "cancelMissionButton"
            text: qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        PrimaryButton {
            objectName: "createMissionButton"
            text: qsTr("Create mission")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        onAccepted: dialog.create()
        onRejected: dialog.close()
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: Theme.gap
        rowSpacing: 8

        Label { text: qsTr("Kind") }
        ComboBox {
            id: kindBox
            objectName: "newMissionKind"
            Layout.fillWidth: true
            model: missionController.kinds
            textRole: "label"
            valueRole: "value"
        }
        Label { text: qsTr("Member") }
        ComboBox {
            id: memberBox
            objectName: "newMissionMember"
            Layout.fillWidth: true
            model: missionController.memberChoices
            textRole: "name"
            valueRole: "memberId"
            displayText: currentIndex < 0 ? qsTr("Choose a Member…") : currentText
        }
        Label { text: qsTr("Title") }
        TextField {
            id: titleField
            objectName: "newMissionTitle"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Diagnostic mission on e-commerce")
            selectByMouse: true
            onAccepted: dialog.create()
        }
        Label { text: qsTr("Starts on") }
        TextField {
            id: startsField
            objectName: "newMissionStarts"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD")
        }
        Label { text: qsTr("Ends on") }
        TextField {
            id: endsField
            objectName: "newMissionEnds"
            Layout.fillWidth: true
            placeholderText: qsTr("YYYY-MM-DD")
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: text.length > 0
            text: missionController.errorText
            color: Theme.danger
            wrapMode: Text.WordWrap
        }
    }
}
