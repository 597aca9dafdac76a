// Digits and the punctuation Chinese text needs; the first key goes back to the letters.
import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

KeyboardLayout {
    keyWeight: 160

    component Symbol: Key {
        required property string modelData
        text: modelData
    }

    KeyboardRow {
        Repeater { model: "1234567890".split(""); Symbol {} }
    }
    KeyboardRow {
        Repeater { model: ["\uFF0C", "\u3002", "\uFF1F", "\uFF01", "\u3001", "\uFF1A", "\uFF1B", "\u201C", "\u201D", "\u00B7"]; Symbol {} }
    }
    KeyboardRow {
        Repeater { model: ["-", "+", "(", ")", "/", "@", "#", "%", "\u00A5"]; Symbol {} }
        BackspaceKey { weight: 160 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: "\u62FC\u97F3" }
        SpaceKey { weight: 960 }
        HideKeyboardKey { weight: 160 }
        EnterKey { weight: 240 }
    }
}
