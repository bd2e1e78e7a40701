// AttendancePage: the attendance grid of the open training — people × sessions, keyboard-first:
// arrows move, P/L/E/A mark (and move down), Space cycles, Delete clears.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Page {
    id: page

    /// The training shown; by default the one open in trainingController.
    property string trainingId: trainingController.trainingId
    property int currentRow: 0
    property int currentColumn: 0
    readonly property var grid: attendanceController.grid
    readonly property var headers: grid.columnHeaders
    // The focused cell, re-read whenever a mark or note changes (columnHeaders is notified then).
    readonly property string currentStatusLabel: {
        headers
        const label = grid.statusLabel(currentRow, currentColumn)
        return label === "" ? qsTr("not marked") : label
    }
    readonly property string currentNote: {
        headers
        return grid.note(currentRow, currentColumn)
    }

    /// Asks the shell to show another page (when the page is not inside a StackView).
    signal navigate(url page)

    title: qsTr("Attendance")
    font.capitalization: Font.MixedCase

    function back() {
        if (StackView.view)
            StackView.view.pop()
        else
            page.navigate("qrc:/trainings/TrainingPage.qml")
    }
    function moveTo(row, column) {
        if (grid.rows === 0 || grid.columns === 0)
            return
        currentRow = Math.max(0, Math.min(grid.rows - 1, row))
        currentColumn = Math.max(0, Math.min(grid.columns - 1, column))
        table.positionViewAtCell(Qt.point(currentColumn, currentRow), TableView.Contain)
    }

    onTrainingIdChanged: attendanceController.open(trainingId)
    Component.onCompleted: {
        attendanceController.open(trainingId)
        table.forceActiveFocus()
    }

    header: PageHeader {
        title: qsTr("Attendance")
        subtitle: attendanceController.trainingTitle
        onBack: page.back()
        Button {
            text: qsTr("Mark unmarked present")
            enabled: grid.columns > 0
            flat: true
            implicitHeight: 44
            onClicked: {
                attendanceController.markUnmarked(page.currentColumn, "present")
                table.forceActiveFocus()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        // The legend doubles as one-click buttons for the focused cell.
        RowLayout {
            spacing: 8
            Repeater {
                model: attendanceController.legend
                delegate: Button {
                    required property var modelData
                    implicitHeight: 44
                    text: modelData.key + "  " + modelData.label
                    Accessible.name: modelData.label
                    onClicked: {
                        attendanceController.mark(page.currentRow, page.currentColumn,
                                                  modelData.status)
                        table.forceActiveFocus()
                    }
                    background: Rectangle {
                        radius: 4
                        color: modelData.status === "present" ? "#c8e6c9"
                             : modelData.status === "late" ? "#ffe0b2"
                             : modelData.status === "excused" ? "#bbdefb" : "#ffcdd2"
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                wrapMode: Text.WordWrap
                text: qsTr("Keys: P, L, E, A mark the selected cell and move down; arrows move; Space cycles; Delete clears; Enter writes a note.")
                opacity: 0.75
            }
        }

        Label {
            visible: attendanceController.errorText !== ""
            text: attendanceController.errorText
            color: "#b71c1c"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        Label {
            visible: grid.rows === 0 || grid.columns === 0
            Layout.fillWidth: true
            Layout.topMargin: 40
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: 18
            opacity: 0.7
            text: grid.columns === 0 ? qsTr("No sessions yet. Add the training's days or half-days first.")
                                     : qsTr("No participants yet. Add people to the roster first.")
        }

        GridLayout {
            visible: grid.rows > 0 && grid.columns > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 2
            rowSpacing: 0
            columnSpacing: 0

            Label {
                Layout.preferredWidth: 260
                Layout.preferredHeight: 72
                verticalAlignment: Text.AlignBottom
                bottomPadding: 8
                text: qsTr("%n participant(s)", "", grid.rows)
                font.bold: true
            }
            HorizontalHeaderView {
                id: columnHeader
                syncView: table
                Layout.fillWidth: true
                Layout.preferredHeight: 72
                clip: true
                delegate: Rectangle {
                    required property int column
                    implicitWidth: 132
                    implicitHeight: 72
                    color: column === page.currentColumn ? "#e3edf7" : "#f5f5f5"
                    border.color: "#e0e0e0"
                    Column {
                        anchors.centerIn: parent
                        spacing: 1
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: page.headers[column] ? page.headers[column].date : ""
                            font.bold: true
                        }
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: page.headers[column] ? page.headers[column].part : ""
                        }
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: page.headers[column]
                                  ? qsTr("%1 of %2 present").arg(page.headers[column].present).arg(grid.rows)
                                  : ""
                            color: "#2e7d32"
                            font.pixelSize: 12
                        }
                    }
                }
            }
            VerticalHeaderView {
                id: rowHeader
                syncView: table
                Layout.preferredWidth: 260
                Layout.fillHeight: true
                clip: true
                delegate: Rectangle {
                    required property int row
                    required property string display
                    implicitWidth: 260
                    implicitHeight: 44
                    color: row === page.currentRow ? "#e3edf7" : (row % 2 ? "#fafafa" : "#ffffff")
                    border.color: "#eeeeee"
                    Label {
                        anchors.fill: parent
                        anchors.leftMargin: 12
                        verticalAlignment: Text.AlignVCenter
                        elide: Text.ElideRight
                        text: display
                        font.bold: row === page.currentRow
                    }
                }
            }
            TableView {
                id: table
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                focus: true
                model: grid
                boundsBehavior: Flickable.StopAtBounds
                columnWidthProvider: function (column) { return Math.max(132, Math.min(220, Math.floor(table.width / Math.max(1, grid.columns)))) }
                rowHeightProvider: function (row) { return 44 }
                ScrollBar.vertical: ScrollBar {}
                ScrollBar.horizontal: ScrollBar {}

                delegate: AttendanceCell {
                    current: row === page.currentRow && column === page.currentColumn
                    onActivated: function (r, c) {
                        page.moveTo(r, c)
                        attendanceController.cycle(r, c)
                        table.forceActiveFocus()
                    }
                }

                Keys.onPressed: function (event) {
                    if (event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)) {
                        event.accepted = false  // shortcuts (Alt+Left goes back)
                        return
                    }
                    switch (event.key) {
                    case Qt.Key_Left: page.moveTo(page.currentRow, page.currentColumn - 1); break
                    case Qt.Key_Right: page.moveTo(page.currentRow, page.currentColumn + 1); break
                    case Qt.Key_Up: page.moveTo(page.currentRow - 1, page.currentColumn); break
                    case Qt.Key_Down: page.moveTo(page.currentRow + 1, page.currentColumn); break
                    case Qt.Key_Home: page.moveTo(0, page.currentColumn); break
                    case Qt.Key_End: page.moveTo(grid.rows - 1, page.currentColumn); break
                    case Qt.Key_Space:
                        attendanceController.cycle(page.currentRow, page.currentColumn)
                        break
                    case Qt.Key_Return:
                    case Qt.Key_Enter:
                        noteField.forceActiveFocus()
                        break
                    case Qt.Key_Delete:
                    case Qt.Key_Backspace:
                        attendanceController.clear(page.currentRow, page.currentColumn)
                        break
                    default:
                        if (!attendanceController.markByKey(page.currentRow, page.currentColumn, event.text)) {
                            event.accepted = false
                            return
                        }
                        page.moveTo(page.currentRow + 1, page.currentColumn)
                    }
                    event.accepted = true
                }
            }
        }

        // The focused cell and its note.
        RowLayout {
            visible: grid.rows > 0 && grid.columns > 0
            Layout.fillWidth: true
            spacing: 12
            Label {
                text: grid.personName(page.currentRow) + " · " + grid.sessionLabel(page.currentColumn)
                      + " : " + page.currentStatusLabel
                font.bold: true
                elide: Text.ElideRight
                Layout.maximumWidth: 520
            }
            TextField {
                id: noteField
                objectName: "attendanceNoteField"
                Layout.fillWidth: true
                implicitHeight: 44
                placeholderText: qsTr("Note on this mark (Enter to write one)")
                text: page.currentNote
                onEditingFinished: {
                    if (text !== page.currentNote)
                        attendanceController.setNote(page.currentRow, page.currentColumn, text)
                }
                onAccepted: table.forceActiveFocus()
                Keys.onEscapePressed: {
                    text = page.currentNote
                    table.forceActiveFocus()
                }
            }
        }
    }
}
