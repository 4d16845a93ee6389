import Testing
@testable import XMPPClient

@Suite struct GS2ChannelBindingFlagTests {
    // Protocol brief §8.3: the c= attribute for each flag; binding data 0x00…0x1f.
    @Test func headersAndChannelBindingAttribute() {
        let exporter = GS2ChannelBindingFlag.bound(ChannelBinding(type: .tlsExporter, data: (0 ..< 32).map(UInt8.init)))
        #expect(GS2ChannelBindingFlag.notSupported.gs2Header == "n,,")
        #expect(GS2ChannelBindingFlag.supportedButNotOffered.gs2Header == "y,,")
        #expect(exporter.gs2Header == "p=tls-exporter,,")
        #expect(Base64.encode(GS2ChannelBindingFlag.notSupported.channelBindingInput) == "biws")
        #expect(Base64.encode(GS2ChannelBindingFlag.supportedButNotOffered.channelBindingInput) == "eSws")
        #expect(Base64.encode(exporter.channelBindingInput) == "cD10bHMtZXhwb3J0ZXIsLAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f")
    }
}
