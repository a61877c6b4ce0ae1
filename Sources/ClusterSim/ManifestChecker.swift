/// Checks manifests one object at a time, exactly as `kubectl apply` and the API server would:
/// YAML → JSON → strict decoding into the API types → validation → the API's warnings,
/// each finding with the real message, the API path, the file position and an explanation.
public struct ManifestChecker: Sendable {
    /// Kinds whose every validation rule the simulated API server applies.
    public static let simulatedKinds: Set<String> = [
        "v1/Pod", "apps/v1/Deployment", "v1/Service", "networking.k8s.io/v1/Ingress",
        "networking.k8s.io/v1/IngressClass", "v1/Namespace", "v1/Node",
    ]

    /// Kinds that have no namespace.
    static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "IngressClass", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
        "PriorityClass", "CSIDriver", "CSINode", "VolumeAttachment", "ComponentStatus", "RuntimeClass",
        "CustomResourceDefinition", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    private let reader: YAMLReader
    private let table: SchemaTable

    /// Creates a checker.
    public init(limits: ReadLimits = .standard, table: SchemaTable = .shared) {
        self.reader = YAMLReader(limits: limits)
        self.table = table
    }

    /// Checks one file given as bytes (the CLI's and the web app's entry point).
    public func check(bytes: [UInt8], fileName: String) -> CheckReport {
        var report = CheckReport()
        add(reader.read(bytes: bytes, fileName: fileName), fileName: fileName, to: &report)
        return report
    }

    /// Checks one file given as text.
    public func check(text: String, fileName: String) -> CheckReport {
        var report = CheckReport()
        add(reader.read(text: text, fileName: fileName), fileName: fileName, to: &report)
        return report
    }

    /// Checks several files; the report keeps their order.
    public func check(files: [(name: String, bytes: [UInt8])]) -> CheckReport {
        var report = CheckReport()
        for file in files {
            add(reader.read(bytes: file.bytes, fileName: file.name), fileName: file.name, to: &report)
        }
        return report
    }

    private func add(_ result: ReadResult, fileName: String, to report: inout CheckReport) {
        var diagnostics: [Diagnostic] = []
        for problem in result.problems {
            diagnostics.append(
                Diagnostic(
                    severity: .error, file: fileName, line: problem.position.line, column: problem.position.column, kind: "", name: "",
                    field: "", message: problem.message, explanation: problem.explanation, kubectlPrefix: "error: "))
        }
        for warning in result.warnings {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, file: fileName, line: warning.position.line, column: warning.position.column, kind: "",
                    name: "", field: "", message: warning.message, explanation: warning.explanation, kubectlPrefix: "Warning: "))
        }
        let objectsBefore = report.objects.count
        for document in result.documents {
            checkDocument(document, fileName: fileName, objects: &report.objects, diagnostics: &diagnostics)
        }
        if report.objects.count == objectsBefore && diagnostics.isEmpty {
            // kubectl's answer to a file with nothing in it.
            diagnostics.append(
                Diagnostic(
                    severity: .error, file: fileName, line: 1, column: 1, kind: "", name: "", field: "",
                    message: "no objects passed to apply",
                    explanation: "The file holds no Kubernetes object: it is empty, or only comments and `---` lines.",
                    kubectlPrefix: "error: "))
        }
        diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        report.diagnostics += diagnostics
    }

    private func checkDocument(
        _ document: ManifestDocument, fileName: String, objects: inout [CheckedObject], diagnostics: inout [Diagnostic]
    ) {
        let root = document.root
        if root.isNull { return }  // An empty document, as between two `---` lines.
        guard case .mapping = root.content else {
            diagnostics.append(
                Diagnostic(
                    severity: .error, file: fileName, line: root.position.line, column: root.position.column, kind: "", name: "",
                    field: "",
                    message: "unable to decode \(goQuote(fileName)): json: cannot unmarshal \(root.jsonKindName) into Go value of type map[string]interface {}",
                    explanation: "A Kubernetes manifest is a mapping with `apiVersion`, `kind` and `metadata` at the top. This document is \(root.jsonKindName == "array" ? "a list" : "a single value"); check its indentation.",
                    kubectlPrefix: "error: "))
            return
        }
        let kind = root["kind"]?.string ?? ""
        if kind == "List" || (kind.hasSuffix("List") && root["items"]?.items != nil) {
            for item in root["items"]?.items ?? [] {
                checkObject(item, document: document, fileName: fileName, objects: &objects, diagnostics: &diagnostics)
            }
            return
        }
        checkObject(root, document: document, fileName: fileName, objects: &objects, diagnostics: &diagnostics)
    }

    private func checkObject(
        _ root: YAMLNode, document: ManifestDocument, fileName: String, objects: inout [CheckedObject],
        diagnostics: inout [Diagnostic]
    ) {
        let apiVersion = root["apiVersion"]?.string ?? ""
        let kind = root["kind"]?.string ?? ""
        let name = root["metadata"]?["name"]?.string ?? ""
        let writtenNamespace = root["metadata"]?["namespace"]?.string ?? ""
        func diagnostic(
            _ severity: Diagnostic.Severity, at position: SourcePosition, field: String = "", message: String, explanation: String,
            prefix: String
        ) -> Diagnostic {
            Diagnostic(
                severity: severity, file: fileName, line: position.line, column: position.column, kind: kind, name: name,
                field: field, message: message, explanation: explanation, kubectlPrefix: prefix)
        }
        guard case .mapping = root.content else {
            diagnostics.append(
                diagnostic(
                    .error, at: root.position,
                    message: "unable to decode \(goQuote(fileName)): json: cannot unmarshal \(root.jsonKindName) into Go value of type map[string]interface {}",
                    explanation: "Each item of a List is an object with `apiVersion`, `kind` and `metadata`.", prefix: "error: "))
            return
        }
        // kubectl's client-side schema check runs before anything is sent, and names both problems at once.
        func notSetText(_ field: String) -> String {
            // A value that is there but not a string (`apiVersion: 1`) is named differently from a missing one.
            root[field].map { $0.isNull ? "\(field) not set" : "\(field) isn't string type" } ?? "\(field) not set"
        }
        var notSet: [(field: String, text: String)] = []
        if apiVersion.isEmpty { notSet.append(("apiVersion", notSetText("apiVersion"))) }
        if kind.isEmpty { notSet.append(("kind", notSetText("kind"))) }
        if !notSet.isEmpty {
            let list = notSet.count == 1 ? notSet[0].text : "[" + notSet.map(\.text).joined(separator: ", ") + "]"
            var explanation: [String] = []
            if kind.isEmpty {
                explanation.append("Every object says what it is: add `kind:` (Pod, Deployment, Service, Ingress...) at the top, next to `apiVersion`.")
            }
            if apiVersion.isEmpty && kind.isEmpty {
                explanation.append(
                    "Every object also names its API version: `apiVersion: v1` for Pods and Services, `apps/v1` for Deployments, `networking.k8s.io/v1` for Ingresses."
                )
            } else if apiVersion.isEmpty {
                explanation.append("Every object names its API version: add `apiVersion: \(table.apiVersions(servingKind: kind).first ?? "v1")` at the top.")
            }
            diagnostics.append(
                diagnostic(
                    .error, at: root.position, field: notSet[0].field,
                    message:
                        "error validating \(goQuote(fileName)): error validating data: \(list); if you choose to ignore these errors, turn validation off with --validate=false",
                    explanation: explanation.joined(separator: " "), prefix: "error: "))
            return
        }
        // kubectl decodes `metadata` into ObjectMeta itself before it maps or sends anything (its metadataValidatingDecoder),
        // so a wrong type there is its own `unable to decode` error, whatever the kind and version.
        let metadataErrors = metadataTypeErrors(of: root)
        if !metadataErrors.isEmpty {
            for error in metadataErrors {
                diagnostics.append(
                    diagnostic(
                        .error, at: error.position, field: error.path.description,
                        message: "unable to decode \(goQuote(fileName)): " + error.text, explanation: error.explanation, prefix: "error: "))
            }
            objects.append(object(root, apiVersion: apiVersion, kind: kind, name: name, document: document, fileName: fileName, decoded: false))
            return
        }
        let mappingError =
            "resource mapping not found for name: \(goQuote(name)) namespace: \(goQuote(writtenNamespace)) from \(goQuote(fileName)): no matches for kind \(goQuote(kind)) in version \(goQuote(apiVersion))\nensure CRDs are installed first"
        guard let typeName = table.rootTypeName(apiVersion: apiVersion, kind: kind) else {
            let position = root["apiVersion"]?.position ?? root.position
            let explanation: String
            if let removed = RemovedAPI.lookup(apiVersion: apiVersion, kind: kind) {
                explanation = removed.migration(of: root)
            } else if let served = table.apiVersions(servingKind: kind).first {
                explanation = "The API serves \(kind) as `apiVersion: \(served)`, not \(apiVersion)."
            } else if let close = table.servedKinds.first(where: { $0.kind.lowercased() == kind.lowercased() }) {
                explanation = "Kinds are case-sensitive: did you mean `kind: \(close.kind)` (apiVersion: \(close.apiVersion))?"
            } else {
                explanation = "The API server knows no kind \(goQuote(kind)) in \(apiVersion). If it comes from a CustomResourceDefinition, that CRD must be installed first; otherwise check the spelling of `kind`."
            }
            diagnostics.append(diagnostic(.error, at: position, field: "apiVersion", message: mappingError, explanation: explanation, prefix: "error: "))
            objects.append(object(root, apiVersion: apiVersion, kind: kind, name: name, document: document, fileName: fileName, decoded: false))
            return
        }

        let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
        let decodePrefix = "Error from server (BadRequest): error when creating \(goQuote(fileName)): "
        let decodeHead = "\(kind) in version \(goQuote(version)) cannot be handled as a \(kind): "
        let findings = StrictDecoder(table: table).decode(root, as: typeName)
        if !findings.typeErrors.isEmpty {
            for error in findings.typeErrors {
                diagnostics.append(
                    diagnostic(
                        .error, at: error.position, field: error.path.description, message: decodeHead + error.text,
                        explanation: error.explanation, prefix: decodePrefix))
            }
            objects.append(object(root, apiVersion: apiVersion, kind: kind, name: name, document: document, fileName: fileName, decoded: false))
            return
        }
        if !findings.unknownFields.isEmpty {
            let joined = findings.unknownFields.map { "unknown field \(goQuote($0.path))" }.joined(separator: ", ")
            for unknown in findings.unknownFields {
                let leaf = unknown.path.split(separator: ".").last.map(String.init) ?? unknown.path
                var explanation = "The API has no field `\(leaf)` here (kubectl's strict validation refuses unknown fields, so a typo is never silently ignored)."
                if let suggestion = unknown.suggestion { explanation += " Did you mean `\(suggestion)`?" }
                else { explanation += " Check the spelling and the indentation: it may belong one level up or down." }
                diagnostics.append(
                    diagnostic(
                        .error, at: unknown.position, field: unknown.path, message: decodeHead + "strict decoding error: " + joined,
                        explanation: explanation, prefix: decodePrefix))
            }
            objects.append(object(root, apiVersion: apiVersion, kind: kind, name: name, document: document, fileName: fileName, decoded: false))
            return
        }

        var fieldErrors: [FieldError] = []
        let key = apiVersion + "/" + kind
        switch key {
        case "v1/Service": ServiceRules.validate(root, errors: &fieldErrors)
        case "v1/Pod": WorkloadRules.validatePod(root, errors: &fieldErrors)
        case "apps/v1/Deployment": WorkloadRules.validateDeployment(root, errors: &fieldErrors)
        case "networking.k8s.io/v1/Ingress": IngressRules.validateIngress(root, errors: &fieldErrors)
        case "networking.k8s.io/v1/IngressClass": IngressRules.validateIngressClass(root, errors: &fieldErrors)
        case "v1/Namespace": IngressRules.validateNamespace(root, errors: &fieldErrors)
        case "v1/Node": IngressRules.validateNode(root, errors: &fieldErrors)
        default:
            // Not simulated: the schema's required fields and the object-meta rules are what can be checked.
            MetaRules.validate(root, nameRule: .dns1123Subdomain, namespaced: !Self.clusterScopedKinds.contains(kind), errors: &fieldErrors)
            for missing in findings.missingRequired where !missing.path.description.hasPrefix("metadata") {
                fieldErrors.append(
                    .required(
                        missing.path, at: missing.position,
                        "The API requires `\(missing.path.description.split(separator: ".").last ?? "")` here."))
            }
        }
        let invalidPrefix = "The \(kind) \(goQuote(name)) is invalid: "
        for error in fieldErrors {
            diagnostics.append(
                diagnostic(
                    error.isWarning ? .warning : .error, at: error.position, field: error.path.description, message: error.message,
                    explanation: error.explanation, prefix: error.isWarning ? "Warning: " : invalidPrefix))
        }
        if !Self.simulatedKinds.contains(key) {
            diagnostics.append(
                diagnostic(
                    .warning, at: root["kind"]?.position ?? root.position, field: "kind",
                    message: "\(kind) is not simulated by KubeTutor: it was checked against the Kubernetes \(apiVersion) schema (field names, types, required fields) only",
                    explanation: "KubeTutor's cluster models Pods, Deployments, Services, Ingresses, IngressClasses, Namespaces and Nodes. This \(kind) is well-formed as far as the schema can tell, but the simulation will leave it out of traces.",
                    prefix: "Warning: "))
        }
        objects.append(
            object(
                root, apiVersion: apiVersion, kind: kind, name: name, document: document, fileName: fileName,
                decoded: !fieldErrors.contains { !$0.isWarning }))
    }

    /// The type errors kubectl finds when it decodes the object's `metadata` into `metav1.ObjectMeta` on its own.
    private func metadataTypeErrors(of root: YAMLNode) -> [DecodeFindings.TypeError] {
        guard let pair = root.pair("metadata") else { return [] }
        // Any served kind's root type holds `metadata` as ObjectMeta; kubectl's own wrapper type is named metadataOnlyObject.
        let wrapper = YAMLNode(.mapping([pair]), at: root.position)
        return StrictDecoder(table: table).decode(wrapper, as: "core.v1.ConfigMap").typeErrors.map { error in
            var error = error
            error.text = error.text.replacing("Go struct field ConfigMap.metadata ", with: "Go struct field metadataOnlyObject.metadata ")
            return error
        }
    }

    private func object(
        _ root: YAMLNode, apiVersion: String, kind: String, name: String, document: ManifestDocument, fileName: String, decoded: Bool
    ) -> CheckedObject {
        let written = root["metadata"]?["namespace"]?.string ?? ""
        let namespace = Self.clusterScopedKinds.contains(kind) ? "" : (written.isEmpty ? "default" : written)
        return CheckedObject(
            apiVersion: apiVersion, kind: kind, name: name, namespace: namespace, file: fileName, line: root.position.line,
            documentIndex: document.index, root: decoded ? root : nil)
    }
}
