/// Why a ``ProgressStore`` refused or failed an operation.
///
/// Errors of one kind compare equal whatever their ``message``, so callers can match them:
/// `catch ProgressStoreError.handleTaken { ... }` or `#expect(throws: ProgressStoreError.handleTaken)`.
/// New kinds can be added without breaking callers.
public struct ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case invalidHandle
        case handleTaken
        case invalidName
        case invalidClassCode
        case classCodeTaken
        case unknownClass
        case unknownLearner
        case newerSchema
        case invalidExport
        case storageFailure
    }

    private let kind: Kind
    /// A sentence for the person at the keyboard, naming what was wrong (a handle, a class code, schema numbers).
    public let message: String

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The handle is empty, longer than ``HandleFormat/maximumLength``, or has a character outside letters, digits, `-`, `_`, `.`.
    public static let invalidHandle = ProgressStoreError(.invalidHandle, "the handle is not valid")
    /// Another learner already has this handle (handles are compared case-insensitively).
    public static let handleTaken = ProgressStoreError(.handleTaken, "the handle is taken")
    /// A display name or class name is empty or too long.
    public static let invalidName = ProgressStoreError(.invalidName, "the name is not valid")
    /// A class code breaks the same rules as a handle.
    public static let invalidClassCode = ProgressStoreError(.invalidClassCode, "the class code is not valid")
    /// Another class already has this code (codes are compared case-insensitively).
    public static let classCodeTaken = ProgressStoreError(.classCodeTaken, "the class code is taken")
    /// No class has this code.
    public static let unknownClass = ProgressStoreError(.unknownClass, "no class has this code")
    /// No learner has this id or handle.
    public static let unknownLearner = ProgressStoreError(.unknownLearner, "no such learner")
    /// The database file was written by a newer KubeTutor; it is left untouched.
    public static let newerSchema = ProgressStoreError(.newerSchema, "the database was written by a newer KubeTutor")
    /// An export document could not be read or does not hold together.
    public static let invalidExport = ProgressStoreError(.invalidExport, "the export is not valid")
    /// The database could not be opened, read or written.
    public static let storageFailure = ProgressStoreError(.storageFailure, "the progress database failed")

    /// This error's kind with a more precise message.
    func with(_ message: String) -> ProgressStoreError {
        ProgressStoreError(kind, message)
    }

    /// The refusal to touch a database whose schema is newer than this binary knows.
    static func newerSchema(found: Int, known: Int) -> ProgressStoreError {
        newerSchema.with("this database was written by a newer KubeTutor (schema \(found)); this binary knows up to \(known)")
    }

    /// Errors of the same kind are equal; the message is detail.
    public static func == (lhs: ProgressStoreError, rhs: ProgressStoreError) -> Bool {
        lhs.kind == rhs.kind
    }

    /// Lets `catch ProgressStoreError.handleTaken` match any error of that kind.
    public static func ~= (pattern: ProgressStoreError, value: any Error) -> Bool {
        (value as? ProgressStoreError).map { $0.kind == pattern.kind } ?? false
    }

    /// The message.
    public var description: String { message }
}
