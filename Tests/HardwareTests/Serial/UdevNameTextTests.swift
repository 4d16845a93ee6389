import Testing

@testable import Hardware

/// What udev makes of a USB string descriptor before it goes into a by-id name, byte by byte.
@Suite struct UdevNameTextTests {
    private func sanitized(_ bytes: [UInt8], limit: Int = 63) -> String {
        String(decoding: UdevNameText.sanitized(bytes, limit: limit), as: UTF8.self)
    }

    private func sanitized(_ text: String, limit: Int = 63) -> String {
        sanitized(Array(text.utf8), limit: limit)
    }

    @Test func whitespaceIsTrimmedAndEachInnerRunBecomesOneUnderscore() {
        #expect(sanitized("  FT232R USB UART \n") == "FT232R_USB_UART")
        #expect(sanitized("CP2102N \t\r USB  to UART") == "CP2102N_USB_to_UART")
    }

    @Test func unsafeCharactersBecomeUnderscoresAndSafeOnesStay() {
        #expect(sanitized("Arduino (www.arduino.cc)") == "Arduino__www.arduino.cc_")
        #expect(sanitized("USB<->RS485/v2,\"x\";*") == "USB_-_RS485_v2__x___")
        #expect(sanitized("#+-.:=@_") == "#+-.:=@_")
    }

    @Test func validUTF8StaysAndInvalidBytesBecomeUnderscores() {
        #expect(sanitized("Prolific Ä Technology") == "Prolific_Ä_Technology")
        #expect(sanitized([0x41, 0xC3, 0x42, 0xFF, 0x43]) == "A_B_C")
        // A noncharacter is valid UTF-8 but no character: each of its bytes goes.
        #expect(sanitized([0x41, 0xEF, 0xBF, 0xBE]) == "A___")
    }

    @Test func aBackslashStaysOnlyAsAHexEscape() {
        #expect(sanitized(#"a\x2fb\c"#) == #"a\x2fb_c"#)
    }

    @Test func aLeadingVerticalTabIsNoLeadingWhitespaceToUdev() {
        #expect(sanitized("\u{0B}Modem") == "_Modem")
    }

    @Test func onlyTheBytesOfUdevsBufferAreRead() {
        #expect(sanitized("abcdef", limit: 4) == "abcd")
        // Cut inside a two-byte character, the byte left over is no character.
        #expect(sanitized("abcÄ", limit: 4) == "abc_")
        #expect(sanitized([0x61, 0x00, 0x62]) == "a")
    }
}
