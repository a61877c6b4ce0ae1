import LessonKit
import Testing

/// A lesson file's front matter: every problem is reported as `file:line: what is wrong`.
@Suite struct FrontMatterTests {
    let loader = LessonLoader()

    /// Parses `text` as `lesson.md` and returns the problems, one `file:line: message` string each.
    func problems(_ text: String) -> [String] {
        do {
            _ = try loader.parseLesson(text, file: "Lessons/lesson.md")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aCompleteFrontMatterGivesEveryField() throws {
        let lesson = try loader.parseLesson(
            """
            ---
            id: pod-network-namespace
            title: Containers in a Pod share one network namespace
            order: 1
            summary: Why localhost works inside a Pod.
            minutes: 12
            ---
            ## The question
            """,
            file: "Lessons/01.md"
        )
        #expect(lesson.id == "pod-network-namespace")
        #expect(lesson.title == "Containers in a Pod share one network namespace")
        #expect(lesson.order == 1)
        #expect(lesson.summary == "Why localhost works inside a Pod.")
        #expect(lesson.minutes == 12)
        #expect(lesson.idLine == 2)
        #expect(lesson.body.blocks.first?.line == 8, "body lines are counted from the top of the file")
    }

    @Test func aFileWithoutFrontMatterIsReportedOnLineOne() {
        let found = problems("## The question\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Lessons/lesson.md:1: missing front matter"))
    }

    @Test func anUnclosedFrontMatterIsReported() {
        #expect(
            problems("---\nid: x\ntitle: X\n") == [
                "Lessons/lesson.md:1: front matter is not closed: add a line \"---\" after its last field"
            ])
    }

    @Test func aMissingFieldIsReportedAtTheOpeningLine() {
        let found = problems(
            """
            ---
            id: pod-network-namespace
            order: 1
            summary: Why localhost works inside a Pod.
            minutes: 12
            ---
            """
        )
        #expect(found == ["Lessons/lesson.md:1: front matter: missing field \"title\""])
    }

    @Test func invalidFieldsAreReportedOnTheirOwnLines() {
        let found = problems(
            """
            ---
            id: Pod_Network
            title: ""
            order: first
            summary: Why localhost works inside a Pod.
            minutes: 0
            ---
            """
        )
        #expect(found.count == 4)
        #expect(found[0].hasPrefix("Lessons/lesson.md:2: front matter: \"id\" must be lowercase letters and digits"))
        #expect(found[1] == "Lessons/lesson.md:3: front matter: \"title\" must not be empty")
        #expect(found[2] == "Lessons/lesson.md:4: front matter: \"order\" must be a whole number, got \"first\"")
        #expect(found[3] == "Lessons/lesson.md:6: front matter: \"minutes\" must be between 1 and 240, got 0")
    }

    @Test func anUnknownFieldIsATypoToFix() {
        let found = problems(
            """
            ---
            id: pod-network-namespace
            titel: Containers in a Pod
            title: Containers in a Pod
            order: 1
            summary: Why localhost works inside a Pod.
            minutes: 12
            ---
            """
        )
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Lessons/lesson.md:3: front matter: unknown field \"titel\""))
    }

    @Test func aListWhereTextBelongsIsReported() {
        let found = problems(
            """
            ---
            id: pod-network-namespace
            title:
              - one
              - two
            order: 1
            summary: Why localhost works inside a Pod.
            minutes: 12
            ---
            """
        )
        #expect(found == ["Lessons/lesson.md:4: front matter: \"title\" must be text, not a list or a mapping"])
    }

    @Test func brokenYAMLIsReportedWithTheFileLine() {
        let found = problems(
            """
            ---
            id: pod-network-namespace
            title: [unclosed
            order: 1
            ---
            """
        )
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Lessons/lesson.md:"))
        #expect(found[0].contains("front matter is not valid YAML"))
    }

    @Test func aRepeatedFieldIsReported() {
        let found = problems(
            """
            ---
            id: pod-network-namespace
            title: One
            title: Two
            order: 1
            summary: S.
            minutes: 12
            ---
            """
        )
        #expect(found.count == 1)
        #expect(found[0].contains("front matter: field \"title\" is given more than once"))
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}---\r\nid: a\r\ntitle: A\r\norder: 1\r\nsummary: S.\r\nminutes: 5\r\n---\r\nBody\r\n"
        let lesson = try loader.parseLesson(text, file: "a.md")
        #expect(lesson.id == "a")
    }
}
