import Testing
@testable import XMPPClient

// Published vectors: FIPS 180-2 ("abc"), RFC 2202 §3 and RFC 4231 §4.3 (HMAC test case 2),
// RFC 6070 (PBKDF2-HMAC-SHA1). SHA-256/512 PBKDF2 is checked through the SCRAM vectors.
@Suite struct HashFunctionTests {
    private func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index ..< next], radix: 16)!)
            index = next
        }
        return bytes
    }

    @Test func digestsOfABC() throws {
        let abc = Array("abc".utf8)
        #expect(try HashFunction.sha1.digest(abc) == hex("a9993e364706816aba3e25717850c26c9cd0d89d"))
        #expect(try HashFunction.sha256.digest(abc) == hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(try HashFunction.sha512.digest(abc) == hex(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        ))
    }

    @Test func hmacTestCase2() throws {
        let key = Array("Jefe".utf8)
        let message = Array("what do ya want for nothing?".utf8)
        #expect(try HashFunction.sha1.hmac(key: key, message: message) == hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))
        #expect(try HashFunction.sha256.hmac(key: key, message: message) == hex(
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ))
        #expect(try HashFunction.sha512.hmac(key: key, message: message) == hex(
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
        ))
    }

    @Test func pbkdf2RFC6070() throws {
        let password = Array("password".utf8)
        let salt = Array("salt".utf8)
        #expect(try HashFunction.sha1.pbkdf2(password: password, salt: salt, iterations: 1) == hex("0c60c80f961f0e71f3a9b524af6012062fe037a6"))
        #expect(try HashFunction.sha1.pbkdf2(password: password, salt: salt, iterations: 4096) == hex("4b007901b765489abead49d926f721d065a429c1"))
    }

    @Test func pbkdf2RefusesIterationCountsOpenSSLCannotTake() {
        #expect(throws: CryptoError.iterationCountUnsupported(0)) {
            try HashFunction.sha256.pbkdf2(password: [1], salt: [2], iterations: 0)
        }
        #expect(throws: CryptoError.iterationCountUnsupported(Int(Int32.max) + 1)) {
            try HashFunction.sha256.pbkdf2(password: [1], salt: [2], iterations: Int(Int32.max) + 1)
        }
    }
}
