"""jieba's part-of-speech table is read once and kept, like jieba's own prefix dictionary cache."""

from __future__ import annotations

import marshal
import os
import tempfile
from pathlib import Path

import pytest

from kg import lexicon


def test_saved_tag_table_equals_the_dictionary_and_survives_corruption(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    fresh = lexicon._jieba_common_words()  # read from jieba's dictionary, then saved
    saved = list(tmp_path.glob("kg-jieba-tags-*"))
    assert len(saved) == 1
    assert fresh["区委"] and fresh["常务"] and "毛泽东" not in fresh  # ordinary words in, person names (nr) out
    assert all(2 <= len(word) <= 4 and not tag.startswith("nr") for word, tag in fresh.items())
    assert lexicon._jieba_common_words() == fresh  # from the saved copy
    saved[0].write_bytes(b"\x00not marshal")
    assert lexicon._jieba_common_words() == fresh  # a damaged copy is ignored and rewritten
    assert lexicon._jieba_common_words() == fresh
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    assert lexicon._jieba_common_words() == fresh  # nowhere to save: still correct


def test_a_saved_table_of_another_user_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    fresh = lexicon._jieba_common_words()
    saved = next(tmp_path.glob("kg-jieba-tags-*"))
    saved.write_bytes(marshal.dumps({"区委": "nr"}))  # a planted table that would make 区委 a name
    monkeypatch.setattr(os, "getuid", lambda: os.stat(saved).st_uid + 1)  # the file now belongs to someone else
    assert lexicon._jieba_common_words() == fresh
