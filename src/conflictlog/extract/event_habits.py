"""Triggers that tell what someone does, not what happened: the simple present of an act.

"High-ranking officers who kidnap and murder union members", "a regime which bombs the
cities": an act verb in the simple present describes a habit or a trait of its doer. A report
tells a happening in the past, the perfect or the progressive ("kidnapped", "have bombed",
"are shelling"); a present-tense report that does tell one ("Police arrest 5 in raid",
"Gunmen kill two on Monday") gives it a number or a date, so such a sentence still counts,
and so do a headline, which tells news in the present and ends without a full stop ("Russia
strikes back at US, expels diplomats"), and a quote, where a witness tells a happening in the
present ("the round hits her in the arm; she goes down"). A habit told of the doer of a past
act ("sappers who sabotage the grid destroyed two pylons") leaves that act a happening.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_SIMPLE_PRESENT = frozenset({"VBZ", "VBP"})
# a number or a date anchors a present-tense sentence to one happening
_ANCHOR_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL"})
_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def is_habitual(head: Token, sent: Span) -> bool:
    """Whether the trigger ``head`` is a simple-present act verb in a full sentence (not a
    headline, not a quote, not told in the past) with no date and no number."""
    if head.pos_ != "VERB" or not _in_simple_present(head):
        return False
    text = sent.text.strip()
    if not text.endswith(".") or any(mark in text for mark in _QUOTE_MARKS) or sent.root.tag_ == "VBD":
        return False
    return not any(ent.label_ in _ANCHOR_ENTITIES for ent in sent.ents)


def _in_simple_present(verb: Token) -> bool:
    """ "kidnap", "bombs", and "kill" in "who kidnap and kill": a bare verb joined to a present one shares its tense."""
    if verb.tag_ in _SIMPLE_PRESENT:
        return True
    return verb.tag_ == "VB" and verb.dep_ == "conj" and verb.head.tag_ in _SIMPLE_PRESENT
