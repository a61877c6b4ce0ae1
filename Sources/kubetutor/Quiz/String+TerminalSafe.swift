extension String {
    /// Words longer than this many characters are shortened by ``terminalSafe``.
    static let longestTerminalWord = 120

    /// The text, fit to print on a terminal although it comes from the learner's file: every control character
    /// a terminal would act on (escape sequences, a NUL, a bell, a carriage return, the 8-bit controls, the
    /// direction overrides) is shown as an escape such as `\x1b` instead, and a word longer than
    /// ``longestTerminalWord`` characters (a 1 MB value echoed in a message) is cut in the middle, saying how
    /// much was left out. Newlines and tabs stay.
    var terminalSafe: String {
        var out = ""
        var word = ""
        func flush() {
            guard word.count > Self.longestTerminalWord else {
                out += word
                word = ""
                return
            }
            out += word.prefix(80) + "…(\(word.count - 90) more characters)…" + word.suffix(10)
            word = ""
        }
        func hex(_ value: UInt32, digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        for scalar in unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == " " {
                flush()
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00..<0x20, 0x7F:
                word += "\\x" + hex(scalar.value, digits: 2)
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                word += "\\u" + hex(scalar.value, digits: 4)
            default:
                word.unicodeScalars.append(scalar)
            }
        }
        flush()
        return out
    }
}
