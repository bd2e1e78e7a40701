// Chip: a choice among a few (maturity levels), filled when chosen.
import QtQuick
import QtQuick.Controls
import "."

AbstractButton {
    id: root
    checkable: false  // `checked` stays bound to the data
    focusPolicy: Qt.StrongFocus
    leftPadding: 12
    rightPadding: 12
    implicitHeight: Theme.touch
    implicitWidth: label.implicitWidth + leftPadding + rightPadding
    Keys.onReturnPressed: clicked()

    contentItem: Label {
        id: label
        text: root.text
        color: root.checked ? "white" : Theme.text
        font.weight: root.checked ? Font.DemiBold : Font.Normal
        verticalAlignment: Text.AlignVCenter
        horizontalAlignment: Text.AlignHCenter
    }
    background: Rectangle {
        radius: 20
        color: root.checked ? Theme.accent : root.hovered ? "#eef2f6" : Theme.card
        border.color: root.visualFocus ? Qt.darker(Theme.accent, 1.4) : root.checked ? Theme.accent : Theme.border
        border.width: root.visualFocus ? 2 : 1
    }
}
