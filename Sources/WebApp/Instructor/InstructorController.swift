import Foundation
import Hummingbird
import ProgressStore

/// The instructor's routes, mounted at `/instructor`: sign-in and sign-out, the reports (all learners, one class),
/// one learner's timeline, the CSV and JSON exports, and creating a class. ``InstructorGuardMiddleware`` lets only
/// the instructor reach any of them but the sign-in.
struct InstructorController: Sendable {
    let store: any ProgressStore
    let access: InstructorAccess
    let pages: InstructorPages
    let outline: CourseOutline

    /// The routes, to mount at `/instructor`.
    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: allLearners)
            .get("login", use: showSignIn)
            .post("login", use: signIn)
            .post("logout", use: signOut)
            .post("classes", use: createClass)
            .get("classes/:code", use: classReport)
            .get("learners/:handle", use: learner)
            .get("report.csv", use: csv)
            .get("report.json", use: json)
    }

    // MARK: Sign-in

    /// The form; `?token=` (the link `serve` prints) signs in straight away.
    @Sendable func showSignIn(request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.uri.queryParameters["token"].map(String.init) {
            return await signIn(token: token, context: context)
        }
        return pages.signIn(learner: context.learner, error: nil, status: .ok)
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        return await signIn(
            token: (fields["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            context: context
        )
    }

    private func signIn(token: String, context: AppRequestContext) async -> Response {
        guard access.isToken(token) else {
            return pages.signIn(
                learner: context.learner,
                error: "That is not the instructor token.",
                status: .unauthorized
            )
        }
        let session = await access.sessions.issue()
        var response = Response(
            status: .seeOther,
            headers: [.location: "/instructor", .cacheControl: "no-store"]
        )
        response.setCookie(
            InstructorSessionCookie.cookie(id: session.id, maxAge: Int(InstructorSessions.lifetime))
        )
        return response
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        if let id = request.cookies[InstructorSessionCookie.name]?.value {
            await access.sessions.revoke(id)
        }
        var response = Response(
            status: .seeOther,
            headers: [.location: "/instructor/login", .cacheControl: "no-store"]
        )
        response.setCookie(InstructorSessionCookie.expired)
        return response
    }

    // MARK: Reports

    @Sendable func allLearners(request: Request, context: AppRequestContext) async throws -> Response {
        let report = try await ClassReport.load(
            from: store,
            classCode: nil,
            outline: outline,
            now: Date()
        )
        return pages.report(
            report,
            classroom: nil,
            classes: try await store.classrooms(),
            sort: GridSort(query: request.uri.queryParameters["sort"]),
            learner: context.learner
        )
    }

    @Sendable func classReport(request: Request, context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard let classroom = try await store.classroom(code: code) else {
            throw HTTPError(.notFound)
        }
        let report = try await ClassReport.load(
            from: store,
            classCode: classroom.code,
            outline: outline,
            now: Date()
        )
        return pages.report(
            report,
            classroom: classroom,
            classes: try await store.classrooms(),
            sort: GridSort(query: request.uri.queryParameters["sort"]),
            learner: context.learner
        )
    }

    @Sendable func learner(request: Request, context: AppRequestContext) async throws -> Response {
        let handle = try context.parameters.require("handle")
        guard let subject = try await store.learner(handle: handle) else {
            throw HTTPError(.notFound)
        }
        let timeline = try await store.timeline(of: subject.id)
        // The learner's own line of the grid: the report of their class (or of everyone), then theirs.
        let report = try await ClassReport.load(
            from: store,
            classCode: subject.classCode,
            outline: outline,
            now: Date()
        )
        let line = report.learners.first { $0.learner.id == subject.id }
        return pages.learner(
            subject,
            line: line,
            outline: outline,
            timeline: timeline,
            classes: try await store.classrooms(),
            learner: context.learner
        )
    }

    @Sendable func createClass(request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await request.formFields(context: context)
        let code = (fields["code"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let classroom = try await store.createClassroom(code: code, name: name)
            return Response(
                status: .seeOther,
                headers: [
                    .location: "/instructor/classes/\(classroom.code.urlPathEscaped)",
                    .cacheControl: "no-store",
                ]
            )
        } catch let error as ProgressStoreError
            where [.invalidClassCode, .invalidName, .classCodeTaken].contains(error)
        {
            let status: HTTPResponse.Status = error == .classCodeTaken ? .conflict : .badRequest
            let report = try await ClassReport.load(
                from: store,
                classCode: nil,
                outline: outline,
                now: Date()
            )
            return pages.report(
                report,
                classroom: nil,
                classes: try await store.classrooms(),
                sort: .name,
                formError: ErrorResponseMiddleware.sentence(error.message),
                form: (code, name),
                learner: context.learner,
                status: status
            )
        }
    }

    // MARK: Exports

    @Sendable func csv(request: Request, context: AppRequestContext) async throws -> Response {
        try await export(
            request,
            type: "text/csv; charset=utf-8",
            fileExtension: "csv",
            render: ReportCSV.render
        )
    }

    @Sendable func json(request: Request, context: AppRequestContext) async throws -> Response {
        try await export(request, type: "application/json; charset=utf-8", fileExtension: "json") {
            ReportJSON.render($0) + "\n"
        }
    }

    private func export(
        _ request: Request,
        type: String,
        fileExtension: String,
        render: (ClassReport) -> String
    ) async throws -> Response {
        let code = request.uri.queryParameters["class"].map(String.init).flatMap {
            $0.isEmpty ? nil : $0
        }
        let report: ClassReport
        do {
            report = try await ClassReport.load(
                from: store,
                classCode: code,
                outline: outline,
                now: Date()
            )
        } catch let error as ProgressStoreError
            where error == .unknownClass || error == .invalidClassCode
        {
            return Response(
                status: .notFound,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: .init(
                    byteBuffer: ByteBuffer(string: ErrorResponseMiddleware.sentence(error.message) + "\n")
                )
            )
        }
        let name = "kubetutor-report" + (report.classCode.map { "-" + $0 } ?? "") + "." + fileExtension
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
        ]
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(
            status: .ok,
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: render(report)))
        )
    }
}

extension CourseOutline {
    /// The course as the site serves it.
    init(catalogOf pages: SitePages) {
        self.init(
            lessons: pages.catalog.lessons.map {
                Lesson(id: $0.id, title: $0.title, exercises: $0.exercises.map(\.id))
            }
        )
    }
}
