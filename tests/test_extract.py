"""Extraction on small invented texts: typing, modality, off-topic, attribution, grouping."""

from __future__ import annotations

import pytest

from conflictlog.errors import ModelError
from conflictlog.extract import Extractor, load_pipeline
from conflictlog.models import Document, Mention, Stance, content_hash

from extract_text import extract_text


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_pipeline())



def _types(mentions: list[Mention]) -> set[tuple[str, str | None]]:
    return {(m.event_type, m.sub_event_type) for m in mentions}


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian forces shelled residential areas of Kharkiv on Monday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("An airstrike hit a market in Idlib province on Sunday.", ("Explosions/Remote violence", "Air/drone strike")),
    ("A roadside bomb exploded near a convoy in Kandahar.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu.", ("Explosions/Remote violence", "Suicide bomb")),
    ("Militants threw a grenade at a police post in Srinagar.", ("Explosions/Remote violence", "Grenade")),
    ("Clashes broke out between the army and rebels near Goma.", ("Battles", "Armed clash")),
    ("Gunmen kidnapped two aid workers in Borno state.", ("Violence against civilians", "Abduction/forced disappearance")),
    ("Soldiers raped several women in the village.", ("Violence against civilians", "Sexual violence")),
    ("Militiamen massacred 30 villagers in Ituri.", ("Violence against civilians", "Attack")),
    ("Police arrested twelve opposition activists in Minsk.", ("Strategic developments", "Arrests")),
    ("Thousands of people held a protest in the capital on Friday.", ("Protests", "Peaceful protest")),
    ("Rioters set fire to shops and clashed with police in the city centre.", ("Riots", "Violent demonstration")),
    ("Police seized a cache of weapons and ammunition in a raid on two houses.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Two explosive devices were found near the airport and defused.", ("Strategic developments", "Disrupted weapons use")),
    ("The building was destroyed by a bomb explosion.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Police detained dozens of protesters in the capital on Sunday.", ("Protests", "Protest with intervention")),
    ("Protesters threw stones at police during a demonstration in the city.", ("Riots", "Violent demonstration")),
    ("Taliban militants captured the district of Qala-e Zal on Friday.", ("Battles", "Non-state actor overtakes territory")),
    ("Government forces captured a central town and adjacent villages.", ("Battles", "Government regains territory")),
    ("Fighters attacked an army base near the border.", ("Battles", "Armed clash")),
    ("Gunmen attacked a village in Benue state.", ("Violence against civilians", "Attack")),
    ("About 400 fighters defected to the government side.", ("Strategic developments", "Change to group/activity")),
])
def test_event_typing(extractor: Extractor, text: str, expected: tuple[str, str]) -> None:
    mentions = extract_text(extractor, text)
    assert mentions, text
    assert (mentions[0].event_type, mentions[0].sub_event_type) == expected


@pytest.mark.parametrize("text", [
    "There were no clashes in the region on Monday.",
    "The rebels threatened to attack the town if talks fail.",
    "Officials warned of possible shelling of the city.",
    "The minister called on both sides to stop the shelling of civilians.",
    "Government troops could launch an offensive next week.",
])
def test_negated_or_hypothetical_events_yield_nothing(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text) == []


@pytest.mark.parametrize("text", [
    "The striker shot the ball past the keeper and scored the winning goal as the club won the league "
    "match. The coach praised the team's attack after the game in the final week of the season.",
    "Covid-19 infections rose again this week as the pandemic spread; the vaccine campaign was slowed and "
    "the virus killed 40 people in the province, health officials said.",
    "Stock markets fell as investors weighed inflation data; shares in banks took a hit and revenue fell.",
])
def test_off_topic_documents_yield_nothing(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text) == []


def test_history_sentence_yields_nothing(extractor: Extractor) -> None:
    assert extract_text(extractor, "In 2020, the army shelled the town for weeks.", published="2023-09-19") == []


def test_evidence_and_spans_index_the_document_text(extractor: Extractor) -> None:
    text = "Officials said on Tuesday. Rebels shelled Kharkiv on Monday, killing three people."
    mention = extract_text(extractor, text)[0]
    evidence = mention.evidence[0]
    assert text[evidence.start:evidence.end] == evidence.text and evidence.text.startswith("Rebels shelled")
    assert [(p.text, text[p.start:p.end]) for p in mention.place_spans] == [("Kharkiv", "Kharkiv")]
    assert [d.text for d in mention.date_spans] == ["Monday"]


def test_dateline_place_is_not_an_event_place(extractor: Extractor) -> None:
    text = "LIMA, 9 JAN 90 -- [TEXT] TERRORISTS DYNAMITED A POWER PYLON IN HUANCAYO YESTERDAY."
    mention = extract_text(extractor, text, published="1990-01-09")[0]
    assert mention.sub_event_type == "Remote explosive/landmine/IED"
    places = [p.text for p in mention.place_spans]
    assert "LIMA" not in places and "HUANCAYO" in places


def test_attribution_said_according_to_and_outlets(extractor: Extractor) -> None:
    said = extract_text(extractor, "Two civilians were killed in shelling of Donetsk, the city's mayor Alexei Kulemzin said.")
    assert said[0].attribution.source == "Alexei Kulemzin"
    according = extract_text(extractor, "According to the health ministry, an airstrike killed five people in Gaza.")
    assert according[0].attribution.source == "health ministry"
    outlet = extract_text(extractor, "Stepanakert came under heavy bombardment, Armenpress reported.")
    assert outlet[0].attribution.via == "Armenpress"


def test_stance_alleged_for_claims(extractor: Extractor) -> None:
    mentions = extract_text(extractor, "The ministry claimed that rebels allegedly planted landmines that killed four soldiers.")
    assert mentions[0].attribution.stance is Stance.ALLEGED


def test_quote_attributed_to_speaker_named_after_it(extractor: Extractor) -> None:
    text = "\u201cEnemy artillery shelled our positions near the river all night,\u201d the army spokesman Ivan Petrov said."
    mentions = extract_text(extractor, text)
    assert mentions and mentions[0].attribution.source == "Ivan Petrov"


def test_denial_becomes_dispute_of_the_claim_not_an_event(extractor: Extractor) -> None:
    text = ("Rebels shelled the town of Marib on Monday, killing two civilians, the governor said.\n\n"
            "The defence ministry claimed that five soldiers were killed by a landmine planted by rebels.\n\n"
            "The rebel command denied the claims.")
    mentions = extract_text(extractor, text)
    landmine = [m for m in mentions if m.sub_event_type == "Remote explosive/landmine/IED"]
    shelling = [m for m in mentions if m.sub_event_type == "Shelling/artillery/missile attack"]
    assert landmine and shelling and len(mentions) == 2
    assert [d.source for d in landmine[0].disputed_by] == ["rebel command"]
    assert shelling[0].disputed_by == []


def test_grouping_joins_references_and_splits_new_places(extractor: Extractor) -> None:
    text = ("Artillery shelled the town of Avdiivka on Monday.\n\n"
            "Three people were killed as a result of the attack, officials said.\n\n"
            "Separately, artillery shelled the village of Kurakhove, damaging homes.")
    mentions = extract_text(extractor, text)
    assert len(mentions) == 3
    assert mentions[0].group == mentions[1].group != mentions[2].group
    assert mentions[1].event_type == "Explosions/Remote violence"


def test_extract_many_matchesextract_text(extractor: Extractor) -> None:
    texts = ["Rebels shelled Kharkiv on Monday.", "The team won the match.", "Gunmen kidnapped a priest in Cauca."]
    documents = [Document(document_id=str(i), text=t, content_hash=content_hash(t)) for i, t in enumerate(texts)]
    pairs = list(extractor.extract_many(documents, batch_size=2))
    assert [d.document_id for d, _ in pairs] == ["0", "1", "2"]
    assert [_types(m) for _, m in pairs] == [_types(extractor.extract(d)) for d in documents]


def test_missing_model_says_how_to_install() -> None:
    with pytest.raises(ModelError, match="pip install en_core_web_nonexistent"):
        load_pipeline("en_core_web_nonexistent")


def test_pipeline_has_entity_ruler_before_ner_and_takes_extra_patterns() -> None:
    nlp = load_pipeline(extra_patterns=[{"label": "GPE", "pattern": "Zzyzxville"}])
    assert nlp.pipe_names.index("conflict_entities") < nlp.pipe_names.index("ner")
    doc = nlp("Shelling hit Zzyzxville and stepanakert.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Zzyzxville", "GPE"), ("stepanakert", "GPE")}


def test_grouping_keeps_streets_and_home_towns_in_the_happening(extractor: Extractor) -> None:
    text = ("A man was shot and killed in Stockton on Monday, police said.\n\n"
            "Officers responded to a shooting on East Swain Road near Lorraine Avenue and found the man.\n\n"
            "John Doe of Merrillville was pronounced dead at the scene.")
    mentions = extract_text(extractor, text)
    assert len(mentions) >= 2
    assert len({m.group for m in mentions}) == 1


def test_grouping_continues_a_happening_typed_differently_without_a_place(extractor: Extractor) -> None:
    text = ("A man was shot and killed in Stockton on Monday.\n\n"
            "Officers later exchanged gunfire with the gunman, who fled.")
    mentions = extract_text(extractor, text)
    assert len(mentions) == 2
    assert mentions[0].group == mentions[1].group


@pytest.mark.parametrize("text", [
    "Can you give us accurate information on the clash near the river?",
    "The minister announced a civilian front to fight subversion in the provinces.",
])
def test_questions_and_aims_yield_nothing(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text) == []


def test_surname_of_a_named_person_is_no_place():
    from conflictlog.extract.nlp import load_pipeline
    from conflictlog.extract.spans import place_spans

    text = "Isaac Duran was shot in Bell. Officers found Duran on a bike path in Bell."
    doc = load_pipeline()(text)
    second = list(doc.sents)[-1]
    assert "Duran" not in [span.text for span in place_spans(second, text)]



def test_weapon_words_inside_proper_names_are_no_trigger():
    from conflictlog.extract.events import EventLexicon
    from conflictlog.extract.nlp import load_pipeline

    nlp = load_pipeline()

    def subs(text):
        return [hit.sub_event_type for hit in EventLexicon.load().match(list(nlp(text).sents)[0])]

    assert "Shelling/artillery/missile attack" not in subs("Alec was shot Wednesday at a house in the Rocket Wood section of Charlestown.")
    assert "Shelling/artillery/missile attack" in subs("Troops shelled the village with artillery.")


def test_running_totals_and_old_killings_are_background(extractor: Extractor) -> None:
    text = ("So far this year, about 100 people have been killed in clashes in the region. "
            "The priest was murdered in March 1980 by a death squad, the committee recalled.")
    assert extract_text(extractor, text, published="1989-03-29") == []


def test_prison_riot_is_out_of_scope(extractor: Extractor) -> None:
    text = "Three inmates stabbed a prisoner to death in the Pavon prison camp on Monday."
    assert extract_text(extractor, text, published="1989-01-10") == []


def test_rebel_army_name_does_not_make_an_attack_a_battle(extractor: Extractor) -> None:
    text = "Guerrillas of the National Liberation Army attacked a bus and killed two farmers on Sunday."
    mentions = extract_text(extractor, text, published="1989-02-02")
    assert mentions and all(m.event_type != "Battles" for m in mentions)
    troops = extract_text(extractor, "Guerrillas attacked an army patrol and killed two soldiers on Sunday.", published="1989-02-02")
    assert {m.event_type for m in troops} == {"Battles"}
