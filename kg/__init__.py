"""kg: front-page party and government news as a knowledge graph."""

from kg.api import KnowledgeGraph, build
from kg.pipeline import extract_source

__all__ = ["KnowledgeGraph", "build", "extract_source"]
__version__ = "0.1.0"
