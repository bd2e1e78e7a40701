// AccentButton: the main action of a page or dialog, filled with the accent colour and drawn
// without a shadow effect, so it renders alike on every scene graph backend.
import QtQuick
import QtQuick.Controls

Button {
    id: button

    implicitHeight: 44
    leftPadding: 20
    rightPadding: 20
    font.capitalization: Font.MixedCase
    font.weight: Font.DemiBold

    contentItem: Label {
        text: button.text
        font: button.font
        color: button.enabled ? "#ffffff" : "#f5f7fa"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 88
        implicitHeight: 44
        radius: 22
        color: !button.enabled ? "#c9d1da" : button.down ? "#174a78"
             : button.hovered ? "#2a73b5" : "#1f5f99"
        border.width: button.visualFocus ? 2 : 0
        border.color: "#0e2f4d"
    }
}
