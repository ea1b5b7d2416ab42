"""Mentions of one document -> Events with resolved places and dates.

Mentions of one group report one happening, and a happening has one place and one date: the
group settles them from what its members state (``settle``: the most specific place, the
best supported stated date) and every member takes them. A group that states no date takes
the first happening day the story's text names ("The incident happened Saturday night",
``story_dates``), else the last stated date before it in the document: a report tells its
story in order, and a sentence that gives no date goes on about the happening last dated.
A mention left without any place gets the place of an undated dateline ("AURORA, Colo.
(CBS4) --": local news names the city it covers, and a town far from that city is refused
as a namesake; a dated wire dateline, "SAN SALVADOR, 3 JAN 90 --", names only the filing
office), else the town a cue phrase of the story names ("in Ceres", "Burbank police":
``scene``), else the town its headline or outlet names ("Man shot and killed in Frankford",
"| The Augusta Chronicle": ``headline``), else the country the document points at most, at
country precision, else a place it names in passing ("a Milwaukee man": ``asides``; it says
where the happening was not, so a country is the safer answer); so does one whose only
place is a country the document mentions in passing ("U.S. aid", "talks in Honduras" in a
report about El Salvador): a country named without any of its places is more often an actor
than the scene. A county a mention names, or the dateline's city, is
made specific by a town the story or headline names inside it (``refine``). Last, a group
placed no more precisely than a district whose sentence names a settlement as such ("IN THE
VILLAGE OF CORIS") takes that settlement, and one whose sentence says "IN THIS CAPITAL" the
dateline's city, dated or not (``scene_settlement``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from ..models import Actor, Document, Event, GeoPrecision, Location, Mention, Span, stable_id
from .context import DocContext
from .dates import ResolvedDate, reference_day, resolve_date
from .gazetteer import Gazetteer
from .geo import resolve_location, resolve_span, to_location
from .geo_names import recased
from .headline import headline_town, outlet_town
from .names import name_key
from .refine import refined
from .scene import find_scene
from .scene_settlement import dateline_city_meant, named_settlement
from .settle import group_members, settle_date, settle_place
from .story_dates import dates_a_statement, sharpen_coarse_dates, story_date

# A country the document points at less than half as much as at its main one is "in passing".
_PASSING_SHARE = 0.5


class Resolver:
    """Resolves the places, dates and actor countries of a document's mentions."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def resolve(self, document: Document, mentions: list[Mention]) -> list[Event]:
        """One Event per mention, in order; ids are stable for the same document text."""
        context = DocContext.build(document, mentions, self.gazetteer)
        home = self._dateline_location(context)
        context.home = _local_point(home)
        places = [_unless_passing_country(resolve_location(m.place_spans, context, self.gazetteer), context)
                  for m in mentions]
        dates = [resolve_date(_happening_dates(m, document.text), _sentence(m), document.published,
                              context.dateline_date) for m in mentions]
        groups = group_members(mentions)
        for members in groups:
            _settle_group(members, places, dates)
        _date_undated_story(document, context, dates)
        _carry_dates_forward(groups, dates)
        sharpen_coarse_dates(dates)
        fallback = self._fallback_location(context, home, document.title)
        for index, mention in enumerate(mentions):
            if places[index].precision not in (GeoPrecision.TOWN, GeoPrecision.EXACT):
                places[index] = fallback(places[index], lambda m=mention: self._aside_place(m, context))
        city = functools.cache(lambda: self._dateline_city(context, home))
        for members in groups:
            self._place_in_named_settlement(members, mentions, places, context, city)
        return [self._event(document, index, mention, places[index], dates[index])
                for index, mention in enumerate(mentions)]

    def _place_in_named_settlement(self, members: list[int], mentions: list[Mention], places: list[Location],
                                   context: DocContext, city: Callable[[], Location | None]) -> None:
        # "THE MASSACRE TOOK PLACE IN THE VILLAGE OF CORIS", "A BOMB EXPLODED IN THIS CAPITAL": the
        # group's happening was there, however coarsely its other sentences place it.
        named = (named_settlement(_sentence(mentions[i]), places[i], context, self.gazetteer)
                 or dateline_city_meant(_sentence(mentions[i]), places[i], city) for i in members)
        found = next((place for place in named if place is not None), None)
        for i in members if found is not None else ():
            if places[i].precision not in (GeoPrecision.TOWN, GeoPrecision.EXACT):
                places[i] = dataclasses.replace(found)

    def _aside_place(self, mention: Mention, context: DocContext) -> Location:
        # "The victim, a 20-year-old Milwaukee man": where the victim is from, the last resort
        # for a mention that names no scene in a document that points at no country.
        return _unless_passing_country(resolve_location(mention.place_spans, context, self.gazetteer, asides=True),
                                       context)

    def actor_country(self, actor: Actor) -> str | None:
        """The actor's country code: as given, else that of a country its text names ("Azerbaijan")."""
        if actor.country_code:
            return actor.country_code
        key = name_key(actor.name or actor.text)
        countries = [p for p in self.gazetteer.candidates(key) if p.feature_code == "PCLI" and name_key(p.name) == key]
        return countries[0].country_code if countries else None

    def _event(self, document: Document, index: int, mention: Mention, location: Location, date: ResolvedDate) -> Event:
        return Event(
            id=stable_id("ev", document.content_hash, index), document_id=mention.document_id,
            event_type=mention.event_type, sub_event_type=mention.sub_event_type,
            date=date.date, date_precision=date.precision, location=location,
            actors=[dataclasses.replace(a, country_code=self.actor_country(a)) for a in mention.actors],
            casualties=list(mention.casualties), attribution=mention.attribution,
            disputed_by=list(mention.disputed_by), evidence=list(mention.evidence), group=mention.group,
        )

    def _fallback_location(self, context: DocContext, home: Location | None,
                           title: str | None) -> Callable[[Location, Callable[[], Location]], Location]:
        country = context.main_country()
        place = self.gazetteer.country(country) if country else None
        # A headline often names the town the story never repeats ("Man shot and killed in Frankford").
        story_town = find_scene(context.text[context.story_start:], context, self.gazetteer)
        headline = headline_town(title, context, self.gazetteer)
        # A dateline city gives way only to the headline's suburb: the story's cue phrases may
        # be about another shooting ("A second man was shot in Wauwatosa"). An outlet's city
        # ("« CBS Denver") makes nothing more specific.
        town = story_town or headline
        scene = refined(home, headline) if home else town or outlet_town(title, context, self.gazetteer)

        def fallback(unresolved: Location, aside: Callable[[], Location]) -> Location:
            if unresolved.precision:  # a county or a state the mention named
                return refined(unresolved, town)
            if scene is not None:
                return dataclasses.replace(scene, text=unresolved.text)
            if place is not None:
                return dataclasses.replace(to_location(unresolved.text, place), text=unresolved.text)
            last_resort = aside()
            return last_resort if last_resort.precision else unresolved

        return fallback


    def _dateline_city(self, context: DocContext, home: Location | None) -> Location | None:
        # A wire dateline's city ("GUATEMALA CITY, 13 JAN 90 --") is no scene by itself, but "this capital" is it.
        if home is not None or context.dateline_place is None:
            return home
        return resolve_span(context.dateline_place, context, self.gazetteer)

    def _dateline_location(self, context: DocContext) -> Location | None:
        if context.dateline_place is None or context.dateline_date:
            return None
        found = resolve_span(context.dateline_place, context, self.gazetteer)
        if context.dateline_areas and not (found.precision and context.in_dateline_area(found)):
            # "ADAMS COUNTY, Colo.", "ROSEBUD, Mo.": no such place in Missouri is known; the state is, a
            # namesake elsewhere is wrong. The dateline's name is kept: it names the place, the state locates it.
            found = to_location(context.dateline_place.text, context.dateline_areas[0],
                                name=recased(context.dateline_place.text))
        return found if found.precision else None


def _local_point(home: Location | None) -> tuple[float, float] | None:
    # Only a city is a local report's home; a state's centre says nothing about distances within it.
    if home is None or home.lat is None or home.precision not in (GeoPrecision.TOWN, GeoPrecision.DISTRICT):
        return None
    return home.lat, home.lon


def _unless_passing_country(location: Location, context: DocContext) -> Location:
    if location.precision != GeoPrecision.COUNTRY or context.country_share(location.country_code) >= _PASSING_SHARE:
        return location
    return Location(text=location.text)


def _settle_group(members: list[int], places: list[Location], dates: list[ResolvedDate]) -> None:
    place = settle_place([places[i] for i in members])
    found = settle_date([dates[i] for i in members])
    for i in members:
        if place is not None:
            places[i] = dataclasses.replace(place)
        if found is not None:
            dates[i] = found


def _carry_dates_forward(groups: list[list[int]], dates: list[ResolvedDate]) -> None:
    # A group that states no date goes on about the happening last dated before it; groups
    # before the first dated one lead up to it and take its date too.
    stated = [i for i, found in enumerate(dates) if found.stated and found.plausible]
    for members in groups:
        if dates[members[0]].stated or not stated:
            continue
        before = [i for i in stated if i < members[0]]
        carried = dates[before[-1] if before else stated[0]]
        for i in members:
            dates[i] = carried


def _date_undated_story(document: Document, context: DocContext, dates: list[ResolvedDate]) -> None:
    # The day the story names for what happened (often in a sentence that made no mention)
    # beats the publication day, and beats carrying another group's date forward.
    reference = reference_day(document.published, context.dateline_date)
    found = story_date(document.text, context.story_start, reference) if reference else None
    if found is not None:
        dates[:] = [found if not old.stated else old for old in dates]


def _happening_dates(mention: Mention, text: str) -> list[Span]:
    # "POLICE REPORTED TODAY THAT YESTERDAY ...": the day of the statement is not the happening's.
    return [span for span in mention.date_spans
            if not dates_a_statement(text, span.start, span.end) and not _in_square_brackets(text, span.start)]


def _in_square_brackets(text: str, start: int) -> bool:
    # "AT 2230 [0230 GMT ON 12 JANUARY]": a translator's note converts a time to GMT, often
    # across midnight; the happening's local day is the one the story itself states.
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return before.rfind("[") > before.rfind("]")


def _sentence(mention: Mention) -> str:
    return " ".join(span.text for span in mention.evidence)
