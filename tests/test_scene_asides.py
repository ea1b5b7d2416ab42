"""Places named as where a report came from, where someone travelled from, or where an envoy serves are no scene."""

from __future__ import annotations

from conflictlog.models import Span
from conflictlog.resolve.asides import is_aside


def aside(text: str, place: str) -> bool:
    start = text.index(place)
    return is_aside(text, Span(place, start, start + len(place)))


def test_where_a_report_was_broadcast_from_is_no_scene() -> None:
    assert aside("THE REPORT, BROADCAST FROM ZORBAVILLE BY A CLANDESTINE RADIO, ADDED THAT TWO DIED.", "ZORBAVILLE")
    assert aside("A report from Zorbaville says the rebels burned a bus.", "Zorbaville")


def test_where_someone_or_something_came_from_is_no_scene() -> None:
    assert aside("THE WIFE OF THE MURDERED JUDGE ARRIVED FROM ZORBALAND TODAY FOR THE FUNERAL.", "ZORBALAND")
    assert aside("Grenades brought from Zorbaland were found in the house.", "Zorbaland")


def test_where_someone_travelled_from_or_serves_as_envoy_is_no_scene() -> None:
    assert aside("The bus traveling from Zorbaville was ambushed near the bridge.", "Zorbaville")
    assert aside("THE AMBASSADOR TO ZORBALAND WAS KIDNAPPED ON HIS WAY HOME.", "ZORBALAND")
    assert aside("HE SPOKE TO NEWSMEN IN ZORBAVILLE ABOUT THE MURDERS.", "ZORBAVILLE")


def test_a_place_where_it_happened_is_still_the_scene() -> None:
    assert not aside("A bomb exploded in Zorbaville on Monday.", "Zorbaville")
    assert not aside("REBELS ATTACKED A POLICE POST IN ZORBAVILLE.", "ZORBAVILLE")


def test_a_town_a_street_is_named_after_is_no_scene() -> None:
    # The shooting was on the street in some other city, not in the town the street is named after.
    assert aside("He was shot on East Zorbaville Street late Monday.", "East Zorbaville")
    assert aside("A BOMB EXPLODED ON ZORBAVILLE STREET, NEAR THE MARKET.", "ZORBAVILLE")


def test_a_source_an_office_or_a_home_named_by_its_place_is_no_scene() -> None:
    assert aside("He was shot twice, according to the Zorbaland State Highway Patrol.", "Zorbaland")
    assert aside("THE MAYOR OF ZORBAVILLE CONDEMNED THE ATTACK ON THE BUS.", "ZORBAVILLE")
    assert aside("Two residents of Zorbaville were wounded at the fair.", "Zorbaville")
