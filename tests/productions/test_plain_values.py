"""Values measured or stored as Python structures are shown in words, in the page's
language; breakdown categories are named in the page's language."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from tournage.web.productions.templatetags.tournage_format import plain
from tournage.web.screenplay.forms import category_choices


def test_plain_values_have_no_python_repr() -> None:
    with translation.override("fr"):
        assert plain(["mxf"]) == "mxf"
        assert plain({"n": 12, "m": None}) == "n = 12 ; m = —"
        assert plain(-23.0) == "-23"
        assert plain(Decimal("1500.50")) == "1\u202f500,5"
        assert plain(True) == "oui"
        assert plain({"tracks": 4, "channels": [1, 1]}) == "tracks = 4 ; channels = 1, 1"
    with translation.override("en"):
        assert plain(2.5) == "2.5" and plain(False) == "no"


def test_breakdown_categories_follow_the_language() -> None:
    with translation.override("fr"):
        french = dict(category_choices())
    with translation.override("en"):
        english = dict(category_choices())
    assert (french["cast"], english["cast"]) == ("Rôles", "Cast")
    assert french["stunts"] == "Cascades"
