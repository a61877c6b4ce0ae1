import Foundation
internal import Yams

/// Reads the YAML inside ```` ```exercise ```` and ```` ```quiz ```` blocks into ``Exercise`` and ``Quiz``,
/// reporting every mistake as `file:line: what is wrong` with the line in the lesson file.
struct InteractiveBlockParser {
    let file: String

    static let exerciseFields: Set<String> = ["id", "prompt", "starter", "given", "checks", "hints", "solution", "wrong"]
    static let quizFields: Set<String> = ["id", "question", "choices", "answer", "explanation"]
    static let checkKinds = ["valid", "no-warnings", "exists", "field", "endpoints", "reach"]

    /// A YAML mapping with the file line of each key.
    struct Fields {
        var values: [String: Node] = [:]
        var lines: [String: Int] = [:]
    }

    private func fileLine(_ mark: Mark?, blockLine: Int) -> Int {
        blockLine + (mark?.line ?? 1)
    }

    private func problem(_ detail: String, _ line: Int) -> LessonProblem {
        .block(detail, file: file, line: line)
    }

    private func root(_ yaml: String, what: String, blockLine: Int) throws(LessonProblem) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw problem("\(what) block is not valid YAML: \(Self.describe(error))", blockLine + Self.line(of: error))
        } catch {
            throw problem("\(what) block is not valid YAML", blockLine + 1)
        }
        guard let node, node.mapping != nil else {
            throw problem("\(what) block must be a YAML mapping of fields", blockLine + 1)
        }
        return node
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 1
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let keys, _): return "duplicate key \(keys.joined(separator: ", "))"
        default: return "\(error)"
        }
    }

    private func fields(of node: Node, allowed: Set<String>, what: String, blockLine: Int) throws(LessonProblem) -> Fields {
        var result = Fields()
        for (key, value) in node.mapping! {
            let name = key.string ?? ""
            let line = fileLine(key.mark, blockLine: blockLine)
            guard allowed.contains(name) else {
                throw problem("\(what): unknown field \"\(name)\" (the fields are \(allowed.sorted().joined(separator: ", ")))", line)
            }
            result.values[name] = value
            result.lines[name] = line
        }
        return result
    }

    private func text(_ fields: Fields, _ name: String, what: String, blockLine: Int, required: Bool = true) throws(LessonProblem) -> String {
        guard let node = fields.values[name] else {
            if required { throw problem("\(what): missing field \"\(name)\"", blockLine) }
            return ""
        }
        guard let value = node.scalar?.string else {
            throw problem("\(what): \"\(name)\" must be text", fields.lines[name] ?? blockLine)
        }
        if required && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw problem("\(what): \"\(name)\" must not be empty", fields.lines[name] ?? blockLine)
        }
        return value
    }

    private func identifier(_ fields: Fields, what: String, blockLine: Int) throws(LessonProblem) -> String {
        let id = try text(fields, "id", what: what, blockLine: blockLine)
        let valid = !id.isEmpty && id.count <= 63 && id.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }
            && !id.hasPrefix("-") && !id.hasSuffix("-")
        guard valid else {
            throw problem("\(what): \"id\" must be lowercase letters, digits and hyphens, got \"\(id)\"", fields.lines["id"] ?? blockLine)
        }
        return id
    }

    // MARK: Exercise

    func exercise(_ yaml: String, blockLine: Int) throws(LessonProblem) -> Exercise {
        let node = try root(yaml, what: "exercise", blockLine: blockLine)
        let fields = try fields(of: node, allowed: Self.exerciseFields, what: "exercise", blockLine: blockLine)
        let id = try identifier(fields, what: "exercise", blockLine: blockLine)
        let what = "exercise \"\(id)\""
        let prompt = try text(fields, "prompt", what: what, blockLine: blockLine)
        let starter = try text(fields, "starter", what: what, blockLine: blockLine, required: false)
        let given = try text(fields, "given", what: what, blockLine: blockLine, required: false)
        let solution = try text(fields, "solution", what: what, blockLine: blockLine)
        guard let checksNode = fields.values["checks"], let checkItems = checksNode.sequence, !checkItems.isEmpty else {
            throw problem("\(what): \"checks\" must be a list of at least one check", fields.lines["checks"] ?? blockLine)
        }
        var checks: [ExerciseCheck] = []
        for item in checkItems {
            checks.append(try check(item, what: what, blockLine: blockLine))
        }
        var names: Set<String> = []
        for check in checks where !names.insert(check.name).inserted {
            throw problem("\(what): two checks are named \"\(check.name)\"; give one a `name:`", check.line)
        }
        var hints: [String] = []
        if let hintsNode = fields.values["hints"] {
            guard let items = hintsNode.sequence else { throw problem("\(what): \"hints\" must be a list of text", fields.lines["hints"]!) }
            for item in items {
                guard let hint = item.scalar?.string else { throw problem("\(what): each hint must be text", fileLine(item.mark, blockLine: blockLine)) }
                hints.append(hint)
            }
        }
        var wrong: [WrongAnswer] = []
        if let wrongNode = fields.values["wrong"] {
            guard let items = wrongNode.sequence else { throw problem("\(what): \"wrong\" must be a list", fields.lines["wrong"]!) }
            for item in items {
                let line = fileLine(item.mark, blockLine: blockLine)
                guard let map = item.mapping, let yaml = map["yaml"]?.string, let fails = map["fails"]?.string else {
                    throw problem("\(what): each wrong answer needs `yaml:` (the wrong YAML) and `fails:` (the name of the check it fails)", line)
                }
                guard names.contains(fails) else {
                    throw problem("\(what): wrong answer names check \"\(fails)\", which does not exist (checks: \(checks.map(\.name).joined(separator: ", ")))", line)
                }
                wrong.append(WrongAnswer(yaml: yaml, fails: fails, line: line))
            }
        }
        return Exercise(
            id: id, prompt: prompt, starter: starter, given: given, checks: checks, hints: hints, solution: solution, wrong: wrong, line: blockLine)
    }

    private func check(_ node: Node, what: String, blockLine: Int) throws(LessonProblem) -> ExerciseCheck {
        let line = fileLine(node.mark, blockLine: blockLine)
        if let word = node.scalar?.string {
            switch word {
            case "valid": return ExerciseCheck(name: "valid", kind: .valid, line: line)
            case "no-warnings": return ExerciseCheck(name: "no-warnings", kind: .noWarnings, line: line)
            default:
                throw problem("\(what): unknown check kind \"\(word)\" (the kinds are \(Self.checkKinds.joined(separator: ", ")))", line)
            }
        }
        guard let map = node.mapping else { throw problem("\(what): a check is a kind name or a mapping", line) }
        let keys = map.keys.compactMap(\.string)
        let kindKeys = keys.filter { $0 != "name" }
        guard kindKeys.count == 1, let kindKey = kindKeys.first else {
            throw problem("\(what): a check has exactly one kind (\(Self.checkKinds.joined(separator: ", "))) and an optional `name`, got \(keys.joined(separator: ", "))", line)
        }
        let value = map[kindKey]!
        let explicitName = map["name"]?.string
        func string(_ key: String, in node: Node, required: Bool = true) throws(LessonProblem) -> String? {
            guard let v = node.mapping?[key]?.string else {
                if required { throw problem("\(what): check \"\(kindKey)\" needs `\(key):`", line) }
                return nil
            }
            return v
        }
        func objectRef(_ text: String) throws(LessonProblem) -> (String, String, String) {
            let parts = text.split(separator: "/").map(String.init)
            switch parts.count {
            case 2: return (parts[0], parts[1], "default")
            case 3: return (parts[0], parts[2], parts[1])
            default: throw problem("\(what): name an object as Kind/name or Kind/namespace/name, got \"\(text)\"", line)
            }
        }
        let kind: ExerciseCheck.Kind
        let defaultName: String
        var avoidHops: [String] = []
        switch kindKey {
        case "valid":
            kind = .valid
            defaultName = "valid"
        case "no-warnings":
            kind = .noWarnings
            defaultName = "no-warnings"
        case "exists":
            guard let ref = value.string else { throw problem("\(what): `exists:` takes Kind/name", line) }
            let (k, n, ns) = try objectRef(ref)
            kind = .exists(kind: k, name: n, namespace: ns)
            defaultName = "exists \(ref)"
        case "field":
            let object = try string("object", in: value)!
            let path = try string("path", in: value)!
            guard let equalsNode = value.mapping?["equals"], let equals = equalsNode.scalar?.string else {
                throw problem("\(what): check \"field\" needs `equals:`", line)
            }
            let (k, n, ns) = try objectRef(object)
            kind = .field(kind: k, name: n, namespace: ns, path: path, equals: equals)
            defaultName = "field \(object) \(path)"
        case "endpoints":
            let service = try string("service", in: value)!
            let namespace = try string("namespace", in: value, required: false) ?? "default"
            guard let atLeast = value.mapping?["atLeast"]?.int, atLeast >= 0 else {
                throw problem("\(what): check \"endpoints\" needs `atLeast:` with a whole number", line)
            }
            kind = .endpoints(service: service, namespace: namespace, atLeast: atLeast)
            defaultName = "endpoints \(service)"
        case "reach":
            let from = try string("from", in: value)!
            let to = try string("to", in: value)!
            guard let expectText = try string("expect", in: value), let expect = ExerciseCheck.Expectation(rawValue: expectText) else {
                throw problem("\(what): `expect:` is delivered or dropped", line)
            }
            let reason = try string("reason", in: value, required: false)
            let validReasons = ["no-endpoints", "connection-refused", "not-routable", "nxdomain", "no-ingress-rule", "no-ingress-controller", "port-not-open", "no-such-object"]
            if let reason, !validReasons.contains(reason) {
                throw problem("\(what): unknown reason \"\(reason)\" (the reasons are \(validReasons.joined(separator: ", ")))", line)
            }
            let hopKinds = ["loopback", "veth", "bridge", "vxlan", "node", "dns", "kube-proxy", "nodeport", "load-balancer", "ingress", "pod"]
            func hopList(_ key: String) throws(LessonProblem) -> [String] {
                var list: [String] = []
                for hop in value.mapping?[key]?.sequence ?? [] {
                    guard let h = hop.string, hopKinds.contains(h) else {
                        throw problem("\(what): unknown hop kind \"\(hop.string ?? "")\" (the kinds are \(hopKinds.joined(separator: ", ")))", line)
                    }
                    list.append(h)
                }
                return list
            }
            let hops = try hopList("hops")
            let avoid = try hopList("avoid")
            var resolve: [String: String] = [:]
            for (k, v) in value.mapping?["resolve"]?.mapping ?? [:] {
                if let host = k.string, let ip = v.string { resolve[host] = ip }
            }
            kind = .reach(from: from, to: to, expect: expect, reason: reason, hops: hops, resolve: resolve)
            avoidHops = avoid
            defaultName = "reach \(from) \(to)"
        default:
            throw problem("\(what): unknown check kind \"\(kindKey)\" (the kinds are \(Self.checkKinds.joined(separator: ", ")))", line)
        }
        return ExerciseCheck(name: explicitName ?? defaultName, kind: kind, line: line, avoid: avoidHops)
    }

    // MARK: Quiz

    func quiz(_ yaml: String, blockLine: Int) throws(LessonProblem) -> Quiz {
        let node = try root(yaml, what: "quiz", blockLine: blockLine)
        let fields = try fields(of: node, allowed: Self.quizFields, what: "quiz", blockLine: blockLine)
        let id = try identifier(fields, what: "quiz", blockLine: blockLine)
        let what = "quiz \"\(id)\""
        let question = try text(fields, "question", what: what, blockLine: blockLine)
        let explanation = try text(fields, "explanation", what: what, blockLine: blockLine)
        guard let items = fields.values["choices"]?.sequence, items.count >= 2 else {
            throw problem("\(what): \"choices\" must be a list of at least two choices", fields.lines["choices"] ?? blockLine)
        }
        var choices: [QuizChoice] = []
        for item in items {
            if let text = item.scalar?.string {
                choices.append(QuizChoice(text: text, why: nil))
            } else if let map = item.mapping, let text = map["text"]?.string {
                choices.append(QuizChoice(text: text, why: map["why"]?.string))
            } else {
                throw problem("\(what): a choice is text, or a mapping with `text:` and `why:`", fileLine(item.mark, blockLine: blockLine))
            }
        }
        guard let answerNode = fields.values["answer"], let answer = answerNode.int else {
            throw problem("\(what): \"answer\" must be the number of the right choice, counting from 0", fields.lines["answer"] ?? blockLine)
        }
        guard choices.indices.contains(answer) else {
            throw problem("\(what): \"answer\" is \(answer), but the choices are numbered 0 to \(choices.count - 1)", fields.lines["answer"] ?? blockLine)
        }
        return Quiz(id: id, question: question, choices: choices, answer: answer, explanation: explanation, line: blockLine)
    }
}
