"""Perpetrators said outside the sentence that tells the event, and shared within a happening.

Reports often name the perpetrator in a sentence of its own: "The FMLN claimed responsibility",
"Police blamed the FMLN", "Authorities attributed the attack to the MRTA". Such a sentence
has no event trigger of its own, so ``responsibility_actors`` reads the initiators it names
(claimed, accused or suspected; "held responsible"; "the crime perpetrated by X"; "was the work
of X"), and the extractor gives them to the happening told just before.
``share_initiators`` then gives every mention of a happening that names no initiator the
initiators its other mentions name, so that each mention says who did it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Span, Token

from ..models import Actor, ActorRole, Mention, PerpetratorAttribution
from .actors import CHARGE_PREPS, ActorSyntax, actor_from, actor_syntax, hedge, usable_actor, with_conjuncts

_CHARGE_ATTRIBUTION = {"attribute": PerpetratorAttribution.SUSPECTED}


def responsibility_actors(sent: Span) -> list[Actor]:
    """Initiators that ``sent`` claims or charges, with how firmly ("claimed", "accused")."""
    syntax = actor_syntax()
    found: list[Actor] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or _negated(token):
            continue
        if lemma in syntax.claim_verbs and _claims_responsibility(token, syntax.claim_nouns):
            found += _actors(_subjects(token), PerpetratorAttribution.CLAIMED)
        elif lemma in syntax.accusation_verbs or lemma in CHARGE_PREPS:
            found += _actors(_charged(token, lemma), _CHARGE_ATTRIBUTION.get(lemma, PerpetratorAttribution.ACCUSED))
        elif lemma == "hold" and _has_complement(token, syntax.responsibility_words):
            found += _actors(_held(token), PerpetratorAttribution.ACCUSED)
        elif lemma in syntax.perpetration_verbs and _acts_on_deed(token, syntax):
            found += _hedged_actors(_by_agents(token))
    for token in sent:
        if token.pos_ == "AUX" and token.lemma_ == "be" and not _negated(token):
            found += _hedged_actors(_authors(token, syntax))
    return found


def share_initiators(mentions: list[Mention]) -> None:
    """Give mentions of a happening without an initiator those its other mentions name."""
    by_group: dict[int | None, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_group[mention.group].append(mention)
    for group, members in by_group.items():
        if group is None:
            continue
        known = _distinct_initiators(members)
        for mention in members:
            if known and not any(a.role is ActorRole.INITIATOR for a in mention.actors):
                mention.actors = [replace(actor) for actor in known] + mention.actors


def _distinct_initiators(members: list[Mention]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for mention in members:
        for actor in mention.actors:
            if actor.role is ActorRole.INITIATOR:
                seen.setdefault((actor.name or actor.text).lower(), actor)
    return list(seen.values())


def _has_complement(verb: Token, words: frozenset[str]) -> bool:
    """ "are being held responsible": the verb's predicate complement is one of ``words``."""
    return any(c.dep_ in _COMPLEMENT_DEPS and c.lemma_.lower() in words for c in verb.children)


_COMPLEMENT_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp"})


def _held(verb: Token) -> list[Token]:
    """Who "hold ... responsible" charges: "X are held responsible", "police hold X responsible"
    (also when the parser makes X the subject of "responsible")."""
    held = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    return held + [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]


def _acts_on_deed(verb: Token, syntax: ActorSyntax) -> bool:
    """ "the crime perpetrated by X", "the act was carried out by X": the verb's undergoer is a deed."""
    deeds = syntax.act_nouns | syntax.violence_lemmas | syntax.victim_nouns
    undergoers = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl":
        undergoers.append(verb.head)
    return any(u.lemma_.lower() in deeds for u in undergoers)


def _by_agents(verb: Token) -> list[Token]:
    return [obj for child in verb.children if child.dep_ == "agent" for obj in child.children if obj.dep_ == "pobj"]


def _authors(copula: Token, syntax: ActorSyntax) -> list[Token]:
    """ "the attack was the work of X", "X was responsible for the attack"."""
    found: list[Token] = []
    for child in copula.children:
        if child.dep_ == "attr" and child.lemma_.lower() in syntax.authorship_nouns:
            found += [obj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for obj in prep.children if obj.dep_ == "pobj"]
        elif child.dep_ == "acomp" and child.lemma_.lower() in syntax.responsibility_words and _for_deed(child, syntax):
            found += [c for c in copula.children if c.dep_ == "nsubj"]
    return found


def _for_deed(adjective: Token, syntax: ActorSyntax) -> bool:
    """ "responsible for the attack" (not "responsible for security")."""
    deeds = syntax.act_nouns | syntax.violence_lemmas | syntax.victim_nouns
    return any(obj.lemma_.lower() in deeds for prep in adjective.children if prep.dep_ == "prep" and prep.lower_ == "for"
               for obj in prep.children if obj.dep_ == "pobj")


def _claims_responsibility(verb: Token, nouns: frozenset[str]) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)


def _charged(verb: Token, lemma: str) -> list[Token]:
    """Who a blaming verb charges: "blamed the attack on X" -> X, "blamed X", "X was blamed"."""
    preposition = CHARGE_PREPS.get(lemma)
    # the parser often hangs "on X" on the act ("blamed [the attack on X]")
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj" and _is_event_noun(c))]
    charged = [obj for holder in holders for prep in holder.children
               if prep.dep_ in {"prep", "dative"} and prep.lower_ == preposition
               for obj in prep.children if obj.dep_ == "pobj"]
    if charged or lemma == "attribute":
        return charged
    return [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and not _is_event_noun(c)]


def _is_event_noun(token: Token) -> bool:
    return token.lemma_.lower() in actor_syntax().violence_lemmas or token.lemma_.lower() in actor_syntax().victim_nouns


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _hedged_actors(heads: list[Token]) -> list[Actor]:
    """Initiators as firmly as the sentence says ("is believed to be the work of X": suspected)."""
    syntax = actor_syntax()
    return [actor_from(head, ActorRole.INITIATOR, hedge(head, syntax)) for head in with_conjuncts(heads)
            if usable_actor(head, set())]


def _actors(heads: list[Token], attribution: PerpetratorAttribution) -> list[Actor]:
    return [actor_from(head, ActorRole.INITIATOR, attribution) for head in with_conjuncts(heads)
            if usable_actor(head, set())]
