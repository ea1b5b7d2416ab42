"""Wire-report datelines: where and when a report was filed, not where the event happened.

Three styles are recognised at the very start of a text::

    SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] ...     (FBIS / MUC)
    STEPANAKERT, Sept 19 (Reuters) - ...
    KYIV (AP) — ...
    YORK, Pa- ...                                     (local sites)

The dateline's ``end`` also covers the bracketed FBIS header tags that follow the dash
(``[REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT]``), so that an extractor can
skip the whole header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Span

_PLACE = r"(?P<place>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})(?: \([A-Z][A-Za-z ]{1,30}\))?"
_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
_DATE = (
    r"(?:,\s*(?P<date>\d{1,2} [A-Z]{3}[A-Z]* \d{2,4}"
    r"|[A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})?"
    r"|NO DATE))?"
)
_AGENCY = r"(?:\s*\([^()\n]{1,40}\))?"
# A dash ends the dateline; local sites also write "YORK, Pa- A girl", "PASADENA >> One man", and
# an em dash lost to a bad encoding reads "HOUSTON ??? Police".
_DASH = r"\s*(?:--|\u2014|\u2013|-(?= )|>>|\?{3})"
_TAGS = r"(?:\s*\[[^\]\n]{0,160}\])*"
_DATELINE = re.compile(r"\A\s*" + _PLACE + _REGION + _DATE + _AGENCY + _DASH + _TAGS)


@dataclass(slots=True)
class Dateline:
    """The filing place (and date, when given) of a wire report; ``end`` is where the story starts."""

    place: Span
    date: Span | None
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None when the text does not open with one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = Span(match.group("place"), match.start("place"), match.end("place"))
    date = None
    if match.group("date") and match.group("date") != "NO DATE":
        date = Span(match.group("date"), match.start("date"), match.end("date"))
    end = match.end()
    while end < len(text) and text[end] == " ":
        end += 1
    return Dateline(place=place, date=date, end=end)
