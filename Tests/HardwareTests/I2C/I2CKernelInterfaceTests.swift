import Testing

@testable import Hardware

/// The Swift mirrors of the kernel's I2C ioctl structures have C's layout: the offsets
/// below are those of <linux/i2c.h> and <linux/i2c-dev.h> on 64- and 32-bit Linux alike
/// (a pointer after 8 bytes of smaller fields sits at offset 8 on both).
@Suite struct I2CKernelInterfaceTests {
    let pointer = MemoryLayout<UnsafeRawPointer>.size

    @Test func smbusRequestIsStructI2cSmbusIoctlData() {
        typealias Request = I2CKernelInterface.SMBusRequest
        #expect(MemoryLayout<Request>.offset(of: \.readWrite) == 0)
        #expect(MemoryLayout<Request>.offset(of: \.command) == 1)
        #expect(MemoryLayout<Request>.offset(of: \.size) == 4)
        #expect(MemoryLayout<Request>.offset(of: \.data) == 8)
        #expect(MemoryLayout<Request>.size == 8 + pointer)
    }

    @Test func messageIsStructI2cMsg() {
        typealias Message = I2CKernelInterface.Message
        #expect(MemoryLayout<Message>.offset(of: \.address) == 0)
        #expect(MemoryLayout<Message>.offset(of: \.flags) == 2)
        #expect(MemoryLayout<Message>.offset(of: \.length) == 4)
        #expect(MemoryLayout<Message>.offset(of: \.buffer) == 8)
        // An array of them is what I2C_RDWR reads: the stride is C's sizeof.
        #expect(MemoryLayout<Message>.stride == 8 + pointer)
    }

    @Test func combinedRequestIsStructI2cRdwrIoctlData() {
        typealias Request = I2CKernelInterface.CombinedRequest
        #expect(MemoryLayout<Request>.offset(of: \.messages) == 0)
        #expect(MemoryLayout<Request>.offset(of: \.count) == pointer)
    }
}
