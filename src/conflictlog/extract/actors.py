"""Initiator and target of one event trigger, read from the dependency parse.

* active verb: subject initiates, object (or "fire at/on Y") is the target;
* passive verb: "by X" initiates, the subject is the target;
* noun: "X's attack", "attack by X", "Azerbaijani attack" initiate; "attack on Y" is the target;
  a noun carried by a light verb takes that verb's subject ("troops opened mortar fire");
* "X claimed responsibility for the attack" -> X, claimed; "X accused Y of attacking" -> Y, accused;
* no initiator found: a "by X" phrase below the trigger ("landmines planted by X").
Attribution is how firmly the text ties the initiator to the act: a hedge on the way from the
initiator to the trigger ("allegedly", "suspected", "possibly") sets accused / suspected /
possible, else reported. The speaker of the sentence is never an actor. A description
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

__all__ = ["ActorDictionary", "ActorInfo", "actor_from", "find_actors", "speaker_side", "usable_actor", "with_conjuncts"]

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
    initiators = _initiators(trigger, syntax) or _agents_below(trigger, syntax)
    # A claimer or an accuser speaks, yet the one who claims an attack is its initiator.
    actors = [actor_from(head, ActorRole.INITIATOR, attribution or _hedge(head, syntax))
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
    elif _is_passive(trigger):
        heads = _agents(trigger)
    elif _clause_verb(trigger).lemma_.lower() in syntax.undergoer_verbs and not _has_object(trigger):
        heads = []  # "Navas died", "a bomb exploded": the subject undergoes the event
    else:
        heads = _subjects(_clause_verb(trigger))
    return [(head, None) for head in with_conjuncts(heads)]


def _has_object(verb: Token) -> bool:
    """ "terrorists burned the offices", "detonated a bomb": a transitive use has a doer."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _clause_verb(verb: Token) -> Token:
    """A verb the parser hung on a noun ("began bombarding positions" as a compound) acts
    through the verb of its clause."""
    if verb.dep_ not in _MISPARSED_VERB_DEPS:
        return verb
    return next((a for a in verb.ancestors if a.pos_ == "VERB"), verb)


def _claimed_or_accused(trigger: Token, syntax: ActorSyntax) -> list[tuple[Token, PerpetratorAttribution | None]]:
    """ "X claimed responsibility for the attack", "X accused Y of attacking"."""
    for ancestor in list(trigger.ancestors)[:4]:
        lemma = ancestor.lemma_.lower()
        if lemma in syntax.claim_nouns and ancestor.head.lemma_.lower() in syntax.claim_verbs:
            return [(s, PerpetratorAttribution.CLAIMED) for s in _subjects(ancestor.head)]
        if lemma in syntax.accusation_verbs:
            # "blamed the attack on X": the act is the object, the one charged follows "on"
            holders = [ancestor, trigger] if trigger.head.i == ancestor.i else [ancestor]
            objects = [obj for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "on"
                       for obj in prep.children if obj.dep_ == "pobj"]
            objects = objects or [c for c in ancestor.children if c.dep_ == "dobj" and c.i != trigger.i]
            return [(o, PerpetratorAttribution.ACCUSED) for o in with_conjuncts(objects)]
    return []


def _noun_initiators(noun: Token, syntax: ActorSyntax) -> list[Token]:
    # "Romero's assassination": the owner of a harm noun is its victim, not its author.
    owners = [c for c in noun.children if c.dep_ == "poss" and noun.lemma_.lower() not in syntax.victim_nouns]
    owners += _agents(noun, preps=("by",))
    owners += [c for c in noun.children if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN")
               and default_dictionary().normalise(c.text) is not None]
    return owners or _carrier_initiators(noun, syntax)


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


def _hedge(head: Token, syntax: ActorSyntax) -> PerpetratorAttribution:
    """The attribution a hedge on the way from the initiator up to the quote verb sets."""
    path = [head]
    for ancestor in head.ancestors:
        if ancestor.lemma_.lower() in syntax.speech_verbs:
            break
        path.append(ancestor)
    for token in path:
        for word in [token, *(c for c in token.children if c.dep_ in _HEDGE_DEPS)]:
            cue = syntax.attribution_cues.get(word.lower_)
            if cue is not None and word != head:
                return cue
    return PerpetratorAttribution.REPORTED


def actor_from(head: Token, role: ActorRole, attribution: PerpetratorAttribution | None) -> Actor:
    text = _phrase(head)
    info = default_dictionary().normalise(text)
    return Actor(role=role, text=text, name=info.name if info else None,
                 country_code=info.country_code if info else None,
                 kind=info.kind if info else None, attribution=attribution)


_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
_LEFT_NOISE_DEPS = frozenset({"npadvmod", "advmod", "punct", "cc", "preconj"})


def _phrase(head: Token) -> str:
    """The actor's words as written: its left modifiers and any "of" phrase after it, without
    the clauses that describe it ("armed men, who forced him ...") or a leading "yesterday"."""
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ not in _LEFT_NOISE_DEPS])
    end = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and any(c.dep_ == "pobj" for c in child.children):
            end = max(end, _clause_free_end(child))
    return head.doc[start:end + 1].text.strip(" ,\"'")


def _clause_free_end(token: Token) -> int:
    """The last index of ``token``'s subtree before any clause hanging on it."""
    end = token.i
    for child in token.rights:
        if child.dep_ in _CLAUSE_DEPS:
            break
        end = max(end, _clause_free_end(child))
    return end


def with_conjuncts(heads: list[Token]) -> list[Token]:
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
        verb.dep_ == "acl" and verb.tag_ == "VBN")
