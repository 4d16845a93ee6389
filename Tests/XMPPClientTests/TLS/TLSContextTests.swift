import Testing
@testable import XMPPClient

@Suite("TLSContext")
struct TLSContextTests {
    let certificates: TestCertificates

    init() throws {
        certificates = try TestCertificates.get()
    }

    @Test("a client context loads the system store or a CA file")
    func clientContexts() throws {
        let system = try TLSContext()
        #expect(system.role == .client)
        #expect(system.minimumVersion == .tls1_2)
        #expect(system.maximumVersion == nil)
        let pinned = try TLSContext(
            trustRoots: .caFile(path: certificates.ca.certificatePath),
            maximumVersion: .tls1_2,
            pins: [SPKIPin(base64: certificates.ca.pin)],
            applicationProtocols: ["xmpp-client"]
        )
        #expect(pinned.maximumVersion == .tls1_2)
        #expect(pinned.pins.map(\.base64) == [certificates.ca.pin])
    }

    @Test("a missing or non-PEM CA file is named in the error")
    func unreadableCAFile() throws {
        let missing = certificates.ca.certificatePath + ".missing"
        #expect {
            try TLSContext(trustRoots: .caFile(path: missing))
        } throws: { error in
            guard case .caFileUnreadable(let path, _)? = error as? TLSContextError else { return false }
            return path == missing && "\(error)".contains(missing)
        }
        #expect {
            try TLSContext(trustRoots: .caFile(path: certificates.ca.keyPath))
        } throws: { error in
            guard case .caFileUnreadable? = error as? TLSContextError else { return false }
            return true
        }
    }

    @Test("a client may not go below TLS 1.2, not even through its maximum")
    func clientFloor() {
        #expect(throws: TLSContextError.maximumVersionBelowMinimum(minimum: .tls1_2, maximum: .tls1_1)) {
            try TLSContext(maximumVersion: .tls1_1)
        }
    }

    @Test("ALPN names must be 1 to 255 bytes")
    func applicationProtocolNames() {
        #expect(throws: TLSContextError.applicationProtocolInvalid("")) {
            try TLSContext(applicationProtocols: ["xmpp-client", ""])
        }
        let long = String(repeating: "x", count: 256)
        #expect(throws: TLSContextError.applicationProtocolInvalid(long)) {
            try TLSContext(applicationProtocols: [long])
        }
    }

    @Test("a server context needs a readable certificate and the key that belongs to it")
    func serverFiles() throws {
        let server = try TLSContext(
            serverCertificateChainFile: certificates.iotTest.certificatePath, privateKeyFile: certificates.iotTest.keyPath
        )
        #expect(server.role == .server)
        #expect {
            try TLSContext(
                serverCertificateChainFile: certificates.iotTest.keyPath, privateKeyFile: certificates.iotTest.keyPath
            )
        } throws: { error in
            guard case .certificateFileUnreadable(let path, _)? = error as? TLSContextError else { return false }
            return path == certificates.iotTest.keyPath
        }
        #expect {
            try TLSContext(
                serverCertificateChainFile: certificates.iotTest.certificatePath, privateKeyFile: certificates.iotTest.certificatePath
            )
        } throws: { error in
            guard case .privateKeyFileUnreadable(let path, _)? = error as? TLSContextError else { return false }
            return path == certificates.iotTest.certificatePath
        }
        #expect(throws: TLSContextError.privateKeyDoesNotMatchCertificate(
            certificatePath: certificates.iotTest.certificatePath, privateKeyPath: certificates.otherTest.keyPath
        )) {
            try TLSContext(
                serverCertificateChainFile: certificates.iotTest.certificatePath, privateKeyFile: certificates.otherTest.keyPath
            )
        }
    }
}
