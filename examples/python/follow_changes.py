#!/usr/bin/env python3
"""Follows a service's change feed over gRPC: every event it published, in order.

The contract is the proto files (proto/wp/...): generate Python modules from
them, then run this with those modules on the path:

    protoc -I proto --python_out=gen --grpc_python_out=gen \
      --plugin=protoc-gen-grpc_python=/usr/bin/grpc_python_plugin \
      proto/wp/common/v1/*.proto proto/wp/workstreams/v1/*.proto
    PYTHONPATH=gen python3 examples/python/follow_changes.py \
      --server 127.0.0.1:50052 --token "$(cat data/admin.token)"

Debian packages: python3-grpcio python3-protobuf protobuf-compiler-grpc.

It prints one line per change: position, type, resource, actor, and the
payload as JSON. With --once it reads what is there and stops; otherwise it
keeps watching. Keep the last position you handled and pass it as --after
to resume where you left off, losing nothing.
"""

import argparse
import importlib
import json
import sys

import grpc
from google.protobuf import json_format

from wp.common.v1 import changes_pb2, changes_pb2_grpc

# Importing a service's modules registers its payload types, so payloads
# (google.protobuf.Any) can be shown as JSON.
PAYLOAD_MODULES = [
    "wp.workstreams.v1.workstreams_pb2",
    "wp.workstreams.v1.networks_pb2",
    "wp.workstreams.v1.projects_pb2",
]


def load_payload_types():
    for name in PAYLOAD_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # that service's modules were not generated: payloads show as unknown


def show(change):
    try:
        payload = json.loads(json_format.MessageToJson(change.payload, indent=None))
    except (json_format.Error, TypeError, KeyError):
        payload = {"@type": change.payload.type_url}
    print(json.dumps({
        "position": change.position,
        "type": change.type,
        "resource": change.resource_name,
        "actor": change.actor,
        "payload": payload,
    }), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="127.0.0.1:50052", help="HOST:PORT of the service")
    parser.add_argument("--token", required=True, help="a bearer token (admin, officer or analyst)")
    parser.add_argument("--after", type=int, default=0, help="start after this position")
    parser.add_argument("--type", action="append", default=[], help="only these entity types, e.g. plan_item")
    parser.add_argument("--once", action="store_true", help="read what is there, then stop")
    args = parser.parse_args()

    load_payload_types()
    metadata = [("authorization", "Bearer " + args.token)]
    with grpc.insecure_channel(args.server) as channel:
        feed = changes_pb2_grpc.ChangeFeedServiceStub(channel)
        try:
            if args.once:
                request = changes_pb2.ListChangesRequest(after_position=args.after, entity_types=args.type)
                while True:
                    response = feed.ListChanges(request, metadata=metadata, timeout=30)
                    for change in response.changes:
                        show(change)
                    if not response.next_page_token:
                        return 0
                    request.page_token = response.next_page_token
            request = changes_pb2.WatchChangesRequest(after_position=args.after, entity_types=args.type)
            for batch in feed.WatchChanges(request, metadata=metadata):
                for change in batch.changes:
                    show(change)
        except grpc.RpcError as error:
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
