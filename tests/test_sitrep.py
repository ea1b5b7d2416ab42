"""Situation report content over the FICTIONAL scenario (tests/data/sitrep/scenario.py): selection,
headline ranges, contested claims, what changed and escaping."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conflictlog.errors import ConfigError
from conflictlog.models import CasualtyKind, IncidentCasualty, VictimGroup
from conflictlog.report.sitrep import ReportInput, Scope, build_sitrep, render
from conflictlog.report.sitrep.content import Range
from conflictlog.report.sitrep.figures import incident_range, independent_sources, total_range
from conflictlog.models import IncidentSource


def _load_scenario():
    spec = importlib.util.spec_from_file_location("sitrep_scenario", Path(__file__).parent / "data/sitrep/scenario.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCENARIO = _load_scenario()


def _input(stage) -> ReportInput:
    incidents, events, documents = stage()
    return ReportInput(incidents, events, {d.document_id: d for d in documents})


def _headline(report, label):
    return next(h for h in report.headlines if h.label == label)


def test_stage_one_headline_ranges():
    report, _ = build_sitrep(_input(SCENARIO.stage_one), Scope(), charts=False)
    assert _headline(report, "Killed").total == Range(9, 10, None)          # 3-5 (best 4) + 6 fighters, open
    assert _headline(report, "Killed").total.text() == "9+ (best 10)"
    assert _headline(report, "Killed").rows == (1, 3)          # Oskaby, Tarnholm (Brekka #2 has no toll)
    assert _headline(report, "Killed: civilians").total.text() == "3"
    assert _headline(report, "Killed: children").total.text() == "1"
    assert _headline(report, "Injured").total.text() == "10+"
    assert report.incident_count == 3 and report.report_count == 2
    assert report.source_count == 4


def test_stage_two_headline_ranges_and_notes():
    report, _ = build_sitrep(_input(SCENARIO.stage_two), Scope(), charts=False)
    assert _headline(report, "Killed").total == Range(23, 24, None)         # 5-7 (6) + 6+ + 12-15 (12)
    assert _headline(report, "Killed: civilians").total.text() == "5-6 (best 5)"
    assert _headline(report, "Killed: children").total.text() == "2"
    assert _headline(report, "Injured").total.text() == "14"
    notes = {n.number: n for n in report.notes}
    for number in _headline(report, "Killed").notes:
        assert notes[number].quote and notes[number].row in _headline(report, "Killed").rows


def test_scope_selects_by_place_and_period():
    data = _input(SCENARIO.stage_two)
    assert [r.place for r in build_sitrep(data, Scope(region="oskaby"), charts=False)[0].rows] == ["Oskaby, ZZ"]
    dated = build_sitrep(data, Scope(date_from="2031-04-02", date_to="2031-04-02"), charts=False)[0]
    assert sorted(r.place for r in dated.rows) == ["Brekka, ZZ", "Tarnholm, ZZ"]
    boxed = build_sitrep(data, Scope.parse(bbox="29,48.5,30,49.5"), charts=False)[0]
    assert [r.place for r in boxed.rows] == ["Brekka, ZZ"]
    assert build_sitrep(data, Scope.parse(country="ua"), charts=False)[0].rows == []


@pytest.mark.parametrize("arguments", [{"country": "Ukraine"}, {"bbox": "1,2,3"}, {"date_from": "04/02/2031"},
                                       {"date_from": "2031-05-01", "date_to": "2031-04-01"},
                                       {"country": "UA", "region": "Kherson"}])
def test_bad_scope_is_a_config_error(arguments):
    with pytest.raises(ConfigError):
        Scope.parse(**arguments)


def test_contested_and_denied_claims_side_by_side():
    report, _ = build_sitrep(_input(SCENARIO.stage_two), Scope(), charts=False)
    by_place = {c.summary.split(" in ")[1].split(" on ")[0]: c for c in report.contests}
    assert sorted(by_place) == ["Brekka", "Tarnholm"]
    tarnholm = dict(by_place["Tarnholm"].sides)
    assert [s.who for s in tarnholm["Ostria"]] == ["Ostrian Ministry of Defence"]
    assert tarnholm["Ostria"][0].stance == "alleged" and "[killed combatants 6]" in tarnholm["Ostria"][0].text
    assert tarnholm["Veldmark"][0].stance == "disputes"
    assert "denied any depot" in tarnholm["Veldmark"][0].text
    brekka = dict(by_place["Brekka"].sides)
    assert by_place["Brekka"].status == "denied"
    assert brekka["Ostria"][0].stance == "denied" and brekka["Veldmark"][0].stance == "asserted"


def test_changes_since_last_report():
    _, first_state = build_sitrep(_input(SCENARIO.stage_one), Scope(), charts=False)
    report, _ = build_sitrep(_input(SCENARIO.stage_two), Scope(), first_state, charts=False)
    kinds = [(c.kind, c.row) for c in report.changes]
    rows = {r.incident.id: r.number for r in report.rows}
    assert ("new", rows["fx-i4"]) in kinds
    assert ("revised", rows["fx-i1"]) in kinds and ("status", rows["fx-i3"]) in kinds
    assert ("sources", rows["fx-i1"]) in kinds
    revised = next(c.text for c in report.changes if c.kind == "revised")
    assert "killed all 3-5 (best 4) → 5-7 (best 6)" in revised
    status = next(c.text for c in report.changes if c.kind == "status")
    assert "single_source → denied" in status


def test_no_changes_against_own_state_and_gone_incidents():
    data = _input(SCENARIO.stage_two)
    _, state = build_sitrep(data, Scope(), charts=False)
    assert build_sitrep(data, Scope(), state, charts=False)[0].changes == []
    narrowed = build_sitrep(data, Scope(region="Oskaby"), state, charts=False)[0]
    assert [c.kind for c in narrowed.changes] == ["gone", "gone", "gone"]
    assert "different scope" in narrowed.since_last


def test_developing_stories_from_history():
    report, _ = build_sitrep(_input(SCENARIO.stage_two), Scope(), charts=False)
    texts = [c.text for c in report.developing]
    assert any(t.startswith("report of 2031-04-02") and "single_source → corroborated" in t for t in texts)
    assert any(t.startswith("report of 2031-04-04") and "killed children 1 → 2" in t for t in texts)


def test_html_escapes_article_text_and_links_figures():
    report, _ = build_sitrep(_input(SCENARIO.stage_two), Scope(), charts=False)
    html = render(report, "html").decode()
    assert "<b>medic</b>" not in html and "&lt;b&gt;medic&lt;/b&gt;" in html
    assert 'href="#note-' in html and 'id="note-1"' in html and 'id="row-1"' in html
    assert "http" not in html.replace('lang="en"', "")       # nothing fetched from anywhere


def test_markdown_has_sections_and_footnotes():
    report, _ = build_sitrep(_input(SCENARIO.stage_two), Scope(), charts=False)
    text = render(report, "md").decode()
    for section in ("## Headline figures", "## Incidents", "## Contested and denied claims",
                    "## What changed since the last report", "## Methods and caveats", "## Sources and evidence"):
        assert section in text
    assert "**Killed: 23+ (best 24)**" in text and "| Ostria | Veldmark |" in text


def test_figures_helpers():
    open_low = IncidentCasualty(CasualtyKind.KILLED, VictimGroup.ALL, 2, None, None)
    fixed = Range(3, 3, 3)
    assert total_range([fixed, fixed]) == Range(6, 6, 6)
    from conflictlog.models import Incident
    assert incident_range(_bare(Incident, [open_low]), CasualtyKind.KILLED, VictimGroup.ALL) == Range(2, 2, None)
    assert incident_range(_bare(Incident, [open_low]), CasualtyKind.KILLED, VictimGroup.CIVILIANS) is None
    sources = [IncidentSource("Stepanyan", None, "d1"), IncidentSource("Gegham Stepanyan", "AM", "d1"),
               IncidentSource(None, None, "d1"), IncidentSource(None, None, "d2")]
    assert independent_sources(sources, {"d1": "Wire"}) == ["Gegham Stepanyan", "Wire (unattributed)",
                                                             "d2 (unattributed)"]


def _bare(incident_class, casualties):
    from conflictlog.models import IncidentStatus, Location
    return incident_class("x", "Battles", None, None, None, Location(), [], casualties, [],
                          IncidentStatus.SINGLE_SOURCE, [])
