import Hummingbird
import ProgressStore

/// The request context of every route: Hummingbird's core storage plus the learner the session cookie signs in.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The learner signed in by the session cookie, set by ``SessionMiddleware``; nil for a visitor who has not joined.
    public var learner: Learner?

    /// Creates the context for a request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        learner = nil
    }

    /// Request bodies are decoded up to ``RequestLimits/maxBodyBytes``; a larger one is answered 413.
    public var maxUploadSize: Int { RequestLimits.maxBodyBytes }
}

/// Limits on what a request may carry.
public enum RequestLimits {
    /// The largest request body accepted: 1 MiB. A YAML answer is a few hundred bytes.
    public static let maxBodyBytes = 1024 * 1024
}
