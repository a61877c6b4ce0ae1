import Foundation
import Hummingbird
import HummingbirdTesting
import LessonKit
import Logging
import ProgressStore
import Testing
import WebApp

/// A small course written for the route tests, so that they do not move when the shipped lessons are edited:
/// one lesson with a ClusterIP exercise (a Service whose selector names the Deployment, not its Pods) and two
/// questions, and a second lesson with nothing to do.
enum FixtureCourse {
    static let lessonID = "clusterip"
    static let exerciseID = "fix-selector"
    static let quizID = "ping"
    static let secondQuizID = "ready"

    static let lesson = #"""
        ---
        id: clusterip
        title: Services and ClusterIP
        order: 1
        summary: One stable name in front of Pods that come and go.
        minutes: 10
        ---

        ## The idea

        A Service finds its Pods by **labels**.

        ## Exercises

        ```exercise
        id: fix-selector
        prompt: |
          The Service web has no endpoints. Fix its selector.
        given: |
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web-deployment
          spec:
            replicas: 2
            selector:
              matchLabels:
                app: web
            template:
              metadata:
                labels:
                  app: web
              spec:
                containers:
                - name: nginx
                  image: nginx:1.25
                  ports:
                  - containerPort: 80
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: client
          spec:
            containers:
            - name: curl
              image: curlimages/curl:8.5.0
              command: ["sleep", "86400"]
        starter: |
          apiVersion: v1
          kind: Service
          metadata:
            name: web
          spec:
            selector:
              app: web-deployment
            ports:
            - port: 80
              targetPort: 80
        checks:
          - valid
          - name: both Pods are endpoints
            endpoints: {service: web, atLeast: 2}
          - name: client reaches web
            reach: {from: pod/client, to: "http://web/", expect: delivered, hops: [dns, kube-proxy]}
        hints:
          - A selector is compared with the labels of the Pods.
          - Look under template.metadata.labels.
        solution: |
          apiVersion: v1
          kind: Service
          metadata:
            name: web
          spec:
            selector:
              app: web
            ports:
            - port: 80
              targetPort: 80
        ```

        ## Quiz

        ```quiz
        id: ping
        question: Why does ping 10.96.0.11 get no reply?
        choices:
          - text: A ClusterIP is only iptables rules for the Service's port.
            why: Right, no interface has the address.
          - text: nginx does not answer ping.
            why: The ping never reaches a Pod.
        answer: 0
        explanation: A ClusterIP is virtual.
        ```

        ```quiz
        id: ready
        question: Three Pods match, one is not Ready. How many endpoints?
        choices:
          - text: "3"
            why: A Pod that is not Ready is left out.
          - text: "2"
            why: Only Ready Pods are endpoints.
        answer: 1
        explanation: Endpoints are the Ready Pods whose labels match.
        ```
        """#

    static let secondLesson = """
        ---
        id: reading
        title: Just reading
        order: 2
        summary: Nothing to do here.
        minutes: 2
        ---

        ## Only prose

        Read this.
        """

    /// The solution.
    static let passingYAML = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
            targetPort: 80

        """

    /// A selector written as a Deployment's (`matchLabels`): refused on line 8, the map given where a string belongs.
    static let invalidYAML = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          ports:
          - port: 80
            targetPort: 80

        """

    /// Writes the course into a fresh temporary folder and returns its path.
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webapp-course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(lesson.utf8).write(to: folder.appendingPathComponent("01-clusterip.md"))
        try Data(secondLesson.utf8).write(to: folder.appendingPathComponent("02-reading.md"))
        return folder.path
    }
}

/// Builds applications over the fixture course (or the shipped lessons) and an in-memory store.
enum TestApp {
    /// The repository root, found from this file so the tests run from any folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let publicDirectory = repository.appendingPathComponent("Public").path
    static let shippedLessons = repository.appendingPathComponent("Lessons").path

    /// The origin `app.test(.router)` requests come to (their authority is `localhost`).
    static let origin = "http://localhost"

    static func make(lessons: String? = nil, store: any ProgressStore = InMemoryProgressStore()) throws -> some ApplicationProtocol {
        var logger = Logger(label: "WebAppTests")
        logger.logLevel = .critical
        let settings = ServerSettings(lessonsDirectory: try lessons ?? FixtureCourse.folder(), publicDirectory: publicDirectory)
        return try buildApplication(settings, store: store, logger: logger)
    }
}

/// Requests as a browser and a script send them.
extension TestClientProtocol {
    /// A form post from a page of this site.
    func postForm(
        _ uri: String, _ fields: [(String, String)], cookie: String? = nil, origin: String? = TestApp.origin,
        testCallback: @escaping (TestResponse) async throws -> Void = { _ in }
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { headers[.origin] = origin }
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body), testCallback: testCallback)
    }

    /// A JSON post, as the page's script (or curl) sends it.
    func postJSON(
        _ uri: String, _ json: String, cookie: String? = nil, testCallback: @escaping (TestResponse) async throws -> Void = { _ in }
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let cookie { headers[.cookie] = cookie }
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json), testCallback: testCallback)
    }

    /// A GET, with the session cookie when given.
    func get(_ uri: String, cookie: String? = nil, testCallback: @escaping (TestResponse) async throws -> Void = { _ in }) async throws {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        try await execute(uri: uri, method: .get, headers: headers, testCallback: testCallback)
    }

    /// Joins through the JSON API and returns the `Cookie` header value that signs the learner in.
    func join(_ handle: String, json: String? = nil) async throws -> String {
        let response = try await execute(
            uri: "/api/learners", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: json ?? #"{"handle": "\#(handle)"}"#))
        #expect(response.status == .created)
        return try #require(SessionCookieHeader.cookie(from: response))
    }
}

enum SessionCookieHeader {
    /// `kubetutor_session=TOKEN` from a response's `Set-Cookie`.
    static func cookie(from response: TestResponse) -> String? {
        guard let header = response.headers[.setCookie] else { return nil }
        return header.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) }
    }
}

enum FormEncoding {
    /// `application/x-www-form-urlencoded` for one name or value, as a browser writes it.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(of: "%20", with: "+")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The `error` of a JSON error answer.
    func jsonError() throws -> String? {
        try json()["error"] as? String
    }
}
