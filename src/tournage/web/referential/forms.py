from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from tournage.web.forms import ModelForm

from .models import Judgement


class JudgementForm(ModelForm[Judgement]):
    class Meta:
        model = Judgement
        fields = ("verdict", "comment", "decided_on")
        widgets = {"comment": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("decided_on", timezone.localdate())
