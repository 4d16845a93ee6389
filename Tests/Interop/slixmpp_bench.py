#!/usr/bin/env python3
"""The slixmpp side of `scripts/bench session`: the same measurements as our Swift
sessions make, with slixmpp 1.17.0, in one process and on one asyncio loop (as ours share
one event loop), against the Prosody of scripts/lib/prosody.

Usage: slixmpp_bench.py [--env FILE] [--logins N] [--iq N] [--warm-up N] [--messages N]
                        [--sessions N]

Accounts: bob and mallory for logins, IQs and messages; u001 … uN for the idle sessions.
All sessions share one TLS context (the test CA only), as a program with many sessions
should. Prints one JSON line per measurement, each with "bench": its name:
  {"bench": "login", "ms": [...]}                   connect → TLS → SCRAM → bind, one by one
  {"bench": "iq", "us": [...]}                      request → result between two sessions
  {"bench": "messages", "count": N, "seconds": s, "cpu_seconds": c}   sender and receiver
  {"bench": "memory", "sessions": N, "rss_before_kib": a, "rss_after_kib": b}
"""

import argparse
import asyncio
import gc
import logging
import resource
import ssl
import sys
import time
from pathlib import Path

import slixmpp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slixmpp_peer import Peer, emit, read_env  # noqa: E402  (the interop peer's client class)


def rss_kib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Bench:
    def __init__(self, env):
        self.env = env
        self.context = ssl.create_default_context(cafile=env["XMPP_CA_FILE"])

    def client(self, user, resource):
        password = self.env.get(f"XMPP_{user.upper()}_PASSWORD", f"{user}pass")
        peer = Peer(f"{user}@{self.env['XMPP_DOMAIN']}/{resource}", password, self.env["XMPP_CA_FILE"],
                    log_stanzas=False)
        peer.ssl_context = self.context
        peer.enable_direct_tls, peer.enable_starttls = False, True
        return peer

    async def online(self, peer, presence=False):
        """Until the session is bound (slixmpp's session_start), like our `online` event."""
        started = asyncio.get_running_loop().create_future()
        peer.add_event_handler("session_start", lambda _: started.done() or started.set_result(None))
        peer.add_event_handler("failed_all_auth", lambda _: started.done() or started.set_exception(
            RuntimeError(f"{peer.boundjid}: authentication failed")))
        peer.connect(self.env["XMPP_HOST"], int(self.env["XMPP_PORT"]))
        await asyncio.wait_for(started, 30)
        if presence:
            peer.send_presence()

    async def logins(self, count):
        times = []
        for i in range(count):
            peer = self.client("bob", f"login-sx-{i}")
            t0 = time.perf_counter_ns()
            await self.online(peer)
            times.append((time.perf_counter_ns() - t0) / 1e6)
            await peer.disconnect(wait=5)
        emit({"bench": "login", "ms": times})

    async def iq_round_trips(self, count, warm_up):
        requester, responder = self.client("bob", "iq-sx"), self.client("mallory", "iq-sx")
        responder.serve_bench_pings()
        await self.online(requester)
        await self.online(responder)
        latencies = []
        for i in range(warm_up + count):
            iq = requester.make_iq_get(ito=responder.boundjid.full)
            iq["bench_ping"]["n"] = str(i)
            t0 = time.perf_counter_ns()
            await iq.send(timeout=30)
            if i >= warm_up:
                latencies.append((time.perf_counter_ns() - t0) / 1000)
        emit({"bench": "iq", "us": latencies})
        await requester.disconnect(wait=5)
        await responder.disconnect(wait=5)

    async def messages(self, count):
        sender, receiver = self.client("bob", "msg-sx"), self.client("mallory", "msg-sx")
        received = 0
        all_received = asyncio.Event()

        def count_message(message):
            nonlocal received
            if message["body"].startswith("m"):
                received += 1
                if received == count:
                    all_received.set()
        receiver.add_event_handler("message", count_message)
        await self.online(sender)
        await self.online(receiver)
        cpu0, t0 = cpu_seconds(), time.perf_counter()
        for i in range(count):
            sender.send_message(mto=receiver.boundjid.full, mbody=f"m{i}", mtype="chat")
        await asyncio.wait_for(all_received.wait(), 120)
        seconds, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
        emit({"bench": "messages", "count": count, "seconds": seconds, "cpu_seconds": cpu})
        await sender.disconnect(wait=5)
        await receiver.disconnect(wait=5)

    async def memory(self, count):
        gc.collect()
        before = rss_kib()
        peers = [self.client(f"u{i:03d}", "idle-sx") for i in range(1, count + 1)]
        await asyncio.gather(*(self.online(peer, presence=True) for peer in peers))
        await asyncio.sleep(1.5)   # let the presence exchanges settle
        gc.collect()
        emit({"bench": "memory", "sessions": count, "rss_before_kib": before, "rss_after_kib": rss_kib()})
        await asyncio.gather(*(peer.disconnect(wait=5) for peer in peers))


async def main(argv):
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--env", default=str(here.parent.parent / ".test-run" / "xmpp" / "env"))
    parser.add_argument("--logins", type=int, default=20)
    parser.add_argument("--iq", type=int, default=2000)
    parser.add_argument("--warm-up", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--sessions", type=int, default=100)
    args = parser.parse_args(argv)
    # slixmpp leaves filter tasks pending when a stream closes; asyncio would log each one.
    logging.basicConfig(level=logging.CRITICAL)
    bench = Bench(read_env(args.env))
    await bench.logins(args.logins)
    await bench.iq_round_trips(args.iq, args.warm_up)
    await bench.messages(args.messages)
    await bench.memory(args.sessions)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
