/// The JSON form of a check, shared by `kubetutor check --format json` and the web API, in the
/// field order of the contract in `design.md`.
extension CheckReport {
    /// `{"ok": ..., "objects": [...], "diagnostics": [...]}` on one line.
    public var jsonText: String {
        let objectsJSON = objects.map { object in
            "{\"kind\":\(YAMLWriter.jsonString(object.kind)),\"name\":\(YAMLWriter.jsonString(object.name)),"
                + "\"namespace\":\(YAMLWriter.jsonString(object.namespace)),\"file\":\(YAMLWriter.jsonString(object.file)),"
                + "\"line\":\(object.line)}"
        }
        return "{\"ok\":\(ok),\"objects\":[" + objectsJSON.joined(separator: ",") + "],\"diagnostics\":["
            + diagnostics.map(\.jsonText).joined(separator: ",") + "]}"
    }
}

extension Diagnostic {
    /// One diagnostic as a JSON object.
    public var jsonText: String {
        "{\"severity\":\"\(severity.rawValue)\",\"file\":\(YAMLWriter.jsonString(file)),\"line\":\(line),\"column\":\(column),"
            + "\"kind\":\(YAMLWriter.jsonString(kind)),\"name\":\(YAMLWriter.jsonString(name)),\"field\":\(YAMLWriter.jsonString(field)),"
            + "\"message\":\(YAMLWriter.jsonString(message)),\"explanation\":\(YAMLWriter.jsonString(explanation))}"
    }
}

/// JSON text helpers shared by the command line and the web app.
public enum JSONText {
    /// A string as a JSON string literal.
    public static func quote(_ s: String) -> String { YAMLWriter.jsonString(s) }

    /// Appends a string as a JSON string literal to UTF-8 bytes.
    public static func appendQuoted(_ s: String, to bytes: inout [UInt8]) { YAMLWriter.appendJSONString(s, to: &bytes) }
}
