"""Initiator and target of one event trigger, read from the dependency parse.

* active verb: subject initiates, object (or "fire at/on Y") is the target;
* passive verb: "by X" initiates, the subject is the target;
* noun: "X's attack", "attack by X", "Azerbaijani attack" initiate; "attack on Y" is the target;
  a noun carried by a light verb takes that verb's subject ("troops opened mortar fire");
* "X claimed responsibility for the attack" -> X, claimed; "X accused Y of attacking" -> Y, accused;
  "attributed to X" -> suspected; "X were involved in / behind the massacre" -> X;
* no initiator found: a "by X" phrase below the trigger ("landmines planted by X"), else the
  doer of another violence word of the sentence ("killed by a grenade when rebels attacked").
Attribution is how firmly the text ties the initiator to the act: a hedge on the way from the
initiator to the trigger ("allegedly", "suspected", "possibly") sets accused / suspected /
possible, else reported; an allegation verb above it ("the newspaper claims that soldiers
killed") accuses, or claims when the speaker is the doer. The speaker of the sentence is never an actor. A description
("ten terrorists") is kept as written, with the kind the dictionary gives it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ..models import Actor, ActorRole, PerpetratorAttribution
from .actor_dictionary import ActorDictionary, ActorInfo, default_dictionary
from .actor_names import actor_from

__all__ = ["ActorDictionary", "ActorInfo", "ActorSyntax", "actor_from", "find_actors", "speaker_side", "hedge", "usable_actor", "with_conjuncts"]

_INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
_HEDGE_DEPS = frozenset({"advmod", "aux", "amod", "acomp", "npadvmod"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_MISPARSED_VERB_DEPS = frozenset({"compound", "amod", "nmod"})
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "some", "several", "many"})


@dataclass(frozen=True, slots=True)
class ActorSyntax:
    """The words that steer actor finding (``syntax`` in ``lexicons/actors.json``)."""

    violence_lemmas: frozenset[str]
    light_verbs: frozenset[str]
    placing_verbs: frozenset[str]
    undergoer_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    victim_nouns: frozenset[str]
    not_actor_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    target_preps: frozenset[str]
    perpetration_verbs: frozenset[str]
    act_nouns: frozenset[str]
    responsibility_words: frozenset[str]
    allegation_verbs: frozenset[str]
    authorship_nouns: frozenset[str]
    attribution_cues: dict[str, PerpetratorAttribution]


@lru_cache(maxsize=1)
def actor_syntax() -> ActorSyntax:
    """The packaged actor syntax words."""
    raw = json.loads(resources.files("conflictlog.extract").joinpath("lexicons", "actors.json").read_text("utf-8"))
    words = raw["syntax"]
    cues = {k: PerpetratorAttribution(v) for k, v in words.pop("attribution_cues").items()}
    return ActorSyntax(**{k: frozenset(v) for k, v in words.items()}, attribution_cues=cues)


def speaker_side(text: str) -> str | None:
    """The side a speaker speaks for, by the packaged dictionary ("Baku" -> "AZ")."""
    return default_dictionary().speaker_side(text)


def find_actors(sent: Span, trigger: Token | None) -> list[Actor]:
    """Initiators and targets of ``trigger`` (or of the first violence word of ``sent``)."""
    syntax = actor_syntax()
    trigger = trigger if trigger is not None else _first_trigger(sent, syntax)
    if trigger is None:
        return []
    speakers = _speakers(sent, syntax)
    initiators = _initiators(trigger, syntax) or _agents_below(trigger, syntax) or _initiators_elsewhere(sent, trigger, syntax)
    # A claimer or an accuser speaks, yet the one who claims an attack is its initiator.
    actors = [actor_from(head, ActorRole.INITIATOR, attribution or hedge(head, syntax))
              for head, attribution in initiators if usable_actor(head, speakers if attribution is None else set())]
    doers = {head.i for head, _ in initiators}
    actors += [actor_from(head, ActorRole.TARGET, None) for head in _targets(trigger, syntax)
               if head.i not in doers and usable_actor(head, speakers)]
    return actors


def _first_trigger(sent: Span, syntax: ActorSyntax) -> Token | None:
    """The first violence verb, else the first violence noun."""
    words = [t for t in sent if t.lemma_.lower() in syntax.violence_lemmas]
    return next((t for t in words if t.pos_ == "VERB"), words[0] if words else None)


def _speakers(sent: Span, syntax: ActorSyntax) -> set[int]:
    """Token indices of whoever the sentence quotes ("..., police said", "according to X")."""
    heads = []
    for token in sent:
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in syntax.speech_verbs:
            heads.append(token)
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            heads.append(token)
    return {t.i for head in heads for t in head.subtree}


def usable_actor(head: Token, speakers: set[int]) -> bool:
    """Whether ``head`` can name an actor: not the speaker, a pronoun, a number, a negated
    noun ("no organization"), a weapon ("two bullets") or the act itself ("the ambush")."""
    if head.i in speakers or head.pos_ in {"PRON", "PUNCT"} or head.ent_type_ in _NOT_ACTORS or head.lower_ in _NUMBER_WORDS:
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return False
    syntax = actor_syntax()
    return head.lemma_.lower() not in syntax.not_actor_nouns | syntax.violence_lemmas | syntax.victim_nouns


def _initiators(trigger: Token, syntax: ActorSyntax) -> list[tuple[Token, PerpetratorAttribution | None]]:
    special = _claimed_or_accused(trigger, syntax)
    if special:
        return special
    if trigger.pos_ in ("NOUN", "PROPN"):
        heads = _noun_initiators(trigger, syntax)
    elif trigger.dep_ == "amod" and trigger.tag_ == "VBN":
        heads = []  # "the assassinated candidate": a participle describing the victim names no doer in its clause
    elif _is_passive(trigger):
        heads = _agents(trigger)
    elif _clause_verb(trigger).lemma_.lower() in syntax.undergoer_verbs and not _has_object(trigger):
        heads = []  # "Navas died", "a bomb exploded": the subject undergoes the event
    else:
        heads = _subjects(_clause_verb(trigger))
    return [(head, None) for head in with_conjuncts(heads)]


def _initiators_elsewhere(sent: Span, trigger: Token, syntax: ActorSyntax) -> list[tuple[Token, PerpetratorAttribution | None]]:
    """ "No casualties resulted from this attack by FMLN rebels", "the attack was launched from a
    car, from which unidentified individuals threw dynamite": when the word that types the event
    names no doer, the first other violence word of the sentence that does."""
    for token in sent:
        if token.i != trigger.i and token.lemma_.lower() in syntax.violence_lemmas and not _negated(token):
            found = [(head, attribution) for head, attribution in _initiators(token, syntax) if usable_actor(head, set())]
            if found:
                return found
    return []


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _has_object(verb: Token) -> bool:
    """ "terrorists burned the offices", "detonated a bomb": a transitive use has a doer."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _clause_verb(verb: Token) -> Token:
    """A verb the parser hung on a noun ("began bombarding positions" as a compound) acts
    through the verb of its clause."""
    if verb.dep_ not in _MISPARSED_VERB_DEPS:
        return verb
    return next((a for a in verb.ancestors if a.pos_ == "VERB"), verb)


# "attributed the attack to X", "blamed the attack on X": the preposition before the one charged
CHARGE_PREPS = {"attribute": "to", "blame": "on", "pin": "on"}


def _claimed_or_accused(trigger: Token, syntax: ActorSyntax) -> list[tuple[Token, PerpetratorAttribution | None]]:
    """ "X claimed responsibility for the attack", "X accused Y of attacking", "the murder was
    attributed to X", "soldiers accused of the massacre", "X were involved in / behind the attack"."""
    for ancestor in list(trigger.ancestors)[:6]:
        lemma = ancestor.lemma_.lower()
        if lemma in syntax.claim_nouns and ancestor.head.lemma_.lower() in syntax.claim_verbs:
            return [(s, PerpetratorAttribution.CLAIMED) for s in _subjects(ancestor.head)]
        if lemma in syntax.accusation_verbs or lemma in CHARGE_PREPS:
            level = PerpetratorAttribution.SUSPECTED if lemma == "attribute" else PerpetratorAttribution.ACCUSED
            return [(o, level) for o in _accused(ancestor, trigger, lemma)]
        if lemma == "involve" or (ancestor.lower_ == "behind" and ancestor.head.lemma_ == "be"):
            return [(head, None) for head in with_conjuncts(_involved(ancestor))]
    return []


def _accused(verb: Token, trigger: Token, lemma: str) -> list[Token]:
    """Who a blaming verb charges: "blamed the attack on X", "attributed to X", "accused X",
    "soldiers accused of the massacre" (the participle's noun)."""
    preposition = CHARGE_PREPS.get(lemma, "on")
    holders = [verb, trigger] if trigger.head.i == verb.i else [verb]
    charged = [obj for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == preposition
               for obj in prep.children if obj.dep_ == "pobj"]
    charged = charged or [c for c in verb.children if c.dep_ == "dobj" and c.i != trigger.i]
    if not charged and verb.dep_ in {"acl", "amod"}:
        charged = [verb.head]
    return with_conjuncts(charged)


def _involved(word: Token) -> list[Token]:
    """ "eight soldiers were involved in", "the soldiers involved in", "X was behind": who took part."""
    if word.dep_ in {"acl", "amod"}:
        return [word.head]
    holder = word.head if word.lower_ == "behind" else word
    return [c for c in holder.children if c.dep_ in {"nsubjpass", "nsubj"}]


def _noun_initiators(noun: Token, syntax: ActorSyntax) -> list[Token]:
    """Who a violence noun names as its author: its owner or "by X", else the doer of the verb
    that carries it ("subversives conducted a terrorist attack"), else a modifier naming an
    actor ("Azerbaijani attack", "guerrilla attack"): the modifier describes, the doer names."""
    # "Romero's assassination": the owner of a harm noun is its victim, not its author.
    owners = [c for c in noun.children if c.dep_ == "poss" and noun.lemma_.lower() not in syntax.victim_nouns]
    owners += _agents(noun, preps=("by",))
    # "an attack perpetrated by presumed urban guerrillas"
    owners += [obj for clause in noun.children if clause.dep_ == "acl" for obj in _agents(clause)]
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN")
                 and _names_a_kind_of_doer(c)]
    return owners or _carrier_initiators(noun, syntax) or modifiers


def _names_a_kind_of_doer(modifier: Token) -> bool:
    """ "guerrilla attack", "army shelling" name who did it; "terrorist attack" only judges the act:
    a modifier the dictionary knows only as an unidentified doer names no actor."""
    info = default_dictionary().normalise(modifier.text)
    return info is not None and (info.name is not None or info.kind != "unidentified")


def _carrier_initiators(noun: Token, syntax: ActorSyntax) -> list[Token]:
    """The doer of the verb that carries a weapon or act noun: "terrorists hurled dynamite
    sticks", "troops opened mortar fire", "the bomb was planted by two individuals"."""
    while noun.dep_ in ("compound", "conj") and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ == "nsubjpass":
        return _agents(verb)
    carriers = syntax.light_verbs | syntax.placing_verbs
    if noun.dep_ == "dobj" and verb.lemma_.lower() in carriers:
        return _subjects(verb)
    return []


def _agents(head: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    """The "by X" objects of a passive verb or a noun."""
    return [obj for child in head.children if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in preps)
            for obj in child.children if obj.dep_ == "pobj"]


def _agents_below(trigger: Token, syntax: ActorSyntax) -> list[tuple[Token, PerpetratorAttribution | None]]:
    """ "six were killed after hitting landmines planted by X": a "by X" under the trigger."""
    found = [obj for token in trigger.subtree if token.dep_ == "agent"
             and token.head.lemma_.lower() not in syntax.speech_verbs
             for obj in token.children if obj.dep_ == "pobj"]
    return [(head, None) for head in with_conjuncts(found)]


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    own = [_antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
    if own or depth > 3 or verb.dep_ not in _INHERITING_DEPS or verb.head == verb:
        return own
    return _subjects(verb.head, depth + 1)  # "troops began bombarding", "opened fire, killing"


def _targets(trigger: Token, syntax: ActorSyntax) -> list[Token]:
    carriers = [trigger]
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in syntax.light_verbs:
        carriers.append(trigger.head)  # "opened fire at its positions": the prep hangs on the verb
    heads = [c for c in trigger.children if c.dep_ == "nsubjpass"] if _is_passive(trigger) else []
    if trigger.pos_ == "VERB" and not _is_passive(trigger):
        heads += [c for c in trigger.children if c.dep_ == "dobj"]
        if trigger.dep_ in _MISPARSED_VERB_DEPS:
            heads.append(trigger.head)
    heads += [obj for carrier in carriers for prep in carrier.children
              if prep.dep_ == "prep" and prep.lower_ in syntax.target_preps
              for obj in prep.children if obj.dep_ == "pobj"]
    return with_conjuncts(heads)


def hedge(head: Token, syntax: ActorSyntax) -> PerpetratorAttribution:
    """The attribution a hedge on the way from the initiator up to the quote verb sets; an
    allegation ("the newspaper claims that soldiers killed ...") accuses, unless the one who
    alleges is the doer ("the FMLN claims its units attacked"): then it is a claim."""
    path = [head]
    speech = None
    for ancestor in head.ancestors:
        if ancestor.lemma_.lower() in syntax.speech_verbs:
            speech = ancestor
            break
        path.append(ancestor)
    for token in path:
        for word in [token, *(c for c in token.children if c.dep_ in _HEDGE_DEPS)]:
            cue = syntax.attribution_cues.get(word.lower_)
            if cue is not None and word != head:
                return cue
    if speech is not None and speech.lemma_.lower() in syntax.allegation_verbs:
        return PerpetratorAttribution.CLAIMED if _speaks_for_itself(head, speech) else PerpetratorAttribution.ACCUSED
    return PerpetratorAttribution.REPORTED


_OWN_WORDS = frozenset({"its", "their", "our", "we", "us"})


def _speaks_for_itself(head: Token, speech: Token) -> bool:
    """Whether the speaker of ``speech`` is the actor ``head`` names ("the FMLN claims its units")."""
    speakers = [t for c in speech.children if c.dep_ == "nsubj" for t in c.subtree]
    actor = list(head.subtree)
    if any(t.lower_ in _OWN_WORDS for t in actor):
        return True
    names = {t.lower_ for t in speakers if t.pos_ == "PROPN"}
    return bool(names) and not names.isdisjoint(t.lower_ for t in actor)


def with_conjuncts(heads: list[Token]) -> list[Token]:
    """The heads and the words joined to them ("soldiers and police"), nouns and the like only, once each."""
    seen, result = set(), []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token.i not in seen and token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                seen.add(token.i)
                result.append(token)
    return result


def _antecedent(token: Token) -> Token:
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN") or _is_headline_passive(verb)


def _is_headline_passive(verb: Token) -> bool:
    """ "Four people killed, five injured in a car bomb blast": a past participle with a subject but
    neither auxiliary nor object is a passive with its auxiliary left out; its subject is the victim."""
    return verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj") and not any(
        c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
