import Foundation
import Testing

/// `kubetutor quiz` and `kubetutor progress` as a learner on a train uses them: a whole lesson through the
/// line protocol and through a real terminal, quitting and resuming, and the progress moved to another file.
@Suite(.serialized) struct QuizCommandTests {
    @Test func aWholeLessonThroughTheLineProtocolIsRecordedAndResumed() throws {
        let dir = try QuizFixture.workspace()
        let arguments = ["quiz", "--lessons", "Lessons", "--db", "progress.db", "--learner", "ana"]
        let session = try QuizLineSession(arguments, in: dir)

        // The menu shows the lesson as new and offers to start it.
        try session.waitFor("A tiny Pod")
        try session.waitFor("Enter: continue “A tiny Pod” at the beginning.")
        session.send("")
        let reading = try session.waitFor("Keys: Enter/n next")
        #expect(reading.contains("A *Pod* has _one_ IP address. Read `kubectl get pods`."))
        #expect(!reading.contains("\u{1B}["), "output that is not a terminal has no escapes")

        // A question answered wrong, then right, each with its explanation.
        session.send("n")
        try session.waitFor("How many IP addresses does a Pod with two containers have?")
        session.send("1")
        try session.waitFor("Not quite. You chose 1: Two, one per container.")
        try session.waitFor("Containers have no IP of their own.")
        session.send("2")
        try session.waitFor("Right. You chose 2: One, shared by both.")
        try session.waitFor("The IP belongs to the Pod's network namespace")

        // The exercise: the starter is written, shown as failing, then each save is checked.
        session.send("n")
        try session.waitFor("Your file, with the starter YAML: \(QuizFixture.exerciseFile)")
        try session.waitFor("not counted as an attempt")
        let starter = try String(contentsOf: dir.appendingPathComponent(QuizFixture.exerciseFile), encoding: .utf8)
        #expect(starter.hasPrefix("# Exercise web-port"))
        #expect(starter.contains("containerPort: eighty"))

        session.send("h")
        try session.waitFor("Hint 1 of 1: containerPort is a number.")

        try QuizFixture.save(QuizFixture.wrongAnswer, in: dir)
        let failed = try session.waitFor("save again")
        #expect(failed.contains("saved, attempt 1:"))
        #expect(failed.contains("FAIL valid:"))
        #expect(failed.contains("\(QuizFixture.exerciseFile):10:"), "the diagnostic names the file, line and column")
        #expect(failed.contains("Next: fix “valid” (line 10)"))

        // The solution is refused until the learner gives up.
        session.send("s")
        session.send("n")
        try session.waitFor("Good: keep going.")

        try QuizFixture.save(QuizFixture.rightAnswer, in: dir)
        let passed = try session.waitFor("All 2 checks pass.")
        #expect(passed.contains("saved, attempt 2:"))
        #expect(passed.contains("PASS valid:"))
        #expect(passed.contains("PASS port is 80:"))

        session.send("k get pods")
        try session.waitFor("web ")
        session.send("s")
        try session.waitFor("A solution:")

        // On to the last question, then quit before answering it.
        session.send("n")
        try session.waitFor("Where does localhost go from inside a Pod?")
        session.send("q")
        try session.waitFor("Next time, kubetutor quiz continues “A tiny Pod” at question localhost.")
        #expect(session.finish() == 0)

        // The store holds every answer and attempt as it happened.
        let records = try QuizFixture.exported(db: "progress.db", learner: "ana", in: dir)
        #expect(records.answers.map { $0["chosenIndex"] as? Int } == [0, 1])
        #expect(records.answers.map { $0["correct"] as? Bool } == [false, true])
        #expect(records.attempts.map { $0["passed"] as? Bool } == [false, true])
        #expect((records.attempts.last?["yaml"] as? String) == QuizFixture.rightAnswer)

        // Restarting resumes at the question left open, and the work file is kept as it was.
        let again = try QuizLineSession(arguments, in: dir)
        let menu = try again.waitFor("at question localhost.")
        #expect(menu.contains("exercises 1/1, quiz 1/2"))
        again.send("")
        try again.waitFor("Question 2 of 2")
        again.send("1")
        try again.waitFor("Right. You chose 1: To the Pod itself.")
        try again.waitFor("Lesson complete")
        again.send("m")
        try again.waitFor("done")
        #expect(again.finish() == 0)
        let saved = try String(contentsOf: dir.appendingPathComponent(QuizFixture.exerciseFile), encoding: .utf8)
        #expect(saved == QuizFixture.rightAnswer)

        // The instructor's report reads the same file: the lesson is done, the exercise passed on the second try.
        let report = try CLIRunner.run(["report", "--db", "progress.db", "--lessons", "Lessons", "--format", "csv"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let row = report.stdout.split(separator: "\r\n").first { $0.hasPrefix("ana,") }
        #expect(row?.contains(",passed,2,") == true, "\(report.stdout)")
    }

    @Test func aWholeLessonInARealTerminalWithKeysRawModeAndCtrlC() throws {
        let dir = try QuizFixture.workspace()
        let command = "env -u EDITOR TERM=xterm-256color \(CLIRunner.binary.path) quiz --lessons Lessons --db progress.db --learner bo; "
            + "echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo; sleep 60"
        let terminal = try QuizTmuxSession(command, in: dir)

        try terminal.waitFor("Enter: continue")
        try terminal.press("Enter")
        try terminal.waitFor("Keys: Enter/n next")
        try terminal.press("n")
        try terminal.waitFor("How many IP addresses")
        try terminal.press("1")
        try terminal.waitFor("Not quite.")
        try terminal.press("2")
        try terminal.waitFor("Right.")
        try terminal.press("n")
        try terminal.waitFor("not counted as an attempt")
        try terminal.waitFor("Keys: save to check")

        try QuizFixture.save(QuizFixture.wrongAnswer, in: dir)
        try terminal.waitFor("saved, attempt 1:")
        let failed = try terminal.waitFor("save again")
        #expect(failed.contains("✗ valid"))
        #expect(failed.contains("\(QuizFixture.exerciseFile):10:"))
        try QuizFixture.save(QuizFixture.rightAnswer, in: dir)
        try terminal.waitFor("All 2 checks pass.")

        // The kubectl prompt reads a whole line with echo, then returns to keys.
        try terminal.press("k")
        try terminal.waitFor("An empty line returns.")
        try terminal.press("get pods", "Enter")
        try terminal.waitFor("Running")
        try terminal.press("Enter")
        try terminal.waitFor("Back to exercise web-port.")

        // Ctrl-C quits cleanly: progress saved, the terminal given back in canonical mode with echo.
        try terminal.press("C-c")
        try terminal.waitFor("Next time, kubetutor quiz continues “A tiny Pod” at question localhost.")
        let after = try terminal.waitFor("icanon")
        #expect(try terminal.screen().contains("exit=0"))
        #expect(after.contains("icanon") && !after.contains("-icanon"), "the terminal is back in canonical mode")
        #expect(after.contains("echo") && !after.contains("-echo"), "the terminal echoes again")

        let records = try QuizFixture.exported(db: "progress.db", learner: "bo", in: dir)
        #expect(records.answers.count == 2)
        #expect(records.attempts.map { $0["passed"] as? Bool } == [false, true])

        // A second run resumes at the open question.
        let resumed = try QuizTmuxSession(
            "env -u EDITOR \(CLIRunner.binary.path) quiz --lessons Lessons --db progress.db --learner bo; sleep 60", in: dir)
        try resumed.waitFor("at question localhost.")
        try resumed.press("Enter")
        try resumed.waitFor("Question 2 of 2")
        try resumed.press("q")
        try resumed.waitFor("Saved:")
    }

    @Test func progressExportImportRoundTripIsIdempotent() throws {
        let dir = try QuizFixture.workspace()
        let session = try QuizLineSession(["quiz", "--lessons", "Lessons", "--db", "laptop.db", "--learner", "cy", "--lesson", "tiny-pod"], in: dir)
        try session.waitFor("Keys: Enter/n next")
        session.send("n")
        try session.waitFor("How many IP addresses")
        session.send("2")
        try session.waitFor("Right.")
        session.send("n")
        try session.waitFor("not counted as an attempt")
        try QuizFixture.save(QuizFixture.rightAnswer, in: dir)
        try session.waitFor("All 2 checks pass.")
        session.send("q")
        #expect(session.finish() == 0)

        let export = try CLIRunner.run(["progress", "export", "--db", "laptop.db", "--learner", "cy"], in: dir)
        #expect(export.status == 0)
        try Data(export.stdout.utf8).write(to: dir.appendingPathComponent("cy.json"))

        let first = try CLIRunner.run(["progress", "import", "--db", "server.db", "cy.json"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 learners, 0 classes, 1 attempts, 1 quiz answers, 1 exercise opens"))
        let second = try CLIRunner.run(["progress", "import", "--db", "server.db", "cy.json"], in: dir)
        #expect(second.status == 0)
        #expect(second.stdout.contains("Nothing new"))

        let onLaptop = try QuizFixture.exported(db: "laptop.db", learner: "cy", in: dir)
        let onServer = try QuizFixture.exported(db: "server.db", learner: "cy", in: dir)
        #expect(onServer.attempts.count == 1 && onServer.answers.count == 1)
        func attempts(_ records: [[String: Any]]) -> [String] {
            records.map { "\($0["exercise"] ?? "") \($0["passed"] ?? "") \($0["yaml"] ?? "")" }
        }
        func answers(_ records: [[String: Any]]) -> [String] {
            records.map { "\($0["quiz"] ?? "") \($0["chosenIndex"] ?? "") \($0["correct"] ?? "")" }
        }
        #expect(attempts(onServer.attempts) == attempts(onLaptop.attempts), "the server holds the laptop's attempts")
        #expect(answers(onServer.answers) == answers(onLaptop.answers), "and its answers")
        let times = { (records: [[String: Any]]) in records.map { "\($0["createdAt"] ?? "")" } }
        #expect(times(onServer.attempts + onServer.answers) == times(onLaptop.attempts + onLaptop.answers), "and their times, to the millisecond")

        let bad = try CLIRunner.run(["progress", "import", "--db", "server.db", "Lessons/01-tiny-pod.md"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("not a KubeTutor progress export"))
        let unknown = try CLIRunner.run(["progress", "export", "--db", "server.db", "--learner", "nobody"], in: dir)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no learner has the handle “nobody”"))
    }

    @Test func helpDocumentsTheLineProtocol() throws {
        let help = try CLIRunner.run(["quiz", "--help"])
        #expect(help.stdout.contains("Line protocol"))
        #expect(help.stdout.contains("k COMMAND"))
    }
}
