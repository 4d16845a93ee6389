import Testing
@testable import XMPPClient

@Suite("SPKIPin")
struct SPKIPinTests {
    @Test("reads the 44-character Base64 of a SHA-256 digest and writes it back unchanged")
    func roundTrip() throws {
        let text = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        let pin = try SPKIPin(base64: text)
        #expect(pin.sha256.count == 32)
        #expect(pin.base64 == text)
        #expect("\(pin)" == text)
    }

    @Test("refuses what is not the Base64 of 32 bytes", arguments: [
        "",
        "not base64 at all",
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuA==",
        "sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    ])
    func invalid(text: String) {
        #expect(throws: TLSContextError.pinInvalid(text)) {
            try SPKIPin(base64: text)
        }
    }
}
