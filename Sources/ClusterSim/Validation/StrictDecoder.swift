/// What decoding an object into the API's Go types found, before any validation runs.
struct DecodeFindings {
    /// A value whose JSON type the Go field cannot hold (`json: cannot unmarshal ...`), or that a custom decoder refused.
    struct TypeError {
        var path: FieldPath
        var position: SourcePosition
        /// The decoder's text, e.g. `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`.
        var text: String
        var explanation: String
    }
    /// A key the Go type has no field for.
    struct UnknownField {
        /// The full path, with list indices: `spec.template.spec.containers[0].portss`.
        var path: String
        var position: SourcePosition
        /// Fields of the same object the key may have been meant as.
        var suggestion: String?
    }
    /// A field the schema requires that is absent.
    struct MissingField {
        var path: FieldPath
        var position: SourcePosition
    }

    var typeErrors: [TypeError] = []
    var unknownFields: [UnknownField] = []
    var missingRequired: [MissingField] = []
}

/// Walks a manifest against the API's field and type table the way the API server's strict
/// decoder (sigs.k8s.io/json with unknown-field detection) reads it.
struct StrictDecoder {
    let table: SchemaTable

    /// The regular expression resource.Quantity requires, as its error message quotes it.
    static let quantityPattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"

    func decode(_ root: YAMLNode, as typeName: String) -> DecodeFindings {
        var findings = DecodeFindings()
        guard let type = table.objectType(named: typeName) else { return findings }
        walkObject(root, type: type, path: .root, goPath: [], findings: &findings)
        return findings
    }

    private func walkObject(
        _ node: YAMLNode, type: SchemaObjectType, path: FieldPath, goPath: [String], findings: inout DecodeFindings
    ) {
        guard let pairs = node.pairs else { return }
        for pair in pairs {
            let childPath = path.child(pair.key)
            guard let field = type.fields[pair.key] else {
                if !type.allowsUnknownFields {
                    findings.unknownFields.append(
                        .init(path: childPath.description, position: pair.keyPosition, suggestion: suggestion(for: pair.key, in: type)))
                }
                continue
            }
            walkValue(
                pair.value, type: field.type, path: childPath, goPath: goPath + [pair.key], structName: type.goName,
                findings: &findings)
        }
        for name in type.requiredFieldNames where node[name] == nil {
            findings.missingRequired.append(.init(path: path.child(name), position: node.position))
        }
    }

    private func walkValue(
        _ node: YAMLNode, type: SchemaTypeRef, path: FieldPath, goPath: [String], structName: String,
        findings: inout DecodeFindings
    ) {
        if node.isNull { return }  // JSON null leaves a Go field at its zero value.
        func typeError(_ what: String, goType: String) {
            findings.typeErrors.append(
                .init(
                    path: path, position: node.position,
                    text: "json: cannot unmarshal \(what) into Go struct field \(structName).\(goPath.joined(separator: ".")) of type \(goType)",
                    explanation: Self.explainType(goType: goType, got: node)))
        }
        switch type {
        case .any:
            return
        case .string:
            if node.string == nil { typeError(node.jsonKindName, goType: "string") }
        case .bool:
            if node.bool == nil { typeError(node.jsonKindName, goType: "bool") }
        case .number:
            if case .number = node.content {} else { typeError(node.jsonKindName, goType: "float64") }
        case .int32, .int64:
            let goType = type == .int32 ? "int32" : "int64"
            guard case .number(let n) = node.content else {
                typeError(node.jsonKindName, goType: goType)
                return
            }
            let fits: Bool
            if let i = n.integer {
                fits = type == .int64 || (Int64(Int32.min)...Int64(Int32.max)).contains(i)
            } else {
                fits = false
            }
            if !fits { typeError("number " + n.jsonText, goType: goType) }
        case .intOrString:
            switch node.content {
            case .string:
                return
            case .number(let n):
                if let i = n.integer, (Int64(Int32.min)...Int64(Int32.max)).contains(i) { return }
                typeError("number " + n.jsonText, goType: "int32")
            default:
                // IntOrString decodes anything that is not a string through an int32.
                typeError(node.jsonKindName, goType: "int32")
            }
        case .quantity:
            let text: String?
            switch node.content {
            case .string(let s): text = s
            case .number(let n): text = n.jsonText
            default: text = nil
            }
            if text == nil || !Self.isQuantity(text!) {
                findings.typeErrors.append(
                    .init(
                        path: path, position: node.position,
                        text: "quantities must match the regular expression '\(Self.quantityPattern)'",
                        explanation:
                            "A resource quantity is a number with an optional suffix: `500m` or `0.5` CPU, `128Mi` or `1Gi` of memory. Suffixes are case-sensitive (`Mi`, not `MB` or `mb`)."
                    ))
            }
        case .object(let name):
            guard let objectType = table.objectType(named: name) else { return }
            guard case .mapping = node.content else {
                typeError(node.jsonKindName, goType: type.goTypeName(in: table))
                return
            }
            walkObject(node, type: objectType, path: path, goPath: goPath, findings: &findings)
        case .array(let element):
            guard let items = node.items else {
                typeError(node.jsonKindName, goType: type.goTypeName(in: table))
                return
            }
            for (i, item) in items.enumerated() {
                walkValue(item, type: element, path: path.index(i), goPath: goPath, structName: structName, findings: &findings)
            }
        case .map(let element):
            guard let pairs = node.pairs else {
                typeError(node.jsonKindName, goType: type.goTypeName(in: table))
                return
            }
            for pair in pairs {
                walkValue(
                    pair.value, type: element, path: path.key(pair.key), goPath: goPath, structName: structName,
                    findings: &findings)
            }
        }
    }

    /// `^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$`
    static func isQuantity(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let number = rest.prefix { ("0"..."9").contains($0) || $0 == "." }
        guard !number.isEmpty else { return false }
        rest = rest.dropFirst(number.count)
        rest = rest.drop { "eEinumkKMGTP".contains($0) }
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        rest = rest.drop { ("0"..."9").contains($0) }
        return rest.isEmpty
    }

    /// A field of the same object whose name is close to a misspelt one (`replica` → `replicas`).
    private func suggestion(for key: String, in type: SchemaObjectType) -> String? {
        let lowered = key.lowercased()
        var best: (String, Int)?
        for name in type.fieldOrder {
            let distance = Self.editDistance(lowered, name.lowercased())
            if distance <= max(1, min(3, name.count / 3)), best == nil || distance < best!.1 {
                best = (name, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 3 { return 4 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func explainType(goType: String, got node: YAMLNode) -> String {
        switch (goType, node.content) {
        case ("int32", .string(let s)), ("int64", .string(let s)):
            if s.allSatisfy({ $0.isNumber }) {
                return "This field takes a number, but the value is quoted, which makes it a string. Remove the quotes: \(s)."
            }
            return "This field takes a number, but \(goQuote(s)) is text. Write a number here (a port name goes in `name`, or in `targetPort`, which accepts either)."
        case ("int32", .number), ("int64", .number):
            return "This field takes a whole number that fits in \(goType == "int32" ? "32" : "64") bits; a fraction or a number this large cannot be stored."
        case ("string", .bool(let b)):
            return "YAML reads an unquoted \(b ? "yes/true/on" : "no/false/off") as a boolean, but this field takes text. Put the value in quotes."
        case ("string", .number(let n)):
            return "YAML reads an unquoted \(n.jsonText) as a number, but this field takes text. Put the value in quotes: \"\(n.jsonText)\"."
        case ("bool", _):
            return "This field takes true or false."
        default:
            if goType.hasPrefix("[]") {
                return "This field takes a list: write each item on its own line starting with `- `."
            }
            if goType.hasPrefix("map[") || goType.hasPrefix("v1.") || goType.contains(".") {
                return "This field takes a mapping of keys and values, indented under it, not \(node.jsonKindName == "array" ? "a list" : "a single value")."
            }
            return "The value has the wrong type for this field: it is \(node.jsonKindName == "array" ? "a list" : "a \(node.jsonKindName)"), the API expects \(goType)."
        }
    }
}
