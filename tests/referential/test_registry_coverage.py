"""Every check that check_domains.yaml gives to an installed domain has its evaluator."""

from __future__ import annotations

from django.apps import apps

from tournage.referential.framework import CHECK_DOMAINS
from tournage.referential.registry import registered_checks


def test_installed_domains_evaluate_all_their_checks() -> None:
    installed = {config.label for config in apps.get_app_configs()}
    owned = {
        check
        for domain, checks in CHECK_DOMAINS.load().domains.items()
        if domain in installed
        for check in checks
    }
    assert len(owned) >= 54
    assert sorted(owned - registered_checks()) == []


def test_no_evaluator_answers_a_check_outside_the_framework() -> None:
    known = {c for checks in CHECK_DOMAINS.load().domains.values() for c in checks}
    assert sorted(registered_checks() - known) == []
