"""Property-based robustness of the extractors (issue 6).

Extractors never crash on any Unicode string, and every offset they return stays
inside the text with ``record.text == source[start:end]``: the sentence splitter,
the temporal tagger (with and without a publication date), the quotation finder,
and the whole pipeline (entities, timexes, claims, events) on French-like text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract.claims import find_quotes
from kg.extract.temporal import extract_timexes
from kg.nlp import paragraphs, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}

# Characters that have broken text tools before: line/paragraph separators, NBSP and
# narrow NBSP, zero-width joiners and marks, BOM, bidi controls, combining marks, French
# and straight quotes, ellipsis, dashes, emoji (with skin tone and ZWJ sequences), C0/C1
# controls, Greek final sigma, dotted capital I (changes length when lowercased), ß, ﬁ.
NASTY = [
    "\u2028", "\u2029", "\u00a0", "\u202f", "\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f",
    "\u202e", "\u2066", "\u0301", "\u0327", "\u20dd", "«", "»", "“", "”", "„", '"', "'", "’", "…", "—",
    "–", "-", "\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\x00",
    "\x1b", "\x85", "\x0b", "\x0c", "\r", "\n", "\r\n", "\t", " ", ".", "!", "?", ",", ":", ";", "ς", "İ",
    "ß", "ﬁ", "ǅ", "Ⅻ", "١٢", "שלום", "مرحبا", "한국", "日本", "\U00010000", "\U0010ffff",
]

# Any Unicode text (hypothesis excludes surrogates), plus text biased towards NASTY.
any_text = st.one_of(
    st.text(),
    st.text(st.characters(codec=None), max_size=400),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=60).map("".join),
)

# Publication dates: none, ordinary ones, the leap day, the edges of what ``datetime.date``
# holds (bug found: relative expressions overflowed there), any date at all, and garbage.
DCTS = st.one_of(
    st.none(),
    st.sampled_from(["2024-06-18", "2024-02-29", "2023-12-31", "2000-01-01", "1999-02-28",
                     "0001-01-01", "9999-12-31", "2024-06-18T23:59:59+02:00", "20240618", "2024-13-45", "hier"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(str),
    st.dates().map(str),
    st.text(max_size=12),
)

LONG_WORD = "a" * 10_000

# Regression and torture examples shared by the tests below (issue 6).
NASTY_EXAMPLES = [
    "",
    " ",
    " \t\n\r\n\u00a0\u2028\u2029 ",
    "«",
    "»",
    "» «",
    "« »",
    '"',
    "\x00",
    "a\u2028b",
    LONG_WORD,
    "22 h 99",
    "le 31 février 2024",
    "l'an 99999",
    "le 29 février 2023",
    "le 0 janvier 2024",
    "99 h 99",
    "24 h 60",
    "en l'an 0",
    "l'an 10000",
    "le 31/02/2024",
    "le 99/99/9999",
    "il y a 99999999999999999999 ans",
    "dans 1e308 jours",
    "le XXXXXXXXXXe siècle",
    "les années 0",
    "Ⅻ h",
    "١٢ h ٣٠",
    "le ١٢ juin ٢٠٢٤",
    "le 𝟏𝟐 juin 𝟐𝟎𝟐𝟒",
    "İİİ. Hier.",
    "M.\n",
    ". A",
    "…»",
]


# --------------------------------------------------------------------------- sentences


def _check_spans(spans: list[tuple[int, int]], text: str, *, nonempty: bool) -> None:
    prev_end = 0
    for start, end in spans:
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= prev_end <= start <= end <= len(text), (spans, len(text))
        if nonempty:
            assert start < end
        prev_end = end


def _examples(*values):
    def deco(f):
        for v in reversed(values):
            f = example(*v)(f) if isinstance(v, tuple) else example(v)(f)
        return f

    return deco


@settings(max_examples=1000, deadline=None)
@given(any_text)
@_examples(*NASTY_EXAMPLES)
def test_sentences_and_paragraphs_stay_inside_text(text):
    paras = paragraphs(text)
    _check_spans(paras, text, nonempty=True)
    sents = split_sentences(text)
    _check_spans(sents, text, nonempty=True)
    for start, end in sents:
        # sentences are stripped of blanks and never cross a paragraph boundary
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert any(p0 <= start and end <= p1 for p0, p1 in paras)


# --------------------------------------------------------------------------- temporal


def _check_timexes(result, text: str) -> None:
    prev_end = 0
    for t in result:
        assert 0 <= t.start < t.end <= len(text), (t, len(text))
        assert t.text == text[t.start:t.end]
        assert t.type in TIMEX_TYPES
        assert isinstance(t.value, str) and t.value
        assert prev_end <= t.start  # text order, no overlaps
        prev_end = t.end


@settings(max_examples=1000, deadline=None)
@given(any_text, DCTS)
@_examples(*[(t, "2024-06-18") for t in NASTY_EXAMPLES])
@example("le 29 février", "2024-02-29")
@example("hier, l'an dernier, dans un an, le mois prochain", "2024-02-29")
@example("il y a un an, le 29 février, dans quatre ans", "2024-02-29")
@example("dans 9999 ans", "9999-12-31")
@example("l'an prochain, le siècle prochain", "9999-06-18")
# bug found: date arithmetic past year 1 or 9999 raised OverflowError / ValueError
@example("hier", "0001-01-01")
@example("demain à 22 h", "9999-12-31")
@example("l'année dernière, la semaine dernière, le mois dernier, ce week-end", "0001-01-01")
@example("le mois prochain, la semaine prochaine, le lendemain", "9999-12-31")
@example("il y a 3 jours, il y a une semaine", "0001-01-01")
@example("Il arrivera à Noël, à Pâques.", "9999-12-31")
@example("Il est arrivé à Noël, à Pâques.", "0001-01-01")
@example("Il est arrivé le premier dimanche de septembre.", "0001-03-01")
@example("le 31/12/9999 le lendemain", "2024-06-18")  # a date from the text, not the DCT
@example("le 01/01/0001, la veille", None)
def test_timexes_never_raise_and_offsets_hold(text, published):
    _check_timexes(list(extract_timexes(text, published)), text)


TEMPORAL_BITS = [
    "le", "la", "les", "l'", "du", "de", "en", "à", "vers", "depuis", "il y a", "dans", "chaque", "tous les",
    "1er", "15", "29", "31", "0", "00", "99", "2024", "99999", "1950-1953", "15/09/2023", "31/02/2024",
    "juin", "février", "septembre", "lundi", "mercredi", "dimanche", "hier", "demain", "aujourd'hui",
    "soir", "matin", "nuit", "h", "22 h", "12 h 30", "midi", "minuit", "dernier", "dernière", "prochain",
    "semaine", "mois", "an", "année", "années", "siècle", "XXe", "trimestre", "semestre", "été", "Noël",
    "Pâques", "jours", "ans", "deux", "neuf", "premier", "quatrième", "début", "fin", "mi-",
    "a", "sont", "ira", "sera", ",", ".", "\n", "\n\n", "«", "»", "\u00a0", "\u2028",
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(TEMPORAL_BITS), max_size=30).map(" ".join), DCTS)
def test_timexes_on_temporal_word_salad(text, published):
    _check_timexes(list(extract_timexes(text, published)), text)


# --------------------------------------------------------------------------- quotations

QUOTE_BITS = ["«", "»", "“", "”", "„", '"', "« ", " »", "\u00a0»", "«\u00a0", "'", "’", "Il", "a", "dit",
              "nous", "gagnerons", ".", ",", " ", "\n", "\u2028", "x"]


def _check_quotes(quotes, text: str) -> None:
    for q in quotes:
        assert 0 <= q.open < q.close <= len(text), (q, len(text))
        inner = q.inner
        assert q.open < inner[0] <= inner[1] < q.close
        assert text[q.open] in "«“„\""
        assert text[q.close - 1] in "»”“\""
    assert quotes == sorted(quotes)
    for a, b in zip(quotes, quotes[1:]):  # nested quotations come with the outer one only
        assert a.close <= b.open


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(QUOTE_BITS), max_size=40).map("".join), any_text))
@_examples(*NASTY_EXAMPLES, "« « »", "« » »", "„a“", "„a“b”", "“a„b“c”", '"«"»', '«"a"»', "«»", '""', '"a"')
def test_find_quotes_on_any_string(text):
    _check_quotes(find_quotes(text), text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_BITS), max_size=40).map("".join), st.data())
def test_find_quotes_in_a_window(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quotes = find_quotes(text, start, end)
    _check_quotes(quotes, text)
    assert all(start <= q.open and q.close <= end for q in quotes)


# --------------------------------------------------------------------------- whole pipeline

NAMES = [
    "Vladimir Poutine", "Poutine", "Kim Jong-un", "Kim Jong Un", "le porte-parole du Kremlin", "Dmitri Peskov",
    "Emmanuel Macron", "M. Macron", "Mme Dupont", "la Russie", "la Corée du Nord", "Pyongyang", "Moscou",
    "Paris", "l'ONU", "Washington", "les États-Unis", "Il", "Elle", "Ils", "le ministre", "Antony Blinken",
]
CUES = [
    "a déclaré", "a-t-il ajouté", "a-t-elle dit", "selon", "d'après", "a affirmé que", "a averti que",
    "estime que", "a nié", "a exprimé son inquiétude concernant", "a fait savoir que", "s'est engagé à",
    "déclare", "a mis en garde", "juge", "ont démenti",
]
VERBS = ["a rencontré", "a signé", "se rendra à", "a visité", "ont attaqué", "a été élu", "a démissionné",
         "a annoncé", "a frappé", "sera reçu par", "a condamné", "a lancé"]
WORDS = ["accord", "traité", "sommet", "guerre", "le", "la", "les", "un", "une", "des", "de", "du", "et", "que",
         "qui", "nous", "ne", "pas", "jamais", "armes", "missiles", "paix", "partenariat", "stratégique",
         "sanctions", "Occident", "à", "en", "pour", "avec", "contre", "Il", "Nous", "gagnerons"]
DATES = ["lundi", "mercredi dernier", "le 18 juin 2024", "hier", "aujourd'hui", "22 h", "12 h 30", "en 2023",
         "le 31 février 2024", "l'an 99999", "22 h 99", "la semaine prochaine", "il y a deux jours",
         "le 29 février", "depuis 1950"]
PUNCT = [".", ",", ":", ";", "!", "?", "…", " —", "(", ")", "\n", "\n\n", "\r\n", "\u2028", "\u00a0", "  "]
QUOTES = ["«", "»", "« ", " »", "“", "”", '"', "„"]

french_piece = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(CUES),
    st.sampled_from(VERBS),
    st.sampled_from(WORDS),
    st.sampled_from(DATES),
    st.sampled_from(PUNCT),
    st.sampled_from(QUOTES),
    st.sampled_from(NASTY),
    st.text(max_size=4),
)
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
opener = st.sampled_from(["« ", "«", "“", '"', "", "« « "])
closer = st.sampled_from([" »", "»", "”", '"', "", " » »"])


@st.composite
def french_sentence(draw) -> str:
    """A sentence shaped like reported speech or an event, with its pieces drawn at random."""
    name, other = draw(st.sampled_from(NAMES)), draw(st.sampled_from(NAMES))
    cue, verb, when = draw(st.sampled_from(CUES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(DATES))
    quote = draw(opener) + draw(words) + draw(closer)
    shape = draw(st.sampled_from([
        "{quote}, {cue} {name} {when}.",
        "{name} {cue} {when} que {words}.",
        "{name}, {other}, {cue} : {quote}",
        "Selon {name}, {words} {when}.",
        "{name} {verb} {other} {when} à Moscou.",
        "{when}, {name} {verb} {other}. {quote}",
        "{quote}, {cue}-il. {quote}",
        "{quote} {cue} {name}",
        "{name} {cue} {quote} {when}",
    ]))
    return shape.format(name=name, other=other, cue=cue, verb=verb, when=when, quote=quote, words=draw(words))


@st.composite
def french_text_with_noise(draw) -> str:
    """French-like pieces and sentences, joined by blanks, newlines or nothing, with noise
    characters dropped at random positions."""
    parts = draw(st.lists(st.one_of(french_sentence(), french_sentence(), french_piece), min_size=1, max_size=25))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "\n", "\n\n", "", "\u00a0", "\r\n"]),
                         min_size=len(parts), max_size=len(parts)))
    text = "".join(p + sep for p, sep in zip(parts, seps))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(NASTY) | st.text(min_size=1, max_size=2)) + text[at:]
    return text


french_text = st.one_of(
    french_text_with_noise(),
    french_text_with_noise(),
    st.lists(french_piece, max_size=60).map(" ".join),
    st.lists(french_piece, max_size=60).map("".join),
)

PIPELINE_EXAMPLES = [
    "",
    " ",
    "\n\n\n",
    "«",
    "» «",
    "\x00",
    "a\u2028b",
    "Vladimir Poutine " + LONG_WORD,
    "22 h 99",
    "le 31 février 2024",
    "l'an 99999",
    "« Nous gagnerons », a déclaré Vladimir Poutine lundi.",
    "« Nous gagnerons, a-t-il ajouté. Le porte-parole du Kremlin",
    "Selon le porte-parole du Kremlin, Dmitri Peskov, « la paix » est loin » « .",
    "Kim Jong-un a rencontré Vladimir Poutine le 18 juin 2024 à Pyongyang.\n\n« Jamais », a-t-il dit.",
    "ParisVladimir Poutine a déclaré hier que « l'accord est signé ».",
    "Il a déclaré :\n« Nous ne céderons pas »",
    "\u200bVladimir\u00a0Poutine\u2028a déclaré « \u0301 » ,",
]


def _inside(text: str, start, end) -> None:
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start <= end <= len(text), (start, end, len(text))


def _check_extraction(x, text: str) -> None:
    assert x.article.text == text
    n = len(x.sentences)
    _check_spans([(s.start, s.end) for s in x.sentences], text, nonempty=True)
    for s in x.sentences:
        assert s.text == text[s.start:s.end]
    for m in x.mentions:
        _inside(text, m.start, m.end)
        assert m.start < m.end
        assert m.text == text[m.start:m.end]
        assert 0 <= m.sentence < n
    keys = {e.key for e in x.entities}
    assert {m.key for m in x.mentions} <= keys
    _check_timexes(x.timexes, text)
    for c in x.claims:
        _inside(text, c.start, c.end)
        assert c.text == text[c.start:c.end]
        _inside(text, c.content_start, c.content_end)
        assert c.content == text[c.content_start:c.content_end]
        assert c.start <= c.content_start and c.content_end <= c.end
        assert (c.cue_start is None) == (c.cue_end is None) == (c.cue is None)
        if c.cue_start is not None:
            _inside(text, c.cue_start, c.cue_end)
            assert c.cue_start < c.cue_end
            assert c.cue == text[c.cue_start:c.cue_end]
            assert c.start <= c.cue_start and c.cue_end <= c.end
        assert (c.speaker_start is None) == (c.speaker_end is None)
        if c.speaker_start is not None:
            _inside(text, c.speaker_start, c.speaker_end)
            assert c.speaker_start < c.speaker_end
            assert c.speaker_text == text[c.speaker_start:c.speaker_end]
            assert c.start <= c.speaker_start and c.speaker_end <= c.end
        assert c.mode in {"direct", "indirect", "mixed"}
        assert 0 <= c.sentence < n
    for e in x.events:
        _inside(text, e.start, e.end)
        assert e.text == text[e.start:e.end]
        _inside(text, e.trigger_start, e.trigger_end)
        assert e.trigger_start < e.trigger_end
        assert e.trigger == text[e.trigger_start:e.trigger_end]
        assert 0 <= e.sentence < n
        assert (e.start, e.end) == (x.sentences[e.sentence].start, x.sentences[e.sentence].end)
        assert e.start <= e.trigger_start and e.trigger_end <= e.end
        for role, key, label in e.actors:
            assert role in {"agent", "patient", "recipient", "participant"} and key and label
        assert e.modality in {"asserted", "negated", "planned", "possible", "reported", "cancelled"}
        assert (e.date_start is None) == (e.date_end is None) == (e.date_text is None)
        if e.date_start is not None:
            _inside(text, e.date_start, e.date_end)
            assert e.date_text == text[e.date_start:e.date_end]


@pytest.fixture(scope="module")
def extract(pipeline):
    from kg.ingest import text_article

    return lambda text, published: pipeline.extract(text_article(text, "p", published))


@settings(max_examples=60, deadline=None)
@given(french_text, st.sampled_from([None, "2024-06-18", "2024-02-29", "1999-12-31", "0001-01-01", "9999-12-31"]))
@_examples(*[(t, "2024-06-18") for t in PIPELINE_EXAMPLES])
@example("« Nous gagnerons », a déclaré Vladimir Poutine le 29 février.", "2024-02-29")
@example("Kim Jong-un se rendra à Moscou l'an prochain.", None)
@example("« Jamais », a déclaré hier Vladimir Poutine. Le lendemain, il a signé.", "0001-01-01")  # calendar edge
@example("Kim Jong-un a déclaré la semaine prochaine que « le 31/12/9999 » puis le lendemain.", "9999-12-31")
def test_pipeline_offsets_hold_on_french_like_text(extract, text, published):
    _check_extraction(extract(text, published), text)


@settings(max_examples=40, deadline=None)
@given(any_text)
def test_pipeline_never_raises_on_any_unicode(extract, text):
    _check_extraction(extract(text, "2024-06-18"), text)


SEED_TEXTS = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@st.composite
def mutated_seed(draw) -> str:
    """A window of a real article (rich in claims and events) with random edits: noise or
    French pieces inserted, slices deleted (cutting quotations and names in half)."""
    source = draw(st.sampled_from(SEED_TEXTS))
    start = draw(st.integers(0, len(source) - 1))
    text = source[start:start + draw(st.integers(1, 1500))]
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(NASTY) | french_piece | french_sentence()) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 30)):]
    return text


@settings(max_examples=60, deadline=None)
@given(mutated_seed(), st.sampled_from([None, "2024-06-18", "2024-02-29"]))
def test_pipeline_offsets_hold_on_mutated_articles(extract, text, published):
    _check_extraction(extract(text, published), text)
