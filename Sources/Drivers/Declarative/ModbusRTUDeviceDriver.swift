import Hardware

/// A Modbus RTU unit on a serial line, read and written through its register map: each
/// sampling round sends the map's read requests one at a time and decodes the answers; a
/// parameter write sends function 6 or 16 and checks the echo.
///
/// An answer is cut by the length its request implies (or the exception length), checked by
/// CRC, unit and function; whatever arrives outside a transaction (line noise, another
/// master's traffic) is discarded before the next request.
actor ModbusRTUDeviceDriver: DeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let port: any SerialPort
    private let eventChannel = DriverEventChannel()
    private let answers = ResponseSlot<[UInt8]>()
    private let clock: any Clock<Duration>
    private let responseTimeout: Duration
    private var registerMap: ModbusRegisterMapDriver
    /// The request whose answer is being collected, and the bytes collected so far.
    private var pending: ModbusRequest?
    private var received: [UInt8] = []
    private var reader: Task<Void, Never>?
    private var stopped = false
    /// Whether a transaction is on the line, and the ones waiting for their turn in order.
    private var lineBusy = false
    private var waitingForLine: [CheckedContinuation<Void, Never>] = []

    init(
        model: DeviceModel, port: any SerialPort, registerMap: ModbusRegisterMapDriver,
        responseTimeout: Duration, clock: any Clock<Duration>
    ) {
        self.model = model
        self.port = port
        self.registerMap = registerMap
        self.responseTimeout = responseTimeout
        self.clock = clock
        events = eventChannel.stream
    }

    func start() {
        reader = port.reading({ await self.receive($0) }, ended: { await self.ended($0) })
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        var readings: [FieldReading] = []
        for block in registerMap.readBlocks {
            let frame = try await transact(block.request)
            do {
                readings += try registerMap.decode(frame, answering: block)
            } catch {
                throw .refused(error)
            }
        }
        return readings
    }

    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {
        guard let number = value.number else {
            throw .unsupported("\(parameter): a Modbus register takes a number, not \(value)")
        }
        let request: ModbusRequest
        do {
            request = try registerMap.writeRequest(parameter: parameter, value: number)
        } catch {
            throw .refused(.invalidSetting(sensor: .modbus, setting: parameter, reason: error.description))
        }
        let frame = try await transact(request)
        do {
            _ = try ModbusResponse(frame: frame, answering: request)
        } catch {
            throw .refused(error)
        }
    }

    func stop() async {
        guard !stopped else { return }
        stopped = true
        await port.close()
        await reader?.value
    }

    /// Sends one request and returns its answer's bytes; one transaction at a time, since
    /// RTU answers carry no transaction id.
    private func transact(_ request: ModbusRequest) async throws(DeviceDriverError) -> [UInt8] {
        await takeTurn()
        defer { endTurn() }
        let frame: [UInt8]
        do {
            frame = try request.frame()
        } catch {
            throw .refused(error)
        }
        pending = request
        received.removeAll()
        defer { pending = nil }
        answers.expect()
        do {
            try await port.write(frame)
        } catch {
            answers.withdrawExpectation()
            throw DeviceDriverError(error)
        }
        return try await answers.next(timeout: responseTimeout, clock: clock, expected: true).get()
    }

    private func takeTurn() async {
        guard lineBusy else {
            lineBusy = true
            return
        }
        await withCheckedContinuation { waitingForLine.append($0) }
    }

    private func endTurn() {
        if waitingForLine.isEmpty {
            lineBusy = false
        } else {
            waitingForLine.removeFirst().resume()
        }
    }

    private func receive(_ chunk: [UInt8]) {
        guard let request = pending else { return }
        received += chunk
        // Bytes that cannot begin the answer (the tail of an earlier, timed-out answer, line
        // noise) are dropped: an answer starts with the unit asked and its function.
        while let first = received.first,
            first != request.unit || (received.count >= 2 && received[1] & 0x7F != request.functionCode)
        {
            received.removeFirst()
        }
        guard let length = ModbusResponse.expectedLength(prefix: received, answering: request),
            received.count >= length
        else { return }
        let answer = Array(received.prefix(length))
        received.removeAll()
        _ = answers.offer(.success(answer))
        pending = nil
    }

    private func ended(_ error: DeviceDriverError?) {
        if let error, !stopped {
            if case let .gone(reason) = error {
                eventChannel.yield(.gone(reason: reason))
            }
            answers.end(error)
        } else {
            answers.end(.gone("\(model.name) driver stopped"))
        }
        eventChannel.finish()
    }
}
