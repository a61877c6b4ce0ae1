/// What well-known images really listen on. `containerPort` is informational in Kubernetes: the
/// process decides, so a tomcat container listens on 8080 whatever its manifest says.
public enum ImageCatalogue {
    /// A known image: its name as matched, the ports it listens on, and what a request to it answers.
    public struct Entry: Sendable {
        public var name: String
        public var ports: [Int]
        /// The body of a `curl /`.
        public var response: String
        /// The HTTP status of `GET /` (tomcat ships no ROOT application, so it answers 404).
        public var status: Int = 200
    }

    static let nginxWelcome = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>
        </body>
        </html>
        """

    /// The catalogue, matched against the image's repository name without registry or tag.
    static let entries: [Entry] = [
        Entry(name: "ingress-nginx/controller", ports: [80, 443], response: nginxWelcome),
        Entry(name: "nginx", ports: [80], response: nginxWelcome),
        Entry(name: "httpd", ports: [80], response: "<html><body><h1>It works!</h1></body></html>"),
        Entry(
            name: "tomcat", ports: [8080],
            response: "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1></body></html>",
            status: 404
        ),
        Entry(name: "busybox", ports: [], response: ""),
        Entry(name: "curl", ports: [], response: ""),
        Entry(name: "alpine", ports: [], response: ""),
    ]

    /// The repository part of an image reference: `registry.k8s.io/ingress-nginx/controller:v1.9.4@sha256:...` → `ingress-nginx/controller`.
    static func repository(of image: String) -> String {
        if image.utf8.allSatisfy({ $0 < 0x80 }) { return asciiRepository(of: image) }
        var reference = Substring(image)
        if let at = reference.firstIndex(of: "@") { reference = reference[..<at] }
        var components = reference.split(separator: "/").map(String.init)
        if let last = components.last, let colon = last.lastIndex(of: ":") {
            components[components.count - 1] = String(last[..<colon])
        }
        // Drop a registry host (it has a dot or a port, or is localhost) and Docker Hub's `library/`.
        if components.count > 1,
            components[0].contains("." as Character) || components[0].contains(":" as Character) || components[0] == "localhost"
        {
            components.removeFirst()
        }
        if components.first == "library" { components.removeFirst() }
        return components.joined(separator: "/")
    }

    /// `repository(of:)` for an ASCII reference (every real one), on its bytes: each ASCII byte is a Character there
    /// (a `\r\n` pair aside, which holds none of `/`, `:`, `@`, `.`), so it cuts the same pieces without walking
    /// Characters.
    private static func asciiRepository(of image: String) -> String {
        var reference = image.utf8[...]
        if let at = reference.firstIndex(of: UInt8(ascii: "@")) { reference = reference[..<at] }
        var components = reference.split(separator: UInt8(ascii: "/"))
        if let last = components.last, let colon = last.lastIndex(of: UInt8(ascii: ":")) {
            components[components.count - 1] = last[..<colon]
        }
        func text(_ bytes: Substring.UTF8View) -> String { String(Substring(bytes)) }
        // Drop a registry host (it has a dot or a port, or is localhost) and Docker Hub's `library/`.
        if components.count > 1,
            components[0].contains(UInt8(ascii: ".")) || components[0].contains(UInt8(ascii: ":")) || text(components[0]) == "localhost"
        {
            components.removeFirst()
        }
        if let first = components.first, text(first) == "library" { components.removeFirst() }
        return components.map(text).joined(separator: "/")
    }

    /// The catalogue entry for an image, nil when it is unknown.
    public static func entry(for image: String) -> Entry? {
        let repository = repository(of: image)
        if repository.hasSuffix("ingress-nginx/controller") { return entries[0] }
        let last = repository.split(separator: "/").last.map(String.init) ?? repository
        return entries.first { $0.name == last || $0.name == repository }
    }

    /// True for the ingress-nginx controller image.
    public static func isIngressController(_ image: String) -> Bool {
        repository(of: image).hasSuffix("ingress-nginx/controller")
    }

    /// The ports a container with this image listens on: the catalogue's, or for unknown images the declared containerPorts.
    public static func listeningPorts(image: String, declared: [Int]) -> [Int] {
        entry(for: image)?.ports ?? declared
    }
}

/// Deterministic names and numbers: the same input always gives the same Pod names, node ports and choices.
enum StableHash {
    /// FNV-1a, 64 bits.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// SplitMix64 step: a small seeded generator.
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes).
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// `count` characters of Kubernetes' suffix alphabet derived from `seed`.
    static func suffix(_ seed: String, count: Int) -> String {
        var state = fnv1a(seed)
        return String((0..<count).map { _ in alphabet[Int(splitMix(&state) % UInt64(alphabet.count))] })
    }

    /// An 8-hex-digit tag for kube-proxy chain names, as `KUBE-SVC-` + 16 characters of a hash.
    static func chainSuffix(_ seed: String) -> String {
        var state = fnv1a(seed)
        let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return String((0..<16).map { _ in base32[Int(splitMix(&state) % 32)] })
    }
}
