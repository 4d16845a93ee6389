import Hardware

/// A device on a serial port that sends frames or lines: MH-Z19B, PMS5003/7003, a line
/// protocol sensor, an NMEA receiver.
///
/// One task reads the port and feeds the decoder. A decoded frame (or a refused one) goes to
/// the longest-waiting `sample()` call; with none waiting it becomes an event. `sample()`
/// first sends the device's request, if it has one (MH-Z19B's "read", PMS passive mode's
/// "read"), then waits for the next frame until the response timeout on the driver's clock.
actor SerialStreamDriver<Decoder: SerialFrameDecoder>: DeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let port: any SerialPort
    private let eventChannel = DriverEventChannel()
    private let responses = ResponseSlot<[FieldReading]>()
    private let clock: any Clock<Duration>
    private let request: [UInt8]?
    private let responseTimeout: Duration
    private let command: @Sendable (FieldValue, String) throws(DeviceDriverError) -> [UInt8]
    private var decoder: Decoder
    private var reader: Task<Void, Never>?
    private var stopped = false

    /// `command` maps a parameter write to the bytes to send, or throws `.unsupported`.
    init(
        model: DeviceModel,
        port: any SerialPort,
        decoder: sending Decoder,
        request: [UInt8]?,
        responseTimeout: Duration,
        clock: any Clock<Duration>,
        command: @escaping @Sendable (FieldValue, String) throws(DeviceDriverError) -> [UInt8]
    ) {
        self.model = model
        self.port = port
        self.decoder = decoder
        self.request = request
        self.responseTimeout = responseTimeout
        self.clock = clock
        self.command = command
        events = eventChannel.stream
    }

    /// Starts reading the port; the factory calls it once.
    func start() {
        reader = port.reading({ await self.receive($0) }, ended: { await self.ended($0) })
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        guard let request else {
            return try await responses.next(timeout: responseTimeout, clock: clock).get()
        }
        responses.expect()
        do {
            try await send(request)
        } catch {
            responses.withdrawExpectation()
            throw error
        }
        return try await responses.next(timeout: responseTimeout, clock: clock, expected: true).get()
    }

    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {
        try await send(try command(value, parameter))
    }

    func stop() async {
        guard !stopped else { return }
        stopped = true
        await port.close()
        await reader?.value
    }

    private func send(_ bytes: [UInt8]) async throws(DeviceDriverError) {
        do {
            try await port.write(bytes)
        } catch {
            throw DeviceDriverError(error)
        }
    }

    private func receive(_ chunk: [UInt8]) {
        for outcome in decoder.decode(chunk) {
            let result = outcome.mapError(DeviceDriverError.refused)
            guard !responses.offer(result) else { continue }
            switch result {
            case let .success(readings): eventChannel.readings(readings)
            case let .failure(error): eventChannel.yield(.fault(error))
            }
        }
    }

    /// The port ended: closed by `stop()`, or gone (`error`).
    private func ended(_ error: DeviceDriverError?) {
        if let error, !stopped {
            if case let .gone(reason) = error {
                eventChannel.yield(.gone(reason: reason))
            } else {
                eventChannel.yield(.fault(error))
            }
            responses.end(error)
        } else {
            responses.end(.gone("\(model.name) driver stopped"))
        }
        eventChannel.finish()
    }
}
