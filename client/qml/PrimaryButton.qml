// PrimaryButton: the one main action of a page or dialog — filled with the accent colour, drawn
// without a shadow effect so it looks the same on every renderer.
import QtQuick
import QtQuick.Controls
import "."

Button {
    id: root
    highlighted: true
    font.capitalization: Font.MixedCase
    font.weight: Font.DemiBold
    leftPadding: 20
    rightPadding: 20
    background: Rectangle {
        implicitWidth: 88
        implicitHeight: Theme.touch
        radius: 20
        color: !root.enabled ? "#c9d1da" : root.down ? Qt.darker(Theme.accent, 1.2)
             : root.hovered ? Qt.lighter(Theme.accent, 1.15) : Theme.accent
        border.width: root.visualFocus ? 2 : 0
        border.color: Qt.darker(Theme.accent, 1.6)
    }
}
