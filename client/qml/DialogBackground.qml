// DialogBackground: a dialog's card, drawn without a shadow effect so it renders everywhere.
import QtQuick
import "."

Rectangle {
    color: Theme.card
    radius: 6
    border.color: Theme.border
}
