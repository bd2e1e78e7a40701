// MissionsPage: the missions on this device — filters, search, the list, and "New mission".
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Page {
    id: page
    objectName: "missionsPage"
    readonly property var missions: missionController.list
    background: Rectangle { color: Theme.page }

    function openMission(id) {
        missionController.open(id)
        StackView.view.push("qrc:/qml/MissionPage.qml")
    }

    Shortcut {
        sequence: StandardKey.New
        enabled: page.visible && page.StackView.status === StackView.Active
        onActivated: newMissionDialog.open()
    }
    Shortcut {
        sequence: StandardKey.Find
        enabled: page.visible && page.StackView.status === StackView.Active
        onActivated: searchField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Missions")
            subtitle: qsTr("%n mission(s) on this device", "", page.missions.count)
            PrimaryButton {
                objectName: "newMissionButton"
                text: qsTr("New mission")
                onClicked: newMissionDialog.open()
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            text: missionController.errorText
            onDismissed: missionController.clearError()
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            TextField {
                id: searchField
                objectName: "missionSearchField"
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                placeholderText: qsTr("Search title or Member")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+F")
                selectByMouse: true
                onTextEdited: page.missions.searchText = text
            }
            ComboBox {
                objectName: "memberFilter"
                Layout.preferredWidth: 240
                model: missionController.memberFilter
                textRole: "name"
                valueRole: "memberId"
                Accessible.name: qsTr("Member")
                onActivated: page.missions.memberId = currentValue
            }
            ComboBox {
                id: kindFilter
                objectName: "kindFilter"
                Layout.preferredWidth: 200
                model: [{ value: "", label: qsTr("All kinds") }].concat(missionController.kinds)
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Kind")
                onActivated: page.missions.kind = currentValue
            }
            ComboBox {
                objectName: "statusFilter"
                Layout.preferredWidth: 180
                model: [{ value: "", label: qsTr("All statuses") }].concat(missionController.statuses)
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Status")
                onActivated: page.missions.status = currentValue
            }
        }

        ListView {
            id: list
            objectName: "missionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: page.missions
            keyNavigationEnabled: true
            activeFocusOnTab: true
            currentIndex: -1
            ScrollBar.vertical: ScrollBar {}
            delegate: MissionDelegate {
                width: ListView.view.width
                onOpened: page.openMission(missionId)
            }
            Keys.onReturnPressed: if (currentItem) page.openMission(currentItem.missionId)
            Keys.onEnterPressed: if (currentItem) page.openMission(currentItem.missionId)

            EmptyState {
                anchors.centerIn: parent
                visible: list.count === 0
                title: page.missions.filtered ? qsTr("No mission matches these filters")
                                              : qsTr("No missions yet — create one")
                body: page.missions.filtered
                      ? qsTr("Clear the search or choose other filters.")
                      : qsTr("A mission holds what you find for each standard of the Framework: maturity, gaps, recommendations and evidence. Everything is saved on this device as you type, with or without a network.")
                actionText: page.missions.filtered ? "" : qsTr("New mission")
                onActionTriggered: newMissionDialog.open()
            }
        }
    }

    NewMissionDialog {
        id: newMissionDialog
        objectName: "newMissionDialog"
        anchors.centerIn: parent
        onCreated: (missionId) => page.StackView.view.push("qrc:/qml/MissionPage.qml")
    }
}
