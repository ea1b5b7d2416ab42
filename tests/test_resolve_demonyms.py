"""Nationality adjectives point a report at their country, even under a dateline filed abroad."""

from __future__ import annotations

from conflictlog.models import Document, content_hash
from conflictlog.resolve import DocContext, Gazetteer
from conflictlog.resolve.demonyms import demonym_countries


def test_adjectives_and_their_plurals_name_countries() -> None:
    found = demonym_countries("THE SALVADORAN ARMY said two Peruvians, a Salvadoran and a Costa Rican were hurt.")
    assert found == {"SV": 2, "PE": 1, "CR": 1}


def test_a_word_that_only_begins_like_an_adjective_names_nothing() -> None:
    assert not demonym_countries("Thailand and Cubanism")


def test_the_story_adjective_outweighs_a_wire_dateline_abroad() -> None:
    text = ("MOSCOW (USSR), 6 JUL 89 (TASS) -- [TEXT] A BOMB EXPLODED UNDER A BUS IN THE PERUVIAN PORT OF CALLAO. "
            "PERUVIAN POLICE ARE INVESTIGATING.")
    context = DocContext.build(Document("d", text, content_hash(text), published="1989-07-06"), [], Gazetteer.open())
    assert context.country_share("PE") > 0
