/// What a SCRAM client tells the server about channel binding: the first field of the
/// GS2 header (RFC 5802 §7, `gs2-cbind-flag`).
///
/// The header is sent in client-first and repeated, with the binding data, in the `c=`
/// attribute of client-final, so both peers sign the same view of the channel.
public enum GS2ChannelBindingFlag: Sendable, Hashable {
    /// `n`: the client does not bind — it cannot (no TLS, no binding data), or the server
    /// offered `-PLUS` but no binding type both sides support.
    case notSupported
    /// `y`: the client could bind but the server offered no `-PLUS` mechanism. A server
    /// that does support binding rejects this as a suspected downgrade.
    case supportedButNotOffered
    /// `p=<type>`: the exchange is bound to the channel with this data (a `-PLUS` mechanism).
    case bound(ChannelBinding)

    /// The GS2 header, with an empty authorization identity: `n,,`, `y,,` or `p=<type>,,`.
    public var gs2Header: String {
        switch self {
        case .notSupported: "n,,"
        case .supportedButNotOffered: "y,,"
        case .bound(let binding): "p=\(binding.type.rawValue),,"
        }
    }

    /// The bytes whose Base64 is the `c=` attribute: the GS2 header, then the binding data
    /// when bound.
    public var channelBindingInput: [UInt8] {
        switch self {
        case .notSupported, .supportedButNotOffered: Array(gs2Header.utf8)
        case .bound(let binding): Array(gs2Header.utf8) + binding.data
        }
    }
}
