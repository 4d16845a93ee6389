/// Channel-binding data for one type, as the TLS layer computes it for the connection
/// the SCRAM exchange runs on.
public struct ChannelBinding: Sendable, Hashable {
    public var type: ChannelBindingType
    public var data: [UInt8]

    public init(type: ChannelBindingType, data: [UInt8]) {
        self.type = type
        self.data = data
    }
}
