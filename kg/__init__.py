"""kg: front-page party and government news as a knowledge graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph, build
    from kg.pipeline import extract_source

__all__ = ["KnowledgeGraph", "build", "extract_source"]
__version__ = "0.1.0"

_LAZY = {"KnowledgeGraph": "kg.api", "build": "kg.api", "extract_source": "kg.pipeline"}


def __getattr__(name: str) -> Any:
    """``kg.build`` and friends are imported on first use, so ``kg query`` starts without the extractor."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
