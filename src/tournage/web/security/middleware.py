"""Refuse an oversized request from its Content-Length, before any byte of the body is read.

Django never reads past ``CONTENT_LENGTH`` (its WSGI input is a ``LimitedStream``), so the
header bounds what a view, the CSRF check or an upload handler can ever pull in: checking
it first keeps a 2 GB POST from being streamed to /tmp only to be refused afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control

from .views import request_too_large


def request_limit(request: HttpRequest) -> int:
    """The largest body this URL accepts: the default, or its entry in TOURNAGE_LARGE_UPLOADS."""
    try:
        name = resolve(request.path_info).view_name
    except Resolver404:
        return int(settings.TOURNAGE_MAX_REQUEST)
    return int(settings.TOURNAGE_LARGE_UPLOADS.get(name, settings.TOURNAGE_MAX_REQUEST))


def declared_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0  # Django reads no body without a valid length either


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = declared_length(request)
        # Resolving costs a little: only bodies above the default cap are looked up.
        if length > settings.TOURNAGE_MAX_REQUEST:
            limit = request_limit(request)
            if length > limit:
                return request_too_large(request, limit)
        return self.get_response(request)


class ResponseHeadersMiddleware:
    """Permissions-Policy on every response; a logged-in user's pages and files (personal
    data, pay, contracts) are neither stored by the browser nor by a shared cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions = ", ".join(f"{name}=()" for name in settings.TOURNAGE_DENIED_FEATURES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
