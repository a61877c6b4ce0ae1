/// The bounds a manifest must stay within before KubeTutor reads it.
///
/// Each cap keeps a hostile or broken file (an alias bomb, a 10,000-deep nesting, a huge
/// paste) from costing more than a fraction of a second; past a cap the answer is a clear
/// error naming the limit.
public struct ReadLimits: Sendable, Equatable {
    /// Largest file, in bytes. The API server refuses request bodies over 3 MiB, so a bigger manifest could never be applied.
    public var maxFileBytes: Int
    /// Most YAML documents in one file.
    public var maxDocuments: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most nodes in one file after aliases are expanded (what makes "billion laughs" harmless).
    public var maxNodes: Int
    /// Longest mapping key, in bytes.
    public var maxKeyBytes: Int

    /// Creates limits.
    public init(maxFileBytes: Int, maxDocuments: Int, maxDepth: Int, maxNodes: Int, maxKeyBytes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxDocuments = maxDocuments
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxKeyBytes = maxKeyBytes
    }

    /// The limits used everywhere unless a caller says otherwise.
    public static let standard = ReadLimits(
        maxFileBytes: 3 * 1024 * 1024,
        maxDocuments: 1_000,
        maxDepth: 100,
        maxNodes: 200_000,
        maxKeyBytes: 1_024
    )
}
