import Foundation

/// A person working through the lessons, known by a handle they chose.
public struct Learner: Sendable, Hashable, Codable, Identifiable {
    /// The store's number for this learner; sessions, attempts and answers refer to it.
    public var id: Int64
    /// The name the learner signs in with, unique case-insensitively (see ``HandleFormat``).
    public var handle: String
    /// The name shown on pages and reports.
    public var displayName: String
    /// The code of the class the learner joined, if any.
    public var classCode: String?
    /// When the learner was created.
    public var createdAt: Date

    /// Creates a learner value.
    public init(id: Int64, handle: String, displayName: String, classCode: String?, createdAt: Date) {
        self.id = id
        self.handle = handle
        self.displayName = displayName
        self.classCode = classCode
        self.createdAt = createdAt
    }
}

/// A class an instructor runs; learners join it by its code.
public struct Classroom: Sendable, Hashable, Codable {
    /// The code learners type to join, unique case-insensitively (same rules as a handle).
    public var code: String
    /// The class's name, for reports.
    public var name: String
    /// When the class was created.
    public var createdAt: Date

    /// Creates a class value.
    public init(code: String, name: String, createdAt: Date) {
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }
}

/// A sign-in session just created: the only time its token is seen in clear.
///
/// The store keeps only the token's SHA-256; whoever holds ``token`` acts as the learner until ``expiresAt``.
public struct IssuedSession: Sendable, Hashable {
    /// 32 random bytes, base64url without padding (43 characters); put it in a cookie.
    public var token: String
    /// The learner the session signs in.
    public var learnerID: Int64
    /// When the token stops working.
    public var expiresAt: Date

    /// Creates an issued-session value.
    public init(token: String, learnerID: Int64, expiresAt: Date) {
        self.token = token
        self.learnerID = learnerID
        self.expiresAt = expiresAt
    }

    /// How long a session lasts unless the caller says otherwise: 30 days.
    public static let defaultLifetime: TimeInterval = 30 * 24 * 60 * 60
}
