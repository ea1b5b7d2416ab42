"""The casualty vocabulary (``lexicons/casualties.json``) as typed lookups.

The words are data so that a reader can see and extend them without reading the rules in
``casualties.py`` and ``victims.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..models import CasualtyKind, VictimGroup


_WORD = re.compile(r"[a-z]+")
# The kinds that say people were hurt (not missing, detained or displaced).
HARMED = frozenset({CasualtyKind.KILLED, CasualtyKind.INJURED})


@dataclass(frozen=True, slots=True)
class Bound:
    """How a modifier turns the figure ``n`` into a range: a min and a max (None = open)."""

    name: str

    def apply(self, n: int) -> tuple[int | None, int | None]:
        """The (min, max) that "<modifier> n" means."""
        return {
            "lower": (n, None),
            "lower_strict": (n + 1, None),
            "upper": (min(1, n), n),
            "upper_strict": (min(1, n - 1), n - 1),
            "exact": (n, n),
        }[self.name]


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    """Lemma tables for casualty triggers, victim groups, quantities and modifiers."""

    verbs: dict[str, CasualtyKind]
    weak_verbs: dict[str, CasualtyKind]
    intransitive_verbs: dict[str, CasualtyKind]
    life_verbs: dict[str, CasualtyKind]
    life_nouns: frozenset[str]
    harm_verbs: dict[str, CasualtyKind]
    harm_nouns: frozenset[str]
    hospital_verbs: frozenset[str]
    hospital_nouns: frozenset[str]
    fatal_adverbs: frozenset[str]
    death_complements: frozenset[str]
    adjectives: dict[str, CasualtyKind]
    nouns: dict[str, CasualtyKind]
    toll_nouns: frozenset[str]
    negated_only_nouns: dict[str, tuple[CasualtyKind, ...]]
    nobody: frozenset[str]
    one_words: frozenset[str]
    collective_nouns: frozenset[str]
    groups: dict[str, VictimGroup]
    group_modifiers: dict[str, VictimGroup]
    adult_age: int
    age_units: frozenset[str]
    vague_quantities: dict[str, tuple[int | None, int | None]]
    modifiers: dict[str, Bound]
    range_words: frozenset[str]
    irrealis_heads: frozenset[str]
    injury_words: frozenset[str]
    months: frozenset[str]  # "23 September": a day before its month is no count
    verdict_verbs: frozenset[str]
    unharmed_words: frozenset[str]  # "the child, unharmed by the gunfire, was taken to hospital"  # "sentenced him to death" is a verdict, not a killing
    injury_openers: frozenset[str]  # "wound 12 others": the verb opens its figure, "a gunshot wound" is a hit
    background_dates: frozenset[str]
    since_words: frozenset[str]
    fatal_victim_modifiers: frozenset[str]
    victim_nouns: frozenset[str]
    plural_pronouns: frozenset[str]
    condition_nouns: frozenset[str]
    hurt_conditions: frozenset[str]
    stay_verbs: frozenset[str]
    missed_preps: frozenset[str]
    phrasal_verbs: dict[str, CasualtyKind]
    attacker_nouns: frozenset[str]
    titles: frozenset[str]
    period_nouns: frozenset[str]
    plain_words: frozenset[str]
    plain_stems: tuple[str, ...]    # the plain words long enough to stand for their inflections
    war_total_at_least: int

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "CasualtyLexicon":
        """Build from the JSON structure of ``lexicons/casualties.json``."""
        kinds = lambda table: {k: CasualtyKind(v) for k, v in table.items()}  # noqa: E731
        words = lambda key: frozenset(raw[key])  # noqa: E731
        plain = words("plain_words") | _trigger_words(raw)
        return cls(
            verbs=kinds(raw["verbs"]),
            weak_verbs=kinds(raw["weak_verbs"]),
            intransitive_verbs=kinds(raw["intransitive_verbs"]),
            life_verbs=kinds(raw["life_verbs"]),
            life_nouns=words("life_nouns"),
            harm_verbs=kinds(raw["harm_verbs"]),
            harm_nouns=words("harm_nouns"),
            hospital_verbs=words("hospital_verbs"),
            hospital_nouns=words("hospital_nouns"),
            fatal_adverbs=words("fatal_adverbs"),
            death_complements=words("death_complements"),
            adjectives=kinds(raw["adjectives"]),
            nouns=kinds(raw["nouns"]),
            toll_nouns=words("toll_nouns"),
            negated_only_nouns={k: tuple(CasualtyKind(x) for x in v) for k, v in raw["negated_only_nouns"].items()},
            nobody=words("nobody"),
            one_words=words("one_words"),
            collective_nouns=words("collective_nouns"),
            groups={k: VictimGroup(v) for k, v in raw["groups"].items()},
            group_modifiers={k: VictimGroup(v) for k, v in raw["group_modifiers"].items()},
            adult_age=int(raw["adult_age"]),
            age_units=words("age_units"),
            vague_quantities={k: (v["min"], v["max"]) for k, v in raw["vague_quantities"].items()},
            modifiers={k: Bound(v) for k, v in raw["modifiers"].items()},
            range_words=words("range_words"),
            irrealis_heads=words("irrealis_heads"),
            injury_words=words("injury_words"),
            injury_openers=words("injury_openers"),
            verdict_verbs=words("verdict_verbs"),
            unharmed_words=words("unharmed_words"),
            months=words("months"),
            background_dates=words("background_dates"),
            since_words=words("since_words"),
            fatal_victim_modifiers=words("fatal_victim_modifiers"),
            victim_nouns=words("victim_nouns"),
            plural_pronouns=words("plural_pronouns"),
            condition_nouns=words("condition_nouns"),
            hurt_conditions=words("hurt_conditions"),
            stay_verbs=words("stay_verbs"),
            missed_preps=words("missed_preps"),
            phrasal_verbs=kinds(raw["phrasal_verbs"]),
            attacker_nouns=words("attacker_nouns"),
            titles=words("titles"),
            period_nouns=words("period_nouns"),
            plain_words=plain,
            plain_stems=tuple(sorted(word for word in plain if len(word) > 3)),
            war_total_at_least=int(raw["war_total_at_least"]),
        )

    def is_hit_only(self, text: str) -> bool:
        """True when a figure's words ("a man was shot", "was taken to hospital") say people were
        hit without saying they were injured: some of them may be the dead told elsewhere."""
        words = _WORD.findall(text.lower())
        # "(kill 1 person and) wound 12 others": a figure opened by the verb says they were injured
        return bool(words) and self.injury_words.isdisjoint(words) and words[0] not in self.injury_openers

    def specific_words(self, text: str) -> frozenset[str]:
        """The words of a figure that name its victims in particular ("galan", "summerville",
        "escort"): not the casualty words, pronouns, numbers or plain nouns ("a man was killed")."""
        words = (w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in self.plain_words)
        return frozenset(w for w in words if not w.startswith(self.plain_stems))


def _trigger_words(raw: dict[str, Any]) -> frozenset[str]:
    """Every casualty word of the lexicon ("kill" also stands for "killed", "killing")."""
    tables = ("verbs", "weak_verbs", "intransitive_verbs", "life_verbs", "harm_verbs", "adjectives", "nouns",
              "groups", "titles", "injury_words", "collective_nouns", "victim_nouns", "one_words", "life_nouns")
    return frozenset(word for table in tables for word in raw[table])


@lru_cache(maxsize=1)
def default_lexicon() -> CasualtyLexicon:
    """The packaged casualty lexicon (read once per process)."""
    text = resources.files("conflictlog.extract").joinpath("lexicons", "casualties.json").read_text("utf-8")
    return CasualtyLexicon.from_dict(json.loads(text))
