"""The report's two pictures, as PNG bytes: a map of incidents and a timeline by day and type.

Figures are drawn with matplotlib's Agg canvas (no pyplot state, no display) and saved without
a Software/date stamp, so the same incidents give byte-identical images.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from ...models import CasualtyKind, Incident, IncidentStatus, VictimGroup
from .basemap import countries_in
from .figures import incident_range

DPI = 110
STATUS_COLOURS = {IncidentStatus.SINGLE_SOURCE: "#7f7f7f", IncidentStatus.CORROBORATED: "#1f77b4",
                  IncidentStatus.CONTESTED: "#ff7f0e", IncidentStatus.DENIED: "#d62728"}
TYPE_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
_MIN_SPAN_DEGREES = 4.0
_MAX_LABELS = 40
_MAP_SHAPE = 1.45          # width over height of the map axes
_OUTLINE_POINTS = 1500     # outline detail across the map's width: finer than its ~600 pixels


def map_png(incidents: Sequence[Incident], row_numbers: dict[str, int]) -> bytes:
    """Incidents on country outlines, sized by people killed, coloured by status, numbered as in the table."""
    located = [i for i in incidents if i.location.lat is not None and i.location.lon is not None]
    figure = Figure(figsize=(7.5, 5.2), dpi=DPI)
    axes = figure.add_subplot()
    west, south, east, north = _extent(located)
    _draw_countries(axes, (west, south, east, north))
    _draw_incidents(axes, located, row_numbers)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.2), adjustable="box")
    axes.set_facecolor("#dbe9f4")
    axes.set_title(f"{len(located)} located incidents (of {len(incidents)})", fontsize=10)
    axes.tick_params(labelsize=7)
    return _png(figure)


def timeline_png(incidents: Sequence[Incident]) -> bytes:
    """Incidents per day stacked by event type (bars) and people killed per day (line, best estimate)."""
    dated = [i for i in incidents if i.date_start]
    figure = Figure(figsize=(7.5, 3.2), dpi=DPI)
    axes = figure.add_subplot()
    if not dated:
        axes.text(0.5, 0.5, "no dated incidents", ha="center", va="center", transform=axes.transAxes)
        return _png(figure)
    days = _days(dated)
    _stack_by_type(axes, dated, days)
    _killed_line(axes, dated, days)
    axes.set_ylabel("incidents", fontsize=8)
    labelled = [n for n, day in enumerate(days) if _tick(day, len(days))]   # a tick costs more than its bar
    axes.set_xticks(labelled, [days[n] for n in labelled], rotation=90, fontsize=6)
    axes.tick_params(axis="y", labelsize=7)
    axes.legend(fontsize=6, loc="upper left")
    figure.tight_layout()
    return _png(figure)


def _extent(located: Sequence[Incident]) -> tuple[float, float, float, float]:
    """A box around the incidents, widened to the map's shape so no side is cut or padded unevenly."""
    if not located:
        return -180.0, -60.0, 180.0, 80.0
    lons = [i.location.lon for i in located if i.location.lon is not None]
    lats = [i.location.lat for i in located if i.location.lat is not None]
    centre_lon, centre_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    shrink = max(math.cos(math.radians(centre_lat)), 0.2)
    half_lat = max((max(lats) - min(lats)) * 0.6, _MIN_SPAN_DEGREES / 2)
    half_lon = max((max(lons) - min(lons)) * 0.6, half_lat * _MAP_SHAPE / shrink)
    half_lat = max(half_lat, half_lon * shrink / _MAP_SHAPE)
    return (max(centre_lon - half_lon, -180), max(centre_lat - half_lat, -90),
            min(centre_lon + half_lon, 180), min(centre_lat + half_lat, 90))


def _draw_countries(axes, view: tuple[float, float, float, float]) -> None:
    west, south, east, north = view
    for country in countries_in(west, south, east, north, detail=(east - west) / _OUTLINE_POINTS):
        rings = [ring for ring in country.rings if _ring_meets(ring, view)]
        axes.add_collection(PolyCollection(rings, facecolors="#f4f1ea", edgecolors="#555555", linewidths=0.6,
                                           zorder=1))
        label_x, label_y = country.label
        if west < label_x < east and south < label_y < north:
            axes.text(label_x, label_y, country.name, fontsize=7, color="#555555", ha="center", zorder=3)


def _ring_meets(ring: Sequence[tuple[float, float]], view: tuple[float, float, float, float]) -> bool:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs) <= view[2] and view[0] <= max(xs) and min(ys) <= view[3] and view[1] <= max(ys)


def _draw_incidents(axes, located: Sequence[Incident], row_numbers: dict[str, int]) -> None:
    for status, colour in STATUS_COLOURS.items():
        group = [i for i in located if i.status == status]
        if group:
            axes.scatter([i.location.lon for i in group], [i.location.lat for i in group], s=[_size(i) for i in group],
                         c=colour, alpha=0.75, edgecolors="black", linewidths=0.4, zorder=4,
                         label=status.replace("_", " "))
    if len(located) <= _MAX_LABELS:
        for incident in located:
            axes.annotate(str(row_numbers[incident.id]), (incident.location.lon, incident.location.lat),
                          xytext=(4, 4), textcoords="offset points", fontsize=7, zorder=5)
    if located:
        axes.legend(fontsize=7, loc="lower left", title="status (size: killed)", title_fontsize=7)


def _size(incident: Incident) -> float:
    killed = incident_range(incident, CasualtyKind.KILLED, VictimGroup.ALL)
    return 25 + 18 * math.sqrt(killed.best if killed else 0)


def _days(dated: Sequence[Incident]) -> list[str]:
    first = date.fromisoformat(min(i.date_start for i in dated if i.date_start))
    last = date.fromisoformat(max(i.date_start for i in dated if i.date_start))
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def _stack_by_type(axes, dated: Sequence[Incident], days: list[str]) -> None:
    index = {day: n for n, day in enumerate(days)}
    bottom = [0] * len(days)
    for colour, event_type in zip(_cycle(TYPE_COLOURS), sorted({i.event_type for i in dated})):
        counts = Counter(index[i.date_start] for i in dated if i.event_type == event_type and i.date_start)
        heights = [counts.get(n, 0) for n in range(len(days))]
        axes.bar(range(len(days)), heights, bottom=bottom, color=colour, label=event_type, width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights)]


def _killed_line(axes, dated: Sequence[Incident], days: list[str]) -> None:
    killed = Counter()
    for incident in dated:
        figure = incident_range(incident, CasualtyKind.KILLED, VictimGroup.ALL)
        killed[incident.date_start] += figure.best if figure else 0
    line_axes = axes.twinx()
    line_axes.plot(range(len(days)), [killed.get(day, 0) for day in days], color="black", marker="o",
                   markersize=3, linewidth=1)
    line_axes.set_ylabel("killed (best estimate)", fontsize=8)
    line_axes.tick_params(labelsize=7)
    line_axes.set_ylim(bottom=0)


def _cycle(colours: Sequence[str]):
    while True:
        yield from colours


def _tick(day: str, count: int) -> str:
    step = max(1, count // 30)
    offset = (date.fromisoformat(day) - date(1970, 1, 1)).days
    return day if offset % step == 0 else ""


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
