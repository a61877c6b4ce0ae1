import Foundation
import LessonKit
import Testing

/// Loading a lessons folder: ordering, duplicate ids across files, and the shipped lessons themselves.
@Suite struct LessonCatalogTests {
    let loader = LessonLoader()

    func lessonText(id: String, order: Int, title: String? = nil) -> String {
        """
        ---
        id: \(id)
        title: \(title ?? "Lesson \(id)")
        order: \(order)
        summary: A lesson.
        minutes: 5
        ---
        ## Start
        """
    }

    /// A fresh folder holding the given files; removed by the caller.
    func makeFolder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessonkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder.path
    }

    @Test func lessonsAreOrderedByTheirOrderFieldNotByFileName() throws {
        let folder = try makeFolder([
            "a.md": lessonText(id: "services", order: 3),
            "b.md": lessonText(id: "pod-network-namespace", order: 1),
            "c.md": lessonText(id: "pod-to-pod", order: 2),
            "notes.txt": "not a lesson",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = try loader.loadCatalog(fromDirectory: folder)
        #expect(catalog.lessons.map(\.id) == ["pod-network-namespace", "pod-to-pod", "services"])
        let second = try #require(catalog.lesson(withID: "pod-to-pod"))
        #expect(catalog.lesson(before: second)?.id == "pod-network-namespace")
        #expect(catalog.lesson(after: second)?.id == "services")
        #expect(catalog.lesson(withID: "nope") == nil)
    }

    @Test func aDuplicateIdAcrossFilesNamesBothPlaces() throws {
        let folder = try makeFolder([
            "01.md": lessonText(id: "pods", order: 1),
            "02.md": lessonText(id: "pods", order: 2),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            try loader.loadCatalog(fromDirectory: folder)
        } throws: { error in
            guard let error = error as? LessonError else { return false }
            return error.problems.map(\.description) == [
                "\(folder)/02.md:2: duplicate lesson id \"pods\": \(folder)/01.md:2 already uses it"
            ]
        }
    }

    @Test func problemsInSeveralFilesAreAllReported() throws {
        let folder = try makeFolder([
            "01.md": "no front matter\n",
            "02.md": lessonText(id: "Bad Id", order: 1),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try loader.loadCatalog(fromDirectory: folder)
            Issue.record("expected the folder to be refused")
        } catch {
            #expect(error.problems.map(\.file) == ["\(folder)/01.md", "\(folder)/02.md"])
            #expect(error.problems.map(\.line) == [1, 2])
        }
    }

    @Test func aBrokenFileDoesNotHideADuplicateId() throws {
        let folder = try makeFolder([
            "01.md": "no front matter\n",
            "02.md": lessonText(id: "pods", order: 1),
            "03.md": lessonText(id: "pods", order: 2),
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try loader.loadCatalog(fromDirectory: folder)
            Issue.record("expected the folder to be refused")
        } catch {
            #expect(error.problems.map(\.file) == ["\(folder)/01.md", "\(folder)/03.md"])
            #expect(error.problems.last?.message == "duplicate lesson id \"pods\": \(folder)/02.md:2 already uses it")
        }
    }

    @Test func aMissingFolderIsReportedByName() {
        do {
            _ = try loader.loadCatalog(fromDirectory: "/nonexistent/Lessons")
            Issue.record("expected a missing folder to be refused")
        } catch {
            #expect(error.description == "/nonexistent/Lessons: cannot list the lessons folder: no such folder")
        }
    }

    @Test func theShippedLessonsLoadWithoutProblems() throws {
        let lessons = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lessons").path
        let catalog = try loader.loadCatalog(fromDirectory: lessons)
        let first = try #require(catalog.lessons.first)
        #expect(first.id == "pod-network-namespace")
        #expect(first.title == "Containers in a Pod share one network namespace")
        #expect(first.rendered.headings.map(\.anchor).contains("what-goes-wrong"))
        #expect(
            first.rendered.html.contains(
                "Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]"))
        #expect(first.rendered.html.contains("bind() to 0.0.0.0:80 failed (98: Address already in use)"))
    }
}
