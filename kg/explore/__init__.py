"""The explorer: pages about people, meetings, slogans, bodies and posts, in the browser.

``kg build`` writes ``OUT/explore.sqlite`` (:func:`build_index`); ``kg serve OUT`` answers the pages from it
(:mod:`kg.explore.server`); a small build's ``graph.html`` inlines every page (:mod:`kg.explore.offline`).
The page data functions (:func:`page`, :func:`search`, :func:`overview`) are the library API both use.
"""

from kg.explore.index import INDEX_NAME, ExplorerIndexError, Index, build_index, memory_index
from kg.explore.pages import overview, page
from kg.explore.search import search

__all__ = ["INDEX_NAME", "ExplorerIndexError", "Index", "build_index", "memory_index", "overview", "page", "search"]
