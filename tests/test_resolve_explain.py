"""`conflictlog places NAME`: candidates, scores with reasons, and the choice."""

from __future__ import annotations

from conflictlog.cli import main
from conflictlog.resolve import Gazetteer
from conflictlog.resolve.explain import explain


def test_martuni_has_three_candidates_and_the_context_picks_one() -> None:
    gazetteer = Gazetteer.open()
    plain = explain("Martuni", gazetteer)
    assert len(plain.candidates) == 3
    karabakh = explain("Martuni", gazetteer, "Azerbaijan shelled Stepanakert and Martuni in Nagorno-Karabakh")
    assert karabakh.chosen is not None and karabakh.chosen.place.country_code == "AZ"
    assert "near named places" in karabakh.chosen.reasons


def test_unknown_name_has_no_choice() -> None:
    assert explain("Qwxzplace", Gazetteer.open()).chosen is None


def test_places_command_prints_candidates_and_choice(capsys) -> None:
    assert main(["places", "Stepanakert"]) == 0
    out = capsys.readouterr().out
    assert "-> Stepanakert (Xankəndi, AZ)" in out and "chosen: Stepanakert" in out
