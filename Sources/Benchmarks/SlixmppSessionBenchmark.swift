import Foundation

/// The slixmpp side of the `session` suite: `Tests/Interop/slixmpp_bench.py` in the venv
/// of `scripts/lib/python-env`, with the same counts as our side.
enum SlixmppSessionBenchmark {
    static func run(_ settings: SessionBenchmark.Settings, server: BenchmarkServer) throws -> SessionFigures {
        let python = try BenchmarkProcess.output("scripts/lib/python-env", []).trimmingCharacters(in: .whitespacesAndNewlines)
        let output = try BenchmarkProcess.output(python, [
            "Tests/Interop/slixmpp_bench.py", "--env", server.envFile, "--logins", String(settings.logins),
            "--iq", String(settings.roundTrips), "--warm-up", String(settings.warmUp),
            "--messages", String(settings.messages), "--sessions", String(settings.idleSessions),
        ])
        var figures = SessionFigures()
        for line in output.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let bench = object["bench"] as? String else { continue }
            func number(_ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? .nan }
            func numbers(_ key: String) -> [Double] { (object[key] as? [NSNumber])?.map(\.doubleValue) ?? [] }
            switch bench {
            case "login": figures.loginMilliseconds = numbers("ms")
            case "iq": figures.iqMicroseconds = numbers("us")
            case "messages":
                figures.messageCount = Int(number("count"))
                figures.messageSeconds = number("seconds")
                figures.messageCPUSeconds = number("cpu_seconds")
            case "memory":
                figures.idleSessions = Int(number("sessions"))
                figures.rssBeforeKiB = number("rss_before_kib")
                figures.rssAfterKiB = number("rss_after_kib")
            default: break
            }
        }
        return figures
    }
}
