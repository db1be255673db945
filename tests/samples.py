"""A hand-built extraction shared by the graph, store and validation tests."""

from __future__ import annotations

from kg.records import Article, Claim, Entity, Event, Extraction, Mention, Sentence, TimeExpr

TEXT = (
    "Vladimir Poutine s'est rendu mardi à Pyongyang, où il a rencontré Kim Jong-un. "
    "« Nous développerons des mécanismes alternatifs de commerce et de paiements mutuels "
    "qui ne seront pas contrôlés par l'Occident », a déclaré Vladimir Poutine."
)


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def sample_extraction(name: str = "001_poutine.txt", text: str = TEXT) -> Extraction:
    """A hand-built extraction: two sentences, three entities, a timex, a claim, an event."""
    s1_end = text.index("Jong-un.") + len("Jong-un.")
    s2_start = text.index("«")
    sentences = (Sentence(0, s1_end, text[:s1_end]), Sentence(s2_start, len(text), text[s2_start:]))
    putin, kim, pyongyang = span(text, "Vladimir Poutine"), span(text, "Kim Jong-un"), span(text, "Pyongyang")
    putin2 = span(text, "Vladimir Poutine", 1)

    def mention(sp, type_, key, label, sentence):
        return Mention(sp[0], sp[1], text[sp[0] : sp[1]], type_, key, label, sentence)

    content = span(text, "Nous développerons des mécanismes alternatifs de commerce et de paiements mutuels "
                   "qui ne seront pas contrôlés par l'Occident")
    cue = span(text, "a déclaré")
    tuesday = span(text, "mardi")
    trigger = span(text, "s'est rendu")
    article = Article(
        path=f"seeds/{name}", name=name, text=text, sha256="ab" * 32, published="2024-06-19",
        published_source="sidecar", title="Poutine à Pyongyang", source="AFP", language="fr",
        url="https://example.org/poutine-pyongyang",
    )
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=(
            mention(putin, "Person", "vladimir-poutine", "Vladimir Poutine", 0),
            mention(pyongyang, "Place", "pyongyang", "Pyongyang", 0),
            mention(kim, "Person", "kim-jong-un", "Kim Jong-un", 0),
            mention(putin2, "Person", "vladimir-poutine", "Vladimir Poutine", 1),
        ),
        entities=(
            Entity("vladimir-poutine", "Vladimir Poutine", "Person", aliases=("Poutine", "V. Poutine"),
                   wikidata="Q7747", role="président de la Russie", country="Russie", in_kb=True),
            Entity("kim-jong-un", "Kim Jong-un", "Person", wikidata="Q56226", in_kb=True),
            Entity("pyongyang", "Pyongyang", "Place", wikidata="Q18808"),
        ),
        timexes=(TimeExpr(*tuesday, "mardi", "DATE", "2024-06-18", rule="weekday_past", anchored=True),),
        claims=(
            Claim(
                start=s2_start, end=len(text) - 1, text=text[s2_start : len(text) - 1],
                content=text[content[0] : content[1]], content_start=content[0], content_end=content[1],
                cue="a déclaré", cue_lemma="déclarer", cue_start=cue[0], cue_end=cue[1],
                speaker="Vladimir Poutine", speaker_text="Vladimir Poutine",
                speaker_start=putin2[0], speaker_end=putin2[1], speaker_key="vladimir-poutine",
                speaker_role=None, mode="direct", stance="promise", sentence=1,
                date="2024-06-19", date_source="article", topics=("sanctions", "economie"),
            ),
        ),
        events=(
            Event(
                start=0, end=s1_end, text=text[:s1_end], type="travel", trigger="s'est rendu",
                trigger_start=trigger[0], trigger_end=trigger[1],
                actors=(("agent", "vladimir-poutine", "Vladimir Poutine"), ("participant", "kim-jong-un", "Kim Jong-un")),
                place=("pyongyang", "Pyongyang"), sentence=0, date="2024-06-18",
                date_source="sentence", topics=("diplomatie",),
            ),
        ),
    )
