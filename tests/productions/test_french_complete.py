"""The French interface is complete: every page of the demo, rendered in French, uses only
messages the French catalogues translate, and shows no English interface word or raw
Python value in its visible text.

The walk goes through the URL conf like the access and resubmit walks, as the demo's
producer. Every gettext call made while a page renders is recorded (templates, forms,
models' choices and verbose names, views' messages); a message counts as translated when
the merged French catalogue holds it, even when the French is the same word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import lxml.html
import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import resolve
from django.utils import translation
from django.utils.translation import trans_real

from productions.test_access import PRODUCTION_ROUTES
from productions.test_resubmit import _urls
from tournage.web.productions.demo import load_demo
from tournage.web.productions.models import Role

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# English interface words that have no business in a French page's visible text (whole
# words). Sentences of the shipped data (a source's note, a scheme's condition) may be in
# English: they are data with their source, so common words (the, and) are not sought;
# every interface sentence is checked through its message instead.
ENGLISH = re.compile(
    r"\b(Save|Delete|Cancel|Edit|Add|Download|Upload|Submit|None|True(?! peak)|False|"
    r"previous|next|Cast|Props|Stunts|Vehicles|Animals|Wardrobe|Makeup|Special effects|"
    r"Sound effects|Set dressing|Extras)\b"
)
# Python values printed as they are: a list, a dict, None beside a unit.
RAW = re.compile(r"\['|\{'|None ?(%|km|kg|€)|\bNone\b")
URL = re.compile(r"https?://\S+|www\.\S+")
# Text that is data, not interface: people's and places' names, sources, file names.
DATA_TAGS = ("code", "pre", "script", "style", "cite", "kbd", "samp")


@contextmanager
def recorded_messages() -> Iterator[set[tuple[str, str | None]]]:
    """Every (msgid, plural) looked up while the block runs."""
    seen: set[tuple[str, str | None]] = set()
    trans = translation._trans  # type: ignore[attr-defined]
    originals = {name: getattr(trans, name) for name in ("gettext", "ngettext", "pgettext")}

    def gettext(message: str) -> str:
        seen.add((str(message), None))
        return originals["gettext"](message)  # type: ignore[no-any-return]

    def ngettext(singular: str, plural: str, number: int) -> str:
        seen.add((str(singular), str(plural)))
        return originals["ngettext"](singular, plural, number)  # type: ignore[no-any-return]

    def pgettext(context: str, message: str) -> str:
        seen.add((f"{context}\x04{message}", None))
        return originals["pgettext"](context, message)  # type: ignore[no-any-return]

    replacements: dict[str, Callable[..., str]] = {
        "gettext": gettext,
        "ngettext": ngettext,
        "pgettext": pgettext,
    }
    for name, function in replacements.items():
        setattr(trans, name, function)
    try:
        yield seen
    finally:
        for name, function in originals.items():
            setattr(trans, name, function)


def untranslated(messages: set[tuple[str, str | None]]) -> set[str]:
    catalog = trans_real.translation("fr")._catalog  # type: ignore[attr-defined]
    # {% get_available_languages %} passes the names, already translated, to gettext again
    with translation.override("fr"):
        names = {str(name) for _code, name in settings.LANGUAGES}
    return {
        message
        for message, plural in messages
        if message.strip()
        and message not in names
        and (message if plural is None else (message, 0)) not in catalog
    }


def visible_text(page: bytes) -> str:
    document = lxml.html.fromstring(page)
    main = document.find(".//main")
    root = main if main is not None else document
    for tag in DATA_TAGS:
        for element in root.iter(tag):
            element.drop_tree()
    return URL.sub(" ", root.text_content())


def _demo_pages() -> Iterator[tuple[str, Client]]:
    production, logins = load_demo()
    producer = next(login for login in logins if login["role"] == Role.PRODUCER)
    client = Client()
    client.force_login(apps.get_model("auth", "User").objects.get(username=producer["username"]))
    for route in PRODUCTION_ROUTES:
        for url in _urls(route, production):
            yield url, client


def test_every_demo_page_is_french() -> None:
    missing: dict[str, set[str]] = {}
    english: list[str] = []
    pages = 0
    with translation.override("fr"):
        for url, client in _demo_pages():
            with recorded_messages() as seen:
                response = client.get(url)
            if response.status_code != 200 or "html" not in response["Content-Type"]:
                continue
            pages += 1
            name = f"{resolve(url).namespace}:{resolve(url).url_name}"
            for message in untranslated(seen):
                missing.setdefault(message, set()).add(name)
            text = visible_text(response.content)
            english += [
                f"{name}: {m.group(0)!r} in «{_around(text, m)}»" for m in ENGLISH.finditer(text)
            ]
            english += [
                f"{name}: raw {m.group(0)!r} in «{_around(text, m)}»" for m in RAW.finditer(text)
            ]
    assert pages > 50  # the walk reached the demo's pages
    report = [f"{message!r} ({', '.join(sorted(names)[:3])})" for message, names in missing.items()]
    assert (report, english) == ([], []), "\n".join(
        [
            "untranslated messages:",
            *sorted(report),
            "English or raw values in French pages:",
            *sorted(set(english)),
        ]
    )


def _around(text: str, match: re.Match[str]) -> str:
    return " ".join(text[max(0, match.start() - 40) : match.end() + 40].split())


def test_the_recorder_sees_a_missing_translation() -> None:
    with translation.override("fr"), recorded_messages() as seen:
        translation.gettext("A sentence no catalogue holds, 4 Dec")
        translation.gettext("Save")
    assert untranslated(seen) == {"A sentence no catalogue holds, 4 Dec"}
