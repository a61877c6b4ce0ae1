import ClusterSim
import Hummingbird
import LessonKit
import ProgressStore

/// `/api/...`: the JSON twin of the pages, used by the page's scripts and usable with curl. A learner is
/// known by the session cookie that `POST /api/learners` (or `/join`) set, and reads and writes only their
/// own progress: no route takes a learner's id or handle.
struct APIController: Sendable {
    let tutor: Tutor
    let pages: SitePages
    let renderer: PageRenderer

    /// The routes, to mount at `/api`.
    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .post("learners", use: createLearner)
            .get("progress", use: progress)
            .post("lessons/:id/exercises/:exercise/attempts", use: attempt)
            .post("lessons/:id/exercises/:exercise/console", use: console)
            .post("lessons/:id/quiz/:quiz", use: answer)
    }

    struct NewLearner: Decodable {
        let handle: String
        let classCode: String?
        let displayName: String?
    }

    /// `POST /api/learners {"handle": "ana"}` → 201, the learner, and the session cookie.
    @Sendable func createLearner(request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.jsonBody(NewLearner.self, context: context, example: #"{"handle": "ana"}"#)
        let classCode = body.classCode?.trimmingCharacters(in: .whitespacesAndNewlines)
        let (learner, session) = try await Enrolment(store: tutor.store).enrol(
            handle: body.handle.trimmingCharacters(in: .whitespacesAndNewlines),
            classCode: classCode?.isEmpty == false ? classCode : nil, displayName: body.displayName ?? "")
        var response = JSONValue.object([
            ("learner", .string(learner.handle)), ("displayName", .string(learner.displayName)), ("classCode", .string(learner.classCode)),
        ]).response(status: .created)
        response.setCookie(SessionCookie.cookie(for: session))
        return response
    }

    /// `GET /api/progress`: the signed-in learner's progress in every lesson of the course.
    @Sendable func progress(request: Request, context: AppRequestContext) async throws -> Response {
        let learner = try Self.requireLearner(context)
        let progress = try await tutor.store.progress(of: learner.id)
        let lessons: [JSONValue] = tutor.catalog.lessons.map { lesson in
            let lessonProgress = progress.lesson(lesson.id)
            let exercises: [JSONValue] = lesson.exercises.map { exercise in
                let done = lessonProgress?.exercise(exercise.id)
                return .object([("id", .string(exercise.id)), ("passed", .bool(done?.passed ?? false)), ("attempts", .int(done?.attempts ?? 0))])
            }
            let quizzes: [JSONValue] = lesson.quizzes.map { quiz in
                let answered = lessonProgress?.quiz(quiz.id)
                return .object([
                    ("id", .string(quiz.id)), ("correct", .bool(answered?.everCorrect ?? false)), ("answered", .bool(answered != nil)),
                ])
            }
            return .object([
                ("id", .string(lesson.id)), ("completed", .bool(lessonProgress?.isCompleted ?? false)),
                ("exercises", .array(exercises)), ("quiz", .array(quizzes)),
            ])
        }
        return JSONValue.object([("learner", .string(learner.handle)), ("lessons", .array(lessons))]).response()
    }

    struct AttemptBody: Decodable {
        let yaml: String
    }

    /// `POST /api/lessons/<id>/exercises/<ex>/attempts {"yaml": "..."}`: graded, committed, then answered with
    /// `{"passed", "checks": [{"name", "passed", "message"}], "diagnostics": [...], "attempt", "everPassed"}`
    /// (diagnostics as `kubetutor check --format json` prints them); with `?html=1` also `"html"`, the result panel.
    @Sendable func attempt(request: Request, context: AppRequestContext) async throws -> Response {
        let (lesson, exercise) = try tutor.exercise(try context.parameters.require("exercise"), in: try context.parameters.require("id"))
        let learner = try Self.requireLearner(context)
        let body = try await request.jsonBody(AttemptBody.self, context: context, example: #"{"yaml": "apiVersion: v1\nkind: Service ..."}"#)
        let submitted = try await tutor.submit(body.yaml, to: exercise, in: lesson, by: learner)
        var state = ExerciseState(attempts: submitted.recorded.attemptsSoFar, everPassed: submitted.recorded.everPassed)
        state.yaml = submitted.yaml
        state.grade = submitted.grade
        state.justRecorded = submitted.attempt
        let checks: [JSONValue] = submitted.grade.checks.map {
            .object([("name", .string($0.name)), ("passed", .bool($0.passed)), ("message", .string($0.message))])
        }
        var members: [(String, JSONValue)] = [
            ("passed", .bool(submitted.grade.passed)),
            ("checks", .array(checks)),
            ("diagnostics", .array(submitted.grade.diagnostics.map { .raw($0.jsonText) })),
            ("attempt", .int(state.attempts)),
            ("everPassed", .bool(state.everPassed)),
        ]
        // The result panel (checks, traces with their diagrams, the cluster) is for the lesson page's script, which asks
        // for it with ?html=1; other clients get the grade without paying for the HTML.
        if request.uri.queryParameters["html"] == "1" {
            let html = pages.lessons[lesson.id]?.exercises[exercise.id].map { renderer.result($0, state: state) } ?? ""
            members.append(("html", .string(html)))
        }
        return JSONValue.object(members).response()
    }

    struct ConsoleBody: Decodable {
        let command: String
        let history: [String]?
    }

    /// `POST /api/lessons/<id>/exercises/<ex>/console {"command": "get svc", "history": [...]}`: kubectl against the
    /// exercise's cluster (its given manifests plus the learner's last YAML), after replaying `history`.
    @Sendable func console(request: Request, context: AppRequestContext) async throws -> Response {
        let (lesson, exercise) = try tutor.exercise(try context.parameters.require("exercise"), in: try context.parameters.require("id"))
        let body = try await request.jsonBody(ConsoleBody.self, context: context, example: #"{"command": "get pods -o wide"}"#)
        let run = try await tutor.console(body.command, history: body.history ?? [], exercise: exercise, in: lesson, for: context.learner)
        return JSONValue.object([
            ("command", .string(run.command)),
            ("stdout", .string(run.output.stdout)),
            ("stderr", .string(run.output.stderr)),
            ("exitCode", .int(Int(run.output.exitCode))),
            ("history", .array(run.history.map { .string($0) })),
            ("usesAnswer", .bool(run.usesAnswer)),
        ]).response()
    }

    struct AnswerBody: Decodable {
        let choice: Int
    }

    /// `POST /api/lessons/<id>/quiz/<q> {"choice": 0}`: recorded, then `{"correct", "choice", "why", "explanation", "html"}`
    /// (the explanation only once the answer is right).
    @Sendable func answer(request: Request, context: AppRequestContext) async throws -> Response {
        let (lesson, quiz) = try tutor.quiz(try context.parameters.require("quiz"), in: try context.parameters.require("id"))
        let learner = try Self.requireLearner(context)
        let body = try await request.jsonBody(AnswerBody.self, context: context, example: #"{"choice": 0}"#)
        let answer = try await tutor.answer(quiz, in: lesson, choice: body.choice, by: learner)
        return JSONValue.object([
            ("correct", .bool(answer.correct)),
            ("choice", .int(answer.chosenIndex)),
            ("why", .string(quiz.choices[answer.chosenIndex].why)),
            ("explanation", answer.correct ? .string(quiz.explanation) : .null),
            ("html", .string(renderer.quizFeedback(quiz, chosen: answer.chosenIndex))),
        ]).response()
    }

    /// The signed-in learner.
    /// - Throws: 401 when the request has no valid session.
    static func requireLearner(_ context: AppRequestContext) throws -> Learner {
        guard let learner = context.learner else {
            throw HTTPError(.unauthorized, message: #"Join first: POST /api/learners {"handle": "ana"} or open /join."#)
        }
        return learner
    }
}
