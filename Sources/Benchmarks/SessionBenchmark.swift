import Foundation

/// Suite `session`: our XMPP sessions beside slixmpp 1.17.0 against the same local
/// Prosody (loopback, tuned per the project's baselines), in the same run: login time, IQ
/// round trips between two sessions, messages through the server per client CPU-second,
/// and memory per idle session.
enum SessionBenchmark {
    static let namespace = "urn:example:bench"

    /// Counts; `SESSION_BENCH_LOGINS`, `_IQ`, `_WARM_UP`, `_MESSAGES`, `_SESSIONS` change them.
    struct Settings: Sendable {
        var logins = 20
        var roundTrips = 2000
        var warmUp = 200
        var messages = 20_000
        var idleSessions = 100

        static func fromEnvironment() -> Settings {
            func value(_ key: String, _ fallback: Int, minimum: Int = 1) -> Int {
                BenchmarkSetting.count("SESSION_BENCH_\(key)", default: fallback, minimum: minimum)
            }
            var settings = Settings()
            settings.logins = value("LOGINS", settings.logins)
            settings.roundTrips = value("IQ", settings.roundTrips)
            settings.warmUp = value("WARM_UP", settings.warmUp, minimum: 0)
            settings.messages = value("MESSAGES", settings.messages)
            settings.idleSessions = value("SESSIONS", settings.idleSessions)
            return settings
        }
    }

    static func run() {
        let settings = Settings.fromEnvironment()
        let server: BenchmarkServer
        do {
            server = try BenchmarkServer.startIfNeeded()
        } catch {
            print("error: cannot start the local Prosody: \(error)")
            exit(1)
        }
        defer { server.stopIfStartedHere() }
        do {
            let ours = try runBlocking { try await OurSessionBenchmark(settings, server: server).run() }
            let slixmpp = try SlixmppSessionBenchmark.run(settings, server: server)
            report(settings, ours: ours, slixmpp: slixmpp)
        } catch {
            print("error: \(error)")
            server.stopIfStartedHere()
            exit(1)
        }
    }

    private static func report(_ settings: Settings, ours: SessionFigures, slixmpp: SessionFigures) {
        print("## session: Prosody on loopback (STARTTLS, TLS 1.3, SCRAM-SHA-1); \(settings.logins) logins, "
            + "\(settings.roundTrips) IQ round trips after \(settings.warmUp), \(settings.messages) messages, "
            + "\(ours.idleSessions) idle sessions; each side in one process on one event loop")
        typealias Row = (String, Double, Double, Int, higherIsBetter: Bool)
        let rows: [Row] = [
            ("login: connect+TLS+SCRAM+bind, median (ms)", Measurement.median(ours.loginMilliseconds), Measurement.median(slixmpp.loginMilliseconds), 1, false),
            ("IQ round trip p50 (µs)", Measurement.median(ours.iqMicroseconds), Measurement.median(slixmpp.iqMicroseconds), 0, false),
            ("IQ round trip p99 (µs)", SessionFigures.quantile(ours.iqMicroseconds, 0.99),
             SessionFigures.quantile(slixmpp.iqMicroseconds, 0.99), 0, false),
            ("messages/s, one sender to one receiver", ours.messagesPerSecond, slixmpp.messagesPerSecond, 0, true),
            ("messages per client CPU-second (both ends)", ours.messagesPerCPUSecond, slixmpp.messagesPerCPUSecond, 0, true),
            ("KiB per idle session", ours.kibPerSession, slixmpp.kibPerSession, 0, false),
        ]
        Measurement.printTable(["figure", "ours", "slixmpp 1.17.0", "ours / slixmpp"], rows.map { name, ours, slixmpp, decimals, _ in
            [name, Measurement.format(ours, decimals: decimals), Measurement.format(slixmpp, decimals: decimals),
             Measurement.format(ours / slixmpp, decimals: 2)]
        })
        let iqRatio = Measurement.median(ours.iqMicroseconds) / Measurement.median(slixmpp.iqMicroseconds)
        print("summary: iq_p50_us=\(Measurement.format(Measurement.median(ours.iqMicroseconds), decimals: 0)) "
            + "iq_p50_vs_slixmpp=\(Measurement.format(iqRatio, decimals: 2)) "
            + "msgs_per_cpu_s=\(Measurement.format(ours.messagesPerCPUSecond, decimals: 0)) "
            + "msgs_per_cpu_s_vs_slixmpp=\(Measurement.format(ours.messagesPerCPUSecond / slixmpp.messagesPerCPUSecond, decimals: 2)) "
            + "kib_per_session=\(Measurement.format(ours.kibPerSession, decimals: 0)) "
            + "login_ms=\(Measurement.format(Measurement.median(ours.loginMilliseconds), decimals: 1))")
    }
}
