import Glibc
import Testing

@testable import Hardware

/// The kernel's I2C fault codes (Documentation/i2c/fault-codes.rst) become distinct errors.
@Suite struct I2CErrorTests {
    let address: I2CAddress

    init() throws {
        address = try #require(I2CAddress(0x76))
    }

    @Test(arguments: [ENXIO, EREMOTEIO, ENODEV])
    func aMissingAcknowledgeIsNoAnswer(code: Int32) {
        #expect(I2CError.transfer(SystemErrorCode(code), bus: "/dev/i2c-1", address: address)
            == .noAnswer(bus: "/dev/i2c-1", address: address))
    }

    @Test func timeoutArbitrationPECAndBusyStayApart() {
        func error(_ code: Int32) -> I2CError {
            .transfer(SystemErrorCode(code), bus: "/dev/i2c-1", address: address)
        }
        #expect(error(ETIMEDOUT) == .timedOut(bus: "/dev/i2c-1", address: address))
        #expect(error(EAGAIN) == .arbitrationLost(bus: "/dev/i2c-1", address: address))
        #expect(error(EBADMSG) == .packetErrorCheckFailed(bus: "/dev/i2c-1", address: address))
        #expect(error(EBUSY) == .busBusy(bus: "/dev/i2c-1", address: address))
        #expect(error(EPROTO) == .protocolViolation(bus: "/dev/i2c-1", address: address))
        #expect(error(EIO) == .transferFailed(bus: "/dev/i2c-1", address: address, SystemErrorCode(EIO)))
    }

    @Test func messagesNameTheBusAndTheAddress() {
        #expect(I2CError.noAnswer(bus: "/dev/i2c-1", address: address).description
            == "no answer from 0x76 on /dev/i2c-1 (not acknowledged)")
        #expect(I2CError.addressClaimedByKernelDriver(bus: "/dev/i2c-1", address: address, driver: "bmp280")
            .description.contains("kernel driver bmp280"))
    }
}
