"""Shootings told without a second violence word, and shootings in stories full of sport words."""

from __future__ import annotations

import pytest

from conflictlog.extract import Extractor, load_pipeline
from conflictlog.models import CasualtyKind

from extract_text import extract_text


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_pipeline())



@pytest.mark.parametrize("text", [
    "A woman was shot near the corner of Elm Street and Fifth Avenue on Tuesday night.",
    "A man is recovering after being shot in Dayton early Sunday morning.",
    "The 17-year-old was shot in the leg outside a convenience store on Friday.",
    "A hunter accidentally shot his friend in a wooded area west of the highway on Wednesday.",
    "Investigators say the driver shot at two deputies during the chase on Monday.",
])
def test_a_person_shot_is_an_event_without_another_violence_word(extractor: Extractor, text: str) -> None:
    mentions = extract_text(extractor, text)
    assert [m.event_type for m in mentions] == ["Violence against civilians"]


@pytest.mark.parametrize("text", [
    "The film was shot in Atlanta over the summer and opens in June.",
    "Most of the footage was shot on a phone by the band's drummer.",
])
def test_shot_of_a_film_or_footage_is_no_event(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text) == []


SPORT_STORY = (
    "A college football player was shot and killed early Sunday at an apartment complex near campus, police said. "
    "The player, a freshman on the team, had started two games this season. The coach said the players and "
    "coaches were devastated. The team cancelled its game and the season's last tournament will honor him. "
    "Teammates remembered a quarterback who loved the club."
)

SPORT_ONLY = (
    "The striker's shot hit the post in the final minute, and the team lost the game. The coach said the players "
    "would recover before the next match of the season. The club sits third in the league after the tournament."
)


def test_a_shooting_with_a_victim_outweighs_sport_words(extractor: Extractor) -> None:
    mentions = extract_text(extractor, SPORT_STORY)
    killed = [c for m in mentions for c in m.casualties if c.kind is CasualtyKind.KILLED]
    assert mentions and killed and killed[0].min == 1


def test_a_sport_story_is_still_off_topic(extractor: Extractor) -> None:
    assert extract_text(extractor, SPORT_ONLY) == []
