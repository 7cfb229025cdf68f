"""How node types and relations look and read in the explorer: Chinese names, colours, shapes, search rank."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class NodeStyle:
    name_zh: str
    shape: str  # a vis-network shape whose label sits below it
    color: str
    border: str
    size: int  # drawn size of a node of importance 0


@dataclass(frozen=True)
class EdgeStyle:
    name_zh: str
    color: str
    width: float
    dashes: bool | list[int]


NODE_STYLES: dict[str, NodeStyle] = {
    "Official": NodeStyle("官员", "dot", "#e15759", "#a32b2d", 10),
    "Meeting": NodeStyle("会议活动", "diamond", "#f28e2b", "#b35f12", 9),
    "Body": NodeStyle("机构", "square", "#4e79a7", "#2b4c70", 9),
    "Post": NodeStyle("职务", "triangle", "#b07aa1", "#7a4c6d", 8),
    "Slogan": NodeStyle("口号提法", "star", "#59a14f", "#356b2e", 10),
    "Document": NodeStyle("文件", "triangleDown", "#76b7b2", "#3f7d78", 9),
    "Article": NodeStyle("文章", "hexagon", "#bab0ac", "#7d7471", 8),
    "Reporter": NodeStyle("记者", "dot", "#9c755f", "#664a3a", 8),
}
FALLBACK_NODE_STYLE = NodeStyle("其他", "dot", "#cccccc", "#888888", 8)

EDGE_STYLES: dict[str, EdgeStyle] = {
    "chaired": EdgeStyle("主持", "#c0392b", 3.0, False),
    "attended": EdgeStyle("出席", "#5f6f81", 1.2, False),
    "referenced": EdgeStyle("提及", "#3d8b37", 1.5, [8, 5]),
    "holds": EdgeStyle("任职", "#8e5b83", 1.5, [2, 4]),
    "postIn": EdgeStyle("隶属", "#4e79a7", 1.0, [2, 4]),
    "organizedBy": EdgeStyle("主办", "#4e79a7", 1.5, [8, 5]),
    "reportedIn": EdgeStyle("报道于", "#b8b0ab", 0.8, False),
    "wrote": EdgeStyle("撰写", "#b8b0ab", 0.8, [2, 4]),
    "coattended": EdgeStyle("同场", "#8896a6", 1.0, False),
    "cooccurs": EdgeStyle("同场提及", "#7fb27a", 1.0, False),
}
FALLBACK_EDGE_STYLE = EdgeStyle("其他", "#aaaaaa", 1.0, False)

# Search shows people first, then what people belong to and say, then events and sources.
TYPE_RANK = {"Official": 0, "Body": 1, "Post": 2, "Slogan": 3, "Document": 4, "Meeting": 5, "Reporter": 6,
             "Article": 7}
OTHER_TYPE_RANK = 8

# Community colours of the overview (Tableau 10, then greys for the small communities).
COMMUNITY_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                    "#9c755f", "#bab0ac")
SMALL_COMMUNITY_COLOR = "#d0d0d0"

# Canvas labels need a CJK font on the viewer's machine; on Debian/Ubuntu: apt-get install fonts-wqy-microhei
CJK_FONT_FACE = ("'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
                 "sans-serif")


def style_config() -> dict:
    """The styles as plain JSON for the page's script."""
    return {
        "types": {name: asdict(style) for name, style in NODE_STYLES.items()},
        "fallbackType": asdict(FALLBACK_NODE_STYLE),
        "relations": {name: asdict(style) for name, style in EDGE_STYLES.items()},
        "fallbackRelation": asdict(FALLBACK_EDGE_STYLE),
        "typeRank": TYPE_RANK,
        "otherTypeRank": OTHER_TYPE_RANK,
        "communityColors": list(COMMUNITY_COLORS),
        "smallCommunityColor": SMALL_COMMUNITY_COLOR,
        "font": CJK_FONT_FACE,
    }
