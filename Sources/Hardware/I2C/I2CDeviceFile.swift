import Glibc

/// The transfers on an open `/dev/i2c-N` whose address is already selected: the ioctls and
/// their buffers, kept apart from the bus's opening and locking in `LinuxI2CBus`.
struct I2CDeviceFile {
    let descriptor: Int32
    /// The bus's path, for errors.
    let bus: String
    let address: I2CAddress

    /// Runs an SMBus transaction (`I2C_SMBUS`).
    func smbus(_ transaction: I2CTransaction) throws(I2CError) -> [UInt8] {
        typealias Size = I2CKernelInterface.SMBusSize
        let read = I2CKernelInterface.read
        let write = I2CKernelInterface.write
        let result: Result<[UInt8], I2CError> = withUnsafeTemporaryAllocation(
            byteCount: I2CKernelInterface.smbusDataSize, alignment: 8
        ) { data in
            data.initializeMemory(as: UInt8.self, repeating: 0)
            func call(_ readWrite: UInt8, _ command: UInt8, _ size: Size) -> I2CError? {
                var request = I2CKernelInterface.SMBusRequest(
                    readWrite: readWrite, command: command, size: size.rawValue, data: data.baseAddress)
                guard ioctl(descriptor, I2CKernelInterface.smbus, &request) == 0 else {
                    let code = SystemErrorCode.current
                    if code.rawValue == EOPNOTSUPP {
                        return .unsupported(bus: bus, operation: transaction.name)
                    }
                    return .transfer(code, bus: bus, address: address)
                }
                return nil
            }
            // A block in `union i2c_smbus_data`: the length, then the bytes.
            func storeBlock(_ values: [UInt8]) {
                data[0] = UInt8(values.count)
                for (index, value) in values.enumerated() {
                    data[1 + index] = value
                }
            }
            func receivedBlock() -> [UInt8] {
                Array(data[1..<(1 + min(Int(data[0]), I2CTransaction.maximumBlockLength))])
            }
            var failure: I2CError?
            var bytes: [UInt8] = []
            switch transaction {
            case .receiveByte:
                failure = call(read, 0, .byte)
                bytes = [data[0]]
            case .sendByte(let value):
                failure = call(write, value, .byte)
            case .readByte(let register):
                failure = call(read, register, .byteData)
                bytes = [data[0]]
            case .writeByte(let register, let value):
                data[0] = value
                failure = call(write, register, .byteData)
            case .readWord(let register):
                failure = call(read, register, .wordData)
                let word = data.load(as: UInt16.self)
                bytes = [UInt8(word & 0xFF), UInt8(word >> 8)]
            case .writeWord(let register, let value):
                data.storeBytes(of: value, as: UInt16.self)
                failure = call(write, register, .wordData)
            case .readBlock(let register, let count):
                data[0] = UInt8(count)  // how many bytes to read
                failure = call(read, register, .i2cBlockData)
                bytes = receivedBlock()
            case .readSMBusBlock(let register):
                failure = call(read, register, .blockData)
                bytes = receivedBlock()  // as many as the device's count said
            case .writeBlock(let register, let values):
                storeBlock(values)
                failure = call(write, register, .i2cBlockData)
            case .writeSMBusBlock(let register, let values):
                storeBlock(values)
                failure = call(write, register, .blockData)
            case .combined:
                failure = .invalidTransaction(bus: bus, reason: "a combined transfer is no SMBus transaction")
            }
            if let failure { return .failure(failure) }
            return .success(bytes)
        }
        return try result.get()
    }

    /// Runs messages joined by repeated starts (`I2C_RDWR`); returns what the reads read.
    func combined(_ messages: [I2CMessage]) throws(I2CError) -> [UInt8] {
        let lengths = messages.map { message in
            switch message {
            case .write(let bytes): bytes.count
            case .read(let count): count
            }
        }
        // All messages' bytes in one buffer, alive until the ioctl returns.
        var storage = messages.flatMap { message in
            switch message {
            case .write(let bytes): bytes
            case .read(let count): [UInt8](repeating: 0, count: count)
            }
        }
        let status: Int32 = storage.withUnsafeMutableBufferPointer { storage in
            var offset = 0
            var headers: [I2CKernelInterface.Message] = []
            for (message, length) in zip(messages, lengths) {
                let isRead: Bool
                if case .read = message { isRead = true } else { isRead = false }
                headers.append(
                    I2CKernelInterface.Message(
                        address: UInt16(address.rawValue),
                        flags: isRead ? I2CKernelInterface.messageRead : 0,
                        length: UInt16(length),
                        buffer: storage.baseAddress.map { $0 + offset }))
                offset += length
            }
            return headers.withUnsafeMutableBufferPointer { headers in
                var request = I2CKernelInterface.CombinedRequest(
                    messages: headers.baseAddress, count: UInt32(headers.count))
                return ioctl(descriptor, I2CKernelInterface.combinedTransfer, &request) >= 0 ? 0 : errno
            }
        }
        guard status == 0 else {
            if status == EOPNOTSUPP {
                throw .unsupported(bus: bus, operation: I2CTransaction.combined(messages).name)
            }
            throw .transfer(SystemErrorCode(status), bus: bus, address: address)
        }
        var received: [UInt8] = []
        var offset = 0
        for (message, length) in zip(messages, lengths) {
            if case .read = message {
                received += storage[offset..<(offset + length)]
            }
            offset += length
        }
        return received
    }
}
