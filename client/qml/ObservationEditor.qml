// ObservationEditor: what the mission found for one standard — maturity, current state, gaps,
// legal amendments, MSME needs, recommendations, priority and evidence. Autosaved as you type.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import "."

Page {
    id: page
    objectName: "observationEditor"
    readonly property var obs: observationController
    readonly property var evidence: observationController.evidence
    background: Rectangle { color: Theme.page }

    /// Attaches a file (the file dialog's choice, or a test's).
    function attachFile(url) { return page.evidence.attach(url, "") }

    StackView.onDeactivating: observationController.flush()
    StackView.onRemoved: observationController.close()

    Shortcut {
        sequence: "Ctrl+PgDown"
        enabled: page.visible && page.obs.nextStandardId.length > 0
        onActivated: page.obs.open(page.obs.missionId, page.obs.nextStandardId)
    }
    Shortcut {
        sequence: "Ctrl+PgUp"
        enabled: page.visible && page.obs.previousStandardId.length > 0
        onActivated: page.obs.open(page.obs.missionId, page.obs.previousStandardId)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        PageHeader {
            Layout.fillWidth: true
            canGoBack: true
            title: qsTr("Standard %1 · %2").arg(page.obs.standardNumber).arg(page.obs.standardTitle)
            subtitle: page.obs.groupTitle
            onBack: page.StackView.view.pop()
            Label {
                objectName: "saveState"
                text: page.obs.saved ? (page.obs.exists ? qsTr("Saved on this device") : qsTr("Nothing entered yet"))
                                     : qsTr("Saving…")
                color: Theme.muted
            }
            Button {
                text: qsTr("Previous")
                flat: true
                enabled: page.obs.previousStandardId.length > 0
                onClicked: page.obs.open(page.obs.missionId, page.obs.previousStandardId)
            }
            Button {
                objectName: "nextStandardButton"
                text: qsTr("Next")
                flat: true
                enabled: page.obs.nextStandardId.length > 0
                onClicked: page.obs.open(page.obs.missionId, page.obs.nextStandardId)
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            text: page.obs.errorText.length > 0 ? page.obs.errorText : page.evidence.errorText
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            RowLayout {
                width: scroll.availableWidth
                spacing: Theme.margin

                ColumnLayout {
                    // A fixed width: wrapped text must not size its own column (polish loop).
                    Layout.preferredWidth: scroll.availableWidth - 330 - Theme.margin
                    Layout.maximumWidth: Layout.preferredWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: 12

                    FieldLabel { text: qsTr("Maturity") }
                    Flow {
                        id: maturityRow
                        objectName: "maturitySelector"
                        Layout.fillWidth: true
                        spacing: 6
                        Repeater {
                            model: page.obs.maturityLevels
                            delegate: Chip {
                                required property var modelData
                                objectName: "maturity_" + modelData.value
                                text: modelData.label
                                checked: page.obs.maturity === modelData.value
                                ToolTip.visible: hovered || visualFocus
                                ToolTip.text: modelData.hint
                                onClicked: page.obs.setField("maturity", checked ? -1 : modelData.value)
                            }
                        }
                    }
                    TextBlock {
                        Layout.fillWidth: true
                        column: "current_state"
                        label: qsTr("Current state")
                        hint: qsTr("What is in place today: law, procedures, systems, organisation")
                        value: page.obs.currentState
                    }
                    TextBlock {
                        Layout.fillWidth: true
                        column: "gaps"
                        label: qsTr("Gaps")
                        hint: qsTr("What is missing against the standard")
                        value: page.obs.gaps
                    }
                    TextBlock {
                        Layout.fillWidth: true
                        column: "legal_amendments"
                        label: qsTr("Legal and regulatory amendments needed")
                        hint: qsTr("Laws, regulations and administrative procedures to change")
                        value: page.obs.legalAmendments
                    }
                    TextBlock {
                        Layout.fillWidth: true
                        column: "msme_needs"
                        label: qsTr("Needs of MSMEs")
                        hint: qsTr("What micro, small and medium-sized enterprises need")
                        value: page.obs.msmeNeeds
                    }
                    TextBlock {
                        Layout.fillWidth: true
                        column: "recommendations"
                        label: qsTr("Recommendations")
                        hint: qsTr("The steps you recommend, in order")
                        value: page.obs.recommendations
                    }
                }

                ColumnLayout {
                    Layout.preferredWidth: 330
                    Layout.maximumWidth: 330
                    Layout.alignment: Qt.AlignTop
                    spacing: 8

                    FieldLabel { text: qsTr("National priority") }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        Repeater {
                            model: page.obs.priorities
                            delegate: Chip {
                                required property var modelData
                                objectName: "priority_" + (modelData.value || "none")
                                text: modelData.label
                                checked: page.obs.priority === modelData.value
                                onClicked: page.obs.setField("national_priority", modelData.value)
                            }
                        }
                    }
                    FieldLabel { text: qsTr("Review"); topPadding: 12 }
                    Label { text: page.obs.reviewLabel; color: Theme.text }

                    FieldLabel { text: qsTr("Evidence"); topPadding: 12 }
                    Label {
                        Layout.fillWidth: true
                        visible: page.evidence.model.count === 0
                        text: qsTr("No evidence yet. Attach photos or scanned documents; they are kept on this device and sent at the next sync.")
                        wrapMode: Text.WordWrap
                        color: Theme.muted
                        font.pixelSize: 12
                    }
                    Repeater {
                        objectName: "evidenceList"
                        model: page.evidence.model
                        delegate: EvidenceDelegate {
                            Layout.fillWidth: true
                            onCaptionEdited: (id, caption) => page.evidence.setCaption(id, caption)
                            onRemoveRequested: (id) => page.evidence.remove(id)
                        }
                    }
                    Button {
                        objectName: "attachButton"
                        text: qsTr("Attach file…")
                        onClicked: fileDialog.open()
                    }
                }
            }
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a photo or a document")
        nameFilters: [qsTr("Photos and documents (*.jpg *.jpeg *.png *.pdf *.heic *.tif *.tiff)"),
                      qsTr("All files (*)")]
        onAccepted: page.attachFile(selectedFile)
    }
}
