import Glibc

/// A DNS server to send queries to: from /etc/resolv.conf, or configured (tests point
/// this at a local server).
public struct Nameserver: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int = 53) {
        self.host = host
        self.port = port
    }

    /// The `nameserver` lines of a resolv.conf, in order; the local resolver when there are
    /// none, as glibc does.
    static func parse(resolvConf text: String) -> [Nameserver] {
        let servers = text.split(whereSeparator: \.isNewline).compactMap { line -> Nameserver? in
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count >= 2, fields[0] == "nameserver" else { return nil }
            // A link-local IPv6 address may carry a zone ("fe80::1%eth0"); NIO takes it as is.
            return Nameserver(host: String(fields[1]))
        }
        return servers.isEmpty ? [Nameserver(host: "127.0.0.1")] : servers
    }

    /// The system's nameservers, read anew for every lookup: DHCP may have changed them.
    /// Blocking file I/O: callers run it off the event loop.
    static func system(path: String = "/etc/resolv.conf") -> [Nameserver] {
        parse(resolvConf: text(of: path) ?? "")
    }

    /// The file's text; `nil` when it cannot be read or is not UTF-8. (Hardware's `FileAccess`
    /// reads the gateway's other files; this module does not depend on that one.)
    private static func text(of path: String) -> String? {
        guard let file = fopen(path, "re") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = fread(&chunk, 1, chunk.count, file), count > 0 {
            bytes += chunk.prefix(count)
        }
        guard ferror(file) == 0 else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}
