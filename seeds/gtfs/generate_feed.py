#!/usr/bin/env python3
"""Generate seeds/gtfs/demo-wapi/, the demo GTFS feed of Wapi Synergies.

THIS IS AN INVENTED DEMO TIMETABLE ON REAL STOP LOCATIONS.  It is NOT a real
SNCB or TEC schedule: every departure time, running time, frequency, route
number (W1, W2, ...), calendar and transfer time below is made up so that the
platform can demonstrate "how do I get there by bus and train".  Only the stop
locations are real:

* railway stations: ids, names and coordinates from the GitHub repository
  iRail/stations (``stations.csv``), CC0, via ``sncb-stations-wapi.csv``;
* bus stops: the postal locality points of ``wapi-postcodes.csv``: bpost's
  postcode list via the GitHub repository jief/zipcode-belgium, coordinates
  (c) OpenStreetMap contributors, ODbL;
* commune names and NIS codes: ``wapi-communes.geojson``, from the GitHub
  repository Datafable/rolling-blackout-belgium (MIT).

Bus stops next to a station ("Ath Gare", ...) are placed 40 m from the station
point, towards the town centre; they are invented positions.

The feed contains mess on purpose (real feeds have it, the importer must cope):
a service defined only in calendar_dates.txt, public-holiday exceptions, a
parent station with platforms, transfers with min_transfer_time, a
frequency-based line, trips with blank intermediate times (timepoint=0) and
times past 24:00:00.  See seeds/README.md, section "gtfs/ — demo transit feed".

Usage (from the repository root):

    python3 seeds/gtfs/generate_feed.py [--data-dir DIR] [--output-dir DIR] [--quiet]

The reference files are looked up in ``--data-dir`` if given, otherwise in
``seeds/`` (``sncb-stations.csv``, ``postal-localities.csv``,
``communes.geojson``: the in-repo copies) and then in ``../shared/data/``
next to the repository (``sncb-stations-wapi.csv``, ``wapi-postcodes.csv``,
``wapi-communes.geojson``).

Python 3.11, standard library only.  Deterministic: no randomness, nothing
depends on the current date, on hash randomisation or on set order.  Running
the script twice gives byte-identical files.  The output is validated before
anything is written; on failure the script stops with "VALIDATION FAILED: ...".
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

# --------------------------------------------------------------------------
# Feed-level constants
# --------------------------------------------------------------------------

FEED_START = dt.date(2026, 9, 1)
FEED_END = dt.date(2027, 8, 31)
FEED_VERSION = "demo-1"
PUBLISHER_NAME = "Wapi Synergies (données de démonstration)"
PUBLISHER_URL = "https://demo.wapi-synergies.example/"
TIMEZONE = "Europe/Brussels"

AGENCIES = [
    # agency_id, agency_name, agency_url
    ("SNCB-DEMO", "SNCB (horaires de démonstration)", "https://demo.wapi-synergies.example/transport/sncb"),
    ("TEC-DEMO", "TEC (horaires de démonstration)", "https://demo.wapi-synergies.example/transport/tec"),
]

# Service ids.  SEM / WE-TRAIN / SAM-BUS / DIM-BUS have a calendar.txt row;
# NAV-2026-09 exists ONLY in calendar_dates.txt.
SVC_WEEKDAY = "SEM"          # Monday-Friday, trains and buses
SVC_TRAIN_WEEKEND = "WE-TRAIN"  # Saturday + Sunday, trains
SVC_BUS_SATURDAY = "SAM-BUS"  # Saturday, buses
SVC_BUS_SUNDAY = "DIM-BUS"    # Sunday, a few bus lines
SVC_SCHOOL = "NAV-2026-09"   # school days of September 2026, calendar_dates.txt only

CALENDAR = [
    # service_id, mon..sun
    (SVC_WEEKDAY, (1, 1, 1, 1, 1, 0, 0)),
    (SVC_TRAIN_WEEKEND, (0, 0, 0, 0, 0, 1, 1)),
    (SVC_BUS_SATURDAY, (0, 0, 0, 0, 0, 1, 0)),
    (SVC_BUS_SUNDAY, (0, 0, 0, 0, 0, 0, 1)),
]

# Belgian public holidays inside the validity window.  Weekday holidays: the
# weekday service is removed and the Sunday-like services (trains WE-TRAIN,
# buses DIM-BUS) are added.  Saturday holidays: SAM-BUS is removed and DIM-BUS
# added (WE-TRAIN already runs).  Sunday holidays need no exception.
PUBLIC_HOLIDAYS = [
    (dt.date(2026, 11, 1), "Toussaint"),
    (dt.date(2026, 11, 11), "Armistice"),
    (dt.date(2026, 12, 25), "Noël"),
    (dt.date(2027, 1, 1), "Nouvel An"),
    (dt.date(2027, 3, 29), "Lundi de Pâques"),
    (dt.date(2027, 5, 1), "Fête du Travail"),
    (dt.date(2027, 5, 6), "Ascension"),
    (dt.date(2027, 5, 17), "Lundi de Pentecôte"),
    (dt.date(2027, 7, 21), "Fête nationale"),
    (dt.date(2027, 8, 15), "Assomption"),
]

# School shuttle: every weekday of September 2026 is a school day in the
# Fédération Wallonie-Bruxelles (the 27 September holiday is a Sunday in 2026).
SCHOOL_MONTH = (2026, 9)

# --------------------------------------------------------------------------
# Rail lines (SNCB).  Stations are named by the ``name`` column of the iRail
# CSV and listed in running order from terminus A to terminus B.  Only lines
# whose stations are all present in the CSV are built.  The border points
# "Blandain-Frontiere" and "Mouscron-Frontiere" are not passenger stations and
# are not used; Kortrijk, Halle and Lille are outside the CSV.
# --------------------------------------------------------------------------

RAIL_LINES = [
    dict(id="sncb-l94", short="L94", main=True, tournai_platform="q1",
         stations=["Tournai", "Leuze", "Ath", "Silly", "Enghien"],
         offsets=(7, 12), late=(23 * 60 + 35, 23 * 60 + 40),
         hubs=("Ath",)),
    dict(id="sncb-l75a", short="L75A", main=True, tournai_platform="q2",
         stations=["Tournai", "Froyennes", "Herseaux", "Mouscron"],
         offsets=(18, 41), late=None, hubs=()),
    dict(id="sncb-l78", short="L78", main=True, tournai_platform="q2",
         stations=["Tournai", "Antoing", "Maubray", "Callenelle", "Péruwelz", "Blaton", "Harchies",
                   "Ville-Pommerœul", "Saint-Ghislain", "Quaregnon", "Jemappes", "Mons"],
         offsets=(25, 33), late=(23 * 60 + 25, 23 * 60 + 35),
         hubs=("Péruwelz", "Saint-Ghislain")),
    dict(id="sncb-l90", short="L90", main=False, tournai_platform=None,
         stations=["Ath", "Rebaix", "Papegem", "Houraing", "Lessen", "Acren", "Geraardsbergen"],
         offsets=(14, 47), late=None, hubs=()),
    dict(id="sncb-l90-96", short="L90/96", main=False, tournai_platform=None,
         stations=["Ath", "Maffle", "Mevergnies-Attre", "Brugelette", "Cambron-Casteau", "Lens", "Jurbeke",
                   "Erbisœul", "Ghlin", "Mons"],
         offsets=(44, 5), late=None, hubs=("Jurbeke",)),
    dict(id="sncb-l69", short="L69", main=False, tournai_platform=None,
         stations=["Comines", "Wervik", "Menen", "Wevelgem"],
         offsets=(9, 36), late=None, hubs=()),
]

TOURNAI_STATION = "Tournai"
TOURNAI_PLATFORMS = [
    # suffix, platform_code, description, offset in metres (north, east) from the station point
    ("q1", "1", "Quai 1 : trains vers Leuze, Ath et Enghien (L94)", (-12.0, 20.0)),
    ("q2", "2", "Quai 2 : trains vers Mouscron (L75A) et vers Antoing, Péruwelz, Mons (L78)", (-24.0, 28.0)),
]

# Rail running times: straight distance x track factor at the running speed,
# plus an acceleration/braking allowance per section; dwell 1 min (2 min at hubs).
RAIL_TRACK_FACTOR = 1.12
RAIL_RUNNING_KMH = 100.0
RAIL_SECTION_ALLOWANCE_MIN = 0.75

# --------------------------------------------------------------------------
# Bus lines (TEC).  "PPPP Locality" is a row of the postal localities CSV,
# "gare:Station" the bus stop next to that station (see BUS_HUBS).  Direction 0
# runs from the first to the last stop.
# --------------------------------------------------------------------------

BUS_HUBS = [
    # station (CSV name), town-centre locality the bus stop is shifted towards
    ("Tournai", "7500 Tournai"),
    ("Mouscron", "7700 Mouscron"),
    ("Leuze", "7900 Leuze-En-Hainaut"),
    ("Ath", "7800 Ath"),
    ("Lessen", "7860 Lessines"),
    ("Péruwelz", "7600 Péruwelz"),
    ("Enghien", "7850 Enghien"),
    ("Silly", "7830 Silly"),
]
HUB_STOP_OFFSET_M = 40.0
# min_transfer_time (s) between the hub bus stop and the station stop(s)
HUB_TRANSFER_SECONDS = {
    "Tournai": {"q1": 240, "q2": 300},
    "Mouscron": 180,
    "Leuze": 180,
    "Ath": 240,
    "Lessen": 180,
    "Péruwelz": 180,
    "Enghien": 180,
    "Silly": 180,
}
TOURNAI_PLATFORM_TRANSFER_SECONDS = 240

BUS_LINES = [
    dict(id="tec-w1", short="W1", offset=0, sunday=True,
         stops=["7750 Mont-De-L'enclus", "7750 Orroir", "7760 Celles", "7760 Molenbaix", "7542 Mont-Saint-Aubert",
                "7540 Kain", "gare:Tournai"]),
    dict(id="tec-w2", short="W2", offset=10, sunday=False,
         stops=["7742 Hérinnes-Lez-Pecq", "7740 Warcoing", "7740 Pecq", "7743 Esquelmes", "7520 Ramegnies-Chin",
                "7503 Froyennes", "gare:Tournai"]),
    # W3: peak trips are frequency-based (frequencies.txt)
    dict(id="tec-w3", short="W3", offset=0, sunday=False, frequency=True,
         stops=["7730 Néchin", "7730 Leers-Nord", "7730 Estaimpuis", "7712 Herseaux", "gare:Mouscron"]),
    # W4: only the timepoints carry times, the other stops are blank (timepoint=0)
    dict(id="tec-w4", short="W4", offset=5, sunday=True,
         timepoints=["gare:Tournai", "7730 Estaimbourg", "7711 Dottignies", "gare:Mouscron"],
         stops=["gare:Tournai", "7520 Ramegnies-Chin", "7730 Bailleul", "7730 Estaimbourg", "7730 Saint-Léger",
                "7711 Dottignies", "7700 Luingne", "gare:Mouscron"]),
    dict(id="tec-w5", short="W5", offset=12, sunday=True,
         stops=["7910 Arc-Wattripont", "7910 Frasnes-Lez-Anvaing", "7910 Anvaing", "7911 Montroeul-Au-Bois",
                "7911 Herquegies", "7901 Thieulain", "gare:Leuze"]),
    dict(id="tec-w6", short="W6", offset=3, sunday=False,
         stops=["7910 Frasnes-Lez-Anvaing", "7911 Frasnes-Lez-Buissenal", "7911 Buissenal", "7911 Oeudeghien",
                "7803 Bouvignies", "gare:Ath"]),
    dict(id="tec-w7", short="W7", offset=8, sunday=False,
         stops=["7890 Ellezelles", "7880 Flobecq", "7862 Ogy", "7863 Ghoy", "7860 Lessines", "gare:Lessen"]),
    dict(id="tec-w8", short="W8", offset=14, sunday=False,
         stops=["7890 Ellezelles", "7890 Lahamaide", "7804 Ostiches", "7804 Rebaix", "gare:Ath"]),
    dict(id="tec-w9", short="W9", offset=6, sunday=True,
         stops=["7322 Ville-Pommeroeul", "7321 Harchies", "7320 Bernissart", "7603 Bon-Secours", "7600 Péruwelz",
                "gare:Péruwelz"]),
    dict(id="tec-w10", short="W10", offset=2, sunday=False,
         stops=["7623 Rongy", "7620 Brunehaut", "7621 Lesdain", "7620 Wez-Velvain", "7500 Saint-Maur",
                "7500 Tournai", "gare:Tournai"]),
    dict(id="tec-w11", short="W11", offset=11, sunday=False,
         stops=["7610 Rumes", "7618 Taintignies", "7506 Willemeau", "7500 Ere", "7500 Tournai",
                "gare:Tournai"]),
    dict(id="tec-w12", short="W12", offset=4, sunday=True,
         stops=["7971 Basècles", "7972 Quevaucamps", "7970 Beloeil", "7802 Ormeignies", "7801 Irchonwelz",
                "gare:Ath"]),
    dict(id="tec-w13", short="W13", offset=13, sunday=False,
         stops=["7950 Grosage", "7950 Huissignies", "7950 Ladeuze", "7950 Chièvres", "gare:Ath"]),
    # W14: Comines-Warneton is cut off from the rest of Wallonie picarde (by
    # Flanders and France); an express bus joins it to Mouscron station.
    dict(id="tec-w14", short="W14", offset=9, sunday=True,
         long="Express Comines – Mouscron",
         stops=["7780 Comines-Warneton", "7700 Mouscron", "gare:Mouscron"]),
    # W20: school shuttle, service defined only in calendar_dates.txt
    dict(id="tec-w20", short="W20", offset=0, sunday=False, school=True,
         long="Navette scolaire Bléharies – Tournai",
         stops=["7620 Bléharies", "7620 Hollain", "7641 Bruyelle", "7642 Calonne", "7521 Chercq", "7500 Tournai"]),
]

# Bus running times: straight distance x road factor at the road speed.
BUS_ROAD_FACTOR = 1.25
BUS_ROAD_KMH = 30.0

# Feeder lines (W30…): every postal locality farther than a walk from the
# stops of the lines above gets a stop on a feeder towards the nearest stop
# of its commune's main locality, or else the nearest stop served, so that a
# journey can start in any locality. Built by `feeder_lines`, deterministic.
FEEDER_WALK_KM = 1.2 / 1.3           # the router's 1,200 m walk, as the crow flies
FEEDER_ON_THE_WAY = 1.3              # a stop joins a feeder when the detour is at most this
FEEDER_MAX_STOPS = 5                 # localities per feeder, before its anchor
FEEDER_FIRST_NUMBER = 30

# Frequency-based trips of W3: (start, end) windows, headway.
W3_FREQ_WINDOWS = [(7 * 60, 9 * 60), (16 * 60, 18 * 60)]
W3_HEADWAY_S = 20 * 60

# Validation thresholds
BBOX = (50.3, 51.0, 2.7, 4.5)  # lat min, lat max, lon min, lon max
ZIGZAG_FACTOR = 1.5
ZIGZAG_MIN_STRAIGHT_KM = 2.0
COVERAGE_KM = 1.5

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


class ValidationError(Exception):
    pass


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def offset_point(lat: float, lon: float, north_m: float, east_m: float) -> tuple[float, float]:
    dlat = north_m / 111_195.0
    dlon = east_m / (111_195.0 * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def toward(lat: float, lon: float, tlat: float, tlon: float, metres: float) -> tuple[float, float]:
    """The point ``metres`` from (lat, lon) in the direction of (tlat, tlon)."""
    north = (tlat - lat) * 111_195.0
    east = (tlon - lon) * 111_195.0 * math.cos(math.radians(lat))
    norm = math.hypot(north, east)
    if norm == 0:
        raise SystemExit("hub bus stop: station and town point coincide")
    return offset_point(lat, lon, north / norm * metres, east / norm * metres)


def half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def fmt_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def parse_time(s: str) -> int:
    m = re.fullmatch(r"(\d{1,2}):([0-5]\d):([0-5]\d)", s)
    if not m:
        raise ValidationError(f"bad time {s!r}")
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


def fmt_coord(x: float) -> str:
    return f"{x:.6f}"


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("œ", "oe").replace("Œ", "Oe"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


LOWER_PARTICLES = {"lez", "de", "en", "à", "au", "aux", "sur", "la", "le", "les", "du", "des"}


def nice_locality(name: str) -> str:
    """'Mont-De-L'enclus' -> "Mont-de-l'Enclus", 'Leuze-En-Hainaut' -> 'Leuze-en-Hainaut'."""
    parts = name.split("-")
    out = [parts[0]]
    for p in parts[1:]:
        if p.lower() in LOWER_PARTICLES:
            out.append(p.lower())
        elif p[:2].lower() == "l'" and len(p) > 2:
            out.append("l'" + p[2].upper() + p[3:])
        else:
            out.append(p)
    return "-".join(out)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def de(name: str) -> str:
    """French 'de' with elision: "d'Ath", "de Tournai"."""
    return f"d'{name}" if slug(name)[:1] in "aeiouy" else f"de {name}"


def gtfs_date(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


# --------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------

REFERENCE_FILE_NAMES = [
    # (stations, postal localities, commune boundaries): the copies kept in seeds/, then the shared originals
    ("sncb-stations.csv", "postal-localities.csv", "communes.geojson"),
    ("sncb-stations-wapi.csv", "wapi-postcodes.csv", "wapi-communes.geojson"),
]


def find_reference_files(explicit: str | None) -> tuple[Path, Path, Path]:
    here = Path(__file__).resolve().parent
    dirs = [Path(explicit)] if explicit else [here.parent, here.parent.parent.parent / "shared" / "data"]
    for d in dirs:
        for names in REFERENCE_FILE_NAMES:
            paths = tuple(d / n for n in names)
            if all(p.is_file() for p in paths):
                return paths  # type: ignore[return-value]
    raise SystemExit("reference data not found (" + " / ".join(" + ".join(n) for n in REFERENCE_FILE_NAMES)
                     + ") in: " + ", ".join(str(d) for d in dirs) + " — use --data-dir")


def load_reference(stations_path: Path, postcodes_path: Path, communes_path: Path):
    with open(stations_path, encoding="utf-8", newline="") as f:
        station_rows = list(csv.DictReader(f))
    with open(postcodes_path, encoding="utf-8", newline="") as f:
        postcode_rows = list(csv.DictReader(f))
    with open(communes_path, encoding="utf-8") as f:
        gj = json.load(f)
    communes: dict[str, str] = {}
    for feat in gj["features"]:
        communes[feat["properties"]["nis"]] = feat["properties"]["name"]
    if len(communes) != 23:
        raise SystemExit(f"expected 23 communes, found {len(communes)}")
    stations = {}
    for r in station_rows:
        uic = r["uri"].rstrip("/").rsplit("/", 1)[-1]
        if not uic.isdigit():
            raise SystemExit(f"station URI without numeric id: {r['uri']}")
        stations[r["name"]] = dict(
            csv_name=r["name"], uic=str(int(uic)), fr_name=station_fr_name(r),
            lat=float(r["latitude"]), lon=float(r["longitude"]))
    localities = {}
    for r in postcode_rows:
        if r["commune_nis"] not in communes:
            raise SystemExit(f"postcode row with unknown commune: {r}")
        localities[f"{r['postcode']} {r['locality']}"] = dict(
            postcode=r["postcode"], locality=r["locality"], nis=r["commune_nis"], commune=r["commune"],
            lat=float(r["latitude"]), lon=float(r["longitude"]))
    return stations, localities, communes


def station_fr_name(row: dict) -> str:
    """French name: alternative_fr when it is a real French name (Lessen -> Lessines), not when it is only
    an ASCII spelling of the main name (Erbisœul / Erbisoeul)."""
    alt = row["alternative_fr"].strip()
    if alt and slug(alt) != slug(row["name"]):
        return alt
    return row["name"]


# --------------------------------------------------------------------------
# Feed construction
# --------------------------------------------------------------------------


class Feed:
    def __init__(self):
        self.stops: dict[str, dict] = {}
        self.routes: list[dict] = []
        self.trips: list[dict] = []
        self.stop_times: list[dict] = []
        self.calendar: list[dict] = []
        self.calendar_dates: list[dict] = []
        self.frequencies: list[dict] = []
        self.transfers: list[dict] = []
        self.route_patterns: dict[str, list[list[str]]] = {}

    def add_stop(self, stop: dict) -> None:
        if stop["stop_id"] in self.stops:
            raise ValidationError(f"duplicate stop_id {stop['stop_id']}")
        self.stops[stop["stop_id"]] = stop

    def add_trip(self, route: dict, service: str, direction: int, headsign: str,
                 stop_ids: list[str], times: list[tuple[int, int] | None], suffix: str) -> str:
        trip_id = f"{route['route_id']}-{service}-{direction}-{suffix}"
        self.trips.append(dict(route_id=route["route_id"], service_id=service, trip_id=trip_id,
                               trip_headsign=headsign, direction_id=str(direction)))
        for seq, (sid, tm) in enumerate(zip(stop_ids, times), start=1):
            if tm is None:
                arr = dep = ""
                timepoint = "0"
            else:
                arr, dep = fmt_time(tm[0]), fmt_time(tm[1])
                timepoint = "1"
            self.stop_times.append(dict(trip_id=trip_id, arrival_time=arr, departure_time=dep, stop_id=sid,
                                        stop_sequence=str(seq), timepoint=timepoint))
        patterns = self.route_patterns.setdefault(route["route_id"], [])
        if stop_ids not in patterns:
            patterns.append(list(stop_ids))
        return trip_id


def rail_offsets(coords: list[tuple[float, float]], dwell: list[int]) -> list[tuple[int, int]]:
    """(arrival, departure) minutes after the first departure."""
    out = [(0, 0)]
    t = 0
    for i in range(1, len(coords)):
        km = haversine_km(*coords[i - 1], *coords[i]) * RAIL_TRACK_FACTOR
        run = max(2, half_up(RAIL_SECTION_ALLOWANCE_MIN + km / RAIL_RUNNING_KMH * 60))
        arr = t + run
        dep = arr + (dwell[i] if i < len(coords) - 1 else 0)
        out.append((arr, dep))
        t = dep
    return out


def bus_offsets(coords: list[tuple[float, float]]) -> list[tuple[int, int]]:
    out = [(0, 0)]
    cum_km = 0.0
    prev = 0
    for i in range(1, len(coords)):
        cum_km += haversine_km(*coords[i - 1], *coords[i]) * BUS_ROAD_FACTOR
        t = max(prev + 1, half_up(cum_km / BUS_ROAD_KMH * 60))
        out.append((t, t))
        prev = t
    return out


def weekday_rail_departures(offset: int, main: bool) -> list[int]:
    deps = [h * 60 + offset for h in range(5, 23)]
    if main:
        deps += [h * 60 + offset + 30 for h in (6, 7, 8, 16, 17, 18)]
    return sorted(deps)


def weekend_rail_departures(offset: int) -> list[int]:
    return [h * 60 + offset for h in range(6, 23, 2)]


def weekday_bus_departures(offset: int) -> list[int]:
    base = [6 * 60 + 30, 7 * 60, 7 * 60 + 30, 8 * 60, 8 * 60 + 30]          # school / work peak
    base += [h * 60 + 30 for h in range(9, 15)]                             # every 60 min
    base += [15 * 60 + 30 + 30 * k for k in range(7)]                       # 15:30 .. 18:30 every 30 min
    base += [19 * 60 + 30]
    return [t + offset for t in base]


def feeder_lines(stations: dict, localities: dict) -> list[dict]:
    """Feeder bus lines for the localities no hand-made line comes near (see FEEDER_WALK_KM)."""
    served: dict[str, tuple[float, float]] = {}
    # The school shuttle runs a few weeks a year: it serves no one the rest of it.
    for line in (line for line in BUS_LINES if not line.get("school")):
        for key in line["stops"]:
            if key.startswith("gare:"):
                st = stations[key[5:]]
                served[key] = (st["lat"], st["lon"])
            else:
                served[key] = (localities[key]["lat"], localities[key]["lon"])
    rail_points = [(st["lat"], st["lon"]) for line in RAIL_LINES for st in (stations[n] for n in line["stations"])]
    # A feeder may end at any station's bus stop, where one changes to the train.
    anchors = dict(served)
    for name, _ in BUS_HUBS:
        anchors[f"gare:{name}"] = (stations[name]["lat"], stations[name]["lon"])

    def far_from_stops(key: str) -> bool:
        loc = localities[key]
        points = list(served.values()) + rail_points
        return min(haversine_km(loc["lat"], loc["lon"], a, b) for a, b in points) > FEEDER_WALK_KM

    def anchor_of(key: str) -> str:
        loc = localities[key]
        main = next((k for k, l in sorted(localities.items())
                     if l["nis"] == loc["nis"] and slug(l["locality"]) == slug(l["commune"])), None)
        if main in served:
            return main
        return min(sorted(anchors), key=lambda k: haversine_km(loc["lat"], loc["lon"], *anchors[k]))

    def km(a: str, b: str) -> float:
        pa = anchors.get(a) or (localities[a]["lat"], localities[a]["lon"])
        pb = anchors.get(b) or (localities[b]["lat"], localities[b]["lon"])
        return haversine_km(*pa, *pb)

    def straight_enough(keys: list[str]) -> bool:
        """The validation's zig-zag rule, with a margin: no stretch much longer than its straight line."""
        along = [0.0]
        for a, b in zip(keys, keys[1:]):
            along.append(along[-1] + km(a, b))
        for i in range(len(keys)):
            for j in range(i + 2, len(keys)):
                straight = km(keys[i], keys[j])
                if straight >= ZIGZAG_MIN_STRAIGHT_KM and along[j] - along[i] > 0.9 * ZIGZAG_FACTOR * straight:
                    return False
        return True

    # Localities bearing the same point (Wattripont and Arc-Wattripont) need one stop.
    seen_points = set()
    uncovered = []
    for key in sorted(localities):
        point = (localities[key]["lat"], localities[key]["lon"])
        if far_from_stops(key) and point not in seen_points:
            seen_points.add(point)
            uncovered.append(key)
    by_anchor: dict[str, list[str]] = {}
    for key in uncovered:
        by_anchor.setdefault(anchor_of(key), []).append(key)

    lines = []
    for anchor in sorted(by_anchor):
        waiting = sorted(by_anchor[anchor], key=lambda k: (-km(k, anchor), k))
        while waiting:
            chain = [waiting.pop(0)]
            for candidate in list(waiting):
                last = chain[-1]
                if len(chain) >= FEEDER_MAX_STOPS:
                    break
                closer = km(candidate, anchor) < km(last, anchor)
                on_the_way = km(last, candidate) + km(candidate, anchor) <= FEEDER_ON_THE_WAY * km(last, anchor)
                if closer and on_the_way and straight_enough(chain + [candidate, anchor]):
                    chain.append(candidate)
                    waiting.remove(candidate)
            number = FEEDER_FIRST_NUMBER + len(lines)
            lines.append(dict(id=f"tec-w{number}", short=f"W{number}", offset=number % 15, sunday=False,
                              feeder=True, stops=chain + [anchor]))
    return lines


def build_feed(stations: dict, localities: dict) -> tuple[Feed, dict]:
    feed = Feed()
    info: dict = {"route_speeds": {}}

    # ---- rail stops --------------------------------------------------------
    def station(name: str) -> dict:
        if name not in stations:
            raise ValidationError(f"station {name!r} is not in the stations CSV")
        return stations[name]

    rail_stop_for: dict[tuple[str, str], str] = {}  # (line id, station name) -> stop_id
    used_station_names = []
    for line in RAIL_LINES:
        for name in line["stations"]:
            if name not in used_station_names:
                used_station_names.append(name)
    for name in used_station_names:
        st = station(name)
        sid = f"sncb-{st['uic']}"
        if name == TOURNAI_STATION:
            feed.add_stop(dict(stop_id=sid, stop_name=st["fr_name"], stop_desc="Gare (station parente)",
                               stop_lat=st["lat"], stop_lon=st["lon"], location_type="1", parent_station="",
                               platform_code=""))
            for suffix, code, desc, (north, east) in TOURNAI_PLATFORMS:
                lat, lon = offset_point(st["lat"], st["lon"], north, east)
                feed.add_stop(dict(stop_id=f"{sid}-{suffix}", stop_name=st["fr_name"], stop_desc=desc,
                                   stop_lat=lat, stop_lon=lon, location_type="0", parent_station=sid,
                                   platform_code=code))
        else:
            feed.add_stop(dict(stop_id=sid, stop_name=st["fr_name"], stop_desc="Gare",
                               stop_lat=st["lat"], stop_lon=st["lon"], location_type="0", parent_station="",
                               platform_code=""))
    for line in RAIL_LINES:
        for name in line["stations"]:
            sid = f"sncb-{station(name)['uic']}"
            if name == TOURNAI_STATION:
                if not line["tournai_platform"]:
                    raise ValidationError(f"{line['short']} serves Tournai without a platform")
                sid = f"{sid}-{line['tournai_platform']}"
            rail_stop_for[(line["id"], name)] = sid

    # ---- bus stops -----------------------------------------------------------
    hub_stop_for: dict[str, str] = {}
    for name, town_key in BUS_HUBS:
        st = station(name)
        town = localities[town_key]
        lat, lon = toward(st["lat"], st["lon"], town["lat"], town["lon"], HUB_STOP_OFFSET_M)
        sid = f"tec-gare-{slug(st['fr_name'])}"
        feed.add_stop(dict(stop_id=sid, stop_name=f"{st['fr_name']} Gare",
                           stop_desc=f"Arrêt de bus devant la gare {de(st['fr_name'])}",
                           stop_lat=lat, stop_lon=lon, location_type="0", parent_station="", platform_code=""))
        hub_stop_for[name] = sid

    bus_lines = BUS_LINES + feeder_lines(stations, localities)
    locality_stop_for: dict[str, str] = {}
    bus_keys = []
    for line in bus_lines:
        for key in line["stops"]:
            if not key.startswith("gare:") and key not in bus_keys:
                bus_keys.append(key)
    for key in bus_keys:
        if key not in localities:
            raise ValidationError(f"bus stop {key!r} is not a postal locality")
        loc = localities[key]
        name = nice_locality(loc["locality"])
        if slug(name) == slug(loc["commune"]):
            name = f"{name} Centre"
        sid = f"tec-{loc['postcode']}-{slug(loc['locality'])}"
        feed.add_stop(dict(stop_id=sid, stop_name=name,
                           stop_desc=f"Point de la localité {loc['postcode']} {nice_locality(loc['locality'])}",
                           stop_lat=loc["lat"], stop_lon=loc["lon"], location_type="0", parent_station="",
                           platform_code=""))
        locality_stop_for[key] = sid

    def bus_stop_id(key: str) -> str:
        if key.startswith("gare:"):
            return hub_stop_for[key[5:]]
        return locality_stop_for[key]

    def coords_of(stop_ids: list[str]) -> list[tuple[float, float]]:
        return [(feed.stops[s]["stop_lat"], feed.stops[s]["stop_lon"]) for s in stop_ids]

    # ---- rail routes and trips --------------------------------------------
    for line in RAIL_LINES:
        names = line["stations"]
        first, last = station(names[0])["fr_name"], station(names[-1])["fr_name"]
        route = dict(route_id=line["id"], agency_id="SNCB-DEMO", route_short_name=line["short"],
                     route_long_name=f"{first} – {last}", route_type="2")
        feed.routes.append(route)
        for direction in (0, 1):
            seq = names if direction == 0 else list(reversed(names))
            stop_ids = [rail_stop_for[(line["id"], n)] for n in seq]
            dwell = [2 if n in line["hubs"] else 1 for n in seq]
            offs = rail_offsets(coords_of(stop_ids), dwell)
            headsign = station(seq[-1])["fr_name"]
            off = line["offsets"][direction]
            schedules = [(SVC_WEEKDAY, weekday_rail_departures(off, line["main"])),
                         (SVC_TRAIN_WEEKEND, weekend_rail_departures(off))]
            if line["late"]:
                schedules = [(svc, deps + [line["late"][direction]]) for svc, deps in schedules]
            for svc, deps in schedules:
                for d0 in deps:
                    times = [(d0 + a, d0 + d) for a, d in offs]
                    feed.add_trip(route, svc, direction, headsign, stop_ids, times, f"{d0 // 60:02d}{d0 % 60:02d}")
            path = sum(haversine_km(*a, *b) for a, b in zip(coords_of(stop_ids), coords_of(stop_ids)[1:]))
            info["route_speeds"].setdefault(line["id"], (path, offs[-1][0]))

    # ---- bus routes and trips ---------------------------------------------
    for line in bus_lines:
        stop_ids = [bus_stop_id(k) for k in line["stops"]]
        first_name, last_name = feed.stops[stop_ids[0]]["stop_name"], feed.stops[stop_ids[-1]]["stop_name"]
        route = dict(route_id=line["id"], agency_id="TEC-DEMO", route_short_name=line["short"],
                     route_long_name=line.get("long", f"{first_name} – {last_name}"), route_type="3")
        feed.routes.append(route)
        timepoints = line.get("timepoints")
        for direction in (0, 1):
            ids = stop_ids if direction == 0 else list(reversed(stop_ids))
            keys = line["stops"] if direction == 0 else list(reversed(line["stops"]))
            offs = bus_offsets(coords_of(ids))
            headsign = feed.stops[ids[-1]]["stop_name"]
            path = sum(haversine_km(*a, *b) for a, b in zip(coords_of(ids), coords_of(ids)[1:]))
            info["route_speeds"].setdefault(line["id"], (path, offs[-1][0]))
            shift = line["offset"] + (15 if direction == 1 else 0)

            def times_for(d0: int) -> list[tuple[int, int] | None]:
                out: list[tuple[int, int] | None] = []
                for k, (a, d) in zip(keys, offs):
                    if timepoints and k not in timepoints:
                        out.append(None)
                    else:
                        out.append((d0 + a, d0 + d))
                return out

            if line.get("school"):
                d0 = 7 * 60 + 5 if direction == 0 else 15 * 60 + 50
                feed.add_trip(route, SVC_SCHOOL, direction, headsign, ids, times_for(d0), f"{d0 // 60:02d}{d0 % 60:02d}")
                continue
            weekday = weekday_bus_departures(shift)
            if line.get("frequency"):
                # timed trips only outside the frequency windows; one template trip per window
                weekday = [t for t in weekday if not any(s <= t < e for s, e in W3_FREQ_WINDOWS)]
                for s, e in W3_FREQ_WINDOWS:
                    tid = feed.add_trip(route, SVC_WEEKDAY, direction, headsign, ids, times_for(s),
                                        f"F{s // 60:02d}{s % 60:02d}")
                    feed.frequencies.append(dict(trip_id=tid, start_time=fmt_time(s), end_time=fmt_time(e),
                                                 headway_secs=str(W3_HEADWAY_S), exact_times="0"))
            schedules = [(SVC_WEEKDAY, weekday),
                         (SVC_BUS_SATURDAY, [h * 60 + shift for h in range(8, 19, 2)])]
            if line["sunday"]:
                schedules.append((SVC_BUS_SUNDAY, [h * 60 + shift for h in (9, 13, 17)]))
            for svc, deps in schedules:
                for d0 in sorted(deps):
                    feed.add_trip(route, svc, direction, headsign, ids, times_for(d0), f"{d0 // 60:02d}{d0 % 60:02d}")

    # ---- calendar ------------------------------------------------------------
    for service_id, days in CALENDAR:
        row = dict(service_id=service_id)
        for day, flag in zip(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), days):
            row[day] = str(flag)
        row["start_date"] = gtfs_date(FEED_START)
        row["end_date"] = gtfs_date(FEED_END)
        feed.calendar.append(row)

    for day, _name in PUBLIC_HOLIDAYS:
        wd = day.weekday()
        if wd <= 4:
            changes = [(SVC_WEEKDAY, "2"), (SVC_TRAIN_WEEKEND, "1"), (SVC_BUS_SUNDAY, "1")]
        elif wd == 5:
            changes = [(SVC_BUS_SATURDAY, "2"), (SVC_BUS_SUNDAY, "1")]
        else:
            changes = []
        for svc, ex in changes:
            feed.calendar_dates.append(dict(service_id=svc, date=gtfs_date(day), exception_type=ex))
    d = dt.date(SCHOOL_MONTH[0], SCHOOL_MONTH[1], 1)
    while d.month == SCHOOL_MONTH[1]:
        if d.weekday() <= 4 and d not in {h for h, _ in PUBLIC_HOLIDAYS}:
            feed.calendar_dates.append(dict(service_id=SVC_SCHOOL, date=gtfs_date(d), exception_type="1"))
        d += dt.timedelta(days=1)

    # ---- transfers -----------------------------------------------------------
    tournai_id = f"sncb-{station(TOURNAI_STATION)['uic']}"
    for name, _town in BUS_HUBS:
        bus = hub_stop_for[name]
        secs = HUB_TRANSFER_SECONDS[name]
        if name == TOURNAI_STATION:
            targets = [(f"{tournai_id}-{suffix}", secs[suffix]) for suffix, *_ in TOURNAI_PLATFORMS]
        else:
            targets = [(f"sncb-{station(name)['uic']}", secs)]
        for rail, s in targets:
            for a, b in ((bus, rail), (rail, bus)):
                feed.transfers.append(dict(from_stop_id=a, to_stop_id=b, transfer_type="2", min_transfer_time=str(s)))
    plats = [f"{tournai_id}-{suffix}" for suffix, *_ in TOURNAI_PLATFORMS]
    for a in plats:
        for b in plats:
            if a != b:
                feed.transfers.append(dict(from_stop_id=a, to_stop_id=b, transfer_type="2",
                                           min_transfer_time=str(TOURNAI_PLATFORM_TRANSFER_SECONDS)))
    return feed, info


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------


def service_dates(feed: Feed) -> dict[str, list[dt.date]]:
    active: dict[str, set[dt.date]] = {}
    for row in feed.calendar:
        flags = [row[d] == "1" for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")]
        start = dt.datetime.strptime(row["start_date"], "%Y%m%d").date()
        end = dt.datetime.strptime(row["end_date"], "%Y%m%d").date()
        days = set()
        d = start
        while d <= end:
            if flags[d.weekday()]:
                days.add(d)
            d += dt.timedelta(days=1)
        active[row["service_id"]] = days
    for row in feed.calendar_dates:
        d = dt.datetime.strptime(row["date"], "%Y%m%d").date()
        days = active.setdefault(row["service_id"], set())
        if row["exception_type"] == "1":
            if d in days:
                raise ValidationError(f"calendar_dates adds {row['service_id']} on {d}, already active")
            days.add(d)
        elif row["exception_type"] == "2":
            if d not in days:
                raise ValidationError(f"calendar_dates removes {row['service_id']} on {d}, not active")
            days.discard(d)
        else:
            raise ValidationError(f"bad exception_type {row}")
    return {k: sorted(v) for k, v in sorted(active.items())}


def validate(feed: Feed, localities: dict, communes: dict) -> dict:
    stops = feed.stops
    # holiday list sanity: the Easter-based dates
    for year in (2027,):
        e = easter(year)
        expected = {e + dt.timedelta(days=1): "Lundi de Pâques", e + dt.timedelta(days=39): "Ascension",
                    e + dt.timedelta(days=50): "Lundi de Pentecôte"}
        for day, name in expected.items():
            if (day, name) not in PUBLIC_HOLIDAYS:
                raise ValidationError(f"{name} {year} should be {day}")
    for day, _ in PUBLIC_HOLIDAYS:
        if not FEED_START <= day <= FEED_END:
            raise ValidationError(f"holiday {day} outside the feed window")

    # stops
    for sid, s in stops.items():
        if not (BBOX[0] <= s["stop_lat"] <= BBOX[1] and BBOX[2] <= s["stop_lon"] <= BBOX[3]):
            raise ValidationError(f"stop {sid} outside the bounding box")
        if s["parent_station"]:
            parent = stops.get(s["parent_station"])
            if parent is None:
                raise ValidationError(f"stop {sid}: parent_station {s['parent_station']} does not exist")
            if parent["location_type"] != "1":
                raise ValidationError(f"stop {sid}: parent {s['parent_station']} is not a station")
            if haversine_km(s["stop_lat"], s["stop_lon"], parent["stop_lat"], parent["stop_lon"]) > 0.2:
                raise ValidationError(f"platform {sid} too far from its station")

    # agencies / routes / trips
    agency_ids = {a[0] for a in AGENCIES}
    route_ids = set()
    for r in feed.routes:
        if r["route_id"] in route_ids:
            raise ValidationError(f"duplicate route_id {r['route_id']}")
        if r["agency_id"] not in agency_ids:
            raise ValidationError(f"route {r['route_id']}: unknown agency")
        route_ids.add(r["route_id"])
    svc_days = service_dates(feed)
    trip_ids = set()
    for t in feed.trips:
        if t["trip_id"] in trip_ids:
            raise ValidationError(f"duplicate trip_id {t['trip_id']}")
        trip_ids.add(t["trip_id"])
        if t["route_id"] not in route_ids:
            raise ValidationError(f"trip {t['trip_id']}: unknown route")
        if t["service_id"] not in svc_days:
            raise ValidationError(f"trip {t['trip_id']}: service {t['service_id']} in neither calendar nor calendar_dates")
        if not svc_days[t["service_id"]]:
            raise ValidationError(f"service {t['service_id']} never runs")
    for svc, days in svc_days.items():
        for d in days:
            if not FEED_START <= d <= FEED_END:
                raise ValidationError(f"service {svc} runs on {d}, outside the feed window")

    # stop_times
    by_trip: dict[str, list[dict]] = {}
    for st in feed.stop_times:
        if st["stop_id"] not in stops:
            raise ValidationError(f"stop_times of {st['trip_id']}: unknown stop {st['stop_id']}")
        if stops[st["stop_id"]]["location_type"] != "0":
            raise ValidationError(f"stop_times of {st['trip_id']}: {st['stop_id']} is a station, not a stop")
        if st["trip_id"] not in trip_ids:
            raise ValidationError(f"stop_times for unknown trip {st['trip_id']}")
        by_trip.setdefault(st["trip_id"], []).append(st)
    used_stops = set()
    for tid in sorted(trip_ids):
        rows = by_trip.get(tid, [])
        if len(rows) < 2:
            raise ValidationError(f"trip {tid} has fewer than 2 stop_times")
        seqs = [int(r["stop_sequence"]) for r in rows]
        if seqs != sorted(set(seqs)):
            raise ValidationError(f"trip {tid}: stop_sequence not increasing")
        for r in (rows[0], rows[-1]):
            if not r["arrival_time"] or not r["departure_time"]:
                raise ValidationError(f"trip {tid}: first/last stop without times")
        last = -1
        for r in rows:
            if bool(r["arrival_time"]) != bool(r["departure_time"]):
                raise ValidationError(f"trip {tid}: only one of arrival/departure at {r['stop_id']}")
            if r["timepoint"] != ("1" if r["arrival_time"] else "0"):
                raise ValidationError(f"trip {tid}: timepoint inconsistent at {r['stop_id']}")
            if r["arrival_time"]:
                a, d = parse_time(r["arrival_time"]), parse_time(r["departure_time"])
                if not last <= a <= d:
                    raise ValidationError(f"trip {tid}: times decrease at {r['stop_id']}")
                if d >= 30 * 3600:
                    raise ValidationError(f"trip {tid}: time beyond 30:00:00")
                last = d
            used_stops.add(r["stop_id"])
    for sid, s in stops.items():
        if s["location_type"] == "0" and sid not in used_stops:
            raise ValidationError(f"stop {sid} is served by no trip")

    # frequencies
    for f in feed.frequencies:
        if f["trip_id"] not in trip_ids:
            raise ValidationError(f"frequencies: unknown trip {f['trip_id']}")
        s, e = parse_time(f["start_time"]), parse_time(f["end_time"])
        first_dep = parse_time(by_trip[f["trip_id"]][0]["departure_time"])
        if not s < e or int(f["headway_secs"]) <= 0 or f["exact_times"] != "0" or first_dep != s:
            raise ValidationError(f"frequencies: bad row {f}")

    # transfers
    for tr in feed.transfers:
        for k in ("from_stop_id", "to_stop_id"):
            if tr[k] not in stops:
                raise ValidationError(f"transfers: unknown stop {tr[k]}")
        if tr["transfer_type"] != "2" or not 60 <= int(tr["min_transfer_time"]) <= 600:
            raise ValidationError(f"transfers: bad row {tr}")
        a, b = stops[tr["from_stop_id"]], stops[tr["to_stop_id"]]
        if haversine_km(a["stop_lat"], a["stop_lon"], b["stop_lat"], b["stop_lon"]) > 0.15:
            raise ValidationError(f"transfers: {tr['from_stop_id']} and {tr['to_stop_id']} more than 150 m apart")

    # geographic order: along each pattern, for any two stops at least 2 km apart,
    # the path through the stops in between is at most 1.5 x the straight distance
    for route_id, patterns in feed.route_patterns.items():
        for pat in patterns:
            pts = [(stops[s]["stop_lat"], stops[s]["stop_lon"]) for s in pat]
            cum = [0.0]
            for a, b in zip(pts, pts[1:]):
                cum.append(cum[-1] + haversine_km(*a, *b))
            for i in range(len(pts)):
                for j in range(i + 1, len(pts)):
                    straight = haversine_km(*pts[i], *pts[j])
                    if straight >= ZIGZAG_MIN_STRAIGHT_KM and cum[j] - cum[i] > ZIGZAG_FACTOR * straight:
                        raise ValidationError(
                            f"route {route_id}: zig-zag between {pat[i]} and {pat[j]} "
                            f"({cum[j] - cum[i]:.1f} km along the stops vs {straight:.1f} km straight)")
            if len(set(pat)) != len(pat):
                raise ValidationError(f"route {route_id}: a stop appears twice in a pattern")

    # commune coverage
    coverage = {}
    served = [stops[s] for s in sorted(used_stops)]
    for nis in sorted(communes):
        best = None
        for loc in localities.values():
            if loc["nis"] != nis:
                continue
            for s in served:
                d = haversine_km(loc["lat"], loc["lon"], s["stop_lat"], s["stop_lon"])
                if best is None or d < best[0]:
                    best = (d, s["stop_id"], loc["locality"])
        coverage[nis] = best
    return dict(service_days=svc_days, coverage=coverage)


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def to_csv(header: list[str], rows: list[dict | list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r[h] for h in header] if isinstance(r, dict) else r)
    return buf.getvalue()


def render(feed: Feed) -> dict[str, str]:
    files = {}
    files["agency.txt"] = to_csv(["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"],
                                 [[a, n, u, TIMEZONE, "fr"] for a, n, u in AGENCIES])
    stop_rows = []
    for sid in sorted(feed.stops):
        s = dict(feed.stops[sid])
        s["stop_lat"], s["stop_lon"] = fmt_coord(s["stop_lat"]), fmt_coord(s["stop_lon"])
        stop_rows.append(s)
    files["stops.txt"] = to_csv(["stop_id", "stop_name", "stop_desc", "stop_lat", "stop_lon", "location_type",
                                 "parent_station", "platform_code"], stop_rows)
    files["routes.txt"] = to_csv(["route_id", "agency_id", "route_short_name", "route_long_name", "route_type"],
                                 feed.routes)
    files["trips.txt"] = to_csv(["route_id", "service_id", "trip_id", "trip_headsign", "direction_id"], feed.trips)
    files["stop_times.txt"] = to_csv(["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence",
                                      "timepoint"], feed.stop_times)
    files["calendar.txt"] = to_csv(["service_id", "monday", "tuesday", "wednesday", "thursday", "friday",
                                    "saturday", "sunday", "start_date", "end_date"], feed.calendar)
    files["calendar_dates.txt"] = to_csv(["service_id", "date", "exception_type"],
                                         sorted(feed.calendar_dates, key=lambda r: (r["date"], r["service_id"])))
    files["frequencies.txt"] = to_csv(["trip_id", "start_time", "end_time", "headway_secs", "exact_times"],
                                      feed.frequencies)
    files["transfers.txt"] = to_csv(["from_stop_id", "to_stop_id", "transfer_type", "min_transfer_time"],
                                    feed.transfers)
    files["feed_info.txt"] = to_csv(["feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date",
                                     "feed_end_date", "feed_version"],
                                    [[PUBLISHER_NAME, PUBLISHER_URL, "fr", gtfs_date(FEED_START),
                                      gtfs_date(FEED_END), FEED_VERSION]])
    return files


def summary(feed: Feed, result: dict, communes: dict, info: dict) -> str:
    lines = []
    n_platform_stops = sum(1 for s in feed.stops.values() if s["location_type"] == "0")
    n_stations = sum(1 for s in feed.stops.values() if s["location_type"] == "1")
    lines.append(f"stops: {len(feed.stops)} ({n_platform_stops} stops/platforms + {n_stations} parent station)")
    lines.append(f"routes: {len(feed.routes)}   trips: {len(feed.trips)}   stop_times: {len(feed.stop_times)}")
    lines.append(f"calendar: {len(feed.calendar)}   calendar_dates: {len(feed.calendar_dates)}   "
                 f"frequencies: {len(feed.frequencies)}   transfers: {len(feed.transfers)}")
    lines.append("lines:")
    trips_per_route: dict[str, int] = {}
    for t in feed.trips:
        trips_per_route[t["route_id"]] = trips_per_route.get(t["route_id"], 0) + 1
    for r in feed.routes:
        path, minutes = info["route_speeds"][r["route_id"]]
        lines.append(f"  {r['route_short_name']:<7} {r['route_long_name']:<45} trips {trips_per_route[r['route_id']]:>4}"
                     f"   {path:5.1f} km in {minutes:3d} min ({path / minutes * 60:4.1f} km/h straight-line)")
    lines.append("service days: " + ", ".join(f"{k} {len(v)}" for k, v in result["service_days"].items()))
    covered = [nis for nis, b in result["coverage"].items() if b and b[0] <= COVERAGE_KM]
    lines.append(f"communes with a stop within {COVERAGE_KM} km of a locality point: {len(covered)}/{len(communes)}")
    for nis, (d, sid, loc) in result["coverage"].items():
        mark = "ok " if d <= COVERAGE_KM else "NO "
        lines.append(f"  {mark}{nis} {communes[nis]:<20} {d * 1000:6.0f} m  {sid} (from {loc})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", help="directory holding the stations CSV, the postal localities CSV and the "
                                           "communes GeoJSON (default: seeds/, then ../shared/data/)")
    parser.add_argument("--output-dir", default=str(Path(__file__).resolve().parent / "demo-wapi"))
    parser.add_argument("--quiet", action="store_true", help="do not print the summary")
    args = parser.parse_args(argv)

    stations, localities, communes = load_reference(*find_reference_files(args.data_dir))
    try:
        feed, info = build_feed(stations, localities)
        result = validate(feed, localities, communes)
        uncovered = [nis for nis, b in result["coverage"].items() if not b or b[0] > COVERAGE_KM]
        if uncovered:
            raise ValidationError(f"communes without a stop within {COVERAGE_KM} km: {', '.join(uncovered)}")
    except ValidationError as e:
        print(f"VALIDATION FAILED: {e}", file=sys.stderr)
        return 1
    files = render(feed)
    out = Path(args.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in sorted(files):
        with open(out / name, "w", encoding="utf-8", newline="") as f:
            f.write(files[name])
    if not args.quiet:
        print(f"wrote {len(files)} files to {out}")
        print(summary(feed, result, communes, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
