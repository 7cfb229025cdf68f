"""Deterministic, always-valid IRIs for graph nodes.

Same input gives the same IRI on every run and machine: the IRI is built from the node type and a
normalised key, never from counters or object ids. Labels may contain anything (spaces, quotes,
brackets, ``>``); only letters and digits of the label are kept as a readable slug and a hash of the
full key keeps IRIs distinct.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

ONTOLOGY = "https://w3id.org/yaowen/ontology#"
RESOURCE = "https://w3id.org/yaowen/id/"

_NOT_SLUG = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def slug(text: str, limit: int = 24) -> str:
    return _NOT_SLUG.sub("", text)[:limit]


@lru_cache(maxsize=1 << 20)  # the assembler asks for the same node's IRI once per mention
def mint(node_type: str, key: str) -> str:
    """IRI for a node of ``node_type`` identified by ``key`` (any string)."""
    digest = hashlib.sha1(f"{node_type}\x1f{key}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
    readable = slug(key.split("\x1f")[0])
    local = f"{readable}-{digest}" if readable else digest
    return f"{RESOURCE}{node_type.lower()}/{local}"
