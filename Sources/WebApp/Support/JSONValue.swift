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
        var bytes: [UInt8] = []
        write(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the document as compact JSON to UTF-8 bytes (an answer's result panel is copied once, not per level).
    func write(to bytes: inout [UInt8]) {
        switch self {
        case .string(let value): JSONText.appendQuoted(value, to: &bytes)
        case .int(let value): bytes.append(contentsOf: String(value).utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .raw(let text): bytes.append(contentsOf: text.utf8)
        }
    }

    /// The document as a response (`application/json`, never cached: it is the learner's own state).
    func response(status: HTTPResponse.Status = .ok) -> Response {
        let headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8",
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-store",
        ]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(to: &bytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
