"""The self-contained explorer file (``graph.html``): the same pages as ``kg serve``, inlined, for ``file://``.

A small graph gets every page and the search table inlined; a graph with more than ``max_pages`` nodes gets the
overview only, and the page says how to run ``kg serve`` for the rest (a page per node of a national corpus would
be hundreds of megabytes in one file).
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.atomic import atomic_open
from kg.explore.index import Index
from kg.explore.pages import overview, page
from kg.explore.search import SEARCH_LIMIT, search_table
from kg.explore.styles import style_config

STATIC_MAX_PAGES = 2000


def static_data(index: Index, *, max_pages: int | None = STATIC_MAX_PAGES) -> dict:
    """Overview, pages and search table of ``index``: all of them, or the overview only above ``max_pages``."""
    iris = index.all_iris()
    omitted = max_pages is not None and len(iris) > max_pages
    return {
        "overview": overview(index),
        "pages": {} if omitted else {iri: page(index, iri) for iri in iris},
        "search": None if omitted else search_table(index),
        "pagesOmitted": omitted,
        "nodeCount": len(iris),
    }


def page_config(title: str, *, out_dir: str | os.PathLike[str] | None = None, start: str | None = None) -> dict:
    """What the page's script needs besides the data: styles, limits, where to start."""
    return {"title": title, "styles": style_config(), "searchLimit": SEARCH_LIMIT,
            "outDir": str(out_dir) if out_dir is not None else None, "start": start}


def render_static(index: Index, *, title: str, max_pages: int | None = STATIC_MAX_PAGES,
                  out_dir: str | os.PathLike[str] | None = None, start: str | None = None) -> tuple[str, dict]:
    """The page as a string, and what it holds: {'nodes', 'pages'}."""
    from kg.explore.assets import render_shell

    data = static_data(index, max_pages=max_pages)
    html = render_shell(title=title, config=page_config(title, out_dir=out_dir, start=start), data=data)
    return html, {"nodes": data["nodeCount"], "pages": len(data["pages"])}


def write_static(index: Index, path: str | os.PathLike[str], *, title: str,
                 max_pages: int | None = STATIC_MAX_PAGES, out_dir: str | os.PathLike[str] | None = None,
                 start: str | None = None) -> dict:
    """Write the self-contained page atomically; returns {'nodes', 'pages'}."""
    html, counts = render_static(index, title=title, max_pages=max_pages,
                                 out_dir=out_dir if out_dir is not None else Path(path).parent, start=start)
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(html)
    return counts
