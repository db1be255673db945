"""Reading ISO-TimeML: plain text, creation time and gold offsets."""

import pytest

from kg.errors import InputError
from kg.eval.timeml import read_corpus, read_timeml
from tests.conftest import TIMEBANK, requires_timebank

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1999-05-17" functionInDocument="CREATION_TIME">17/05/1999</TIMEX3></DCT>
<TEXT>
Le maire &amp; ses adjoints se sont <EVENT eid="e1" class="OCCURRENCE">réunis</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="1999-05-16">hier</TIMEX3> <SIGNAL sid="s1">pendant</SIGNAL> \
<TIMEX3 tid="t2" type="DURATION" value="PT3H">trois heures</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml_keeps_gold_offsets_into_the_plain_text(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(DOC, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.name == "doc" and doc.dct == "1999-05-17"
    assert "<" not in doc.text and "Le maire & ses adjoints" in doc.text
    assert [(g.text, g.type, g.value) for g in doc.timexes] == [("hier", "DATE", "1999-05-16"),
                                                              ("trois heures", "DURATION", "PT3H")]
    for g in doc.timexes:
        assert doc.text[g.start:g.end] == g.text


@requires_timebank
def test_french_timebank_reads_whole(tmp_path):
    docs = read_corpus(TIMEBANK)
    assert len(docs) == 72
    assert sum(len(d.timexes) for d in docs) == 252
    assert all(d.dct for d in docs)
    assert all(d.text[g.start:g.end] == g.text for d in docs for g in d.timexes)


def test_bad_corpus_errors_name_the_path(tmp_path):
    with pytest.raises(InputError, match="no .tml files"):
        read_corpus(tmp_path)
    with pytest.raises(InputError, match="not a folder"):
        read_corpus(tmp_path / "missing")
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML>no text element</TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tml: not an ISO-TimeML document"):
        read_timeml(bad)
