"""Reading bad input: each case gives a problem naming the file (and line), and a good file read in
the same call is still read in full."""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import read
from kg.model import InputProblem, SourceText
from kg.read import (
    NotText,
    clean_text,
    date_from_filename,
    decode,
    decode_text,
    iter_sources,
    parse_date,
    parse_jsonl,
    read_file,
    split_long_lines,
    strip_html,
    to_simplified,
)

FIXTURES = Path(__file__).parent / "fixtures" / "bad"
SEEDS = Path(__file__).parent.parent / "seeds"
sys.path.insert(0, str(FIXTURES))
import make_fixtures as texts  # noqa: E402  (the texts the fixtures were made from)

GOOD = FIXTURES / "good.txt"


def read_all(*paths: Path | str) -> tuple[list[SourceText], list[InputProblem]]:
    sources: list[SourceText] = []
    problems: list[InputProblem] = []
    for item in iter_sources(list(paths)):
        (problems if isinstance(item, InputProblem) else sources).append(item)
    return sources, problems


def only(problems: list[InputProblem], path: Path, fatal: bool | None = None) -> list[InputProblem]:
    return [p for p in problems if p.path == str(path) and (fatal is None or p.fatal == fatal)]


def assert_good_read(sources: list[SourceText]) -> None:
    good = [s for s in sources if s.path == str(GOOD)]
    assert len(good) == 1
    assert good[0].text == texts.GOOD


# ---------------------------------------------------------------------------------------- file cases


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "empty file"),
    ("blank.txt", "empty file (only whitespace)"),
    ("image.txt", "binary file (a PNG image), not text"),
    ("nul-bytes.txt", "binary file (contains NUL bytes), not text"),
])
def test_unreadable_file_is_skipped_with_its_name_and_reason(name: str, message: str) -> None:
    sources, problems = read_all(FIXTURES / name, GOOD)
    [problem] = only(problems, FIXTURES / name)
    assert problem.fatal
    assert problem.problem == message
    assert str(problem) == f"{FIXTURES / name}: {message}"
    assert [s.path for s in sources] == [str(GOOD)]
    assert_good_read(sources)


def test_undecodable_bytes_are_replaced_and_the_line_named() -> None:
    bad = FIXTURES / "undecodable.txt"
    sources, problems = read_all(bad, GOOD)
    [note] = only(problems, bad)
    assert not note.fatal
    assert note.line == 6  # the line where 金志强 was overwritten
    assert "undecodable byte sequence(s) replaced with U+FFFD" in note.problem
    [text] = [s.text for s in sources if s.path == str(bad)]
    assert text == texts.GOOD.replace("金志强", "\ufffd" * text.count("\ufffd"))
    assert_good_read(sources)


@pytest.mark.parametrize(("name", "original", "encoding"), [
    ("gb18030.txt", texts.JOINT_MEETING, "GB18030"),
    ("utf16-no-bom.txt", texts.PEOPLES_CONGRESS, "UTF-16 without BOM"),
])
def test_other_encodings_are_detected_and_noted(name: str, original: str, encoding: str) -> None:
    sources, problems = read_all(FIXTURES / name, GOOD)
    assert [s.text for s in sources if s.path == str(FIXTURES / name)] == [original]
    notes = [p.problem for p in only(problems, FIXTURES / name, fatal=False)]
    assert f"decoded as {encoding} (not UTF-8)" in notes
    assert not only(problems, FIXTURES / name, fatal=True)
    assert_good_read(sources)


def test_utf8_bom_is_dropped_silently() -> None:
    sources, problems = read_all(FIXTURES / "utf8-bom.txt", GOOD)
    assert [s.text for s in sources if s.path.endswith("utf8-bom.txt")] == [texts.PEOPLES_CONGRESS]
    assert not only(problems, FIXTURES / "utf8-bom.txt")
    assert_good_read(sources)


def test_big5_traditional_is_decoded_and_converted_to_simplified() -> None:
    pytest.importorskip("opencc")
    bad = FIXTURES / "big5.txt"
    sources, problems = read_all(bad, GOOD)
    assert [s.text for s in sources if s.path == str(bad)] == [texts.PEOPLES_CONGRESS]
    notes = [p.problem for p in only(problems, bad, fatal=False)]
    assert "decoded as Big5 (not UTF-8)" in notes
    assert any(n.startswith("converted from traditional to simplified characters") for n in notes)
    assert_good_read(sources)


def test_html_saved_as_txt_keeps_text_and_title_but_no_markup_or_script() -> None:
    bad = FIXTURES / "page.txt"
    sources, problems = read_all(bad, GOOD)
    [page] = [s for s in sources if s.path == str(bad)]
    assert "区人大常委会党组书记、主任阮重晖主持会议并讲话。副主任俞斌、李栋&董蒋灿参加。" in page.text
    assert page.title == "区人大常委会党组召开扩大会议"
    assert "<" not in page.text and "alert" not in page.text and "color" not in page.text
    assert "HTML page: tags stripped, text kept" in [p.problem for p in only(problems, bad, fatal=False)]
    assert_good_read(sources)


def test_html_page_with_no_visible_text_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "script-only.txt"
    bad.write_text("<html><head><script>alert(1)</script></head><body> </body></html>")
    sources, problems = read_all(bad, GOOD)
    [problem] = only(problems, bad, fatal=True)
    assert problem.problem == "no text left after stripping HTML tags"
    assert_good_read(sources)


def test_text_cut_off_mid_sentence_is_read_with_a_note() -> None:
    bad = FIXTURES / "cut-off.txt"
    sources, problems = read_all(bad, GOOD)
    assert [s.text for s in sources if s.path == str(bad)] == [texts.CUT_OFF]
    [note] = [p for p in only(problems, bad) if "mid-sentence" in p.problem]
    assert not note.fatal and note.line == 8
    assert "俯下身子深" in note.problem
    assert_good_read(sources)


def test_a_list_of_names_ending_a_text_is_no_cut_off(tmp_path) -> None:
    roster = tmp_path / "2026-03-20.txt"
    roster.write_text("中国共产党南江省第十次代表大会主席团成员名单\n（按姓氏笔画为序）\n"
                      "丁启明 马建华 邝志远 罗振川 韦思成\n", encoding="utf-8")
    sources, problems = read_all(roster)
    assert len(sources) == 1 and not [p for p in problems if "mid-sentence" in p.problem]


def test_missing_publication_date_is_noted_only_when_there_is_none() -> None:
    bad = FIXTURES / "no-date.txt"
    sources, problems = read_all(bad, GOOD)
    [note] = only(problems, bad)
    assert not note.fatal and note.problem.startswith("no publication date")
    assert not only(problems, GOOD)  # good.txt has 2025年12月31日 in its first lines
    assert [s.date for s in sources] == [None, None]
    assert_good_read(sources)


def test_date_in_the_file_name_counts_as_publication_date(tmp_path: Path) -> None:
    dated = tmp_path / "钱塘新区报_2026-01-02.txt"
    shutil.copy(FIXTURES / "no-date.txt", dated)
    sources, problems = read_all(dated)
    assert [s.date.isoformat() for s in sources] == ["2026-01-02"]
    assert problems == []


def test_huge_single_line_is_split_at_sentence_ends_with_a_note(tmp_path: Path) -> None:
    sentence = "区政协主席金志强主持召开座谈会。"
    bad = tmp_path / "one-line.txt"
    bad.write_text(sentence * 80_000, encoding="utf-8")  # 1.28 M characters, 3.8 MB, no newline
    sources, problems = read_all(bad, GOOD)
    [page] = [s for s in sources if s.path == str(bad)]
    assert page.text.split("\n") == [sentence] * 80_000
    [note, no_date] = only(problems, bad)
    assert no_date.problem.startswith("no publication date")
    assert not note.fatal and note.line == 1
    assert note.problem == "line is 1,280,000 characters long: split into 80,000 lines"
    assert_good_read(sources)


def test_line_without_any_sentence_end_is_cut_into_fixed_chunks() -> None:
    text, notes = split_long_lines("字" * 120_001, limit=50_000)
    assert [len(line) for line in text.split("\n")] == [50_000, 50_000, 20_001]
    assert notes == [(1, "line is 120,001 characters long: split into 3 lines")]


def test_too_large_text_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_TEXT_BYTES", 1000)  # good.txt has 392 bytes
    bad = tmp_path / "big.txt"
    bad.write_text("字" * 500)
    sources, problems = read_all(bad, GOOD)
    [problem] = only(problems, bad, fatal=True)
    assert problem.problem.startswith("too large: 1,500 bytes")
    assert_good_read(sources)


def test_missing_path_and_special_file_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    sources, problems = read_all(missing, GOOD)
    assert [str(p) for p in problems] == [f"{missing}: no such file or directory"]
    assert_good_read(sources)


# ------------------------------------------------------------------------------------- directories


def test_unrelated_files_in_a_directory_are_noted_not_errors(tmp_path: Path) -> None:
    for name in ("good.txt", "report.pdf", "photo.png", ".DS_Store", "README.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main")
    (tmp_path / "page.html").write_text("<html><body><p>不读</p></body></html>")
    sources, problems = read_all(tmp_path)
    assert [s.text for s in sources] == [texts.GOOD]
    assert all(not p.fatal for p in problems)
    by_name = {Path(p.path).name: p.problem for p in problems}
    assert by_name == {
        ".git": "skipped: hidden directory",
        ".DS_Store": "skipped: not a .txt, .jsonl or .json file (no suffix)",
        "README.md": "skipped: not a .txt, .jsonl or .json file (.md)",
        "page.html": "skipped: HTML file inside a directory (name it on the command line to read it)",
        "photo.png": "skipped: not a .txt, .jsonl or .json file (.png)",
        "report.pdf": "skipped: not a .txt, .jsonl or .json file (.pdf)",
    }


def test_named_html_file_is_read_and_stripped(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copy(FIXTURES / "page.txt", page)
    sources, _ = read_all(page)
    assert [s.title for s in sources] == ["区人大常委会党组召开扩大会议"]


def test_directory_is_read_in_sorted_order_and_a_file_named_twice_once(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("二。")
    (tmp_path / "a.txt").write_text("一。")
    (tmp_path / "c.txt").write_text("三。")
    sources, problems = read_all(tmp_path, tmp_path / "c.txt")
    assert [s.text for s in sources] == ["一。", "二。", "三。"]
    assert [(Path(p.path).name, p.problem) for p in problems if "named twice" in p.problem] == [
        ("c.txt", "skipped: already read (named twice)")]


def test_every_fixture_gives_a_source_or_a_problem_naming_it() -> None:
    sources, problems = read_all(FIXTURES)
    named = {Path(s.path).name for s in sources} | {Path(p.path).name for p in problems}
    assert named == {p.name for p in FIXTURES.iterdir()}
    assert_good_read(sources)


# ------------------------------------------------------------------------------------------- JSONL


def test_bad_jsonl_records_are_named_by_line_and_good_ones_kept() -> None:
    bad = FIXTURES / "records.jsonl"
    sources, problems = read_all(bad, GOOD)
    fatal = [(p.line, p.problem) for p in only(problems, bad, fatal=True)]
    assert fatal == [
        (2, "malformed JSON (Expecting ',' delimiter at column 1)"),
        (3, "record is a list, not an object"),
        (4, 'record has no "text" field'),
        (5, '"text" is empty'),
        (6, '"text" is a number, not a string'),
    ]
    notes = [(p.line, p.problem) for p in only(problems, bad, fatal=False)]
    assert notes == [(8, "\"date\" 'yesterday' is not a date: ignored")]
    records = [s for s in sources if s.path == str(bad)]
    assert [(s.record, s.text, s.date and s.date.isoformat()) for s in records] == [
        (1, texts.GOOD, "2026-01-01"), (8, texts.JOINT_MEETING, None), (9, texts.PEOPLES_CONGRESS, "2026-01-01")]
    assert records[0].title == "区政协党组召开扩大会议" and records[0].url == "https://example.org/1"
    assert_good_read(sources)


def test_json_array_records_are_named_by_index() -> None:
    bad = FIXTURES / "records.json"
    sources, problems = read_all(bad, GOOD)
    assert [str(p) for p in only(problems, bad)] == [
        f'{bad}: record 2: "text" is null, not a string', f"{bad}: record 3: record is a string, not an object"]
    assert [(s.record, s.text) for s in sources if s.path == str(bad)] == [(1, texts.PEOPLES_CONGRESS)]
    assert_good_read(sources)


@pytest.mark.parametrize(("content", "message"), [
    ("{}", 'JSON is not a record or a list of records (objects with a "text" field)'),
    ("[]", "no records (empty list)"),
    ('{"articles": [', "malformed JSON (Expecting value at column 15)"),
])
def test_json_file_that_is_not_records(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "x.json"
    bad.write_text(content)
    sources, problems = read_all(bad, GOOD)
    assert [p.problem for p in problems] == [message]
    assert_good_read(sources)


def test_jsonl_edge_records(tmp_path: Path) -> None:
    bad = tmp_path / "edge.jsonl"
    lines = [
        "[" * 100_000,  # nesting deeper than the parser's recursion limit
        json.dumps({"text": "会议\ud800召开。\x00", "date": "2026-01-02"}),  # lone surrogate, NUL
        json.dumps({"content": ["第一段。", "第二段。"], "date": "2026-01-02"}),
        json.dumps({"text": "<p>本报讯</p><p>会议召开。</p><br><div>a</div><div>b</div>", "date": "2026-01-02"}),
        "1" * 5000,  # an integer longer than Python converts
    ]
    bad.write_text("\n".join(lines))
    sources, problems = read_all(bad, GOOD)
    assert [(p.line, p.fatal) for p in problems if p.path == str(bad)] == [
        (1, True), (2, False), (2, False), (3, False), (4, False), (5, True)]
    assert problems[0].problem.startswith("malformed JSON (RecursionError")
    assert [s.text for s in sources if s.path == str(bad)] == [
        "会议\ufffd召开。", "第一段。\n第二段。", "本报讯\n\n会议召开。\n\na\n\nb"]
    assert_good_read(sources)


def test_jsonl_line_over_the_record_limit_is_skipped_and_the_next_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_RECORD_BYTES", 1000)
    bad = tmp_path / "huge.jsonl"
    huge = json.dumps({"text": "字" * 5000}, ensure_ascii=False)
    bad.write_text(huge + "\n" + json.dumps({"text": "会议召开。", "date": "2026-01-02"}) + "\n")
    sources, problems = read_all(bad, GOOD)
    assert [(p.line, p.problem) for p in problems] == [(1, "line longer than 1,000 bytes: skipped")]
    assert [(s.record, s.text) for s in sources if s.path == str(bad)] == [(2, "会议召开。")]
    assert_good_read(sources)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"\n\n  \n", "empty file (only whitespace)"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "binary file (gzip-compressed data), not JSONL"),
    ("{}".encode("utf-16"), "JSONL in UTF-16 or UTF-32: not supported, save it as UTF-8"),
])
def test_jsonl_file_that_is_not_jsonl(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_bytes(content)
    sources, problems = read_all(bad, GOOD)
    assert [str(p) for p in problems] == [f"{bad}: {message}"]
    assert_good_read(sources)


def test_jsonl_in_gb18030_is_decoded_per_line_and_noted_once(tmp_path: Path) -> None:
    bad = tmp_path / "gbk.jsonl"
    records = [json.dumps({"text": text, "date": "2026-01-02"}, ensure_ascii=False)
               for text in (texts.GOOD, texts.JOINT_MEETING)]
    bad.write_bytes("\n".join(records).encode("gb18030"))
    sources, problems = read_all(bad)
    assert [s.text for s in sources] == [texts.GOOD, texts.JOINT_MEETING]
    assert [(p.line, p.problem) for p in problems] == [(1, "decoded as GB18030 (not UTF-8)")]


class CountingReader(io.BytesIO):
    """Counts the bytes handed out, to show the reader does not swallow the file whole."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.handed_out = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.handed_out += len(line)
        return line

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.handed_out += len(data)
        return data


def test_jsonl_is_streamed_record_by_record() -> None:
    line = json.dumps({"text": texts.GOOD, "date": "2026-01-02"}, ensure_ascii=False).encode() + b"\n"
    handle = CountingReader(line * 10_000)
    records = read._read_jsonl("big.jsonl", handle)
    first = next(records)
    assert isinstance(first, SourceText) and first.record == 1
    assert handle.handed_out < 10 * len(line) + 4096


# -------------------------------------------------------------------------------- decoding details


def seed_excerpts(min_size: int) -> st.SearchStrategy[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return st.integers(0, len(text) - min_size - 1).flatmap(
        lambda start: st.integers(min_size, 400).map(lambda size: text[start:start + size]))


@settings(max_examples=40, deadline=None)
@given(seed_excerpts(min_size=12))
def test_seed_excerpts_round_trip_through_gb18030(excerpt: str) -> None:
    raw = excerpt.encode("gb18030")
    assert decode(raw) == excerpt


def test_a_short_gb18030_excerpt_with_few_common_characters_is_not_read_as_big5() -> None:
    # found by the property test above: one common character in four, and no other decoding has any
    assert decode(" 82987136\n\n投稿邮箱".encode("gb18030")) == " 82987136\n\n投稿邮箱"


@functools.cache
def s2t_converter() -> object:
    return pytest.importorskip("opencc").OpenCC("s2t")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed_excerpts(min_size=12))
def test_seed_excerpts_in_big5_are_told_from_gb18030(excerpt: str) -> None:
    traditional = s2t_converter().convert(excerpt)
    try:
        raw = traditional.encode("cp950")
    except UnicodeEncodeError:  # a character Big5 lacks: not a Big5 text
        return
    if len(read._HAN.findall(traditional)) < 8:
        return
    decoded = decode_text(raw)
    assert decoded.encoding == "Big5" or raw.decode("utf-8", errors="strict") == traditional
    assert decoded.text == traditional


def test_decode_keeps_its_old_contract() -> None:
    assert decode("会议".encode()) == "会议"
    assert decode(b"\xef\xbb\xbf" + "会议".encode()) == "会议"
    assert decode("会议".encode("gbk")) == "会议"
    assert decode(b"\x89PNG\r\n\x1a\n....") is None


def test_decode_text_refuses_binary_and_random_bytes() -> None:
    with pytest.raises(NotText, match="a PDF document"):
        decode_text(b"%PDF-1.7 ...")
    with pytest.raises(NotText, match="control characters"):
        decode_text(bytes(range(1, 32)) * 10)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_text_never_fails_other_than_not_text(raw: bytes) -> None:
    try:
        decoded = decode_text(raw)
    except NotText:
        return
    assert isinstance(decoded.text, str)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=500))
def test_cleaned_text_has_no_control_characters_or_lone_surrogates(text: str) -> None:
    cleaned = clean_text(text)
    assert not read._CONTROL.search(cleaned.text)
    assert not read._LONE_SURROGATE.search(cleaned.text)
    cleaned.text.encode("utf-8")  # always encodable: exporters can write it


def test_simplified_text_with_shared_characters_is_not_converted() -> None:
    text = "区政协主席於立新主持会议。乾隆年间的古建筑得到修缮。"
    assert to_simplified(text) == (text, None)


def test_traditional_text_in_utf8_is_converted() -> None:
    pytest.importorskip("opencc")
    text, note = to_simplified(texts.TRADITIONAL)
    assert text == texts.PEOPLES_CONGRESS
    assert note is not None and note.startswith("converted from traditional")


def test_strip_html_drops_scripts_and_unescapes_entities() -> None:
    text, title = strip_html("<title> A &amp; B </title><script>x()</script><p>甲&lt;乙</p><p>丙</p>")
    assert (text, title) == ("甲<乙\n\n丙", "A & B")


def test_parse_jsonl_on_text_still_works() -> None:
    items = list(parse_jsonl("x.jsonl", '{"text": "会议召开。", "date": "2026-01-02"}\n\nnot json\n'))
    assert isinstance(items[0], SourceText) and items[0].record == 1
    assert isinstance(items[1], InputProblem) and items[1].line == 3


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-01-02", "2026-01-02"), ("2026年1月2日", "2026-01-02"), ("2026/1/2 08:00", "2026-01-02"),
    (20260102, "2026-01-02"), ("2026-13-40", None), ("yesterday", None), (None, None), (True, None),
    ("0001-01-01", None), ([2026, 1, 2], None),
])
def test_parse_date(value: object, expected: str | None) -> None:
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("2026-01-02.txt", "2026-01-02"), ("qt_20260102_p1.txt", "2026-01-02"), ("000_fac586d11c14b937.txt", None),
    ("2026-02-30.txt", None),
])
def test_date_from_filename(name: str, expected: str | None) -> None:
    parsed = date_from_filename(name)
    assert (parsed.isoformat() if parsed else None) == expected


def test_read_file_accepts_a_string_path() -> None:
    [source] = list(read_file(str(GOOD)))
    assert source.text == texts.GOOD


def test_symlink_loops_and_pipes_never_hang(tmp_path: Path) -> None:
    shutil.copy(GOOD, tmp_path / "good.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.txt")
    sources, problems = read_all(tmp_path, tmp_path / "pipe.txt")
    assert [s.text for s in sources] == [texts.GOOD]
    assert [(Path(p.path).name, p.problem, p.fatal) for p in problems] == [
        ("loop", "skipped: symbolic link to a directory", False),
        ("pipe.txt", "not a regular file (broken link, device, socket or pipe)", True),
        ("pipe.txt", "not a regular file (device, socket or pipe)", True),
    ]


def test_no_date_note_is_dropped_when_the_caller_has_a_date() -> None:
    items = list(iter_sources([FIXTURES / "no-date.txt", FIXTURES / "image.txt"], date_given=True))
    assert [type(i).__name__ for i in items] == ["SourceText", "InputProblem"]
    assert items[1].problem == "binary file (a PNG image), not text"


def test_traditional_text_without_opencc_is_read_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "_t2s_converter", lambda: None)
    text, note = to_simplified(texts.TRADITIONAL)
    assert text == texts.TRADITIONAL
    assert note is not None and "opencc is not installed" in note


def test_gb18030_bytes_that_happen_to_be_valid_utf8_decode_as_chinese() -> None:
    # \xcd\xb6 is 投 in GB18030 and Ͷ (Greek) in UTF-8: a short mostly-ASCII text must not come out Greek
    raw = " 82987136\n\n投".encode("gb18030")
    assert raw.decode("utf-8") == " 82987136\n\nͶ"
    assert decode(raw) == " 82987136\n\n投"
