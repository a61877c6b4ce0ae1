/// The numbers of the simulated cluster that several parts refer to; each lives here once.
public enum NetworkFacts {
    /// The NodePort range of the API server (`--service-node-port-range`).
    public static let nodePortRange: ClosedRange<Int64> = 30000...32767
    /// The Service CIDR, as the API server prints it.
    public static let serviceCIDR = "10.96.0.0/12"
    /// The Service CIDR's first address and prefix length.
    static let serviceCIDRBase: UInt32 = 0x0A60_0000  // 10.96.0.0
    static let serviceCIDRPrefix = 12

    /// True when an IPv4 address lies in the Service CIDR.
    static func isInServiceCIDR(_ ip: String) -> Bool {
        guard let value = ipv4Value(ip) else { return false }
        let mask: UInt32 = ~UInt32(0) << UInt32(32 - serviceCIDRPrefix)
        return value & mask == serviceCIDRBase
    }

    /// A dotted quad as a 32-bit number.
    static func ipv4Value(_ ip: String) -> UInt32? {
        guard NameRules.isIPv4(ip) else { return nil }
        return ip.split(separator: ".").reduce(UInt32(0)) { $0 << 8 | UInt32($1)! }
    }
}
