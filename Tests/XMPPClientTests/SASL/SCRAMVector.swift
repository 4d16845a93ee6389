import Testing
@testable import XMPPClient

/// One complete SCRAM exchange with a fixed client nonce.
struct SCRAMVector: Sendable, CustomTestStringConvertible {
    var name: String
    var hash: HashFunction
    var channelBinding: GS2ChannelBindingFlag
    var clientNonce: String
    var clientFirst: String
    var serverFirst: String
    var clientFinal: String
    var serverFinal: String

    var testDescription: String { name }

    func client(keyCache: SCRAMKeyCache? = nil, username: String = "user", password: String = "pencil") throws -> SCRAMClient {
        try SCRAMClient(
            hash: hash, username: username, password: password, channelBinding: channelBinding,
            keyCache: keyCache, acceptedIterations: SCRAMClient.defaultAcceptedIterations, clientNonce: clientNonce
        )
    }

    static let rfc5802ServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"
    static let rfc7677ServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ=="
        + ",i=4096"
    static let bindingData32 = (0 ..< 32).map(UInt8.init)

    /// RFC 5802 §5 (protocol brief §8.1).
    static let rfc5802 = SCRAMVector(
        name: "RFC 5802 SCRAM-SHA-1", hash: .sha1, channelBinding: .notSupported,
        clientNonce: "fyko+d2lbbFgONRv9qkxdawL",
        clientFirst: "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
        serverFirst: rfc5802ServerFirst,
        clientFinal: "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
        serverFinal: "v=rmF9pqV8S7suAoZWja4dJRkFsKQ="
    )

    /// RFC 7677 §3 (protocol brief §8.2).
    static let rfc7677 = SCRAMVector(
        name: "RFC 7677 SCRAM-SHA-256", hash: .sha256, channelBinding: .notSupported,
        clientNonce: "rOprNGfwEbeRWgbNEkqO",
        clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
        serverFirst: rfc7677ServerFirst,
        clientFinal: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
        serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
    )

    /// Protocol brief §8.3: RFC 7677's inputs with the other GS2 headers; binding data
    /// 0x00…0x1f. The brief's values were computed with Python hashlib/hmac, and the
    /// tls-server-end-point one cross-checked with the `scramp` library.
    static let derivedFromBrief: [SCRAMVector] = [
        SCRAMVector(
            name: "brief §8.3 y,,", hash: .sha256, channelBinding: .supportedButNotOffered,
            clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "y,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: rfc7677ServerFirst,
            clientFinal: "c=eSws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=FoqiHTtQEDE8lz1CdaEe3tK4mS+iMDTl77SPyDS53DY=",
            serverFinal: "v=dI4KpiQJwBr1+V+K6U1dA6l6I4I9DUNXWND4pcpRU3U="
        ),
        SCRAMVector(
            name: "brief §8.3 p=tls-exporter", hash: .sha256,
            channelBinding: .bound(ChannelBinding(type: .tlsExporter, data: bindingData32)),
            clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "p=tls-exporter,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: rfc7677ServerFirst,
            clientFinal: "c=cD10bHMtZXhwb3J0ZXIsLAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"
                + ",r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=QC6CS20quADQRb3mT99YUH+n3VJxUvzuK0K0E1Vrs2M=",
            serverFinal: "v=2GiAgapEppLVlUXbxUDksL3VgYHzuqiK5tR4mhJGgvs="
        ),
        SCRAMVector(
            name: "brief §8.3 p=tls-server-end-point", hash: .sha256,
            channelBinding: .bound(ChannelBinding(type: .tlsServerEndPoint, data: bindingData32)),
            clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "p=tls-server-end-point,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: rfc7677ServerFirst,
            clientFinal: "c=cD10bHMtc2VydmVyLWVuZC1wb2ludCwsAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
                + ",r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=nY1Wus9a+gM2DrbQ1msXFgyhW6KM5ktOxWiU+/P/EGY=",
            serverFinal: "v=RwppMGddhz/J0lFYaRReBjXcQeNUFP5Qc76Lo5Exrig="
        ),
    ]

    /// Derived for this project, in a one-off Python 3.11 script using only hashlib
    /// (`pbkdf2_hmac`, `new`), hmac and base64, following RFC 5802 §3 step by step:
    /// SaltedPassword = pbkdf2_hmac(h, b"pencil", b64decode(salt), i); ClientKey,
    /// StoredKey, ServerKey, AuthMessage, proof and v= as the RFC defines them. The same
    /// script reproduced every vector above before these were taken from it.
    /// SCRAM-SHA-512 SaltedPassword for RFC 7677's salt and count:
    /// f16efe1be67f1d09502ebd5ed9262fddffba5a377ab4f0b687e5ed5ba0f50686
    /// b8a4ae166476da8ab3b951d2fa9238b63998f45461bc33a464814949cec9631d
    static let derivedHere: [SCRAMVector] = [
        SCRAMVector(
            name: "SCRAM-SHA-512 n,,", hash: .sha512, channelBinding: .notSupported,
            clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: rfc7677ServerFirst,
            clientFinal: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
                + ",p=gMGXRcevScNtxZ6/8lQYpGtnsNAc3mGcmNomv+xnoOMw+3R2xNJdMNnzMlTN8PPC6wdp6dybEmDYXYTxwnYPJQ==",
            serverFinal: "v=ZQnYEgWQMFmmsM8aQMF0nDDCy/AgCzkwk8CmMZYcMg0vSVlKDanekLtifDSeVGT4+5ZxXnJq199RVG2rR7N7Zw=="
        ),
        SCRAMVector(
            name: "SCRAM-SHA-512-PLUS p=tls-exporter", hash: .sha512,
            channelBinding: .bound(ChannelBinding(type: .tlsExporter, data: bindingData32)),
            clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "p=tls-exporter,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: rfc7677ServerFirst,
            clientFinal: "c=cD10bHMtZXhwb3J0ZXIsLAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"
                + ",r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
                + ",p=jVaGV/PIJ7hgkpxV9a1jdpzyYkHQH9gW6fn3DbAL2oEA+5w4CCSJjoq8G37bn2FsGaVEMsk4kiHRqMUoN/aiiA==",
            serverFinal: "v=bTvxua5nsJsvSd2bk+1WbSe84MBgjkACQPOqiN7MhTBLYxVX2QUqwET2NLcZEv2CfexR6NbAMluKltOEs5vLYw=="
        ),
        SCRAMVector(
            name: "SCRAM-SHA-1-PLUS p=tls-unique (RFC 5802 inputs, 12-byte Finished 0x00…0x0b)", hash: .sha1,
            channelBinding: .bound(ChannelBinding(type: .tlsUnique, data: (0 ..< 12).map(UInt8.init))),
            clientNonce: "fyko+d2lbbFgONRv9qkxdawL",
            clientFirst: "p=tls-unique,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
            serverFirst: rfc5802ServerFirst,
            clientFinal: "c=cD10bHMtdW5pcXVlLCwAAQIDBAUGBwgJCgs=,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j"
                + ",p=ResgVA2w6fEFiwzXkrPSGTt/RSg=",
            serverFinal: "v=HKBeWjn99U5AvtgAjz6m1d81mhk="
        ),
    ]

    static let all = [rfc5802, rfc7677] + derivedFromBrief + derivedHere
}
