import ClusterSim
import Foundation
import LessonKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files the learner edits: `./kubetutor-work/<lesson>/<exercise>.yaml`, written from the starter once and
/// never overwritten, so that work survives quitting.
struct ExerciseWorkspace {
    /// The folder the work files live in, relative to the current directory.
    static let folder = "kubetutor-work"

    /// The path of an exercise's work file, as shown to the learner.
    static func path(lesson: String, exercise: String) -> String {
        "\(folder)/\(lesson)/\(exercise).yaml"
    }

    /// Writes the starter to the work file unless the file exists; true when it was written now.
    static func prepare(_ exercise: Exercise, lesson: String) throws -> Bool {
        let path = path(lesson: lesson, exercise: exercise.id)
        guard !FileManager.default.fileExists(atPath: path) else { return false }
        try FileManager.default.createDirectory(atPath: "\(folder)/\(lesson)", withIntermediateDirectories: true)
        try Data(starterText(exercise).utf8).write(to: URL(fileURLWithPath: path))
        return true
    }

    /// The starter with the task in comments on top, so that the learner sees it in the editor too.
    static func starterText(_ exercise: Exercise) -> String {
        var text = "# Exercise \(exercise.id): save this file and kubetutor quiz checks it.\n#\n"
        for line in exercise.prompt.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false) {
            text += line.isEmpty ? "#\n" : "# \(line)\n"
        }
        text += "\n"
        return text + exercise.starter
    }

    /// At most this much of a file over the read limit is kept in its attempt.
    static let keptOfTooLargeFile = 64 * 1024

    /// The text an attempt records of the file: all of it (bytes that are not UTF-8 shown as U+FFFD), except that
    /// of a file over the checker's size limit only the start is kept, cut at a line and followed by a comment
    /// saying so, so that saving a 10 MB file does not put 10 MB in the progress database at every save.
    static func attemptText(_ bytes: [UInt8]) -> String {
        let limit = ReadLimits.standard.maxFileBytes
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        var kept = bytes.prefix(keptOfTooLargeFile)
        if let newline = kept.lastIndex(of: 10) { kept = kept[...newline] }
        let start = String(decoding: kept, as: UTF8.self)
        return start + (start.hasSuffix("\n") || start.isEmpty ? "" : "\n")
            + "# kubetutor kept the first \(kept.count) of this file's \(bytes.count) bytes: it is over the limit of \(limit) bytes.\n"
    }
}

/// The learner's work file as it is on disk.
enum WorkFile: Equatable {
    /// The file's bytes, which may not be UTF-8 text.
    case contents([UInt8])
    /// Nothing is at the path.
    case missing
    /// Something is at the path that cannot be read as a manifest; the reason is said to the learner as it is.
    case unreadable(String)

    /// Past this size the file is not read at all: the checker refuses anything over ``ReadLimits/maxFileBytes``
    /// anyway, and reading a file of gigabytes would only take the memory. Up to it, the checker's own message
    /// names the size.
    static let largestRead = 16 * ReadLimits.standard.maxFileBytes

    /// Reads `path`: only a regular file is read, so that a folder gives a clear answer and a named pipe cannot block.
    static func read(_ path: String) -> WorkFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable("it is a folder, not a file")
        default: return .unreadable("it is not a regular file")
        }
        guard Int(info.st_size) <= largestRead else {
            return .unreadable("it is \(info.st_size) bytes, far over the \(ReadLimits.standard.maxFileBytes)-byte limit of a manifest")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .unreadable(String(cString: strerror(errno))) }
        defer { try? handle.close() }
        do {
            // Up to one byte past the limit: a file that grows while it is read is still refused, not read without end.
            return .contents([UInt8](try handle.read(upToCount: largestRead + 1) ?? Data()))
        } catch {
            return .unreadable(error.localizedDescription)
        }
    }
}

/// Notices when a file is saved: its modification time, size or contents changed since last seen.
struct FileWatch {
    /// What was seen last: nil when nothing was at the path.
    private var lastSeen: Snapshot?

    private struct Snapshot: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var mode: UInt32
        /// The contents of a file small enough to check, compared too so that two saves within the clock's
        /// granularity are told apart; nil for anything else, whose time and size are enough.
        var contents: [UInt8]?
    }

    let path: String

    /// Starts watching `path` as it is now (the present state is not a change).
    init(path: String) {
        self.path = path
        lastSeen = Self.snapshot(path)
    }

    /// The file as saved, when it changed since the last call; nil when it did not change or was removed (an
    /// editor may remove the file for a moment while it saves).
    mutating func saved() -> WorkFile? {
        let now = Self.snapshot(path)
        guard now != lastSeen else { return nil }
        lastSeen = now
        guard let now else { return nil }
        if let contents = now.contents { return .contents(contents) }
        return WorkFile.read(path)
    }

    /// The file as it is now, without counting as a save.
    var current: WorkFile { WorkFile.read(path) }

    private static func snapshot(_ path: String) -> Snapshot? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        var snapshot = Snapshot(
            seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size), mode: UInt32(info.st_mode))
        // Editors that save by renaming replace the file; reading it by path sees the new one.
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= ReadLimits.standard.maxFileBytes,
            case .contents(let bytes) = WorkFile.read(path)
        {
            snapshot.contents = bytes
        }
        return snapshot
    }
}
