// TrainingsPage: the Trainings section — a stack that starts with the trainings list and pushes
// the training and attendance pages; Alt+Left (or the back buttons) go back.
import QtQuick
import QtQuick.Controls

FocusScope {
    id: root

    /// The section's own navigation; the pages inside push and pop through StackView.view.
    readonly property alias stack: stack

    Shortcut {
        sequence: "Alt+Left"  // StandardKey.Back is Alt+Left too on Linux: both would be ambiguous
        enabled: stack.depth > 1 && root.visible
        onActivated: {
            if (stack.currentItem && stack.currentItem.back)
                stack.currentItem.back()
            else
                stack.pop()
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        focus: true
        initialItem: TrainingListPage {}
    }
}
