/// An IPv4 address as a number, for allocation and CIDR arithmetic.
public struct IPv4: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The address as a 32-bit number.
    public var value: UInt32

    /// Creates an address from its number.
    public init(_ value: UInt32) {
        self.value = value
    }

    /// Parses a dotted quad; nil when it is not one.
    public init?(_ text: String) {
        guard let value = NetworkFacts.ipv4Value(text) else { return nil }
        self.value = value
    }

    public var description: String {
        "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
    }

    public static func < (lhs: IPv4, rhs: IPv4) -> Bool { lhs.value < rhs.value }

    /// The address `n` after this one.
    public func advanced(by n: Int) -> IPv4 { IPv4(UInt32(Int64(value) + Int64(n))) }
}

/// An IPv4 network such as 10.244.1.0/24.
public struct CIDR: Sendable, Hashable, CustomStringConvertible {
    /// The network address.
    public var base: IPv4
    /// The prefix length.
    public var prefix: Int

    /// Creates a network.
    public init(_ base: IPv4, prefix: Int) {
        self.base = base
        self.prefix = prefix
    }

    /// Parses `a.b.c.d/n`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let base = IPv4(String(parts[0])), let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        self.init(base, prefix: prefix)
    }

    private var mask: UInt32 { prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix) }

    /// True when the address lies in this network.
    public func contains(_ ip: IPv4) -> Bool { ip.value & mask == base.value & mask }

    public var description: String { "\(base)/\(prefix)" }
}
