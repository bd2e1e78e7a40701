// FieldLabel: the caption above a form field.
import QtQuick
import QtQuick.Controls
import "."

Label {
    color: Theme.muted
    font.pixelSize: 13
    font.weight: Font.Medium
    topPadding: 6
}
