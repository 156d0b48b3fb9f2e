"""French first: the interface is in French unless the user picked another language;
reading pages compute what they share once."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from tournage.referential.registry import evaluation_scope


class FrenchFirstLocaleMiddleware:
    """Like Django's LocaleMiddleware, but the browser's Accept-Language is not
    consulted: only the language chosen with the switch (its cookie) overrides the
    default."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Vary", "Cookie")
        return response


class ReadingScopeMiddleware:
    """A page that only reads (GET, HEAD) is one evaluation scope: a devis, a footprint
    or a plan that several parts of the page read is computed once (``shared``). A
    request that writes gets none, so it never reads a value computed before its write."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with evaluation_scope():
            return self.get_response(request)
