import ClusterSim
import Hummingbird

/// A JSON document written member by member, so that keys keep the documented order and the
/// `check --format json` diagnostics can be embedded as ``ClusterSim/Diagnostic/jsonText`` writes them.
indirect enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text made elsewhere (a diagnostic's ``ClusterSim/Diagnostic/jsonText``).
    case raw(String)

    /// An optional string: the string, or `null`.
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The document as compact JSON text.
    var text: String {
        switch self {
        case .string(let value): return JSONText.quote(value)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let values): return "[" + values.map(\.text).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { JSONText.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        case .raw(let text): return text
        }
    }

    /// The document as a response (`application/json`, never cached: it is the learner's own state).
    func response(status: HTTPResponse.Status = .ok) -> Response {
        let headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8",
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-store",
        ]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
