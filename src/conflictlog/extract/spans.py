"""Place and date spans of a sentence, with real offsets into the document text."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ..models import Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
DATE_LABELS = {"DATE", "TIME"}
_ADMIN_WORDS = {"district", "region", "province", "department", "governorate", "county", "state", "municipality",
                "oblast", "raion", "prefecture", "village", "town", "city", "area"}
# A place that is the possessor or the agent ("Azerbaijan's attacks", "shelled by Russia")
# names an actor, not where something happened.
# A subject only names an actor when its verb acts on something ("Russia shelled Kharkiv");
# a subject of a verb of saying is a speaker; "Stepanakert came under bombardment" is a place.
_SUBJECT_DEPS = {"nsubj"}
# "Philadelphia's Kensington section", "Chicago's Southwest Side": a city owning a part of
# itself is the place (a gazetteer knows the city; its neighbourhoods are namesakes elsewhere).
_CITY_PART_NOUNS = {"neighborhood", "neighbourhood", "section", "side", "suburb", "suburbs", "outskirts",
                    "downtown", "streets"}
# "the Chicago Lawn neighborhood", "the city's Feltonville section": a neighbourhood is no town;
# the event takes the city the report names or covers.
_NEIGHBOURHOOD_WORDS = {"neighborhood", "neighbourhood", "section"}
# "near Beale and Fond du Lac", "at Concord and Market": two bare names joined after "at" or
# "near" are the streets of an intersection, not towns ("in Milwaukee and Glendale" are towns).
# Upper-case wire text ("CLASHES NEAR SAN MIGUEL AND USULUTAN") names towns so, not corners.
_CORNER_PREPOSITIONS = {"at", "near"}
# "taken to Presence Saint Francis Hospital in Evanston": where the hospital is, not the scene.
_CARE_NOUNS = {"hospital", "center", "centre", "clinic", "infirmary"}
_TRANSFER_VERBS = {"take", "transport", "rush", "fly", "airlift", "bring", "carry", "drive", "transfer"}
# Joining words inside Spanish and Portuguese place names ("San Miguel de Mercedes", "San José Las Flores").
_NAME_JOINERS = {"de", "del", "la", "las", "los", "da", "do", "das", "dos"}
# "Raekwon Shannon of Spokane", "Jeremiah Washington, 24, of Memphis": where a person named
# just before comes from is a residence, not where anything happened.
_NAME_POS = {"PROPN", "NUM"}


def span_of(text: str, start: int, end: int) -> Span:
    """A models.Span of ``text[start:end]``."""
    return Span(text=text[start:end], start=start, end=end)


def place_spans(sent: SpacySpan, text: str, after: int = 0) -> list[Span]:
    """GPE/LOC/FAC entities of ``sent`` used as places ("X district" kept whole)."""
    spans: list[Span] = []
    covered = sent.start
    for ent in sent.ents:
        if ent.label_ not in PLACE_LABELS or ent.start_char < after or ent.start < covered:
            continue
        if (_names_actor(ent) and not _owns_city_part(ent)) or _is_person_name(ent) or _is_neighbourhood(ent) \
                or _is_street_corner(ent) or _is_residence(ent) or _locates_a_hospital(ent):
            continue
        end = covered = _name_end(ent, sent.end, text)
        if end < sent.end and sent.doc[end].lower_ in _ADMIN_WORDS:
            end += 1
        spans.append(span_of(text, ent.start_char, sent.doc[end - 1].idx + len(sent.doc[end - 1])))
    return spans


def _name_end(ent: SpacySpan, limit: int, text: str) -> int:
    """The end of the place's whole name: "SAN MIGUEL DE MERCEDES", "SANTA MARIA DEL VALLE",
    "LA ESPERANZA" are one place each, though the recogniser often stops at or just after the
    joining word. A name goes on only with a word capitalised in the document's own text (the
    parsed text may be re-cased); a trailing "LA" only in upper-case text or lower-case
    itself (in mixed-case text "LA Tuesday" is Los Angeles)."""
    doc, end = ent.doc, ent.end
    while end < limit:
        following = end
        while following < limit and doc[following].lower_ in _NAME_JOINERS:
            following += 1
        joined = following > end or _trailing_joiner(doc[end - 1], text)
        if not joined or following >= limit or not _capitalised(doc[following], text):
            break
        end = following + 1
    return end


def _trailing_joiner(token: Token, text: str) -> bool:
    if token.lower_ not in _NAME_JOINERS:
        return False
    written = text[token.idx:token.idx + len(token)]
    sentence = text[token.sent.start_char:token.sent.end_char]
    return written.islower() or sentence.isupper()


def _capitalised(token: Token, text: str) -> bool:
    return token.is_alpha and text[token.idx].isupper()


def date_spans(sent: SpacySpan, text: str, after: int = 0) -> list[Span]:
    """DATE/TIME entities of ``sent`` (none from the dateline)."""
    return [span_of(text, ent.start_char, ent.end_char) for ent in sent.ents
            if ent.label_ in DATE_LABELS and ent.start_char >= after]


def _names_actor(ent: SpacySpan) -> bool:
    root = ent.root
    if root.dep_ == "poss":
        return True
    if root.dep_ in _SUBJECT_DEPS and any(child.dep_ in {"dobj", "ccomp"} for child in root.head.children):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def _owns_city_part(ent: SpacySpan) -> bool:
    root = ent.root
    return root.dep_ == "poss" and root.head.lower_ in _CITY_PART_NOUNS


def _is_neighbourhood(ent: SpacySpan) -> bool:
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.lower_ in _NEIGHBOURHOOD_WORDS


def _is_street_corner(ent: SpacySpan) -> bool:
    doc = ent.doc
    if ent.text.isupper():
        return False
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "and":
        first = ent.start - 2
        while first > 0 and doc[first - 1].pos_ in _NAME_POS:
            first -= 1
        return doc[first].pos_ in _NAME_POS and first > 0 and doc[first - 1].lower_ in _CORNER_PREPOSITIONS
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "and" and doc[ent.end + 1].pos_ in _NAME_POS:
        return ent.start > 0 and doc[ent.start - 1].lower_ in _CORNER_PREPOSITIONS
    return False


def _locates_a_hospital(ent: SpacySpan) -> bool:
    # Only a hospital someone was taken to: "shot outside a hospital in Chicago" is a scene.
    preposition = ent.root.head
    care = preposition.head
    return ent.root.dep_ == "pobj" and preposition.lower_ in {"in", "at"} and care.lower_ in _CARE_NOUNS \
        and care.head.lower_ == "to" and care.head.head.lemma_ in _TRANSFER_VERBS


def _is_residence(ent: SpacySpan) -> bool:
    doc = ent.doc
    if ent.start < 2:
        return False
    if doc[ent.start - 1].text == ",":
        # "of Spokane, Washington": the state of a residence is part of it.
        town = next((e for e in doc.ents if e.end == ent.start - 1 and e.label_ in PLACE_LABELS), None)
        return town is not None and _is_residence(town)
    before = doc[ent.start - 2]
    return doc[ent.start - 1].lower_ == "of" and (before.text == "," or before.like_num or before.ent_type_ == "PERSON")


def _is_person_name(ent: SpacySpan) -> bool:
    """ "found Duran", "Ballardo was pronounced dead": a one-word place that is part of the
    name of a person named earlier in the document ("Isaac Duran") is that person."""
    if len(ent) != 1:
        return False
    word = ent.text.lower()
    return any(word in {t.lower_ for t in person} for person in ent.doc.ents
               if person.label_ == "PERSON" and len(person) > 1 and person.end <= ent.start)

