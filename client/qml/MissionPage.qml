// MissionPage: one mission — its details (autosaved), team, progress and the standards of its
// catalogue edition, each with the state of its observation.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "."

Page {
    id: page
    objectName: "missionPage"
    readonly property var mission: missionController.current
    background: Rectangle { color: Theme.page }

    function openStandard(standardId) {
        missionController.flush()
        observationController.open(missionController.currentId, standardId)
        StackView.view.push("qrc:/qml/ObservationEditor.qml")
    }
    function indexOf(list, value) {
        for (let i = 0; i < list.length; ++i)
            if (list[i].value === value)
                return i
        return -1
    }

    StackView.onDeactivating: missionController.flush()
    Component.onDestruction: missionController.flush()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.gap

        PageHeader {
            Layout.fillWidth: true
            canGoBack: true
            title: page.mission.title || ""
            subtitle: [page.mission.memberName, page.mission.kindLabel, page.mission.dates]
                      .filter(s => s && s.length > 0).join("  ·  ")
            onBack: page.StackView.view.pop()
            Label {
                text: page.mission.reviewLabel || ""
                color: page.mission.reviewState === "has_issues" ? Theme.danger : Theme.muted
                rightPadding: 8
            }
            PrimaryButton {
                objectName: "submitForReviewButton"
                text: qsTr("Submit for review")
                enabled: missionController.editable && page.mission.reviewState !== "submitted"
                onClicked: submitDialog.open()
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            text: missionController.errorText
            onDismissed: missionController.clearError()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.margin

            // Details and team.
            Rectangle {
                Layout.preferredWidth: 430
                Layout.fillHeight: true
                color: Theme.card
                radius: Theme.radius
                border.color: Theme.border

                ScrollView {
                    id: detailsScroll
                    anchors.fill: parent
                    anchors.margins: 1
                    contentWidth: availableWidth
                    clip: true

                    ColumnLayout {
                        width: detailsScroll.availableWidth
                        spacing: 4

                        Item { Layout.preferredHeight: 8 }
                        Label {
                            Layout.leftMargin: 20
                            text: qsTr("Details")
                            font.pixelSize: 18
                            font.weight: Font.DemiBold
                        }
                        GridLayout {
                            Layout.fillWidth: true
                            Layout.leftMargin: 20
                            Layout.rightMargin: 20
                            columns: 2
                            columnSpacing: 12
                            rowSpacing: 0

                            FieldLabel { Layout.columnSpan: 2; text: qsTr("Title") }
                            TextField {
                                objectName: "missionTitleField"
                                Layout.columnSpan: 2
                                Layout.fillWidth: true
                                text: page.mission.title || ""
                                selectByMouse: true
                                onTextEdited: missionController.setField("title", text)
                                onEditingFinished: missionController.flush()
                            }
                            FieldLabel { text: qsTr("Kind") }
                            FieldLabel { text: qsTr("Status") }
                            ComboBox {
                                objectName: "missionKindField"
                                Layout.fillWidth: true
                                model: missionController.kinds
                                textRole: "label"
                                valueRole: "value"
                                currentIndex: page.indexOf(missionController.kinds, page.mission.kind)
                                onActivated: { missionController.setField("kind", currentValue); missionController.flush() }
                            }
                            ComboBox {
                                objectName: "missionStatusField"
                                Layout.fillWidth: true
                                model: missionController.statuses
                                textRole: "label"
                                valueRole: "value"
                                currentIndex: page.indexOf(missionController.statuses, page.mission.status)
                                onActivated: { missionController.setField("status", currentValue); missionController.flush() }
                            }
                            FieldLabel { text: qsTr("Starts on") }
                            FieldLabel { text: qsTr("Ends on") }
                            TextField {
                                Layout.fillWidth: true
                                text: page.mission.startsOn || ""
                                placeholderText: qsTr("YYYY-MM-DD")
                                onEditingFinished: if (text !== (page.mission.startsOn || "")) {
                                    missionController.setField("starts_on", text); missionController.flush()
                                }
                            }
                            TextField {
                                Layout.fillWidth: true
                                text: page.mission.endsOn || ""
                                placeholderText: qsTr("YYYY-MM-DD")
                                onEditingFinished: if (text !== (page.mission.endsOn || "")) {
                                    missionController.setField("ends_on", text); missionController.flush()
                                }
                            }
                            FieldLabel { Layout.columnSpan: 2; text: qsTr("Economic context") }
                            TextArea {
                                objectName: "economicContextField"
                                Layout.columnSpan: 2
                                Layout.fillWidth: true
                                wrapMode: TextEdit.Wrap
                                text: page.mission.economicContext || ""
                                placeholderText: qsTr("The regional and national economy, trade flows…")
                                onTextChanged: if (activeFocus) missionController.setField("economic_context", text)
                                onActiveFocusChanged: if (!activeFocus) missionController.flush()
                            }
                            FieldLabel { Layout.columnSpan: 2; text: qsTr("E-commerce context") }
                            TextArea {
                                objectName: "ecommerceContextField"
                                Layout.columnSpan: 2
                                Layout.fillWidth: true
                                wrapMode: TextEdit.Wrap
                                text: page.mission.ecommerceContext || ""
                                placeholderText: qsTr("The weight of e-commerce, volumes of parcels, main platforms…")
                                onTextChanged: if (activeFocus) missionController.setField("ecommerce_context", text)
                                onActiveFocusChanged: if (!activeFocus) missionController.flush()
                            }
                        }

                        RowLayout {
                            Layout.fillWidth: true
                            Layout.leftMargin: 20
                            Layout.rightMargin: 12
                            Layout.topMargin: 16
                            Label {
                                Layout.fillWidth: true
                                text: qsTr("Team")
                                font.pixelSize: 18
                                font.weight: Font.DemiBold
                            }
                            Button {
                                objectName: "addTeamMemberButton"
                                text: qsTr("Add person")
                                flat: true
                                enabled: missionController.editable
                                onClicked: teamDialog.open()
                            }
                        }
                        Label {
                            Layout.leftMargin: 20
                            Layout.rightMargin: 20
                            Layout.fillWidth: true
                            visible: missionController.team.count === 0
                            text: qsTr("No one on the team yet.")
                            color: Theme.muted
                        }
                        Repeater {
                            model: missionController.team
                            delegate: RowLayout {
                                required property string memberRowId
                                required property string name
                                required property string organisation
                                required property string roleLabel
                                Layout.fillWidth: true
                                Layout.leftMargin: 20
                                Layout.rightMargin: 12
                                spacing: 8
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Label { Layout.fillWidth: true; text: name; elide: Text.ElideRight }
                                    Label {
                                        Layout.fillWidth: true
                                        text: [roleLabel, organisation].filter(s => s.length > 0).join(" · ")
                                        color: Theme.muted
                                        font.pixelSize: 12
                                        elide: Text.ElideRight
                                    }
                                }
                                ToolButton {
                                    text: "✕"
                                    enabled: missionController.editable
                                    Accessible.name: qsTr("Remove %1 from the team").arg(name)
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("Remove from the team")
                                    onClicked: missionController.removeTeamMember(memberRowId)
                                }
                            }
                        }
                        Item { Layout.preferredHeight: 16 }
                    }
                }
            }

            // Progress and standards.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 12

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    Label {
                        text: qsTr("Standards")
                        font.pixelSize: 18
                        font.weight: Font.DemiBold
                    }
                    Item { Layout.fillWidth: true }
                    Label {
                        objectName: "progressLabel"
                        text: qsTr("%1 of %2 observed").arg(missionController.observedCount).arg(missionController.standardCount)
                        color: Theme.muted
                    }
                    ProgressBar {
                        objectName: "missionProgress"
                        Layout.preferredWidth: 180
                        value: missionController.progress
                    }
                }

                ListView {
                    id: standardList
                    objectName: "standardList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 6
                    model: missionController.standards
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    currentIndex: -1
                    ScrollBar.vertical: ScrollBar {}
                    section.property: "group"
                    section.delegate: Label {
                        required property string section
                        width: ListView.view.width
                        text: section
                        topPadding: 10
                        bottomPadding: 2
                        color: Theme.accent
                        font.pixelSize: 13
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    delegate: StandardDelegate {
                        width: ListView.view.width
                        onOpened: page.openStandard(standardId)
                    }
                    Keys.onReturnPressed: if (currentItem) page.openStandard(currentItem.standardId)
                    Keys.onEnterPressed: if (currentItem) page.openStandard(currentItem.standardId)
                }
            }
        }
    }

    TeamDialog {
        id: teamDialog
        anchors.centerIn: parent
    }

    Dialog {
        id: submitDialog
        objectName: "submitDialog"
        anchors.centerIn: parent
        width: 480
        modal: true
        title: qsTr("Submit for review?")
        background: DialogBackground {}
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            anchors.fill: parent
            wrapMode: Text.WordWrap
            text: qsTr("Headquarters will review this mission and its %1 observations once this device syncs. You can still edit them while they are in review.").arg(missionController.observedCount)
        }
        onAccepted: missionController.submitForReview()
    }
}
