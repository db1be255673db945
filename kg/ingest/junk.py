"""Web-page leftovers in scraped articles: lines that must never become entities,
events or claims.

Scrapers keep the furniture around an article: reading times, bylines, share
buttons, comment counters, "À lire aussi" links, embedded tweets, menus. Every rule
below is line based and names one *kind* of furniture; a line is junk when a rule
flags it, and its span covers the whole line without the line break (``\\r\\n`` or
``\\n``), so that ``text[start:end]`` is the line as written.

Rules (:data:`RULES` holds them in this order, :func:`explain_junk` says which fired):

``reading_time``   "Temps de lecture: 2 minutes", "3 min de lecture", "Reading time: 4 min".
``byline``         "Par Pierre Martin", "Par Anne Dupont et Marc Durand, à Kiev", "By Jane Doe":
                   "Par"/"By" then capitalised names only, and no final full stop.
``byline_tail``    A dash then a lone preposition, what is left of "Par X - dans Rubrique": "- dans".
``share``          "Partager cet article", "Partager sur Facebook", "Share", "Imprimer", "Copier le lien".
``comments``       "Commentaires (0)", "12 commentaires", "Aucun commentaire",
                   "Poster un commentaire", "Comments", "Leave a comment".
``page_furniture`` Widget labels alone on a line: "Loading", "top of page", "bottom of page",
                   "Retour en haut", "Skip to content", "Menu", "Publicité", "S'abonner".
``read_also``      "À lire aussi : …", "Lire aussi", "Voir aussi", "Sur le même sujet", "Read more".
``summary_label``  "Tl;dr", "En bref", "L'essentiel", "Ce qu'il faut retenir" alone on a line
                   (only the label: the summary that follows is article text).
``video_link``     "Vidéo associée : …", "Vidéos liées", "Voir la vidéo", "Related video".
``tweet_embed``    A line containing "pic.twitter.com/", an attribution line
                   "— Name (@handle) September 13, 2023", and the tweet's text right before
                   the attribution when it ends with a link, a @handle or a #hashtag.
``bullet_menu``    Two or more consecutive bullet lines ("•", "·", "-", "*", "▪", "►") of one to
                   three words each and no punctuation: "  • Tourisme" / "  • Culture".
``breadcrumb``     Section labels at the top of the page, before any other text: "International",
                   "Monde", "Accueil > Monde > Asie". Only generic menu words count.
``footer_links``   At the end of the page, up to three short lines (at most eight words, no final
                   punctuation) followed by nothing but blank lines and junk, at least one of
                   them flagged by another rule: "Guerre en Ukraine: Dernières nouvelles" before
                   "Partager cet article". A headline or a paragraph ends differently.

Not junk: headlines, section headings inside the article, photo captions (they name
real people and places), quotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["RULES", "JunkRule", "explain_junk", "find_junk"]


@dataclass(frozen=True)
class Line:
    """One line of the text, without its line break."""

    start: int
    end: int
    text: str

    @property
    def clean(self) -> str:
        """The line stripped, with typographic apostrophes and spaces made plain."""
        return re.sub(r"[\u00a0\u202f\t ]+", " ", self.text.replace("\u2019", "'")).strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets; a trailing ``\\r`` belongs to the break."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        body_end = end - 1 if raw.endswith("\r") else end
        lines.append(Line(pos, body_end, text[pos:body_end]))
        pos = end + 1
    return lines


# A rule looks at all lines (some rules need context) and returns the indices it flags.
Detector = Callable[[Sequence[Line], set[int]], set[int]]


@dataclass(frozen=True)
class JunkRule:
    """A named kind of web-page leftover."""

    name: str
    detect: Detector


def _line_rule(pattern: str, flags: int = re.IGNORECASE) -> Detector:
    """A detector for lines that match ``pattern`` entirely (after :attr:`Line.clean`)."""
    regex = re.compile(pattern, flags)

    def detect(lines: Sequence[Line], flagged: set[int]) -> set[int]:
        return {i for i, line in enumerate(lines) if regex.fullmatch(line.clean)}

    return detect


_SEP = r"\s*[:>|»›\-–—]"  # what separates a label from the link that follows it

_READING_TIME = (
    r"(?:temps de lecture|durée de lecture|lecture|reading time|read time)\s*:?\s*"
    r"(?:environ\s+)?\d+\s*(?:min(?:utes?)?|mn)\.?"
    r"|\d+\s*(?:min(?:utes?)?|mn)\.?\s+(?:de lecture|read|à lire)"
)

# A capitalised name word: "Pierre", "Jong-un", "O'Neill", "J.", with French particles between.
_NAME = r"[A-ZÀ-Ý][\w'.-]*(?:\s+(?:(?:de|du|des|d'|le|la|van|von|ben|el|al)\s*)?[A-ZÀ-Ý][\w'.-]*){0,3}"
_BYLINE = (
    rf"(?!.*[.!?…]$)(?:Par|PAR|By|BY)\s+{_NAME}(?:\s*(?:,|et|and|&)\s*{_NAME})*"
    r"(?:\s*,\s*[\w' -]{1,40}|\s+(?:avec|with)\s+[\w' -]{1,30})?"
    r"(?:\s*[|\-–—]\s*.{0,40})?"
)

_BYLINE_TAIL = r"[-–—]\s*(?:dans|in|à|a|le|la|par|by|sur|on)"

_SHARE = (
    r"(?:partager|partagez|share)"
    r"(?:\s+(?:cet article|l'article|la vidéo|this(?: article| story| post)?)"
    r"|\s+(?:sur|on|via)\s+\w+(?:\s+\w+)?)?"
    r"|tweeter|imprimer|envoyer par (?:e-?mail|courriel|mail)|copier le lien|print|tweet"
)

_COMMENTS = (
    r"commentaires?(?:\s*\(\d+\)|\s*:\s*\d+)?"
    r"|\d+\s+commentaires?|(?:aucun|pas de|0)\s+commentaires?(?:\s+pour l'instant)?"
    r"|(?:poster|laisser|ajouter|écrire|publier|rédiger)\s+un\s+commentaire"
    r"|(?:voir|afficher|lire)\s+(?:les\s+)?(?:\d+\s+)?commentaires"
    r"|réagir(?:\s+à\s+cet\s+article)?"
    r"|comments?(?:\s*\(\d+\))?|\d+\s+comments?|no comments?(?: yet)?"
    r"|(?:leave|post|add|write)\s+a\s+(?:comment|reply)"
)

_PAGE_FURNITURE = (
    r"(?:loading|chargement(?: en cours)?)\s*(?:\.\.\.|…)?"
    r"|(?:top|bottom) of (?:the )?page|(?:haut|bas) de (?:la )?page|back to top"
    r"|retour en haut(?: de (?:la )?page)?|retour à l'accueil"
    r"|skip to (?:main )?content|aller au contenu(?: principal)?|passer au contenu"
    r"|menu|fermer|close|rechercher|search|publicité|advertisement|sponsorisé|sponsored"
    r"|newsletter|s'abonner|abonnez-vous|se connecter|connexion|s'inscrire|log ?in|sign in|subscribe"
    r"|accepter(?: les cookies)?|tout accepter|accept(?: all)?(?: cookies)?"
)

_READ_ALSO_LABEL = (
    r"(?i:(?:à |a )?lire (?:aussi|également|egalement|encore)|lire la suite|voir aussi"
    r"|à voir (?:aussi|également)|sur le même sujet|dans la même rubrique|nos articles"
    r"|read (?:also|more)|see also|related(?: articles?| stories)?|more on this)"
)
_READ_ALSO = rf"{_READ_ALSO_LABEL}(?:{_SEP}.*|\s+[A-ZÀ-Ý«\"“].*)?"

_SUMMARY_LABEL = (
    r"(?:tl\s*;?\s*dr|en bref|l'essentiel|résumé|ce qu'il faut (?:retenir|savoir)|key points)"
    r"\s*:?"
)

_VIDEO_LINK = (
    r"(?:vidéos? (?:associées?|liées?|en lien|à voir|recommandées?)|voir la vidéo|regarder la vidéo"
    r"|(?:à )?voir (?:aussi|également) en vidéo|related videos?|watch(?: the)? video)"
    rf"(?:{_SEP}.*)?"
)

_MONTHS_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTHS_FR = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
_TWEET_ATTRIBUTION = re.compile(
    rf"[—–-]\s*.{{0,80}}\(@\w{{1,15}}\)\s+(?:{_MONTHS_EN}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:er)?\s+{_MONTHS_FR}\s+\d{{4}})"
)
_TWEET_LINK = re.compile(r"pic\.twitter\.com/\w+", re.IGNORECASE)
_TWEET_TEXT_END = re.compile(r"(?:@\w{1,15}|#\w+|pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$")


def _tweet_embed(lines: Sequence[Line], flagged: set[int]) -> set[int]:
    found = {i for i, line in enumerate(lines) if _TWEET_LINK.search(line.text)}
    for i, line in enumerate(lines):
        if _TWEET_ATTRIBUTION.fullmatch(line.clean):
            found.add(i)
            prev = i - 1
            while prev >= 0 and lines[prev].blank:
                prev -= 1
            if prev >= 0 and _TWEET_TEXT_END.search(lines[prev].text):
                found.add(prev)
    return found


_BULLET_ITEM = re.compile(r"[•·\-*▪►◦]\s*[^\W\d_][\w'’&/-]*(?:\s+[\w'’&/-]+){0,2}")


def _bullet_menu(lines: Sequence[Line], flagged: set[int]) -> set[int]:
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, Line(0, 0, "")]):  # a sentinel closes the last run
        if i < len(lines) and _BULLET_ITEM.fullmatch(line.clean):
            run.append(i)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


# Generic section names of French (and English-template) news sites. Never a place or a
# topic that could be news in itself ("Ukraine", "Corée du Nord" are not here).
_RUBRICS = (
    "accueil|home|une|à la une|actualité|actualités|actu|infos?|news|direct|en direct|"
    "international|monde|world|france|europe|politique|politics|économie|eco|business|"
    "société|culture|sport|sports|sciences?|santé|planète|environnement|climat|tech|"
    "technologie|high-tech|idées|opinion|opinions|débats|tribunes?|éditorial|editorial|"
    "faits divers|justice|défense|diplomatie|régions|afrique|asie|asie-pacifique|"
    "amérique|amériques|moyen-orient|proche-orient|analyse|décryptage|vidéo|vidéos|"
    "podcast|podcasts|live|économie mondiale"
)
_BREADCRUMB = re.compile(rf"(?:{_RUBRICS})(?:\s*[>/›»|]\s*(?:{_RUBRICS}))*", re.IGNORECASE)


def _breadcrumb(lines: Sequence[Line], flagged: set[int]) -> set[int]:
    found: set[int] = set()
    for i, line in enumerate(lines):
        if line.blank or i in flagged:
            continue
        if not _BREADCRUMB.fullmatch(line.clean):
            break  # the first line that is neither junk nor a label ends the header
        found.add(i)
    return found


_FOOTER_MAX_WORDS = 8
_FOOTER_MAX_LINES = 3
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")


def _footer_links(lines: Sequence[Line], flagged: set[int]) -> set[int]:
    found: set[int] = set()
    seen_junk = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.blank:
            continue
        if i in flagged:
            seen_junk = True
            continue
        words = line.clean.split()
        if (
            not seen_junk
            or len(found) == _FOOTER_MAX_LINES
            or len(words) > _FOOTER_MAX_WORDS
            or _SENTENCE_END.search(line.clean)
            or _BULLET_ITEM.fullmatch(line.clean)
        ):
            break
        found.add(i)
    # A page made of nothing but a title and furniture keeps its title.
    if found and not any(not ln.blank and i not in flagged and i not in found for i, ln in enumerate(lines)):
        return set()
    return found


RULES: tuple[JunkRule, ...] = (
    JunkRule("reading_time", _line_rule(_READING_TIME)),
    JunkRule("byline", _line_rule(_BYLINE, flags=0)),
    JunkRule("byline_tail", _line_rule(_BYLINE_TAIL)),
    JunkRule("share", _line_rule(_SHARE)),
    JunkRule("comments", _line_rule(_COMMENTS)),
    JunkRule("page_furniture", _line_rule(_PAGE_FURNITURE)),
    JunkRule("read_also", _line_rule(_READ_ALSO, flags=0)),
    JunkRule("summary_label", _line_rule(_SUMMARY_LABEL)),
    JunkRule("video_link", _line_rule(_VIDEO_LINK)),
    JunkRule("tweet_embed", _tweet_embed),
    JunkRule("bullet_menu", _bullet_menu),
    # These two look at what the rules above flagged, so they come last.
    JunkRule("breadcrumb", _breadcrumb),
    JunkRule("footer_links", _footer_links),
)


def explain_junk(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every junk line as ``(rule, start, end)``, in text order; the first rule that
    flags a line names it."""
    lines = split_lines(text)
    by_line: dict[int, str] = {}
    for rule in RULES:
        for i in rule.detect(lines, set(by_line)):
            if not lines[i].blank:
                by_line.setdefault(i, rule.name)
    return tuple((by_line[i], lines[i].start, lines[i].end) for i in sorted(by_line))


def find_junk(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the web-page leftovers of ``text``, one span per line, in order."""
    return tuple((start, end) for _, start, end in explain_junk(text))
