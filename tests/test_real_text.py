"""Real text: the blind gold of 新闻联播 items, byte-identical builds, one day's items joined into one text.

The corpus is read at run time from ../shared/corpora (never copied into the project); every test here skips when
it is absent. The gold files hold facts only (names, posts, dates, roles), keyed by record id.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "xwlb-2012-2019.jsonl.gz"
GOLD = ROOT / "tests" / "fixtures" / "real"
SCORER = ROOT / "tests" / "tools" / "real_gold.py"

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"real corpus not found at {CORPUS}")

# The scores each gold must keep, a little under today's. The first runs, before any rule was written for a gold, are in
# the README (officials F1 / participation F1: dev 0.636 / 0.465; held-out, after the dev rules, 0.874 / 0.733;
# fresh2 0.750 / 0.555; fresh3 0.813 / 0.588; fresh4 0.897 / 0.694; fresh5 0.934 / 0.695; fresh6 0.914 / 0.759;
# fresh7 0.872 / 0.687; fresh8 0.863 / 0.730; fresh9 0.774 / 0.548; fresh10 0.848 / 0.781; fresh11 0.890 / 0.750;
# fresh12 0.881 / 0.809; fresh13 0.958 / 0.855; fresh14 0.789 / 0.739; fresh15 0.956 / 0.802; fresh16 0.921 / 0.698;
# fresh17 0.902 / 0.718; fresh18 0.913 / 0.770; fresh19 0.944 / 0.853; fresh20 0.982 / 0.824; fresh21 0.976 / 0.811;
# fresh22 0.962 / 0.724; fresh23 0.933 / 0.934; fresh24 0.918 / 0.755; fresh25 0.906 / 0.936; fresh26 0.942 / 0.773;
# fresh27 0.971 / 0.868; fresh28 0.945 / 0.870; fresh29 0.913 / 0.798; fresh30 0.883 / 0.758; fresh31 0.898 / 0.894;
# fresh32 0.906 / 0.745; fresh33 0.883 / 0.675; fresh34 0.931 / 0.707; fresh35 0.957 / 0.802; fresh36 0.975 / 0.909;
# fresh37 0.966 / 0.796; fresh38 0.941 / 0.759; fresh39 0.922 / 0.667; fresh40 0.903 / 0.860; fresh41 0.900 / 0.849;
# fresh42 0.934 / 0.894; fresh43 0.940 / 0.786; fresh44 0.921 / 0.875; fresh45 0.949 / 0.863; fresh46 0.896 / 0.910;
# fresh47 0.881 / 0.822; fresh48 0.941 / 0.802; fresh49 0.887 / 0.868; fresh50 0.926 / 0.869; fresh51 0.939 / 0.744;
# fresh52 0.948 / 0.769; fresh53 0.892 / 0.863; fresh54 0.919 / 0.789; fresh55 0.903 / 0.849; fresh56 0.861 / 0.836;
# fresh57 0.911 / 0.837; fresh58 0.927 / 0.777; fresh59 0.957 / 0.913; fresh60 0.931 / 0.676; fresh61 0.992 / 0.785;
# fresh62 0.889 / 0.866; fresh63 0.854 / 0.841; fresh64 0.943 / 0.909; fresh65 0.965 / 0.904; fresh66 0.880 / 0.847;
# fresh67 0.381 / 0.803 (a 243-name 名单 nothing read yet); fresh68 0.986 / 0.798; fresh69 0.941 / 0.827; fresh70
# 0.973 / 0.915; fresh71 0.955 / 0.878; fresh72 0.974 / 0.916; fresh73 0.914 / 0.879; fresh74 0.939 / 0.930; fresh75
# 0.950 / 0.869; fresh76 0.941 / 0.773; fresh77 0.973 / 0.964; fresh78 0.993 / 0.917; fresh79 0.988 / 0.859; fresh80
# 0.936 / 0.879; fresh81 0.934 / 0.894; fresh82 0.914 / 0.682; fresh83 0.923 / 0.940; fresh84 0.900 / 0.717, each after
# the rules the golds before it taught; fresh85 0.929 / 0.960, after the fresh84 rules; fresh86 0.949 / 0.735;
# fresh87 0.915 / 0.747; fresh88 0.978 / 0.667; fresh89 0.835 / 0.765, on stop 30's end; fresh90 0.878 / 0.764,
# after the first of the fresh89 rules; fresh91 0.939 / 0.821 and fresh92 0.857 / 0.667, on stop 31's end; fresh93
# 0.961 / 0.897, after the fresh91-92 rules; fresh94 0.879 / 0.730 and fresh95 0.882 / 0.794, on stop 32's end;
# fresh96 0.827 / 0.791 and fresh97 0.862 / 0.667, after the fresh94-95 rules; fresh98 0.947 / 0.735 and fresh99
# 0.941 / 0.800, after the fresh94-97 rules; fresh100 0.711 / 0.535 (a communiqué's 45-name lists nothing read
# yet) and fresh101 0.963 / 0.830, on stop 33's end; fresh102 0.875 / 0.691 and fresh103 0.877 / 0.817, after the
# fresh100-101 rules; fresh104 0.901 / 0.882, on stop 34's end; fresh105 0.892 / 0.811,
# after the fresh104 rules; fresh106 0.351 / 0.648 (a 175-name election notice nothing read yet), after the fresh105
# rules; fresh107 0.966 / 0.909, on stop 35's end; fresh108 0.897 / 0.827, after the fresh107 rules; fresh109 0.867 /
# 0.640, after the fresh108 rules; fresh110 0.818 / 0.486, after the fresh109 rules: athletes and scientists at
# events, whom kg reads only with a post; fresh111 0.941 / 0.874 and fresh112 0.960 / 0.896, on stop 36's end;
# fresh113 0.979 / 0.945 and fresh114 0.945 / 0.925, after the fresh111-112 rules; fresh115 0.901 / 0.659 and fresh116
# 0.900 / 0.719, after the fresh113-114 rules; fresh117 0.982 / 0.821 and fresh118 0.958 / 0.606, after the
# fresh115-116 rules; fresh119 0.977 / 0.938 and fresh120 0.966 / 0.734, after the fresh117-118 rules).
# The floors keep every general rule in place.
# The not-attended links kg still makes, each a known limit (README): fresh43, five members put at the wrong one of
# two press conferences one sentence reports (全国人大、政协今天分别举行记者会); fresh63, a member the lead of two press
# conferences names with the first one's speaker (何立峰、厉以宁等五位全国政协委员回答了记者的提问); fresh44 and
# fresh53, a video address (视频致辞) the gold counts as a message; fresh50, three ministers put at the one plaque
# ceremony kg reads where the report gives each ministry's in one sentence (the gold has a second, shared one);
# fresh66, a spouse at the talks she joined only for the welcome and a host's companion at a discussion on his visit;
# fresh68, a speaker at an opening kg does not read as an event (成就展26日在国家博物馆开幕), put at the encounter held
# before it; fresh115, two guests of one leader's four encounters (分别会见…西迪贝和…达布，…海伦·克拉克，…赛·哈密德),
# which the scorer aligns to the gold's first encounter because its match words include the bare verb 会见; fresh120,
# a co-chair of a meeting a dated later paragraph reports (24日，…与沙特王储穆罕默德共同主持召开…), which kg does not
# read as an event of its own, put at the encounter the report opens with. Every other gold has none.
KNOWN_VIOLATIONS = {"xwlb_fresh43.yaml": 5, "xwlb_fresh44.yaml": 1, "xwlb_fresh50.yaml": 3,
                    "xwlb_fresh53.yaml": 1, "xwlb_fresh63.yaml": 1, "xwlb_fresh66.yaml": 2, "xwlb_fresh68.yaml": 1,
                    "xwlb_fresh115.yaml": 2, "xwlb_fresh120.yaml": 1}
MEASURES = ("officials_F1", "participation_F1", "chaired_F1", "meetings_F1", "posts_R", "slogans_R")
FLOORS = {  # gold: the floor of each measure, in the order of MEASURES
    "xwlb_dev.yaml": (0.97, 0.94, 0.91, 0.93, 0.92, 0.97),
    "xwlb_heldout.yaml": (0.94, 0.95, 0.99, 0.92, 0.86, 0.84),
    "xwlb_fresh2.yaml": (0.95, 0.84, 0.90, 0.86, 0.76, 0.99),
    "xwlb_fresh3.yaml": (0.98, 0.82, 0.95, 0.92, 0.83, 0.99),
    "xwlb_fresh4.yaml": (0.92, 0.77, 0.99, 0.78, 0.79, 0.87),
    "xwlb_fresh5.yaml": (0.94, 0.91, 0.94, 0.91, 0.79, 0.89),
    "xwlb_fresh6.yaml": (0.95, 0.90, 0.80, 0.90, 0.72, 0.96),
    "xwlb_fresh7.yaml": (0.96, 0.91, 0.87, 0.85, 0.91, 0.79),
    "xwlb_fresh8.yaml": (0.93, 0.84, 0.83, 0.80, 0.81, 0.89),
    "xwlb_fresh9.yaml": (0.91, 0.93, 0.91, 0.93, 0.73, 0.99),
    "xwlb_fresh10.yaml": (0.95, 0.93, 0.99, 0.93, 0.87, 0.96),
    "xwlb_fresh11.yaml": (0.95, 0.89, 0.59, 0.86, 0.78, 0.96),
    "xwlb_fresh12.yaml": (0.94, 0.91, 0.91, 0.93, 0.90, 0.86),
    "xwlb_fresh13.yaml": (0.96, 0.95, 0.93, 0.92, 0.86, 0.89),
    "xwlb_fresh14.yaml": (0.91, 0.89, 0.83, 0.90, 0.69, 0.81),
    "xwlb_fresh15.yaml": (0.96, 0.87, 0.99, 0.86, 0.83, 0.87),
    "xwlb_fresh16.yaml": (0.91, 0.91, 0.89, 0.87, 0.74, 0.81),
    "xwlb_fresh17.yaml": (0.90, 0.82, 0.89, 0.85, 0.89, 0.96),
    "xwlb_fresh18.yaml": (0.97, 0.92, 0.79, 0.94, 0.81, 0.87),
    "xwlb_fresh19.yaml": (0.93, 0.92, 0.94, 0.85, 0.82, 0.85),
    "xwlb_fresh20.yaml": (0.97, 0.91, 0.99, 0.93, 0.89, 0.99),
    "xwlb_fresh21.yaml": (0.97, 0.97, 0.87, 0.96, 0.87, 0.75),
    "xwlb_fresh22.yaml": (0.95, 0.86, 0.74, 0.85, 0.63, 0.94),
    "xwlb_fresh23.yaml": (0.93, 0.94, 0.94, 0.96, 0.88, 0.99),
    "xwlb_fresh24.yaml": (0.91, 0.84, 0.75, 0.84, 0.81, 0.95),
    "xwlb_fresh25.yaml": (0.94, 0.96, 0.83, 0.95, 0.81, 0.99),
    # (fresh26 chaired 0.759: 菲利普 now holds the farewell ceremony, which kg dates a day after the gold)
    "xwlb_fresh26.yaml": (0.94, 0.88, 0.75, 0.80, 0.89, 0.99),
    "xwlb_fresh27.yaml": (0.96, 0.90, 0.87, 0.90, 0.81, 0.99),
    "xwlb_fresh28.yaml": (0.94, 0.88, 0.87, 0.93, 0.87, 0.91),
    "xwlb_fresh29.yaml": (0.92, 0.89, 0.89, 0.86, 0.82, 0.68),
    "xwlb_fresh30.yaml": (0.92, 0.89, 0.87, 0.87, 0.66, 0.99),
    "xwlb_fresh31.yaml": (0.93, 0.95, 0.80, 0.95, 0.86, 0.99),
    "xwlb_fresh32.yaml": (0.92, 0.82, 0.68, 0.79, 0.89, 0.99),
    "xwlb_fresh33.yaml": (0.89, 0.66, 0.75, 0.76, 0.87, 0.94),
    "xwlb_fresh34.yaml": (0.93, 0.88, 0.75, 0.81, 0.88, 0.82),
    "xwlb_fresh35.yaml": (0.94, 0.87, 0.94, 0.80, 0.78, 0.88),
    "xwlb_fresh36.yaml": (0.97, 0.92, 0.86, 0.90, 0.87, 0.99),
    "xwlb_fresh37.yaml": (0.97, 0.93, 0.89, 0.99, 0.87, 0.99),
    "xwlb_fresh38.yaml": (0.93, 0.83, 0.80, 0.86, 0.82, 0.69),
    "xwlb_fresh39.yaml": (0.92, 0.73, 0.93, 0.80, 0.75, 0.99),
    "xwlb_fresh40.yaml": (0.89, 0.90, 0.90, 0.92, 0.86, 0.99),
    "xwlb_fresh41.yaml": (0.90, 0.90, 0.89, 0.91, 0.75, 0.91),
    "xwlb_fresh42.yaml": (0.92, 0.92, 0.93, 0.88, 0.81, 0.83),
    "xwlb_fresh43.yaml": (0.94, 0.88, 0.91, 0.89, 0.80, 0.93),
    "xwlb_fresh44.yaml": (0.92, 0.90, 0.65, 0.89, 0.77, 0.87),
    "xwlb_fresh45.yaml": (0.93, 0.87, 0.89, 0.83, 0.91, 0.84),
    "xwlb_fresh46.yaml": (0.95, 0.92, 0.89, 0.87, 0.86, 0.99),
    "xwlb_fresh47.yaml": (0.90, 0.89, 0.91, 0.90, 0.92, 0.99),
    "xwlb_fresh48.yaml": (0.95, 0.84, 0.89, 0.86, 0.75, 0.86),
    "xwlb_fresh49.yaml": (0.89, 0.89, 0.83, 0.90, 0.75, 0.93),
    "xwlb_fresh50.yaml": (0.93, 0.87, 0.83, 0.92, 0.78, 0.99),
    "xwlb_fresh51.yaml": (0.95, 0.82, 0.69, 0.85, 0.89, 0.95),
    "xwlb_fresh52.yaml": (0.93, 0.80, 0.94, 0.80, 0.83, 0.96),
    "xwlb_fresh53.yaml": (0.89, 0.89, 0.84, 0.92, 0.80, 0.92),
    "xwlb_fresh54.yaml": (0.91, 0.87, 0.87, 0.87, 0.73, 0.99),
    "xwlb_fresh55.yaml": (0.93, 0.88, 0.83, 0.90, 0.84, 0.96),
    "xwlb_fresh56.yaml": (0.88, 0.85, 0.99, 0.83, 0.78, 0.94),
    "xwlb_fresh57.yaml": (0.94, 0.83, 0.93, 0.87, 0.80, 0.99),
    "xwlb_fresh58.yaml": (0.93, 0.77, 0.83, 0.72, 0.61, 0.74),
    "xwlb_fresh59.yaml": (0.94, 0.95, 0.86, 0.97, 0.79, 0.99),
    "xwlb_fresh60.yaml": (0.93, 0.82, 0.99, 0.90, 0.85, 0.91),
    "xwlb_fresh61.yaml": (0.98, 0.95, 0.74, 0.96, 0.90, 0.99),
    "xwlb_fresh62.yaml": (0.89, 0.86, 0.75, 0.92, 0.80, 0.99),
    "xwlb_fresh63.yaml": (0.91, 0.88, 0.99, 0.95, 0.76, 0.89),
    "xwlb_fresh64.yaml": (0.94, 0.92, 0.99, 0.88, 0.87, 0.77),
    # (fresh65 meetings 0.86: kg reads 在随后举行的新闻发布会上，某某表示 as a press conference he attended; its
    # gold has none)
    "xwlb_fresh65.yaml": (0.95, 0.89, 0.75, 0.86, 0.81, 0.99),
    "xwlb_fresh66.yaml": (0.89, 0.86, 0.86, 0.90, 0.85, 0.95),
    "xwlb_fresh67.yaml": (0.98, 0.87, 0.76, 0.89, 0.95, 0.92),
    "xwlb_fresh68.yaml": (0.97, 0.86, 0.79, 0.89, 0.79, 0.94),
    "xwlb_fresh69.yaml": (0.94, 0.83, 0.84, 0.86, 0.72, 0.64),
    "xwlb_fresh70.yaml": (0.97, 0.91, 0.92, 0.91, 0.90, 0.99),
    "xwlb_fresh71.yaml": (0.94, 0.89, 0.84, 0.90, 0.83, 0.91),
    "xwlb_fresh72.yaml": (0.96, 0.91, 0.71, 0.92, 0.93, 0.95),
    # (fresh73 chaired 0.889: kg reads 罗德里格斯…举行隆重仪式欢迎习近平 as his ceremony; the gold has none)
    "xwlb_fresh73.yaml": (0.91, 0.86, 0.88, 0.95, 0.90, 0.96),
    "xwlb_fresh74.yaml": (0.94, 0.95, 0.99, 0.93, 0.65, 0.96),
    "xwlb_fresh75.yaml": (0.94, 0.87, 0.81, 0.89, 0.86, 0.99),
    "xwlb_fresh76.yaml": (0.96, 0.89, 0.83, 0.86, 0.93, 0.79),
    "xwlb_fresh77.yaml": (0.96, 0.96, 0.99, 0.95, 0.86, 0.99),
    "xwlb_fresh78.yaml": (0.98, 0.91, 0.94, 0.91, 0.92, 0.99),
    "xwlb_fresh79.yaml": (0.98, 0.86, 0.83, 0.91, 0.88, 0.99),
    "xwlb_fresh80.yaml": (0.96, 0.87, 0.71, 0.92, 0.80, 0.99),
    "xwlb_fresh81.yaml": (0.93, 0.94, 0.99, 0.97, 0.82, 0.99),
    "xwlb_fresh82.yaml": (0.92, 0.76, 0.99, 0.83, 0.87, 0.91),
    "xwlb_fresh83.yaml": (0.91, 0.93, 0.92, 0.93, 0.80, 0.99),
    "xwlb_fresh84.yaml": (0.90, 0.76, 0.65, 0.71, 0.77, 0.62),
    "xwlb_fresh85.yaml": (0.93, 0.94, 0.87, 0.89, 0.53, 0.91),
    "xwlb_fresh86.yaml": (0.94, 0.83, 0.98, 0.66, 0.87, 0.67),
    "xwlb_fresh87.yaml": (0.92, 0.78, 0.78, 0.84, 0.87, 0.98),
    "xwlb_fresh88.yaml": (0.97, 0.73, 0.98, 0.76, 0.70, 0.37),
    "xwlb_fresh89.yaml": (0.95, 0.81, 0.66, 0.70, 0.67, 0.88),
    "xwlb_fresh90.yaml": (0.87, 0.80, 0.99, 0.70, 0.83, 0.72),
    "xwlb_fresh91.yaml": (0.93, 0.84, 0.00, 0.79, 0.82, 0.99),  # (no one chairs in its gold)
    "xwlb_fresh92.yaml": (0.90, 0.74, 0.99, 0.82, 0.77, 0.89),
    "xwlb_fresh93.yaml": (0.96, 0.92, 0.40, 0.88, 0.75, 0.99),
    # (fresh94 posts 0.83: its gold keeps 新任 in 联合国新任秘书长, which kg reads as 联合国秘书长, held now)
    "xwlb_fresh94.yaml": (0.87, 0.74, 0.66, 0.64, 0.83, 0.49),
    "xwlb_fresh95.yaml": (0.94, 0.85, 0.99, 0.78, 0.83, 0.83),
    "xwlb_fresh96.yaml": (0.85, 0.81, 0.79, 0.84, 0.67, 0.49),
    # (fresh97 officials 0.93: a bride, 女儿阿瓦尼莎汗, now read whole since 汗 spells foreign names, is a person but no
    # official, and kg types every person it reads as one)
    "xwlb_fresh97.yaml": (0.93, 0.76, 0.99, 0.71, 0.80, 0.45),
    "xwlb_fresh98.yaml": (0.94, 0.90, 0.99, 0.64, 0.75, 0.49),
    "xwlb_fresh99.yaml": (0.94, 0.79, 0.88, 0.64, 0.77, 0.99),
    "xwlb_fresh100.yaml": (0.96, 0.56, 0.74, 0.77, 0.90, 0.99),
    "xwlb_fresh101.yaml": (0.96, 0.91, 0.85, 0.79, 0.83, 0.73),
    "xwlb_fresh102.yaml": (0.88, 0.77, 0.66, 0.79, 0.75, 0.93),
    "xwlb_fresh103.yaml": (0.90, 0.83, 0.99, 0.84, 0.88, 0.66),
    "xwlb_fresh104.yaml": (0.92, 0.93, 0.00, 0.78, 0.80, 0.74),  # (no one chairs in its gold: led only)
    "xwlb_fresh105.yaml": (0.90, 0.95, 0.99, 0.86, 0.88, 0.99),
    "xwlb_fresh106.yaml": (0.96, 0.64, 0.66, 0.73, 0.87, 0.82),
    "xwlb_fresh107.yaml": (0.98, 0.92, 0.99, 0.84, 0.94, 0.72),
    "xwlb_fresh108.yaml": (0.91, 0.88, 0.99, 0.87, 0.76, 0.99),
    "xwlb_fresh109.yaml": (0.92, 0.66, 0.57, 0.74, 0.78, 0.91),
    "xwlb_fresh110.yaml": (0.81, 0.56, 0.99, 0.57, 0.83, 0.42),
    "xwlb_fresh111.yaml": (0.94, 0.93, 0.90, 0.79, 0.86, 0.91),
    "xwlb_fresh112.yaml": (0.98, 0.95, 0.99, 0.89, 0.92, 0.99),
    "xwlb_fresh113.yaml": (0.97, 0.95, 0.99, 0.82, 0.87, 0.62),
    "xwlb_fresh114.yaml": (0.98, 0.96, 0.99, 0.75, 0.78, 0.62),
    "xwlb_fresh115.yaml": (0.90, 0.76, 0.99, 0.71, 0.69, 0.74),
    "xwlb_fresh116.yaml": (0.93, 0.71, 0.72, 0.61, 0.78, 0.92),
    "xwlb_fresh117.yaml": (0.98, 0.85, 0.70, 0.79, 0.94, 0.99),
    "xwlb_fresh118.yaml": (0.98, 0.62, 0.99, 0.66, 0.79, 0.77),
    "xwlb_fresh119.yaml": (0.97, 0.93, 0.99, 0.87, 0.89, 0.49),
    "xwlb_fresh120.yaml": (0.96, 0.84, 0.66, 0.66, 0.94, 0.76),
}


def records(keep) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        return [record for line in handle if keep(record := json.loads(line))]


def score(gold: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(SCORER), str(gold), "--json"], capture_output=True, text=True,
                          check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("gold", list(FLOORS))
def test_blind_gold_of_real_items(gold: str) -> None:
    floor = dict(zip(MEASURES, FLOORS[gold], strict=True))
    result = score(GOLD / gold)
    low = {k: round(result[k], 3) for k, v in floor.items() if result[k] < v}
    assert not low, f"{gold}: below the floor {floor}: {low}"
    assert result["violations"] <= KNOWN_VIOLATIONS.get(gold, 0) and result["reporters_as_officials"] == 0


def build_twice(tmp_path: Path, items: list[dict]) -> tuple[Path, Path]:
    """The same input built into the same directory under two hash seeds, with one process and with two."""
    source = tmp_path / "items.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), encoding="utf-8")
    out = tmp_path / "out"
    kept = []
    for seed, jobs in (("1", "1"), ("2", "2")):
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(source), "-o", str(out), "--jobs", jobs],
                       check=True, capture_output=True, cwd=ROOT,
                       env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)})
        kept.append(out.rename(tmp_path / f"built-{seed}"))
    return kept[0], kept[1]


def test_real_build_is_byte_identical_across_hash_seeds_and_jobs(tmp_path: Path) -> None:
    items = records(lambda r: r["id"].endswith(("-03", "-07")) and r["date"] < "2014-01-01")[:400]
    first, second = build_twice(tmp_path, items)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file() and ".cache" not in p.parts)
    assert Path("graph.ttl") in files and Path("report.md") in files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), f"{name} differs"


def test_one_day_joined_into_one_text_is_one_article_per_item(tmp_path: Path) -> None:
    """A page of items, each a headline line and a body opening with 央视网消息（新闻联播）：, splits into its items."""
    day = records(lambda r: r["date"] == "2016-05-12")
    page = tmp_path / "xwlb_2016-05-12.txt"
    page.write_text("\n\n".join(f"{r['title']}\n{r['text']}" for r in day), encoding="utf-8")
    result = kg.build([page])
    headlines = {"".join(d["headline"].split()) for _, d in result.graph.nodes(data=True) if d["type"] == "Article"}
    assert len(headlines) == len(day)
    assert headlines == {"".join(r["title"].split()) for r in day}


def test_national_leaders_are_one_node_each_in_a_year_of_news(tmp_path: Path) -> None:
    year = tmp_path / "2014.jsonl"
    items = records(lambda r: r["date"][:4] == "2014")
    year.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), encoding="utf-8")
    graph = kg.build([year], jobs=2).graph
    officials: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if data["type"] == "Official":
            officials.setdefault(data["label"], []).append(node)
    for leader in ("习近平", "李克强", "张德江", "俞正声", "刘云山", "王岐山", "张高丽", "汪洋", "马凯"):
        assert len(officials.get(leader, [])) == 1, f"{leader}: {len(officials.get(leader, []))} nodes"
    # one character apart, both frequent: two people, never merged
    assert "李强" not in (graph.nodes[officials["李克强"][0]].get("aliases") or [])


def test_a_real_slice_builds_the_same_graph_on_a_dask_local_cluster(tmp_path: Path) -> None:
    """Extraction on a Dask LocalCluster (two single-threaded worker processes) gives the graph the local pool gives,
    on 300 real items of 2015: same nodes, same edges, same attributes."""
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    items = records(lambda r: r["date"][:4] == "2015" and r["id"].endswith(("-02", "-05")))[:300]
    corpus = tmp_path / "slice.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), encoding="utf-8")
    local = kg.build([corpus], jobs=2).graph
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        on_dask = kg.build([corpus], engine="dask", scheduler=cluster.scheduler_address).graph
    assert local.number_of_nodes() > 1000
    assert sorted(local.nodes(data=True)) == sorted(on_dask.nodes(data=True))
    assert sorted(local.edges(keys=True, data=True), key=repr) == sorted(on_dask.edges(keys=True, data=True), key=repr)
