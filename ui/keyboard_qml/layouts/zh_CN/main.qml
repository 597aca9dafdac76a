// Chinese by pinyin: QWERTY letters into the Pinyin input method; the candidates show above
// the keys and the space key takes the first one.
import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

KeyboardLayout {
    function createInputMethod() {
        return Qt.createQmlObject("import QtQuick; import QtQuick.VirtualKeyboard.Plugins; PinyinInputMethod {}", parent, "inputMethod.qml")
    }
    sharedLayouts: ["symbols"]
    keyWeight: 160

    component Letter: Key {
        required property string modelData
        key: Qt.Key_A + modelData.charCodeAt(0) - 97
        text: modelData
    }

    KeyboardRow {
        Repeater { model: "qwertyuiop".split(""); Letter {} }
    }
    KeyboardRow {
        FillerKey { weight: 80 }
        Repeater { model: "asdfghjkl".split(""); Letter {} }
        FillerKey { weight: 80 }
    }
    KeyboardRow {
        Key {
            key: Qt.Key_Apostrophe
            text: "'"
            weight: 240
            enabled: InputContext.preeditText.length > 0
        }
        Repeater { model: "zxcvbnm".split(""); Letter {} }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: "123" }
        ChangeLanguageKey { weight: 160 }
        Key { key: Qt.Key_Comma; text: "\uFF0C"; highlighted: true }
        SpaceKey { weight: 480 }
        Key {
            key: Qt.Key_Period
            text: "\u3002"
            alternativeKeys: "\u3002\uFF1F\uFF01\u3001\uFF1A\uFF1B"
            highlighted: true
        }
        HideKeyboardKey { weight: 160 }
        EnterKey { weight: 240 }
    }
}
