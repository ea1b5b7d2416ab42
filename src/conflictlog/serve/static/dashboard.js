// conflictlog dashboard: incidents on an offline map, a timeline chart and a table.
// Every string from the database goes into the page as textContent, never as HTML.
"use strict";

const STATUS_COLOURS = {
  single_source: "#3b6fb6", corroborated: "#2e8b57", contested: "#e07b00", denied: "#c0392b",
};
const TYPE_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948"];
const PAGE_SIZE = 1000;
let map, markerLayer, chart;

function element(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function incidentUrl(id) { return "/incidents/" + encodeURIComponent(id); }

function figures(incident) {
  const best = (kind) => Math.max(0, ...incident.casualties
    .filter((c) => c.kind === kind).map((c) => (c.best ?? c.min ?? 0)));
  return { killed: best("killed"), injured: best("injured") };
}

function placeName(incident) {
  return incident.location.name || incident.location.text || "unknown place";
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(document.getElementById("filters"))) {
    if (String(value).trim() !== "") params.set(name, String(value).trim());
  }
  return params;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

async function drawOutlines() {
  const topology = await getJson("/static/vendor/countries-50m.json");
  const countries = topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, {
    style: { color: "#8a96a8", weight: 0.7, fillColor: "#fbfaf5", fillOpacity: 1 },
    interactive: false, pane: "outlines",
  }).addTo(map);
}

function popupContent(incident) {
  const { killed, injured } = figures(incident);
  const box = element("div");
  box.append(element("div", placeName(incident), { class: "popup-title" }));
  box.append(element("div", `${incident.sub_event_type || incident.event_type}, ${incident.date_start || "undated"}`));
  box.append(element("div", `killed ${killed}, injured ${injured} · ${incident.status.replace("_", " ")}`));
  box.append(element("a", "Open incident", { href: incidentUrl(incident.id), class: "popup-link" }));
  return box;
}

function addMarker(incident) {
  const { lat, lon } = incident.location;
  if (lat === null || lon === null) return null;
  const { killed, injured } = figures(incident);
  const marker = L.circleMarker([lat, lon], {
    radius: 6 + 3 * Math.sqrt(killed + injured),
    color: "#1d2330", weight: 1, fillOpacity: 0.8,
    fillColor: STATUS_COLOURS[incident.status] || "#777",
    className: "incident-marker",
  });
  marker.bindPopup(() => popupContent(incident));
  marker.bindTooltip(placeName(incident));
  marker.addTo(markerLayer);
  const path = marker.getElement();
  if (path) {
    path.setAttribute("data-incident-id", incident.id);
    path.setAttribute("data-place", placeName(incident));
  }
  return marker;
}

function fillTable(incidents) {
  const body = document.querySelector("#incident-table tbody");
  body.replaceChildren();
  for (const incident of incidents) {
    const { killed, injured } = figures(incident);
    const row = element("tr");
    const place = element("td");
    place.append(element("a", placeName(incident), { href: incidentUrl(incident.id) }));
    row.append(element("td", incident.date_start || "undated"), place,
      element("td", incident.sub_event_type || incident.event_type), element("td", killed),
      element("td", injured), element("td", incident.status.replace("_", " ")));
    body.append(row);
  }
}

async function loadIncidents() {
  const params = filterParams();
  params.set("limit", String(PAGE_SIZE));
  params.set("sort", "-casualties");
  const page = await getJson("/api/incidents?" + params);
  markerLayer.clearLayers();
  // Largest circles first, so smaller ones stay on top and clickable.
  const total = (incident) => figures(incident).killed + figures(incident).injured;
  const byRadius = [...page.items].sort((a, b) => total(b) - total(a));
  const markers = byRadius.map(addMarker).filter(Boolean);
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.5), { maxZoom: 8, animate: false });
  fillTable(page.items);
  const shown = page.total > page.items.length ? ` (the ${page.items.length} with most casualties shown)` : "";
  document.getElementById("summary").textContent = `${page.total} incidents${shown}`;
}

async function loadTimeline() {
  const params = filterParams();
  params.set("interval", document.getElementById("interval").value);
  const timeline = await getJson("/api/timeline?" + params);
  const periods = [...new Set(timeline.buckets.map((b) => b.period))];
  const types = [...new Set(timeline.buckets.map((b) => b.event_type))];
  const sum = (period, pick) => timeline.buckets.filter((b) => b.period === period).reduce((t, b) => t + pick(b), 0);
  const datasets = types.map((type, index) => ({
    type: "bar", label: type, stack: "incidents", yAxisID: "y",
    backgroundColor: TYPE_COLOURS[index % TYPE_COLOURS.length],
    data: periods.map((p) => sum(p, (b) => (b.event_type === type ? b.incidents : 0))),
  }));
  datasets.push({ type: "line", label: "killed", yAxisID: "y2", borderColor: "#c0392b",
    data: periods.map((p) => sum(p, (b) => b.killed)) });
  datasets.push({ type: "line", label: "injured", yAxisID: "y2", borderColor: "#e07b00",
    data: periods.map((p) => sum(p, (b) => b.injured)) });
  if (chart) chart.destroy();
  chart = new Chart(document.getElementById("timeline-chart"), {
    data: { labels: periods, datasets },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "incidents" } },
        y2: { position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "people" } } },
    },
  });
}

function showError(error) {
  document.getElementById("summary").textContent = "Could not load: " + error.message;
}

function refresh() {
  loadIncidents().catch(showError);
  loadTimeline().catch(showError);
}

window.addEventListener("DOMContentLoaded", () => {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, zoomAnimation: false, fadeAnimation: false }).setView([30, 20], 2);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  // Outlines get a pane below the markers', so whichever loads first, markers stay on top.
  map.createPane("outlines").style.zIndex = 350;
  markerLayer = L.featureGroup().addTo(map);
  drawOutlines().catch(showError);
  document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  document.getElementById("interval").addEventListener("change", () => loadTimeline().catch(showError));
  refresh();
});
