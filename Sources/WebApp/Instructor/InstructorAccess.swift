import Foundation

/// Who may see the instructor pages: whoever holds the instructor token, sent as `Authorization: Bearer TOKEN`, or
/// a browser that signed in with it at `/instructor/login` and holds an instructor session cookie.
///
/// The token is compared in constant time. A sign-in does not put the token in the cookie: it issues a fresh random
/// session id, and the server keeps only those ids, in memory (a restart signs every instructor out). A learner's
/// session cookie has another name and another store, so it never grants instructor access.
public struct InstructorAccess: Sendable {
    /// The token; nil turns every instructor page into a 401.
    let token: String?
    /// The browsers signed in with the token.
    let sessions: InstructorSessions

    /// Access by `token`; nil means nobody is an instructor.
    public init(token: String?) {
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        sessions = InstructorSessions()
    }

    /// Whether `candidate` is the instructor token (in time that depends only on the lengths).
    func isToken(_ candidate: String) -> Bool {
        guard let token else { return false }
        return ConstantTime.equal(Array(candidate.utf8), Array(token.utf8))
    }

    /// Whether the request carries the token as a Bearer credential or a live instructor session cookie.
    func admits(authorization: String?, sessionCookie: String?) async -> Bool {
        guard token != nil else { return false }
        if let authorization, let credential = Self.bearerCredential(authorization), isToken(credential) {
            return true
        }
        if let sessionCookie, InstructorSessionCookie.isWellFormed(sessionCookie) {
            return await sessions.isLive(sessionCookie)
        }
        return false
    }

    /// `TOKEN` of `Bearer TOKEN` (the scheme compared case-insensitively), or nil.
    static func bearerCredential(_ header: String) -> String? {
        let parts = header.trimmingCharacters(in: .whitespaces).split(
            separator: " ",
            maxSplits: 1,
            omittingEmptySubsequences: true
        )
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// A fresh token for `serve` to use when none was given: 32 random bytes, base64url without padding.
    public static func generateToken() -> String {
        RandomToken.make()
    }

    /// The shortest token `--instructor-token` accepts.
    public static let minimumTokenLength = 16
}

/// The browsers signed in as instructor: random session ids with their expiry, kept in memory only.
actor InstructorSessions {
    /// How long a sign-in lasts: 12 hours, a teaching day.
    static let lifetime: TimeInterval = 12 * 60 * 60
    /// At most this many sign-ins are kept; the oldest goes first.
    static let capacity = 64

    private var live: [(id: [UInt8], expiresAt: Date)] = []

    /// Starts a session and returns its id, for the cookie.
    func issue(now: Date = Date()) -> (id: String, expiresAt: Date) {
        prune(now)
        let id = RandomToken.make()
        let expiresAt = now.addingTimeInterval(Self.lifetime)
        live.append((Array(id.utf8), expiresAt))
        if live.count > Self.capacity { live.removeFirst(live.count - Self.capacity) }
        return (id, expiresAt)
    }

    /// Whether `id` names a session that has not expired; every live id is compared in constant time.
    func isLive(_ id: String, now: Date = Date()) -> Bool {
        prune(now)
        let candidate = Array(id.utf8)
        var found = false
        for session in live where ConstantTime.equal(candidate, session.id) {
            found = true
        }
        return found
    }

    /// Ends the session `id` (sign-out); an unknown id is not an error.
    func revoke(_ id: String) {
        let candidate = Array(id.utf8)
        live.removeAll { ConstantTime.equal(candidate, $0.id) }
    }

    private func prune(_ now: Date) {
        live.removeAll { $0.expiresAt <= now }
    }
}

/// Comparison whose time does not depend on where two secrets first differ.
enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, looking at every byte of the longer one.
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference =
            UInt8(truncatingIfNeeded: lhs.count ^ rhs.count) | (lhs.count == rhs.count ? 0 : 1)
        let length = max(lhs.count, rhs.count)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}

/// 32 bytes from the system's secure generator, base64url without padding (43 characters).
enum RandomToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) }
        }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
