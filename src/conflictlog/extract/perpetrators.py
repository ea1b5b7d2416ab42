"""Perpetrators said outside the sentence that tells the event, and shared within a happening.

Reports often name the perpetrator in a sentence of its own: "The FMLN claimed responsibility",
"Police blamed the FMLN", "Authorities attributed the attack to the MRTA". Such a sentence
has no event trigger of its own, so ``responsibility_actors`` reads the initiators it names
(claimed, accused or suspected), and the extractor gives them to the happening told just before.
``share_initiators`` then gives every mention of a happening that names no initiator the
initiators its other mentions name, so that each mention says who did it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Span, Token

from ..models import Actor, ActorRole, Mention, PerpetratorAttribution
from .actors import actor_from, actor_syntax, usable_actor, with_conjuncts

# "attributed the attack to X", "X was blamed for", "blamed the attack on X": who is charged
_CHARGE_PREPS = {"attribute": "to", "blame": "on", "pin": "on"}
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
        elif lemma in syntax.accusation_verbs or lemma in _CHARGE_PREPS:
            found += _actors(_charged(token, lemma), _CHARGE_ATTRIBUTION.get(lemma, PerpetratorAttribution.ACCUSED))
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


def _claims_responsibility(verb: Token, nouns: frozenset[str]) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)


def _charged(verb: Token, lemma: str) -> list[Token]:
    """Who a blaming verb charges: "blamed the attack on X" -> X, "blamed X", "X was blamed"."""
    preposition = _CHARGE_PREPS.get(lemma)
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


def _actors(heads: list[Token], attribution: PerpetratorAttribution) -> list[Actor]:
    return [actor_from(head, ActorRole.INITIATOR, attribution) for head in with_conjuncts(heads)
            if usable_actor(head, set())]
