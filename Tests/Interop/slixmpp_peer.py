#!/usr/bin/env python3
"""The independent XMPP peer of our integration tests: a slixmpp 1.17.0 client.

Usage: slixmpp_peer.py [options] JID PASSWORD MODE [ARGS]

  echo        reply "echo: <body>" to every chat or normal message, answer
              <iq type='get'><ping xmlns='urn:example:bench'/></iq> with a
              <pong xmlns='urn:example:bench'/> result and XEP-0199 pings with an
              empty one, accept presence subscriptions (and subscribe back); runs
              until SIGTERM, SIGINT or EOF on stdin
  send N TO   send N chat messages with bodies "msg 1" … "msg N" to TO, then exit
              (--await-replies: first wait until N "echo: " messages came back)
  iq N TO     N sequential bench-ping round trips to TO (a full JID); print the
              latencies as one JSON line

The server comes from the env file that scripts/lib/prosody writes; the test CA is the
only trust anchor and verification stays on. A JID without resource gets "peer".

stdout, for the test to read: READY once the session is up (bound, roster fetched,
presence sent); otherwise one JSON object per line, e.g.
  {"event": "online", "jid": "bob@iot.test/echo"}
  {"event": "stanza", "kind": "message", "type": "chat", "from": …, "to": …, "id": …,
   "body": "msg 1", "xml": "<message …>"}     every message, presence and iq received;
                                              attributes as on the wire, null if absent
  {"event": "sent", "count": 5}   {"event": "replies", "count": 5}
  {"event": "iq-latencies", "count": 100, "errors": 0, "us": [...], "p50_us": …}
  {"event": "stream-error", "condition": "system-shutdown", "text": …}
  {"event": "error", "reason": "…"}           then exit status 1
Exit status: 0 done, 1 failure (connection, authentication, timeout, connection lost —
there is no reconnecting), 2 bad usage.
"""

import argparse
import asyncio
import json
import logging
import signal
import statistics
import sys
import threading
import time
from pathlib import Path

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout
from slixmpp.stanza import Iq
from slixmpp.xmlstream import ElementBase, register_stanza_plugin
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import StanzaPath

BENCH_NS = "urn:example:bench"
ECHO_PREFIX = "echo: "


class BenchPing(ElementBase):
    """<ping xmlns='urn:example:bench' n='…'/>: a custom IQ payload, so that a round trip
    measures routing and parsing, not a built-in handler of either side."""
    name = "ping"
    namespace = BENCH_NS
    plugin_attrib = "bench_ping"
    interfaces = {"n"}


class BenchPong(ElementBase):
    name = "pong"
    namespace = BENCH_NS
    plugin_attrib = "bench_pong"
    interfaces = {"n"}


register_stanza_plugin(Iq, BenchPing)
register_stanza_plugin(Iq, BenchPong)


def emit(obj):
    """One line per event; flushed at once, as the reader is a test waiting on it."""
    print(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), flush=True)


def read_env(path):
    """KEY=value lines; the value is everything after the first '='."""
    env = {}
    for line in Path(path).read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            env[key.strip()] = value.strip()
    return env


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid, password, ca_file, echo=False, expected_replies=0, log_stanzas=True):
        super().__init__(jid, password)
        self.ca_certs = Path(ca_file)        # trust the test CA; verification stays on
        self.auto_authorize = True           # accept presence subscriptions …
        self.auto_subscribe = True           # … and ask for one back
        self.echo = echo
        self.expected_replies, self.replies = expected_replies, 0
        self.replies_complete = asyncio.Event()
        self.register_plugin("xep_0030")
        self.register_plugin("xep_0199")     # answers pings to us by itself
        if log_stanzas:
            self.add_filter("in", self._log_stanza)
        self.add_event_handler("message", self._on_message)

    def _log_stanza(self, stanza):
        if stanza.name in ("message", "presence", "iq"):
            # Attributes as on the wire (null when absent), not slixmpp's defaults such as
            # type "available" for a presence that has no type.
            entry = {"event": "stanza", "kind": stanza.name}
            for attribute in ("type", "from", "to", "id"):
                entry[attribute] = stanza.xml.get(attribute)
            if stanza.name == "message":
                entry["body"] = stanza["body"]
            entry["xml"] = str(stanza)
            emit(entry)
        return stanza

    def _on_message(self, msg):
        if msg["type"] not in ("chat", "normal") or not msg["body"]:
            return
        if msg["body"].startswith(ECHO_PREFIX):
            # A reply to us. Never echoed back, or two echo peers would loop forever.
            self.replies += 1
            if self.replies >= self.expected_replies:
                self.replies_complete.set()
        elif self.echo:
            msg.reply(ECHO_PREFIX + msg["body"]).send()

    def serve_bench_pings(self):
        def answer(iq):
            reply = iq.reply()
            if iq["bench_ping"]["n"]:
                reply["bench_pong"]["n"] = iq["bench_ping"]["n"]
            else:
                reply.enable("bench_pong")
            reply.send()
        self.register_handler(Callback("bench ping", StanzaPath("iq@type=get/bench_ping"), answer))


async def go_online(peer, host, port, timeout):
    """Connects and waits for the session; fails fast instead of slixmpp's endless retries."""
    loop = asyncio.get_running_loop()
    outcome = loop.create_future()

    def settle(result):
        if not outcome.done():
            outcome.set_result(result)

    async def on_session_start(_):
        await peer.get_roster()
        peer.send_presence()
        settle(None)

    peer.add_event_handler("session_start", on_session_start)
    peer.add_event_handler("failed_all_auth", lambda _: settle("authentication failed"))
    peer.add_event_handler("connection_failed", lambda e: settle(f"connection failed: {e}"))
    peer.add_event_handler("ssl_invalid_chain", lambda e: settle(f"certificate rejected: {e}"))
    peer.add_event_handler("stream_error", lambda e: settle(f"stream error: {e['condition']}"))
    # e.g. slixmpp itself hanging up on a wrong SCRAM server signature
    peer.add_event_handler("disconnected", lambda _: settle("disconnected before the session started"))
    peer.connect(host, port)
    try:
        error = await asyncio.wait_for(outcome, timeout)
    except asyncio.TimeoutError:
        error = f"not online within {timeout} s"
    if error:
        peer.abort()
        raise RuntimeError(error)
    emit({"event": "online", "jid": peer.boundjid.full})
    emit("READY")


def watch_stop(stop, watch_stdin):
    """SIGTERM/SIGINT, and EOF on stdin (the test closing its pipe), set `stop`."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if watch_stdin:
        def drain_stdin():
            # A thread, because asyncio cannot watch every kind of stdin (files, /dev/null).
            while sys.stdin.buffer.read1(65536):
                pass
            loop.call_soon_threadsafe(stop.set)
        threading.Thread(target=drain_stdin, daemon=True).start()


async def run_echo(peer, stop):
    peer.serve_bench_pings()
    await stop.wait()


async def run_send(peer, count, to, await_replies, timeout):
    for i in range(1, count + 1):
        peer.send_message(mto=to, mbody=f"msg {i}", mtype="chat")
    emit({"event": "sent", "count": count})
    if await_replies and count > 0:
        try:
            await asyncio.wait_for(peer.replies_complete.wait(), timeout)
        except asyncio.TimeoutError:
            emit({"event": "replies", "count": peer.replies})
            raise RuntimeError(f"only {peer.replies} of {count} replies within {timeout} s")
        emit({"event": "replies", "count": peer.replies})


async def run_iq(peer, count, to, timeout):
    latencies_us, errors = [], 0
    for i in range(1, count + 1):
        iq = peer.make_iq_get(ito=to)
        iq["bench_ping"]["n"] = str(i)
        started = time.perf_counter_ns()
        try:
            await iq.send(timeout=timeout)
        except IqError as e:
            errors += 1
            emit({"event": "iq-error", "n": i, "condition": e.iq["error"]["condition"]})
            continue
        except IqTimeout:
            errors += 1
            emit({"event": "iq-error", "n": i, "condition": "timeout"})
            continue
        latencies_us.append((time.perf_counter_ns() - started) // 1000)
    result = {"event": "iq-latencies", "count": count, "errors": errors, "us": latencies_us}
    if latencies_us:
        ordered = sorted(latencies_us)
        pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
        result.update(p50_us=statistics.median(ordered), p90_us=pick(0.9),
                      p99_us=pick(0.99), max_us=ordered[-1])
    emit(result)
    if errors:
        raise RuntimeError(f"{errors} of {count} IQs failed")


def parse_args(argv):
    here = Path(__file__).resolve().parent
    default_env = here.parent.parent / ".test-run" / "xmpp" / "env"
    parser = argparse.ArgumentParser(description="slixmpp peer for the interop tests")
    parser.add_argument("--env", default=str(default_env), help="env file of scripts/lib/prosody")
    parser.add_argument("--direct-tls", action="store_true",
                        help="connect to XMPP_DIRECT_TLS_PORT with Direct TLS (XEP-0368)")
    parser.add_argument("--timeout", type=float, default=20, help="seconds for login, an IQ, the replies")
    parser.add_argument("--await-replies", action="store_true", help="send: wait for the echoes")
    parser.add_argument("--ignore-stdin", action="store_true", help="echo: do not stop on stdin EOF")
    parser.add_argument("--quiet", action="store_true",
                        help="no stanza lines (benchmarks: printing costs more than routing)")
    parser.add_argument("--debug", action="store_true", help="slixmpp debug log on stderr")
    parser.add_argument("jid")
    parser.add_argument("password")
    parser.add_argument("mode", choices=["echo", "send", "iq"])
    parser.add_argument("count", nargs="?", type=int)
    parser.add_argument("to", nargs="?")
    args = parser.parse_args(argv)
    if args.mode == "echo" and args.count is not None:
        parser.error("echo takes no further arguments")
    if args.mode != "echo" and (args.count is None or args.count < 0 or not args.to):
        parser.error(f"{args.mode} needs N and TO")
    return args


async def main(argv):
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    env = read_env(args.env)
    jid = args.jid if "/" in args.jid else args.jid + "/peer"

    peer = Peer(jid, args.password, env["XMPP_CA_FILE"], echo=(args.mode == "echo"),
                expected_replies=args.count or 0, log_stanzas=not args.quiet)
    if args.direct_tls:
        peer.enable_direct_tls, peer.enable_starttls = True, False
        port = int(env["XMPP_DIRECT_TLS_PORT"])
    else:
        # Otherwise slixmpp first tries Direct TLS on the STARTTLS port, and only then STARTTLS.
        peer.enable_direct_tls, peer.enable_starttls = False, True
        port = int(env["XMPP_PORT"])

    stop = asyncio.Event()
    watch_stop(stop, watch_stdin=(args.mode == "echo" and not args.ignore_stdin))
    status, online = 0, False
    try:
        await go_online(peer, env["XMPP_HOST"], port, args.timeout)
        online = True
        if args.mode == "echo":
            work = run_echo(peer, stop)
        elif args.mode == "send":
            work = run_send(peer, args.count, args.to, args.await_replies, args.timeout)
        else:
            work = run_iq(peer, args.count, args.to, args.timeout)
        # A lost connection ends every mode with an error: no reconnecting, so a peer never
        # outlives its test. A signal also ends send and iq early.
        lost = asyncio.Event()
        peer.add_event_handler("disconnected", lambda _: lost.set())
        peer.add_event_handler("stream_error", lambda e: emit(
            {"event": "stream-error", "condition": e["condition"], "text": e["text"]}))
        work_task = asyncio.ensure_future(work)
        waiters = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(lost.wait())}
        await asyncio.wait({work_task} | waiters, return_when=asyncio.FIRST_COMPLETED)
        for waiter in waiters:
            waiter.cancel()
        if work_task.done():
            work_task.result()
        else:
            work_task.cancel()
            if lost.is_set() and not stop.is_set():
                raise RuntimeError("connection lost")
    except RuntimeError as e:
        emit({"event": "error", "reason": str(e)})
        status = 1
    # Close the stream properly; disconnect() first flushes what is still queued. Not after
    # a failed login: go_online() aborted the transport already, and writing the stream
    # footer to a half-torn-down TLS transport raises inside asyncio.
    if online and peer.transport:
        try:
            await peer.disconnect(wait=5)
        except (AttributeError, OSError):
            peer.abort()
    emit({"event": "offline"})
    return status


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
