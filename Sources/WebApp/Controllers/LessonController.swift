import Foundation
import Hummingbird
import LessonKit
import ProgressStore

/// `/lessons` (the list) and `/lessons/<id>` (one lesson with the learner's state), and the plain form posts
/// that work without JavaScript: an exercise's Check, its console, a quiz answer. Each post answers with the
/// lesson page again, showing the result.
struct LessonController: Sendable {
    let tutor: Tutor
    let pages: SitePages
    let renderer: PageRenderer
    let anonymousPages = RenderedPages()

    /// The routes, to mount at `/lessons`.
    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: list)
            .get(":id", use: show)
            .post(":id/exercises/:exercise", use: check)
            .get(":id/exercises/:exercise", use: backToLesson)
            .post(":id/exercises/:exercise/console", use: console)
            .get(":id/exercises/:exercise/console", use: backToLesson)
            .post(":id/quiz/:quiz", use: answer)
            .get(":id/quiz/:quiz", use: backToLesson)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let progress = try await context.learner.asyncMap { try await tutor.store.progress(of: $0.id) }
        return renderer.index(learner: context.learner, progress: progress)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let page = try page(context)
        guard context.learner != nil else {
            // Every visitor who has not joined sees the same page: it is rendered on the first visit and then sent as it is.
            return anonymousPages.page(page.lesson.id) { renderer.anonymousLesson(page) }.response(status: .ok, cacheable: false)
        }
        let state = try await tutor.state(of: page.lesson, for: context.learner)
        return renderer.lesson(page, state: state, learner: context.learner)
    }

    /// The address of a form post opened directly (a bookmark, a reload): the lesson, at that part.
    @Sendable func backToLesson(request: Request, context: AppRequestContext) throws -> Response {
        let page = try page(context)
        var anchor = ""
        if let exercise = context.parameters.get("exercise") {
            guard page.lesson.exercise(withID: exercise) != nil else { throw HTTPError(.notFound) }
            anchor = (request.uri.path.hasSuffix("/console") ? "#console-" : "#exercise-") + exercise
        } else if let quiz = context.parameters.get("quiz") {
            guard page.lesson.quiz(withID: quiz) != nil else { throw HTTPError(.notFound) }
            anchor = "#quiz-" + quiz
        }
        return Response(status: .seeOther, headers: [.location: "/lessons/\(page.lesson.id)\(anchor)"])
    }

    @Sendable func check(request: Request, context: AppRequestContext) async throws -> Response {
        let page = try page(context)
        let (lesson, exercise) = try tutor.exercise(try context.parameters.require("exercise"), in: page.lesson.id)
        let fields = try await request.formFields(context: context)
        guard let learner = context.learner else {
            return joinFirst(next: "/lessons/\(lesson.id)#exercise-\(exercise.id)")
        }
        guard let yaml = fields["yaml"] else {
            throw HTTPError(.badRequest, message: "The form had no YAML in it.")
        }
        let submitted = try await tutor.submit(yaml, to: exercise, in: lesson, by: learner)
        var state = try await tutor.state(of: lesson, for: learner)
        var exerciseState = state.exercise(exercise.id)
        exerciseState.yaml = submitted.yaml
        exerciseState.grade = submitted.grade
        exerciseState.justRecorded = submitted.attempt
        state.exercises[exercise.id] = exerciseState
        return renderer.lesson(page, state: state, learner: learner)
    }

    @Sendable func console(request: Request, context: AppRequestContext) async throws -> Response {
        let page = try page(context)
        let (lesson, exercise) = try tutor.exercise(try context.parameters.require("exercise"), in: page.lesson.id)
        let fields = try await request.formFields(context: context)
        var state = try await tutor.state(of: lesson, for: context.learner)
        var exerciseState = state.exercise(exercise.id)
        do {
            exerciseState.console = try await tutor.console(
                fields["command"] ?? "", history: fields.all("history"), exercise: exercise, in: lesson, for: context.learner)
        } catch let error as HTTPError where error.status == .badRequest {
            exerciseState.notice = error.body
        }
        state.exercises[exercise.id] = exerciseState
        return renderer.lesson(page, state: state, learner: context.learner)
    }

    @Sendable func answer(request: Request, context: AppRequestContext) async throws -> Response {
        let page = try page(context)
        let (lesson, quiz) = try tutor.quiz(try context.parameters.require("quiz"), in: page.lesson.id)
        let fields = try await request.formFields(context: context)
        guard let learner = context.learner else {
            return joinFirst(next: "/lessons/\(lesson.id)#quiz-\(quiz.id)")
        }
        guard let choice = fields["choice"].flatMap({ Int($0) }) else {
            throw HTTPError(.badRequest, message: "Pick one of the answers, then press Answer.")
        }
        _ = try await tutor.answer(quiz, in: lesson, choice: choice, by: learner)
        let state = try await tutor.state(of: lesson, for: learner)
        return renderer.lesson(page, state: state, learner: learner)
    }

    private func page(_ context: AppRequestContext) throws -> LessonPage {
        let id = try context.parameters.require("id")
        guard let page = pages.lessons[id] else {
            throw HTTPError(.notFound, message: "There is no lesson \"\(id)\".")
        }
        return page
    }

    /// A visitor who has not joined is sent to `/join`, and comes back to `next` afterwards.
    private func joinFirst(next: String) -> Response {
        Response(status: .seeOther, headers: [.location: JoinLink.url(next: next)])
    }
}

/// Pages rendered once and kept for the life of the server, by key.
final class RenderedPages: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: HTMLPage] = [:]

    /// The page kept for `key`, rendered by `render` the first time (outside the lock: two first visits may both render).
    func page(_ key: String, render: () -> HTMLPage) -> HTMLPage {
        if let page = lock.withLock({ pages[key] }) { return page }
        let page = render()
        lock.withLock { pages[key] = page }
        return page
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
