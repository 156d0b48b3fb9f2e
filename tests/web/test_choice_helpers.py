"""Choices known only when a form is built (the production's people, the pieces to
upload) set through typed helpers, which refuse a field of the wrong kind loudly."""

from __future__ import annotations

import pytest
from django import forms

from tournage.web.forms import scope_choices, set_choices
from tournage.web.productions.models import Person


class _Form(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none())
    piece = forms.ChoiceField()
    note = forms.CharField()


def test_choices_are_set_on_the_fields_that_take_them() -> None:
    form = _Form()
    people = Person.objects.filter(kind="cast")
    scope_choices(form, "person", people)
    set_choices(form, "piece", [("a", "Pièce A")])
    person, piece = form.fields["person"], form.fields["piece"]
    assert isinstance(person, forms.ModelChoiceField) and person.queryset is not None
    assert str(person.queryset.query) == str(people.query)
    assert isinstance(piece, forms.ChoiceField) and list(piece.choices) == [("a", "Pièce A")]


@pytest.mark.parametrize("name", ["note", "piece"])
def test_a_field_that_is_not_a_model_choice_is_refused(name: str) -> None:
    with pytest.raises(TypeError, match=name):
        scope_choices(_Form(), name, Person.objects.none())


def test_a_field_that_is_not_a_choice_is_refused() -> None:
    with pytest.raises(TypeError, match="note"):
        set_choices(_Form(), "note", [("a", "A")])
