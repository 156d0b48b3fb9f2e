"""How a domain plugs into the web app: one declarative ``AppConfig``.

A domain's ``apps.py`` declares what it brings — its URL segment under the
production, its dashboard panels, the models of its archive section, its demo
step — and ``DomainAppConfig.ready`` registers each of them once. Its
``checks`` module (referential evaluators) is imported if present. The URL
configuration and the production navigation discover the domains from the app
registry: adding a domain means adding its app to ``INSTALLED_APPS``, nothing
else. This module imports no model, so ``apps.py`` can import it at load time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any, ClassVar

from django.apps import AppConfig, apps
from django.utils.functional import Promise
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from tournage.web.productions.models import Production

PanelContext = Callable[["Production"], dict[str, Any]]


def _no_context(production: Production) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Panel:
    """A dashboard panel: ``context`` is a callable or the dotted path of one."""

    phase: str
    title: str | Promise
    template: str
    context: PanelContext | str = _no_context
    url_name: str | None = None
    order: int = 100

    def context_for(self, production: Production) -> dict[str, Any]:
        function = import_string(self.context) if isinstance(self.context, str) else self.context
        return function(production)


@dataclass(frozen=True)
class Demo:
    """The domain's demo step: ``load`` is the dotted path of ``fn(production) -> None``,
    idempotent; steps run in ``order``."""

    load: str
    order: int = 100


@dataclass(frozen=True)
class Legacy:
    """Data of archives from an older schema that now lives in this domain: the rows of a
    model that is gone (``fields`` empty), or fields a model no longer has. Once every
    section is imported, ``apply`` (dotted path of ``fn(production, rows, resolve)``,
    ``rows`` the archive's rows with their fields as written, ``resolve(label, pk)`` the
    imported id of an archived row or None) puts them where they live now."""

    label: str  # the model label as the older archive writes it, "labor.incident"
    apply: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Archive:
    """The domain's archive section: model names of the app in dependency order, or the
    dotted path of a callable returning a custom ``ArchiveSection``; ``legacy``, the older
    archives' data this domain now holds."""

    models: Sequence[str] = ()
    section: str | None = None
    legacy: Sequence[Legacy] = ()


class DomainAppConfig(AppConfig):
    """Base of every tournage web app. Subclasses only declare class attributes."""

    segment: ClassVar[str | None] = None  # mounted at /p/<production_id>/<segment>/
    # The role-matrix area of the app's views (``access.Area`` value) unless a view names
    # its own with ``@area``, ``read_roles`` or ``write_roles``.
    area: ClassVar[str | None] = None
    nav_order: ClassVar[int] = 100  # place in the production navigation
    panels: ClassVar[Sequence[Panel]] = ()
    archive: ClassVar[Archive | None] = None
    demo: ClassVar[Demo | None] = None
    hooks: ClassVar[Sequence[str]] = ()  # dotted callables run once, after the registries

    _registered: ClassVar[set[str]] = set()

    def ready(self) -> None:
        if self.label in DomainAppConfig._registered:
            return  # Django may call ready() twice (tests, autoreload)
        DomainAppConfig._registered.add(self.label)
        from tournage.web.productions import archive, dashboard, demo

        for panel in self.panels:
            dashboard.register_panel(panel)
        if self.archive is not None:
            archive.register_section(self._archive_section())
            for legacy in self.archive.legacy:
                archive.register_legacy(legacy)
        if self.demo is not None:
            demo.register_demo_step(self.label, import_string(self.demo.load), self.demo.order)
        if find_spec(f"{self.name}.checks") is not None:
            import_module(f"{self.name}.checks")  # registers the domain's referential checks
        for hook in self.hooks:
            import_string(hook)()

    def _archive_section(self) -> Any:
        from tournage.web.productions.archive import ModelSection

        assert self.archive is not None
        if self.archive.section is not None:
            return import_string(self.archive.section)()
        return ModelSection(self.label, [self.get_model(name) for name in self.archive.models])


def domain_configs() -> list[DomainAppConfig]:
    """The installed domains that have pages, in navigation order."""
    configs = [c for c in apps.get_app_configs() if isinstance(c, DomainAppConfig) and c.segment]
    return sorted(configs, key=lambda config: config.nav_order)
