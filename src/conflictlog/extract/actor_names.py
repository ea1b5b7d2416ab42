"""How an actor is written and named: the phrase of its head word, less editorial tags and
naming hedges, with its dictionary entry, its own name ("a group calling itself X") or, for a
group named only by a word of the act ("guerrilla attack"), its collective ("guerrillas").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..models import Actor, ActorRole, PerpetratorAttribution
from .actor_dictionary import default_dictionary


def actor_from(head: Token, role: ActorRole, attribution: PerpetratorAttribution | None) -> Actor:
    """The actor ``head`` names: its words as written, less editorial tags ("[Text]") and naming
    hedges ("so-called", "self-styled": how the group calls itself, not who it is), and its
    dictionary entry. A group named only by a word of the act ("guerrilla attack") is named
    as the collective ("guerrillas")."""
    text = _without_qualifiers(_phrase(head))
    info = default_dictionary().normalise(text)
    name = info.name if info else _own_name(head)
    if name is None and info is not None:
        name = _own_name(head) or (_collective(text) if _is_modifier(head) else None)
    return Actor(role=role, text=text, name=name,
                 country_code=info.country_code if info else None,
                 kind=info.kind if info else None, attribution=attribution)


_EDITORIAL_TAG = re.compile(r"^\W*(?:text|excerpts?|report|summary|communique|editorial)\]\s*|\[(?:text|excerpts?)\]\s*",
                            re.IGNORECASE)
_QUALIFIERS = re.compile(r"^(?:(?:the|a|an)\s+)?(?:so-called|self-styled|self-named|self-proclaimed)\s+",
                         re.IGNORECASE)


def _without_qualifiers(text: str) -> str:
    """ "[Text] A self-named commando unit" -> "commando unit"; "The so-called extraditables" -> "extraditables"."""
    text = _EDITORIAL_TAG.sub("", text)
    stripped = _QUALIFIERS.sub("", text)
    return stripped if stripped.strip() else text


_NAMING_VERBS = frozenset({"call", "name", "style", "dub", "know"})


def _own_name(head: Token) -> str | None:
    """The name a description gives its group: "a commando unit, the Gerardo Barrios Civic Force",
    "a group calling itself the Gerardo Barrios Commando Unit", "a group known as X"."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return _phrase(child)
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in _NAMING_VERBS:
            named = [c for c in child.children if c.dep_ in {"oprd", "attr", "xcomp"} and c.pos_ == "PROPN"]
            named += [obj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as"
                      for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN"]
            if named:
                return _phrase(named[0])
    return None


def _is_modifier(head: Token) -> bool:
    """ "a guerrilla attack": the actor is named only by a word modifying the act."""
    return head.dep_ in {"amod", "compound"} and head.tag_ in {"NN", "JJ"}


def _collective(text: str) -> str:
    """The group a modifier stands for: "guerrilla attack" was made by guerrillas."""
    return text if text.lower().endswith("s") else text + "s"


# a participle right after the actor that tells how it looked identifies it ("men wearing uniforms")
_GUISE_VERBS = frozenset({"wear", "dress", "disguise", "clothe"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
_LEFT_NOISE_DEPS = frozenset({"npadvmod", "advmod", "punct", "cc", "preconj"})


def _phrase(head: Token) -> str:
    """The actor's words as written: its left modifiers, any "of" phrase after it and what it
    wears ("men wearing military uniforms", "individuals dressed as soldiers"), without the
    clauses that tell what it did ("armed men, who forced him ...") or a leading "yesterday"."""
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ not in _LEFT_NOISE_DEPS])
    end = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and any(c.dep_ == "pobj" for c in child.children):
            end = max(end, _clause_free_end(child))
        elif child.dep_ == "acl" and child.lemma_.lower() in _GUISE_VERBS and child.i == end + 1:
            end = max([end] + [_clause_free_end(c) for c in _guise(child)])
    return head.doc[start:end + 1].text.strip(" ,\"'")


def _guise(participle: Token) -> list[Token]:
    """What a "wearing" or "dressed" participle says was worn: its object, or "in" / "as" what
    ("wearing military uniforms", "dressed as soldiers"), not when or where ("on 15 November")."""
    return [c for c in participle.rights if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in {"in", "as"})]


def _clause_free_end(token: Token) -> int:
    """The last index of ``token``'s subtree before any clause hanging on it."""
    end = token.i
    for child in token.rights:
        if child.dep_ in _CLAUSE_DEPS:
            break
        end = max(end, _clause_free_end(child))
    return end
