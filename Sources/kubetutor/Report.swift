import ArgumentParser
import Foundation
import LessonKit
import ProgressStore

extension KubeTutor {
    /// `kubetutor report`: the instructor's report, offline, from the SQLite file.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Print the instructor's progress report from the progress database.",
            discussion: """
                Reads the progress database (--db) and prints, for every learner or one class: the \
                learner × lesson grid (done, in progress with the attempts so far, not started), each \
                exercise's numbers (learners who tried, pass rate, median attempts and time to pass) with \
                the failing checks and checker messages most learners met, and the learners who seem \
                stuck (--stuck-attempts attempts at an exercise without a pass, or --idle-days without \
                activity).

                --format csv prints one row per learner and exercise (RFC 4180; a field starting with \
                =, +, -, @ is prefixed with ' so spreadsheets do not run it); --format json prints the same \
                rows with the statistics and the stuck learners.

                The course comes from the lessons folder; when the default folder is missing, from the \
                lessons and exercises found in the database. The database is never created: a missing \
                file is an error.

                Exit status: 0 printed, 1 the database could not be read, 2 usage problem (missing \
                database, unknown class, unreadable lessons).
                """
        )

        /// Output formats.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, csv, json
        }

        @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite progress database (as kubetutor serve --db); required.", valueName: "path"))
        var databasePath: String?

        @Option(name: .customLong("class"), help: ArgumentHelp("Only the learners of the class with this code.", valueName: "code"))
        var classCode: String?

        @Option(name: .long, help: "Output format: table (fits 80 columns), csv or json.")
        var format: Format = .table

        @Option(name: .customLong("lessons"), help: ArgumentHelp("The folder of lesson files (*.md) giving the course (default: ./Lessons).", valueName: "dir"))
        var lessonsDirectory: String?

        @Option(name: .customLong("stuck-attempts"), help: "Attempts at one exercise without a pass that make a learner stuck.")
        var stuckAttempts = 5

        @Option(name: .customLong("idle-days"), help: "Days without activity that make a learner stuck.")
        var idleDays = 2.0

        /// The time the report is made for (ISO 8601); tests pin it so idleness is reproducible.
        @Option(name: .customLong("now"), help: .hidden)
        var now: String?

        /// Builds a database of this many learners × 9 lessons in a temporary folder and times the report on it.
        @Option(name: .customLong("bench"), help: .hidden)
        var benchLearners: Int?

        static let defaultLessonsDirectory = "./Lessons"

        func validate() throws {
            if let benchLearners {
                guard benchLearners >= 1 else { throw ValidationError("--bench needs at least 1 learner") }
            } else {
                guard let databasePath, !databasePath.isEmpty else { throw ValidationError("--db PATH is required") }
            }
            guard stuckAttempts >= 1 else { throw ValidationError("--stuck-attempts must be at least 1, got \(stuckAttempts)") }
            guard idleDays > 0, idleDays.isFinite else { throw ValidationError("--idle-days must be more than 0, got \(idleDays)") }
            if let now, Self.parseDate(now) == nil {
                throw ValidationError("--now must be an ISO 8601 time such as 2026-03-01T09:00:00Z, got \(now)")
            }
        }

        func run() async throws {
            if let benchLearners {
                return try await ReportBenchmark(learners: benchLearners).run()
            }
            let databasePath = self.databasePath ?? ""
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: databasePath, isDirectory: &isDirectory), !isDirectory.boolValue else {
                Self.fail("\(databasePath): no such database file (start kubetutor serve --db \(databasePath) to create one)")
                throw ExitCode(2)
            }
            let store: SQLiteProgressStore
            do {
                store = try SQLiteProgressStore(path: databasePath)
            } catch {
                Self.fail((error as? ProgressStoreError)?.message ?? "\(error)")
                throw ExitCode(1)
            }
            defer { try? store.close() }

            let className: String?
            do {
                if let classCode {
                    guard let classroom = try await store.classroom(code: classCode) else {
                        let known = try await store.classrooms().map(\.code)
                        Self.fail("no class has the code \(classCode)" + (known.isEmpty ? " (there are no classes)" : "; classes: \(known.joined(separator: ", "))"))
                        throw ExitCode(2)
                    }
                    className = classroom.name
                } else {
                    className = nil
                }
                let outline = try await courseOutline(store)
                let report = try await ClassReport.load(
                    from: store, classCode: classCode, outline: outline, now: now.flatMap(Self.parseDate) ?? Date(),
                    stuckRule: StuckRule(attemptsWithoutPass: stuckAttempts, idleInterval: idleDays * 86_400))
                switch format {
                case .table:
                    FileHandle.standardOutput.write(Data(ReportTable.render(report, className: className).utf8))
                case .csv:
                    FileHandle.standardOutput.write(Data(ReportCSV.render(report).utf8))
                case .json:
                    FileHandle.standardOutput.write(Data((ReportJSON.render(report) + "\n").utf8))
                }
            } catch let error as ProgressStoreError {
                Self.fail(error.message)
                throw ExitCode(1)
            }
        }

        /// The course from the lessons folder; when the folder was not named and the default one is missing, from the database.
        private func courseOutline(_ store: SQLiteProgressStore) async throws -> CourseOutline {
            let directory = lessonsDirectory ?? Self.defaultLessonsDirectory
            if lessonsDirectory == nil, !FileManager.default.fileExists(atPath: directory) {
                Self.fail("note: no lessons folder at \(directory); the course is taken from the database (use --lessons DIR)")
                return CourseOutline.inferred(from: try await store.report(classCode: nil))
            }
            do {
                let catalog = try LessonLoader().loadCatalog(fromDirectory: directory)
                return CourseOutline(
                    lessons: catalog.lessons.map { CourseOutline.Lesson(id: $0.id, title: $0.title, exercises: $0.exercises.map(\.id)) })
            } catch {
                Self.fail(error.description)
                throw ExitCode(2)
            }
        }

        static func parseDate(_ text: String) -> Date? {
            try? Date(text, strategy: .iso8601)
        }

        private static func fail(_ message: String) {
            FileHandle.standardError.write(Data("kubetutor report: \(message)\n".utf8))
        }
    }
}

/// `kubetutor report --bench N`: N learners × 9 lessons × 2 exercises of opens, attempts (two failures with varied
/// values, then a pass; a tenth of the learners stuck on the last lesson), quiz answers and completions, imported into
/// a fresh SQLite file; then the report's parts are timed, best of 5. Run it on a release build (Scripts/bench-report.sh).
struct ReportBenchmark {
    let learners: Int
    static let lessons = ["pods", "pod-to-pod", "cross-node", "clusterip", "nodeport", "loadbalancer", "ingress", "ingress-migration", "choosing"]
    static let exercises = ["first", "second"]

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubetutor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let t0 = Date(timeIntervalSince1970: 1_772_355_600)
        let store = try SQLiteProgressStore(path: directory.appendingPathComponent("bench.db").path, clock: { t0 })
        defer { try? store.close() }
        let clock = ContinuousClock()
        let export = export(start: t0)
        let attempts = export.learners.reduce(0) { $0 + $1.attempts.count }
        let importTime = try await clock.measure { _ = try await store.importProgress(export) }
        print("kubetutor report --bench: \(learners) learners × \(Self.lessons.count) lessons × \(Self.exercises.count) exercises, \(attempts) attempts (import \(Self.ms(importTime)))")

        let outline = CourseOutline(lessons: Self.lessons.map { CourseOutline.Lesson(id: $0, exercises: Self.exercises) })
        let now = t0.addingTimeInterval(30 * 86_400)
        // Wall time, best of 5, and the process's CPU time for that run: on a busy machine the CPU time still compares
        // two versions of the code.
        func best(_ label: String, _ body: () async throws -> Void) async rethrows {
            var times: [(wall: Duration, cpu: Duration)] = []
            for _ in 0..<5 {
                let cpu = Self.processCPUTime()
                let wall = try await clock.measure { try await body() }
                times.append((wall, Self.processCPUTime() - cpu))
            }
            let fastest = times.min { $0.wall < $1.wall }!
            print(
                "  \(label.padding(toLength: 34, withPad: " ", startingAt: 0)) best \(Self.ms(fastest.wall)), CPU \(Self.ms(fastest.cpu))  "
                    + "(\(times.map { Self.ms($0.wall) }.joined(separator: ", ")))")
        }
        var report: ClassReport?
        try await best("store.report(classCode:)") { _ = try await store.report(classCode: nil) }
        try await best("store.failurePatterns(classCode:)") { _ = try await store.failurePatterns(classCode: nil) }
        try await best("ClassReport.load (the report)") {
            report = try await ClassReport.load(from: store, classCode: nil, outline: outline, now: now)
        }
        let reports = try await store.report(classCode: nil)
        let failures = try await store.failurePatterns(classCode: nil)
        await best("  of which building (no SQL)") {
            _ = ClassReport(reports: reports, failures: failures, outline: outline, classCode: nil, now: now)
        }
        try await best("ClassReport.load, a class (1/10)") {
            _ = try await ClassReport.load(from: store, classCode: "c0", outline: outline, now: now)
        }
        guard let report else { return }
        var bytes = 0
        await best("CSV text") { bytes = ReportCSV.render(report).utf8.count }
        print("    (\(report.rows.count) rows, \(bytes / 1024) KiB)")
        await best("JSON text") { bytes = ReportJSON.render(report).utf8.count }
        print("    (\(bytes / 1024) KiB)")
        await best("table text") { bytes = ReportTable.render(report).utf8.count }
        print("  stuck learners: \(report.stuck.count); nodeport/first: \(report.exercises[8].checkerMessages.map { "\($0.learners)" }.joined(separator: ", ")) learners per message pattern")
    }

    private func export(start t0: Date) -> ProgressExport {
        let classes = (0..<10).map { Classroom(code: "c\($0)", name: "Class \($0)", createdAt: t0) }
        let learners = (0..<learners).map { index in
            var opens: [ExportedExerciseOpen] = []
            var attempts: [ExportedAttempt] = []
            var answers: [ExportedQuizAnswer] = []
            var completions: [ExportedCompletion] = []
            let stuck = index % 10 == 9
            for (number, lesson) in Self.lessons.enumerated() {
                for (exerciseNumber, exercise) in Self.exercises.enumerated() {
                    let start = t0.addingTimeInterval(Double(number * 3600 + exerciseNumber * 600 + index % 600))
                    opens.append(ExportedExerciseOpen(lesson: lesson, exercise: exercise, openedAt: start))
                    let tries = stuck && number == Self.lessons.count - 1 ? 6 : 1 + (index + number) % 3
                    for step in 0..<tries {
                        let passed = step == tries - 1 && !(stuck && number == Self.lessons.count - 1)
                        let port = 40_000 + (index * 7 + step) % 2000
                        let error = passed ? nil : step % 2 == 0
                            ? "spec.ports[0].nodePort: Invalid value: \(port): provided port is not in the valid range. The range of valid ports is 30000-32767"
                            : "spec.selector: Service selects no Pods (app=web-\(index % 50))"
                        attempts.append(
                            ExportedAttempt(
                                lesson: lesson, exercise: exercise, yaml: "apiVersion: v1\nkind: Service\n# \(index) \(step)\n", passed: passed,
                                checks: [
                                    .init(name: "valid", passed: passed || step % 2 == 1, message: passed ? "ok" : "refused"),
                                    .init(name: "selects the pods", passed: passed, message: passed ? "ok" : "no endpoints"),
                                ],
                                errorCount: passed ? 0 : 1, warningCount: 0, firstErrorMessage: error,
                                secondsSinceOpened: Double(60 * (step + 1)), createdAt: start.addingTimeInterval(Double(60 * (step + 1)))))
                    }
                }
                answers.append(
                    ExportedQuizAnswer(lesson: lesson, quiz: "q1", chosenIndex: index % 3, correct: index % 3 == 0, createdAt: t0.addingTimeInterval(Double(number * 3600 + 1500))))
                if !(stuck && number == Self.lessons.count - 1) {
                    completions.append(ExportedCompletion(lesson: lesson, completedAt: t0.addingTimeInterval(Double(number * 3600 + 1800))))
                }
            }
            return ExportedLearner(
                handle: "learner-\(index)", displayName: "Learner \(index)", classCode: "c\(index % 10)", createdAt: t0, exerciseOpens: opens,
                attempts: attempts, quizAnswers: answers, completions: completions)
        }
        return ProgressExport(exportedAt: t0, classes: classes, learners: learners)
    }

    static func processCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    static func ms(_ duration: Duration) -> String {
        String(format: "%.1f ms", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }
}
