// Digits and Uyghur punctuation; the first key goes back to the letters.
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
        Repeater { model: ["\u060C", ".", "\u061F", "!", "\u061B", ":", "-", "(", ")", "\u00AB", "\u00BB"]; Symbol {} }
    }
    KeyboardRow {
        Repeater { model: ["+", "/", "@", "#", "%", "\u00A5"]; Symbol {} }
        BackspaceKey { weight: 240 }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: "\u0627\u0628\u062A" }
        SpaceKey { weight: 960 }
        HideKeyboardKey { weight: 160 }
        EnterKey { weight: 240 }
    }
}
