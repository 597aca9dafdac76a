// Uyghur (Arabic script): all 32 letters and the hamza on three rows, no shift layer, in the
// order of the usual Uyghur computer keyboard with its shifted letters at the row ends.
// Qt Virtual Keyboard has no Uyghur layout, and its Arabic one lacks nine Uyghur letters
// (ە ې ۇ ۆ ۈ ۋ ڭ ھ ژ), so this one is the kiosk's own.
import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components

KeyboardLayout {
    keyWeight: 160

    component Letter: Key {
        required property string modelData
        text: modelData
    }

    KeyboardRow {
        Repeater {
            model: ["\u0686", "\u06CB", "\u06D0", "\u0631", "\u062A", "\u064A", "\u06C7", "\u06AD", "\u0648", "\u067E", "\u0698"]
            Letter {}
        }
    }
    KeyboardRow {
        Repeater {
            model: ["\u06BE", "\u0633", "\u062F", "\u0627", "\u06D5", "\u0649", "\u0642", "\u0643", "\u0644", "\u0641", "\u0626"]
            Letter {}
        }
    }
    KeyboardRow {
        Repeater {
            model: ["\u0632", "\u0634", "\u063A", "\u06C8", "\u0628", "\u0646", "\u0645", "\u06C6", "\u06AF", "\u062E", "\u062C"]
            Letter {}
        }
    }
    KeyboardRow {
        SymbolModeKey { weight: 240; displayText: "123" }
        ChangeLanguageKey { weight: 160 }
        Key { key: Qt.Key_Comma; text: "\u060C"; highlighted: true }
        SpaceKey { weight: 400 }
        Key { text: "\u061F"; alternativeKeys: "\u061F.!\u061B:"; highlighted: true }
        BackspaceKey { weight: 240 }
        HideKeyboardKey { weight: 160 }
        EnterKey { weight: 160 }
    }
}
