import Drivers
import Foundation
import Hardware
import Simulators

#if canImport(Glibc)
import Glibc
#endif

/// Suite `drivers`: decode throughput of the UART parsers (frames per second, fed in 64-byte
/// chunks), and the CPU time of one full reading — a driver's `sample()` over a simulator,
/// then each field through its `FieldProcessor` — for an I2C and a serial device.
enum DriversBenchmark {
    /// `DRIVERS_BENCH_FRAMES`, `DRIVERS_BENCH_RUNS` and `DRIVERS_BENCH_READINGS` shrink the run.
    static let frames = BenchmarkSetting.count("DRIVERS_BENCH_FRAMES", default: 20_000)
    static let runs = BenchmarkSetting.count("DRIVERS_BENCH_RUNS", default: 5)
    static let readings = BenchmarkSetting.count("DRIVERS_BENCH_READINGS", default: 2_000)

    static func run() {
        // Read now, so that a bad setting stops the run before anything is measured.
        _ = (frames, runs, readings)
        let catalog: DeviceCatalog
        do {
            catalog = try DeviceCatalog.load(directory: "Devices")
        } catch {
            print("error: the drivers suite runs from the repository root (it loads Devices/): \(error)")
            exit(1)
        }
        guard let lineModel = catalog.model(id: "arduino-th-line"), let meter = catalog.model(id: "sdm120-modbus"),
            let bme280 = catalog.model(id: "bme280"), let mhz19 = catalog.model(id: "mh-z19b"),
            let registerMap = try? ModbusRegisterMapDriver(model: meter), let block = registerMap.readBlocks.first,
            let lineParser = try? LineProtocolDriver(model: lineModel)
        else {
            print("error: a catalog model the suite needs is missing or invalid")
            exit(1)
        }
        let corpus = DriversBenchmarkCorpus(frameCount: frames, modbusBlock: block)
        print("## drivers: \(frames) frames per parser in 64-byte chunks; median of \(runs) runs")
        var decoded = [Int](repeating: 0, count: 5)
        let medians = Measurement.interleavedMedianSeconds(runs: runs, [
            { decoded[0] = decodeMHZ19(corpus.mhz19) },
            { decoded[1] = decodePMS(corpus.pms) },
            { decoded[2] = decodeLines(corpus.lineProtocol, parser: lineParser) },
            { decoded[3] = decodeNMEA(corpus.nmea) },
            { decoded[4] = decodeModbus(corpus.modbusAnswers, driver: registerMap, block: block) },
        ])
        let names = ["MH-Z19B (9-byte frames)", "PMS5003 (32-byte frames)", "line protocol (regex)", "NMEA GGA/RMC", "Modbus RTU answer (\(block.registers.count) registers)"]
        for (name, count) in zip(names, decoded) where count != frames {
            print("error: \(name) decoded \(count) of \(frames) frames")
            exit(1)
        }
        Measurement.printTable(
            ["parser", "frames/s", "µs/frame"],
            zip(names, medians).map { name, seconds in
                [name, Measurement.format(Double(frames) / seconds, decimals: 0), Measurement.format(seconds / Double(frames) * 1e6, decimals: 2)]
            })

        let bme280CPU = readingCPU(model: bme280, attachment: DeviceAttachment(port: "1")) { buses in
            guard let address = I2CAddress(0x76) else { return }
            buses.simulatedI2CBus("1").attach(SimulatedBME280(), at: address)
        }
        let mhz19CPU = readingCPU(model: mhz19, attachment: DeviceAttachment(port: "/dev/serial/by-id/co2")) { buses in
            buses.attach(try SimulatedMHZ19(), at: "/dev/serial/by-id/co2")
        }
        print("")
        print("## drivers: one reading, sample() → FieldProcessor, \(readings) readings; median of \(runs) runs (CPU of the whole process, simulator included)")
        Measurement.printTable(
            ["path", "CPU µs/reading", "wall µs/reading"],
            [("BME280 on SimulatedI2CBus", bme280CPU), ("MH-Z19B on a pseudo-terminal", mhz19CPU)].map { name, times in
                [name, Measurement.format(times.cpu * 1e6, decimals: 1), Measurement.format(times.wall * 1e6, decimals: 1)]
            })
        print("summary: mhz19_frames_per_s=\(Measurement.format(Double(frames) / medians[0], decimals: 0)) "
            + "pms_frames_per_s=\(Measurement.format(Double(frames) / medians[1], decimals: 0)) "
            + "line_frames_per_s=\(Measurement.format(Double(frames) / medians[2], decimals: 0)) "
            + "nmea_frames_per_s=\(Measurement.format(Double(frames) / medians[3], decimals: 0)) "
            + "modbus_frames_per_s=\(Measurement.format(Double(frames) / medians[4], decimals: 0)) "
            + "bme280_cpu_us=\(Measurement.format(bme280CPU.cpu * 1e6, decimals: 1)) "
            + "mhz19_cpu_us=\(Measurement.format(mhz19CPU.cpu * 1e6, decimals: 1))")
    }

    private static func decodeMHZ19(_ bytes: [UInt8]) -> Int {
        var framer = StreamFramer<MHZ19Frame>()
        var count = 0
        for chunk in DriversBenchmarkCorpus.chunks(bytes) {
            for case let .success(frame) in framer.feed(chunk) where (try? frame.measurements()) != nil {
                count += 1
            }
        }
        return count
    }

    private static func decodePMS(_ bytes: [UInt8]) -> Int {
        var framer = StreamFramer<PMSFrame>()
        var count = 0
        for chunk in DriversBenchmarkCorpus.chunks(bytes) {
            for case let .success(frame) in framer.feed(chunk) where !frame.measurements.isEmpty {
                count += 1
            }
        }
        return count
    }

    private static func decodeLines(_ bytes: [UInt8], parser: LineProtocolDriver) -> Int {
        var parser = parser
        return DriversBenchmarkCorpus.chunks(bytes).reduce(0) { $0 + parser.feed($1).count }
    }

    private static func decodeNMEA(_ bytes: [UInt8]) -> Int {
        var parser = NMEALineDriver()
        return DriversBenchmarkCorpus.chunks(bytes).reduce(0) { $0 + parser.feed($1).count }
    }

    private static func decodeModbus(_ answers: [[UInt8]], driver: ModbusRegisterMapDriver, block: ModbusReadBlock) -> Int {
        var driver = driver
        return answers.reduce(0) { count, answer in
            count + ((try? driver.decode(answer, answering: block)).map { _ in 1 } ?? 0)
        }
    }

    /// Median CPU and wall seconds per reading of a driver made over freshly simulated buses.
    private static func readingCPU(
        model: DeviceModel, attachment: DeviceAttachment, simulate: @escaping @Sendable (SimulatedBusProvider) throws -> Void
    ) -> (cpu: Double, wall: Double) {
        let outcome = try? runBlocking { () async -> ReadingOutcome in
            let buses = SimulatedBusProvider(sysfsDirectory: FileManager.default.temporaryDirectory.path)
            let driver: any DeviceDriver
            do {
                try simulate(buses)
                driver = try await DeviceDriverFactory.make(model: model, attachment: attachment, buses: buses)
            } catch {
                return .failed("could not be made over its simulator: \(error)")
            }
            var processors = Dictionary(uniqueKeysWithValues: model.fields.map { ($0.name, FieldProcessor(processing: $0.processing)) })
            var cpu: [Double] = []
            var wall: [Double] = []
            for _ in 0..<runs {
                let (cpuStart, wallStart) = (processCPUSeconds(), ContinuousClock.now)
                for _ in 0..<readings {
                    let fields: [FieldReading]
                    do {
                        fields = try await driver.sample()
                    } catch {
                        return .failed("failed over its simulator: \(error)")
                    }
                    let now = ContinuousClock.now
                    for reading in fields {
                        if let number = reading.value.number { _ = processors[reading.field]?.accept(number, at: now) }
                    }
                }
                cpu.append((processCPUSeconds() - cpuStart) / Double(readings))
                let elapsed = ContinuousClock.now - wallStart
                wall.append(elapsed.inSeconds / Double(readings))
            }
            await driver.stop()
            return .measured(cpu: Measurement.median(cpu), wall: Measurement.median(wall))
        }
        guard case let .measured(cpu, wall)? = outcome else {
            if case let .failed(reason)? = outcome { print("error: the \(model.id) driver \(reason)") }
            exit(1)
        }
        return (cpu, wall)
    }

    private enum ReadingOutcome: Sendable {
        case measured(cpu: Double, wall: Double)
        case failed(String)
    }

    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
