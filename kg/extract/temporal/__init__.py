"""French temporal tagger: TIMEX3 expressions normalised against the publication date.

:func:`extract_timexes` finds dates, times, durations and sets with our own French
patterns (regular expressions over the text, checked against a few rules of French
grammar), then normalises them. Spans follow the French TimeBank conventions:
prepositions ("en", "depuis", "dès", "du", "au", "d'ici", "jusqu'à") stay outside the
tag, determiners and modifiers that are part of the expression ("le 30 juin", "l'an
prochain", "vers 22 h", "début octobre", "la fin de l'année", "il y a une semaine") stay
inside. An edge ("début", "fin", "mi-") is a mod and stays out of the value ("fin 2022"
is 2022); centuries and decades are written as the TimeBank does (18XX, 196X).

Relative expressions are resolved against the publication date (``published``):
weekdays, bare months, seasons and day-month dates take the tense of their clause — past
tense picks the most recent such day at or before the publication date, future (and the
conditional) the next one, present the nearest. "d'ici" looks ahead; "jusqu'à" follows
its clause. With a spaCy ``Doc`` the tense comes from the governing verb's morphology;
without one, from verb endings around the expression. The governing verb is the one the
expression depends on: a past participle used as an adjective tells a past ("un mouvement
lancé lundi se poursuit"), a participle of scheduling looks ahead ("la réunion prévue
jeudi"), an infinitive takes its governor's orientation ("a promis de les recevoir le
3 mars" looks ahead, "d'avoir reçu" looks back). A verbless segment set off by a colon has
no tense; without tense evidence a date is the nearest one, on either side. A negated or
inverted compound past ("n'a pas démissionné jeudi") is a past however the parser hangs its
auxiliary; in a cleft ("c'est jeudi que le ministre a démissionné") the que-clause gives the
tense. Two facts of the text come before the tense: a weekday named with its day and month
("mardi 3 juin") is in the year whose calendar agrees, nearest the publication date (*weekday
agreement*); a month or day-month without a year takes the year named by the date just before
it, in the same or the previous sentence of its paragraph, when that fits the tense (*year
carry*: "En 2022, les prix ont flambé. L'indice de décembre…" is December 2022).
Idioms ("du jour au lendemain", "d'ici là", an adverbial "un jour") are not tagged; days
compared with each other ("aujourd'hui comme hier") mean now and then (PRESENT_REF,
PAST_REF), and "jusqu'ici" in the sense "so far" is PRESENT_REF.

Clock times and "le soir", "le lendemain", "ce soir-là" take their day from the last full
date mentioned before them (the TimeBank reading), else from the publication date.

The package holds one module per rule family — :mod:`.calendar` (dates, months, years),
:mod:`.seasons` (seasons, holidays), :mod:`.days` (weekdays, parts of the day, clock
times), :mod:`.deictic` (hier, demain, la semaine dernière, il y a…), :mod:`.durations`
(durations and sets) — over shared pieces: :mod:`.patterns`, :mod:`.numbers`,
:mod:`.anchoring` (dates chosen by tense), :mod:`.tense` and :mod:`.base` (candidates,
context, rule registry). :mod:`.tagger` holds the rule table and the entry point.
"""

from __future__ import annotations

from kg.extract.temporal.tagger import extract_timexes

__all__ = ["extract_timexes"]
