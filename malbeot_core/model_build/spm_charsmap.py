"""Build a SentencePiece ``precompiled_charsmap`` (the ``Precompiled`` normaliser of ``tokenizers``).

Layout (as read by sentencepiece's normaliser and by ``tokenizers``' ``spm_precompiled``)::

    u32 trie_bytes | trie: u32 units (darts-clone double array) | replacements: NUL-terminated UTF-8

A key is the UTF-8 of the source text; its value is the byte offset of its replacement. Darts-clone
units: bits 0-7 the label of the edge that leads to the unit, bit 8 "has a leaf", bit 9 "offset is
shifted by 8", bits 10-31 the offset; a node's children live at ``(pos ^ offset) ^ label``, its leaf
(value, with bit 31 set so it never matches a label) at ``pos ^ offset``.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

_LEAF = 1 << 31
_HAS_LEAF = 1 << 8
_MAX_DIRECT_OFFSET = 1 << 21


@dataclass
class _Node:
    children: dict[int, _Node] = field(default_factory=dict)
    value: int | None = None


def _encode_offset(offset: int) -> int:
    if offset < _MAX_DIRECT_OFFSET:
        return offset << 10
    if offset % 256 == 0 and offset < (1 << 29):
        return (offset << 2) | (1 << 9)
    raise ValueError(f"darts offset {offset} cannot be encoded")


def _next_free(used: bytearray, start: int) -> int:
    found = used.find(0, start)
    return len(used) if found < 0 else found


def _double_array(keys: Mapping[bytes, int]) -> list[int]:
    root = _Node()
    for key in sorted(keys):
        if not key or 0 in key:
            raise ValueError(f"darts keys must be non-empty and NUL-free: {key!r}")
        node = root
        for byte in key:
            node = node.children.setdefault(byte, _Node())
        node.value = keys[key]

    units: list[int] = [0]
    used = bytearray(b"\x01")  # 1 where a unit is taken
    used_bases: set[int] = set()
    first_free = 1

    def grow(size: int) -> None:
        if size > len(units):
            units.extend([0] * (size - len(units)))
            used.extend(bytes(size - len(used)))

    queue: list[tuple[_Node, int]] = [(root, 0)]
    head = 0
    while head < len(queue):
        node, pos = queue[head]
        head += 1
        labels = sorted(node.children) + ([0] if node.value is not None else [])
        if not labels:
            continue
        first_free = _next_free(used, first_free)
        free = first_free
        while True:
            # try to place the first child on each free slot in turn
            free = _next_free(used, free)
            base = free ^ labels[0]
            grow(max(free, base | 0xFF) + 1)
            if base not in used_bases and all(base ^ c != 0 and not used[base ^ c] for c in labels):
                break
            free += 1
        used_bases.add(base)
        units[pos] |= _encode_offset(pos ^ base)
        if node.value is not None:
            units[pos] |= _HAS_LEAF
            used[base] = 1
            units[base] = _LEAF | node.value
        for label, child in sorted(node.children.items()):
            child_pos = base ^ label
            used[child_pos] = 1
            units[child_pos] = label
            queue.append((child, child_pos))
    while len(units) > 1 and not used[len(units) - 1]:
        units.pop()
        used.pop()
    return units


def precompiled_charsmap(mapping: Mapping[str, str]) -> bytes:
    """``precompiled_charsmap`` bytes that rewrite each key of ``mapping`` to its value.

    Deterministic: the same mapping always gives the same bytes.
    """
    replacements = bytearray()
    offsets: dict[str, int] = {}
    keys: dict[bytes, int] = {}
    for source in sorted(mapping):
        target = mapping[source]
        if target not in offsets:
            offsets[target] = len(replacements)
            replacements += target.encode("utf-8") + b"\0"
        keys[source.encode("utf-8")] = offsets[target]
    units = _double_array(keys)
    return struct.pack("<I", 4 * len(units)) + struct.pack(f"<{len(units)}I", *units) + bytes(replacements)
