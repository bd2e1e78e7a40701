// TrainingListPage: the trainings list with search and filters, an empty state and "New training".
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Page {
    id: page

    readonly property var trainings: trainingController.trainings

    /// Asks the shell to show another page (when the page is not inside a StackView).
    signal navigate(url page)

    title: qsTr("Trainings")
    font.capitalization: Font.MixedCase

    function openTraining(id) {
        trainingController.open(id)
        if (StackView.view)
            StackView.view.push("qrc:/trainings/TrainingPage.qml")
        else
            page.navigate("qrc:/trainings/TrainingPage.qml")
    }

    header: PageHeader {
        title: qsTr("Trainings")
        showBack: false
        AccentButton {
            text: qsTr("New training")
            implicitHeight: 44
            onClicked: newDialog.open()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            TextField {
                id: search
                Layout.fillWidth: true
                implicitHeight: 48
                placeholderText: qsTr("Search by title, venue or Member")
                text: page.trainings.searchText
                onTextEdited: page.trainings.searchText = text
            }
            ComboBox {
                id: kindFilter
                Layout.preferredWidth: 260
                implicitHeight: 48
                textRole: "label"
                valueRole: "value"
                model: [{ value: "", label: qsTr("All kinds") }].concat(trainingController.kindOptions)
                onActivated: page.trainings.kindFilter = currentValue
                Accessible.name: qsTr("Kind")
            }
            ComboBox {
                id: statusFilter
                Layout.preferredWidth: 200
                implicitHeight: 48
                textRole: "label"
                valueRole: "value"
                model: [{ value: "", label: qsTr("All statuses") }].concat(trainingController.statusOptions)
                onActivated: page.trainings.statusFilter = currentValue
                Accessible.name: qsTr("Status")
            }
        }

        Label {
            text: qsTr("%n training(s)", "", page.trainings.count)
            opacity: 0.7
            visible: page.trainings.count > 0
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: page.trainings
            visible: count > 0
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: card
                objectName: "trainingCard"
                required property string trainingId
                required property string title
                required property string kindLabel
                required property string statusLabel
                required property string status
                required property string place
                required property string venue
                required property string dates
                required property int participantCount
                required property int sessionCount
                width: ListView.view.width
                implicitHeight: 84
                onClicked: page.openTraining(trainingId)
                Keys.onReturnPressed: page.openTraining(trainingId)
                background: Rectangle {
                    radius: 6
                    color: card.hovered || card.activeFocus ? "#f3f7fb" : "#ffffff"
                    border.color: card.activeFocus ? "#1f5f99" : "#e0e0e0"
                }
                contentItem: RowLayout {
                    spacing: 16
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: card.title
                            font.pixelSize: 17
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: [card.kindLabel, card.place, card.venue].filter(function (s) { return s !== "" }).join(" · ")
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                            opacity: 0.8
                        }
                    }
                    ColumnLayout {
                        spacing: 4
                        Layout.preferredWidth: 240
                        Label {
                            text: card.dates
                            Layout.alignment: Qt.AlignRight
                        }
                        Label {
                            text: qsTr("%n participant(s)", "", card.participantCount) + " · "
                                  + qsTr("%n session(s)", "", card.sessionCount)
                            Layout.alignment: Qt.AlignRight
                            opacity: 0.7
                        }
                    }
                    Rectangle {
                        Layout.preferredWidth: 112
                        Layout.preferredHeight: 28
                        radius: 14
                        color: card.status === "ongoing" ? "#c8e6c9"
                             : card.status === "planned" ? "#e3f2fd"
                             : card.status === "completed" ? "#eeeeee" : "#ffebee"
                        Label {
                            anchors.centerIn: parent
                            text: card.statusLabel
                        }
                    }
                }
            }
        }

        // Empty state.
        ColumnLayout {
            visible: page.trainings.count === 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            Item { Layout.fillHeight: true }
            Label {
                Layout.alignment: Qt.AlignHCenter
                font.pixelSize: 20
                text: search.text !== "" || kindFilter.currentIndex > 0 || statusFilter.currentIndex > 0
                      ? qsTr("No training matches these filters.")
                      : qsTr("No trainings yet.")
            }
            Label {
                Layout.alignment: Qt.AlignHCenter
                opacity: 0.7
                text: qsTr("Record a workshop or a training of trainers, its sessions and its participants, even offline.")
            }
            AccentButton {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("New training")
                onClicked: newDialog.open()
            }
            Item { Layout.fillHeight: true }
        }
    }

    Dialog {
        id: newDialog
        title: qsTr("New training")
        modal: true
        anchors.centerIn: parent
        width: 520
        standardButtons: Dialog.Ok | Dialog.Cancel
        onOpened: {
            newTitle.text = ""
            newTitle.forceActiveFocus()
        }
        onAccepted: {
            const id = trainingController.createTraining(newKind.currentValue, newTitle.text)
            if (id !== "")
                page.openTraining(id)
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label { text: qsTr("Kind") }
            ComboBox {
                id: newKind
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "value"
                model: trainingController.kindOptions
            }
            Label { text: qsTr("Title") }
            TextField {
                id: newTitle
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. ToT on the e-commerce standards, Dakar")
                onAccepted: newDialog.accept()
            }
        }
    }

    Label {
        visible: trainingController.errorText !== ""
        text: trainingController.errorText
        color: "#b71c1c"
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 16
    }
}
