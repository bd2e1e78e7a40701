// AttendanceCell: one person's mark at one session in the attendance grid.
import QtQuick
import QtQuick.Controls

Rectangle {
    id: cell

    required property int row
    required property int column
    required property string status
    required property string statusKey
    required property string statusLabel
    required property string personName
    required property string note
    property bool current: false

    signal activated(int row, int column)

    implicitWidth: 132
    implicitHeight: 44
    color: status === "present" ? "#c8e6c9"
         : status === "late" ? "#ffe0b2"
         : status === "excused" ? "#bbdefb"
         : status === "absent" ? "#ffcdd2"
         : (row % 2 ? "#fafafa" : "#ffffff")
    border.width: current ? 3 : 1
    border.color: current ? "#1f5f99" : "#e0e0e0"

    Accessible.role: Accessible.Cell
    Accessible.name: personName + ": " + (status ? statusLabel : qsTr("not marked"))
                     + (note ? " (" + note + ")" : "")

    // A note on the mark: a dot in the corner.
    Rectangle {
        visible: cell.note !== ""
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 6
        width: 8
        height: 8
        radius: 4
        color: "#1f5f99"
    }

    Label {
        anchors.centerIn: parent
        text: cell.statusKey
        font.pixelSize: 18
        font.bold: true
        color: cell.status === "absent" ? "#b71c1c" : "#212121"
    }

    TapHandler {
        onTapped: cell.activated(cell.row, cell.column)
    }
}
