/// A port of Go's `text/tabwriter` (elastic tabstops), the writer behind every kubectl table
/// and every `kubectl describe`.
///
/// Cells are separated by `\t`; the text after a line's last tab is not part of any column and
/// gets no padding. A column's width is the widest cell of its *block* (the run of consecutive
/// lines that have a cell in that column) plus `padding`, and at least `minWidth`. Widths are
/// counted in Unicode scalars, as Go counts runes.
///
/// kubectl uses two settings: ``TabWriter/table`` for `get` (cli-runtime `printers.GetNewTabWriter`:
/// minwidth 6, tabwidth 4, padding 3, padchar ' ') and ``TabWriter/describe`` for `describe`
/// (kubectl `describe.tabbedString`: minwidth 0, tabwidth 8, padding 2, padchar ' ').
struct TabWriter: Sendable {
    /// The smallest width a column gets, padding included.
    var minWidth: Int
    /// Spaces added to the widest cell of a column.
    var padding: Int

    /// `kubectl get`'s tables.
    static let table = TabWriter(minWidth: 6, padding: 3)
    /// `kubectl describe`'s key/value layout.
    static let describe = TabWriter(minWidth: 0, padding: 2)

    private struct Cell {
        var text: String
        var width: Int
    }

    /// Formats tab-separated text exactly as Go's tabwriter would after `Flush`.
    func format(_ text: String) -> String {
        // Split into lines of cells. A line is terminated by "\n"; the text after the last
        // "\n" (normally empty) is an unterminated last line.
        var lines: [[Cell]] = []
        var current: [Cell] = []
        var cell = ""
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t":
                current.append(Cell(text: cell, width: width))
                cell = ""
                width = 0
            case "\n":
                current.append(Cell(text: cell, width: width))
                lines.append(current)
                current = []
                cell = ""
                width = 0
            default:
                cell.unicodeScalars.append(scalar)
                width += 1
            }
        }
        let trailing = cell
        var widths: [Int] = []
        var out = ""
        formatBlock(lines, 0, lines.count, &widths, &out)
        return out + trailing
    }

    /// Go's `format`: finds the column blocks of column `widths.count` between `line0` and `line1`,
    /// sizes each, and recurses for the columns to their right.
    private func formatBlock(_ lines: [[Cell]], _ start: Int, _ end: Int, _ widths: inout [Int], _ out: inout String) {
        let column = widths.count
        var line0 = start
        var this = start
        while this < end {
            if column >= lines[this].count - 1 {
                this += 1
                continue
            }
            writeLines(lines, line0, this, widths, &out)
            line0 = this
            var width = minWidth
            while this < end {
                let line = lines[this]
                if column >= line.count - 1 { break }
                width = max(width, line[column].width + padding)
                this += 1
            }
            widths.append(width)
            formatBlock(lines, line0, this, &widths, &out)
            widths.removeLast()
            line0 = this
        }
        writeLines(lines, line0, end, widths, &out)
    }

    private func writeLines(_ lines: [[Cell]], _ start: Int, _ end: Int, _ widths: [Int], _ out: inout String) {
        guard start < end else { return }
        for index in start..<end {
            let line = lines[index]
            for (j, cell) in line.enumerated() {
                out += cell.text
                if j < widths.count {
                    out += String(repeating: " ", count: max(0, widths[j] - cell.width))
                }
            }
            out += "\n"
        }
    }
}
