/// The rules a learner handle or a class code follows: 1 to 32 characters, each an ASCII letter,
/// a digit, `-`, `_` or `.`. Uniqueness is case-insensitive (`Ana` and `ana` are the same learner).
///
/// ASCII only, so case-insensitive comparison means the same thing in Swift and in SQLite's `NOCASE`.
public enum HandleFormat {
    /// The longest handle or class code accepted.
    public static let maximumLength = 32

    /// Whether `text` is a well-formed handle or class code.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        return bytes.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    /// The form two handles are compared in: case folded exactly as SQLite's `NOCASE` folds, ASCII letters only
    /// (`lowercased()` would also fold, say, the Kelvin sign to `k`, which SQLite does not).
    static func folded(_ text: String) -> String {
        String(decoding: text.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

/// The rules for display names and class names.
enum NameFormat {
    /// The longest display name or class name accepted, in characters.
    static let maximumLength = 80

    /// `name` trimmed of surrounding white space, or nil when it is empty or too long afterwards.
    static func normalised(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maximumLength else { return nil }
        return trimmed
    }
}

/// Checks the parts of a new learner or class, shared by every store so they refuse the same input.
enum Admission {
    /// A new learner's display name after the rules: the handle stands in for an empty one.
    static func learner(handle: String, displayName: String) throws -> String {
        guard HandleFormat.isValid(handle) else {
            throw ProgressStoreError.invalidHandle.with(
                "“\(handle)” is not a valid handle: use 1 to \(HandleFormat.maximumLength) letters, digits, “-”, “_” or “.”")
        }
        if displayName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return handle
        }
        guard let name = NameFormat.normalised(displayName) else {
            throw ProgressStoreError.invalidName.with("a display name has at most \(NameFormat.maximumLength) characters")
        }
        return name
    }

    /// A new class's name after the rules.
    static func classroom(code: String, name: String) throws -> String {
        try checkClassCode(code)
        guard let normalised = NameFormat.normalised(name) else {
            throw ProgressStoreError.invalidName.with("a class name has 1 to \(NameFormat.maximumLength) characters")
        }
        return normalised
    }

    /// Throws ``ProgressStoreError/invalidClassCode`` unless `code` follows ``HandleFormat``.
    static func checkClassCode(_ code: String) throws {
        guard HandleFormat.isValid(code) else {
            throw ProgressStoreError.invalidClassCode.with(
                "“\(code)” is not a valid class code: use 1 to \(HandleFormat.maximumLength) letters, digits, “-”, “_” or “.”")
        }
    }

    static func handleTaken(_ handle: String) -> ProgressStoreError {
        ProgressStoreError.handleTaken.with("the handle “\(handle)” is taken")
    }

    static func classCodeTaken(_ code: String) -> ProgressStoreError {
        ProgressStoreError.classCodeTaken.with("the class code “\(code)” is taken")
    }

    static func unknownClass(_ code: String) -> ProgressStoreError {
        ProgressStoreError.unknownClass.with("no class has the code “\(code)”")
    }

    static func unknownLearner(id: Int64) -> ProgressStoreError {
        ProgressStoreError.unknownLearner.with("no learner has the id \(id)")
    }

    static func unknownLearner(handle: String) -> ProgressStoreError {
        ProgressStoreError.unknownLearner.with("no learner has the handle “\(handle)”")
    }
}
