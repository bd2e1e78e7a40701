// Theme: the few colours and sizes every page shares.
pragma Singleton
import QtQuick

QtObject {
    readonly property color accent: "#1f5f99"
    readonly property color accentSoft: "#e3edf7"
    readonly property color rail: "#f2f4f7"
    readonly property color page: "#fafbfc"
    readonly property color card: "#ffffff"
    readonly property color border: "#dde2e8"
    readonly property color text: "#1d2733"
    readonly property color muted: "#5f6b7a"
    readonly property color danger: "#b3261e"
    readonly property color dangerSoft: "#fbe9e7"
    readonly property color success: "#2e7d32"
    readonly property int gap: 16
    readonly property int margin: 24
    readonly property int radius: 8
    readonly property int touch: 40
}
