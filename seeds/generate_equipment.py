#!/usr/bin/env python3
"""Generate seeds/demo-equipment.json, the invented equipment inventories of Wapi Synergies.

Everything written by this script is INVENTED demo data: the items, their
inventory references, names, brands, models, quantities, years, notes and
sharing terms.  Every brand is a made-up name starting with "Démo" (DémoDidact,
DémoFroid, DémoMéca…), so none of them is a real manufacturer, and every model
is an invented code such as "DF-220".

The items belong to the demo operators of ``seeds/demo.json`` that work in the
Installation & Maintenance pole: schools, CTA, competence centres, Forem,
IFAPME, social promotion, insertion bodies and companies with at least one
offer in one of the pole's 7 trades.  Each item serves trades that its
operator offers and that its category (``seeds/equipment-categories.json``)
covers, and it sits at the site where the operator's offers of that trade are.

Usage (from the repository root):

    python3 seeds/generate_equipment.py [--output FILE] [--quiet]

Python 3.11, standard library only.  The output is deterministic: one
``random.Random(20261202)`` drives every choice, every loop runs over sorted
or fixed-order lists, and nothing depends on the current date or on hash
randomisation.  Running the script twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 20261202
HERE = Path(__file__).resolve().parent

POLE = "installation-maintenance"
POLE_TRADES = [
    "maintenance-electrique", "equipements-industriels", "maintenance-mecanique",
    "mecanique-automobile", "cycles-motos", "automatismes", "froid-climatisation",
]

# Operator kinds that hold an inventory (when they have an offer in the pole's trades).
ELIGIBLE_KINDS = [
    "QUALIFYING_SCHOOL", "SOCIAL_PROMOTION", "IFAPME", "FOREM", "COMPETENCE_CENTRE",
    "CTA", "INSERTION_BODY", "COMPANY",
]
# How many items an operator of each kind holds (inclusive range).
INVENTORY_SIZE = {
    "CTA": (32, 40),
    "COMPETENCE_CENTRE": (34, 44),
    "FOREM": (14, 24),
    "IFAPME": (14, 22),
    "QUALIFYING_SCHOOL": (12, 24),
    "SOCIAL_PROMOTION": (10, 18),
    "INSERTION_BODY": (8, 14),
    "COMPANY": (2, 8),
}
# Share of an operator's working items that it lends to others.
SHARING_RATE = {
    "CTA": 0.55, "COMPETENCE_CENTRE": 0.55, "FOREM": 0.55, "IFAPME": 0.55,
    "QUALIFYING_SCHOOL": 0.35, "SOCIAL_PROMOTION": 0.35, "INSERTION_BODY": 0.35,
    "COMPANY": 0.20,
}
SHARING_GROUPS = {
    "CTA, competence centres, Forem, IFAPME": ["CTA", "COMPETENCE_CENTRE", "FOREM", "IFAPME"],
    "schools (incl. social promotion, insertion)": ["QUALIFYING_SCHOOL", "SOCIAL_PROMOTION", "INSERTION_BODY"],
    "companies": ["COMPANY"],
}

CONDITIONS = ["NEW", "GOOD", "WORN", "OUT_OF_SERVICE"]
REFRIGERANTS = ["R-134a", "R-32", "R-410A", "R-290", "R-744", "R-1234yf", "R-407C", "R-513A"]
FIRST_YEAR, LAST_YEAR = 1995, 2026

# Fictitious brands (all start with "Démo") and the prefix of their model codes.
BRANDS = {
    "DémoDidact": "DD",
    "DémoFroid": "DF",
    "DémoMéca": "DMC",
    "DémoAuto": "DA",
    "DémoÉlec": "DE",
    "DémoCycle": "DC",
    "DémoMesure": "DMS",
    "DémoRobot": "DR",
}

ITEM_KEYS = [
    "operator", "site", "reference", "name", "category", "brand", "model", "quantity",
    "condition", "yearAcquired", "trades", "competences", "refrigerant", "notes",
    "sharing", "isPublic",
]
SHARING_KEYS = ["supervisionRequired", "prerequisite", "maxGroupSize", "costPerHalfDayCents", "noticeDays"]

PREREQ_REFRIGERANT = "Attestation de capacité en froid (catégorie I) du formateur"
PREREQ_EV = "Habilitation électrique véhicule (B1VL/B2VL) du formateur"
PREREQ_MACHINE = "Formation sécurité machine"
PREREQ_LIFT = "Formation à l'utilisation du pont"
PREREQUISITES = {
    "REFRIGERATION_RIG": PREREQ_REFRIGERANT,
    "HEAT_PUMP_RIG": PREREQ_REFRIGERANT,
    "AIR_CONDITIONING_RIG": PREREQ_REFRIGERANT,
    "REFRIGERANT_RECOVERY_UNIT": PREREQ_REFRIGERANT,
    "EV_DIAGNOSTIC_STATION": PREREQ_EV,
    "INDUSTRIAL_ROBOT_CELL": PREREQ_MACHINE,
    "CNC_LATHE": PREREQ_MACHINE,
    "CNC_MILL": PREREQ_MACHINE,
    "VEHICLE_LIFT": PREREQ_LIFT,
}

# --------------------------------------------------------------------------
# Per-category knowledge: reference short code, size class, brands, earliest
# plausible year, relative weight, and the names an inventory gives the items.
# --------------------------------------------------------------------------

# size classes: "tool" (hand-held instruments, bought by the dozen),
# "multi" (benches and stations a workshop holds several of), "single"
# (machines and rigs, usually one or two).
CATEGORY_INFO = {
    "AUTOMATION_BENCH": ("AUT", "multi", ["DémoDidact", "DémoÉlec"], 1995, 1.2),
    "PLC_RACK": ("API", "multi", ["DémoÉlec", "DémoDidact"], 1995, 1.3),
    "PNEUMATIC_BENCH": ("PNE", "multi", ["DémoDidact", "DémoMéca"], 1995, 1.1),
    "HYDRAULIC_BENCH": ("HYD", "single", ["DémoDidact", "DémoMéca"], 1995, 1.0),
    "INDUSTRIAL_ROBOT_CELL": ("ROB", "single", ["DémoRobot"], 2003, 0.8),
    "PROCESS_TRAINER": ("REG", "single", ["DémoDidact"], 1995, 0.8),
    "CNC_LATHE": ("TCN", "single", ["DémoMéca"], 1995, 0.8),
    "CNC_MILL": ("FCN", "single", ["DémoMéca"], 1995, 0.8),
    "CONVENTIONAL_LATHE": ("TOU", "single", ["DémoMéca"], 1995, 1.0),
    "CONVENTIONAL_MILL": ("FRA", "single", ["DémoMéca"], 1995, 0.9),
    "WELDING_STATION": ("SOU", "multi", ["DémoMéca", "DémoFroid"], 1995, 1.2),
    "VIBRATION_ANALYSER": ("VIB", "tool", ["DémoMesure"], 2000, 0.8),
    "SHAFT_ALIGNMENT_LASER": ("ALI", "tool", ["DémoMesure"], 2002, 0.7),
    "PUMP_VALVE_BENCH": ("POM", "single", ["DémoDidact", "DémoMéca"], 1995, 0.8),
    "TRANSMISSION_BENCH": ("TRA", "single", ["DémoDidact", "DémoMéca"], 1995, 0.8),
    "REFRIGERATION_RIG": ("FR", "single", ["DémoFroid", "DémoDidact"], 1995, 1.4),
    "HEAT_PUMP_RIG": ("PAC", "single", ["DémoFroid", "DémoDidact"], 2000, 1.2),
    "AIR_CONDITIONING_RIG": ("CLI", "single", ["DémoFroid", "DémoDidact"], 1998, 1.2),
    "REFRIGERANT_RECOVERY_UNIT": ("REC", "single", ["DémoFroid", "DémoAuto"], 1995, 1.0),
    "LEAK_DETECTOR": ("FUI", "tool", ["DémoFroid", "DémoMesure"], 1995, 1.0),
    "EV_DIAGNOSTIC_STATION": ("VE", "single", ["DémoAuto", "DémoDidact"], 2014, 1.0),
    "DIAGNOSTIC_TOOL": ("DIA", "tool", ["DémoAuto", "DémoCycle"], 2000, 1.3),
    "VEHICLE_LIFT": ("PON", "single", ["DémoAuto"], 1995, 1.2),
    "WHEEL_ALIGNMENT_BENCH": ("GEO", "single", ["DémoAuto"], 1998, 0.8),
    "TYRE_CHANGER": ("PNU", "single", ["DémoAuto", "DémoCycle"], 1995, 0.9),
    "CUTAWAY_ENGINE": ("MCO", "single", ["DémoDidact", "DémoAuto"], 1995, 1.1),
    "MOTORCYCLE_WORKSHOP_STAND": ("MOT", "multi", ["DémoCycle"], 1995, 1.4),
    "CYCLE_WORKSHOP_STAND": ("VEL", "multi", ["DémoCycle"], 1995, 1.5),
    "SMALL_ENGINE_BENCH": ("MCU", "single", ["DémoCycle", "DémoDidact"], 1995, 1.2),
    "ELECTRICAL_INSTALLATION_BOARD": ("ELE", "multi", ["DémoÉlec", "DémoDidact"], 1995, 1.3),
    "HOME_AUTOMATION_BOARD": ("DOM", "multi", ["DémoÉlec", "DémoDidact"], 2004, 1.0),
    "MOTOR_DRIVE_BENCH": ("VAR", "single", ["DémoÉlec", "DémoDidact"], 1995, 1.0),
    "PHOTOVOLTAIC_BENCH": ("PV", "single", ["DémoÉlec", "DémoDidact"], 2008, 0.9),
    "INSTALLATION_TESTER": ("CTL", "tool", ["DémoMesure", "DémoÉlec"], 1995, 1.2),
    "OSCILLOSCOPE": ("OSC", "tool", ["DémoMesure", "DémoÉlec"], 1995, 1.1),
    "THERMOGRAPHY_CAMERA": ("THE", "tool", ["DémoMesure"], 2005, 0.8),
}

# Brands by the item's main trade, where a category spans several kinds of workshop.
TRADE_BRANDS = {
    ("WELDING_STATION", "froid-climatisation"): ["DémoFroid"],
    ("WELDING_STATION", "maintenance-mecanique"): ["DémoMéca"],
    ("WELDING_STATION", "equipements-industriels"): ["DémoMéca"],
    ("REFRIGERANT_RECOVERY_UNIT", "froid-climatisation"): ["DémoFroid"],
    ("REFRIGERANT_RECOVERY_UNIT", "mecanique-automobile"): ["DémoAuto"],
    ("DIAGNOSTIC_TOOL", "mecanique-automobile"): ["DémoAuto"],
    ("DIAGNOSTIC_TOOL", "cycles-motos"): ["DémoCycle"],
    ("TYRE_CHANGER", "mecanique-automobile"): ["DémoAuto"],
    ("TYRE_CHANGER", "cycles-motos"): ["DémoCycle"],
    ("CUTAWAY_ENGINE", "mecanique-automobile"): ["DémoDidact", "DémoAuto"],
    ("CUTAWAY_ENGINE", "cycles-motos"): ["DémoDidact", "DémoCycle"],
    ("OSCILLOSCOPE", "mecanique-automobile"): ["DémoMesure", "DémoAuto"],
}

# Teaching benches a workshop may build itself: these may have no brand.
HOME_MADE = {
    "AUTOMATION_BENCH", "PNEUMATIC_BENCH", "HYDRAULIC_BENCH", "PROCESS_TRAINER",
    "PUMP_VALVE_BENCH", "TRANSMISSION_BENCH", "REFRIGERATION_RIG", "ELECTRICAL_INSTALLATION_BOARD",
    "HOME_AUTOMATION_BOARD", "MOTOR_DRIVE_BENCH", "PHOTOVOLTAIC_BENCH", "SMALL_ENGINE_BENCH",
    "CYCLE_WORKSHOP_STAND",
}

# Teaching equipment sold with its course material.
TEACHING_KIT = HOME_MADE | {
    "PLC_RACK", "INDUSTRIAL_ROBOT_CELL", "HEAT_PUMP_RIG", "AIR_CONDITIONING_RIG",
    "EV_DIAGNOSTIC_STATION", "CUTAWAY_ENGINE",
}

# Heavy or dangerous equipment: dearer to lend, longer notice, small groups.
HEAVY = {
    "INDUSTRIAL_ROBOT_CELL", "CNC_LATHE", "CNC_MILL", "CONVENTIONAL_LATHE", "CONVENTIONAL_MILL",
    "VEHICLE_LIFT", "WHEEL_ALIGNMENT_BENCH", "EV_DIAGNOSTIC_STATION", "REFRIGERATION_RIG",
    "HEAT_PUMP_RIG", "AIR_CONDITIONING_RIG", "REFRIGERANT_RECOVERY_UNIT", "HYDRAULIC_BENCH",
}

# What a company lends is its own working equipment, not teaching benches.
COMPANY_CATEGORIES = {
    "PLC_RACK", "INDUSTRIAL_ROBOT_CELL", "CNC_LATHE", "CNC_MILL", "CONVENTIONAL_LATHE",
    "CONVENTIONAL_MILL", "WELDING_STATION", "VIBRATION_ANALYSER", "SHAFT_ALIGNMENT_LASER",
    "REFRIGERANT_RECOVERY_UNIT", "LEAK_DETECTOR", "EV_DIAGNOSTIC_STATION", "DIAGNOSTIC_TOOL",
    "VEHICLE_LIFT", "WHEEL_ALIGNMENT_BENCH", "TYRE_CHANGER", "MOTORCYCLE_WORKSHOP_STAND",
    "CYCLE_WORKSHOP_STAND", "SMALL_ENGINE_BENCH", "HOME_AUTOMATION_BOARD", "MOTOR_DRIVE_BENCH",
    "PHOTOVOLTAIC_BENCH", "INSTALLATION_TESTER", "OSCILLOSCOPE", "THERMOGRAPHY_CAMERA",
}
# Words that mark a teaching item, left out of a company's inventory.
TEACHING_WORDS = ("didacti", "pédagog", "maquette", "formation", "école", "en coupe",
                  "initiation", "élèves", "simulé")

# Names, optionally limited to the item's main trade.  "{fluid}" is replaced
# by the item's refrigerant.
ANY = None
NAMES: dict[str, list[tuple[str, tuple[str, ...] | None]]] = {
    "AUTOMATION_BENCH": [
        ("Banc d'automatisme avec partie opérative convoyeur", ANY),
        ("Maquette de tri de pièces automatisée", ANY),
        ("Système automatisé didactique de remplissage de flacons", ANY),
        ("Maquette d'ascenseur 4 niveaux pilotée par automate", ANY),
        ("Platine de câblage en logique câblée", ANY),
        ("Poste d'automatisme avec écran tactile de supervision", ANY),
        ("Ligne didactique de conditionnement modulaire", ANY),
        ("Maquette de portail automatique", ANY),
        ("Banc de capteurs industriels (inductifs, capacitifs, optiques)", ANY),
    ],
    "PLC_RACK": [
        ("Rack d'automates programmables avec cartes d'entrées-sorties", ANY),
        ("Automate programmable modulaire sur platine", ANY),
        ("Valise automate compacte pour initiation", ANY),
        ("Rack API avec coupleur Ethernet industriel", ANY),
        ("Poste de programmation automate et simulateur de procédés", ANY),
        ("Automate de sécurité sur platine de test", ANY),
        ("Mallette automates et bus de terrain", ANY),
    ],
    "PNEUMATIC_BENCH": [
        ("Banc d'électropneumatique avec distributeurs et vérins", ANY),
        ("Panneau de pneumatique à rainures", ANY),
        ("Poste pneumatique double face (4 élèves)", ANY),
        ("Banc de pneumatique proportionnelle", ANY),
        ("Maquette de préhension par le vide", ANY),
        ("Poste d'électropneumatique piloté par automate", ANY),
    ],
    "HYDRAULIC_BENCH": [
        ("Banc d'hydraulique industrielle avec centrale 5,5 kW", ANY),
        ("Banc oléohydraulique de recherche de pannes", ANY),
        ("Poste d'hydraulique proportionnelle", ANY),
        ("Banc d'électrohydraulique double face", ANY),
        ("Maquette de presse hydraulique didactique", ANY),
        ("Centrale hydraulique instrumentée avec circuits de mesure", ANY),
    ],
    "INDUSTRIAL_ROBOT_CELL": [
        ("Cellule robotisée 6 axes avec enceinte de protection", ANY),
        ("Robot collaboratif sur table mobile", ANY),
        ("Cellule de palettisation robotisée", ANY),
        ("Bras robotisé 6 axes de chargement machine", ANY),
        ("Îlot robotisé de soudage à l'arc", ANY),
        ("Robot SCARA d'assemblage sur bâti", ANY),
    ],
    "PROCESS_TRAINER": [
        ("Banc de régulation de niveau et de débit", ANY),
        ("Boucle de régulation de température", ANY),
        ("Banc de régulation de pression", ANY),
        ("Maquette de procédé multivariable (niveau, débit, température)", ANY),
        ("Banc d'instrumentation et d'étalonnage de capteurs", ANY),
        ("Banc process de mélange et de dosage", ANY),
    ],
    "CNC_LATHE": [
        ("Tour à commande numérique 2 axes", ANY),
        ("Tour CN d'atelier à programmation conversationnelle", ANY),
        ("Centre de tournage CN avec ravitailleur de barres", ANY),
        ("Tour CN compact de formation", ANY),
        ("Tour à commande numérique avec outils motorisés", ANY),
    ],
    "CNC_MILL": [
        ("Fraiseuse à commande numérique 3 axes", ANY),
        ("Centre d'usinage vertical 3 axes", ANY),
        ("Fraiseuse CN d'atelier avec changeur d'outils", ANY),
        ("Centre d'usinage 5 axes", ANY),
        ("Fraiseuse numérique compacte de formation", ANY),
    ],
    "CONVENTIONAL_LATHE": [
        ("Tour parallèle entre-pointes 1000 mm", ANY),
        ("Tour conventionnel avec visualisation numérique 2 axes", ANY),
        ("Tour parallèle d'outillage", ANY),
        ("Tour d'établi pour petites pièces", ANY),
        ("Tour parallèle 1500 mm à banc rompu", ANY),
    ],
    "CONVENTIONAL_MILL": [
        ("Fraiseuse universelle à tête orientable", ANY),
        ("Fraiseuse conventionnelle avec visualisation 3 axes", ANY),
        ("Fraiseuse verticale d'atelier", ANY),
        ("Fraiseuse-perceuse d'établi", ANY),
        ("Fraiseuse universelle avec diviseur", ANY),
    ],
    "WELDING_STATION": [
        ("Poste de soudage MIG-MAG 250 A", ("maintenance-mecanique", "equipements-industriels")),
        ("Poste à souder TIG AC/DC", ("maintenance-mecanique", "equipements-industriels")),
        ("Poste de soudage à l'électrode enrobée", ("maintenance-mecanique", "equipements-industriels")),
        ("Cabine de soudage équipée avec aspiration des fumées", ("maintenance-mecanique", "equipements-industriels")),
        ("Poste multiprocédé MIG, TIG et électrode", ("maintenance-mecanique", "equipements-industriels")),
        ("Poste de soudage semi-automatique synergique", ("maintenance-mecanique", "equipements-industriels")),
        ("Poste de brasage oxyacétylénique", ("froid-climatisation",)),
        ("Chalumeau de brasage pour tubes cuivre", ("froid-climatisation",)),
        ("Poste de brasage fort avec balayage d'azote", ("froid-climatisation",)),
        ("Poste de brasage au propane pour raccords frigorifiques", ("froid-climatisation",)),
    ],
    "VIBRATION_ANALYSER": [
        ("Analyseur de vibrations portable 2 voies", ANY),
        ("Collecteur de données vibratoires", ANY),
        ("Vibromètre de poche", ANY),
        ("Kit d'analyse vibratoire avec accéléromètres", ANY),
        ("Analyseur de vibrations avec logiciel de suivi", ANY),
    ],
    "SHAFT_ALIGNMENT_LASER": [
        ("Aligneur laser d'arbres à deux têtes de mesure", ANY),
        ("Système de lignage laser pour machines tournantes", ANY),
        ("Kit d'alignement laser de poulies", ANY),
        ("Aligneur laser avec afficheur sans fil", ANY),
    ],
    "PUMP_VALVE_BENCH": [
        ("Banc de pompes centrifuges en série et en parallèle", ANY),
        ("Banc de robinetterie industrielle (vannes, clapets)", ANY),
        ("Banc de pompes volumétriques", ANY),
        ("Banc de maintenance de vannes de régulation", ANY),
        ("Boucle hydraulique avec pompes et vannes motorisées", ANY),
    ],
    "TRANSMISSION_BENCH": [
        ("Banc de transmissions par courroies et chaînes", ANY),
        ("Banc réducteurs et accouplements", ANY),
        ("Banc de montage de roulements", ANY),
        ("Maquette de boîte de vitesses industrielle", ANY),
        ("Banc de transmissions mécaniques démontable", ANY),
    ],
    "REFRIGERATION_RIG": [
        ("Banc frigorifique à détente thermostatique", ANY),
        ("Banc frigorifique à détente électronique", ANY),
        ("Chambre froide didactique positive", ANY),
        ("Maquette frigorifique multi-évaporateurs", ANY),
        ("Installation frigorifique didactique au {fluid}", ANY),
        ("Banc de froid commercial (vitrine et groupe de condensation)", ANY),
        ("Banc de recherche de pannes frigorifiques", ANY),
        ("Banc frigorifique instrumenté au {fluid}", ANY),
    ],
    "HEAT_PUMP_RIG": [
        ("Banc de pompe à chaleur air-eau", ANY),
        ("Pompe à chaleur eau-eau didactique", ANY),
        ("Banc PAC géothermique avec capteur simulé", ANY),
        ("Pompe à chaleur air-eau au {fluid} instrumentée", ANY),
        ("Banc de pompe à chaleur réversible", ANY),
        ("Pompe à chaleur sanitaire sur châssis", ANY),
    ],
    "AIR_CONDITIONING_RIG": [
        ("Banc de climatisation split mural", ANY),
        ("Climatiseur didactique multisplit", ANY),
        ("Banc de climatisation à débit de réfrigérant variable", ANY),
        ("Banc clim gainable", ANY),
        ("Climatiseur split instrumenté au {fluid}", ANY),
        ("Banc de climatisation avec cassette plafonnière", ANY),
    ],
    "REFRIGERANT_RECOVERY_UNIT": [
        ("Station de récupération de fluides frigorigènes", ("froid-climatisation",)),
        ("Groupe de transfert de fluide frigorigène", ("froid-climatisation",)),
        ("Station de récupération et de tirage au vide", ("froid-climatisation",)),
        ("Récupérateur de fluide portable", ("froid-climatisation",)),
        ("Station de charge climatisation automobile {fluid}", ("mecanique-automobile",)),
        ("Station de maintenance de climatisation automobile", ("mecanique-automobile",)),
        ("Station clim automatique pour véhicules légers", ("mecanique-automobile",)),
    ],
    "LEAK_DETECTOR": [
        ("Détecteur de fuites électronique", ANY),
        ("Détecteur de fuites à diode chauffée", ANY),
        ("Détecteur de fuites à ultrasons", ANY),
        ("Kit de recherche de fuites à l'azote hydrogéné", ANY),
        ("Renifleur de fluides frigorigènes", ANY),
    ],
    "EV_DIAGNOSTIC_STATION": [
        ("Station de diagnostic de véhicules électriques et hybrides", ANY),
        ("Banc didactique de chaîne de traction électrique", ANY),
        ("Poste de travail haute tension avec outillage isolé", ANY),
        ("Maquette de batterie de traction haute tension", ANY),
        ("Banc de véhicule hybride en coupe", ANY),
        ("Véhicule électrique pédagogique avec pannes simulées", ANY),
    ],
    "DIAGNOSTIC_TOOL": [
        ("Valise de diagnostic multimarque", ("mecanique-automobile",)),
        ("Outil de diagnostic OBD sans fil", ("mecanique-automobile",)),
        ("Tablette de diagnostic multimarque avec interface", ("mecanique-automobile",)),
        ("Valise de diagnostic véhicules légers et utilitaires", ("mecanique-automobile",)),
        ("Valise de diagnostic moto multimarque", ("cycles-motos",)),
        ("Outil de diagnostic pour vélos à assistance électrique", ("cycles-motos",)),
        ("Interface de diagnostic scooters et motos", ("cycles-motos",)),
    ],
    "VEHICLE_LIFT": [
        ("Pont élévateur 2 colonnes 3,5 t", ANY),
        ("Pont élévateur 4 colonnes", ANY),
        ("Pont ciseaux encastré", ANY),
        ("Pont 2 colonnes électrohydraulique", ANY),
        ("Pont élévateur ciseaux basse hauteur", ANY),
        ("Pont 4 colonnes de géométrie", ANY),
    ],
    "WHEEL_ALIGNMENT_BENCH": [
        ("Banc de géométrie 3D", ANY),
        ("Banc de géométrie à caméras", ANY),
        ("Contrôleur de parallélisme", ANY),
        ("Banc de géométrie avec plateaux pivotants", ANY),
        ("Banc de contrôle de géométrie à capteurs", ANY),
    ],
    "TYRE_CHANGER": [
        ("Démonte-pneus automatique", ("mecanique-automobile",)),
        ("Équilibreuse de roues électronique", ("mecanique-automobile",)),
        ("Démonte-pneus avec bras d'aide au montage", ("mecanique-automobile",)),
        ("Démonte-pneus et équilibreuse (ensemble)", ("mecanique-automobile",)),
        ("Démonte-pneus moto", ("cycles-motos",)),
        ("Équilibreuse de roues moto", ("cycles-motos",)),
        ("Démonte-pneus pour roues de motoculture", ("cycles-motos",)),
    ],
    "CUTAWAY_ENGINE": [
        ("Moteur essence en coupe", ("mecanique-automobile",)),
        ("Moteur diesel à injection directe en coupe", ("mecanique-automobile",)),
        ("Boîte de vitesses manuelle en coupe", ("mecanique-automobile",)),
        ("Moteur didactique tournant sur support", ("mecanique-automobile",)),
        ("Maquette de moteur 4 temps animée", ("mecanique-automobile",)),
        ("Moteur école diesel à rampe commune sur chariot", ("mecanique-automobile",)),
        ("Moteur de moto bicylindre en coupe", ("cycles-motos",)),
        ("Moteur 2 temps de cyclomoteur en coupe", ("cycles-motos",)),
        ("Moteur de scooter sur support d'atelier", ("cycles-motos",)),
    ],
    "MOTORCYCLE_WORKSHOP_STAND": [
        ("Table élévatrice moto pneumatique", ANY),
        ("Lève-moto hydraulique", ANY),
        ("Poste d'atelier moto avec établi", ANY),
        ("Pont moto électrohydraulique", ANY),
        ("Table élévatrice pour scooters et motos", ANY),
    ],
    "CYCLE_WORKSHOP_STAND": [
        ("Pied d'atelier vélo", ANY),
        ("Pied d'atelier double pince", ANY),
        ("Établi vélo avec outillage complet", ANY),
        ("Poste vélo mural avec pied d'atelier", ANY),
        ("Pied d'atelier électrique pour vélos à assistance", ANY),
        ("Pied d'atelier pliable", ANY),
    ],
    "SMALL_ENGINE_BENCH": [
        ("Banc de motoculture avec moteurs 4 temps", ANY),
        ("Banc de diagnostic tondeuses et débroussailleuses", ANY),
        ("Petits moteurs didactiques sur banc", ANY),
        ("Banc de réglage de carburateurs", ANY),
        ("Tondeuse autoportée pédagogique", ANY),
        ("Banc d'essai pour tronçonneuses et débroussailleuses", ANY),
    ],
    "ELECTRICAL_INSTALLATION_BOARD": [
        ("Cabine d'installation électrique domestique", ANY),
        ("Panneau didactique de câblage résidentiel", ANY),
        ("Tableau de distribution didactique", ANY),
        ("Cabine de câblage industriel", ANY),
        ("Panneau d'installation électrique avec défauts simulés", ANY),
        ("Tableau électrique de chantier didactique", ANY),
        ("Cabine de raccordement (compteur et coffret de branchement)", ANY),
    ],
    "HOME_AUTOMATION_BOARD": [
        ("Platine domotique KNX", ANY),
        ("Banc domotique éclairage et volets", ANY),
        ("Platine de gestion technique du bâtiment", ANY),
        ("Maquette de maison domotisée", ANY),
        ("Platine domotique sans fil", ANY),
    ],
    "MOTOR_DRIVE_BENCH": [
        ("Banc de moteurs asynchrones et variateurs de vitesse", ANY),
        ("Banc de machines électriques à courant continu", ANY),
        ("Poste de démarrage moteurs (étoile-triangle, démarreur progressif)", ANY),
        ("Banc de variateurs de fréquence", ANY),
        ("Banc de servomoteurs et commande d'axes", ANY),
        ("Banc d'essai de moteurs avec frein à poudre", ANY),
    ],
    "PHOTOVOLTAIC_BENCH": [
        ("Banc photovoltaïque raccordé au réseau", ANY),
        ("Banc PV autonome avec batteries", ANY),
        ("Toiture didactique photovoltaïque", ANY),
        ("Banc d'onduleurs photovoltaïques", ANY),
        ("Kit photovoltaïque de mesure et de mise en service", ANY),
    ],
    "INSTALLATION_TESTER": [
        ("Contrôleur d'installation électrique multifonction", ANY),
        ("Mégohmmètre numérique", ANY),
        ("Testeur de différentiels et de prise de terre", ANY),
        ("Contrôleur d'installation avec mesure de boucle", ANY),
        ("Mesureur d'isolement 1000 V", ANY),
    ],
    "OSCILLOSCOPE": [
        ("Oscilloscope numérique 2 voies", ("maintenance-electrique", "automatismes")),
        ("Oscilloscope numérique 4 voies 100 MHz", ("maintenance-electrique", "automatismes")),
        ("Oscilloscope portable isolé", ("maintenance-electrique", "automatismes")),
        ("Oscilloscope de table avec générateur intégré", ("maintenance-electrique", "automatismes")),
        ("Oscilloscope automobile 4 voies", ("mecanique-automobile",)),
        ("Oscilloscope automobile avec pinces ampèremétriques", ("mecanique-automobile",)),
        ("Oscilloscope portable pour diagnostic automobile", ("mecanique-automobile",)),
    ],
    "THERMOGRAPHY_CAMERA": [
        ("Caméra thermique portable", ANY),
        ("Caméra thermographique pour maintenance électrique", ("maintenance-electrique", "equipements-industriels")),
        ("Caméra infrarouge compacte", ANY),
        ("Caméra thermique haute résolution avec logiciel d'analyse", ANY),
        ("Caméra thermique pour recherche de fuites et de ponts thermiques", ("froid-climatisation",)),
    ],
}

# Refrigerants a category uses: (refrigerant, first year it is plausible, weight).
FLUIDS = {
    "REFRIGERATION_RIG": [("R-134a", 1995, 3), ("R-290", 2005, 3), ("R-744", 2010, 2),
                          ("R-513A", 2017, 2), ("R-407C", 1998, 1)],
    "HEAT_PUMP_RIG": [("R-410A", 2000, 3), ("R-32", 2014, 4), ("R-290", 2012, 2),
                      ("R-744", 2012, 1), ("R-407C", 1998, 1)],
    "AIR_CONDITIONING_RIG": [("R-410A", 2000, 3), ("R-32", 2014, 4), ("R-407C", 1998, 1)],
    "REFRIGERANT_RECOVERY_UNIT": [("R-410A", 2000, 3), ("R-32", 2014, 3), ("R-134a", 1995, 2),
                                  ("R-407C", 1998, 1), ("R-513A", 2017, 1)],
    "REFRIGERANT_RECOVERY_UNIT@mecanique-automobile": [("R-134a", 1995, 2), ("R-1234yf", 2013, 3)],
}
FLUID_FIRST_YEAR = {f: y for options in FLUIDS.values() for f, y, _ in options}

# Names that only make sense from a given year on.
NAME_FIRST_YEAR = [("collaboratif", 2016), ("assistance", 2012), ("sans fil", 2010),
                   ("débit de réfrigérant variable", 2005), ("KNX", 2003), ("3D", 2005),
                   ("caméras", 2008)]

QUANTITY_WEIGHTS = {
    "tool": {1: 12, 2: 14, 3: 12, 4: 10, 5: 6, 6: 8, 8: 5, 10: 3, 12: 3},
    "multi": {1: 30, 2: 25, 3: 18, 4: 12, 5: 4, 6: 7, 8: 3},
    "single": {1: 72, 2: 19, 3: 7, 4: 2},
}
QUANTITY_MAX = {"tool": 12, "multi": 8, "single": 4}

STOP_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "au", "aux", "a",
              "antenne", "demonstration", "espace", "formation", "centre", "s"}

NOTE = ("Invented demo data: these equipment inventories (items, references, models, "
        "quantities, years and sharing terms) are made up, and every brand is a fictitious "
        "\"Démo…\" name, not a real manufacturer.")


class Fail(Exception):
    pass


def check(cond: bool, msg: str) -> None:
    if not cond:
        raise Fail(msg)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def fold(text: str | None) -> str:
    """Compare as the importer does: no accents, lowercase, single spaces."""
    folded = strip_accents(text or "").replace("œ", "oe").replace("Œ", "oe").lower()
    return " ".join(folded.split())


def weighted(rng: random.Random, options: list, weights: list[float]):
    return rng.choices(options, weights=weights, k=1)[0]


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------

def load_inputs(demo_path: Path, categories_path: Path, trades_path: Path):
    demo = json.loads(demo_path.read_text(encoding="utf-8"))
    vocab = json.loads(categories_path.read_text(encoding="utf-8"))
    trades = json.loads(trades_path.read_text(encoding="utf-8"))
    pole = [t["code"] for t in trades["trades"] if POLE in t["poles"]]
    check(pole == POLE_TRADES, f"trades.json's {POLE} trades are {pole}, expected {POLE_TRADES}")
    categories = {c["code"]: c for c in vocab["categories"]}
    check(len(categories) == len(vocab["categories"]), "duplicate category code in the vocabulary")
    check(sorted(categories) == sorted(CATEGORY_INFO),
          "the vocabulary and CATEGORY_INFO disagree: "
          f"{sorted(set(categories) ^ set(CATEGORY_INFO))}")
    check(sorted(categories) == sorted(NAMES), "the vocabulary and NAMES disagree")
    for code, cat in categories.items():
        check(cat["trades"] and all(t in POLE_TRADES for t in cat["trades"]),
              f"{code}: trades outside the pole")
        check(cat["refrigerant"] == (code in FLUIDS), f"{code}: refrigerant flag vs FLUIDS")
        for trade in cat["trades"]:
            check(any(f is None or trade in f for _, f in NAMES[code]), f"{code}: no name for {trade}")
            if code in COMPANY_CATEGORIES:
                check(any((f is None or trade in f) and not teaching(n) for n, f in NAMES[code]),
                      f"{code}: no company name for {trade}")
        for name, _ in NAMES[code]:
            check(len(name) <= 110, f"{code}: name too long: {name}")
        for brand in CATEGORY_INFO[code][2]:
            check(brand in BRANDS, f"{code}: unknown brand {brand}")
    for (code, trade), brands in TRADE_BRANDS.items():
        check(trade in categories[code]["trades"], f"TRADE_BRANDS: {code} has no trade {trade}")
        check(all(b in CATEGORY_INFO[code][2] or b in BRANDS for b in brands), f"TRADE_BRANDS {code}")
    return demo, categories


def teaching(name: str) -> bool:
    low = name.lower()
    return any(w in low for w in TEACHING_WORDS)


def eligible_operators(demo: dict) -> list[dict]:
    """Operators of the eligible kinds with an offer in the pole's trades,
    with the sites where they offer each trade."""
    trade_sites: dict[str, dict[str, set[str]]] = {}
    for offer in demo["offers"]:
        for trade in offer["trades"]:
            if trade in POLE_TRADES:
                trade_sites.setdefault(offer["operator"], {}).setdefault(trade, set()).add(offer["site"])
    result = []
    for op in sorted(demo["operators"], key=lambda o: o["code"]):
        if op["kind"] not in ELIGIBLE_KINDS or op["code"] not in trade_sites:
            continue
        keys = [s["key"] for s in op["sites"]]
        sites = {t: sorted(s for s in v if s in keys) for t, v in trade_sites[op["code"]].items()}
        result.append({
            "code": op["code"], "kind": op["kind"], "name": op["name"],
            "site_keys": keys,
            "trades": [t for t in POLE_TRADES if t in sites],
            "trade_sites": sites,
        })
    return result


def reference_prefixes(operators: list[dict]) -> dict[str, str]:
    """Initials of the significant words of the name ("CTA Froid et
    climatisation du Collège…" → "CTAF"); a digit tells equal ones apart."""
    prefixes: dict[str, str] = {}
    used: set[str] = set()
    for op in operators:
        out = ""
        for word in re.findall(r"[0-9A-Za-zÀ-ÖØ-öø-ÿŒœ]+", op["name"]):
            plain = strip_accents(word)
            if plain.lower() in STOP_WORDS:
                continue
            if word.isupper() and len(word) >= 2:
                out += plain[:3]
            else:
                out += plain[0].upper()
        base = out[:4] or "INV"
        prefix, n = base, 2
        while prefix in used:
            prefix, n = f"{base}{n}", n + 1
        used.add(prefix)
        prefixes[op["code"]] = prefix
    return prefixes


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------

def model_catalogue(rng: random.Random, categories: dict) -> dict[tuple[str, str], list[str]]:
    """A few invented models per (category, brand), shared by all operators."""
    catalogue: dict[tuple[str, str], list[str]] = {}
    seen: set[str] = set()
    for code in sorted(categories):
        brands = set(CATEGORY_INFO[code][2])
        brands.update(b for (c, _), bs in TRADE_BRANDS.items() if c == code for b in bs)
        for brand in sorted(brands):
            models = []
            while len(models) < 3:
                number = rng.randrange(100, 1000, 10)
                suffix = rng.choice(["", "", "", "E", "S", "X", "L"])
                model = f"{BRANDS[brand]}-{number}{suffix}"
                if model not in seen:
                    seen.add(model)
                    models.append(model)
            catalogue[(code, brand)] = models
    return catalogue


def pick_year(rng: random.Random, first: int, kind: str) -> int | None:
    if rng.random() < 0.10:
        return None
    mode = 3 if kind == "COMPANY" else 6
    age = int(rng.triangular(0, LAST_YEAR - FIRST_YEAR + 1, mode))
    year = LAST_YEAR - min(age, LAST_YEAR - FIRST_YEAR)
    if year < first:
        year = rng.randint(first, LAST_YEAR)
    return year


def pick_condition(rng: random.Random, year: int | None) -> str:
    age = (LAST_YEAR - year) if year is not None else 12
    oos = 0.015 if age < 8 else (0.04 if age < 18 else 0.07)
    if rng.random() < oos:
        return "OUT_OF_SERVICE"
    if year is not None and age <= 1:
        return weighted(rng, ["NEW", "GOOD"], [75, 25])
    if year is not None and age <= 3:
        return weighted(rng, ["NEW", "GOOD"], [25, 75])
    if age <= 10:
        return weighted(rng, ["GOOD", "WORN"], [90, 10])
    if age <= 18:
        return weighted(rng, ["GOOD", "WORN"], [65, 35])
    return weighted(rng, ["GOOD", "WORN"], [45, 55])


def pick_notes(rng: random.Random, op: dict, item: dict) -> str | None:
    year, cat, kind = item["yearAcquired"], item["category"], op["kind"]
    if item["condition"] == "OUT_OF_SERVICE":
        since = rng.randint(max(year or 2020, 2022), LAST_YEAR)
        options = {
            "REFRIGERATION_RIG": "Hors service : compresseur à remplacer",
            "HEAT_PUMP_RIG": "Hors service : fuite sur l'échangeur, en attente de réparation",
            "AIR_CONDITIONING_RIG": "Hors service : carte électronique de l'unité extérieure défectueuse",
            "HYDRAULIC_BENCH": "Fuite sur la centrale hydraulique, en attente de réparation",
            "CNC_LATHE": "Hors service : directeur de commande numérique en panne, devis demandé",
            "CNC_MILL": "Hors service : broche à remplacer, devis demandé",
        }
        generic = [
            "Hors service, en attente de pièces",
            f"Hors service depuis {since}, réparation non prévue",
            "Carte de commande défectueuse, devis demandé",
            f"En panne depuis {since}, à déclasser",
        ]
        if cat in options and rng.random() < 0.6:
            return options[cat]
        return rng.choice(generic)
    if rng.random() >= 0.225:
        return None
    since = max(year or 2018, 2018)
    options = [
        f"Révisé en {rng.randint(since, LAST_YEAR)}",
        "Entretien annuel par le fournisseur",
        "Manuel d'utilisation en français disponible",
        f"Déménagé dans le nouvel atelier en {rng.randint(since, LAST_YEAR)}",
    ]
    if kind == "COMPANY":
        options += [
            "Disponible en dehors des heures de production",
            "Mise à disposition avec un technicien de l'entreprise",
            "Utilisé pour l'accueil de stagiaires",
        ]
    else:
        options.append("Acquis dans le cadre d'un appel à projets d'équipement pédagogique")
        if cat in TEACHING_KIT:
            options.append("Livré avec dossier pédagogique et fiches de travaux pratiques")
    if kind in ("QUALIFYING_SCHOOL", "CTA"):
        options += ["Utilisé en 5e et 6e années", "Utilisé en 6e et 7e années",
                    "Utilisé en 7e année de perfectionnement"]
    if kind == "COMPETENCE_CENTRE":
        options.append("Utilisé pour les modules de perfectionnement des travailleurs")
    if kind == "FOREM":
        options.append("Utilisé pour les formations qualifiantes des demandeurs d'emploi")
    if kind == "IFAPME":
        options.append("Utilisé pour les cours pratiques des apprentis")
    if kind == "SOCIAL_PROMOTION":
        options.append("Utilisé pour les cours du soir")
    if kind == "INSERTION_BODY":
        options.append("Utilisé en atelier de remise à l'emploi")
    if item["brand"] is None and cat in HOME_MADE and kind not in ("COMPANY", "INSERTION_BODY"):
        options += ["Banc construit en atelier par les élèves", "Réalisé en interne par l'équipe de formateurs"]
    if item["refrigerant"] is not None:
        options += ["Contrôle d'étanchéité annuel à jour",
                    f"Charge de {rng.choice(['0,8', '1,2', '1,6', '2,4', '3,1'])} kg de {item['refrigerant']}",
                    "Bouteilles de fluide non fournies"]
    if cat == "EV_DIAGNOSTIC_STATION":
        options.append("Outillage isolé 1000 V et gants fournis")
    if cat == "VEHICLE_LIFT":
        options.append(f"Contrôle périodique réalisé en {rng.randint(max(since, 2024), LAST_YEAR)}")
    if item["condition"] == "WORN":
        options += [f"Remplacement prévu en {rng.randint(LAST_YEAR + 1, LAST_YEAR + 3)}",
                    "Usure visible, fonctionne correctement"]
    if CATEGORY_INFO[cat][1] == "tool" and item["quantity"] > 1:
        options.append("Rangés en armoire fermée à clé")
    return rng.choice(options)


def pick_sharing(rng: random.Random, op: dict, item: dict) -> dict:
    cat, kind = item["category"], op["kind"]
    size = CATEGORY_INFO[cat][1]
    dangerous = cat in PREREQUISITES
    if dangerous:
        supervision = True
    else:
        supervision = rng.random() < (0.3 if size == "tool" else 0.6)
    if rng.random() < 0.15:
        group = None
    elif cat in HEAVY:
        group = rng.randint(2, 6)
    elif size == "tool":
        group = min(16, max(2, item["quantity"] * rng.choice([1, 2])))
    else:
        group = min(16, max(2, rng.randint(4, 12)))
    free_rate = {"COMPANY": 0.3, "QUALIFYING_SCHOOL": 0.55, "SOCIAL_PROMOTION": 0.5,
                 "INSERTION_BODY": 0.6}.get(kind, 0.4)
    if rng.random() < free_rate:
        cost = 0
    elif cat in HEAVY:
        cost = rng.randrange(5000, 15001, 500)
    elif size == "tool":
        cost = rng.randrange(2500, 5001, 500)
    else:
        cost = rng.randrange(2500, 8001, 500)
    if cat in HEAVY:
        notice = rng.randint(10, 30)
    elif size == "tool":
        notice = rng.randint(2, 7)
    else:
        notice = rng.randint(5, 15)
    if kind == "CTA":
        notice = max(notice, rng.randint(7, 14))
    return {
        "supervisionRequired": supervision,
        "prerequisite": PREREQUISITES.get(cat),
        "maxGroupSize": group,
        "costPerHalfDayCents": cost,
        "noticeDays": notice,
    }


def operator_categories(op: dict, categories: dict) -> list[str]:
    out = []
    for code in sorted(categories):
        if op["kind"] == "COMPANY" and code not in COMPANY_CATEGORIES:
            continue
        if set(categories[code]["trades"]) & set(op["trades"]):
            out.append(code)
    return out


def build_operator_items(rng: random.Random, op: dict, categories: dict, catalogue: dict,
                         prefix: str) -> list[dict]:
    cats = operator_categories(op, categories)
    check(cats, f"{op['code']}: no category fits its trades {op['trades']}")
    lo, hi = INVENTORY_SIZE[op["kind"]]
    if op["kind"] == "COMPANY":
        hi = min(hi, 2 * len(cats))
    n = rng.randint(lo, hi)
    # Distinct categories first (a weighted shuffle), then repeats.
    keys = sorted(cats, key=lambda c: rng.random() ** (1 / CATEGORY_INFO[c][4]), reverse=True)
    plan = keys[:n]
    while len(plan) < n:
        plan.append(weighted(rng, cats, [CATEGORY_INFO[c][4] for c in cats]))

    items: list[dict] = []
    seen: set[tuple[str, str, str, str]] = set()
    used_names: set[str] = set()
    for code in plan:
        item = None
        for _ in range(60):
            item = draft_item(rng, op, code, categories[code], catalogue, used_names)
            key = (item["site"], fold(item["name"]), fold(item["brand"]), fold(item["model"]))
            if key not in seen:
                seen.add(key)
                used_names.add(item["name_template"])
                break
            item = None
        check(item is not None, f"{op['code']}: cannot find a distinct {code} item")
        items.append(item)

    # Condition, notes, references, sharing, visibility.
    for item in items:
        item["condition"] = pick_condition(rng, item["yearAcquired"])
    null_ref_rate = 0.30 if op["kind"] == "COMPANY" else 0.11
    order = {c: i for i, c in enumerate(categories)}
    items.sort(key=lambda it: (order[it["category"]], it["yearAcquired"] or 0, it["name"],
                               it["brand"] or "", it["model"] or ""))
    number = rng.randint(1, 250)
    for item in items:
        if rng.random() < null_ref_rate:
            item["reference"] = None
        else:
            item["reference"] = f"{prefix}-{CATEGORY_INFO[item['category']][0]}-{number:04d}"
            number += rng.randint(1, 9)
    for item in items:
        item["notes"] = pick_notes(rng, op, item)
    working = [i for i, it in enumerate(items) if it["condition"] != "OUT_OF_SERVICE"]
    rate = SHARING_RATE[op["kind"]]
    k = min(len(working), math.floor(rate * len(working) + rng.random()))
    shared = set(rng.sample(working, k))
    for i, item in enumerate(items):
        item["sharing"] = pick_sharing(rng, op, item) if i in shared else None
        item["isPublic"] = True if i in shared else rng.random() < 0.80
    return [{key: item[key] for key in ITEM_KEYS} for item in items]


def draft_item(rng: random.Random, op: dict, code: str, cat: dict, catalogue: dict,
               used_names: set[str]) -> dict:
    short, size, brands, first, _ = CATEGORY_INFO[code]
    common = [t for t in cat["trades"] if t in op["trades"]]
    primary = rng.choice(common)
    trades = {primary}
    for t in common:
        if t != primary and len(trades) < 3 and rng.random() < 0.4:
            trades.add(t)
    trades_list = [t for t in POLE_TRADES if t in trades]

    fluid = None
    if cat["refrigerant"]:
        options = FLUIDS.get(f"{code}@{primary}", FLUIDS[code])
        fluid = weighted(rng, [f for f, _, _ in options], [w for _, _, w in options])
        first = max(first, FLUID_FIRST_YEAR[fluid])

    names = [nm for nm, f in NAMES[code] if f is None or primary in f]
    if op["kind"] == "COMPANY":
        names = [nm for nm in names if not teaching(nm)]
    fresh = [nm for nm in names if nm not in used_names]
    template = rng.choice(fresh or names)
    name = template.replace("{fluid}", fluid or "")
    for word, year in NAME_FIRST_YEAR:
        if word in name:
            first = max(first, year)

    # No brand: built in the workshop (teaching benches) or simply not recorded.
    no_brand = 0.16 if code in HOME_MADE else 0.03
    if op["kind"] == "COMPANY":
        no_brand /= 2
    if rng.random() < no_brand:
        brand = model = None
    else:
        choices = TRADE_BRANDS.get((code, primary), brands)
        if op["kind"] == "COMPANY" and len(choices) > 1:
            choices = [b for b in choices if b != "DémoDidact"]
        brand = rng.choice(choices)
        model = None if rng.random() < 0.08 else rng.choice(catalogue[(code, brand)])

    weights = QUANTITY_WEIGHTS[size]
    quantity = weighted(rng, list(weights), list(weights.values()))
    if op["kind"] == "COMPANY":
        quantity = min(quantity, 3)

    year = pick_year(rng, first, op["kind"])

    # Where the operator offers these trades (all of them if one site does).
    common_sites = None
    for t in trades_list:
        s = set(op["trade_sites"].get(t, []))
        common_sites = s if common_sites is None else common_sites & s
    sites = sorted(common_sites or op["trade_sites"].get(primary, []))
    site = rng.choice(sites) if sites else op["site_keys"][0]

    return {
        "operator": op["code"], "site": site, "reference": None, "name": name,
        "category": code, "brand": brand, "model": model, "quantity": quantity,
        "condition": None, "yearAcquired": year, "trades": trades_list, "competences": [],
        "refrigerant": fluid, "notes": None, "sharing": None, "isPublic": True,
        "name_template": template,
    }


def build(rng: random.Random, demo: dict, categories: dict) -> tuple[dict, list[dict]]:
    operators = eligible_operators(demo)
    prefixes = reference_prefixes(operators)
    catalogue = model_catalogue(rng, categories)
    items: list[dict] = []
    for op in operators:
        items.extend(build_operator_items(rng, op, categories, catalogue, prefixes[op["code"]]))
    data = {"dataset": "wapi-demo-equipment", "version": 1, "note": NOTE, "items": items}
    return data, operators


# --------------------------------------------------------------------------
# Validation and summary
# --------------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def validate(data: dict, demo: dict, categories: dict, operators: list[dict]) -> None:
    check(list(data) == ["dataset", "version", "note", "items"], f"top-level keys {list(data)}")
    check(data["dataset"] == "wapi-demo-equipment" and data["version"] == 1, "dataset/version")
    check(isinstance(data["note"], str) and "invented" in data["note"].lower(), "note")
    items = data["items"]
    check(len(items) >= 330, f"only {len(items)} items (need at least 330)")

    demo_ops = {o["code"]: o for o in demo["operators"]}
    eligible = {o["code"]: o for o in operators}
    # Every demo operator with a pole offer and an eligible kind, and only those.
    expected = sorted({f["operator"] for f in demo["offers"] if set(f["trades"]) & set(POLE_TRADES)
                       and demo_ops[f["operator"]]["kind"] in ELIGIBLE_KINDS})
    check(sorted(eligible) == expected, "eligible operators differ from demo.json's")
    refs_seen: dict[str, set[str]] = {}
    keys_seen: dict[str, set[tuple]] = {}
    ref_re = re.compile(r"^[A-Z]{2,4}[0-9]?-[A-Z]{2,3}-[0-9]{4}$")
    model_re = re.compile(r"^(" + "|".join(BRANDS.values()) + r")-[0-9]{3}[A-Z]?$")
    per_op: Counter = Counter()

    for n, it in enumerate(items):
        where = f"items[{n}] ({it.get('operator')} {it.get('reference')} {it.get('name')})"
        check(list(it) == ITEM_KEYS, f"{where}: keys {list(it)}")
        op = eligible.get(it["operator"])
        check(op is not None, f"{where}: operator not eligible")
        check(demo_ops[op["code"]]["kind"] == op["kind"], f"{where}: kind")
        per_op[op["code"]] += 1
        check(it["site"] in op["site_keys"], f"{where}: unknown site {it['site']}")
        offered_at = {s for t in it["trades"] for s in op["trade_sites"].get(t, [])}
        check(it["site"] in offered_at or (not offered_at and it["site"] == op["site_keys"][0]),
              f"{where}: site {it['site']} has none of the item's trades")
        cat = categories.get(it["category"])
        check(cat is not None, f"{where}: unknown category")
        if op["kind"] == "COMPANY":
            check(it["category"] in COMPANY_CATEGORIES, f"{where}: teaching bench at a company")
        tr = it["trades"]
        # reference
        refs = refs_seen.setdefault(op["code"], set())
        if it["reference"] is not None:
            check(isinstance(it["reference"], str) and ref_re.match(it["reference"]) is not None,
                  f"{where}: reference format")
            check(it["reference"] not in refs, f"{where}: duplicate reference")
            refs.add(it["reference"])
        key = (it["site"], fold(it["name"]), fold(it["brand"]), fold(it["model"]))
        keys = keys_seen.setdefault(op["code"], set())
        check(key not in keys, f"{where}: (site, name, brand, model) repeated")
        keys.add(key)
        # texts
        name = it["name"]
        check(isinstance(name, str) and 0 < len(name) <= 120 and name == name.strip()
              and not CONTROL.search(name), f"{where}: name")
        if it["notes"] is not None:
            check(isinstance(it["notes"], str) and 0 < len(it["notes"]) <= 200
                  and not CONTROL.search(it["notes"]), f"{where}: notes")
        allowed = set(CATEGORY_INFO[it["category"]][2]) | {
            b for (c, t), bs in TRADE_BRANDS.items() if c == it["category"] and t in tr for b in bs}
        check(it["brand"] is None or (it["brand"] in allowed and it["brand"].startswith("Démo")),
              f"{where}: brand")
        check(it["model"] is None or (it["brand"] is not None and model_re.match(it["model"])
                                      and it["model"].startswith(BRANDS[it["brand"]] + "-")),
              f"{where}: model")
        # numbers
        q = it["quantity"]
        check(type(q) is int and 1 <= q <= QUANTITY_MAX[CATEGORY_INFO[it["category"]][1]], f"{where}: quantity")
        check(it["condition"] in CONDITIONS, f"{where}: condition")
        y = it["yearAcquired"]
        check(y is None or (type(y) is int and FIRST_YEAR <= y <= LAST_YEAR), f"{where}: year")
        if it["condition"] == "NEW":
            check(y is not None and y >= LAST_YEAR - 3, f"{where}: NEW but old")
        # trades
        tr = it["trades"]
        check(isinstance(tr, list) and 1 <= len(tr) <= 3 and len(set(tr)) == len(tr), f"{where}: trades")
        check(all(t in cat["trades"] for t in tr), f"{where}: trade outside the category")
        check(all(t in op["trades"] for t in tr), f"{where}: trade the operator does not offer")
        check(it["competences"] == [], f"{where}: competences")
        # refrigerant
        if cat["refrigerant"]:
            check(it["refrigerant"] in REFRIGERANTS, f"{where}: refrigerant missing")
            check(y is None or y >= FLUID_FIRST_YEAR[it["refrigerant"]], f"{where}: refrigerant too recent")
        else:
            check(it["refrigerant"] is None, f"{where}: refrigerant on a category without one")
        # sharing
        s = it["sharing"]
        if s is not None:
            check(it["condition"] != "OUT_OF_SERVICE", f"{where}: out-of-service item shared")
            check(list(s) == SHARING_KEYS, f"{where}: sharing keys")
            check(type(s["supervisionRequired"]) is bool, f"{where}: supervisionRequired")
            check(s["prerequisite"] == PREREQUISITES.get(it["category"]), f"{where}: prerequisite")
            if it["category"] in PREREQUISITES:
                check(s["supervisionRequired"], f"{where}: dangerous item without supervision")
            g = s["maxGroupSize"]
            check(g is None or (type(g) is int and 2 <= g <= 16), f"{where}: maxGroupSize")
            c = s["costPerHalfDayCents"]
            check(type(c) is int and (c == 0 or (2500 <= c <= 15000 and c % 500 == 0)), f"{where}: cost")
            d = s["noticeDays"]
            check(type(d) is int and 2 <= d <= 30, f"{where}: noticeDays")
        check(type(it["isPublic"]) is bool, f"{where}: isPublic")

    # coverage and proportions
    used = {it["category"] for it in items}
    check(used == set(categories), f"categories never used: {sorted(set(categories) - used)}")
    for t in POLE_TRADES:
        check(sum(1 for it in items if t in it["trades"]) >= 10, f"trade {t} has fewer than 10 items")
    kind_of = {o["code"]: o["kind"] for o in operators}
    rich = [per_op[c] for c in per_op if kind_of[c] in ("CTA", "COMPETENCE_CENTRE")]
    others = [per_op[c] for c in per_op if kind_of[c] not in ("CTA", "COMPETENCE_CENTRE")]
    check(all(n >= 30 for n in rich), "a CTA or competence centre holds fewer than 30 items")
    check(min(rich) > max(others), "CTA and competence centres are not the richest inventories")
    for code in eligible:
        n = per_op[code]
        lo, hi = {"COMPANY": (2, 8), "QUALIFYING_SCHOOL": (10, 25)}.get(kind_of[code], (1, 44))
        check(lo <= n <= hi, f"{code}: {n} items, expected {lo}-{hi}")
    total = len(items)
    null_refs = sum(1 for it in items if it["reference"] is None)
    check(0.10 <= share(null_refs, total) <= 0.20, f"null references {null_refs}/{total}")
    null_years = sum(1 for it in items if it["yearAcquired"] is None)
    check(0.06 <= share(null_years, total) <= 0.14, f"null years {null_years}/{total}")
    cond = Counter(it["condition"] for it in items)
    check(cond["GOOD"] == max(cond.values()) and share(cond["GOOD"], total) >= 0.5, f"conditions {cond}")
    check(0.015 <= share(cond["OUT_OF_SERVICE"], total) <= 0.05, f"out of service {cond['OUT_OF_SERVICE']}")
    check(cond["NEW"] > 0 and cond["WORN"] > 0, "NEW and WORN both present")
    notes = sum(1 for it in items if it["notes"] is not None)
    check(0.18 <= share(notes, total) <= 0.32, f"notes {notes}/{total}")
    public = sum(1 for it in items if it["isPublic"])
    check(0.85 <= share(public, total) <= 0.95, f"public {public}/{total}")
    small = sum(1 for it in items if it["quantity"] <= 3)
    check(share(small, total) >= 0.75, f"quantities 1-3 only {small}/{total}")
    for label, kinds in SHARING_GROUPS.items():
        group = [it for it in items if kind_of[it["operator"]] in kinds]
        target = SHARING_RATE[kinds[0]]
        rate = share(sum(1 for it in group if it["sharing"]), len(group))
        check(abs(rate - target) <= 0.08, f"sharing rate of {label}: {rate:.2f}, target {target}")
    labels = Counter(fold(it["name"]) == fold(categories[it["category"]]["label"]) for it in items)
    check(share(labels[True], total) <= 0.10, "too many names repeat the category label")


def summary(data: dict, categories: dict, operators: list[dict]) -> str:
    items = data["items"]
    kind_of = {o["code"]: o["kind"] for o in operators}
    shared = [it for it in items if it["sharing"] is not None]
    lines = [f"items: {len(items)} from {len({it['operator'] for it in items})} operators; "
             f"shareable: {len(shared)} ({100 * share(len(shared), len(items)):.0f} %)"]
    lines.append("items per trade (an item counts for each of its trades):")
    for t in POLE_TRADES:
        n = sum(1 for it in items if t in it["trades"])
        s = sum(1 for it in shared if t in it["trades"])
        lines.append(f"  {t:<24} {n:>4}  shareable {s:>3}")
    lines.append("items per category:")
    for code in categories:
        n = sum(1 for it in items if it["category"] == code)
        s = sum(1 for it in shared if it["category"] == code)
        lines.append(f"  {code:<30} {n:>4}  shareable {s:>3}")
    lines.append("items per operator kind:")
    for kind in ELIGIBLE_KINDS:
        ops = [o for o in operators if o["kind"] == kind]
        group = [it for it in items if kind_of[it["operator"]] == kind]
        counts = sorted(sum(1 for it in items if it["operator"] == o["code"]) for o in ops)
        s = sum(1 for it in group if it["sharing"])
        lines.append(f"  {kind:<18} {len(ops):>2} operators {len(group):>4} items "
                     f"(per operator {counts[0] if counts else 0}-{counts[-1] if counts else 0})  "
                     f"shareable {s:>3} ({100 * share(s, len(group)):.0f} %)")
    cond = Counter(it["condition"] for it in items)
    lines.append("conditions: " + ", ".join(f"{c} {cond[c]}" for c in CONDITIONS))
    lines.append(f"references null: {sum(1 for it in items if it['reference'] is None)}; "
                 f"years null: {sum(1 for it in items if it['yearAcquired'] is None)}; "
                 f"notes: {sum(1 for it in items if it['notes'])}; "
                 f"public: {sum(1 for it in items if it['isPublic'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", default=str(HERE / "demo.json"), help="demo operators and offers")
    parser.add_argument("--categories", default=str(HERE / "equipment-categories.json"))
    parser.add_argument("--trades", default=str(HERE / "trades.json"))
    parser.add_argument("--output", default=str(HERE / "demo-equipment.json"))
    parser.add_argument("--quiet", action="store_true", help="do not print the summary")
    args = parser.parse_args(argv)

    try:
        demo, categories = load_inputs(Path(args.demo), Path(args.categories), Path(args.trades))
        rng = random.Random(SEED)
        data, operators = build(rng, demo, categories)
        validate(data, demo, categories, operators)
    except Fail as err:
        raise SystemExit(f"VALIDATION FAILED: {err}")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    Path(args.output).write_text(text, encoding="utf-8")
    if not args.quiet:
        print(summary(data, categories, operators))
        print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
