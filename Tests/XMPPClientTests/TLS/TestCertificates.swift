import Foundation
import TestSupport

/// Throwaway keys and certificates for the TLS tests, made once per test run with the
/// `openssl` command line in a fresh temporary directory:
///
/// - `ca` — a CA; `otherCA` — a second CA nobody's certificate is issued by.
/// - `iotTest` — `iot.test`, issued by `ca`, ECDSA with SHA-256.
/// - `iotTestSHA384` — `iot.test`, issued by `ca`, ECDSA with SHA-384.
/// - `otherTest` — `other.test`, issued by `ca`.
/// - `selfSigned` — `iot.test`, signed by its own key.
/// - `sha1Signed`, `ed25519` — only parsed, never served (OpenSSL 3 refuses SHA-1 in TLS).
///
/// Alongside each certificate: its DER form, the SHA-256 of that DER and its SPKI pin,
/// all computed by the command line rather than by the code under test.
struct TestCertificates: Sendable {
    struct Identity: Sendable {
        let directory: URL
        let name: String

        var certificatePath: String { directory.appendingPathComponent("\(name).pem").path }
        var keyPath: String { directory.appendingPathComponent("\(name).key").path }
        var der: [UInt8] { read("\(name).der") }
        var derSHA256: [UInt8] { read("\(name).der.sha256") }
        var derSHA384: [UInt8] { read("\(name).der.sha384") }
        /// The pin as the shell pipeline in `SPKIPin`'s documentation prints it.
        var pin: String {
            String(decoding: read("\(name).pin"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        private func read(_ file: String) -> [UInt8] {
            (try? [UInt8](Data(contentsOf: directory.appendingPathComponent(file)))) ?? []
        }
    }

    enum GenerationError: Error, CustomStringConvertible {
        case scriptFailed(String)

        var description: String {
            switch self {
            case .scriptFailed(let message): "generating test certificates with openssl failed: \(message)"
            }
        }
    }

    let ca: Identity
    let otherCA: Identity
    let iotTest: Identity
    let iotTestSHA384: Identity
    let otherTest: Identity
    let selfSigned: Identity
    let sha1Signed: Identity
    let ed25519: Identity

    static let shared: Result<TestCertificates, GenerationError> = Result { () throws(GenerationError) in
        try TestCertificates()
    }

    static func get() throws -> TestCertificates {
        try shared.get()
    }

    private init() throws(GenerationError) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("xmpp-tls-tests-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .scriptFailed("cannot create \(directory.path): \(error)")
        }
        try Self.run(Self.script, in: directory)
        func identity(_ name: String) -> Identity { Identity(directory: directory, name: name) }
        ca = identity("ca")
        otherCA = identity("other-ca")
        iotTest = identity("iot.test")
        iotTestSHA384 = identity("iot.test-sha384")
        otherTest = identity("other.test")
        selfSigned = identity("self-signed")
        sha1Signed = identity("sha1-signed")
        ed25519 = identity("ed25519")
    }

    /// Runs `script` in `directory` through `SpawnedProcess`: `Foundation.Process` sometimes
    /// never reports a child that exits as quickly as this one, and the test run hangs.
    private static func run(_ script: String, in directory: URL) throws(GenerationError) {
        let scriptFile = directory.appendingPathComponent("generate.sh")
        let errorLog = directory.appendingPathComponent("errors.log")
        let status: Int32
        do {
            try script.write(to: scriptFile, atomically: true, encoding: .utf8)
            status = try SpawnedProcess("/bin/sh", ["-c", #"cd "$1" && exec sh generate.sh 2>errors.log"#, "sh", directory.path])
                .blockUntilExit()
        } catch {
            throw .scriptFailed("cannot run the script in \(directory.path): \(error)")
        }
        guard status == 0 else {
            throw .scriptFailed((try? String(contentsOf: errorLog, encoding: .utf8)) ?? "sh exited with status \(status)")
        }
    }

    /// Serial numbers are set explicitly so no serial file is needed.
    private static let script = #"""
    set -e
    ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }
    ca() {
        ec "$1"
        openssl req -x509 -new -key "$1.key" -subj "/CN=$2" -days 2 -sha256 -out "$1.pem"
    }
    leaf() { # name, DNS name, issuer, digest, serial
        ec "$1"
        openssl req -new -key "$1.key" -subj "/CN=$2" -out "$1.csr"
        printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s\n' "$2" > "$1.ext"
        openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -set_serial "$5" -days 2 "-$4" \
            -extfile "$1.ext" -out "$1.pem" 2>/dev/null
    }
    facts() {
        openssl x509 -in "$1.pem" -outform der -out "$1.der"
        openssl dgst -sha256 -binary "$1.der" > "$1.der.sha256"
        openssl dgst -sha384 -binary "$1.der" > "$1.der.sha384"
        openssl x509 -in "$1.pem" -pubkey -noout | openssl pkey -pubin -outform der \
            | openssl dgst -sha256 -binary | openssl base64 -A > "$1.pin"
    }
    ca ca "XMPP TLS Test CA"
    ca other-ca "Unrelated Test CA"
    leaf iot.test iot.test ca sha256 1001
    leaf iot.test-sha384 iot.test ca sha384 1002
    leaf other.test other.test ca sha256 1003
    leaf sha1-signed iot.test ca sha1 1004
    ec self-signed
    openssl req -x509 -new -key self-signed.key -subj /CN=iot.test -days 2 -sha256 \
        -addext subjectAltName=DNS:iot.test -out self-signed.pem
    openssl genpkey -algorithm ED25519 -out ed25519.key
    openssl req -x509 -new -key ed25519.key -subj /CN=iot.test -days 2 -out ed25519.pem
    for name in ca other-ca iot.test iot.test-sha384 other.test sha1-signed self-signed ed25519; do facts "$name"; done
    """#
}
