"""The pages of refusals that happen before a view runs: body too large, login locked."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults

MIB = 1024 * 1024


def request_too_large(request: HttpRequest, limit: int) -> HttpResponse:
    """413 in the layout and language, with the limit of this page."""
    context = {"limit_mib": limit / MIB}
    return render(request, "security/413.html", context, status=413)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400, except a form whose fields outgrow DATA_UPLOAD_MAX_MEMORY_SIZE: 413."""
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return defaults.bad_request(request, exception)


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    """django-axes' lockout: 429 with the wait, in the login page's layout."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    status = settings.AXES_HTTP_RESPONSE_CODE
    return render(request, "security/locked_out.html", {"minutes": minutes}, status=status)
