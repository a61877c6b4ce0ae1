import Foundation

/// Session tokens: how they are made and the only form in which a store keeps them.
enum SessionToken {
    /// The number of random bytes in a token.
    static let byteCount = 32

    /// A fresh token: 32 bytes from the system's secure generator, base64url without padding.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        while bytes.count < byteCount {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < byteCount {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return base64URL(bytes)
    }

    /// What a store keeps of `token`: the SHA-256 of its UTF-8 text.
    static func hash(_ token: String) -> [UInt8] {
        SHA256.digest(token.utf8)
    }

    /// `bytes` in base64url (RFC 4648 §5), without padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") {
            text.removeLast()
        }
        return text
    }
}
