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
}

/// Notices when a file is saved: its modification time, size or contents changed since last seen.
struct FileWatch {
    /// What was seen last: nil when the file did not exist.
    private var lastSeen: Snapshot?

    struct Snapshot: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var contents: Data
    }

    let path: String

    /// Starts watching `path` as it is now (the present state is not a change).
    init(path: String) {
        self.path = path
        lastSeen = Self.snapshot(path)
    }

    /// The file's new contents when it was saved since the last call, else nil.
    mutating func savedContents() -> String? {
        let now = Self.snapshot(path)
        guard now != lastSeen else { return nil }
        lastSeen = now
        guard let now else { return nil }
        return String(decoding: now.contents, as: UTF8.self)
    }

    /// The contents as they are now, without counting as a save.
    var currentContents: String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func snapshot(_ path: String) -> Snapshot? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        // Editors that save by renaming replace the file; reading it by path sees the new one.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Snapshot(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size), contents: data)
    }
}
