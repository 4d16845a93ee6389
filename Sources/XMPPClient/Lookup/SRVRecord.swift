/// One DNS SRV record (RFC 2782): where a service of a domain is offered.
public struct SRVRecord: Sendable, Equatable {
    /// Lower is tried first.
    public var priority: UInt16
    /// Among records of one priority, the share of connections this target should get.
    public var weight: UInt16
    public var port: UInt16
    /// The host name, without the trailing dot; "." is the root, meaning no service.
    public var target: String

    public init(priority: UInt16, weight: UInt16, port: UInt16, target: String) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
    }

    /// RFC 2782: a target of "." says the service is decidedly not available at this domain.
    public var meansNoService: Bool { target == "." }
}
