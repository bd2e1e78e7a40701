// AttentionPage: "Needs attention" — conflicts, changes the server refused and HQ reviews, in
// one list (cadreAttention, an AttentionModel). Opening a record is left to the app's shell.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Page {
    id: page
    title: qsTr("Needs attention")
    /// The locale of the chosen language, for dates.
    property var dateLocale: Qt.locale()
    /// The user chose a record: the shell opens its editor.
    signal openRecord(string table, string recordId, string missionId)

    function kindText(kind) {
        switch (kind) {
        case "conflict": return qsTr("Conflict")
        case "rejected": return qsTr("Refused by the server")
        case "review": return qsTr("Has issues")
        case "comment": return qsTr("Review comment")
        }
        return ""
    }
    function kindColor(kind) {
        switch (kind) {
        case "conflict": return "#8a6d00"
        case "rejected": return "#b00020"
        default: return "#1a5fb4"
        }
    }
    function when(date) {
        return isNaN(date.getTime()) ? "" : date.toLocaleString(page.dateLocale, Locale.ShortFormat)
    }

    header: Label {
        text: page.title
        font.pixelSize: 22
        font.weight: Font.DemiBold
        padding: 16
    }

    Label {
        objectName: "emptyLabel"
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("Nothing needs your attention.")
        opacity: 0.7
    }

    ListView {
        id: list
        objectName: "attentionList"
        anchors.fill: parent
        clip: true
        model: cadreAttention
        keyNavigationEnabled: true
        focus: true
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row
            required property int index
            required property string kind
            required property string title
            required property string reason
            required property var when
            required property string table
            required property string recordId
            required property string missionId
            required property string winnerValue
            required property string winnerAuthor
            required property var winnerAt
            required property string loserValue
            required property string loserAuthor
            required property var loserAt

            width: ListView.view.width
            highlighted: ListView.isCurrentItem && ListView.view.activeFocus
            onClicked: page.openRecord(table, recordId, missionId)
            Keys.onReturnPressed: page.openRecord(table, recordId, missionId)

            contentItem: ColumnLayout {
                spacing: 4
                RowLayout {
                    spacing: 8
                    Label {
                        text: page.kindText(row.kind)
                        color: "white"
                        font.pixelSize: 12
                        leftPadding: 8; rightPadding: 8; topPadding: 2; bottomPadding: 2
                        background: Rectangle { radius: 4; color: page.kindColor(row.kind) }
                    }
                    Label {
                        text: row.title
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: page.when(row.when)
                        opacity: 0.7
                    }
                }
                Label {
                    text: row.reason
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                GridLayout {
                    visible: row.kind === "conflict"
                    columns: 2
                    columnSpacing: 12
                    Label { text: qsTr("Shown"); opacity: 0.7 }
                    Label {
                        text: qsTr("%1 — %2, %3").arg(row.winnerValue).arg(row.winnerAuthor).arg(page.when(row.winnerAt))
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label { text: qsTr("Kept for HQ"); opacity: 0.7 }
                    Label {
                        text: qsTr("%1 — %2, %3").arg(row.loserValue).arg(row.loserAuthor).arg(page.when(row.loserAt))
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
