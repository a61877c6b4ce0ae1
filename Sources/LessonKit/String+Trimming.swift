extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    func trimmingWhitespace() -> String {
        var view = self[...]
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
