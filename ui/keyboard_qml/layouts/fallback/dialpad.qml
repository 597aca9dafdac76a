// Digits only (phone numbers): a big telephone pad, whatever language the kiosk speaks.
import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import QtQuick.VirtualKeyboard.Plugins

KeyboardLayout {
    inputMethod: PlainInputMethod {}
    inputMode: InputEngine.InputMode.Numeric

    component Digit: Key {
        required property string modelData
        key: Qt.Key_0 + modelData.charCodeAt(0) - 48
        text: modelData
    }

    KeyboardColumn {
        Layout.fillWidth: false
        Layout.fillHeight: true
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: height * 1.6
        KeyboardRow {
            Repeater { model: ["1", "2", "3"]; Digit {} }
            BackspaceKey {}
        }
        KeyboardRow {
            Repeater { model: ["4", "5", "6"]; Digit {} }
            HideKeyboardKey {}
        }
        KeyboardRow {
            Repeater { model: ["7", "8", "9"]; Digit {} }
            EnterKey {}
        }
        KeyboardRow {
            FillerKey {}
            Digit { modelData: "0" }
            FillerKey {}
            FillerKey {}
        }
    }
}
