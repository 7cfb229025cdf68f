"""The explorer's front end: the page shell, our script and style, and the two libraries it draws with.

vis-network 9.1.2 is the copy the ``pyvis`` package ships; Chart.js (MIT, ``static/vendor/``) is vendored because
no Python package ships it. Nothing is ever loaded from a network: ``graph.html`` inlines all of it (allowed by a
Content-Security-Policy that names each inline script by hash), ``kg serve`` serves it from ``/static/``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

STATIC = Path(__file__).parent / "static"
SHELL = "explorer.html"
SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$", re.MULTILINE)

# name served under /static/ -> (asset key, content type)
SERVED = {
    "explorer.js": ("app_js", "text/javascript; charset=utf-8"),
    "explorer.css": ("app_css", "text/css; charset=utf-8"),
    "vis-network.min.js": ("vis_js", "text/javascript; charset=utf-8"),
    "chart.umd.min.js": ("chart_js", "text/javascript; charset=utf-8"),
}
INLINE_SCRIPTS = ("vis_js", "chart_js", "app_js")


@cache
def assets() -> dict[str, str]:
    """Every asset by key, checked safe to inline (no '</script', '</style' or '<!--' inside)."""
    import pyvis

    vis = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    found = {
        "vis_js": vis.read_text(encoding="utf-8"),
        "chart_js": (STATIC / "vendor" / "chart.umd.min.js").read_text(encoding="utf-8"),
        "app_js": (STATIC / "explorer.js").read_text(encoding="utf-8"),
        "app_css": (STATIC / "explorer.css").read_text(encoding="utf-8"),
    }
    # a source map comment makes developer tools fetch a file that is not there
    found = {key: SOURCE_MAP.sub("", text) for key, text in found.items()}
    for key, text in found.items():
        closing = "</style" if key.endswith("css") else "</script"
        if closing in text.lower() or "<!--" in text:
            raise RuntimeError(f"{key} cannot be inlined: it contains {closing!r} or '<!--'")
    return found


@cache
def chart_version() -> str:
    match = re.search(r"Chart\.js v([0-9.]+)", assets()["chart_js"][:400])
    return match.group(1) if match else "4"


@cache
def etag(key: str) -> str:
    return '"' + hashlib.sha256(assets()[key].encode()).hexdigest()[:20] + '"'


def script_json(value: Any) -> str:
    """JSON safe inside a <script> block and in any response: no '<', '>' or '&' that could end or open markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def inline_policy(inline_scripts: Iterable[str]) -> str:
    """Nothing may load from anywhere; only the page's own inline scripts (by hash) may run."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in inline_scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


SERVED_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                 "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                 "frame-ancestors 'none'")


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(STATIC), autoescape=True,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.get_template(SHELL)


def render_shell(*, title: str, config: dict, data: Any = None) -> str:
    """The page. With ``data`` it is self-contained (every script and the data inlined); without, it loads
    its scripts from ``static/`` and its data from the server's ``/api``."""
    inline = data is not None
    found = assets()
    values: dict[str, Any] = {"title": title, "inline": inline, "config": Markup(script_json(config)),
                              "chart_version": chart_version()}
    if inline:
        values.update({key: Markup(found[key]) for key in (*INLINE_SCRIPTS, "app_css")})
        values["data"] = Markup(script_json(data))
        values["policy"] = inline_policy(found[key] for key in INLINE_SCRIPTS)
    return _template().render(**values)
