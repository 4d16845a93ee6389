#!/usr/bin/env python3
"""A XEP-0323 device served by slixmpp 1.17.0's own xep_0323 plugin: the reference the
`iot` benchmark compares the gateway's readouts with.

Usage: slixmpp_device.py ENV JID PASSWORD NODE

ENV is the file scripts/lib/prosody writes. The device serves one node, NODE, with the
fields a simulated BME280 of the gateway has (temperature, humidity, pressure, numeric,
momentary). The plugin runs unthreaded ({"threaded": False}), its fastest mode: the
threaded one starts a thread per readout that sends from outside the event loop. Prints
READY once online; runs until SIGTERM or SIGINT.
"""

import asyncio
import logging
import sys

from slixmpp.plugins.xep_0323.device import Device

from slixmpp_peer import Peer, go_online, read_env, watch_stop

ONLINE_TIMEOUT_S = 30
# Name, unit and a plausible value, as the gateway's simulated BME280 publishes them.
FIELDS = [("temperature", "°C", "21.43"), ("humidity", "%RH", "45.2"), ("pressure", "Pa", "101325")]


def bme280_like(node):
    device = Device(node)
    for name, unit, value in FIELDS:
        device._add_field(name, "numeric", unit=unit)
        device._add_field_momentary_data(name, value, flags={"automaticReadout": "true"})
    return device


async def main(env_file, jid, password, node):
    # slixmpp logs a warning per field ("Unknown stanza interface: dataType"): not measured.
    logging.disable(logging.CRITICAL)
    env = read_env(env_file)
    peer = Peer(jid, password, env["XMPP_CA_FILE"], log_stanzas=False)
    peer.enable_direct_tls, peer.enable_starttls = False, True
    peer.register_plugin("xep_0323", {"threaded": False})
    peer.plugin["xep_0323"].register_node(node, bme280_like(node), commTimeout=10)
    stop = asyncio.Event()
    watch_stop(stop, watch_stdin=False)
    await go_online(peer, env["XMPP_HOST"], int(env["XMPP_PORT"]), ONLINE_TIMEOUT_S)
    await stop.wait()
    await peer.disconnect(wait=2)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    asyncio.run(main(*sys.argv[1:]))
