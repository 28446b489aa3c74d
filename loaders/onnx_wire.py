"""Edit an ONNX graph's nodes in the model's bytes, without the `onnx` package.

An ONNX model is a protocol-buffer message: ModelProto.graph (field 7) holds GraphProto.node (field 1),
each a NodeProto with input (1), output (2), name (3), op_type (4) and attribute (5) fields. Only those
messages are re-encoded; everything else (the weights) is referenced, not copied, until the one join
that makes the new model (a 30 MB model then costs 30 MB more at its peak, not several times that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_LENGTH_DELIMITED, _VARINT = 2, 0
_MODEL_GRAPH, _GRAPH_NODE = 7, 1
_NODE_INPUT, _NODE_OUTPUT, _NODE_NAME, _NODE_OP_TYPE, _NODE_ATTRIBUTE = 1, 2, 3, 4, 5
_ATTRIBUTE_NAME, _ATTRIBUTE_INT, _ATTRIBUTE_TYPE, _TYPE_INT = 1, 3, 20, 2

Field = tuple[int, int, bytes | memoryview]  # field number, wire type, payload (a varint's or a message's bytes)


def _read_varint(data: bytes | memoryview, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        if not value:
            out.append(low)
            return bytes(out)
        out.append(low | 0x80)


def fields(message: bytes | memoryview) -> list[Field]:
    """A message's fields in order (wire types 0, 1, 2 and 5; ONNX uses no others), as views of it."""
    message = memoryview(message)
    found: list[Field] = []
    at = 0
    while at < len(message):
        key, at = _read_varint(message, at)
        number, wire = key >> 3, key & 7
        if wire == _VARINT:
            _, end = _read_varint(message, at)
        elif wire == _LENGTH_DELIMITED:
            size, at = _read_varint(message, at)
            end = at + size
        elif wire in (1, 5):
            end = at + (8 if wire == 1 else 4)
        else:
            raise ValueError(f"unsupported protocol-buffer wire type {wire}")
        found.append((number, wire, message[at:end]))
        at = end
    return found


def _chunks(message: list[Field], into: list[bytes | memoryview]) -> None:
    for number, wire, payload in message:
        into.append(_varint(number << 3 | wire))
        if wire == _LENGTH_DELIMITED:
            into.append(_varint(len(payload)))
        into.append(payload)


def encode(message: list[Field]) -> bytes:
    parts: list[bytes | memoryview] = []
    _chunks(message, parts)
    return b"".join(parts)


def _text(number: int, value: str) -> Field:
    return (number, _LENGTH_DELIMITED, value.encode("utf-8"))


@dataclass(frozen=True)
class Node:
    message: list[Field]

    @property
    def op_type(self) -> str:
        return next((bytes(p).decode() for n, _, p in self.message if n == _NODE_OP_TYPE), "")

    @property
    def inputs(self) -> list[str]:
        return [bytes(p).decode() for n, _, p in self.message if n == _NODE_INPUT]

    def with_inputs(self, inputs: list[str]) -> Node:
        """The node with these inputs in place of its own (other fields keep their order)."""
        rest = [f for f in self.message if f[0] != _NODE_INPUT]
        return Node([_text(_NODE_INPUT, name) for name in inputs] + rest)


def node(op_type: str, inputs: list[str], outputs: list[str], **ints: int) -> Node:
    """A new node whose attributes are integers (Cast's `to`)."""
    attributes = [
        (
            _NODE_ATTRIBUTE,
            _LENGTH_DELIMITED,
            encode(
                [
                    _text(_ATTRIBUTE_NAME, name),
                    (_ATTRIBUTE_INT, _VARINT, _varint(value)),
                    (_ATTRIBUTE_TYPE, _VARINT, _varint(_TYPE_INT)),
                ]
            ),
        )
        for name, value in ints.items()
    ]
    return Node(
        [
            *(_text(_NODE_INPUT, name) for name in inputs),
            *(_text(_NODE_OUTPUT, name) for name in outputs),
            _text(_NODE_NAME, f"capgraph_{op_type}_{'_'.join(outputs)}"),
            _text(_NODE_OP_TYPE, op_type),
            *attributes,
        ]
    )


def edit_nodes(model: bytes, edit: Callable[[Node], Node], first: Node | None = None) -> bytes:
    """The model with each graph node replaced by `edit(node)`, and `first` put before them all."""
    parts: list[bytes | memoryview] = []
    found = False
    for number, wire, payload in fields(model):
        if number != _MODEL_GRAPH:
            _chunks([(number, wire, payload)], parts)
            continue
        found = True
        graph: list[Field] = []
        placed = first is None
        for inner, inner_wire, inner_payload in fields(payload):
            if inner == _GRAPH_NODE:
                if not placed and first is not None:
                    graph.append((_GRAPH_NODE, _LENGTH_DELIMITED, encode(first.message)))
                    placed = True
                inner_payload = encode(edit(Node(fields(inner_payload))).message)
            graph.append((inner, inner_wire, inner_payload))
        # the graph's key and size, then its fields in place: no copy of the weights before the join
        graph_parts: list[bytes | memoryview] = []
        _chunks(graph, graph_parts)
        parts += [_varint(number << 3 | wire), _varint(sum(map(len, graph_parts))), *graph_parts]
    if not found:
        raise ValueError("not an ONNX model: no graph")
    return b"".join(parts)
