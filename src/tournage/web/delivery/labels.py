"""Names of the QC checks, their fields and event kinds as a producer reads them, in the
page's language, from the one table the downloadable report reads too
(``tournage.delivery.wording``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

from tournage.delivery.wording import check_name, event_name, field_name


def named_fields(value: Any, language: str | None = None) -> Any:
    """``value`` with the keys of its structures as readable names (for ``plain``)."""
    language = language or get_language() or "en"
    if isinstance(value, dict):
        return {field_name(k, language): named_fields(item, language) for k, item in value.items()}
    if isinstance(value, list | tuple):
        return [named_fields(item, language) for item in value]
    return value


def labelled(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report's checks with a readable name, readable field names in their measured and
    expected values, and a readable kind on their events."""
    language = get_language() or "en"
    return [
        check
        | {
            "label": check_name(check["id"], language),
            "measured": named_fields(check["measured"], language),
            "expected": named_fields(check["expected"], language),
            "events": [
                event | {"kind_label": event_name(event.get("kind", ""), language)}
                for event in check["events"]
            ],
        }
        for check in checks
    ]
