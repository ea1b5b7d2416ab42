"""Actor dictionary (demonyms, metonyms, extension by file) and initiators/targets from syntax."""

from __future__ import annotations

import json

import pytest

from conflictlog.errors import ConfigError
from conflictlog.extract.actor_dictionary import ActorDictionary
from conflictlog.extract.actors import find_actors
from conflictlog.models import ActorRole, PerpetratorAttribution as P



@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


@pytest.mark.parametrize("text, code", [
    ("Azerbaijani armed forces", "AZ"), ("Armenian soldiers", "AM"), ("Ukrainian troops", "UA"),
    ("Russian army", "RU"), ("Israeli police", "IL"), ("Palestinian militants", "PS"), ("SALVADORAN ARMY", "SV"),
    ("the Azerbaijani defence ministry", "AZ"), ("Units of the Azerbaijani Armed Forces", "AZ"),
])
def test_demonyms_give_country(dictionary, text, code):
    assert dictionary.normalise(text).country_code == code


@pytest.mark.parametrize("text, name, code", [
    ("Baku", "Government of Azerbaijan", "AZ"), ("Moscow", "Government of Russia", "RU"),
    ("Kyiv", "Government of Ukraine", "UA"), ("Yerevan", "Government of Armenia", "AM"),
    ("Ouagadougou", "Government of Burkina Faso", "BF"),
])
def test_capitals_are_governments(dictionary, text, name, code):
    info = dictionary.normalise(text)
    assert (info.name, info.country_code, info.kind) == (name, code, "government")


def test_de_facto_authorities_have_a_side_but_no_code(dictionary):
    info = dictionary.normalise("official Stepanakert")
    assert (info.name, info.country_code, info.side) == ("Artsakh authorities", None, "Artsakh")
    army = dictionary.normalise("Defense Army of the Republic of Artsakh")
    assert (army.kind, army.side) == ("state_forces", "Artsakh")


@pytest.mark.parametrize("text, kind", [
    ("the army", "state_forces"), ("police", "state_forces"), ("guerrillas", "rebels"), ("urban guerrillas", "rebels"),
    ("ten terrorists", "unidentified"), ("a gunman", "unidentified"), ("unidentified armed men", "unidentified"),
    ("FMLN", "rebels"),
])
def test_descriptions_keep_a_kind(dictionary, text, kind):
    assert dictionary.normalise(text).kind == kind


@pytest.mark.parametrize("text, side", [
    ("Artsakh's Human Rights Defender Gegham Stepanyan", "Artsakh"), ("the Azerbaijani defence ministry", "AZ"),
    ("Baku", "AZ"), ("Armenpress", None), ("Victoria Smith", None), ("the guerrillas", None),
])
def test_speaker_side(dictionary, text, side):
    assert dictionary.speaker_side(text) == side


def test_user_file_extends_the_dictionary(tmp_path):
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({
        "actors": [{"names": ["Armenpress"], "name": "Armenpress", "country_code": "AM", "kind": "media", "side": "AM"}],
        "demonyms": {"Ruritanian": "RU"},
    }))
    extended = ActorDictionary.load(extra)
    assert extended.speaker_side("Armenpress") == "AM"
    assert extended.normalise("Ruritanian troops").name == "Military Forces of Russia"


def test_unreadable_user_file_says_what_to_do(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ConfigError, match="actor dictionary"):
        ActorDictionary.load(bad)


def actors(nlp, text: str, trigger_text: str | None = None):
    sent = next(iter(nlp(text).sents))
    trigger = next(t for t in sent if t.text == trigger_text) if trigger_text else None
    return {(a.role, a.text, a.country_code, a.attribution) for a in find_actors(sent, trigger)}


def test_active_verb(nlp):
    found = actors(nlp, "Azerbaijani armed forces on Tuesday began bombarding positions and cities in Artsakh.")
    assert (ActorRole.INITIATOR, "Azerbaijani armed forces", "AZ", P.REPORTED) in found


def test_passive_by_phrase(nlp):
    found = actors(nlp, "Three peasants were killed by heavily armed men, police said.", "killed")
    assert (ActorRole.INITIATOR, "heavily armed men", None, P.REPORTED) in found
    assert (ActorRole.TARGET, "Three peasants", None, None) in found


def test_opened_fire_on(nlp):
    found = actors(nlp, "The army said that Azerbaijani troops opened mortar fire at its positions in the area.", "fire")
    assert (ActorRole.INITIATOR, "Azerbaijani troops", "AZ", P.REPORTED) in found
    assert any(role is ActorRole.TARGET and "positions" in text for role, text, _, _ in found)


def test_possessive_and_attack_on(nlp):
    found = actors(nlp, "Children were treated after Azerbaijan's attack on Artsakh.", "attack")
    assert (ActorRole.INITIATOR, "Azerbaijan", "AZ", P.REPORTED) in found
    assert (ActorRole.TARGET, "Artsakh", None, None) in found


def test_attack_by(nlp):
    found = actors(nlp, "The attack by rebels destroyed the bridge.", "attack")
    assert {(r, t) for r, t, _, _ in found} == {(ActorRole.INITIATOR, "rebels")}


def test_allegedly_planted_landmines_are_accused(nlp):
    text = ("Baku claimed that six Azerbaijanis were killed after allegedly hitting landmines planted by "
            "Artsakh forces.")
    found = actors(nlp, text, "killed")
    initiators = {(t, a) for r, t, _, a in found if r is ActorRole.INITIATOR}
    assert initiators == {("Artsakh forces", P.ACCUSED)}


@pytest.mark.parametrize("text, trigger, who, level", [
    ("The FMLN claimed responsibility for the attack.", "attack", "The FMLN", P.CLAIMED),
    ("The government accused the guerrillas of attacking the village.", "attacking", "the guerrillas", P.ACCUSED),
    ("Suspected guerrillas killed two soldiers.", "killed", "Suspected guerrillas", P.SUSPECTED),
    ("The bomb may have been planted by urban guerrillas.", "planted", "urban guerrillas", P.POSSIBLE),
    ("Ten terrorists attacked the power station.", "attacked", "Ten terrorists", P.REPORTED),
])
def test_attribution_levels(nlp, text, trigger, who, level):
    initiators = {(t, a) for r, t, _, a in actors(nlp, text, trigger) if r is ActorRole.INITIATOR}
    assert initiators == {(who, level)}


def test_speaker_is_never_the_perpetrator(nlp):
    found = actors(nlp, "President Cristiani said the man was killed.", "killed")
    assert not any(r is ActorRole.INITIATOR for r, _, _, _ in found)
    said = actors(nlp, "Police said the man was killed by a gunman.", "killed")
    assert {(t) for r, t, _, _ in said if r is ActorRole.INITIATOR} == {"a gunman"}


def test_perpetrator_number_is_not_a_victim_but_an_actor(nlp):
    found = actors(nlp, "Two officers shot the man.", "shot")
    assert (ActorRole.INITIATOR, "Two officers", None, P.REPORTED) in found


def test_weapon_noun_takes_the_doer_of_its_verb(nlp):
    found = actors(nlp, "Ten terrorists hurled dynamite sticks at the embassy.", "dynamite")
    assert (ActorRole.INITIATOR, "Ten terrorists", None, P.REPORTED) in found


def test_passive_carrier_gives_its_agent(nlp):
    found = actors(nlp, "The bomb was planted by two individuals wearing sports clothes.", "bomb")
    assert {t for r, t, _, _ in found if r is ActorRole.INITIATOR} == {"two individuals wearing sports clothes"}


def test_owner_of_a_murder_is_its_victim(nlp):
    found = actors(nlp, "Police investigated Romero's assassination in the capital.", "assassination")
    assert not any(r is ActorRole.INITIATOR for r, _, _, _ in found)


def test_actor_phrase_leaves_out_its_relative_clause(nlp):
    found = actors(nlp, "He was kidnapped by a group of armed men, who forced him to leave.", "kidnapped")
    assert (ActorRole.INITIATOR, "a group of armed men", None, P.REPORTED) in found


def test_subject_of_died_is_no_perpetrator(nlp):
    found = actors(nlp, "Navas died and Galdamez was seriously injured.", "died")
    assert not any(r is ActorRole.INITIATOR for r, _, _, _ in found)


def test_rebel_attacks_name_their_initiator(nlp):
    found = actors(nlp, "The rebel attacks against brothels resumed.", "attacks")
    assert any(r is ActorRole.INITIATOR and t == "rebel" for r, t, _, _ in found)


def test_claim_and_blame_sentences_name_initiators(nlp):
    from conflictlog.extract.perpetrators import responsibility_actors

    def said(text):
        return [(a.text, a.attribution.value) for a in responsibility_actors(list(nlp(text).sents)[0])]

    assert said("The FMLN claimed responsibility.") == [("The FMLN", "claimed")]
    assert said("Police blamed the attack on the FMLN.") == [("the FMLN", "accused")]
    assert said("The police attributed the attack to the MRTA.") == [("the MRTA", "suspected")]
    assert said("No group has claimed responsibility.") == []


def test_transitive_burning_has_a_doer_and_blamed_party_is_no_target(nlp):
    from conflictlog.extract.actors import find_actors
    from conflictlog.extract.events import EventLexicon

    def roles(text):
        sent = list(nlp(text).sents)[0]
        hit = EventLexicon.load().match(sent)[0]
        return [(a.role.value, a.text) for a in find_actors(sent, hit.head)]

    assert ("initiator", "Shining Path terrorists") in roles("Shining Path terrorists overpowered residents and burned the offices.")
    assert roles("Police blamed the attack on the FMLN.") == [("initiator", "the FMLN")]


def test_weapons_negated_nouns_and_acts_are_not_actors(nlp):
    from conflictlog.extract.actors import find_actors
    from conflictlog.extract.events import EventLexicon

    sent = list(nlp("Two bullets hit the soldier.").sents)[0]
    hit = EventLexicon.load().match(sent)[0]
    assert all(a.text != "Two bullets" for a in find_actors(sent, hit.head))


def test_mentions_of_one_happening_share_initiators():
    from conflictlog.extract.perpetrators import share_initiators
    from conflictlog.models import Actor, ActorRole, Mention, PerpetratorAttribution

    doer = Actor(role=ActorRole.INITIATOR, text="the FMLN", attribution=PerpetratorAttribution.CLAIMED)
    first = Mention(document_id="d", event_type="Battles", sub_event_type="Armed clash", evidence=[], group=0, actors=[doer])
    second = Mention(document_id="d", event_type="Battles", sub_event_type="Armed clash", evidence=[], group=0)
    other = Mention(document_id="d", event_type="Battles", sub_event_type="Armed clash", evidence=[], group=1)
    share_initiators([first, second, other])
    assert [a.text for a in second.actors] == ["the FMLN"] and second.actors[0] is not doer
    assert other.actors == []


def test_terrorist_label_on_an_act_names_no_doer(nlp):
    # "terrorist" judges the act; "guerrilla" says who did it
    assert not any(r is ActorRole.INITIATOR for r, _, _, _ in actors(nlp, "A terrorist attack destroyed the bank.", "attack"))
    found = actors(nlp, "A guerrilla attack destroyed the bridge.", "attack")
    assert any(r is ActorRole.INITIATOR and t == "guerrilla" for r, t, _, _ in found)


def test_actor_phrase_keeps_what_the_doers_wore(nlp):
    found = actors(nlp, "Six priests were murdered on 16 November by men wearing military uniforms.", "murdered")
    assert (ActorRole.INITIATOR, "men wearing military uniforms", None, P.REPORTED) in found
    found = actors(nlp, "Six priests were murdered by men wearing military uniforms on 16 November.", "murdered")
    assert (ActorRole.INITIATOR, "men wearing military uniforms", None, P.REPORTED) in found


@pytest.mark.parametrize("text, trigger", [
    ("A truck hit the patrol on the highway.", "hit"),
    ("An uzi submachinegun killed the guard.", "killed"),
])
def test_vehicles_and_guns_are_not_actors(nlp, text, trigger):
    assert not any(r is ActorRole.INITIATOR for r, _, _, _ in actors(nlp, text, trigger))
