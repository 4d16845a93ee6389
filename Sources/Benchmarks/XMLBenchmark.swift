import CExpat
import Foundation
import XMPPClient
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Suite `xml`: throughput of the stream parser on 50 MB of realistic stanzas, beside expat
/// alone (no tree built: the floor for any expat-based parser) and Foundation's XMLParser
/// building the same element tree from the same bytes.
enum XMLBenchmark {
    /// `XML_BENCH_MB` and `XML_BENCH_RUNS` shrink the run, e.g. for a profiler.
    static let megabytes = BenchmarkSetting.count("XML_BENCH_MB", default: 50)
    static let runs = BenchmarkSetting.count("XML_BENCH_RUNS", default: 5)

    static func run() {
        let corpus = XMLBenchmarkCorpus(megabytes: megabytes)
        let megabytesFed = Double(corpus.bytes.count) / 1_000_000
        print("## xml: \(Measurement.format(megabytesFed)) MB, \(corpus.stanzaCount) stanzas, "
            + "\(corpus.chunkEnds.count) chunks of 1–8192 bytes; median of \(runs) runs")

        var counts: [String: Int] = [:]
        // Interleaved, so that a change in the machine's load hits all three alike.
        let medians = Measurement.interleavedMedianSeconds(runs: runs, [
            { counts["ours"] = parseWithStreamParser(corpus) },
            { counts["expat"] = parseWithRawExpat(corpus) },
            { counts["foundation"] = parseWithFoundation(corpus) },
        ])
        let (ours, expat, foundation) = (medians[0], medians[1], medians[2])
        for (parser, count) in counts where count != corpus.stanzaCount {
            print("error: \(parser) saw \(count) stanzas, expected \(corpus.stanzaCount)")
            exit(1)
        }

        let rows: [(String, Double)] = [
            ("XMLStreamParser (element tree)", ours),
            ("expat alone, no tree", expat),
            ("Foundation XMLParser (element tree)", foundation),
        ]
        Measurement.printTable(
            ["parser", "MB/s", "stanzas/s", "time (s)", "vs ours"],
            rows.map { name, seconds in
                [name, Measurement.format(megabytesFed / seconds), Measurement.format(Double(corpus.stanzaCount) / seconds, decimals: 0),
                 Measurement.format(seconds, decimals: 3), Measurement.format(seconds / ours, decimals: 2) + "×"]
            })
        print("summary: mb_per_s=\(Measurement.format(megabytesFed / ours)) "
            + "stanzas_per_s=\(Measurement.format(Double(corpus.stanzaCount) / ours, decimals: 0)) "
            + "vs_foundation=\(Measurement.format(foundation / ours, decimals: 2)) "
            + "vs_raw_expat=\(Measurement.format(expat / ours, decimals: 2))")
    }

    private static func parseWithStreamParser(_ corpus: XMLBenchmarkCorpus) -> Int {
        let parser = XMLStreamParser()
        var stanzas = 0
        corpus.forEachChunk { chunk in
            for event in parser.feed(chunk) {
                switch event {
                case .stanza: stanzas += 1
                case .failed(let error): print("error: \(error)"); exit(1)
                case .streamOpened, .streamClosed: break
                }
            }
        }
        return stanzas
    }

    /// Expat with handlers that only track depth: what any expat-based parser must pay.
    private static func parseWithRawExpat(_ corpus: XMLBenchmarkCorpus) -> Int {
        final class Depth { var open = 0; var stanzas = 0 }
        let depth = Depth()
        guard let expat = XML_ParserCreateNS("UTF-8", 0x1F) else { return 0 }
        defer { XML_ParserFree(expat) }
        XML_SetUserData(expat, Unmanaged.passUnretained(depth).toOpaque())
        XML_SetElementHandler(
            expat,
            { context, _, _ in Unmanaged<Depth>.fromOpaque(context.unsafelyUnwrapped).takeUnretainedValue().open += 1 },
            { context, _ in
                let depth = Unmanaged<Depth>.fromOpaque(context.unsafelyUnwrapped).takeUnretainedValue()
                depth.open -= 1
                if depth.open == 1 { depth.stanzas += 1 }
            })
        XML_SetCharacterDataHandler(expat) { _, _, _ in }
        corpus.forEachChunk { chunk in
            _ = XML_Parse(expat, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(chunk.count), 0)
        }
        return depth.stanzas
    }

    /// XMLParser has no push interface on Linux, so it gets the whole stream at once.
    private static func parseWithFoundation(_ corpus: XMLBenchmarkCorpus) -> Int {
        let parser = XMLParser(data: Data(corpus.bytes))
        parser.shouldProcessNamespaces = true
        let builder = FoundationTreeBuilder()
        parser.delegate = builder
        guard parser.parse() else {
            print("error: XMLParser: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
            exit(1)
        }
        return builder.stanzas
    }
}

/// Builds the same `XMLElement` tree from XMLParser's callbacks as XMLStreamParser does.
private final class FoundationTreeBuilder: NSObject, XMLParserDelegate {
    private struct Open {
        let name: String
        let namespace: String
        let attributes: [XMPPClient.XMLAttribute]
        var children: [XMPPClient.XMLNode] = []
    }

    private var open: [Open] = []
    private var text = ""
    var stanzas = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        flushText()
        open.append(Open(name: name, namespace: namespaceURI ?? "",
                         attributes: attributes.map { XMPPClient.XMLAttribute($0.key, value: $0.value) }))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        flushText()
        guard let closed = open.popLast() else { return }
        let element = XMPPClient.XMLElement(closed.name, namespace: closed.namespace, attributes: closed.attributes, children: closed.children)
        if open.count == 1 {
            stanzas += 1
        } else if !open.isEmpty {
            open[open.count - 1].children.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if open.count >= 2 { text += string }
    }

    private func flushText() {
        guard !text.isEmpty else { return }
        open[open.count - 1].children.append(.text(text))
        text = ""
    }
}
