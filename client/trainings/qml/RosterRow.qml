// RosterRow: one participant of the open training — names, scores, certification, trained-by.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: row

    required property int index
    required property string enrolmentId
    required property string displayName
    required property string organisation
    required property string memberName
    required property string preScoreText
    required property string postScoreText
    required property bool certifiedTrainer
    required property string trainedById
    /// [{value: personId, label: name}] of the people who may have trained this participant.
    property var trainerChoices: []

    implicitHeight: 52
    color: index % 2 ? "#fafafa" : "#ffffff"

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 4
        spacing: 8

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                text: row.displayName
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: [row.memberName, row.organisation].filter(function (s) { return s !== "" }).join(" · ")
                elide: Text.ElideRight
                Layout.fillWidth: true
                font.pixelSize: 12
                opacity: 0.7
            }
        }
        TextField {
            id: preScore
            Layout.preferredWidth: 64
            implicitHeight: 44
            horizontalAlignment: Text.AlignRight
            text: row.preScoreText
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            Accessible.name: qsTr("Pre-test score of %1").arg(row.displayName)
            property bool dirty: false
            function save() {
                if (!dirty)
                    return
                dirty = false
                if (text !== row.preScoreText)
                    trainingController.setScore(row.enrolmentId, "pre", text)
            }
            onTextEdited: { dirty = true; preTimer.restart() }
            onEditingFinished: save()
            Component.onDestruction: save()
            Timer {
                id: preTimer
                interval: 400
                onTriggered: preScore.save()
            }
        }
        TextField {
            id: postScore
            Layout.preferredWidth: 64
            implicitHeight: 44
            horizontalAlignment: Text.AlignRight
            text: row.postScoreText
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            Accessible.name: qsTr("Post-test score of %1").arg(row.displayName)
            property bool dirty: false
            function save() {
                if (!dirty)
                    return
                dirty = false
                if (text !== row.postScoreText)
                    trainingController.setScore(row.enrolmentId, "post", text)
            }
            onTextEdited: { dirty = true; postTimer.restart() }
            onEditingFinished: save()
            Component.onDestruction: save()
            Timer {
                id: postTimer
                interval: 400
                onTriggered: postScore.save()
            }
        }
        CheckBox {
            Layout.preferredWidth: 84
            leftPadding: 22
            checked: row.certifiedTrainer
            Accessible.name: qsTr("%1 is certified as a trainer").arg(row.displayName)
            onToggled: trainingController.setCertifiedTrainer(row.enrolmentId, checked)
        }
        ComboBox {
            Layout.preferredWidth: 170
            implicitHeight: 44
            textRole: "label"
            valueRole: "value"
            model: [{ value: "", label: "—" }].concat(row.trainerChoices)
            currentIndex: {
                const options = model
                for (let i = 0; i < options.length; ++i)
                    if (options[i].value === row.trainedById)
                        return i
                return 0
            }
            Accessible.name: qsTr("%1 was trained by").arg(row.displayName)
            onActivated: trainingController.setTrainedBy(row.enrolmentId, currentValue)
        }
        ToolButton {
            text: "✕"
            implicitWidth: 40
            implicitHeight: 40
            Accessible.name: qsTr("Remove %1 from the roster").arg(row.displayName)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Remove from the roster")
            onClicked: trainingController.unenrol(row.enrolmentId)
        }
    }
}
