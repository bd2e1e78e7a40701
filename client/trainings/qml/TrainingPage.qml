// TrainingPage: edits the open training — details, standards covered, trainers, sessions, and the
// roster with quick-add, search, scores, certification and trained-by.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Page {
    id: page

    readonly property var form: trainingController.form
    readonly property var trainerChoices: trainingController.trainers.map(function (t) {
        return { value: t.personId, label: t.name }
    })

    /// Asks the shell to show another page (when the page is not inside a StackView).
    signal navigate(url page)

    title: form.title
    font.capitalization: Font.MixedCase

    /// The index of `value` in a [{value, label}] list (0 when absent: the "—" entry).
    function indexIn(options, value) {
        for (let i = 0; i < options.length; ++i)
            if (options[i].value === value)
                return i
        return 0
    }
    function go(url) {
        trainingController.flush()
        if (StackView.view)
            StackView.view.push(url)
        else
            page.navigate(url)
    }
    function back() {
        trainingController.flush()
        if (StackView.view)
            StackView.view.pop()
        else
            page.navigate("qrc:/trainings/TrainingsPage.qml")
    }

    Component.onDestruction: trainingController.flush()

    header: PageHeader {
        title: page.form.title !== "" ? page.form.title : qsTr("Untitled training")
        subtitle: [page.form.kindLabel, page.form.dates, page.form.statusLabel].filter(function (s) { return s !== "" }).join(" · ")
        onBack: page.back()
        AccentButton {
            objectName: "takeAttendanceButton"
            text: qsTr("Take attendance")
            implicitHeight: 44
            enabled: trainingController.sessions.count > 0 && trainingController.roster.count > 0
            onClicked: {
                attendanceController.open(trainingController.trainingId)
                page.go("qrc:/trainings/AttendancePage.qml")
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 24

        // Left: the training itself.
        ScrollView {
            id: left
            Layout.preferredWidth: parent.width * 0.44
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: left.availableWidth - 12
                spacing: 10

                Label {
                    visible: trainingController.errorText !== ""
                    text: trainingController.errorText
                    color: "#b71c1c"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }

                Label { text: qsTr("Details"); font.bold: true; font.pixelSize: 16 }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 4
                    TextField {
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        placeholderText: qsTr("Title")
                        text: page.form.title
                        Accessible.name: qsTr("Title")
                        onTextEdited: trainingController.setField("title", text)
                        onEditingFinished: trainingController.flush()
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        textRole: "label"
                        valueRole: "value"
                        model: trainingController.kindOptions
                        currentIndex: page.indexIn(model, page.form.kind)
                        Accessible.name: qsTr("Kind")
                        onActivated: { trainingController.setField("kind", currentValue); trainingController.flush() }
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        textRole: "label"
                        valueRole: "value"
                        model: trainingController.statusOptions
                        currentIndex: page.indexIn(model, page.form.status)
                        Accessible.name: qsTr("Status")
                        onActivated: { trainingController.setField("status", currentValue); trainingController.flush() }
                    }
                    Label { text: qsTr("Member"); opacity: 0.7 }
                    Label { text: qsTr("Region"); opacity: 0.7 }
                    ComboBox {
                        Layout.fillWidth: true
                        textRole: "label"
                        valueRole: "value"
                        model: [{ value: "", label: "—" }].concat(trainingController.memberOptions)
                        currentIndex: page.indexIn(model, page.form.memberId)
                        Accessible.name: qsTr("Member")
                        onActivated: { trainingController.setField("memberId", currentValue); trainingController.flush() }
                    }
                    ComboBox {
                        Layout.fillWidth: true
                        textRole: "label"
                        valueRole: "value"
                        model: [{ value: "", label: "—" }].concat(trainingController.regionOptions)
                        currentIndex: page.indexIn(model, page.form.regionId)
                        Accessible.name: qsTr("Region")
                        onActivated: { trainingController.setField("regionId", currentValue); trainingController.flush() }
                    }
                    TextField {
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        placeholderText: qsTr("Venue")
                        text: page.form.venue
                        Accessible.name: qsTr("Venue")
                        onTextEdited: trainingController.setField("venue", text)
                        onEditingFinished: trainingController.flush()
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("Start date (YYYY-MM-DD)")
                        text: page.form.startsOn
                        Accessible.name: qsTr("Start date")
                        onTextEdited: trainingController.setField("startsOn", text)
                        onEditingFinished: trainingController.flush()
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("End date (YYYY-MM-DD)")
                        text: page.form.endsOn
                        Accessible.name: qsTr("End date")
                        onTextEdited: trainingController.setField("endsOn", text)
                        onEditingFinished: trainingController.flush()
                    }
                }

                RowLayout {
                    Layout.topMargin: 8
                    Layout.fillWidth: true
                    Label { text: qsTr("Trainers"); font.bold: true; font.pixelSize: 16; Layout.fillWidth: true }
                    Button {
                        text: qsTr("Add trainer")
                        flat: true
                        onClicked: trainerDialog.open()
                    }
                }
                Label {
                    visible: trainingController.trainers.length === 0
                    text: qsTr("No trainer yet.")
                    opacity: 0.7
                }
                Repeater {
                    model: trainingController.trainers
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        Label {
                            text: modelData.name
                            font.bold: true
                        }
                        Label {
                            text: modelData.roleLabel + (modelData.organisation !== "" ? " · " + modelData.organisation : "")
                            opacity: 0.7
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        ToolButton {
                            text: "✕"
                            implicitWidth: 40
                            Accessible.name: qsTr("Remove trainer %1").arg(modelData.name)
                            onClicked: trainingController.removeTrainer(modelData.trainerId)
                        }
                    }
                }

                Label { text: qsTr("Sessions"); font.bold: true; font.pixelSize: 16; Layout.topMargin: 8 }
                Label {
                    visible: trainingController.sessions.count === 0
                    text: qsTr("No session yet: add each day or half-day attendance is taken for.")
                    opacity: 0.7
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: trainingController.sessions
                    delegate: RowLayout {
                        required property string sessionId
                        required property string heldOnText
                        required property string partLabel
                        required property string topic
                        Layout.fillWidth: true
                        spacing: 8
                        Label {
                            text: heldOnText
                            font.bold: true
                            Layout.preferredWidth: 96
                        }
                        Label {
                            text: partLabel
                            Layout.preferredWidth: 100
                        }
                        TextField {
                            id: topicField
                            Layout.fillWidth: true
                            text: topic
                            placeholderText: qsTr("Topic")
                            property bool dirty: false
                            function save() {
                                if (!dirty)
                                    return
                                dirty = false
                                if (text !== topic)
                                    trainingController.setSessionTopic(sessionId, text)
                            }
                            onTextEdited: { dirty = true; topicTimer.restart() }
                            onEditingFinished: save()
                            Component.onDestruction: save()
                            Timer {
                                id: topicTimer
                                interval: 400
                                onTriggered: topicField.save()
                            }
                        }
                        ToolButton {
                            text: "✕"
                            implicitWidth: 40
                            Accessible.name: qsTr("Remove session")
                            onClicked: trainingController.removeSession(sessionId)
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    TextField {
                        id: newSessionDate
                        Layout.preferredWidth: 130
                        placeholderText: qsTr("YYYY-MM-DD")
                        text: page.form.startsOn
                        Accessible.name: qsTr("Session date")
                    }
                    ComboBox {
                        id: newSessionPart
                        Layout.preferredWidth: 150
                        textRole: "label"
                        valueRole: "value"
                        model: trainingController.partOptions
                        Accessible.name: qsTr("Part of day")
                    }
                    TextField {
                        id: newSessionTopic
                        Layout.fillWidth: true
                        placeholderText: qsTr("Topic")
                    }
                    Button {
                        text: qsTr("Add session")
                        onClicked: if (trainingController.addSession(newSessionDate.text, newSessionPart.currentValue, newSessionTopic.text)) newSessionTopic.text = ""
                    }
                }
                Label { text: qsTr("Standards covered"); font.bold: true; font.pixelSize: 16; Layout.topMargin: 8 }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 4
                    rowSpacing: 0
                    Repeater {
                        model: trainingController.standards
                        delegate: CheckBox {
                            required property var modelData
                            Layout.fillWidth: true
                            Layout.preferredWidth: 100
                            checked: modelData.covered
                            text: modelData.number + ". " + modelData.title
                            ToolTip.visible: hovered
                            ToolTip.text: modelData.title
                            ToolTip.delay: 600
                            contentItem: Label {
                                leftPadding: parent.indicator.width + parent.spacing
                                text: parent.text
                                elide: Text.ElideRight
                                verticalAlignment: Text.AlignVCenter
                            }
                            onToggled: trainingController.setStandardCovered(modelData.standardId, checked)
                        }
                    }
                }

                Item { Layout.preferredHeight: 16 }
            }
        }

        // Right: the roster.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("Participants (%1)").arg(trainingController.roster.count)
                    font.bold: true
                    font.pixelSize: 16
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "newParticipantButton"
                    text: qsTr("New participant")
                    onClicked: quickAdd.open()
                }
            }
            TextField {
                id: personSearch
                objectName: "personSearchField"
                Layout.fillWidth: true
                placeholderText: qsTr("Add someone already known: search by name or organisation")
                onTextEdited: trainingController.people.query = text
                Keys.onEscapePressed: { text = ""; trainingController.people.query = "" }
            }
            ListView {
                id: results
                objectName: "personSearchResults"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(count, 4) * 48
                visible: personSearch.text !== ""
                clip: true
                model: trainingController.people
                delegate: ItemDelegate {
                    required property string personId
                    required property string displayName
                    required property string organisation
                    required property bool enrolled
                    width: ListView.view.width
                    height: 48
                    enabled: !enrolled
                    text: displayName + (organisation !== "" ? " · " + organisation : "")
                    onClicked: trainingController.enrol(personId)
                    Label {
                        anchors.right: parent.right
                        anchors.rightMargin: 12
                        anchors.verticalCenter: parent.verticalCenter
                        text: enrolled ? qsTr("Enrolled") : qsTr("Add")
                        color: enrolled ? "#757575" : "#1f5f99"
                        font.bold: true
                    }
                }
            }
            Label {
                visible: personSearch.text !== "" && results.count === 0
                text: qsTr("Nobody known by that name: use “New participant”.")
                opacity: 0.7
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 4
                spacing: 8
                Label { text: qsTr("Name"); Layout.fillWidth: true; opacity: 0.7 }
                Label { text: qsTr("Pre"); Layout.preferredWidth: 64; horizontalAlignment: Text.AlignHCenter; opacity: 0.7 }
                Label { text: qsTr("Post"); Layout.preferredWidth: 64; horizontalAlignment: Text.AlignHCenter; opacity: 0.7 }
                Label { text: qsTr("Trainer"); Layout.preferredWidth: 84; horizontalAlignment: Text.AlignHCenter; opacity: 0.7 }
                Label { text: qsTr("Trained by"); Layout.preferredWidth: 170; opacity: 0.7 }
                Item { Layout.preferredWidth: 40 }
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: trainingController.roster
                ScrollBar.vertical: ScrollBar {}
                delegate: RosterRow {
                    width: ListView.view.width
                    trainerChoices: page.trainerChoices
                }
                Label {
                    anchors.centerIn: parent
                    visible: parent.count === 0
                    text: qsTr("No participants yet.")
                    opacity: 0.7
                }
            }
        }
    }

    PersonQuickAddDialog {
        id: quickAdd
        anchors.centerIn: parent
        onClosed: trainingController.people.query = personSearch.text
    }

    Dialog {
        id: trainerDialog
        title: qsTr("Add trainer")
        modal: true
        anchors.centerIn: parent
        width: 560
        height: 480
        standardButtons: Dialog.Close
        onOpened: { trainerSearch.text = ""; trainingController.people.query = ""; trainerSearch.forceActiveFocus() }
        onClosed: trainingController.people.query = personSearch.text
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            ComboBox {
                id: trainerRole
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "value"
                model: trainingController.trainerRoleOptions
            }
            TextField {
                id: trainerSearch
                Layout.fillWidth: true
                placeholderText: qsTr("Search by name or organisation")
                onTextEdited: trainingController.people.query = text
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: trainingController.people
                delegate: ItemDelegate {
                    required property string personId
                    required property string displayName
                    required property string organisation
                    width: ListView.view.width
                    height: 48
                    text: displayName + (organisation !== "" ? " · " + organisation : "")
                    onClicked: if (trainingController.addTrainer(personId, trainerRole.currentValue)) trainerDialog.close()
                }
            }
        }
    }
}
