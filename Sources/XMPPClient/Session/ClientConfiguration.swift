import NIOPosix

/// Everything one client session needs to know to reach its server and log in.
public struct ClientConfiguration: Sendable {
    /// Where to connect: the server's address and how TLS starts there.
    public struct Endpoint: Sendable, Equatable {
        public var host: String
        public var port: Int
        /// TLS from the first byte (XEP-0368) instead of STARTTLS.
        public var directTLS: Bool

        public init(host: String, port: Int, directTLS: Bool = false) {
            self.host = host
            self.port = port
            self.directTLS = directTLS
        }
    }

    public var account: JID
    public var password: String
    public var resource: String
    /// Overrides the server lookup. By default the domain's SRV records
    /// (`_xmpps-client._tcp`, `_xmpp-client._tcp`) say where to connect, and without them
    /// the domain itself on port 5222 with STARTTLS.
    public var endpoint: Endpoint?
    /// The DNS servers for the SRV lookup; nil: those of /etc/resolv.conf.
    public var nameservers: [Nameserver]?
    /// How long each nameserver has to answer.
    public var dnsTimeout: Duration
    /// Where blocking work runs, never on the event loop: PBKDF2 of a first SCRAM login,
    /// reading /etc/resolv.conf.
    public var threadPool: NIOThreadPool
    /// Shared by all sessions of the process with the same TLS settings.
    public var tls: TLSContext
    public var allowPLAIN: Bool
    /// Test-only: continue without TLS where the server offers none. Logged loudly.
    public var allowPlaintext: Bool
    /// Shared by the sessions of one account, so a reconnect does not redo PBKDF2.
    public var keyCache: SCRAMKeyCache
    public var streamManagement: Bool
    public var requestTimeout: Duration
    public var connectTimeout: Duration
    /// From TCP connect to an established session: a server that stalls mid-negotiation
    /// is given up on after this.
    public var negotiationTimeout: Duration
    /// Silence after which the session pings the server.
    public var pingAfter: Duration
    /// Silence after which the link is declared dead and the session reconnects.
    public var deadAfter: Duration
    public var backoff: ReconnectBackoff
    /// Shared by the sessions of one account, so that once one is back online the others
    /// stop waiting out their backoff.
    public var reconnectSignal: ReconnectSignal
    /// Stanzas kept while offline, oldest dropped first beyond this.
    public var offlineQueueLimit: Int

    public init(account: JID, password: String, resource: String, tls: TLSContext, endpoint: Endpoint? = nil) {
        self.account = account.bare
        self.password = password
        self.resource = resource
        self.tls = tls
        self.endpoint = endpoint
        nameservers = nil
        dnsTimeout = .seconds(5)
        threadPool = .singleton
        allowPLAIN = false
        allowPlaintext = false
        keyCache = SCRAMKeyCache()
        streamManagement = true
        requestTimeout = .seconds(30)
        connectTimeout = .seconds(15)
        negotiationTimeout = .seconds(30)
        pingAfter = .seconds(60)
        deadAfter = .seconds(90)
        backoff = ReconnectBackoff()
        reconnectSignal = ReconnectSignal()
        offlineQueueLimit = 1000
    }

    var serverLookup: ServerLookup {
        ServerLookup(nameservers: nameservers, timeout: dnsTimeout, threadPool: threadPool)
    }

    var negotiation: StreamNegotiation.Configuration {
        StreamNegotiation.Configuration(
            account: account, password: password, resource: resource, allowPLAIN: allowPLAIN,
            allowPlaintext: allowPlaintext, keyCache: keyCache)
    }
}
