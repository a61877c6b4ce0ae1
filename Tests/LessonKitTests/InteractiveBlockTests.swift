import Testing

@testable import LessonKit

/// The exercise and quiz blocks of a lesson: their format, their errors, grading and the verifier.
@Suite struct InteractiveBlockTests {
    static let frontMatter = """
        ---
        id: demo
        title: Demo
        order: 1
        summary: A demo lesson.
        minutes: 5
        ---

        """

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
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
                image: nginx:1.27
        """

    /// A lesson with one exercise (expose the `web` Deployment as a NodePort on 30080) and one quiz.
    static func lesson(checks: String = defaultChecks, wrongFails: String = "type is NodePort", extra: String = "") -> String {
        func indent(_ text: String, _ n: Int) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { String(repeating: " ", count: n) + $0 }.joined(separator: "\n")
        }
        return frontMatter + """
            # Demo

            ```exercise
            id: expose-web
            prompt: |
              Expose the web Deployment on node port 30080.
            given: |
            \(indent(deployment, 2))
            starter: |
              apiVersion: v1
              kind: Service
              metadata:
                name: web
              spec:
                selector:
                  app: web
                ports:
                - port: 80
            checks:
            \(checks)
            hints:
              - A Service of type NodePort opens a port on every node.
              - Set spec.type and ports[0].nodePort.
            solution: |
              apiVersion: v1
              kind: Service
              metadata:
                name: web
              spec:
                type: NodePort
                selector:
                  app: web
                ports:
                - port: 80
                  nodePort: 30080
            wrong:
              - fails: \(wrongFails)
                yaml: |
                  apiVersion: v1
                  kind: Service
                  metadata:
                    name: web
                  spec:
                    selector:
                      app: web
                    ports:
                    - port: 80
            ```

            ```quiz
            id: why-range
            question: Why do node ports come from 30000-32767?
            choices:
              - text: So that they never collide with the node's own services.
                why: "Right: ports such as 22 and 80 stay free."
              - text: Because kube-proxy cannot open lower ports.
                why: It can; the range is a policy of the API server.
            answer: 0
            explanation: The API server keeps node ports in a range of their own.
            ```
            \(extra)
            """
    }

    static let defaultChecks = """
          - valid
          - name: type is NodePort
            field: {object: Service/web, path: spec.type, equals: NodePort}
          - endpoints: {service: web, atLeast: 2}
          - reach: {from: external, to: "http://192.168.50.15:30080/", expect: delivered, hops: [nodeport, kube-proxy]}
        """

    func parse(_ text: String) throws -> Lesson {
        try LessonLoader().parseLesson(text, file: "Lessons/demo.md")
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch let error as LessonError {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func exerciseAndQuizBlocksAreRead() throws {
        let lesson = try parse(Self.lesson())
        let exercise = try #require(lesson.exercise(withID: "expose-web"))
        #expect(exercise.checks.map(\.name) == ["valid", "type is NodePort", "endpoints web", "reach external http://192.168.50.15:30080/"])
        #expect(exercise.hints.count == 2)
        #expect(exercise.wrong.first?.fails == "type is NodePort")
        #expect(exercise.given.contains("kind: Deployment"))
        let quiz = try #require(lesson.quiz(withID: "why-range"))
        #expect(quiz.choices.count == 2)
        #expect(quiz.answer == 0)
        #expect(quiz.choices[1].why?.hasPrefix("It can") == true)
    }

    @Test func theSolutionPassesAndTheStarterFails() throws {
        let exercise = try #require(try parse(Self.lesson()).exercise(withID: "expose-web"))
        let solution = ExerciseGrader().grade(exercise, answer: exercise.solution)
        #expect(solution.passed)
        #expect(solution.checks.allSatisfy { $0.passed })
        let starter = ExerciseGrader().grade(exercise, answer: exercise.starter)
        #expect(!starter.passed)
        let field = try #require(starter.checks.first { $0.name == "type is NodePort" })
        #expect(!field.passed)
        #expect(field.message == "Service `web` has spec.type `ClusterIP`; it should be `NodePort`.")
    }

    @Test func aSelectorTypoIsExplainedByTheEndpointsCheck() throws {
        let exercise = try #require(try parse(Self.lesson()).exercise(withID: "expose-web"))
        let typo = exercise.solution.replacingFirst("app: web", with: "app: wbe")
        let result = ExerciseGrader().grade(exercise, answer: typo)
        let endpoints = try #require(result.checks.first { $0.name == "endpoints web" })
        #expect(!endpoints.passed)
        #expect(endpoints.message.contains("app=wbe"))
        #expect(endpoints.message.contains("labelled app=web"))
    }

    @Test func diagnosticsPointAtTheLearnersLines() throws {
        let exercise = try #require(try parse(Self.lesson()).exercise(withID: "expose-web"))
        let broken = exercise.solution.replacingFirst("nodePort: 30080", with: "nodePort: 40000")
        let result = ExerciseGrader().grade(exercise, answer: broken)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.file == "answer.yaml")
        #expect(error.line == 11)
        #expect(error.field == "spec.ports[0].nodePort")
        #expect(result.checks.first { $0.name == "valid" }?.passed == false)
    }

    @Test func theVerifierAcceptsACorrectLesson() throws {
        let catalog = try LessonCatalog([try parse(Self.lesson())])
        let problems = CourseVerifier(minimumExercises: 1, minimumQuizzes: 1).verify(catalog)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theVerifierCatchesAWrongAnswerThatPassesItsCheck() throws {
        let catalog = try LessonCatalog([try parse(Self.lesson(wrongFails: "valid"))])
        let problems = CourseVerifier(minimumExercises: 1, minimumQuizzes: 1).verify(catalog).map(\.description)
        #expect(problems.contains { $0.hasPrefix("Lessons/demo.md:") && $0.contains("the wrong answer should fail check \"valid\"") })
    }

    @Test func theVerifierCatchesASolutionThatFails() throws {
        let checks = Self.defaultChecks + "\n  - name: three endpoints\n    endpoints: {service: web, atLeast: 3}"
        let catalog = try LessonCatalog([try parse(Self.lesson(checks: checks))])
        let problems = CourseVerifier(minimumExercises: 1, minimumQuizzes: 1).verify(catalog).map(\.description)
        #expect(problems.contains { $0.contains("the solution fails check \"three endpoints\"") })
    }

    @Test func theVerifierCountsExercisesAndQuestions() throws {
        let catalog = try LessonCatalog([try parse(Self.lesson())])
        let problems = CourseVerifier().verify(catalog).map(\.description)
        #expect(problems.contains("Lessons/demo.md:2: the lesson has 1 exercise; each lesson needs at least 2"))
        #expect(problems.contains("Lessons/demo.md:2: the lesson has 1 quiz question; each lesson needs at least 3"))
    }

    @Test func theVerifierChecksLinksAndImages() throws {
        let extra = "\nSee [the next lesson](/lessons/nope), [this](#nowhere) and ![a picture](/public/img/missing.svg).\n"
        let catalog = try LessonCatalog([try parse(Self.lesson(extra: extra))])
        let problems = CourseVerifier(minimumExercises: 1, minimumQuizzes: 1, publicDirectory: "/nonexistent-public").verify(catalog).map(\.description)
        #expect(problems.contains { $0.contains("the link /lessons/nope names no lesson") })
        #expect(problems.contains { $0.contains("the link #nowhere names no heading") })
        #expect(problems.contains { $0.contains("the image /public/img/missing.svg does not exist") })
    }

    @Test func anUnknownCheckKindIsReportedWithItsLine() {
        let text = Self.lesson(checks: "  - reachable: {from: external}")
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Lessons/demo.md:") == true)
        #expect(found.first?.contains("unknown check kind \"reachable\" (the kinds are valid, no-warnings, exists, field, endpoints, reach)") == true)
        let line = Int(found.first?.split(separator: ":")[1] ?? "") ?? 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].contains("reachable"))
    }

    @Test func badYAMLInsideABlockIsReportedWithFileAndLine() {
        let text = Self.frontMatter + "Intro.\n\n```quiz\nid: q\nquestion: [unclosed\n```\n"
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("quiz block is not valid YAML") == true)
        #expect(found.first?.hasPrefix("Lessons/demo.md:1") == true)
    }

    @Test func aQuizAnswerOutsideTheChoicesIsRefused() {
        let text = Self.lesson().replacingFirst("answer: 0", with: "answer: 2")
        #expect(problems(text).contains { $0.contains("\"answer\" is 2, but the choices are numbered 0 to 1") })
    }

    @Test func aWrongAnswerMustNameAnExistingCheck() {
        #expect(problems(Self.lesson(wrongFails: "no such check")).contains { $0.contains("wrong answer names check \"no such check\", which does not exist") })
    }

    @Test func duplicateIdsInALessonAreRefused() {
        let text = Self.lesson() + "\n```quiz\nid: why-range\nquestion: Again?\nchoices: [a, b]\nanswer: 1\nexplanation: b.\n```\n"
        #expect(problems(text).contains { $0.contains("the id \"why-range\" is used twice in this lesson") })
    }

    @Test func theRenderedPageShowsTheExerciseWithoutItsSolution() throws {
        let lesson = try parse(Self.lesson())
        #expect(lesson.rendered.html.contains(Lesson.marker(forExercise: "expose-web")))
        let html = lesson.staticHTML
        #expect(html.contains("<section class=\"exercise\" id=\"exercise-expose-web\""))
        #expect(html.contains("Expose the web Deployment on node port 30080."))
        #expect(html.contains("<summary>Hint 1</summary>"))
        #expect(!html.contains("nodePort: 30080"))
        #expect(html.contains("<section class=\"quiz\" id=\"quiz-why-range\">"))
        #expect(!html.contains("```"))
    }
}

@Suite struct ReachAvoidTests {
    @Test func aReachCheckCanForbidAHop() throws {
        let checks = """
              - valid
              - name: stays on the bridge
                reach: {from: pod/client, to: "http://web/", expect: delivered, avoid: [vxlan]}
            """
        let text = InteractiveBlockTests.lesson(checks: checks, wrongFails: "valid")
        let exercise = try #require(try LessonLoader().parseLesson(text, file: "Lessons/demo.md").exercise(withID: "expose-web"))
        #expect(exercise.checks[1].avoid == ["vxlan"])
    }
}
