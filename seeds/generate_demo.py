#!/usr/bin/env python3
"""Generate seeds/demo.json, the invented demo data set of Wapi Synergies.

Everything written by this script is INVENTED demo data: operator names,
street addresses, offers, e-mail addresses, phone numbers, websites.  The only
real inputs are the postal localities (postcode, locality name, commune NIS
code and the locality point) of ``wapi-postcodes.csv`` and the commune
boundaries of ``wapi-communes.geojson``, used to place every site inside the
right commune.

Usage (from the repository root):

    python3 seeds/generate_demo.py [--data-dir DIR] [--output FILE]

The reference files are looked up in ``--data-dir`` if given, otherwise in
``seeds/`` (``postal-localities.csv`` + ``communes.geojson``, the in-repo
copies) and then in ``../shared/data/`` next to the repository
(``wapi-postcodes.csv`` + ``wapi-communes.geojson``).

Python 3.11, standard library only.  The output is deterministic: one
``random.Random(20261129)`` drives every choice, nothing depends on the
current date, on hash randomisation or on the iteration order of a set.
Running the script twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 20261129

# --------------------------------------------------------------------------
# Fixed vocabularies (the Rust loader is written against these)
# --------------------------------------------------------------------------

OPERATOR_KINDS = [
    "QUALIFYING_SCHOOL", "SOCIAL_PROMOTION", "IFAPME", "FOREM", "COMPETENCE_CENTRE",
    "CTA", "INSERTION_BODY", "COMPANY", "PUBLIC_BODY", "ASSOCIATION",
]
TRAINING_OPERATOR_KINDS = [
    "QUALIFYING_SCHOOL", "SOCIAL_PROMOTION", "IFAPME", "FOREM", "COMPETENCE_CENTRE",
    "CTA", "INSERTION_BODY",
]
EMPLOYER_KINDS = ["COMPANY", "PUBLIC_BODY", "ASSOCIATION"]
OFFER_KINDS = ["TRAINING", "INTERNSHIP", "JOB", "DISCOVERY"]
STATUSES = ["PUBLISHED", "DRAFT", "ARCHIVED"]
RECRUITMENT_STATES = ["OPEN", "CLOSED", "SUSPENDED"]
MODALITIES = ["FULL_TIME", "ALTERNANCE", "EVENING", "BLENDED", "DISTANCE"]
CONTRACT_TYPES = ["PERMANENT", "FIXED_TERM", "TEMPORARY", "APPRENTICESHIP", "STUDENT"]
WORKING_TIMES = ["FULL_TIME", "PART_TIME"]
DISCOVERY_FORMATS = ["TRADE_TRIAL", "COMPANY_VISIT", "WORKSHOP", "OPEN_DAY"]
AUDIENCES = [
    "SECONDARY_QUALIFYING", "SECONDARY_ALTERNANCE", "SPECIAL_EDUCATION", "SOCIAL_PROMOTION",
    "IFAPME_LEARNERS", "JOB_SEEKERS", "PRIMARY_UPPER", "SECONDARY_FIRST_DEGREE",
    "TEACHERS_TRAINERS", "LOW_QUALIFIED_ADULTS",
]
TRADE_CODES = [
    # pôle Service à la personne et à la collectivité
    "nettoyage-locaux", "assistance-adultes", "services-domestiques",
    "polyvalent-hospitalier", "soins-hygiene-confort",
    # pôle Construction
    "maconnerie", "peinture-batiment", "menuiserie",
    # pôle Installation et maintenance
    "maintenance-electrique", "equipements-industriels", "maintenance-mecanique",
    "mecanique-automobile", "cycles-motos", "automatismes", "froid-climatisation",
]

SERVICE_TRADES = TRADE_CODES[:5]

# Which operator kinds may publish which offer kinds.
OFFER_KIND_OPERATORS = {
    "TRAINING": TRAINING_OPERATOR_KINDS,
    "INTERNSHIP": EMPLOYER_KINDS,
    "JOB": EMPLOYER_KINDS,
    "DISCOVERY": OPERATOR_KINDS,
}

# Trades that naturally go together on one offer (secondary trade tags).
RELATED_TRADES = {
    "nettoyage-locaux": ["polyvalent-hospitalier", "services-domestiques"],
    "assistance-adultes": ["services-domestiques", "soins-hygiene-confort"],
    "services-domestiques": ["assistance-adultes", "nettoyage-locaux"],
    "polyvalent-hospitalier": ["nettoyage-locaux", "soins-hygiene-confort"],
    "soins-hygiene-confort": ["assistance-adultes", "polyvalent-hospitalier"],
    "maconnerie": ["peinture-batiment"],
    "peinture-batiment": ["maconnerie", "menuiserie"],
    "menuiserie": ["peinture-batiment"],
    "maintenance-electrique": ["automatismes", "equipements-industriels"],
    "equipements-industriels": ["maintenance-mecanique", "automatismes"],
    "maintenance-mecanique": ["equipements-industriels"],
    "mecanique-automobile": [],
    "cycles-motos": [],
    "automatismes": ["maintenance-electrique", "equipements-industriels"],
    "froid-climatisation": ["maintenance-electrique"],
}

# Telephone zone per commune (NIS code): 069 Tournai/Péruwelz/Leuze area,
# 056 Mouscron/Comines/Estaimpuis, 068 Ath/Lessines/Silly area, 02 Enghien.
PHONE_ZONES = {
    "57081": "69", "57003": "69", "57093": "69", "57072": "69", "57064": "69",
    "57094": "69", "51008": "69", "51009": "69", "57018": "69", "57062": "69",
    "57095": "69", "51065": "69",
    "54007": "56", "54010": "56", "57027": "56",
    "51004": "68", "55023": "68", "55039": "68", "51017": "68", "51019": "68",
    "51012": "68", "51014": "68",
    "55010": "2",
}

UPDATED_FROM = dt.datetime(2026, 9, 1, 0, 0, 0)
UPDATED_TO = dt.datetime(2026, 11, 28, 23, 59, 59)

# --------------------------------------------------------------------------
# Trades: vocabulary used to compose titles and descriptions
# --------------------------------------------------------------------------

TRADES = {
    "nettoyage-locaux": dict(
        label="Nettoyage de locaux",
        metier="technicien·ne de surface",
        domain="le nettoyage de locaux",
        section="nettoyage et hygiène des locaux",
        tasks=[
            "entretenir bureaux, couloirs et sanitaires selon un plan de nettoyage",
            "utiliser l'autolaveuse et la monobrosse",
            "doser correctement les produits d'entretien",
            "respecter les règles d'hygiène et de sécurité",
            "gérer le réassort des consommables",
            "trier les déchets selon les filières de collecte",
        ],
        contexts=[
            "dans des bureaux et des écoles de la région",
            "dans des bâtiments publics et des salles de sport",
            "chez des clients professionnels de Wallonie picarde",
        ],
        stage_titles=[
            "Stage de technicien·ne de surface",
            "Stage en nettoyage professionnel",
            "Stage d'agent·e d'entretien",
        ],
        job_titles=["Technicien·ne de surface", "Agent·e d'entretien", "Nettoyeur·euse de bureaux"],
        visit_topics=[
            "une équipe de nettoyage professionnel au travail",
            "les coulisses de l'entretien d'un grand bâtiment",
        ],
        workshop_topics=[
            "Les gestes du nettoyage professionnel",
            "Produits, dosages et pictogrammes de sécurité",
        ],
        activities=[
            "utiliser une monobrosse sur un sol carrelé",
            "doser un produit et nettoyer un sanitaire selon un protocole",
            "manier l'autolaveuse sur un parcours balisé",
        ],
        profiles=[
            "Élève ou stagiaire motivé·e, soigneux·euse et ponctuel·le, capable de suivre un protocole de nettoyage.",
            "Aucune expérience exigée ; sens de l'organisation et bonne condition physique souhaités.",
            "Personne autonome et discrète, à l'aise avec un horaire décalé (tôt le matin ou en soirée).",
        ],
        requirements=[
            "Une première expérience en nettoyage professionnel est un atout.",
            "Disponibilité en horaire coupé (matin et fin de journée) indispensable.",
            "Permis B souhaité pour se rendre sur les différents sites.",
        ],
    ),
    "assistance-adultes": dict(
        label="Assistance auprès d'adultes",
        metier="garde-malade",
        domain="l'accompagnement d'adultes dépendants",
        section="accompagnement des personnes",
        tasks=[
            "accompagner des personnes âgées ou malades dans les gestes du quotidien",
            "assurer une présence rassurante de jour comme de nuit",
            "aider à la prise des repas et aux déplacements",
            "repérer les signes de fatigue ou d'inconfort et les signaler",
            "stimuler l'autonomie par des activités adaptées",
            "tenir un carnet de liaison avec la famille et l'équipe soignante",
        ],
        contexts=[
            "au domicile de personnes âgées ou malades",
            "dans des familles des communes rurales de la région",
            "auprès d'adultes en perte d'autonomie",
        ],
        stage_titles=[
            "Stage de garde-malade à domicile",
            "Stage en accompagnement de personnes âgées",
            "Stage de garde à domicile",
        ],
        job_titles=["Garde-malade à domicile", "Garde à domicile de nuit", "Accompagnateur·rice de personnes âgées"],
        visit_topics=["le quotidien des accompagnant·e·s de personnes âgées", "un service d'accompagnement des aîné·e·s"],
        workshop_topics=[
            "Accompagner une personne âgée au quotidien",
            "Aider sans faire à la place : mises en situation",
        ],
        activities=[
            "simuler l'aide au lever et à la marche d'une personne âgée",
            "préparer une collation adaptée et aider à la prise du repas",
            "utiliser un déambulateur et un fauteuil roulant en sécurité",
        ],
        profiles=[
            "Personne bienveillante, patiente et discrète, intéressée par le contact avec les aîné·e·s.",
            "Stagiaire capable d'écouter, d'observer et de rendre compte à l'équipe.",
            "Une première expérience auprès de personnes âgées, même bénévole, est appréciée.",
        ],
        requirements=[
            "Certificat de garde-malade ou expérience équivalente demandé.",
            "Permis B et véhicule indispensables pour les déplacements entre domiciles.",
            "Disponibilité pour des gardes de nuit et de week-end.",
        ],
    ),
    "services-domestiques": dict(
        label="Services domestiques",
        metier="aide familial·e",
        domain="l'aide aux familles",
        section="aide familiale et services aux personnes",
        tasks=[
            "entretenir le logement et le linge des bénéficiaires",
            "préparer des repas équilibrés",
            "faire les courses et aider aux démarches simples",
            "soutenir les familles dans l'organisation du quotidien",
            "veiller à la sécurité et au bien-être de la personne aidée",
            "repasser et ranger le linge",
        ],
        contexts=[
            "au domicile de particuliers",
            "auprès de familles et de personnes âgées de la région",
            "dans le cadre des titres-services",
        ],
        stage_titles=[
            "Stage d'aide familial·e",
            "Stage d'aide ménager·ère à domicile",
            "Stage en aide aux familles et aux personnes âgées",
        ],
        job_titles=["Aide familial·e", "Aide ménager·ère", "Aide ménager·ère à domicile"],
        visit_topics=["un service d'aide aux familles", "les coulisses de l'aide à domicile"],
        workshop_topics=[
            "Repassage, entretien du linge et astuces du quotidien",
            "Cuisiner un repas équilibré à petit budget",
        ],
        activities=[
            "repasser une chemise et plier le linge comme un·e professionnel·le",
            "préparer un repas simple et équilibré",
            "organiser l'entretien d'une pièce selon une liste de contrôle",
        ],
        profiles=[
            "Personne organisée, fiable et respectueuse de la vie privée des bénéficiaires.",
            "Stagiaire à l'aise dans les tâches ménagères et désireux·euse d'aider les autres.",
            "Bonne présentation, ponctualité et sens des responsabilités.",
        ],
        requirements=[
            "Certificat d'aide familial·e requis pour ce poste.",
            "Permis B souhaité ; les déplacements sont remboursés.",
            "Aucun diplôme exigé : une formation interne est prévue.",
        ],
    ),
    "polyvalent-hospitalier": dict(
        label="Personnel polyvalent des services hospitaliers",
        metier="agent·e polyvalent·e des services hospitaliers",
        domain="la logistique hospitalière",
        section="hygiène et logistique hospitalières",
        tasks=[
            "assurer le bio-nettoyage des chambres et des locaux de soins",
            "distribuer les repas et les collations aux patient·e·s",
            "préparer les chambres pour les nouvelles admissions",
            "appliquer les protocoles de prévention des infections",
            "gérer le linge et les chariots de soins",
            "collaborer avec l'équipe infirmière de l'unité",
        ],
        contexts=[
            "dans les unités de soins d'un hôpital",
            "au sein des services hospitaliers de la région",
            "dans un service de gériatrie et de revalidation",
        ],
        stage_titles=[
            "Stage d'agent·e polyvalent·e en milieu hospitalier",
            "Stage de technicien·ne de surface en milieu hospitalier",
            "Stage en logistique de soins hospitaliers",
        ],
        job_titles=[
            "Agent·e polyvalent·e des services hospitaliers",
            "Technicien·ne de surface en milieu hospitalier",
            "Agent·e logistique de soins",
        ],
        visit_topics=["la logistique d'un service hospitalier", "les métiers de l'ombre à l'hôpital"],
        workshop_topics=[
            "Hygiène des mains et prévention des infections",
            "Préparer une chambre d'hôpital en suivant un protocole",
        ],
        activities=[
            "préparer une chambre selon le protocole de bio-nettoyage",
            "réaliser un lavage des mains contrôlé à la lampe UV",
            "organiser un chariot de distribution des repas",
        ],
        profiles=[
            "Stagiaire rigoureux·euse, attentif·ve aux règles d'hygiène et à l'aise dans le travail en équipe.",
            "Personne discrète et respectueuse des patient·e·s, prête à travailler selon des horaires variables.",
            "Connaissance de base des règles d'hygiène hospitalière souhaitée.",
        ],
        requirements=[
            "Une expérience en milieu hospitalier ou en maison de repos est appréciée.",
            "Disponibilité pour des horaires variables, y compris certains week-ends.",
            "Formation au bio-nettoyage souhaitée ; à défaut, une formation interne est assurée.",
        ],
    ),
    "soins-hygiene-confort": dict(
        label="Soins d'hygiène, de confort du patient",
        metier="aide-soignant·e",
        domain="les soins d'hygiène et de confort",
        section="soins aux personnes",
        tasks=[
            "dispenser les soins d'hygiène et de confort aux résident·e·s",
            "aider aux repas et à l'hydratation des patient·e·s",
            "installer et mobiliser les personnes avec le matériel adapté",
            "observer l'état de santé et transmettre les informations à l'infirmier·ère",
            "participer aux transmissions de l'équipe soignante",
            "accompagner les personnes en fin de vie avec respect",
        ],
        contexts=[
            "en maison de repos et de soins",
            "dans une unité de soins hospitalière",
            "auprès de résident·e·s dépendant·e·s",
        ],
        stage_titles=[
            "Stage d'aide-soignant·e",
            "Stage d'aide-soignant·e en gériatrie",
            "Stage de soins d'hygiène et de confort",
        ],
        job_titles=["Aide-soignant·e", "Aide-soignant·e de nuit", "Aide-soignant·e en gériatrie"],
        visit_topics=["le travail d'une équipe soignante", "les coulisses d'une unité de soins"],
        workshop_topics=[
            "Les gestes du soin : hygiène, confort et bienveillance",
            "Mobiliser un patient sans se blesser",
        ],
        activities=[
            "réaliser une toilette sur un mannequin de simulation",
            "utiliser un lève-personne et un lit médicalisé",
            "prendre le pouls et observer les signes de confort ou d'inconfort",
        ],
        profiles=[
            "Élève ou étudiant·e en formation d'aide-soignant·e, attentif·ve, respectueux·euse et à l'écoute.",
            "Stagiaire ayant acquis les bases des soins d'hygiène et prêt·e à travailler en équipe pluridisciplinaire.",
            "Personne empathique, capable de garder son calme et de respecter le secret professionnel.",
        ],
        requirements=[
            "Enregistrement comme aide-soignant·e (visa) indispensable.",
            "Une expérience en gériatrie est souhaitée mais non exigée.",
            "Disponibilité pour un horaire en pauses, week-ends compris.",
        ],
    ),
    "maconnerie": dict(
        label="Maçonnerie",
        metier="maçon·ne",
        domain="la maçonnerie",
        section="maçonnerie et gros œuvre",
        tasks=[
            "monter des murs en briques et en blocs",
            "implanter un ouvrage à partir d'un plan",
            "réaliser des fondations et des coffrages simples",
            "préparer mortiers et bétons",
            "poser des linteaux et réaliser des ouvertures",
            "rejointoyer et restaurer des façades anciennes",
        ],
        contexts=[
            "sur des chantiers de construction neuve et de rénovation",
            "sur des chantiers de maisons unifamiliales de la région",
            "dans la rénovation de fermes et de maisons en briques",
        ],
        stage_titles=[
            "Stage de maçon·ne sur chantier de rénovation",
            "Stage en maçonnerie gros œuvre",
            "Stage d'ouvrier·ère en construction",
        ],
        job_titles=["Maçon·ne", "Ouvrier·ère qualifié·e en maçonnerie", "Maçon·ne rénovation et façades"],
        visit_topics=["un chantier de construction en cours", "un chantier de rénovation de façade"],
        workshop_topics=["Briques, mortier et fil à plomb", "Construire un petit arc en briques"],
        activities=[
            "monter un petit mur en briques au mortier",
            "tracer et mettre de niveau une première rangée de blocs",
            "préparer un mortier et remplir un joint",
        ],
        profiles=[
            "Élève ou apprenant·e de la filière construction, motivé·e par le travail en extérieur.",
            "Stagiaire ayant les bases de la maçonnerie, soucieux·euse de la sécurité sur chantier.",
            "Personne en bonne condition physique, ponctuelle et prête à apprendre auprès d'un·e ouvrier·ère expérimenté·e.",
        ],
        requirements=[
            "Deux ans d'expérience sur chantier sont souhaités.",
            "Certificat de sécurité VCA de base souhaité.",
            "Permis B indispensable pour rejoindre les chantiers.",
        ],
    ),
    "peinture-batiment": dict(
        label="Peinture en bâtiment",
        metier="peintre en bâtiment",
        domain="la peinture en bâtiment",
        section="peinture et décoration",
        tasks=[
            "préparer et protéger les supports avant peinture",
            "poncer, reboucher et enduire murs et plafonds",
            "appliquer peintures et lasures à la brosse, au rouleau et au pistolet",
            "poser papiers peints et toiles de verre",
            "réaliser des finitions décoratives",
            "conseiller le client sur les teintes et les produits",
        ],
        contexts=[
            "chez des particuliers et dans des bâtiments publics",
            "sur des chantiers de rénovation intérieure",
            "dans des logements sociaux en rénovation",
        ],
        stage_titles=[
            "Stage de peintre en bâtiment",
            "Stage en peinture et décoration intérieure",
            "Stage de peintre-décorateur·rice",
        ],
        job_titles=["Peintre en bâtiment", "Peintre-décorateur·rice", "Peintre en bâtiment — finitions intérieures"],
        visit_topics=["un chantier de peinture et de décoration", "un chantier de rénovation intérieure"],
        workshop_topics=["Couleurs, pinceaux et rouleaux", "Peindre un panneau décoratif en équipe"],
        activities=[
            "préparer un support et peindre un panneau au rouleau",
            "réaliser un effet décoratif à l'éponge ou au pochoir",
            "poser un lé de papier peint droit et sans bulles",
        ],
        profiles=[
            "Stagiaire minutieux·euse, ayant le sens des couleurs et du travail soigné.",
            "Élève de la section peinture, ponctuel·le et respectueux·euse du chantier et des clients.",
            "Personne motivée, prête à apprendre la préparation des supports autant que les finitions.",
        ],
        requirements=[
            "Une première expérience en peinture intérieure est souhaitée.",
            "Le travail en hauteur (échelle, échafaudage) ne doit pas poser de problème.",
            "Permis B souhaité.",
        ],
    ),
    "menuiserie": dict(
        label="Menuiserie",
        metier="menuisier·ère",
        domain="la menuiserie",
        section="menuiserie",
        tasks=[
            "lire des plans et établir des listes de débit",
            "fabriquer portes, escaliers et meubles sur mesure",
            "régler et utiliser les machines à bois en sécurité",
            "poser châssis, portes et parquets chez le client",
            "assembler et finir des ouvrages en bois massif et en panneaux",
            "programmer un centre d'usinage à commande numérique",
        ],
        contexts=[
            "dans des ateliers de menuiserie et sur chantier",
            "chez des fabricants de mobilier sur mesure",
            "chez des poseurs de menuiseries intérieures et extérieures",
        ],
        stage_titles=[
            "Stage de menuisier·ère en atelier",
            "Stage en menuiserie : fabrication et pose",
            "Stage de poseur·euse de menuiseries",
        ],
        job_titles=["Menuisier·ère d'atelier", "Menuisier·ère poseur·euse", "Menuisier·ère — agencement sur mesure"],
        visit_topics=["un atelier de menuiserie", "la fabrication et la pose de menuiseries"],
        workshop_topics=["Le bois dans tous ses états : atelier de menuiserie", "Fabriquer un nichoir en bois"],
        activities=[
            "assembler un petit meuble en bois par tenons et mortaises",
            "fabriquer un nichoir à partir d'un plan",
            "poncer et vernir une pièce de bois",
        ],
        profiles=[
            "Élève ou apprenant·e en menuiserie, habile de ses mains et attentif·ve aux consignes de sécurité.",
            "Stagiaire capable de lire un plan simple et de travailler avec précision.",
            "Personne curieuse, intéressée par le bois et le travail bien fini.",
        ],
        requirements=[
            "Maîtrise des machines à bois stationnaires requise.",
            "Une expérience de pose chez le client est un atout.",
            "Permis B indispensable.",
        ],
    ),
    "maintenance-electrique": dict(
        label="Maintenance électrique",
        metier="électricien·ne de maintenance",
        domain="la maintenance électrique",
        section="électricité",
        tasks=[
            "lire et interpréter des schémas électriques",
            "câbler et raccorder des tableaux et des armoires électriques",
            "diagnostiquer une panne sur un circuit de commande ou de puissance",
            "contrôler la conformité des installations au RGIE",
            "remplacer moteurs, protections et variateurs de vitesse",
            "réaliser la maintenance préventive des installations",
        ],
        contexts=[
            "sur un site industriel de la région",
            "dans des bâtiments tertiaires et hospitaliers",
            "chez des clients particuliers et professionnels",
        ],
        stage_titles=[
            "Stage d'électricien·ne de maintenance",
            "Stage en électricité industrielle",
            "Stage d'électricien·ne installateur·rice",
        ],
        job_titles=["Électricien·ne de maintenance", "Électricien·ne industriel·le", "Électricien·ne installateur·rice"],
        visit_topics=[
            "le quotidien d'une équipe d'électricien·ne·s",
            "les coulisses techniques d'une installation électrique",
        ],
        workshop_topics=[
            "Électricité : câbler un circuit d'éclairage",
            "Électricité et sécurité : comprendre avant de toucher",
        ],
        activities=[
            "câbler un va-et-vient et le tester",
            "mesurer une tension et une continuité au multimètre",
            "monter un petit tableau électrique de démonstration",
        ],
        profiles=[
            "Élève de la section électricité, rigoureux·euse et respectueux·euse des consignes de sécurité.",
            "Stagiaire connaissant les bases du câblage et de la lecture de schémas.",
            "Personne méthodique, curieuse des systèmes techniques et à l'aise avec les appareils de mesure.",
        ],
        requirements=[
            "Habilitation électrique BA4 ou BA5 souhaitée.",
            "Deux ans d'expérience en maintenance industrielle sont demandés.",
            "Disponibilité pour un service de garde une semaine sur quatre.",
        ],
    ),
    "equipements-industriels": dict(
        label="Installation et maintenance d'équipements industriels et d'exploitation",
        metier="technicien·ne de maintenance industrielle",
        domain="la maintenance des équipements industriels",
        section="maintenance industrielle",
        tasks=[
            "assurer la maintenance préventive des lignes de production",
            "diagnostiquer des pannes pneumatiques et hydrauliques",
            "remplacer des pièces d'usure et régler les machines",
            "participer à l'installation de nouveaux équipements",
            "compléter la GMAO après chaque intervention",
            "proposer des améliorations pour réduire les arrêts de production",
        ],
        contexts=[
            "sur des lignes de production agroalimentaires",
            "dans une carrière et ses installations de concassage",
            "dans une usine textile en fonctionnement continu",
        ],
        stage_titles=[
            "Stage en maintenance d'équipements industriels",
            "Stage de technicien·ne de maintenance en production",
            "Stage en maintenance de lignes de production",
        ],
        job_titles=[
            "Technicien·ne de maintenance industrielle",
            "Technicien·ne de maintenance polyvalent·e",
            "Agent·e de maintenance d'équipements de production",
        ],
        visit_topics=[
            "une ligne de production et son équipe de maintenance",
            "les coulisses d'un site de production",
        ],
        workshop_topics=[
            "Comment fonctionne une ligne de production ?",
            "Pneumatique : faire bouger une machine avec de l'air",
        ],
        activities=[
            "monter un petit circuit pneumatique avec vérin et distributeur",
            "repérer une panne sur une maquette de convoyeur",
            "remplacer une courroie et régler sa tension",
        ],
        profiles=[
            "Stagiaire polyvalent·e, intéressé·e par la mécanique, l'électricité et la pneumatique.",
            "Élève de la filière maintenance, rigoureux·euse et attentif·ve aux règles de sécurité en production.",
            "Personne curieuse, capable d'observer une machine et de décrire un dysfonctionnement.",
        ],
        requirements=[
            "Formation en électromécanique ou en maintenance industrielle exigée.",
            "Travail en équipes (matin, après-midi, nuit) à prévoir.",
            "Une connaissance de la GMAO est un atout.",
        ],
    ),
    "maintenance-mecanique": dict(
        label="Maintenance mécanique industrielle",
        metier="mécanicien·ne de maintenance",
        domain="la maintenance mécanique industrielle",
        section="mécanique industrielle",
        tasks=[
            "démonter et remonter des organes mécaniques",
            "remplacer roulements, joints et transmissions",
            "aligner des arbres et régler des accouplements",
            "réaliser des pièces simples au tour et à la fraiseuse",
            "effectuer des soudures de réparation",
            "suivre le plan de graissage des installations",
        ],
        contexts=[
            "dans une usine de transformation de la région",
            "sur les installations d'une carrière",
            "dans un atelier de maintenance industrielle",
        ],
        stage_titles=[
            "Stage de mécanicien·ne de maintenance industrielle",
            "Stage en atelier de maintenance mécanique",
            "Stage en mécanique industrielle et soudure",
        ],
        job_titles=[
            "Mécanicien·ne de maintenance industrielle",
            "Mécanicien·ne d'entretien",
            "Ajusteur·euse-mécanicien·ne de maintenance",
        ],
        visit_topics=["l'atelier mécanique d'un site industriel", "le travail d'une équipe de maintenance mécanique"],
        workshop_topics=["Engrenages, poulies et roulements", "Démonter et remonter une pompe"],
        activities=[
            "démonter et remonter un réducteur",
            "réaliser un ajustage à la lime et le contrôler au pied à coulisse",
            "remplacer un roulement sur un arbre",
        ],
        profiles=[
            "Élève de la filière mécanique, habile et soigneux·euse, à l'aise avec l'outillage.",
            "Stagiaire capable de lire un plan d'ensemble et de suivre une gamme de démontage.",
            "Personne motivée, respectueuse des règles de sécurité en atelier.",
        ],
        requirements=[
            "Une expérience en mécanique industrielle ou en soudure est souhaitée.",
            "Lecture de plans techniques indispensable.",
            "Travail de jour avec rappels occasionnels en cas de panne.",
        ],
    ),
    "mecanique-automobile": dict(
        label="Mécanique automobile",
        metier="mécanicien·ne automobile",
        domain="la mécanique automobile",
        section="mécanique automobile",
        tasks=[
            "réaliser l'entretien courant des véhicules",
            "remplacer freins, embrayages et distributions",
            "poser un diagnostic à l'aide de la valise électronique",
            "préparer les véhicules au contrôle technique",
            "intervenir en sécurité sur des véhicules hybrides et électriques",
            "conseiller le client sur les réparations à prévoir",
        ],
        contexts=[
            "dans un garage multimarque",
            "dans l'atelier d'une concession",
            "dans un atelier d'entretien rapide",
        ],
        stage_titles=[
            "Stage de mécanicien·ne automobile",
            "Stage en atelier d'entretien de véhicules",
            "Stage de mécanicien·ne d'entretien en garage",
        ],
        job_titles=["Mécanicien·ne automobile", "Mécanicien·ne d'entretien", "Technicien·ne de diagnostic automobile"],
        visit_topics=["un atelier de mécanique en pleine activité", "le diagnostic électronique des véhicules"],
        workshop_topics=[
            "Sous le capot : comment fonctionne une voiture ?",
            "Voiture électrique : ce qui change à l'atelier",
        ],
        activities=[
            "changer une roue et contrôler la pression des pneus",
            "réaliser une vidange sur un véhicule d'atelier",
            "lire les codes défauts avec une valise de diagnostic",
        ],
        profiles=[
            "Élève ou apprenant·e en mécanique automobile, motivé·e et soigneux·euse avec les véhicules des clients.",
            "Stagiaire connaissant les bases de l'entretien courant et prêt·e à apprendre le diagnostic.",
            "Personne ponctuelle, curieuse des nouvelles motorisations.",
        ],
        requirements=[
            "Deux ans d'expérience en garage sont souhaités.",
            "Permis B indispensable pour les essais routiers.",
            "Une formation aux véhicules électriques est un atout.",
        ],
    ),
    "cycles-motos": dict(
        label="Réparation de cycles, motocycles et motoculteurs de loisirs",
        metier="mécanicien·ne cycles et motos",
        domain="la réparation de cycles et de motos",
        section="cycles et motos",
        tasks=[
            "régler freins et dérailleurs",
            "diagnostiquer un vélo à assistance électrique",
            "entretenir et réparer motos et scooters",
            "remettre en état tondeuses et motoculteurs",
            "monter des vélos neufs et les préparer pour la vente",
            "conseiller la clientèle à l'atelier",
        ],
        contexts=[
            "dans un atelier de cycles",
            "dans une concession de motos",
            "chez un revendeur de matériel de motoculture",
        ],
        stage_titles=[
            "Stage en atelier vélo",
            "Stage de mécanicien·ne motos",
            "Stage en motoculture de loisirs",
        ],
        job_titles=["Mécanicien·ne cycles", "Mécanicien·ne motos", "Mécanicien·ne en motoculture de loisirs"],
        visit_topics=["un atelier de réparation en pleine activité", "l'entretien des vélos, des motos et des petits engins"],
        workshop_topics=["Répare ton vélo !", "Vélo électrique : batterie, moteur et entretien"],
        activities=[
            "réparer une crevaison et régler des freins",
            "régler un dérailleur sur un vélo de ville",
            "démonter la bougie et le filtre d'une tondeuse",
        ],
        profiles=[
            "Passionné·e de vélo ou de moto, soigneux·euse et patient·e.",
            "Stagiaire ayant des bases en mécanique et l'envie d'apprendre l'électronique des vélos électriques.",
            "Personne à l'aise avec la clientèle et capable de travailler avec méthode.",
        ],
        requirements=[
            "Une expérience en atelier de cycles ou de motos est demandée.",
            "Permis A souhaité pour les essais des motos.",
            "Une connaissance des vélos à assistance électrique est souhaitée.",
        ],
    ),
    "automatismes": dict(
        label="Installation et maintenance d'automatismes",
        metier="technicien·ne en automatismes",
        domain="les automatismes industriels",
        section="automatisation",
        tasks=[
            "programmer et modifier des automates programmables",
            "câbler capteurs et actionneurs",
            "mettre en service des installations automatisées",
            "dépanner un système à partir de son grafcet",
            "paramétrer des écrans de supervision",
            "documenter les modifications apportées",
        ],
        contexts=[
            "sur des lignes automatisées de conditionnement",
            "dans une entreprise d'intégration de systèmes automatisés",
            "sur des portes et des barrières automatiques",
        ],
        stage_titles=[
            "Stage en automatismes industriels",
            "Stage de technicien·ne en automatismes",
            "Stage en programmation d'automates",
        ],
        job_titles=["Technicien·ne en automatismes", "Automaticien·ne", "Technicien·ne de mise en service"],
        visit_topics=["des machines automatisées en fonctionnement", "le travail d'un·e automaticien·ne"],
        workshop_topics=["Programmer un petit robot", "Capteurs et automates : comment une machine décide"],
        activities=[
            "programmer un feu de signalisation sur une maquette d'automate",
            "câbler un capteur et observer sa réaction",
            "piloter un tapis convoyeur depuis un écran tactile",
        ],
        profiles=[
            "Élève ou stagiaire en électricité ou en automation, logique et méthodique.",
            "Stagiaire ayant des notions de programmation et de câblage.",
            "Personne curieuse des nouvelles technologies, à l'aise avec l'informatique.",
        ],
        requirements=[
            "La connaissance d'au moins un environnement de programmation d'automates est exigée.",
            "Déplacements ponctuels chez des clients en Belgique et dans le nord de la France.",
            "Anglais technique de base souhaité.",
        ],
    ),
    "froid-climatisation": dict(
        label="Installation et maintenance en froid, conditionnement d'air",
        metier="technicien·ne frigoriste",
        domain="le froid et la climatisation",
        section="froid et climatisation",
        tasks=[
            "installer des groupes frigorifiques et des climatiseurs",
            "réaliser des brasures et des raccordements frigorifiques",
            "contrôler l'étanchéité des circuits",
            "récupérer et charger les fluides frigorigènes",
            "mettre en service des pompes à chaleur",
            "assurer l'entretien des chambres froides",
        ],
        contexts=[
            "chez des commerçants et des artisans de bouche",
            "dans des bâtiments tertiaires et des écoles",
            "sur des installations industrielles de froid",
        ],
        stage_titles=[
            "Stage de technicien·ne frigoriste",
            "Stage en climatisation et pompes à chaleur",
            "Stage en maintenance d'installations frigorifiques",
        ],
        job_titles=[
            "Technicien·ne frigoriste",
            "Installateur·rice en climatisation",
            "Technicien·ne de maintenance en froid et climatisation",
        ],
        visit_topics=[
            "des installations de froid et de climatisation",
            "le métier de frigoriste sur le terrain",
        ],
        workshop_topics=["Comment fait-on du froid ?", "Pompes à chaleur : le chauffage de demain"],
        activities=[
            "réaliser une brasure sur un tube en cuivre",
            "mesurer les pressions d'un circuit frigorifique de démonstration",
            "observer le cycle frigorifique sur un banc didactique",
        ],
        profiles=[
            "Élève ou stagiaire en électricité ou en froid, soigneux·euse et rigoureux·euse.",
            "Stagiaire connaissant les bases du circuit frigorifique.",
            "Personne autonome, prête à intervenir chez les clients aux côtés d'un·e technicien·ne.",
        ],
        requirements=[
            "Certification frigoriste requise ou à obtenir dans l'année.",
            "Permis B indispensable ; un véhicule de service est fourni.",
            "Une expérience en pompes à chaleur est un atout.",
        ],
    ),
}

# --------------------------------------------------------------------------
# Programme catalogue.  ``trades``: primary trade first.  ``short``: a short
# module (competence centre, CTA) rather than a qualifying programme.
# ``cq``: the trade name used in certificate titles.
# --------------------------------------------------------------------------

PROGRAMMES = {
    "technicien-surface": dict(
        trades=["nettoyage-locaux"], title="Technicien·ne de surface", cq="technicien·ne de surface", hours=420,
        objective="Nettoyer et entretenir bureaux, sanitaires et espaces collectifs en respectant les protocoles d'hygiène et le bon usage des produits."),
    "agent-entretien-collectivites": dict(
        trades=["nettoyage-locaux"], title="Agent·e d'entretien en collectivité", cq="agent·e d'entretien", hours=360,
        objective="Assurer l'entretien quotidien d'écoles, de bureaux et de salles communales, y compris le lavage mécanisé à l'autolaveuse. Organiser son travail en équipe comme en autonomie."),
    "garde-malade": dict(
        trades=["assistance-adultes"], title="Garde-malade à domicile", cq="garde-malade", hours=600,
        objective="Accompagner à domicile des adultes malades ou en perte d'autonomie, assurer une présence attentive et veiller à leur confort et à leur sécurité."),
    "garde-domicile": dict(
        trades=["assistance-adultes", "services-domestiques"], title="Garde à domicile", cq="garde à domicile", hours=720,
        objective="Assurer la surveillance et l'accompagnement de personnes dépendantes à leur domicile, de jour comme de nuit, en lien avec la famille et les soignant·e·s."),
    "aide-familial": dict(
        trades=["services-domestiques", "assistance-adultes"], title="Aide familial·e", cq="aide familial·e", hours=1100,
        objective="Aider les familles, les personnes âgées et les personnes malades dans la vie quotidienne : courses, repas, entretien du logement et soutien relationnel."),
    "aide-menager": dict(
        trades=["services-domestiques"], title="Aide ménager·ère", cq="aide ménager·ère", hours=300,
        objective="Entretenir le logement et le linge de particuliers, notamment dans le cadre des titres-services, en organisant son travail de manière autonome."),
    "agent-polyvalent-hospitalier": dict(
        trades=["polyvalent-hospitalier"], title="Agent·e polyvalent·e des services hospitaliers",
        cq="agent·e polyvalent·e des services hospitaliers", hours=480,
        objective="Assurer l'hygiène des chambres et des locaux de soins, la distribution des repas et la logistique d'une unité hospitalière en appliquant les règles de bio-nettoyage."),
    "technicien-surface-hospitalier": dict(
        trades=["polyvalent-hospitalier", "nettoyage-locaux"], title="Technicien·ne de surface en milieu hospitalier",
        cq="technicien·ne de surface en milieu hospitalier", hours=360,
        objective="Maîtriser le bio-nettoyage, la prévention des infections et le travail en zone de soins, au bloc opératoire comme en chambre."),
    "bio-nettoyage": dict(
        trades=["polyvalent-hospitalier"], title="Bio-nettoyage et prévention des infections", cq=None, hours=21, short=True,
        objective="Perfectionner les techniques de bio-nettoyage et les protocoles d'hygiène hospitalière sur un plateau de simulation."),
    "aide-soignant": dict(
        trades=["soins-hygiene-confort"], title="Aide-soignant·e", cq="aide-soignant·e", hours=1200,
        objective="Dispenser des soins d'hygiène et de confort aux patient·e·s et aux résident·e·s sous la supervision d'un·e infirmier·ère, et observer l'évolution de leur état de santé."),
    "soins-confort-manutention": dict(
        trades=["soins-hygiene-confort"], title="Soins d'hygiène et de confort : gestes et manutention", cq=None, hours=28, short=True,
        objective="Perfectionner les gestes de soins d'hygiène et la manutention des patient·e·s dans un espace de simulation équipé de lits médicalisés et de lève-personnes."),
    "macon": dict(
        trades=["maconnerie"], title="Maçon·ne", cq="maçon·ne", hours=900,
        objective="Construire murs, fondations et ouvrages en briques et en blocs à partir d'un plan d'exécution, en respectant les règles de sécurité de chantier."),
    "ouvrier-gros-oeuvre": dict(
        trades=["maconnerie"], title="Ouvrier·ère en construction gros œuvre", cq="ouvrier·ère qualifié·e en construction gros œuvre", hours=600,
        objective="Participer aux travaux de gros œuvre : coffrages, ferraillage, bétonnage et maçonnerie de blocs."),
    "renovation-maconnerie": dict(
        trades=["maconnerie"], title="Rénovation de façades et rejointoyage", cq=None, hours=70, short=True,
        objective="Diagnostiquer des maçonneries anciennes, rejointoyer et remplacer des briques abîmées dans le respect du bâti existant."),
    "peintre-batiment": dict(
        trades=["peinture-batiment"], title="Peintre en bâtiment", cq="peintre en bâtiment", hours=800,
        objective="Préparer les supports, appliquer peintures et revêtements muraux à l'intérieur comme à l'extérieur, et soigner les finitions."),
    "peintre-decorateur": dict(
        trades=["peinture-batiment"], title="Peintre-décorateur·rice", cq="peintre-décorateur·rice", hours=720,
        objective="Réaliser des finitions décoratives, poser papiers peints et revêtements muraux, et conseiller la clientèle sur les teintes et les matériaux."),
    "enduits-decoratifs": dict(
        trades=["peinture-batiment"], title="Enduits à la chaux et finitions décoratives", cq=None, hours=35, short=True,
        objective="Préparer et appliquer des enduits à la chaux et des badigeons, et réaliser des effets décoratifs durables."),
    "menuisier": dict(
        trades=["menuiserie"], title="Menuisier·ère", cq="menuisier·ère", hours=1000,
        objective="Fabriquer et poser portes, châssis, escaliers et mobilier en bois à partir de plans, en utilisant les machines à bois en toute sécurité."),
    "poseur-menuiseries": dict(
        trades=["menuiserie"], title="Poseur·euse de menuiseries intérieures et extérieures", cq="poseur·euse de menuiseries", hours=500,
        objective="Poser châssis, portes, cloisons et parquets, puis assurer l'étanchéité et les finitions chez le client."),
    "commande-numerique-bois": dict(
        trades=["menuiserie"], title="Usinage bois sur centre à commande numérique", cq=None, hours=70, short=True,
        objective="Programmer, régler et utiliser un centre d'usinage à commande numérique pour la fabrication de pièces de menuiserie."),
    "electricien-installateur": dict(
        trades=["maintenance-electrique"], title="Électricien·ne installateur·rice en résidentiel",
        cq="électricien·ne installateur·rice en résidentiel", hours=900,
        objective="Réaliser des installations électriques domestiques conformes au RGIE, de la lecture des schémas au raccordement du tableau."),
    "electricien-maintenance": dict(
        trades=["maintenance-electrique", "equipements-industriels"], title="Électricien·ne de maintenance industrielle",
        cq="électricien·ne de maintenance industrielle", hours=800,
        objective="Diagnostiquer et réparer les installations électriques d'un site industriel : moteurs, armoires de commande, variateurs et circuits de puissance."),
    "habilitation-electrique": dict(
        trades=["maintenance-electrique"], title="Électricité : sécurité et habilitation BA4/BA5", cq=None, hours=14, short=True,
        objective="Connaître les risques électriques et les consignes de sécurité pour travailler sur des installations électriques ou à leur proximité."),
    "technicien-maintenance-systemes": dict(
        trades=["equipements-industriels", "automatismes"], title="Technicien·ne de maintenance des systèmes de production",
        cq="technicien·ne en maintenance des systèmes automatisés industriels", hours=900,
        objective="Assurer la maintenance préventive et corrective des lignes de production, en pneumatique, en hydraulique, en mécanique et en électricité."),
    "pneumatique-hydraulique": dict(
        trades=["equipements-industriels"], title="Pneumatique et hydraulique industrielles", cq=None, hours=70, short=True,
        objective="Lire des schémas pneumatiques et hydrauliques, monter des circuits sur banc et localiser les pannes les plus courantes."),
    "mecanicien-maintenance": dict(
        trades=["maintenance-mecanique"], title="Mécanicien·ne de maintenance industrielle", cq="mécanicien·ne de maintenance industrielle", hours=800,
        objective="Démonter, diagnostiquer et remettre en état des organes mécaniques : roulements, transmissions, pompes et réducteurs."),
    "usinage-ajustage": dict(
        trades=["maintenance-mecanique"], title="Ajustage, usinage et soudage de maintenance", cq=None, hours=105, short=True,
        objective="Réaliser au tour, à la fraiseuse et au poste de soudage les pièces et réparations courantes d'un atelier de maintenance."),
    "mecanicien-auto": dict(
        trades=["mecanique-automobile"], title="Mécanicien·ne automobile", cq="mécanicien·ne polyvalent·e automobile", hours=1000,
        objective="Entretenir et réparer les véhicules légers : moteur, freinage, direction, suspension et diagnostic électronique."),
    "mecanicien-entretien": dict(
        trades=["mecanique-automobile"], title="Mécanicien·ne d'entretien automobile", cq="mécanicien·ne d'entretien automobile", hours=600,
        objective="Réaliser l'entretien courant des véhicules : vidanges, pneumatiques, freins et contrôles avant le passage au contrôle technique."),
    "vehicules-electriques": dict(
        trades=["mecanique-automobile"], title="Entretien des véhicules hybrides et électriques", cq=None, hours=35, short=True,
        objective="Intervenir en sécurité sur les véhicules hybrides et électriques : consignation, contrôle des batteries et remplacement des composants haute tension."),
    "diagnostic-auto": dict(
        trades=["mecanique-automobile"], title="Diagnostic électronique automobile", cq=None, hours=28, short=True,
        objective="Utiliser une valise de diagnostic, interpréter les codes défauts et contrôler capteurs et calculateurs d'un véhicule récent."),
    "reparateur-cycles": dict(
        trades=["cycles-motos"], title="Réparateur·rice de cycles et vélos électriques", cq="réparateur·rice de cycles", hours=500,
        objective="Entretenir, régler et réparer vélos classiques et à assistance électrique, et conseiller la clientèle à l'atelier."),
    "mecanicien-motos": dict(
        trades=["cycles-motos"], title="Mécanicien·ne motos", cq="mécanicien·ne de motocyclettes", hours=900,
        objective="Entretenir et réparer motocyclettes et scooters : moteur, transmission, freinage et électricité embarquée."),
    "motoculture": dict(
        trades=["cycles-motos"], title="Mécanicien·ne en motoculture de loisirs", cq="mécanicien·ne en motoculture de loisirs", hours=600,
        objective="Entretenir et réparer tondeuses, motoculteurs, débroussailleuses et petits engins de jardin à moteur thermique ou électrique."),
    "technicien-automatismes": dict(
        trades=["automatismes"], title="Technicien·ne en automatismes", cq="technicien·ne en automatismes", hours=900,
        objective="Installer, programmer et dépanner des systèmes automatisés : capteurs, actionneurs, automates et réseaux industriels."),
    "programmation-automates": dict(
        trades=["automatismes"], title="Programmation d'automates programmables industriels", cq=None, hours=70, short=True,
        objective="Programmer et mettre en service un automate programmable industriel, de l'analyse du grafcet aux essais sur maquette."),
    "technicien-frigoriste": dict(
        trades=["froid-climatisation"], title="Technicien·ne frigoriste", cq="technicien·ne du froid", hours=900,
        objective="Installer, mettre en service et entretenir des installations frigorifiques et de conditionnement d'air en respectant la réglementation sur les fluides frigorigènes."),
    "climatisation-pac": dict(
        trades=["froid-climatisation"], title="Installateur·rice en climatisation et pompes à chaleur", cq="installateur·rice en climatisation", hours=600,
        objective="Poser, raccorder et mettre en service climatiseurs et pompes à chaleur chez les particuliers et dans les petits bâtiments tertiaires."),
    "certification-frigoriste": dict(
        trades=["froid-climatisation"], title="Préparation à la certification frigoriste", cq=None, hours=70, short=True,
        objective="Se préparer à l'examen de certification frigoriste : manipulation des fluides, brasage, contrôle d'étanchéité et récupération."),
    "maintenance-pac": dict(
        trades=["froid-climatisation"], title="Maintenance des pompes à chaleur", cq=None, hours=21, short=True,
        objective="Réaliser l'entretien annuel et le dépannage des pompes à chaleur air-eau et air-air."),
}

# Task lists that are more precise than the trade's for some programmes.
BIKE_TASKS = [
    "régler freins et dérailleurs",
    "diagnostiquer un vélo à assistance électrique",
    "remplacer chaînes, câbles et pneus",
    "monter des vélos neufs et les préparer pour la vente",
    "dévoiler une roue et retendre les rayons",
    "conseiller la clientèle à l'atelier",
]
MOTO_TASKS = [
    "entretenir et réparer motos et scooters",
    "contrôler freinage, transmission et éclairage",
    "régler l'alimentation et l'allumage d'un moteur",
    "diagnostiquer l'électronique embarquée",
    "préparer les motos neuves pour la livraison",
    "conseiller la clientèle à l'atelier",
]
MOTOCULTURE_TASKS = [
    "remettre en état tondeuses et motoculteurs",
    "entretenir débroussailleuses et tronçonneuses",
    "régler carburateurs et allumages",
    "diagnostiquer des tondeuses robotisées",
    "préparer les machines neuves pour la livraison",
    "conseiller la clientèle à l'atelier",
]
ELEC_INSTALLER_TASKS = [
    "lire et interpréter des schémas électriques",
    "câbler et raccorder des tableaux électriques",
    "tirer des câbles et poser gaines et boîtiers",
    "contrôler la conformité des installations au RGIE",
    "installer éclairages, prises et bornes de recharge",
    "rechercher l'origine d'une panne chez le client",
]
PROGRAMMES["reparateur-cycles"]["tasks"] = BIKE_TASKS
PROGRAMMES["mecanicien-motos"]["tasks"] = MOTO_TASKS
PROGRAMMES["motoculture"]["tasks"] = MOTOCULTURE_TASKS
PROGRAMMES["electricien-installateur"]["tasks"] = ELEC_INSTALLER_TASKS

# Per-operator overrides of the trade vocabulary (titles, tasks...), so that a
# hospital does not advertise "industrial electricity" nor a bike repair
# workshop motorcycles.
OV_ELEC_BUILDING = {"maintenance-electrique": dict(
    job_titles=["Électricien·ne de maintenance", "Technicien·ne de maintenance électrique du bâtiment"],
    stage_titles=["Stage d'électricien·ne de maintenance", "Stage en maintenance électrique du bâtiment"])}
OV_ELEC_INSTALLER = {"maintenance-electrique": dict(
    job_titles=["Électricien·ne installateur·rice", "Électricien·ne résidentiel·le"],
    stage_titles=["Stage d'électricien·ne installateur·rice", "Stage en installation électrique résidentielle"],
    tasks=ELEC_INSTALLER_TASKS)}
OV_COLD_MAINTENANCE = {"froid-climatisation": dict(
    job_titles=["Technicien·ne de maintenance en froid et climatisation", "Technicien·ne frigoriste"],
    stage_titles=["Stage en maintenance d'installations frigorifiques", "Stage de technicien·ne frigoriste"])}
OV_BIKES = {"cycles-motos": dict(
    metier="mécanicien·ne cycles",
    profiles=[
        "Passionné·e de vélo, soigneux·euse et patient·e.",
        "Stagiaire ayant des bases en mécanique et l'envie d'apprendre l'électronique des vélos électriques.",
        "Personne à l'aise avec la clientèle et capable de travailler avec méthode.",
    ],
    requirements=[
        "Une expérience en atelier vélo, même bénévole, est appréciée.",
        "Une connaissance des vélos à assistance électrique est souhaitée.",
        "Le sens du contact avec la clientèle est indispensable.",
    ],
    job_titles=["Mécanicien·ne cycles", "Technicien·ne vélos à assistance électrique"],
    stage_titles=["Stage en atelier vélo", "Stage de réparateur·rice de cycles"],
    tasks=BIKE_TASKS,
    activities=["réparer une crevaison et régler des freins", "régler un dérailleur sur un vélo de ville"],
    visit_topics=["un atelier de réparation de vélos", "l'entretien d'une flotte de vélos"])}
OV_BIKES_MOTOS = {"cycles-motos": dict(
    profiles=[
        "Passionné·e de vélo ou de moto, soigneux·euse et patient·e.",
        "Stagiaire ayant des bases en mécanique et l'envie d'apprendre l'électronique des vélos électriques.",
        "Personne à l'aise avec la clientèle et capable de travailler avec méthode.",
    ],
    job_titles=["Mécanicien·ne cycles", "Mécanicien·ne motos", "Technicien·ne vélos à assistance électrique"],
    stage_titles=["Stage en atelier vélo", "Stage de mécanicien·ne motos"],
    tasks=BIKE_TASKS[:3] + MOTO_TASKS[:3],
    activities=["réparer une crevaison et régler des freins", "régler un dérailleur sur un vélo de ville"])}
OV_MOTOCULTURE = {"cycles-motos": dict(
    metier="mécanicien·ne en motoculture de loisirs",
    section="motoculture de loisirs",
    profiles=[
        "Stagiaire bricoleur·euse, intéressé·e par les petits moteurs et le matériel de jardin.",
        "Personne soigneuse et patiente, capable de suivre une procédure de démontage.",
        "Élève ou apprenant·e en mécanique, à l'aise avec la clientèle du magasin.",
    ],
    requirements=[
        "Une expérience en mécanique de petits moteurs est demandée.",
        "Disponibilité renforcée au printemps, en pleine saison.",
        "Permis B souhaité pour les livraisons chez les clients.",
    ],
    job_titles=["Mécanicien·ne en motoculture de loisirs", "Technicien·ne d'atelier en motoculture"],
    stage_titles=["Stage en motoculture de loisirs", "Stage en atelier de réparation de petits engins"],
    tasks=MOTOCULTURE_TASKS,
    activities=["démonter la bougie et le filtre d'une tondeuse", "affûter une lame de tondeuse en sécurité"],
    visit_topics=["un atelier de motoculture en pleine saison", "l'entretien des tondeuses et des petits engins"],
    workshop_topics=["Tondeuses et petits moteurs : comment ça marche ?"])}


def merge_overrides(*dicts):
    out = {}
    for d in dicts:
        out.update(d)
    return out


# --------------------------------------------------------------------------
# Operators (all invented).  sites: (key, postcode, locality, site name or None)
# progs: programme keys, optionally "key:MODALITY".
# --------------------------------------------------------------------------

OPERATORS = [
    # ---- écoles d'enseignement qualifiant (dont CEFA et spécialisé) ----
    dict(kind="QUALIFYING_SCHOOL", name="École technique du Marais",
         desc="École secondaire d'enseignement technique et professionnel de plein exercice, avec des sections bâtiment et électricité.",
         sites=[("main", "7500", "Tournai", None), ("kain", "7540", "Kain", "Atelier bâtiment de Kain")],
         progs=["macon", "peintre-batiment", "menuisier", "electricien-installateur"]),
    dict(kind="QUALIFYING_SCHOOL", name="Institut des Métiers de la Lys",
         desc="École technique et professionnelle tournée vers la mécanique, l'électricité industrielle et l'automation.",
         sites=[("main", "7780", "Comines", None)],
         progs=["mecanicien-auto", "electricien-maintenance", "technicien-automatismes"]),
    dict(kind="QUALIFYING_SCHOOL", name="Athénée professionnel des Collines",
         desc="Établissement d'enseignement professionnel proposant les filières des services aux personnes et des soins.",
         sites=[("main", "7800", "Ath", None)],
         progs=["aide-soignant", "aide-familial"]),
    dict(kind="QUALIFYING_SCHOOL", name="Collège technique du Val de Dendre",
         desc="École technique qui forme aux métiers de la mécanique automobile et de la maintenance industrielle, avec un atelier à Deux-Acren.",
         sites=[("main", "7860", "Lessines", None), ("deux-acren", "7864", "Deux-Acren", "Atelier de Deux-Acren")],
         progs=["mecanicien-entretien", "mecanicien-maintenance", "technicien-maintenance-systemes"]),
    dict(kind="QUALIFYING_SCHOOL", name="CEFA des Deux Ponts", short="cefa-des-deux-ponts", cefa=True,
         desc="Centre d'éducation et de formation en alternance : deux jours de cours par semaine, trois jours en entreprise.",
         sites=[("main", "7700", "Mouscron", None), ("herseaux", "7712", "Herseaux", None)],
         progs=["ouvrier-gros-oeuvre", "peintre-batiment", "aide-menager", "technicien-surface", "mecanicien-entretien"]),
    dict(kind="QUALIFYING_SCHOOL", name="École d'enseignement spécialisé Les Tilleuls", special=True,
         desc="École secondaire d'enseignement spécialisé de forme 3, qui prépare des jeunes à besoins spécifiques à un métier.",
         sites=[("main", "7600", "Péruwelz", None)],
         progs=["agent-entretien-collectivites", "peintre-batiment", "menuisier"]),
    dict(kind="QUALIFYING_SCHOOL", name="Institut technique des Prés",
         desc="Institut d'enseignement technique et professionnel offrant des options en soins, en électricité et en techniques du froid.",
         sites=[("main", "7850", "Enghien", None)],
         progs=["aide-soignant", "electricien-installateur", "technicien-frigoriste"]),
    dict(kind="QUALIFYING_SCHOOL", name="Lycée technique des Deux Vallées",
         desc="Lycée technique dont les ateliers d'électricité et de mécanique accueillent aussi des stages de découverte.",
         sites=[("main", "7900", "Leuze-En-Hainaut", None)],
         progs=["electricien-maintenance", "mecanicien-maintenance"]),

    # ---- promotion sociale ----
    dict(kind="SOCIAL_PROMOTION", name="Institut de promotion sociale Horizon",
         desc="Établissement d'enseignement de promotion sociale proposant des formations qualifiantes en journée et en soirée dans le secteur des soins et de l'aide aux personnes.",
         sites=[("main", "7500", "Tournai", None)],
         progs=["aide-soignant:FULL_TIME", "aide-familial", "garde-malade", "agent-polyvalent-hospitalier"]),
    dict(kind="SOCIAL_PROMOTION", name="École de promotion sociale Lys-Métiers",
         desc="Cours du soir et formations modulaires en électricité, automation, peinture et techniques du froid.",
         sites=[("main", "7700", "Mouscron", None)],
         progs=["electricien-installateur", "programmation-automates:BLENDED", "peintre-decorateur", "technicien-surface", "climatisation-pac"]),
    dict(kind="SOCIAL_PROMOTION", name="Cours du soir des Collines",
         desc="Établissement de promotion sociale organisé sur deux implantations, à Ath et à Lessines.",
         sites=[("main", "7800", "Ath", None), ("lessines", "7860", "Lessines", None)],
         progs=["menuisier", "macon", "mecanicien-auto", "aide-soignant"]),
    dict(kind="SOCIAL_PROMOTION", name="Institut de promotion sociale Les Acacias",
         desc="Formations pour adultes en horaire décalé, dont une partie à distance, dans l'aide à domicile, la peinture et l'électricité.",
         sites=[("main", "7600", "Péruwelz", None), ("blaton", "7321", "Blaton", None)],
         progs=["garde-domicile:DISTANCE", "aide-menager", "peintre-batiment", "electricien-maintenance:BLENDED"]),

    # ---- IFAPME (antennes fictives) ----
    dict(kind="IFAPME", name="Centre IFAPME — antenne de démonstration de Tournai", short="ifapme-antenne-tournai",
         desc="Antenne fictive d'un centre de formation en alternance de l'IFAPME, créée pour la démonstration de la plateforme.",
         sites=[("main", "7500", "Tournai", None)],
         progs=["macon", "menuisier", "peintre-batiment", "climatisation-pac", "mecanicien-auto"]),
    dict(kind="IFAPME", name="Centre IFAPME — antenne de démonstration de Mouscron", short="ifapme-antenne-mouscron",
         desc="Antenne fictive de l'IFAPME pour la démonstration, avec un atelier à Comines.",
         sites=[("main", "7700", "Mouscron", None), ("comines", "7780", "Comines-Warneton", "Atelier de Comines")],
         progs=["electricien-installateur", "reparateur-cycles", "mecanicien-motos", "technicien-frigoriste", "peintre-decorateur"]),
    dict(kind="IFAPME", name="Centre IFAPME — antenne de démonstration d'Ath", short="ifapme-antenne-ath",
         desc="Antenne fictive de l'IFAPME pour la démonstration, avec des cours délocalisés à Enghien.",
         sites=[("main", "7800", "Ath", None), ("enghien", "7850", "Enghien", None)],
         progs=["macon", "menuisier", "motoculture", "electricien-installateur", "mecanicien-entretien"]),

    # ---- Forem (sites fictifs) ----
    dict(kind="FOREM", name="Forem — centre de formation de démonstration de Tournai", short="forem-centre-tournai",
         desc="Site fictif du Forem, service public wallon de l'emploi et de la formation, créé pour la démonstration.",
         sites=[("main", "7522", "Marquain", None)],
         progs=["technicien-surface-hospitalier", "aide-menager", "technicien-maintenance-systemes", "mecanicien-maintenance",
                "electricien-maintenance", "peintre-batiment"]),
    dict(kind="FOREM", name="Forem — espace de formation de démonstration de Mouscron", short="forem-espace-mouscron",
         desc="Espace de formation fictif du Forem pour la démonstration, ouvert aux demandeurs et demandeuses d'emploi.",
         sites=[("main", "7700", "Mouscron", None)],
         progs=["technicien-surface", "agent-polyvalent-hospitalier", "technicien-automatismes:BLENDED", "mecanicien-entretien",
                "ouvrier-gros-oeuvre"]),
    dict(kind="FOREM", name="Forem — antenne de démonstration de Leuze-en-Hainaut", short="forem-antenne-leuze",
         desc="Antenne fictive du Forem pour la démonstration, avec un local de formation à Lessines.",
         sites=[("main", "7900", "Leuze-En-Hainaut", None), ("lessines", "7860", "Lessines", None)],
         progs=["garde-malade", "pneumatique-hydraulique", "vehicules-electriques", "reparateur-cycles"]),

    # ---- centres de compétence (fictifs) ----
    dict(kind="COMPETENCE_CENTRE", name="Centre de compétence Techni'Escaut", short="techni-escaut",
         desc="Centre de compétence fictif consacré à la maintenance industrielle, avec des équipements de pointe partagés entre écoles, centres et entreprises.",
         sites=[("main", "7530", "Gaurain-Ramecroix", None)],
         progs=["programmation-automates", "pneumatique-hydraulique", "usinage-ajustage", "habilitation-electrique:DISTANCE"]),
    dict(kind="COMPETENCE_CENTRE", name="Centre de compétence Bâti-Picardie", short="bati-picardie",
         desc="Centre de compétence fictif pour les métiers de la construction : plateaux techniques de gros œuvre, de finitions et d'usinage du bois.",
         sites=[("main", "7822", "Ghislenghien", None)],
         progs=["renovation-maconnerie", "enduits-decoratifs", "commande-numerique-bois"]),
    dict(kind="COMPETENCE_CENTRE", name="Centre de compétence Clim'Énergie", short="clim-energie",
         desc="Centre de compétence fictif spécialisé dans le froid, la climatisation, les pompes à chaleur et l'électricité du bâtiment.",
         sites=[("main", "7711", "Dottignies", None), ("warneton", "7784", "Warneton", None)],
         progs=["certification-frigoriste", "maintenance-pac", "habilitation-electrique", "programmation-automates"]),

    # ---- centres de technologies avancées (rattachés à une école fictive) ----
    dict(kind="CTA", name="CTA Automatismes et électricité de l'École technique du Marais", short="cta-automatismes-marais",
         desc="Centre de technologies avancées rattaché à l'École technique du Marais, ouvert aux élèves, enseignant·e·s et demandeur·euse·s d'emploi de toute la région.",
         sites=[("main", "7500", "Tournai", None)],
         progs=["programmation-automates", "habilitation-electrique"]),
    dict(kind="CTA", name="CTA Froid et climatisation du Collège technique du Val de Dendre", short="cta-froid-val-de-dendre",
         desc="Centre de technologies avancées rattaché au Collège technique du Val de Dendre, équipé de bancs frigorifiques et de pompes à chaleur.",
         sites=[("main", "7864", "Deux-Acren", None)],
         progs=["certification-frigoriste", "maintenance-pac"]),
    dict(kind="CTA", name="CTA Mobilité de l'Institut des Métiers de la Lys", short="cta-mobilite-lys",
         desc="Centre de technologies avancées rattaché à l'Institut des Métiers de la Lys, consacré aux véhicules récents, hybrides et électriques.",
         sites=[("main", "7780", "Comines", None)],
         progs=["vehicules-electriques", "diagnostic-auto"]),
    dict(kind="CTA", name="CTA Soins et santé de l'Athénée professionnel des Collines", short="cta-soins-collines",
         desc="Centre de technologies avancées rattaché à l'Athénée professionnel des Collines, avec une chambre hospitalière de simulation.",
         sites=[("main", "7800", "Ath", None)],
         progs=["soins-confort-manutention", "bio-nettoyage"]),

    # ---- insertion socioprofessionnelle (CISP, EFT, OISP) ----
    dict(kind="INSERTION_BODY", name="EFT Chantier-École des Rives", short="eft-chantier-ecole-des-rives",
         desc="Entreprise de formation par le travail : les stagiaires apprennent les métiers du bâtiment sur de vrais chantiers de rénovation.",
         sites=[("main", "7640", "Antoing", None)],
         progs=["ouvrier-gros-oeuvre", "peintre-batiment", "poseur-menuiseries"]),
    dict(kind="INSERTION_BODY", name="CISP Repères & Métiers", short="cisp-reperes-et-metiers",
         desc="Centre d'insertion socioprofessionnelle qui forme des adultes peu qualifiés aux métiers du nettoyage et de l'aide ménagère.",
         sites=[("main", "7900", "Leuze-En-Hainaut", None), ("basecles", "7971", "Basècles", None)],
         progs=["technicien-surface", "aide-menager"]),
    dict(kind="INSERTION_BODY", name="OISP Tremplin Vélo", short="oisp-tremplin-velo",
         desc="Organisme d'insertion socioprofessionnelle dont l'atelier de réparation de vélos et de petits engins sert de support de formation.",
         sites=[("main", "7321", "Blaton", None)],
         progs=["reparateur-cycles", "motoculture"]),
    dict(kind="INSERTION_BODY", name="CISP Passerelle Santé-Services", short="cisp-passerelle-sante-services",
         desc="Centre d'insertion socioprofessionnelle préparant aux métiers d'appui dans les hôpitaux, les maisons de repos et l'aide à domicile.",
         sites=[("main", "7782", "Ploegsteert", None)],
         progs=["agent-polyvalent-hospitalier", "garde-malade", "technicien-surface-hospitalier"]),
    dict(kind="INSERTION_BODY", name="EFT Les Bâtisseurs de la Senne", short="eft-les-batisseurs-de-la-senne",
         desc="Entreprise de formation par le travail en menuiserie et en maçonnerie, avec un atelier bois et des chantiers d'entretien du patrimoine rural.",
         sites=[("main", "7830", "Silly", None)],
         progs=["menuisier", "macon"]),

    # ---- entreprises (toutes fictives) ----
    dict(kind="COMPANY", name="Construction Lemaire & Fils", self_ref="notre entreprise de construction",
         desc="Entreprise familiale de gros œuvre et de rénovation active dans le Pays des Collines.",
         sites=[("main", "7910", "Frasnes-Lez-Anvaing", None)],
         trades=["maconnerie"]),
    dict(kind="COMPANY", name="Peintures & Décors Vanhoutte", self_ref="notre entreprise de peinture",
         desc="Entreprise de peinture intérieure et extérieure, de pose de revêtements muraux et de décoration.",
         sites=[("main", "7700", "Luingne", None)],
         trades=["peinture-batiment"]),
    dict(kind="COMPANY", name="Menuiserie du Bois d'Ogy", self_ref="notre menuiserie",
         desc="Menuiserie artisanale : escaliers, portes, châssis et mobilier sur mesure, de la conception à la pose.",
         sites=[("main", "7862", "Ogy", None)],
         trades=["menuiserie"]),
    dict(kind="COMPANY", name="Rénovation Dubuisson", self_ref="notre entreprise de rénovation",
         desc="Entreprise générale de rénovation de maisons anciennes : maçonnerie, menuiserie et finitions.",
         sites=[("main", "7850", "Marcq", None), ("silly", "7830", "Bassilly", "Dépôt de Bassilly")],
         trades=["maconnerie", "peinture-batiment", "menuiserie"]),
    dict(kind="COMPANY", name="Maçonnerie Vercruysse", self_ref="notre entreprise",
         desc="Petite entreprise de maçonnerie et de façades, spécialisée dans la brique régionale.",
         sites=[("main", "7620", "Hollain", None)],
         trades=["maconnerie", "peinture-batiment"]),
    dict(kind="COMPANY", name="Garage Debruyne", self_ref="notre garage",
         desc="Garage multimarque d'entretien et de réparation, avec un atelier de diagnostic électronique.",
         sites=[("main", "7540", "Kain", None)],
         trades=["mecanique-automobile"]),
    dict(kind="COMPANY", name="Garage des Quatre Vents", self_ref="notre garage",
         desc="Garage indépendant, agréé pour l'entretien des véhicules hybrides et électriques.",
         sites=[("main", "7600", "Péruwelz", None)],
         trades=["mecanique-automobile"]),
    dict(kind="COMPANY", name="Carrosserie et Mécanique Leclercq", self_ref="notre garage",
         desc="Atelier de mécanique et de carrosserie, qui entretient aussi les utilitaires des artisans de la région.",
         sites=[("main", "7903", "Blicquy", None)],
         trades=["mecanique-automobile"]),
    dict(kind="COMPANY", name="Cycles & Motos de la Dendre", overrides=OV_BIKES_MOTOS, self_ref="notre magasin-atelier",
         desc="Magasin et atelier de vélos, de vélos à assistance électrique et de motos.",
         sites=[("main", "7800", "Ath", None)],
         trades=["cycles-motos"]),
    dict(kind="COMPANY", name="Motoculture Verhaeghe", overrides=OV_MOTOCULTURE, self_ref="notre atelier",
         desc="Vente, entretien et réparation de tondeuses, de motoculteurs et de petits engins de jardin.",
         sites=[("main", "7760", "Celles", None)],
         trades=["cycles-motos"]),
    dict(kind="COMPANY", name="Vélos du Mont", overrides=OV_BIKES, self_ref="notre atelier",
         desc="Atelier de location et de réparation de vélos au pied du Mont de l'Enclus.",
         sites=[("main", "7750", "Orroir", None)],
         trades=["cycles-motos"]),
    dict(kind="COMPANY", name="Elec-Wapi Services", short="elec-wapi-services", self_ref="notre entreprise",
         desc="Entreprise d'installation et de maintenance électrique pour l'industrie et le tertiaire.",
         sites=[("main", "7970", "Beloeil", None)],
         trades=["maintenance-electrique", "automatismes"]),
    dict(kind="COMPANY", name="Électricité Dumont", overrides=OV_ELEC_INSTALLER, self_ref="notre entreprise",
         desc="Électricien installateur pour les particuliers et les petites entreprises.",
         sites=[("main", "7618", "Taintignies", None)],
         trades=["maintenance-electrique"]),
    dict(kind="COMPANY", name="Frigotech Picardie", self_ref="notre entreprise",
         desc="Installation et dépannage de froid commercial, de chambres froides et de climatisation.",
         sites=[("main", "7730", "Estaimpuis", None)],
         trades=["froid-climatisation", "maintenance-electrique"]),
    dict(kind="COMPANY", name="Climatherm Lys", self_ref="notre entreprise",
         desc="Installateur de climatisation et de pompes à chaleur pour les particuliers et les bureaux.",
         sites=[("main", "7780", "Comines-Warneton", None)],
         trades=["froid-climatisation"]),
    dict(kind="COMPANY", name="Tissages Vandewalle", self_ref="notre usine",
         desc="Fabricant de textiles techniques dont le service de maintenance assure le fonctionnement des métiers à tisser automatisés.",
         sites=[("main", "7781", "Houthem", None)],
         trades=["equipements-industriels", "maintenance-mecanique", "automatismes", "maintenance-electrique"]),
    dict(kind="COMPANY", name="Calcaires de l'Escaut", self_ref="notre carrière",
         desc="Exploitation de carrière et installations de concassage et de criblage.",
         sites=[("main", "7641", "Bruyelle", None)],
         trades=["equipements-industriels", "maintenance-mecanique", "maintenance-electrique"]),
    dict(kind="COMPANY", name="Légumes du Hainaut occidental", overrides=OV_COLD_MAINTENANCE, short="legumes-du-hainaut-occidental", self_ref="notre usine",
         desc="Entreprise de transformation et de surgélation de légumes, avec des lignes de conditionnement automatisées.",
         sites=[("main", "7743", "Obigies", None)],
         trades=["automatismes", "equipements-industriels", "froid-climatisation", "maintenance-mecanique"]),
    dict(kind="COMPANY", name="Automatismes Dendre & Senne", self_ref="notre entreprise",
         desc="Intégrateur en automatisation et en robotique industrielle, avec un atelier de câblage d'armoires.",
         sites=[("main", "7822", "Ghislenghien", None), ("gages", "7943", "Gages", "Atelier de câblage de Gages")],
         trades=["automatismes", "maintenance-electrique"]),
    dict(kind="COMPANY", name="Net'Wapi Propreté", short="netwapi-proprete", self_ref="notre entreprise",
         desc="Entreprise de nettoyage professionnel de bureaux, d'écoles et de locaux hospitaliers.",
         sites=[("main", "7500", "Tournai", None), ("mouscron", "7700", "Mouscron", None)],
         trades=["nettoyage-locaux", "polyvalent-hospitalier"]),
    dict(kind="COMPANY", name="Titres-services Coup de Main", self_ref="notre agence",
         desc="Entreprise de titres-services : aide ménagère, repassage et petites courses à domicile.",
         sites=[("main", "7711", "Dottignies", None), ("estaimpuis", "7730", "Néchin", "Agence de Néchin")],
         trades=["services-domestiques", "nettoyage-locaux"]),
    dict(kind="COMPANY", name="Domicile Plus", self_ref="notre service",
         desc="Service privé de garde à domicile et d'aide aux personnes âgées.",
         sites=[("main", "7830", "Bassilly", None), ("enghien", "7850", "Enghien", None)],
         trades=["assistance-adultes", "services-domestiques"]),
    dict(kind="COMPANY", name="Résidence Les Glycines", self_ref="notre maison de repos",
         desc="Maison de repos et de soins privée de taille moyenne.",
         sites=[("main", "7950", "Chièvres", None)],
         trades=["soins-hygiene-confort", "assistance-adultes", "nettoyage-locaux"]),

    # ---- organismes publics (fictifs) ----
    dict(kind="PUBLIC_BODY", name="Centre hospitalier intercommunal Escaut-Picardie", overrides=merge_overrides(OV_ELEC_BUILDING, OV_COLD_MAINTENANCE), short="chi-escaut-picardie", self_ref="notre hôpital",
         desc="Hôpital intercommunal fictif avec deux sites, à Tournai et à Péruwelz.",
         sites=[("main", "7500", "Tournai", None), ("peruwelz", "7600", "Péruwelz", "Site de Péruwelz")],
         trades=["polyvalent-hospitalier", "soins-hygiene-confort", "nettoyage-locaux", "maintenance-electrique", "froid-climatisation"]),
    dict(kind="PUBLIC_BODY", name="Hôpital intercommunal du Pays des Collines", overrides=OV_ELEC_BUILDING, short="hopital-pays-des-collines", self_ref="notre hôpital",
         desc="Hôpital public fictif de proximité, avec un site à Lessines et une polyclinique à Ath.",
         sites=[("main", "7860", "Lessines", None), ("ath", "7800", "Ath", "Polyclinique d'Ath")],
         trades=["polyvalent-hospitalier", "soins-hygiene-confort", "nettoyage-locaux", "maintenance-electrique"]),
    dict(kind="PUBLIC_BODY", name="Résidence publique Les Saules", self_ref="notre maison de repos",
         desc="Maison de repos et de soins gérée par un centre public d'action sociale fictif.",
         sites=[("main", "7320", "Bernissart", None)],
         trades=["soins-hygiene-confort", "assistance-adultes", "nettoyage-locaux"]),
    dict(kind="PUBLIC_BODY", name="Service public d'aide aux familles de la Senne", short="aide-aux-familles-de-la-senne", self_ref="notre service",
         desc="Service public fictif d'aide aux familles et aux personnes âgées, actif à Enghien et à Silly.",
         sites=[("main", "7850", "Enghien", None), ("silly", "7830", "Silly", None)],
         trades=["services-domestiques", "assistance-adultes"]),
    dict(kind="PUBLIC_BODY", name="Logis de l'Escaut et de la Dendre", overrides=OV_ELEC_BUILDING, short="logis-escaut-dendre", self_ref="notre société de logement",
         desc="Société de logement de service public fictive, dont la régie rénove et entretient le parc de logements.",
         sites=[("main", "7500", "Saint-Maur", None), ("leuze", "7900", "Leuze-En-Hainaut", "Régie de Leuze-en-Hainaut")],
         trades=["maconnerie", "peinture-batiment", "menuiserie", "maintenance-electrique"]),
    dict(kind="PUBLIC_BODY", name="Vélostation intercommunale de la Lys", overrides=OV_BIKES, short="velostation-de-la-lys", self_ref="notre vélostation",
         desc="Service public fictif de location, de gardiennage et d'entretien de vélos près des gares.",
         sites=[("main", "7700", "Mouscron", None)],
         trades=["cycles-motos"]),
    dict(kind="PUBLIC_BODY", name="Régie des travaux du Pays des Collines", overrides=OV_ELEC_BUILDING, short="regie-travaux-collines", self_ref="notre régie",
         desc="Régie technique intercommunale fictive chargée de l'entretien des bâtiments publics et du parc de véhicules.",
         sites=[("main", "7890", "Ellezelles", None)],
         trades=["maconnerie", "peinture-batiment", "menuiserie", "maintenance-electrique", "mecanique-automobile"]),

    # ---- associations (ASBL fictives) ----
    dict(kind="ASSOCIATION", name="Maison de repos et de soins Les Charmilles", short="mrs-les-charmilles", self_ref="notre maison de repos",
         desc="Maison de repos et de soins associative (ASBL) accueillant une centaine de résident·e·s.",
         sites=[("main", "7901", "Thieulain", None)],
         trades=["soins-hygiene-confort", "assistance-adultes", "nettoyage-locaux"]),
    dict(kind="ASSOCIATION", name="Clinique du Bon Accueil", overrides=merge_overrides(OV_ELEC_BUILDING, OV_COLD_MAINTENANCE), self_ref="notre clinique",
         desc="Clinique associative (ASBL) de médecine interne, de gériatrie et de revalidation.",
         sites=[("main", "7712", "Herseaux", None)],
         trades=["polyvalent-hospitalier", "soins-hygiene-confort", "maintenance-electrique", "froid-climatisation"]),
    dict(kind="ASSOCIATION", name="Aide & Présence à domicile", short="aide-et-presence-a-domicile", self_ref="notre service",
         desc="Service associatif (ASBL) d'aide familiale et de garde à domicile couvrant le sud du Tournaisis.",
         sites=[("main", "7600", "Péruwelz", None), ("antoing", "7640", "Antoing", None), ("brunehaut", "7620", "Brunehaut", None)],
         trades=["services-domestiques", "assistance-adultes"]),
    dict(kind="ASSOCIATION", name="Les Ateliers de la Dendre", self_ref="notre entreprise de travail adapté",
         desc="Entreprise de travail adapté (ASBL) : nettoyage, menuiserie, peinture et sous-traitance industrielle.",
         sites=[("main", "7861", "Papignies", None), ("brugelette", "7940", "Brugelette", None)],
         trades=["nettoyage-locaux", "menuiserie", "peinture-batiment", "equipements-industriels"]),
    dict(kind="ASSOCIATION", name="Rayons d'Escaut — atelier vélo solidaire", overrides=OV_BIKES, short="rayons-d-escaut", self_ref="notre atelier",
         desc="Atelier vélo associatif (ASBL) qui répare, recycle et apprend à entretenir son vélo.",
         sites=[("main", "7500", "Tournai", None)],
         trades=["cycles-motos"]),
    dict(kind="ASSOCIATION", name="Centre de jour Les Coquelicots", self_ref="notre centre de jour",
         desc="Centre de jour associatif (ASBL) pour adultes en perte d'autonomie.",
         sites=[("main", "7880", "Flobecq", None)],
         trades=["assistance-adultes", "soins-hygiene-confort"]),
]

# --------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------

STREETS = [
    "Rue de la Station", "Rue du Moulin", "Rue de l'Église", "Rue des Écoles", "Rue Neuve",
    "Rue du Commerce", "Rue des Prés", "Rue de la Gare", "Avenue des Sports", "Rue du Marais",
    "Rue des Artisans", "Rue des Tilleuls", "Rue du Centre", "Rue de la Paix", "Rue des Champs",
    "Place du Marché", "Rue Haute", "Rue du Château", "Rue de la Chapelle", "Rue des Peupliers",
    "Rue Verte", "Rue de la Fontaine", "Chemin des Saules", "Rue du Tilleul", "Rue des Fleurs",
]
INDUSTRIAL_STREETS = [
    "Rue de l'Industrie", "Avenue de l'Artisanat", "Rue des Entrepreneurs", "Rue du Parc d'activités",
    "Rue des Métiers",
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
VOWELS = "aeiouyàâäéèêëîïôöùûüœAEIOUYÀÂÉÈÊÎÔÙÛŒ"


def de(word: str) -> str:
    """French preposition "de" with elision: de(\"Ath\") -> \"d'Ath\"."""
    return ("d'" if word[:1] in VOWELS else "de ") + word


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def low(s: str) -> str:
    return s[:1].lower() + s[1:]


def slugify(text: str) -> str:
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("&", " et ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return re.sub(r"-{2,}", "-", text)


def de_art(phrase: str) -> str:
    """"de" before a phrase starting with a definite article: le -> du, les -> des."""
    if phrase.startswith("le "):
        return "du " + phrase[3:]
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    return "de " + phrase


def join_fr(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]


def fr_time(h: int, m: int) -> str:
    return f"{h} h" if m == 0 else f"{h} h {m:02d}"


def fr_date(d: dt.date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{WEEKDAYS[d.weekday()]} {day} {MONTHS[d.month - 1]} {d.year}"


def count_sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?=\s|$)", text))


# --------------------------------------------------------------------------
# Geometry: ray casting and distance to the boundary (equirectangular)
# --------------------------------------------------------------------------

EARTH_RADIUS_M = 6371008.8
MAX_JITTER_M = 400.0
MIN_BORDER_DISTANCE_M = 150.0


def point_in_ring(lon: float, lat: float, ring: list) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x_cross = xi + (lat - yi) * (xj - xi) / (yj - yi)
            if lon < x_cross:
                inside = not inside
        j = i
    return inside


def point_in_multipolygon(lon: float, lat: float, multipolygon: list) -> bool:
    for polygon in multipolygon:
        outer, holes = polygon[0], polygon[1:]
        if point_in_ring(lon, lat, outer) and not any(point_in_ring(lon, lat, h) for h in holes):
            return True
    return False


def distance_to_boundary_m(lon: float, lat: float, multipolygon: list) -> float:
    """Shortest distance in metres from the point to any ring segment."""
    kx = math.radians(1.0) * EARTH_RADIUS_M * math.cos(math.radians(lat))
    ky = math.radians(1.0) * EARTH_RADIUS_M
    best = math.inf
    for polygon in multipolygon:
        for ring in polygon:
            pts = list(ring)
            if pts[0] != pts[-1]:
                pts.append(pts[0])
            for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                ax, ay = (x1 - lon) * kx, (y1 - lat) * ky
                bx, by = (x2 - lon) * kx, (y2 - lat) * ky
                dx, dy = bx - ax, by - ay
                seg2 = dx * dx + dy * dy
                t = 0.0 if seg2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg2))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def site_point_ok(lat: float, lon: float, multipolygon: list) -> bool:
    return (point_in_multipolygon(lon, lat, multipolygon)
            and distance_to_boundary_m(lon, lat, multipolygon) >= MIN_BORDER_DISTANCE_M)


def place_site(rng: random.Random, row: dict, multipolygon: list) -> tuple[float, float]:
    base_lat, base_lon = float(row["latitude"]), float(row["longitude"])
    for _ in range(80):
        r = 30.0 + (MAX_JITTER_M - 30.0) * math.sqrt(rng.random())
        theta = 2 * math.pi * rng.random()
        dlat = (r * math.cos(theta)) / (math.radians(1.0) * EARTH_RADIUS_M)
        dlon = (r * math.sin(theta)) / (math.radians(1.0) * EARTH_RADIUS_M * math.cos(math.radians(base_lat)))
        lat, lon = round(base_lat + dlat, 6), round(base_lon + dlon, 6)
        if site_point_ok(lat, lon, multipolygon):
            return lat, lon
    lat, lon = round(base_lat, 6), round(base_lon, 6)
    if site_point_ok(lat, lon, multipolygon):
        return lat, lon
    raise SystemExit(f"cannot place a site in {row['locality']} ({row['postcode']}) inside commune "
                     f"{row['commune']} at least {MIN_BORDER_DISTANCE_M:.0f} m from its boundary")


# --------------------------------------------------------------------------
# Reference data loading
# --------------------------------------------------------------------------

REFERENCE_FILE_NAMES = [
    # (postal localities, commune boundaries): the copies kept in seeds/, then the shared originals
    ("postal-localities.csv", "communes.geojson"),
    ("wapi-postcodes.csv", "wapi-communes.geojson"),
]


def find_reference_files(explicit: str | None) -> tuple[Path, Path]:
    here = Path(__file__).resolve().parent
    dirs = [Path(explicit)] if explicit else [here, here.parent.parent / "shared" / "data"]
    for d in dirs:
        for csv_name, geo_name in REFERENCE_FILE_NAMES:
            if (d / csv_name).is_file() and (d / geo_name).is_file():
                return d / csv_name, d / geo_name
    raise SystemExit("reference data not found (postal-localities.csv + communes.geojson, or wapi-postcodes.csv + "
                     "wapi-communes.geojson) in: " + ", ".join(str(d) for d in dirs) + " — use --data-dir")


def load_reference(csv_path: Path, geojson_path: Path):
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(geojson_path, encoding="utf-8") as f:
        gj = json.load(f)
    communes = {}
    for feat in gj["features"]:
        props, geom = feat["properties"], feat["geometry"]
        if geom["type"] != "MultiPolygon":
            raise SystemExit(f"unexpected geometry type {geom['type']} for {props['nis']}")
        communes[props["nis"]] = dict(name=props["name"], multipolygon=geom["coordinates"])
    if len(communes) != 23:
        raise SystemExit(f"expected 23 communes, found {len(communes)}")
    by_key = {}
    for r in rows:
        if r["commune_nis"] not in communes:
            raise SystemExit(f"postcode row with unknown commune: {r}")
        by_key[(r["postcode"], r["locality"])] = r
    return by_key, communes


# --------------------------------------------------------------------------
# Operators
# --------------------------------------------------------------------------

def site_display(row: dict) -> str:
    """A readable place name: the commune spelling when the locality is the commune itself."""
    loc, commune = row["locality"], row["commune"]
    return commune if loc.lower() == commune.lower() else loc


def default_site_name(kind: str, key: str, place: str) -> str:
    if kind in ("QUALIFYING_SCHOOL", "SOCIAL_PROMOTION", "CTA"):
        prefix = "Implantation"
    elif kind in ("IFAPME", "FOREM", "COMPETENCE_CENTRE", "INSERTION_BODY"):
        prefix = "Centre" if key == "main" else "Antenne"
    elif kind == "COMPANY":
        prefix = "Siège" if key == "main" else "Antenne"
    else:
        prefix = "Site"
    return f"{prefix} {de(place)}"


def make_phone(rng: random.Random, zone: str) -> str:
    if zone == "2":
        return f"+32 2 {rng.choice(['395', '396', '397'])} {rng.randint(10, 99):02d} {rng.randint(10, 99):02d}"
    return f"+32 {zone} {rng.randint(21, 89):02d} {rng.randint(10, 99):02d} {rng.randint(10, 99):02d}"


def build_operators(rng: random.Random, postcodes: dict, communes: dict):
    operators = []
    meta = {}  # code -> internal information (trades, flags, self_ref, ...)
    seen_codes = set()
    for spec in OPERATORS:
        kind = spec["kind"]
        sites = []
        site_keys = set()
        for key, postcode, locality, name in spec["sites"]:
            row = postcodes.get((postcode, locality))
            if row is None:
                raise SystemExit(f"{spec['name']}: unknown postal locality {postcode} {locality}")
            if key in site_keys or not re.fullmatch(r"[a-z0-9-]+", key):
                raise SystemExit(f"{spec['name']}: bad or duplicate site key {key}")
            site_keys.add(key)
            place = site_display(row)
            streets = INDUSTRIAL_STREETS if kind == "COMPANY" and any(
                t in spec.get("trades", []) for t in ("equipements-industriels", "automatismes")) else STREETS
            street = f"{rng.choice(streets)} {rng.randint(1, 160)}"
            lat, lon = place_site(rng, row, communes[row["commune_nis"]]["multipolygon"])
            sites.append(dict(
                key=key,
                name=name or default_site_name(kind, key, place),
                street=street,
                postcode=row["postcode"],
                locality=row["locality"],
                lat=lat,
                lon=lon,
                _nis=row["commune_nis"],
            ))
        main_nis = sites[0]["_nis"]
        commune_name = communes[main_nis]["name"]
        short = spec.get("short") or slugify(spec["name"])
        code = f"{slugify(commune_name)}-{short}"
        if len(code) > 64:
            code = code[:64].rsplit("-", 1)[0]
        if code in seen_codes:
            raise SystemExit(f"duplicate operator code {code}")
        seen_codes.add(code)

        programmes = []
        prog_meta = []
        if kind in TRAINING_OPERATOR_KINDS:
            for item in spec["progs"]:
                pkey, _, forced = item.partition(":")
                programmes.append(build_programme(rng, spec, pkey, forced or None))
                prog_meta.append(dict(key=pkey, trades=PROGRAMMES[pkey]["trades"],
                                      short=PROGRAMMES[pkey].get("short", False),
                                      modality=programmes[-1]["modality"],
                                      hours=programmes[-1]["durationHours"],
                                      catalogue_hours=PROGRAMMES[pkey]["hours"]))
            trades = []
            for pm in prog_meta:
                for t in pm["trades"]:
                    if t not in trades:
                        trades.append(t)
        else:
            if spec.get("progs"):
                raise SystemExit(f"{spec['name']}: programmes only for training operators")
            trades = list(spec["trades"])

        zone = PHONE_ZONES[main_nis]
        email_domain = short
        website = f"https://demo.wapi-synergies.example/operateurs/{code}" if rng.random() < 0.8 else None
        email = f"{rng.choice(['contact', 'info', 'accueil'])}@{email_domain}.example" if rng.random() < 0.88 else None
        # Invented digits could ring a real person's line (Belgium reserves no
        # fictional range), so the demo set publishes no phone numbers. The
        # draws stay so the rest of the data set does not shift.
        if rng.random() < 0.9:
            make_phone(rng, zone)
        phone = None
        operators.append(dict(
            code=code,
            name=spec["name"],
            kind=kind,
            description=spec["desc"] + " Données de démonstration.",
            website=website,
            email=email,
            phone=phone,
            sites=sites,
            programmes=programmes,
        ))
        meta[code] = dict(
            kind=kind, trades=trades, programmes=prog_meta, name=spec["name"],
            self_ref=spec.get("self_ref"), cefa=spec.get("cefa", False), special=spec.get("special", False),
            sites=[s["key"] for s in sites],
            site_places={s["key"]: site_display(postcodes[(s["postcode"], s["locality"])]) for s in sites},
            overrides=spec.get("overrides", {}),
        )
    return operators, meta


def build_programme(rng: random.Random, spec: dict, pkey: str, forced: str | None) -> dict:
    p = PROGRAMMES[pkey]
    kind = spec["kind"]
    short = p.get("short", False)
    cq = p["cq"]
    if forced:
        modality = forced
    elif kind == "QUALIFYING_SCHOOL":
        modality = "ALTERNANCE" if spec.get("cefa") else "FULL_TIME"
    elif kind == "IFAPME":
        modality = "ALTERNANCE"
    elif kind == "SOCIAL_PROMOTION":
        modality = rng.choice(["EVENING", "EVENING", "EVENING", "BLENDED"])
    elif kind == "FOREM":
        modality = rng.choice(["FULL_TIME", "FULL_TIME", "FULL_TIME", "BLENDED"])
    elif kind == "COMPETENCE_CENTRE":
        modality = rng.choice(["FULL_TIME", "FULL_TIME", "BLENDED"])
    else:
        modality = "FULL_TIME"

    if kind == "QUALIFYING_SCHOOL":
        certification = f"Certificat de qualification {de(cq)} (CQ)" if cq else None
        hours = None
    elif kind == "SOCIAL_PROMOTION":
        certification = (f"Certificat de qualification {de(cq)} (enseignement de promotion sociale)" if cq
                         else "Attestation de réussite d'unité d'enseignement")
        hours = p["hours"]
    elif kind == "IFAPME":
        certification = f"Certificat d'apprentissage {de(cq)} (IFAPME)" if cq else None
        hours = None
    elif kind == "FOREM":
        certification = None if short else rng.choice(["Attestation de fin de formation",
                                                        "Attestation de fin de formation et accès à la validation des compétences"])
        hours = p["hours"] if short else int(round(p["hours"] * 0.6 / 10.0)) * 10
    elif kind == "COMPETENCE_CENTRE":
        certification = "Attestation de formation"
        hours = p["hours"]
    elif kind == "CTA":
        certification = None
        hours = p["hours"]
    else:  # INSERTION_BODY
        certification = rng.choice([None, "Attestation de compétences acquises"])
        hours = int(round(p["hours"] * 0.8 / 10.0)) * 10
    return dict(
        key=pkey,
        title=p["title"],
        objective=p["objective"],
        certification=certification,
        modality=modality,
        durationHours=hours,
    )


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

def monday_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    start = first + dt.timedelta(days=(7 - first.weekday()) % 7)
    weeks = (last - start).days // 7
    if weeks < 0:
        raise ValueError("empty window")
    return start + dt.timedelta(weeks=rng.randint(0, weeks))


def add_workdays(d: dt.date, n: int) -> dt.date:
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def random_updated_at(rng: random.Random, first: dt.datetime = UPDATED_FROM, last: dt.datetime = UPDATED_TO) -> str:
    first = max(first, UPDATED_FROM)
    if first > last:
        raise SystemExit(f"empty updatedAt window starting {first}")
    days = (last.date() - first.date()).days
    for _ in range(100):
        day = first.date() + dt.timedelta(days=rng.randint(0, days))
        if day.weekday() == 6 and rng.random() < 0.8:
            continue
        moment = dt.datetime(day.year, day.month, day.day, rng.randint(7, 18), rng.choice(range(0, 60, 5)), 0)
        if first <= moment <= last:
            return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return last.strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------
# Offer builders
# --------------------------------------------------------------------------

# (text, daily start, daily end, the weekdays classes meet when the text says them)
SCHEDULES = {
    "SCHOOL": [("Horaire scolaire : du lundi au vendredi, de 8 h 25 à 15 h 35 (le mercredi jusqu'à 12 h 05)", "08:25", "15:35",
                ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))],
    "FULL_TIME": [
        ("Du lundi au vendredi, de 8 h 30 à 16 h", "08:30", "16:00", ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
        ("Du lundi au vendredi, de 8 h 15 à 15 h 45", "08:15", "15:45", ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
        ("Du lundi au jeudi de 8 h 30 à 16 h 30, le vendredi jusqu'à 12 h 30", "08:30", "16:30", ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
        ("Du lundi au vendredi, de 9 h à 16 h 30", "09:00", "16:30", ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
    ],
    "SHORT": [
        ("Journées complètes, de 8 h 30 à 16 h", "08:30", "16:00", None),
        ("Journées de formation de 9 h à 16 h 30", "09:00", "16:30", None),
        ("Du lundi au vendredi, de 8 h à 15 h 30", "08:00", "15:30", ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
    ],
    "ALTERNANCE_IFAPME": [
        ("Un jour de cours par semaine au centre, de 8 h 30 à 16 h 30 ; le reste de la semaine en entreprise", "08:30", "16:30", None),
        ("Cours le lundi de 8 h 45 à 16 h 45 ; pratique en entreprise du mardi au vendredi", "08:45", "16:45", ("MONDAY",)),
    ],
    "ALTERNANCE_CEFA": [
        ("Deux jours de cours par semaine au CEFA, de 8 h 25 à 15 h 35 ; trois jours en entreprise", "08:25", "15:35", None),
    ],
    "EVENING": [
        ("Lundi et jeudi, de 18 h à 21 h 20", "18:00", "21:20", ("MONDAY", "THURSDAY")),
        ("Mardi, mercredi et jeudi, de 17 h 45 à 21 h 30", "17:45", "21:30", ("TUESDAY", "WEDNESDAY", "THURSDAY")),
        ("Mardi et jeudi de 18 h 30 à 21 h 30, et certains samedis matin", "18:30", "21:30", ("TUESDAY", "THURSDAY")),
    ],
    "BLENDED": [
        ("Trois jours par semaine en centre, de 8 h 30 à 16 h, et des modules en ligne à suivre chez soi", "08:30", "16:00", None),
        ("Présentiel le mardi et le jeudi de 9 h à 16 h, travaux à distance le reste de la semaine", "09:00", "16:00", ("TUESDAY", "THURSDAY")),
    ],
    "DISTANCE": [
        ("Modules en ligne à suivre à son rythme, avec des séances pratiques et l'évaluation en centre", None, None, None),
    ],
}

KIND_TRAINING_SENTENCES = {
    "QUALIFYING_SCHOOL": [
        "Les cours pratiques se donnent dans des ateliers équipés et des stages en entreprise complètent la formation.",
        "La formation associe cours généraux, cours techniques et stages, et mène au certificat de qualification.",
        "Les élèves travaillent en petits groupes, dans des ateliers équipés comme en entreprise.",
    ],
    "CEFA": [
        "La formation se déroule en alternance : deux jours de cours au CEFA et trois jours en entreprise, sous contrat rémunéré.",
        "Chaque jeune est suivi par un·e accompagnateur·rice CEFA qui l'aide à trouver puis à garder son entreprise d'accueil.",
    ],
    "SPECIAL": [
        "Les élèves de l'enseignement spécialisé de forme 3 apprennent le métier à leur rythme, avec un encadrement renforcé.",
        "Les groupes sont réduits et les stages sont préparés pas à pas avec l'équipe éducative.",
    ],
    "SOCIAL_PROMOTION": [
        "Les cours sont organisés en unités d'enseignement capitalisables, ce qui permet d'avancer à son rythme.",
        "L'horaire permet de combiner la formation avec un emploi ou des obligations familiales.",
        "Les demandeurs et demandeuses d'emploi peuvent demander une dispense pour suivre les cours.",
    ],
    "IFAPME": [
        "L'apprentissage combine des cours au centre et la pratique du métier dans une entreprise formatrice.",
        "L'apprenant·e signe un contrat d'alternance et reçoit une rétribution mensuelle de l'entreprise.",
        "Un·e référent·e suit chaque apprenant·e tout au long de son parcours.",
    ],
    "FOREM": [
        "La formation est gratuite pour les demandeurs et demandeuses d'emploi, qui peuvent bénéficier d'une indemnité de formation et du remboursement de leurs frais de déplacement.",
        "Un stage en entreprise de quelques semaines termine le parcours.",
        "Une séance d'information et des tests de sélection précèdent l'entrée en formation.",
    ],
    "COMPETENCE_CENTRE": [
        "Les exercices se font sur des équipements récents, identiques à ceux des entreprises du secteur.",
        "Le centre accueille aussi bien des travailleur·euse·s que des demandeur·euse·s d'emploi, des élèves et des enseignant·e·s.",
        "Les groupes sont limités pour garantir un maximum de pratique.",
    ],
    "CTA": [
        "Le CTA met ses équipements de pointe à la disposition des élèves, des enseignant·e·s et des demandeur·euse·s d'emploi de toute la Wallonie picarde.",
        "Les séances se déroulent en petits groupes, encadrés par des formateur·rice·s issu·e·s du secteur.",
    ],
    "INSERTION_BODY": [
        "Le parcours comprend une remise à niveau en français et en calcul ainsi qu'un accompagnement social individualisé.",
        "La formation se fait en grande partie en situation réelle de travail, avec un encadrement renforcé.",
        "Aucun diplôme n'est demandé : l'entrée se fait après un entretien de motivation.",
    ],
}

GENERIC_TRAINING_SENTENCES = [
    "Une séance d'information est organisée avant chaque session.",
    "Les inscriptions se font sur rendez-vous, après un entretien d'accueil.",
    "Le lieu de formation est accessible en transports en commun.",
    "Les équipements de protection individuelle sont fournis.",
    "Un stage en entreprise permet de mettre en pratique les acquis.",
    "Les places sont limitées : il est conseillé de s'inscrire tôt.",
]

INTERNSHIP_LOGISTICS = [
    "Une convention de stage est établie avec l'école ou le centre de formation.",
    "Les vêtements de travail et les équipements de protection sont fournis.",
    "Le lieu de stage est accessible en bus depuis la gare la plus proche.",
    "Les horaires sont adaptés au rythme de l'établissement d'origine.",
    "Une évaluation est réalisée à mi-parcours et en fin de stage avec le ou la stagiaire.",
    "Les stagiaires motivé·e·s pourront être recontacté·e·s lors de nos prochains recrutements.",
]

JOB_BENEFITS = [
    "Chèques-repas, éco-chèques et formation continue sont prévus.",
    "Vous rejoignez une équipe soudée, dans une structure à taille humaine.",
    "Un parcours d'accueil vous permet de prendre vos marques en douceur.",
    "Le salaire suit le barème de la commission paritaire du secteur.",
    "Les frais de déplacement domicile-travail sont remboursés.",
]

DEFAULT_SELF_REF = {
    "COMPANY": "notre entreprise",
    "PUBLIC_BODY": "notre service",
    "ASSOCIATION": "notre association",
    "QUALIFYING_SCHOOL": "notre école",
    "SOCIAL_PROMOTION": "notre établissement",
    "IFAPME": "notre centre",
    "FOREM": "notre centre",
    "COMPETENCE_CENTRE": "notre centre",
    "CTA": "notre CTA",
    "INSERTION_BODY": "notre centre",
}


def ordered_audiences(items) -> list[str]:
    chosen = [a for a in AUDIENCES if a in items]
    if not 1 <= len(chosen) <= 4:
        raise SystemExit(f"bad audience list {items}")
    return chosen


class OfferFactory:
    def __init__(self, rng: random.Random, meta: dict):
        self.rng = rng
        self.meta = meta
        self.seen_descriptions = set()

    # -- helpers --------------------------------------------------------
    def self_ref(self, code: str) -> str:
        m = self.meta[code]
        return m["self_ref"] or DEFAULT_SELF_REF[m["kind"]]

    def tinfo(self, code: str, trade: str) -> dict:
        """The trade vocabulary, with the operator's overrides applied."""
        info = dict(TRADES[trade])
        info.update(self.meta[code]["overrides"].get(trade, {}))
        return info

    def extra_trades(self, code: str, trade: str) -> list[str]:
        rng = self.rng
        trades = [trade]
        related = [t for t in RELATED_TRADES[trade] if t in self.meta[code]["trades"]]
        if related and rng.random() < 0.3:
            trades.append(rng.choice(related))
        return trades

    def unique_description(self, build) -> str:
        for _ in range(50):
            text = build()
            if text not in self.seen_descriptions:
                self.seen_descriptions.add(text)
                return text
        raise SystemExit("could not produce a unique description: add template variety")

    def base(self, code: str, kind: str, status: str) -> dict:
        return dict(
            key=None, operator=code, site=self.rng.choice(self.meta[code]["sites"]), kind=kind, status=status,
            title=None, description=None, trades=None, audiences=None, startDate=None, endDate=None,
            places=None, recruitmentState="OPEN", updatedAt=None,
            training=None, internship=None, job=None, discovery=None,
        )

    # -- TRAINING --------------------------------------------------------
    def training(self, code: str, trade: str, status: str, archived_short: bool = False) -> dict:
        rng, m = self.rng, self.meta[code]
        kind = m["kind"]
        progs = [p for p in m["programmes"] if trade in p["trades"]]
        if archived_short:
            progs = [p for p in progs if p["short"]] or progs
        prog = rng.choice(progs)
        pdef = PROGRAMMES[prog["key"]]
        t = self.tinfo(code, trade)
        tasks_pool = pdef.get("tasks") or t["tasks"]
        o = self.base(code, "TRAINING", status)
        modality = prog["modality"]
        hours = prog["hours"] or prog["catalogue_hours"]
        short = prog["short"] or hours <= 105

        # dates and title suffix
        if kind in ("QUALIFYING_SCHOOL", "IFAPME"):
            if kind == "QUALIFYING_SCHOOL":
                years = [(dt.date(2026, 9, 1), dt.date(2027, 6, 30)), (dt.date(2027, 9, 1), dt.date(2028, 6, 30))]
            else:
                years = [(dt.date(2026, 9, 7), dt.date(2027, 6, 25)), (dt.date(2027, 9, 6), dt.date(2028, 6, 30))]
            start, end = years[0] if rng.random() < 0.35 else years[1]
            if kind == "IFAPME":
                suffix = rng.choice([f"apprentissage, rentrée de septembre {start.year}",
                                     f"en alternance, année {start.year}-{start.year + 1}"])
            else:
                suffix = rng.choice([f"année scolaire {start.year}-{start.year + 1}",
                                     f"rentrée de septembre {start.year}"])
        else:
            if archived_short:
                start = monday_between(rng, dt.date(2026, 9, 7), dt.date(2026, 10, 12))
            elif kind == "SOCIAL_PROMOTION" and not short:
                start = rng.choice([dt.date(2026, 9, 14), dt.date(2027, 2, 1), dt.date(2027, 2, 1),
                                    dt.date(2027, 9, 13), dt.date(2027, 9, 13)])
            else:
                start = monday_between(rng, dt.date(2026, 11, 30), dt.date(2027, 9, 27))
            if short:
                if modality == "DISTANCE":
                    end = start + dt.timedelta(weeks=rng.choice([3, 4, 6]), days=-3)
                elif modality == "BLENDED":
                    end = start + dt.timedelta(weeks=max(1, math.ceil(hours / 14)), days=-3)
                else:
                    end = add_workdays(start, max(1, math.ceil(hours / 7)) - 1)
            else:
                weekly = {"FULL_TIME": 30 if kind != "INSERTION_BODY" else 28, "BLENDED": 25,
                          "EVENING": 10, "DISTANCE": 8, "ALTERNANCE": 14}[modality]
                weeks = max(6, min(40, math.ceil(hours / weekly)))
                end = start + dt.timedelta(weeks=weeks, days=-3)
            month = MONTHS[start.month - 1]
            day = "1er" if start.day == 1 else str(start.day)
            if modality == "EVENING":
                suffix = f"cours du soir, rentrée {de(month)} {start.year}"
            elif modality == "DISTANCE":
                suffix = f"formation à distance, session {de(month)} {start.year}"
            elif short:
                suffix = rng.choice([f"module du {day} {month} {start.year}", f"session {de(month)} {start.year}"])
            else:
                suffix = rng.choice([f"session {de(month)} {start.year}", f"session {de(month)}",
                                     f"démarrage le {day} {month} {start.year}"])
        o["title"] = f"{pdef['title']} — {suffix}"
        o["startDate"], o["endDate"] = start.isoformat(), end.isoformat()

        # schedule
        if kind == "QUALIFYING_SCHOOL":
            sched_key = "ALTERNANCE_CEFA" if m["cefa"] else "SCHOOL"
        elif kind == "IFAPME":
            sched_key = "ALTERNANCE_IFAPME"
        elif modality == "FULL_TIME" and short:
            sched_key = "SHORT"
        else:
            sched_key = modality
        schedule, t_start, t_end, weekdays = rng.choice(SCHEDULES[sched_key])
        o["training"] = dict(programme=prog["key"], schedule=schedule, dailyStartTime=t_start, dailyEndTime=t_end)
        if weekdays:
            o["training"]["weekdays"] = list(weekdays)

        # trades: the requested one first, then possibly the programme's other trade
        others = [x for x in pdef["trades"] if x != trade]
        o["trades"] = [trade] + (others[:1] if others and rng.random() < 0.6 else [])
        o["audiences"] = self.training_audiences(code)
        if kind == "QUALIFYING_SCHOOL":
            o["places"] = rng.choice([12, 14, 16, 18, 20, 24])
        elif kind in ("COMPETENCE_CENTRE", "CTA"):
            o["places"] = rng.choice([6, 8, 8, 10, 12])
        elif modality == "DISTANCE":
            o["places"] = rng.choice([None, 20, 25])
        else:
            o["places"] = rng.choice([8, 10, 10, 12, 12, 14, 15, 16])

        metier = low(pdef["title"])
        if kind == "QUALIFYING_SCHOOL" and m["cefa"]:
            pool = KIND_TRAINING_SENTENCES["CEFA"]
        elif kind == "QUALIFYING_SCHOOL" and m["special"]:
            pool = KIND_TRAINING_SENTENCES["SPECIAL"]
        else:
            pool = KIND_TRAINING_SENTENCES[kind]

        def build():
            tasks = rng.sample(tasks_pool, 3)
            objective = "Objectif : " + low(pdef["objective"].split(". ")[0].rstrip(".")) + "."
            if short:
                s1 = rng.choice([
                    f"Ce module de {hours} heures s'adresse aux personnes qui travaillent ou se forment dans {t['domain']}.",
                    f"Module court « {pdef['title']} », ouvert aux professionnel·le·s comme aux apprenant·e·s.",
                    f"Une formation courte pour actualiser ses compétences dans {t['domain']}.",
                ])
                s4 = rng.choice(GENERIC_TRAINING_SENTENCES[:4] + GENERIC_TRAINING_SENTENCES[5:])
            else:
                s1 = rng.choice([
                    f"Cette formation prépare au métier {de(metier)} : vous apprendrez à {tasks[0]} et à {tasks[1]}.",
                    f"Vous apprendrez à {tasks[0]}, à {tasks[1]} et à {tasks[2]}.",
                    f"Au programme : {join_fr(tasks)}.",
                    f"Formation qualifiante {de(metier)} : {tasks[0]}, {tasks[1]} et bien plus encore.",
                ])
                s4 = rng.choice(GENERIC_TRAINING_SENTENCES + [f"Les stages se déroulent {rng.choice(t['contexts'])}."])
            s3 = rng.choice(pool)
            shape = rng.choice(["13", "123", "134", "1234", "23", "234", "314"])
            parts = {"1": s1, "2": objective, "3": s3, "4": s4}
            return " ".join(parts[c] for c in shape)

        o["description"] = self.unique_description(build)
        return o

    def training_audiences(self, code: str) -> list[str]:
        rng, m = self.rng, self.meta[code]
        kind = m["kind"]
        if kind == "QUALIFYING_SCHOOL":
            if m["cefa"]:
                aud = ["SECONDARY_ALTERNANCE"]
            elif m["special"]:
                aud = ["SPECIAL_EDUCATION"]
            else:
                aud = ["SECONDARY_QUALIFYING"]
        elif kind == "SOCIAL_PROMOTION":
            aud = ["SOCIAL_PROMOTION"] + (["JOB_SEEKERS"] if rng.random() < 0.6 else [])
        elif kind == "IFAPME":
            aud = ["IFAPME_LEARNERS"] + (["JOB_SEEKERS"] if rng.random() < 0.3 else [])
        elif kind == "FOREM":
            aud = ["JOB_SEEKERS"] + (["LOW_QUALIFIED_ADULTS"] if rng.random() < 0.35 else [])
        elif kind == "COMPETENCE_CENTRE":
            aud = ["JOB_SEEKERS"] + rng.sample(
                ["TEACHERS_TRAINERS", "SECONDARY_QUALIFYING", "IFAPME_LEARNERS", "SOCIAL_PROMOTION"], rng.randint(1, 3))
        elif kind == "CTA":
            aud = ["SECONDARY_QUALIFYING"] + rng.sample(
                ["TEACHERS_TRAINERS", "JOB_SEEKERS", "SECONDARY_ALTERNANCE", "SOCIAL_PROMOTION"], rng.randint(1, 3))
        else:  # INSERTION_BODY
            aud = ["LOW_QUALIFIED_ADULTS", "JOB_SEEKERS"]
        return ordered_audiences(aud)

    # -- INTERNSHIP ------------------------------------------------------
    def internship(self, code: str, trade: str, status: str) -> dict:
        rng = self.rng
        t = self.tinfo(code, trade)
        o = self.base(code, "INTERNSHIP", status)
        place = self.meta[code]["site_places"][o["site"]]
        weeks = rng.choice([2, 3, 4, 4, 4, 6, 6, 8, 10, 12])
        while True:
            start = monday_between(rng, dt.date(2027, 1, 11), dt.date(2027, 12, 20) - dt.timedelta(weeks=weeks))
            if not (start.month == 7 or (start.month == 8 and start.day < 16)):
                break
        end = start + dt.timedelta(weeks=weeks, days=-3)
        o["startDate"], o["endDate"] = start.isoformat(), end.isoformat()
        o["places"] = rng.choice([1, 1, 2, 2, 3, 4])
        day = "1er" if start.day == 1 else str(start.day)
        period = rng.choice([f"à partir du {day} {MONTHS[start.month - 1]}", f"{weeks} semaines",
                             f"printemps {start.year}" if 3 <= start.month <= 5 else f"{MONTHS[start.month - 1]} {start.year}"])
        o["title"] = f"{rng.choice(t['stage_titles'])} ({period})"
        o["trades"] = self.extra_trades(code, trade)
        pool = ["SECONDARY_QUALIFYING", "SECONDARY_ALTERNANCE", "SOCIAL_PROMOTION", "JOB_SEEKERS"]
        if trade not in SERVICE_TRADES:  # IFAPME trains for construction and technical trades here
            pool.append("IFAPME_LEARNERS")
        if trade in ("nettoyage-locaux", "services-domestiques", "peinture-batiment", "menuiserie", "polyvalent-hospitalier"):
            pool += ["SPECIAL_EDUCATION", "LOW_QUALIFIED_ADULTS"]
        o["audiences"] = ordered_audiences(rng.sample(pool, rng.randint(1, 3)))
        profile = rng.choice(t["profiles"])
        if rng.random() < 0.5:
            profile += " " + rng.choice([
                "Une courte lettre de motivation est demandée.",
                "Le stage peut être adapté pour un public de l'enseignement spécialisé." if "SPECIAL_EDUCATION" in o["audiences"]
                else "Une visite préalable du lieu de stage est proposée.",
                "Une connaissance du français suffisante pour comprendre les consignes de sécurité est nécessaire.",
            ])
        o["internship"] = dict(expectedProfile=profile, durationWeeks=weeks)
        self_ref = self.self_ref(code)
        n = o["places"]
        who = "un·e stagiaire" if n == 1 else f"{['', '', 'deux', 'trois', 'quatre'][n]} stagiaires"
        slots = "une place de stage" if n == 1 else f"{['', '', 'deux', 'trois', 'quatre'][n]} places de stage"
        field = f"dans le domaine {de_art(t['domain'])}"

        def build():
            tasks = rng.sample(t["tasks"], 2)
            s1 = rng.choice([
                f"{cap(self_ref)} accueille {who} {field}, à {place}.",
                f"{cap(self_ref)} propose {slots} de {weeks} semaines {field}, à {place}.",
                f"Vous cherchez un stage {field} ? {cap(self_ref)} accueille {who} à {place}.",
                f"À {place}, {self_ref} ouvre {slots} pour découvrir le métier {de(t['metier'])} sur le terrain.",
            ])
            s2 = rng.choice([
                f"Encadré·e par un·e tuteur·rice expérimenté·e, le ou la stagiaire apprendra à {tasks[0]} et à {tasks[1]}.",
                f"Au quotidien, il s'agira de participer aux tâches de l'équipe : {tasks[0]}, puis {tasks[1]}.",
                f"Le stage permet d'apprendre à {tasks[0]} aux côtés de professionnel·le·s du métier.",
            ])
            extra = rng.sample(INTERNSHIP_LOGISTICS, 2)
            room = 4 - count_sentences(s1) - 1
            k = min(room, rng.choice([0, 1, 1, 2]))
            return " ".join([s1, s2] + extra[:k])

        o["description"] = self.unique_description(build)
        return o

    # -- JOB -------------------------------------------------------------
    def job(self, code: str, trade: str, status: str) -> dict:
        rng = self.rng
        t = self.tinfo(code, trade)
        o = self.base(code, "JOB", status)
        place = self.meta[code]["site_places"][o["site"]]
        # no apprenticeship contracts in the care trades (adult, certified jobs)
        no_apprentice = trade in ("assistance-adultes", "polyvalent-hospitalier", "soins-hygiene-confort")
        contract = rng.choices(CONTRACT_TYPES, weights=[40, 22, 12, 0 if no_apprentice else 14, 12])[0]
        alternance = "en CEFA" if trade in SERVICE_TRADES else "en CEFA ou à l'IFAPME"
        part_time_prone = trade in ("nettoyage-locaux", "services-domestiques", "assistance-adultes",
                                    "polyvalent-hospitalier", "soins-hygiene-confort")
        if contract == "APPRENTICESHIP":
            working = "FULL_TIME"
        elif contract == "STUDENT":
            working = rng.choice(["FULL_TIME", "PART_TIME"])
        elif part_time_prone:
            working = "PART_TIME" if rng.random() < 0.45 else "FULL_TIME"
        else:
            working = "PART_TIME" if rng.random() < 0.08 else "FULL_TIME"
        start = end = None
        months = None
        if contract == "PERMANENT":
            if rng.random() < 0.5:
                start = monday_between(rng, dt.date(2027, 1, 4), dt.date(2027, 6, 28))
        elif contract == "FIXED_TERM":
            start = monday_between(rng, dt.date(2027, 1, 4), dt.date(2027, 9, 27))
            months = rng.choice([3, 6, 6, 9, 12])
            y, mo = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
            end = dt.date(y, mo, 1) - dt.timedelta(days=1)
        elif contract == "TEMPORARY":
            start = monday_between(rng, dt.date(2027, 1, 4), dt.date(2027, 10, 25))
            end = start + dt.timedelta(weeks=rng.choice([2, 4, 6, 8]), days=-3)
        elif contract == "STUDENT":
            start = rng.choice([dt.date(2027, 7, 1), dt.date(2027, 7, 5), dt.date(2027, 7, 19), dt.date(2027, 8, 2)])
            end = min(start + dt.timedelta(weeks=rng.choice([2, 3, 4]), days=-1), dt.date(2027, 8, 31))
        else:  # APPRENTICESHIP
            start = rng.choice([dt.date(2027, 9, 1), dt.date(2027, 9, 6)])
        o["startDate"] = start.isoformat() if start else None
        o["endDate"] = end.isoformat() if end else None
        o["places"] = rng.choice([1, 1, 1, 2, 2, 3, None])

        base_title = rng.choice(t["job_titles"])
        person = low(base_title.split(" — ")[0])
        if contract == "STUDENT":
            o["title"] = rng.choice([f"Job étudiant : renfort en {t['section']} (été 2027)",
                                     f"Job étudiant d'été 2027 — renfort en {t['section']}"])
        elif contract == "APPRENTICESHIP":
            o["title"] = f"Apprenti·e {person} (contrat d'alternance)"
        else:
            qualifier = {"PERMANENT": "CDI", "FIXED_TERM": "CDD", "TEMPORARY": "intérim"}[contract]
            o["title"] = f"{base_title} ({qualifier}{', temps partiel' if working == 'PART_TIME' else ''})"
        o["trades"] = self.extra_trades(code, trade)
        if contract == "STUDENT":
            aud = ["SECONDARY_QUALIFYING"] + (["SOCIAL_PROMOTION"] if rng.random() < 0.4 else [])
        elif contract == "APPRENTICESHIP":
            aud = (["SECONDARY_ALTERNANCE"] if trade in SERVICE_TRADES
                   else rng.sample(["SECONDARY_ALTERNANCE", "IFAPME_LEARNERS"], rng.randint(1, 2)))
        else:
            aud = ["JOB_SEEKERS"]
            if trade in ("nettoyage-locaux", "services-domestiques", "polyvalent-hospitalier") and rng.random() < 0.6:
                aud.append("LOW_QUALIFIED_ADULTS")
            if rng.random() < 0.3:
                aud.append("SOCIAL_PROMOTION")
        o["audiences"] = ordered_audiences(aud)
        if contract == "STUDENT":
            requirements = "Être étudiant·e et avoir au moins 16 ans ; une première expérience n'est pas nécessaire."
        elif contract == "APPRENTICESHIP":
            requirements = f"Être inscrit·e dans une formation en alternance {alternance} dans le métier."
        else:
            requirements = rng.choice(t["requirements"]) if rng.random() < 0.8 else None
        o["job"] = dict(contractType=contract, workingTime=working, requirements=requirements)
        self_ref = self.self_ref(code)
        wt = "à temps partiel" if working == "PART_TIME" else "à temps plein"

        def build():
            tasks = rng.sample(t["tasks"], 3)
            if contract == "STUDENT":
                s1 = rng.choice([
                    f"Pour l'été 2027, {self_ref} engage un·e étudiant·e jobiste en renfort de son équipe {de(place)}.",
                    f"Job d'été à {place} : {self_ref} cherche un·e étudiant·e motivé·e pour épauler ses équipes.",
                ])
                s2 = f"Sous la responsabilité d'un·e professionnel·le, vous aiderez l'équipe à {tasks[0]} et à {tasks[1]}."
            elif contract == "APPRENTICESHIP":
                s1 = rng.choice([
                    f"{cap(self_ref)} forme un·e apprenti·e {person} à {place}.",
                    f"Place d'apprentissage {de(person)} à pourvoir à {place}.",
                ])
                s2 = f"Aux côtés de votre tuteur ou tutrice, vous apprendrez à {tasks[0]} et à {tasks[1]}."
            else:
                s1 = rng.choice([
                    f"Pour renforcer son équipe {de(place)}, {self_ref} engage un·e {person}.",
                    f"{cap(self_ref)} recherche un·e {person} {wt} pour son site {de(place)}.",
                    f"Vous êtes {t['metier']} ou vous sortez de formation ? {cap(self_ref)} vous attend à {place}.",
                    f"Poste {de(person)} à pourvoir à {place}, {wt}.",
                ])
                s2 = rng.choice([
                    f"Vos missions : {join_fr(tasks)}.",
                    f"Vous serez chargé·e {de(tasks[0])} et {de(tasks[1])}.",
                    f"Au quotidien, il s'agira {de(tasks[0])}, {de(tasks[1])} et {de(tasks[2])}.",
                ])
            if contract == "PERMANENT":
                s3 = rng.choice(["Nous proposons un contrat à durée indéterminée après une période d'accueil.",
                                 "Contrat à durée indéterminée, avec de réelles perspectives d'évolution."])
            elif contract == "FIXED_TERM":
                s3 = rng.choice([f"Contrat à durée déterminée de {months} mois, avec possibilité de prolongation.",
                                 f"Remplacement de {months} mois dans le cadre d'un contrat à durée déterminée."])
            elif contract == "TEMPORARY":
                s3 = "Mission intérimaire de quelques semaines, renouvelable selon l'activité."
            elif contract == "STUDENT":
                s3 = "Job étudiant pendant les vacances d'été, dans le respect des règles du travail étudiant."
            else:
                s3 = (f"Contrat d'alternance pour un·e apprenant·e inscrit·e {alternance}, "
                      "avec un tuteur ou une tutrice dans l'entreprise.")
            parts = [s1, s2, s3]
            if sum(count_sentences(p) for p in parts) < 4 and rng.random() < 0.6:
                parts.append(rng.choice(JOB_BENEFITS))
            return " ".join(parts)

        o["description"] = self.unique_description(build)
        return o

    # -- DISCOVERY -------------------------------------------------------
    DISCOVERY_FORMATS_BY_KIND = {
        "QUALIFYING_SCHOOL": ["TRADE_TRIAL", "TRADE_TRIAL", "OPEN_DAY", "WORKSHOP"],
        "SOCIAL_PROMOTION": ["OPEN_DAY", "WORKSHOP"],
        "IFAPME": ["TRADE_TRIAL", "OPEN_DAY", "WORKSHOP"],
        "FOREM": ["TRADE_TRIAL", "TRADE_TRIAL", "WORKSHOP"],
        "COMPETENCE_CENTRE": ["TRADE_TRIAL", "WORKSHOP", "OPEN_DAY"],
        "CTA": ["TRADE_TRIAL", "WORKSHOP"],
        "INSERTION_BODY": ["TRADE_TRIAL", "WORKSHOP"],
        "COMPANY": ["COMPANY_VISIT", "COMPANY_VISIT", "COMPANY_VISIT", "OPEN_DAY"],
        "PUBLIC_BODY": ["COMPANY_VISIT", "COMPANY_VISIT", "WORKSHOP"],
        "ASSOCIATION": ["COMPANY_VISIT", "WORKSHOP"],
    }

    def discovery(self, code: str, trade: str, status: str) -> dict:
        rng, m = self.rng, self.meta[code]
        t = self.tinfo(code, trade)
        o = self.base(code, "DISCOVERY", status)
        employer = m["kind"] in EMPLOYER_KINDS
        fmt = rng.choice(self.DISCOVERY_FORMATS_BY_KIND[m["kind"]])
        if fmt == "TRADE_TRIAL":
            capacity, hours = rng.randint(8, 16), rng.choice([3, 3, 4, 6])
            aud = rng.sample(["PRIMARY_UPPER", "SECONDARY_FIRST_DEGREE", "JOB_SEEKERS", "LOW_QUALIFIED_ADULTS"],
                             rng.randint(1, 2))
        elif fmt == "COMPANY_VISIT":
            capacity, hours = rng.randint(10, 25), rng.choice([2, 2, 3])
            aud = rng.sample(["SECONDARY_FIRST_DEGREE", "SECONDARY_QUALIFYING", "JOB_SEEKERS", "TEACHERS_TRAINERS"],
                             rng.randint(1, 3))
        elif fmt == "WORKSHOP":
            capacity, hours = rng.randint(8, 20), rng.choice([2, 2, 3])
            aud = rng.sample(["PRIMARY_UPPER", "SECONDARY_FIRST_DEGREE", "TEACHERS_TRAINERS"], rng.randint(1, 2))
        else:  # OPEN_DAY
            capacity, hours = rng.randint(15, 25), rng.choice([4, 5, 6])
            if m["kind"] in ("QUALIFYING_SCHOOL", "IFAPME"):
                aud = rng.sample(["PRIMARY_UPPER", "SECONDARY_FIRST_DEGREE"], rng.randint(1, 2))
            else:
                aud = rng.sample(["SECONDARY_FIRST_DEGREE", "JOB_SEEKERS", "TEACHERS_TRAINERS"], rng.randint(1, 2))
        o["audiences"] = ordered_audiences(aud)

        # a single day between 2026-12-01 and 2027-06-30, outside the Christmas break,
        # never on Sunday, on Saturday only for open days
        first, last = dt.date(2026, 12, 1), dt.date(2027, 6, 30)
        saturday = fmt == "OPEN_DAY" and rng.random() < 0.6
        while True:
            day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            if dt.date(2026, 12, 19) <= day <= dt.date(2027, 1, 3) or day.weekday() == 6:
                continue
            if (day.weekday() == 5) != saturday:
                continue
            break
        if fmt == "OPEN_DAY":
            start_h = rng.choice([9, 10]) if day.weekday() == 5 else rng.choice([9, 13])
        elif day.weekday() == 2 and "PRIMARY_UPPER" in o["audiences"]:
            start_h = 9
        else:
            start_h = rng.choice([9, 9, 10, 13])
        start_m = rng.choice([0, 0, 30])
        if start_h + hours > 17:
            start_h, start_m = 9, 0
        end_h = start_h + hours
        o["startDate"] = o["endDate"] = day.isoformat()
        o["places"] = capacity
        o["discovery"] = dict(format=fmt, capacity=capacity, durationHours=hours)

        metier = t["metier"]
        if fmt == "TRADE_TRIAL":
            o["title"] = rng.choice([f"Essai métier : {cap(metier)}", f"Essai métier en {t['section']}",
                                     f"Découvrir le métier {de(metier)} : essai pratique"])
        elif fmt == "COMPANY_VISIT":
            prefix = "Visite d'entreprise" if m["kind"] == "COMPANY" else "Visite"
            o["title"] = f"{prefix} : {rng.choice(t['visit_topics'])}"
        elif fmt == "WORKSHOP":
            o["title"] = f"Atelier découverte — {rng.choice(t['workshop_topics'])}"
        else:
            o["title"] = rng.choice([f"Journée portes ouvertes : {t['section']}", f"Portes ouvertes — {cap(t['section'])}"])
        o["trades"] = self.extra_trades(code, trade)
        when = f"le {fr_date(day)}, de {fr_time(start_h, start_m)} à {fr_time(end_h, start_m)}"
        self_ref = self.self_ref(code)
        of_domain = de_art(t["domain"])

        def build():
            act = rng.choice(t["activities"])
            if fmt == "TRADE_TRIAL":
                s1 = rng.choice([
                    f"Pendant {hours} heures, les participant·e·s essaient concrètement le métier {de(metier)} : au programme, {act}.",
                    f"Un essai métier pour mettre la main à la pâte : {act}, avec l'aide de formateur·rice·s du secteur.",
                ])
                s2 = rng.choice([
                    "Les équipements de protection sont fournis et aucun prérequis n'est demandé.",
                    "Les groupes sont volontairement réduits pour que chacun·e puisse pratiquer.",
                    "L'activité se termine par un échange sur les formations qui mènent au métier.",
                ])
            elif fmt == "COMPANY_VISIT":
                s1 = rng.choice([
                    f"{cap(self_ref)} ouvre ses portes pour faire découvrir le métier {de(metier)} au quotidien.",
                    f"Visite guidée de {self_ref} : les visiteur·euse·s rencontrent des professionnel·le·s {of_domain}.",
                ])
                s2 = rng.choice([
                    "Les professionnel·le·s présentent leur parcours et répondent aux questions sur les formations et les stages.",
                    f"Une démonstration est prévue : {act}.",
                    "La visite est adaptée à l'âge des participant·e·s et respecte les règles de sécurité du site.",
                ])
            elif fmt == "WORKSHOP":
                s1 = rng.choice([
                    f"Atelier pratique et ludique autour {of_domain} : {act}.",
                    f"Un atelier pour découvrir {t['domain']} en faisant : {act}.",
                ])
                s2 = rng.choice([
                    "Idéal pour une classe de 5e-6e primaire ou du premier degré, accompagnée de son enseignant·e.",
                    "Un dossier pédagogique est remis aux enseignant·e·s et formateur·rice·s présent·e·s.",
                    "Chaque participant·e repart avec sa réalisation.",
                ])
            elif employer:
                s1 = rng.choice([
                    f"Journée portes ouvertes : {self_ref} présente ses métiers, ses équipes et ses possibilités de stage.",
                    f"Venez découvrir les coulisses de {self_ref} et le métier {de(metier)} lors de notre journée portes ouvertes.",
                ])
                s2 = rng.choice([
                    f"Les visiteur·euse·s peuvent assister à une démonstration : {act}.",
                    "Les familles sont les bienvenues ; nos équipes répondent à toutes les questions sur l'emploi et les stages.",
                ])
            else:
                s1 = rng.choice([
                    f"Journée portes ouvertes de la section {t['section']} : ateliers ouverts, démonstrations et rencontres avec les élèves et les formateur·rice·s.",
                    f"Venez découvrir nos ateliers ({t['section']}) et les formations qui mènent au métier {de(metier)}.",
                ])
                s2 = rng.choice([
                    f"Les visiteur·euse·s peuvent essayer : {act}.",
                    "Les familles sont les bienvenues ; des conseiller·ère·s d'orientation seront présent·e·s.",
                ])
            s3 = f"Rendez-vous {when}."
            s4 = rng.choice(["Inscription gratuite mais obligatoire.", "Inscription par groupe-classe ou individuelle.",
                             "Places limitées, inscription souhaitée une semaine à l'avance."])
            parts = [s1, s2, s3] + ([s4] if rng.random() < 0.6 else [])
            return " ".join(parts)

        o["description"] = self.unique_description(build)
        return o

    def make(self, code: str, trade: str, kind: str, status: str, **kw) -> dict:
        return {"TRAINING": self.training, "INTERNSHIP": self.internship, "JOB": self.job,
                "DISCOVERY": self.discovery}[kind](code, trade, status, **kw)


# --------------------------------------------------------------------------
# Offer plan
# --------------------------------------------------------------------------

PUBLISHED_BASE = {"TRAINING": 6, "INTERNSHIP": 5, "JOB": 5, "DISCOVERY": 5}
N_DRAFT = 15
N_ARCHIVED = 15


def eligible(meta: dict, trade: str, kind: str, short_only: bool = False) -> list[str]:
    codes = []
    for code in sorted(meta):
        m = meta[code]
        if m["kind"] not in OFFER_KIND_OPERATORS[kind] or trade not in m["trades"]:
            continue
        if short_only and not any(p["short"] and trade in p["trades"] for p in m["programmes"]):
            continue
        codes.append(code)
    return codes


def build_offers(rng: random.Random, meta: dict) -> list[dict]:
    factory = OfferFactory(rng, meta)
    usage = {code: 0 for code in sorted(meta)}

    def pick(codes: list[str]) -> str:
        low_use = min(usage[c] for c in codes)
        c = rng.choice([c for c in codes if usage[c] == low_use])
        usage[c] += 1
        return c

    offers = []
    for trade in TRADE_CODES:
        for kind in OFFER_KINDS:
            codes = eligible(meta, trade, kind)
            if len(codes) < 2:
                raise SystemExit(f"not enough operators for {trade} × {kind}: {codes}")
            n = PUBLISHED_BASE[kind] + rng.randint(0, 1)
            for _ in range(n):
                offers.append(factory.make(pick(codes), trade, kind, "PUBLISHED"))

    # drafts: any trade and kind
    for _ in range(N_DRAFT):
        trade, kind = rng.choice(TRADE_CODES), rng.choice(OFFER_KINDS)
        o = factory.make(pick(eligible(meta, trade, kind)), trade, kind, "DRAFT")
        o["updatedAt"] = random_updated_at(rng, dt.datetime(2026, 11, 9, 0, 0, 0))
        offers.append(o)

    # archived: short past training sessions, filled jobs, allocated internships
    archived_plan = ["TRAINING"] * 8 + ["JOB"] * 4 + ["INTERNSHIP"] * 3
    for kind in archived_plan:
        while True:
            trade = rng.choice(TRADE_CODES)
            codes = eligible(meta, trade, kind, short_only=(kind == "TRAINING"))
            if codes:
                break
        code = pick(codes)
        if kind == "TRAINING":
            # a short session that took place in September-November 2026
            while True:
                o = factory.training(code, trade, "ARCHIVED", archived_short=True)
                end = dt.date.fromisoformat(o["endDate"])
                if end <= dt.date(2026, 11, 20):
                    break
            o["updatedAt"] = random_updated_at(rng, dt.datetime(end.year, end.month, end.day, 0, 0, 0)
                                               + dt.timedelta(days=1))
            o["description"] = trim_to_sentences(o["description"], 3) + " Session terminée."
        elif kind == "JOB":
            o = factory.job(code, trade, "ARCHIVED")
            o["description"] = trim_to_sentences(o["description"], 3) + " Offre clôturée : le poste a été pourvu."
        else:
            o = factory.internship(code, trade, "ARCHIVED")
            o["description"] = trim_to_sentences(o["description"], 3)
            o["description"] += " Offre clôturée : les places de stage ont été attribuées."
        o["recruitmentState"] = "CLOSED"
        offers.append(o)

    for o in offers:
        if o["updatedAt"] is None:
            o["updatedAt"] = random_updated_at(rng)

    # recruitment states: about 10 % CLOSED and 10 % SUSPENDED overall
    total = len(offers)
    target_closed = round(total * 0.10)
    target_suspended = round(total * 0.10)
    candidates = [i for i, o in enumerate(offers) if o["status"] == "PUBLISHED"]
    already_closed = sum(1 for o in offers if o["recruitmentState"] == "CLOSED")
    chosen = rng.sample(candidates, (target_closed - already_closed) + target_suspended)
    for i in chosen[: target_closed - already_closed]:
        offers[i]["recruitmentState"] = "CLOSED"
    for i in chosen[target_closed - already_closed:]:
        offers[i]["recruitmentState"] = "SUSPENDED"

    # stable, readable order: operator code, kind, start date, title
    kind_rank = {k: i for i, k in enumerate(OFFER_KINDS)}
    offers.sort(key=lambda o: (o["operator"], kind_rank[o["kind"]], o["startDate"] or "9999-12-31", o["title"],
                               o["updatedAt"]))
    for i, o in enumerate(offers, 1):
        o["key"] = f"offer-{i:04d}"
    return offers


def trim_to_sentences(text: str, n: int) -> str:
    ends = [mt.end() for mt in re.finditer(r"[.!?](?=\s|$)", text)]
    if len(ends) <= n:
        return text
    return text[: ends[n - 1]]


# --------------------------------------------------------------------------
# Validation (fails loudly)
# --------------------------------------------------------------------------

def fail(msg: str):
    raise SystemExit("VALIDATION FAILED: " + msg)


def validate(data: dict, postcodes: dict, communes: dict) -> None:
    ops = data["operators"]
    codes = [o["code"] for o in ops]
    if len(set(codes)) != len(codes):
        fail("duplicate operator codes")
    op_by_code = {o["code"]: o for o in ops}
    for op in ops:
        c = op["code"]
        if not re.fullmatch(r"[a-z0-9-]{3,64}", c) or c.startswith("-") or c.endswith("-") or "--" in c:
            fail(f"bad operator code {c}")
        if op["kind"] not in OPERATOR_KINDS:
            fail(f"{c}: bad kind")
        d = op["description"]
        if not d.endswith(" Données de démonstration.") or not 1 <= count_sentences(d) <= 3:
            fail(f"{c}: bad description")
        if op["website"] is not None and not re.fullmatch(r"https://demo\.wapi-synergies\.example/[a-z0-9/-]+", op["website"]):
            fail(f"{c}: bad website")
        if op["email"] is not None and not re.fullmatch(r"[a-z]+@[a-z0-9-]+\.example", op["email"]):
            fail(f"{c}: bad email")
        if op["phone"] is not None and not re.fullmatch(r"\+32 (2 \d{3} \d{2} \d{2}|(56|68|69) \d{2} \d{2} \d{2})", op["phone"]):
            fail(f"{c}: bad phone {op['phone']}")
        if not op["sites"]:
            fail(f"{c}: no site")
        keys = [s["key"] for s in op["sites"]]
        if len(set(keys)) != len(keys):
            fail(f"{c}: duplicate site keys")
        for s in op["sites"]:
            if not re.fullmatch(r"[a-z0-9-]+", s["key"]):
                fail(f"{c}: bad site key")
            row = postcodes.get((s["postcode"], s["locality"]))
            if row is None:
                fail(f"{c}/{s['key']}: postcode/locality not in wapi-postcodes.csv")
            if round(s["lat"], 6) != s["lat"] or round(s["lon"], 6) != s["lon"]:
                fail(f"{c}/{s['key']}: more than 6 decimals")
            mp = communes[row["commune_nis"]]["multipolygon"]
            if not point_in_multipolygon(s["lon"], s["lat"], mp):
                fail(f"{c}/{s['key']}: point outside commune {row['commune']}")
            dist = distance_to_boundary_m(s["lon"], s["lat"], mp)
            if dist < MIN_BORDER_DISTANCE_M:
                fail(f"{c}/{s['key']}: only {dist:.0f} m from the boundary of {row['commune']}")
            kx = math.radians(1.0) * EARTH_RADIUS_M * math.cos(math.radians(float(row["latitude"])))
            ky = math.radians(1.0) * EARTH_RADIUS_M
            jitter = math.hypot((s["lon"] - float(row["longitude"])) * kx, (s["lat"] - float(row["latitude"])) * ky)
            if jitter > MAX_JITTER_M + 1:
                fail(f"{c}/{s['key']}: jitter {jitter:.0f} m")
            if not s["street"] or not re.search(r"\d+$", s["street"]):
                fail(f"{c}/{s['key']}: bad street")
        if op["kind"] in TRAINING_OPERATOR_KINDS:
            if not op["programmes"]:
                fail(f"{c}: training operator without programmes")
        elif op["programmes"]:
            fail(f"{c}: programmes on a non-training operator")
        pkeys = [p["key"] for p in op["programmes"]]
        if len(set(pkeys)) != len(pkeys):
            fail(f"{c}: duplicate programme keys")
        for p in op["programmes"]:
            if p["modality"] not in MODALITIES or not 1 <= count_sentences(p["objective"]) <= 2:
                fail(f"{c}/{p['key']}: bad programme")
            if p["durationHours"] is not None and (not isinstance(p["durationHours"], int) or p["durationHours"] < 1):
                fail(f"{c}/{p['key']}: bad durationHours")

    offers = data["offers"]
    for i, o in enumerate(offers, 1):
        k = o["key"]
        if k != f"offer-{i:04d}":
            fail(f"offer keys not sequential at {k}")
        op = op_by_code.get(o["operator"])
        if op is None:
            fail(f"{k}: unknown operator")
        if o["site"] not in [s["key"] for s in op["sites"]]:
            fail(f"{k}: unknown site")
        if o["kind"] not in OFFER_KINDS or o["status"] not in STATUSES or o["recruitmentState"] not in RECRUITMENT_STATES:
            fail(f"{k}: bad enum")
        if op["kind"] not in OFFER_KIND_OPERATORS[o["kind"]]:
            fail(f"{k}: {o['kind']} offer from a {op['kind']}")
        if not 2 <= count_sentences(o["description"]) <= 4:
            fail(f"{k}: description has {count_sentences(o['description'])} sentences: {o['description']}")
        if not 1 <= len(o["trades"]) <= 3 or len(set(o["trades"])) != len(o["trades"]) or any(
                t not in TRADE_CODES for t in o["trades"]):
            fail(f"{k}: bad trades")
        if not 1 <= len(o["audiences"]) <= 4 or len(set(o["audiences"])) != len(o["audiences"]) or any(
                a not in AUDIENCES for a in o["audiences"]):
            fail(f"{k}: bad audiences")
        sd = dt.date.fromisoformat(o["startDate"]) if o["startDate"] else None
        ed = dt.date.fromisoformat(o["endDate"]) if o["endDate"] else None
        if sd and ed and ed < sd:
            fail(f"{k}: endDate before startDate")
        if ed and not sd:
            fail(f"{k}: endDate without startDate")
        if o["places"] is not None and (not isinstance(o["places"], int) or o["places"] < 1):
            fail(f"{k}: bad places")
        ua = dt.datetime.strptime(o["updatedAt"], "%Y-%m-%dT%H:%M:%SZ")
        if not UPDATED_FROM <= ua <= UPDATED_TO:
            fail(f"{k}: updatedAt out of range")
        present = [name for name in ("training", "internship", "job", "discovery") if o[name] is not None]
        if present != [o["kind"].lower()]:
            fail(f"{k}: kind-specific blocks {present}")
        if o["kind"] == "TRAINING":
            tr = o["training"]
            prog = next((p for p in op["programmes"] if p["key"] == tr["programme"]), None)
            if prog is None:
                fail(f"{k}: unknown programme")
            if not (dt.date(2026, 9, 1) <= sd <= dt.date(2027, 9, 30)) or ed is None:
                fail(f"{k}: training dates")
            if (tr["dailyStartTime"] is None) != (tr["dailyEndTime"] is None):
                fail(f"{k}: half a daily time range")
            if tr["dailyStartTime"] is not None:
                for v in (tr["dailyStartTime"], tr["dailyEndTime"]):
                    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v):
                        fail(f"{k}: bad time {v}")
                if tr["dailyEndTime"] <= tr["dailyStartTime"]:
                    fail(f"{k}: end time not after start time")
            if o["status"] == "PUBLISHED" and ed < dt.date(2026, 11, 29):
                fail(f"{k}: published training already over")
        elif o["kind"] == "INTERNSHIP":
            w = o["internship"]["durationWeeks"]
            if not (sd and ed and sd.year == 2027 and ed.year == 2027):
                fail(f"{k}: internship not in 2027")
            if w is not None and not (2 <= w <= 12 and (ed - sd).days + 3 == 7 * w):
                fail(f"{k}: internship length")
            if not 1 <= count_sentences(o["internship"]["expectedProfile"]) <= 2:
                fail(f"{k}: expectedProfile")
        elif o["kind"] == "JOB":
            j = o["job"]
            if j["contractType"] not in CONTRACT_TYPES or j["workingTime"] not in WORKING_TIMES:
                fail(f"{k}: job enums")
            if sd and sd.year != 2027:
                fail(f"{k}: job start not in 2027")
            if ed and j["contractType"] not in ("FIXED_TERM", "TEMPORARY", "STUDENT"):
                fail(f"{k}: endDate on a {j['contractType']} job")
            if j["requirements"] is not None and count_sentences(j["requirements"]) != 1:
                fail(f"{k}: requirements")
        else:
            d = o["discovery"]
            if d["format"] not in DISCOVERY_FORMATS or not 8 <= d["capacity"] <= 25 or o["places"] != d["capacity"]:
                fail(f"{k}: discovery capacity/format")
            if sd != ed or not dt.date(2026, 12, 1) <= sd <= dt.date(2027, 6, 30):
                fail(f"{k}: discovery date")

    # coverage requirements
    published = [o for o in offers if o["status"] == "PUBLISHED"]
    if len(offers) < 360 or len(published) < 330:
        fail(f"not enough offers: {len(offers)} total, {len(published)} published")
    for t in TRADE_CODES:
        for kind in OFFER_KINDS:
            n = sum(1 for o in published if o["kind"] == kind and t in o["trades"])
            if n < 2:
                fail(f"only {n} published {kind} offers for {t}")
    kinds = [op["kind"] for op in ops]
    if len(ops) < 48 or any(kinds.count(k) < 3 for k in OPERATOR_KINDS):
        fail("not enough operators or kinds")
    covered = {postcodes[(s["postcode"], s["locality"])]["commune_nis"] for op in ops for s in op["sites"]}
    if len(covered) < 18:
        fail(f"only {len(covered)} communes covered")
    offer_text = " ".join(o["title"] + " " + o["description"] for o in offers)
    for word in ("Électricité", "menuiserie", "Menuisier·ère", "maçon", "peintre", "frigoriste", "mécanicien·ne"):
        if word not in offer_text:
            fail(f"vocabulary {word!r} missing from offer texts")
    used_ops = {o["operator"] for o in offers}
    unused = [c for c in codes if c not in used_ops]
    if unused:
        fail(f"operators without offers: {unused}")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def summary(data: dict, postcodes: dict, communes: dict) -> str:
    ops, offers = data["operators"], data["offers"]
    lines = [f"operators: {len(ops)}"]
    for k in OPERATOR_KINDS:
        lines.append(f"  {k:<18} {sum(1 for o in ops if o['kind'] == k)}")
    covered = {}
    for op in ops:
        for s in op["sites"]:
            nis = postcodes[(s["postcode"], s["locality"])]["commune_nis"]
            covered[nis] = covered.get(nis, 0) + 1
    lines.append(f"sites: {sum(len(o['sites']) for o in ops)}; communes covered: {len(covered)}/23")
    for nis in sorted(covered, key=lambda n: communes[n]["name"]):
        lines.append(f"  {communes[nis]['name']:<22} {covered[nis]} site(s)")
    missing = sorted(communes[n]["name"] for n in communes if n not in covered)
    lines.append(f"  not covered: {', '.join(missing) if missing else '-'}")
    lines.append(f"offers: {len(offers)}")
    for s in STATUSES:
        lines.append(f"  {s:<10} {sum(1 for o in offers if o['status'] == s)}")
    for s in RECRUITMENT_STATES:
        lines.append(f"  recruitment {s:<10} {sum(1 for o in offers if o['recruitmentState'] == s)}")
    lines.append("published offers per trade × kind (an offer counts for each of its trades):")
    lines.append(f"  {'trade':<24}" + "".join(f"{k:>11}" for k in OFFER_KINDS))
    published = [o for o in offers if o["status"] == "PUBLISHED"]
    for t in TRADE_CODES:
        row = [sum(1 for o in published if o["kind"] == k and t in o["trades"]) for k in OFFER_KINDS]
        lines.append(f"  {t:<24}" + "".join(f"{n:>11}" for n in row))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", help="directory holding postal-localities.csv + communes.geojson "
                                           "(or wapi-postcodes.csv + wapi-communes.geojson)")
    parser.add_argument("--output", default=str(Path(__file__).resolve().parent / "demo.json"))
    parser.add_argument("--quiet", action="store_true", help="do not print the summary")
    args = parser.parse_args(argv)

    csv_path, geojson_path = find_reference_files(args.data_dir)
    postcodes, communes = load_reference(csv_path, geojson_path)
    rng = random.Random(SEED)
    operators, meta = build_operators(rng, postcodes, communes)
    offers = build_offers(rng, meta)
    operators.sort(key=lambda o: o["code"])
    for op in operators:
        for s in op["sites"]:
            del s["_nis"]
    data = {"dataset": "wapi-demo", "version": 1, "operators": operators, "offers": offers}
    validate(data, postcodes, communes)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    Path(args.output).write_text(text, encoding="utf-8")
    if not args.quiet:
        print(summary(data, postcodes, communes))
        print(f"reference data: {csv_path}, {geojson_path}")
        print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
