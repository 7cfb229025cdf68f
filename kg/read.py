"""Stage 1, read: turn paths (files or directories) into SourceText units or InputProblems.

Every problem with an input is reported as an ``InputProblem`` that names the file (and line or
record) and says what is wrong, and reading goes on with the rest. ``fatal=True`` means the file or
record was skipped; ``fatal=False`` is a note about something that was read anyway (decoded as
GB18030, HTML tags stripped, converted from traditional characters, no publication date, …).

Reading streams: a JSONL file is read one line at a time, never loaded whole.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from kg.model import InputProblem, SourceText
from kg.normalise import roster_line

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
HTML_SUFFIXES = {".html", ".htm"}  # read when named explicitly, skipped inside directories
DIRECTORY_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES

MAX_TEXT_BYTES = 256 * 1024 * 1024  # one .txt / .json file; a newspaper issue is a few hundred KB
MAX_RECORD_BYTES = 32 * 1024 * 1024  # one JSONL line
LONG_LINE_CHARS = 50_000  # a wrapped paragraph is a few thousand characters at most

NO_DATE = "no publication date"
TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("date", "pub_date", "published", "publish_date")

_FILENAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_TEXT_DATE = re.compile(r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])(?![”’」』）)\"'])|(?<=[。！？!?][”’」』）)\"'])")
_ENDS_SENTENCE = re.compile(r"[。！？!?…；;.”’」』）)》\"'】\]]\s*$")
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|td|tr|table|li|ul|img|script|style|meta|h[1-6]|font|b|strong)\b[^>]*>",
                       re.IGNORECASE)

# The 600 commonest characters of modern Chinese (character frequencies of jieba's word list), the
# traditional forms of those that have one, and Chinese punctuation. Text decoded with the right codec
# is mostly made of these; the same bytes decoded with a wrong one give rare characters.
COMMON_HAN = (
    "的一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方"
    "用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当"
    "两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由"
    "位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金"
    "先声提品设或义王社很统处四首共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术"
    "府才保交放管结师便走达族反再题色五京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花"
    "类何眼兵传带空干农边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调"
    "感转笑革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办"
    "像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居"
    "除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试"
    "星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
)
COMMON_TRADITIONAL = (
    "並亞佔來個們備傳價兒內兩別則創動務勢區卻參員問喫單嚴國圖團報場學宮實寶將專對導屬師帶幹幾廣張強後從復愛應戰採擊據數"
    "斷於時書會東條業極構樂標樣機權歷氣決沒況準滿漢濟無熱營爭爲爾現環產當發確種稱積節紀約紅級組結給統經維網線編縣總織羅"
    "羣義聯聲職聽臺與興舉華萬藥處號衆術裏裝見規視親覺觀計記設許試話該認語說調請論證識議護變讓責費資質車軍較輕轉辦農這連"
    "進遊運過達遠選還邊鄉鐵長門開間關陽隊際隨雖雙離難電響項領頭題類顯風飛餘馬體鬥魚麼黃點黨龍"
)
COMMON_PUNCTUATION = "，。、；：？！“”‘’（）《》【】—…·「」『』"
_COMMON = frozenset(COMMON_HAN + COMMON_TRADITIONAL + COMMON_PUNCTUATION)  # a set: far faster than a regex
_TRADITIONAL = frozenset(COMMON_TRADITIONAL)
_ANY_TRADITIONAL = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")  # 8x faster than set.isdisjoint(text)
SCORE_SAMPLE_CHARS = 65_536  # enough text to tell encodings apart; keeps big files quick

MIN_PLAUSIBILITY = 0.3  # share of common characters below which a decoding is judged wrong
TRADITIONAL_SHARE = 0.04  # simplified news has ~0 of these; traditional news has 15-25 %

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
)

_BOMS = (  # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
    (b"\xef\xbb\xbf", "utf-8", "UTF-8 with BOM"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


_KNOWN_CODECS = {"gb18030": "GB18030", "gbk": "GB18030", "gb2312": "GB18030", "big5": "Big5", "cp950": "Big5",
                 "big5hkscs": "Big5-HKSCS"}  # charset-normalizer's names for the codecs we name ourselves


class NotText(ValueError):
    """The bytes are not text in any encoding we read (binary, or no plausible decoding)."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and how: the reader turns this into notes for the user."""

    text: str
    encoding: str  # UTF-8, UTF-8 with BOM, UTF-16, GB18030, Big5, or charset-normalizer's name
    replaced: int = 0  # byte sequences that could not be decoded and became U+FFFD
    first_bad_line: int | None = None
    guessed: bool = False  # charset-normalizer's guess: worth checking by eye


# ---------------------------------------------------------------------------------------------- walking


def iter_sources(paths: Iterable[str | os.PathLike[str]], *,
                 date_given: bool = False) -> Iterator[SourceText | InputProblem]:
    """Every readable unit under ``paths``, and a problem for everything that could not be read.

    Directories are walked in sorted order; hidden directories, symbolic links to directories and
    files that are not .txt/.jsonl/.json are skipped with a note. A file named twice is read once.
    ``date_given``: the caller has a publication date for undated texts (``--date``), so texts without
    one are not worth a note.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen, date_given)
        elif path.is_file():
            yield from _read_once(path, seen, date_given)
        elif path.exists():
            yield InputProblem(str(path), "not a regular file (device, socket or pipe)")
        else:
            yield InputProblem(str(path), "no such file or directory")


def _walk(folder: Path, seen: set[Path], date_given: bool) -> Iterator[SourceText | InputProblem]:
    """Entries of ``folder`` in sorted order, descending into subdirectories where they sort."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputProblem(str(folder), f"cannot list directory: {exc.strerror or exc}")
        return
    for entry in entries:
        child = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            if entry.name.startswith("."):
                yield InputProblem(str(child), "skipped: hidden directory", fatal=False)
            else:
                yield from _walk(child, seen, date_given)
        elif entry.is_symlink() and entry.is_dir():
            yield InputProblem(str(child), "skipped: symbolic link to a directory", fatal=False)
        elif child.suffix.lower() not in DIRECTORY_SUFFIXES:
            yield InputProblem(str(child), _unrelated_reason(child), fatal=False)
        elif not entry.is_file():
            yield InputProblem(str(child), "not a regular file (broken link, device, socket or pipe)")
        else:
            yield from _read_once(child, seen, date_given)


def _unrelated_reason(path: Path) -> str:
    if path.suffix.lower() in HTML_SUFFIXES:
        return "skipped: HTML file inside a directory (name it on the command line to read it)"
    kind = path.suffix.lower() or "no suffix"
    return f"skipped: not a .txt, .jsonl or .json file ({kind})"


def _read_once(path: Path, seen: set[Path], date_given: bool) -> Iterator[SourceText | InputProblem]:
    key = path.resolve()
    if key in seen:
        yield InputProblem(str(path), "skipped: already read (named twice)", fatal=False)
        return
    seen.add(key)
    yield from read_file(path, date_given=date_given)


def read_file(path: str | os.PathLike[str], *, date_given: bool = False) -> Iterator[SourceText | InputProblem]:
    """Read one file by its suffix: JSONL/NDJSON, JSON, or anything else as text (HTML stripped)."""
    path = Path(path)
    units = _read_by_suffix(path)
    if date_given:
        units = (unit for unit in units if not _is_no_date_note(unit))
    yield from units


def _is_no_date_note(unit: SourceText | InputProblem) -> bool:
    return isinstance(unit, InputProblem) and not unit.fatal and NO_DATE in unit.problem


def _read_by_suffix(path: Path) -> Iterator[SourceText | InputProblem]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _read_jsonl(str(path), handle)
            return
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            yield InputProblem(str(path), f"too large: {size:,} bytes (the limit for one text or JSON file is "
                               f"{MAX_TEXT_BYTES:,}); split it or convert it to JSONL")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(str(path), raw)
    else:
        yield from _read_text_file(path, raw)


# ------------------------------------------------------------------------------------------ plain text


def _read_text_file(path: Path, raw: bytes) -> Iterator[SourceText | InputProblem]:
    name = str(path)
    if not raw.strip():
        yield InputProblem(name, "empty file" if not raw else "empty file (only whitespace)")
        return
    try:
        decoded = decode_text(raw)
    except NotText as exc:
        yield InputProblem(name, str(exc))
        return
    if not decoded.text.strip():
        yield InputProblem(name, "empty file (only whitespace)")
        return
    yield from _decoding_notes(name, decoded)
    cleaned = clean_text(decoded.text, traditional=decoded.encoding.startswith("Big5"))
    yield from (InputProblem(name, note, line=line, fatal=False) for line, note in cleaned.notes)
    if not cleaned.text.strip():
        yield InputProblem(name, "no text left after " + ("stripping HTML tags" if cleaned.html else "cleaning"))
        return
    file_date = date_from_filename(path.name)
    yield from (InputProblem(name, note, line=line, fatal=False) for line, note in _content_notes(cleaned.text))
    if file_date is None and not _TEXT_DATE.search(cleaned.text[:3000]):
        yield InputProblem(name, f"{NO_DATE}: none in the file name or the first lines "
                           "(name the file like 2026-01-02.txt or pass --date)", fatal=False)
    yield SourceText(path=name, text=cleaned.text, date=file_date, title=cleaned.title)


def _decoding_notes(name: str, decoded: Decoded, line: int | None = None) -> Iterator[InputProblem]:
    if decoded.encoding not in ("UTF-8", "UTF-8 with BOM"):
        how = "guessed by charset-normalizer; check the text" if decoded.guessed else "not UTF-8"
        yield InputProblem(name, f"decoded as {decoded.encoding} ({how})", line=line, fatal=False)
    if decoded.replaced:
        yield InputProblem(name, f"{decoded.replaced} undecodable byte sequence(s) replaced with U+FFFD",
                           line=line if line is not None else decoded.first_bad_line, fatal=False)


def _content_notes(text: str) -> Iterator[tuple[int | None, str]]:
    """Notes about what a text looks like: for now, whether it stops mid-sentence."""
    body = text.rstrip()
    last = body[body.rfind("\n") + 1:].strip()
    if last and not _ENDS_SENTENCE.search(last) and _HAN.search(last) and roster_line(last) is None:
        # (丁学东 丁薛祥 …: a list of names laid out with spaces ends a 名单 whole)
        yield body.count("\n") + 1, f"text ends mid-sentence (…{last[-20:]}): the article may be cut off"


# ------------------------------------------------------------------------------------------- decoding


def decode(raw: bytes) -> str | None:
    """The text in ``raw``, or None when it is binary or in no encoding we can tell."""
    try:
        return decode_text(raw).text
    except NotText:
        return None


def decode_text(raw: bytes) -> Decoded:
    """Decode bytes of Chinese text, telling UTF-8, GB18030 (GBK, GB2312) and Big5 apart.

    Strict UTF-8 first (it almost never decodes anything else by accident). Otherwise every candidate
    is scored by the share of common Chinese characters it produces: GB18030 decodes nearly any bytes,
    and Big5 text often decodes as GB18030 too, but into rare characters. UTF-8 with a few bad bytes
    competes as well, so a corrupted UTF-8 file keeps its text. charset-normalizer is the last resort.
    Raises NotText for binary data and for bytes no candidate decodes plausibly.
    """
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return _decode_lenient(raw[len(bom):], codec, label)
    kind = binary_kind(raw)
    if kind == "contains NUL bytes":
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            return utf16
    if kind:
        raise NotText(f"binary file ({kind}), not text")
    try:
        decoded = Decoded(raw.decode("utf-8"), "UTF-8")
        if _no_chinese_but_foreign(decoded.text):
            # a few GB18030 bytes can be valid UTF-8 by chance (\xcd\xb6 is Ͷ, 投 in GB18030): when UTF-8 yields
            # no Chinese at all, a plausible Chinese decoding wins
            guess = _plausible_chinese(raw)
            decoded = guess or decoded
    except UnicodeDecodeError:
        decoded = _best_guess(raw)
    if _control_share(decoded.text) > 0.01:
        raise NotText("binary file (many control characters), not text")
    return decoded


def binary_kind(raw: bytes) -> str | None:
    """What binary thing ``raw`` is ("a PNG image", "contains NUL bytes"), or None if it may be text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    if b"\x00" in raw[:1_000_000]:
        return "contains NUL bytes"
    return None


def _utf16_without_bom(raw: bytes) -> Decoded | None:
    """UTF-16 saved without a byte-order mark: NULs (high bytes of ASCII) mostly on one side of each pair."""
    if len(raw) % 2:
        return None
    nuls_even, nuls_odd = raw[0::2].count(0), raw[1::2].count(0)
    if min(nuls_even, nuls_odd) * 4 > max(nuls_even, nuls_odd):  # CJK like U+4E00 adds a few on the other side
        return None
    try:
        decoded = Decoded(raw.decode("utf-16-le" if nuls_odd else "utf-16-be"), "UTF-16 without BOM")
    except UnicodeDecodeError:
        return None
    if plausibility(decoded) < MIN_PLAUSIBILITY or _control_share(decoded.text) > 0.01:
        return None
    return decoded


def _decode_lenient(raw: bytes, codec: str, label: str) -> Decoded:
    try:
        return Decoded(raw.decode(codec), label)
    except UnicodeDecodeError as exc:
        text = raw.decode(codec, errors="replace")
        replaced = text.count("\ufffd") - raw.decode(codec, errors="ignore").count("\ufffd")
        return Decoded(text, label, replaced=replaced, first_bad_line=raw.count(b"\n", 0, exc.start) + 1)


def _no_chinese_but_foreign(text: str) -> bool:
    """Non-ASCII characters, none of them Chinese (nor common punctuation)."""
    sample = text[:SCORE_SAMPLE_CHARS]
    return bool(_NON_ASCII.search(sample)) and not _HAN.search(sample)


def _plausible_chinese(raw: bytes) -> Decoded | None:
    for codec, label in (("gb18030", "GB18030"), ("cp950", "Big5")):
        try:
            candidate = Decoded(raw.decode(codec), label)
        except UnicodeDecodeError:
            continue
        if _HAN.search(candidate.text) and plausibility(candidate) >= MIN_PLAUSIBILITY:
            return candidate
    return None


def _best_guess(raw: bytes) -> Decoded:
    candidates = [_decode_lenient(raw, "utf-8", "UTF-8")]
    for codec, label in (("gb18030", "GB18030"), ("cp950", "Big5"), ("big5hkscs", "Big5-HKSCS")):
        try:
            candidates.append(Decoded(raw.decode(codec), label))
        except UnicodeDecodeError:
            continue
    scored = [(plausibility(candidate), candidate) for candidate in candidates]
    best_score, best = max(scored, key=lambda pair: pair[0])
    runner_up = max((score for score, candidate in scored if candidate is not best), default=0.0)
    if best_score >= MIN_PLAUSIBILITY or (best_score > 0 and runner_up <= 0):
        return best  # (a short excerpt, 投稿邮箱: one common character, and no other decoding has any)
    guessed = _charset_normalizer_guess(raw)
    if guessed is not None:
        return guessed
    utf8 = candidates[0]
    raise NotText(f"undecodable: not UTF-8, GB18030 or Big5 text ({utf8.replaced} invalid UTF-8 byte(s), "
                  f"first on line {utf8.first_bad_line})")


def plausibility(decoded: Decoded) -> float:
    """Share of the non-ASCII characters that are common Chinese ones, less a penalty per bad byte
    (judged on the first SCORE_SAMPLE_CHARS characters)."""
    text = decoded.text[:SCORE_SAMPLE_CHARS]
    replaced = text.count("\ufffd") if len(decoded.text) > len(text) else decoded.replaced
    non_ascii = len(_NON_ASCII.findall(text))
    if not non_ascii:
        return 0.0 if replaced else 1.0
    return (_count_in(_COMMON, text) - 4 * replaced) / non_ascii


def _count_in(members: frozenset[str], text: str) -> int:
    return sum(map(members.__contains__, text))


def _charset_normalizer_guess(raw: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    match = from_bytes(raw).best()
    if match is None or match.encoding in ("utf_8", "ascii"):
        return None
    known = _KNOWN_CODECS.get(match.encoding)
    return Decoded(str(match), known or match.encoding, guessed=known is None)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(1, len(text))


# -------------------------------------------------------------------------------------------- cleaning


@dataclass(frozen=True)
class Cleaned:
    """Text made safe for the extractor, with notes ``(line or None, message)`` on what was changed."""

    text: str
    notes: tuple[tuple[int | None, str], ...] = ()
    title: str | None = None  # an HTML page's <title>
    html: bool = False


def clean_text(text: str, traditional: bool = False) -> Cleaned:
    """Line ends unified, control characters and lone surrogates dropped, HTML stripped, traditional
    characters converted to simplified (always when ``traditional``, e.g. decoded from Big5), over-long
    lines split at sentence ends."""
    notes: list[tuple[int | None, str]] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    surrogates = len(_LONE_SURROGATE.findall(text)) if _LONE_SURROGATE.search(text) else 0
    if surrogates:
        text = _LONE_SURROGATE.sub("\ufffd", text)
        notes.append((None, f"{surrogates} lone surrogate code point(s) replaced with U+FFFD"))
    controls = len(_CONTROL.findall(text)) if _CONTROL.search(text) else 0
    if controls:
        text = _CONTROL.sub("", text)
        notes.append((None, f"{controls} control character(s) removed"))
    title = None
    html = looks_like_html(text)
    if html:
        text, title = strip_html(text)
        notes.append((None, "HTML page: tags stripped, text kept"))
    text, converted = to_simplified(text, force=traditional)
    if converted is not None:
        notes.append((None, converted))
    text, split_notes = split_long_lines(text)
    notes.extend(split_notes)
    return Cleaned(text, tuple(notes), title, html)


def looks_like_html(text: str) -> bool:
    """An HTML page (saved as .txt, or a scraped record): starts like one or is full of tags."""
    return bool(_HTML_START.match(text[:4096])) or len(_HTML_TAG.findall(text[:200_000])) >= 5


class _HTMLText(HTMLParser):
    """Collects the visible text of a page: blocks become lines; script, style and head are dropped."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                        "article", "header", "footer", "blockquote", "pre", "dd", "dt", "hr", "ul", "ol", "td"})
    HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.hidden = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def strip_html(page: str) -> tuple[str, str | None]:
    """Visible text of an HTML page, one block a line, and its <title> (None if it has none)."""
    parser = _HTMLText()
    parser.feed(page)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join("".join(parser.title_parts).split()) or None
    return text, title


@lru_cache(maxsize=1)
def _t2s_converter() -> Any:
    """OpenCC's traditional-to-simplified converter, or None when the opencc package is missing."""
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("t2s")


def traditional_share(text: str) -> float:
    """Share of Chinese characters written in a traditional-only form (0 for simplified text)."""
    return _count_in(_TRADITIONAL, text) / max(1, len(_HAN.findall(text)))


def to_simplified(text: str, force: bool = False) -> tuple[str, str | None]:
    """Convert text written in traditional characters to simplified, so simplified lexicons match.

    Only text that is mostly traditional is converted: converting simplified text would rewrite the
    few characters that are both (a surname 於, 乾 in 乾隆). Returns the text and a note, or None.
    """
    if not force and _ANY_TRADITIONAL.search(text) is None:  # the common case, decided without counting
        return text, None
    mostly_traditional = traditional_share(text) >= TRADITIONAL_SHARE and _count_in(_TRADITIONAL, text) >= 3
    if not (force or mostly_traditional):
        return text, None
    converter = _t2s_converter()
    if converter is None:
        return text, "text is in traditional characters but opencc is not installed: not converted, " \
                     "names and posts may be missed (pip install opencc)"
    simplified = converter.convert(text)
    changed = sum(a != b for a, b in zip(text, simplified, strict=False))
    return simplified, f"converted from traditional to simplified characters ({changed:,} changed)"


def split_long_lines(text: str, limit: int = LONG_LINE_CHARS) -> tuple[str, list[tuple[int | None, str]]]:
    """Break lines longer than ``limit`` after each sentence end (or every ``limit`` characters when a
    line has none), so the extractor never meets a megabyte-long line."""
    if len(text) <= limit:
        return text, []
    notes: list[tuple[int | None, str]] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if len(line) > limit:
            pieces = [chunk for sentence in _SENTENCE_END.split(line)
                      for chunk in _chunks(sentence, limit) if chunk]
            lines[number - 1] = "\n".join(pieces)
            notes.append((number, f"line is {len(line):,} characters long: split into {len(pieces):,} lines"))
    return "\n".join(lines), notes


def _chunks(text: str, size: int) -> list[str]:
    return [text[start:start + size] for start in range(0, len(text), size)]


# ------------------------------------------------------------------------------------------ JSONL, JSON


def parse_jsonl(path: str, text: str) -> Iterator[SourceText | InputProblem]:
    """Records of JSONL already decoded to text (one JSON object a line)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield from _record_from_line(path, number, line)


def _read_jsonl(path: str, handle: IO[bytes]) -> Iterator[SourceText | InputProblem]:
    """Stream a JSONL file line by line: memory stays flat however many records it holds."""
    first = handle.read(4096)
    if not first.strip():
        yield InputProblem(path, "empty file" if not first else "empty file (only whitespace)")
        return
    if first.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        yield InputProblem(path, "JSONL in UTF-16 or UTF-32: not supported, save it as UTF-8")
        return
    kind = binary_kind(first.removeprefix(b"\xef\xbb\xbf"))
    if kind:
        yield InputProblem(path, f"binary file ({kind}), not JSONL")
        return
    handle.seek(3 if first.startswith(b"\xef\xbb\xbf") else 0)
    noted_encodings: set[str] = set()
    records = 0
    for number, raw in enumerate(_bounded_lines(handle, MAX_RECORD_BYTES), start=1):
        if raw is None:
            yield InputProblem(path, f"line longer than {MAX_RECORD_BYTES:,} bytes: skipped", line=number)
            continue
        if not raw.strip():
            continue
        records += 1
        try:
            line = raw.decode("utf-8")  # JSONL is UTF-8 by definition: the fast path
        except UnicodeDecodeError:
            try:
                decoded = decode_text(raw)
            except NotText as exc:
                yield InputProblem(path, str(exc), line=number)
                continue
            if decoded.encoding not in noted_encodings or decoded.replaced:
                noted_encodings.add(decoded.encoding)
                yield from _decoding_notes(path, decoded, line=number)
            line = decoded.text
        yield from _record_from_line(path, number, line)
    if not records:
        yield InputProblem(path, "no records (only blank lines)")


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of a binary file; None for a line longer than ``limit`` (its bytes are skipped unread)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(limit)
            yield None
            continue
        yield line


def _record_from_line(path: str, number: int, line: str) -> Iterator[SourceText | InputProblem]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputProblem(path, f"malformed JSON ({exc.msg} at column {exc.colno})", line=number)
        return
    except (ValueError, RecursionError) as exc:  # numbers too long, nesting too deep
        yield InputProblem(path, f"malformed JSON ({exc.__class__.__name__}: {str(exc)[:80]})", line=number)
        return
    yield from source_from_record(path, record, number, line=number)


def _read_json(path: str, raw: bytes) -> Iterator[SourceText | InputProblem]:
    """A .json file: one record object, or a list of them (possibly under "articles", "data", …)."""
    if not raw.strip():
        yield InputProblem(path, "empty file" if not raw else "empty file (only whitespace)")
        return
    try:
        decoded = decode_text(raw)
        document = json.loads(decoded.text)
    except NotText as exc:
        yield InputProblem(path, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield InputProblem(path, f"malformed JSON ({exc.msg} at column {exc.colno})", line=exc.lineno)
        return
    except (ValueError, RecursionError) as exc:
        yield InputProblem(path, f"malformed JSON ({exc.__class__.__name__}: {str(exc)[:80]})")
        return
    yield from _decoding_notes(path, decoded)
    records = _json_records(document)
    if records is None:
        yield InputProblem(path, "JSON is not a record or a list of records (objects with a \"text\" field)")
        return
    if not records:
        yield InputProblem(path, "no records (empty list)")
        return
    for index, record in enumerate(records, start=1):
        yield from source_from_record(path, record, index, line=None)


def _json_records(document: object) -> list | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        if any(key in document for key in TEXT_KEYS):
            return [document]
        for key in ("articles", "records", "items", "data"):
            if isinstance(document.get(key), list):
                return document[key]
    return None


def source_from_record(path: str, record: object, number: int,
                       line: int | None) -> Iterator[SourceText | InputProblem]:
    """A SourceText from one decoded JSON record, or the problems that keep it out.

    ``number`` is the record's position (JSONL line, or index in a JSON list); ``line`` is the line to
    name in messages (None for a JSON list, where the message names the record instead).
    """
    where = "" if line is not None else f"record {number}: "
    if not isinstance(record, dict):
        yield InputProblem(path, f"{where}record is {_json_type(record)}, not an object", line=line)
        return
    text, problem = _record_text(record)
    if text is None:
        yield InputProblem(path, where + problem, line=line)
        return
    cleaned = clean_text(text)
    for _, note in cleaned.notes:
        yield InputProblem(path, where + note, line=line, fatal=False)
    if problem:
        yield InputProblem(path, where + problem, line=line, fatal=False)
    if not cleaned.text.strip():
        yield InputProblem(path, where + "record has no text left after cleaning", line=line)
        return
    for _, note in _content_notes(cleaned.text):
        yield InputProblem(path, where + note, line=line, fatal=False)
    record_date, date_note = _record_date(record)
    if date_note:
        yield InputProblem(path, where + date_note, line=line, fatal=False)
    if record_date is None and date_note is None and not _TEXT_DATE.search(cleaned.text[:3000]):
        yield InputProblem(path, where + f"{NO_DATE}: no \"date\" field and none in the first lines",
                           line=line, fatal=False)
    title = _optional_str(record.get("title")) or cleaned.title
    yield SourceText(path=path, text=cleaned.text, record=number, date=record_date,
                     url=_optional_str(record.get("url")) or _optional_str(record.get("id")), title=title,
                     source=_optional_str(record.get("source")) or _optional_str(record.get("paper")))


def _record_text(record: dict) -> tuple[str | None, str | None]:
    """The record's text and a note; (None, reason) when it has none."""
    key = next((k for k in TEXT_KEYS if k in record), None)
    if key is None:
        return None, "record has no \"text\" field"
    value = record[key]
    if isinstance(value, list) and value and all(isinstance(part, str) for part in value):
        value = "\n".join(value)
        note = f"\"{key}\" is a list of strings: joined as lines"
    else:
        note = None
    if not isinstance(value, str):
        return None, f"\"{key}\" is {_json_type(value)}, not a string"
    if not value.strip():
        return None, f"\"{key}\" is empty"
    return value, note


def _record_date(record: dict) -> tuple[date | None, str | None]:
    for key in DATE_KEYS:
        value = record.get(key)
        if value in (None, ""):
            continue
        parsed = parse_date(value)
        if parsed is None:
            return None, f"\"{key}\" {str(value)[:40]!r} is not a date: ignored"
        return parsed, None
    return None, None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------------------------- dates


def parse_date(value: object) -> date | None:
    """A date from a record field: "2026-01-02", "2026年1月2日", "2026/1/2 08:00", or 20260102."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    match = re.search(r"(\d{4})\D{0,1}(\d{1,2})\D{0,1}(\d{1,2})", value)
    if not match or not 1900 <= int(match[1]) <= 2100:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def date_from_filename(name: str) -> date | None:
    """A date written in a file name: 2026-01-02.txt, paper_20260102.txt, 2026.01.02-p1.txt."""
    match = _FILENAME_DATE.search(name)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _optional_str(value: object) -> str | None:
    if value is None or value == "" or isinstance(value, (dict, list)):
        return None
    return _LONE_SURROGATE.sub("\ufffd", str(value))
