// TextBlock: one long-text field of the observation editor — a caption and a growing text area
// whose every edit goes to the controller (written after a short pause, at once on focus loss).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

ColumnLayout {
    id: root
    property string column
    property string label
    property string hint
    property string value
    property alias area: area
    spacing: 2

    FieldLabel { text: root.label }
    TextArea {
        id: area
        objectName: "field_" + root.column
        Layout.fillWidth: true
        Layout.minimumHeight: 72
        wrapMode: TextEdit.Wrap
        placeholderText: root.hint
        text: root.value
        selectByMouse: true
        Accessible.name: root.label
        // Tab moves on to the next field instead of typing a tab.
        KeyNavigation.priority: KeyNavigation.BeforeItem
        Keys.onTabPressed: (event) => { area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason) }
        Keys.onBacktabPressed: (event) => { area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason) }
        onTextChanged: if (text !== root.value) observationController.setField(root.column, text)
        onActiveFocusChanged: if (!activeFocus) observationController.flush()
    }
}
