// SignInPage: first run and sign-in — server address, certificate trust, username, password,
// device name. All logic is in cadreSession (SessionController).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Page {
    id: page
    title: qsTr("Sign in")

    function submit() {
        if (!cadreSession.busy)
            cadreSession.signIn(passwordField.text)
    }

    Connections {
        target: cadreSession
        function onSignedInChanged() {
            if (cadreSession.signedIn)
                passwordField.text = ""
        }
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(page.width - 48, 480)
            x: (page.width - width) / 2
            spacing: 12

            Item { Layout.preferredHeight: 32 }

            Label {
                text: qsTr("Cadre")
                font.pixelSize: 32
                font.weight: Font.DemiBold
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: qsTr("Sign in once while connected. Afterwards Cadre works without a network and sends your work when the server can be reached.")
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.75
                Layout.fillWidth: true
            }

            Label { text: qsTr("Server address") }
            TextField {
                id: serverField
                objectName: "serverField"
                Layout.fillWidth: true
                placeholderText: qsTr("https://cadre.example.org:8443")
                text: cadreSession.serverUrl
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                onTextEdited: cadreSession.serverUrl = text
                onAccepted: usernameField.forceActiveFocus()
            }

            Label { text: qsTr("Username") }
            TextField {
                id: usernameField
                objectName: "usernameField"
                Layout.fillWidth: true
                text: cadreSession.username
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                onTextEdited: cadreSession.username = text
                onAccepted: passwordField.forceActiveFocus()
            }

            Label { text: qsTr("Password") }
            TextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                onAccepted: page.submit()
            }

            Label { text: qsTr("Name of this device") }
            TextField {
                objectName: "deviceNameField"
                Layout.fillWidth: true
                text: cadreSession.deviceName
                onTextEdited: cadreSession.deviceName = text
            }

            CheckBox {
                id: trustToggle
                text: qsTr("The server uses its own certificate")
                checked: cadreSession.caFile !== "" || cadreSession.pinnedSha256 !== ""
            }
            ColumnLayout {
                visible: trustToggle.checked
                Layout.fillWidth: true
                spacing: 8
                Label {
                    text: qsTr("Certificate file (PEM) given by your administrator")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                TextField {
                    objectName: "caFileField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("/path/to/server.pem")
                    text: cadreSession.caFile
                    onTextEdited: cadreSession.caFile = text
                }
                Label {
                    text: qsTr("Or its SHA-256 fingerprint")
                    Layout.fillWidth: true
                }
                TextField {
                    objectName: "pinField"
                    Layout.fillWidth: true
                    placeholderText: "AB:CD:…"
                    font.family: "monospace"
                    text: cadreSession.pinnedSha256
                    onTextEdited: cadreSession.pinnedSha256 = text
                }
            }

            Label {
                objectName: "errorLabel"
                visible: text !== ""
                text: cadreSession.errorText
                color: "#b00020"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            RowLayout {
                Layout.fillWidth: true
                BusyIndicator {
                    running: cadreSession.busy
                    visible: running
                    Layout.preferredHeight: 40
                    Layout.preferredWidth: 40
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "signInButton"
                    text: cadreSession.busy ? qsTr("Signing in…") : qsTr("Sign in")
                    enabled: !cadreSession.busy
                    Layout.minimumHeight: 40
                    onClicked: page.submit()
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
