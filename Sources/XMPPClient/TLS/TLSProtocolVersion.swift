import COpenSSL

/// A TLS protocol version, ordered from oldest to newest.
///
/// Clients of this package never negotiate below TLS 1.2 (RFC 7590); the older versions
/// exist so a test server can imitate a peer that offers nothing better.
public enum TLSProtocolVersion: Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case tls1_0
    case tls1_1
    case tls1_2
    case tls1_3

    /// OpenSSL's number for the version, as `SSL_version` returns it and the
    /// min/max-version controls take it.
    var openSSLValue: Int32 {
        switch self {
        case .tls1_0: TLS1_VERSION
        case .tls1_1: TLS1_1_VERSION
        case .tls1_2: TLS1_2_VERSION
        case .tls1_3: TLS1_3_VERSION
        }
    }

    init?(openSSLValue: Int32) {
        guard let version = Self.allCases.first(where: { $0.openSSLValue == openSSLValue }) else { return nil }
        self = version
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.openSSLValue < rhs.openSSLValue
    }

    public var description: String {
        switch self {
        case .tls1_0: "TLS 1.0"
        case .tls1_1: "TLS 1.1"
        case .tls1_2: "TLS 1.2"
        case .tls1_3: "TLS 1.3"
        }
    }
}
