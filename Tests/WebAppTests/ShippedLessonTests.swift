import Foundation
import Hummingbird
import HummingbirdTesting
import LessonKit
import ProgressStore
import Testing
import WebApp

/// Every shipped lesson renders as a page with an editor per exercise and a radio group per question.
@Suite struct ShippedLessonTests {
    @Test func everyShippedLessonPageHasItsExercisesAndQuestions() async throws {
        let catalog = try LessonLoader().loadCatalog(fromDirectory: TestApp.shippedLessons)
        try await TestApp.make(lessons: TestApp.shippedLessons).test(.router) { client in
            let cookie = try await client.join("ana")
            for lesson in catalog.lessons {
                for session in [nil, cookie] {
                    try await client.get("/lessons/\(lesson.id)", cookie: session) { response in
                        #expect(response.status == .ok, "\(lesson.id)")
                        let html = response.text
                        #expect(!html.contains("<!--kubetutor:"), "\(lesson.id): a slot was left unfilled")
                        for exercise in lesson.exercises {
                            #expect(html.contains(#"<textarea class="editor-text" id="yaml-\#(exercise.id)""#), "\(lesson.id)/\(exercise.id)")
                            #expect(html.contains(#"id="console-\#(exercise.id)""#))
                        }
                        for quiz in lesson.quizzes {
                            #expect(html.contains(#"<section class="quiz" id="quiz-\#(quiz.id)""#), "\(lesson.id)/\(quiz.id)")
                        }
                        #expect(html.components(separatedBy: #"type="radio""#).count - 1 == lesson.quizzes.map(\.choices.count).reduce(0, +))
                    }
                }
            }
        }
    }

    @Test func theClusterIPLessonIsThere() async throws {
        try await TestApp.make(lessons: TestApp.shippedLessons).test(.router) { client in
            try await client.get("/lessons/services-clusterip") { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<h1>Services and ClusterIP</h1>"))
            }
        }
    }
}
