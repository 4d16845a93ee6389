import COpenSSL
import Testing
@testable import XMPPClient

@Suite("X509Certificate")
struct X509CertificateTests {
    let certificates: TestCertificates

    init() throws {
        certificates = try TestCertificates.get()
    }

    /// Runs `body` on the certificate in a PEM file, freed afterwards.
    private func withCertificate<Result>(
        _ identity: TestCertificates.Identity,
        _ body: (X509Certificate) -> Result
    ) throws -> Result {
        let file = try #require(BIO_new_file(identity.certificatePath, "r"))
        defer { BIO_free(file) }
        let certificate = try #require(PEM_read_bio_X509(file, nil, nil, nil))
        defer { X509_free(certificate) }
        return body(X509Certificate(pointer: certificate))
    }

    @Test("DER encoding and SPKI pin agree with the openssl command line")
    func encodingAndPin() throws {
        for identity in [certificates.ca, certificates.iotTest, certificates.selfSigned, certificates.ed25519] {
            #expect(try withCertificate(identity) { $0.derEncoding() } == identity.der)
            #expect(try withCertificate(identity) { $0.spkiPin()?.base64 } == identity.pin)
        }
    }

    @Test("tls-server-end-point uses the signature's hash, SHA-256 in place of SHA-1, none for Ed25519")
    func endPointHash() throws {
        #expect(try withCertificate(certificates.iotTest) { $0.endPointHash() } == certificates.iotTest.derSHA256)
        #expect(try withCertificate(certificates.iotTestSHA384) { $0.endPointHash() } == certificates.iotTestSHA384.derSHA384)
        #expect(try withCertificate(certificates.sha1Signed) { $0.endPointHash() } == certificates.sha1Signed.derSHA256)
        #expect(try withCertificate(certificates.ed25519) { $0.endPointHash() } == nil)
    }
}
