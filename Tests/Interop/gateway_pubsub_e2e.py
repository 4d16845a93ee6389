#!/usr/bin/env python3
"""End-to-end check of publishing to a pubsub service instead of PEP
(`publishing: {mode: pubsub, service: …}`), with slixmpp's own xep_0060 plugin.

Usage: gateway_pubsub_e2e.py DEMO_DIR SERVICE NODE DEVICE STRANGER_JID STRANGER_PASSWORD

A gateway configured for the service runs beside the demo (scripts/lib/gateway-e2e starts
it). The demo's user, whom that gateway's configuration names as owner, reads the node's
items until the device's reading is there, subscribes, and must hear the next reading.
The stranger, whom the configuration does not know, must be refused the items.
Prints one line per check ("ok …" or "FAIL …: why") and exits 1 if any check failed.
"""

import asyncio
import sys
from pathlib import Path

from slixmpp.exceptions import IqError, IqTimeout

from gateway_e2e import TIMEOUT, check, failures
from iot_client import IoTClient
from slixmpp_peer import go_online, read_env

SENSOR_DATA = "{urn:xmpp:iot:sensordata}"


def field_names(item_payload):
    """Names of the sensor-data fields in one item's payload, at any depth."""
    return {element.get("name") for element in item_payload.iter() if element.tag.startswith(SENSOR_DATA)
            and element.get("name")}


async def device_item(pubsub, service, node, device):
    """The device's item on the node once the gateway has published it, polling for up to
    TIMEOUT seconds (the gateway creates the node with its first publication); the last
    error otherwise."""
    last = "nothing published"
    for _ in range(TIMEOUT * 2):
        try:
            result = await pubsub.get_items(service, node, timeout=TIMEOUT)
            for item in result["pubsub"]["items"]:
                if item["id"] == device:
                    return item, None
            last = "the node has no item for " + device
        except IqError as error:
            last = f"{error.condition}: {error.text}"
        await asyncio.sleep(0.5)
    return None, last


async def main():
    demo, service, node, device, stranger_jid, stranger_password = Path(sys.argv[1]), *sys.argv[2:7]
    env = read_env(demo / "env")
    user = IoTClient(env["USER_JID"] + "/pubsub-e2e", env["USER_PASSWORD"], env["CA_FILE"])
    stranger = IoTClient(stranger_jid + "/pubsub-e2e", stranger_password, env["CA_FILE"])
    notifications = asyncio.Queue()
    user.add_event_handler("pubsub_publish", lambda message: notifications.put_nowait(message))
    for client in (user, stranger):
        await go_online(client, env["XMPP_HOST"], int(env["XMPP_PORT"]), TIMEOUT)
    pubsub = user.plugin["xep_0060"]

    item, error = await device_item(pubsub, service, node, device)
    check("the device's reading is an item on the pubsub service", item is not None, error)
    names = field_names(item.xml) if item is not None else set()
    check("the item carries the device's fields", {"temperature", "humidity"} <= names, names)

    try:
        await pubsub.subscribe(service, node, timeout=TIMEOUT)
        subscribed = None
    except (IqError, IqTimeout) as failure:
        subscribed = failure
    check("the configured owner may subscribe to the node", subscribed is None, subscribed)

    heard = None
    try:
        while heard is None:
            message = await asyncio.wait_for(notifications.get(), TIMEOUT)
            items = message["pubsub_event"]["items"]
            if message["from"] == service and items["node"] == node and items["item"]["id"] == device:
                heard = message
    except asyncio.TimeoutError:
        pass
    check("a subscriber hears the next reading from the service", heard is not None,
          f"no notification within {TIMEOUT} s")

    try:
        await stranger.plugin["xep_0060"].get_items(service, node, timeout=TIMEOUT)
        refusal = "the stranger read the items"
    except IqError as error:
        refusal = error.condition
    check("a JID without a role may not read the items", refusal in ("forbidden", "not-authorized"), refusal)

    for client in (user, stranger):
        client.disconnect()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    asyncio.run(main())
