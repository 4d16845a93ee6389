import Foundation
import XMPPClient

/// What `scripts/lib/bench-iot` started for the `iot` suite, read from the KEY=value file
/// named by `IOT_BENCH_ENV`.
struct IoTBenchmarkEnvironment: Sendable {
    let host: String
    let port: Int
    let caFile: String
    let benchAccount: JID
    let benchPassword: String
    let gateway: JID
    let gatewayPID: Int32
    let gatewayDeviceCount: Int
    /// Full JIDs of the simulated relays the latency phase switches.
    let relays: [JID]
    let gatewayReadoutDevice: JID
    let slixmppReadoutDevice: JID
    let slixmppDevicePID: Int32
    let prosodyPID: Int32
    /// Peak RSS of the same binary running `version` and exiting: what loading it costs
    /// before any device, session or configuration exists.
    let gatewayBinaryFloorMegabytes: Double
    /// The history the gateway started with (`IoTHistoryFill`).
    let gatewayHistoryReadings: Int
    let gatewayHistoryMegabytes: Double

    struct Missing: Error, CustomStringConvertible {
        let key: String
        var description: String { "\(key) is missing from the iot benchmark's environment (run it through scripts/bench iot)" }
    }

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        func value(_ key: String) throws -> String {
            guard let value = values[key], !value.isEmpty else { throw Missing(key: key) }
            return value
        }
        host = try value("XMPP_HOST")
        port = Int(try value("XMPP_PORT")) ?? 0
        caFile = try value("XMPP_CA_FILE")
        benchAccount = try JID(try value("BENCH_JID"))
        benchPassword = try value("BENCH_PASSWORD")
        gateway = try JID(try value("GATEWAY_JID"))
        gatewayPID = Int32(try value("GATEWAY_PID")) ?? 0
        gatewayDeviceCount = Int(try value("GATEWAY_DEVICE_COUNT")) ?? 0
        let gateway = gateway
        relays = try value("RELAYS").split(separator: ",").map { try gateway.with(resource: String($0)) }
        gatewayReadoutDevice = try JID(try value("GATEWAY_READOUT_JID"))
        slixmppReadoutDevice = try JID(try value("SLIXMPP_READOUT_JID"))
        slixmppDevicePID = Int32(try value("SLIXMPP_DEVICE_PID")) ?? 0
        prosodyPID = Int32(try value("PROSODY_PID")) ?? 0
        gatewayBinaryFloorMegabytes = (Double(try value("GATEWAY_VERSION_MAX_RSS_KB")) ?? .nan) * 1024 / 1e6
        gatewayHistoryReadings = Int(try value("GATEWAY_HISTORY_READINGS")) ?? 0
        gatewayHistoryMegabytes = (Double(try value("GATEWAY_HISTORY_BYTES")) ?? .nan) / 1e6
    }
}
