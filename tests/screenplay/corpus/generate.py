"""The annotated breakdown corpus: original scripts written by this code, with their truth.

``python tests/screenplay/corpus/generate.py`` rewrites ``fr_la_digue.fountain``,
``en_low_water.fountain``, ``traps.fountain`` and ``truth.json`` beside this file. Each
sentence template carries what a first assistant director would tag in it (speaking cast
come from the cues); the traps script gathers what fooled the breakdown on real scripts
(camera directions and sound effects in capitals, verbs that are also nouns, "horse
costume", a name that is also a verb). The text is tournage's own.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
Truth = dict[str, list[str]]
# A sentence and what it holds: {category: [names]} (cast: non-speaking mentions).
Template = tuple[str, Truth]


FR_CAST = ["NADIA", "MARC", "LÉA", "JULIEN", "CAPITAINE ROUX", "SŒUR AGNÈS"]
FR_PLACES = [
    "INT. MAISON ÉCLUSIÈRE - CUISINE",
    "EXT. DIGUE DU TARN",
    "INT. MAIRIE - BUREAU DU MAIRE",
    "EXT. BERGE - PONTON",
    "INT. BAR DU PORT",
    "I/E VOITURE DE MARC",
    "EXT. FORÊT DE GRÉSIGNE",
    "INT. ÉCOLE - SALLE DE CLASSE",
    "EXT. PLACE DU MARCHÉ",
    "INT. HÔPITAL - COULOIR",
]
FR_TIMES = ["JOUR", "NUIT", "AUBE", "SOIR", "PLUS TARD", "CONTINU", "LE LENDEMAIN MATIN"]
FR_TEMPLATES: list[Template] = [
    ("{a} pose une tasse sur la table et regarde la rivière.", {"props": ["tasse"]}),
    ("{a} sort son téléphone et compose un numéro.", {"props": ["téléphone"]}),
    ("Un chien aboie derrière la clôture.", {"animals": ["chien"]}),
    ("{a} ouvre une valise pleine de lettres jaunies.", {"props": ["valise", "lettre"]}),
    ("Une FOULE de curieux se presse sur la digue.", {"extras": ["FOULE"]}),
    ("Des passants s'arrêtent pour regarder l'eau monter.", {"extras": ["passants"]}),
    ("Un SERVEUR (40 ans) essuie le comptoir sans un mot.", {"silhouettes": ["SERVEUR"]}),
    ("Une INFIRMIÈRE pousse un chariot dans le couloir.", {"silhouettes": ["INFIRMIÈRE"]}),
    ("{a} gare la camionnette devant le portail.", {"vehicles": ["camionnette"]}),
    (
        "Une voiture de police passe lentement, gyrophare éteint.",
        {"vehicles": ["voiture de police"]},
    ),
    ("{a} sort un pistolet du tiroir et le pose sur la table.", {"weapons": ["pistolet"]}),
    ("Le vent se lève. {a} remonte le col de son manteau.", {}),
    ("{a} prend une lampe de poche et descend à la cave.", {"props": ["lampe de poche"]}),
    ("Deux chevaux broutent au bord du chemin.", {"animals": ["chevaux"]}),
    ("Le vieux PÊCHEUR (70 ans) répare son filet sur le ponton.", {"silhouettes": ["PÊCHEUR"]}),
    ("{a} feuillette un carnet couvert de chiffres.", {"props": ["carnet"]}),
    ("{a} monte dans le bus sans se retourner.", {"vehicles": ["bus"]}),
    ("Un chat traverse la cour à toute allure.", {"animals": ["chat"]}),
    ("{a} range un couteau dans sa poche.", {"weapons": ["couteau"]}),
    ("Des clients discutent au fond de la salle.", {"extras": ["clients"]}),
    ("{a} regarde {b} sans répondre.", {}),
    ("{a} montre la photo à {b}.", {"props": ["photo"]}),
    ("Il pleut. {a} ferme la fenêtre et s'assoit.", {}),
    ("Un GENDARME (30 ans) note la plaque d'immatriculation.", {"silhouettes": ["GENDARME"]}),
    ("{a} allume une cigarette et fixe l'horizon.", {"props": ["cigarette"]}),
    ("La barque dérive lentement vers l'écluse.", {"vehicles": ["barque"]}),
    ("Des élèves rangent leurs affaires en silence.", {"extras": ["élèves"]}),
    ("{a} tend un billet à la caissière.", {"props": ["billet"]}),
    ("Un fusil est accroché au-dessus de la cheminée.", {"weapons": ["fusil"]}),
    ("{a} caresse un mouton qui s'est approché.", {"animals": ["mouton"]}),
]
FR_LINES = [
    "Tu n'aurais jamais dû revenir ici.",
    "L'eau monte plus vite que prévu.",
    "On ferme la vanne à six heures, pas une minute de plus.",
    "Je sais ce que j'ai vu cette nuit-là.",
    "Rentre. Il va faire nuit.",
    "Personne ne m'a prévenu.",
    "Tu crois que la digue tiendra ?",
    "Demande au capitaine, moi je n'en sais rien.",
]

EN_CAST = ["ANNA", "WILL", "ROSE", "DETECTIVE HALE", "OWEN", "MRS. PIKE"]
EN_PLACES = [
    "INT. LOCK KEEPER'S HOUSE - KITCHEN",
    "EXT. LEVEE ROAD",
    "INT. TOWN HALL - MAYOR'S OFFICE",
    "EXT. RIVERBANK - JETTY",
    "INT. HARBOR BAR",
    "INT. ANNA'S CAR - MOVING",
    "EXT. PINE FOREST",
    "INT. SCHOOL - CLASSROOM",
    "EXT. MARKET SQUARE",
    "INT. HOSPITAL - CORRIDOR",
]
EN_TIMES = ["DAY", "NIGHT", "DAWN", "DUSK", "LATER", "CONTINUOUS", "THE NEXT MORNING"]
EN_TEMPLATES: list[Template] = [
    ("{a} sets a mug on the table and stares at the river.", {"props": ["mug"]}),
    ("{a} pulls out a phone and dials.", {"props": ["phone"]}),
    ("A dog barks behind the fence.", {"animals": ["dog"]}),
    ("{a} opens a suitcase full of old letters.", {"props": ["suitcase", "letter"]}),
    ("A CROWD of onlookers gathers on the levee.", {"extras": ["CROWD", "onlookers"]}),
    ("Passersby stop to watch the water rise.", {"extras": ["passersby"]}),
    ("A WAITER (40s) wipes the counter without a word.", {"silhouettes": ["WAITER"]}),
    ("A NURSE pushes a cart down the corridor.", {"silhouettes": ["NURSE"]}),
    ("{a} parks the van by the gate.", {"vehicles": ["van"]}),
    ("A police car rolls past, lights off.", {"vehicles": ["police car"]}),
    ("{a} takes a pistol from the drawer and lays it on the table.", {"weapons": ["pistol"]}),
    ("The wind picks up. {a} turns up a collar against the cold.", {}),
    ("{a} grabs a flashlight and heads down to the cellar.", {"props": ["flashlight"]}),
    ("Two horses graze by the path.", {"animals": ["horse"]}),
    ("An old FISHERMAN (70s) mends his net on the jetty.", {"silhouettes": ["FISHERMAN"]}),
    ("{a} leafs through a notebook covered in figures.", {"props": ["notebook"]}),
    ("{a} climbs onto the bus without looking back.", {"vehicles": ["bus"]}),
    ("A cat darts across the yard.", {"animals": ["cat"]}),
    ("{a} slips a knife into a pocket.", {"weapons": ["knife"]}),
    ("Customers chat at the back of the room.", {"extras": ["customers"]}),
    ("{a} looks at {b} and says nothing.", {}),
    ("{a} watches {b} leave.", {}),
    ("It rains. {a} shuts the window and sits down.", {}),
    ("A DEPUTY (30s) writes down the license plate.", {"silhouettes": ["DEPUTY"]}),
    ("{a} lights a cigarette and stares at the horizon.", {"props": ["cigarette"]}),
    ("The rowboat drifts toward the lock.", {"vehicles": ["rowboat"]}),
    ("Students pack their things in silence.", {"extras": ["students"]}),
    ("{a} hands a ticket to the clerk.", {"props": ["ticket"]}),
    ("A rifle hangs above the fireplace.", {"weapons": ["rifle"]}),
    ("{a} checks the watch on the wrist. Late again.", {"props": ["watch"]}),
]
EN_LINES = [
    "You should never have come back here.",
    "The water's rising faster than they said.",
    "We close the gate at six. Not a minute later.",
    "I know what I saw that night.",
    "Go home. It's getting dark.",
    "Nobody told me.",
    "You think the levee will hold?",
    "Ask the detective. I don't know anything.",
]

# Traps: what fooled the breakdown on real scripts. The truth of each is what an AD tags.
TRAPS: list[Template] = [
    ("PUSH IN on {a}'s face.", {}),
    ("ANGLE ON the river. SINGLE SHOT of the jetty.", {}),
    ("CLOSE ON the letter. BACK TO SCENE.", {"props": ["letter"]}),
    ('SUPER: "Three days later"', {}),
    ("FLASH. LOOK UP: the sky is black. CHEERS from the bar.", {}),
    ("BANG! A door slams somewhere upstairs.", {"sound": ["BANG"]}),
    ("{a} watches the road. {b} watches too.", {}),
    ("He ducks under the rope.", {}),
    ("Snake-like roots twist along the bank.", {}),
    ("A kid in a horse costume runs past.", {}),
    ("They will wait. {a} will not.", {}),
    ("Her voice cracks.", {}),
    ("{a} cuts the rope with a cannon fuse.", {}),
    ("A cannon fires from the fort. The boom rolls over the water.", {"weapons": ["cannon"]}),
    ("A car skids and crashes into the barrier.", {"vehicles": ["car"]}),
    ("{a} drives fast. The engine roars.", {"sound": ["roar"]}),
    ("INTERCUT WITH the levee.", {}),
    ("POV - through the binoculars.", {}),
    ("TITLE CARD: THE FLOOD", {}),
    ("SMASH CUT TO:", {}),
]


def _truth(extra: Truth, cast: list[str]) -> Truth:
    found = {key: list(values) for key, values in extra.items()}
    if cast:
        found.setdefault("cast_mentions", []).extend(cast)
    return found


def _scene(
    rng: random.Random,
    number: int,
    heading: str,
    cast: list[str],
    templates: list[Template],
    lines: list[str],
    paragraphs: int = 5,
) -> tuple[str, dict[str, Any]]:
    parts = [f"{heading} #{number}#"]
    speaking: list[str] = []
    tags: dict[str, list[str]] = {}
    present = rng.sample(cast, 3)
    for _ in range(rng.randint(paragraphs - 1, paragraphs + 1)):
        template, truth = rng.choice(templates)
        a, b = rng.sample(present, 2)
        names = [name for slot, name in (("{a}", a), ("{b}", b)) if slot in template]
        parts.append(template.format(a=a.title(), b=b.title()))
        for key, values in _truth(truth, names).items():
            tags.setdefault(key, []).extend(v for v in values if v not in tags.get(key, []))
        for _ in range(rng.randint(1, 2)):
            speaker = rng.choice(present[:2])
            extension = rng.choice(["", "", "", " (V.O.)"])
            parts.append(f"{speaker}{extension}\n{' '.join(rng.sample(lines, 2))}")
            if speaker not in speaking:
                speaking.append(speaker)
    mentions = [n for n in tags.pop("cast_mentions", []) if n not in speaking]
    tags["cast"] = speaking + [n for n in dict.fromkeys(mentions)]
    return "\n\n".join(parts), {"number": str(number), "speaking": speaking, "tags": tags}


def script(
    title: str,
    places: list[str],
    times: list[str],
    cast: list[str],
    templates: list[Template],
    lines: list[str],
    scenes: int,
    seed: int,
) -> tuple[str, list[dict[str, Any]]]:
    rng = random.Random(seed)
    texts, truths = [], []
    for number in range(1, scenes + 1):
        heading = f"{rng.choice(places)} - {rng.choice(times)}"
        text, truth = _scene(rng, number, heading, cast, templates, lines)
        texts.append(text)
        truths.append(truth)
    body = "\n\n".join(texts)
    return f"Title: {title}\nAuthor: corpus tournage\n\n{body}\n", truths


def corpus() -> dict[str, tuple[str, list[dict[str, Any]]]]:
    return {
        "fr_la_digue.fountain": script(
            "LA DIGUE", FR_PLACES, FR_TIMES, FR_CAST, FR_TEMPLATES, FR_LINES, 70, 11
        ),
        "en_low_water.fountain": script(
            "LOW WATER", EN_PLACES, EN_TIMES, EN_CAST, EN_TEMPLATES, EN_LINES, 70, 12
        ),
        "traps.fountain": script(
            "TRAPS", EN_PLACES, EN_TIMES, EN_CAST, TRAPS + EN_TEMPLATES[:6], EN_LINES, 24, 13
        ),
    }


def main() -> None:
    truth = {}
    for name, (text, scenes) in corpus().items():
        (HERE / name).write_text(text, encoding="utf-8")
        truth[name] = scenes
    (HERE / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
