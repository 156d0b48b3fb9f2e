"""Who may see and change a production: enforced here, once, for every view.

Any view whose URL carries a ``production_id`` goes through
``ProductionAccessMiddleware``: anonymous users are sent to the login page, a
user who is not a member gets a 404 (the production's existence is not
revealed), and an unsafe request (POST, PUT, PATCH, DELETE) needs a role that
may write — every role but crew, unless the view narrows it with
``write_roles``. A production an app locks (``register_write_lock``: closing marks it
closed) refuses every unsafe request but those of ``open_when_locked`` views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.apps import apps as django_apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .models import Membership, Production, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITE_ROLES_ATTR = "write_roles"
READ_ROLES_ATTR = "read_roles"
OPEN_WHEN_LOCKED_ATTR = "open_when_locked"

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])


def _mark(attribute: str, roles: tuple[Role, ...]) -> Callable[[ViewFunc], ViewFunc]:
    def mark(view: ViewFunc) -> ViewFunc:
        setattr(view, attribute, frozenset(roles))
        return view

    return mark


def write_roles(*roles: Role) -> Callable[[ViewFunc], ViewFunc]:
    """Restrict unsafe requests of a function view to ``roles``."""
    return _mark(WRITE_ROLES_ATTR, roles)


def read_roles(*roles: Role) -> Callable[[ViewFunc], ViewFunc]:
    """Restrict every request of a function view (e.g. a full export) to ``roles``."""
    return _mark(READ_ROLES_ATTR, roles)


class AuthenticatedRequest(HttpRequest):
    """A request of a logged-in user (``login_required`` views)."""

    user: User


class ProductionRequest(AuthenticatedRequest):
    """A request that went through ``ProductionAccessMiddleware``: annotate views with it."""

    production: Production
    membership: Membership


class ProductionViewMixin:
    """For class-based views under a production: ``self.production`` is the checked one."""

    request: HttpRequest

    @property
    def production(self) -> Production:
        return cast(ProductionRequest, self.request).production


class Area(StrEnum):
    """The parts of a production a role may read or change (the trade's role matrix)."""

    PRODUCTION = "production"  # the production itself, its brief and dossier
    MEMBERS = "members"
    PLANNING = "planning"  # people, locations, script, schedule, deliverables, QC, follow-up
    BUDGET = "budget"  # devis, expenses, financing, cost report
    CARBON = "carbon"
    CONTRACTS = "contracts"  # contracts, pay, timesheets


_P, _PM, _A, _E, _C = (
    Role.PRODUCER,
    Role.PRODUCTION_MANAGER,
    Role.ACCOUNTANT,
    Role.ECO_REFERENT,
    Role.CREW,
)
# area: (roles that may read, roles that may write). The eco-referent reads the budget's
# totals only and crew their own contract only: the views of those pages narrow further.
AREA_ROLES: dict[Area, tuple[tuple[Role, ...], tuple[Role, ...]]] = {
    Area.PRODUCTION: ((_P, _PM, _A, _E, _C), (_P, _PM)),
    Area.MEMBERS: ((_P, _PM, _A, _E, _C), (_P,)),
    Area.PLANNING: ((_P, _PM, _A, _E, _C), (_P, _PM)),
    Area.BUDGET: ((_P, _PM, _A, _E), (_P, _PM, _A)),
    Area.CARBON: ((_P, _PM, _A, _E, _C), (_P, _PM, _E)),
    Area.CONTRACTS: ((_P, _PM, _A, _C), (_P, _PM)),
}


# Personal data of the people of a production, and who may see it (the matrix's last row).
PERSONAL_FIELDS = frozenset({"birth_date", "email", "phone", "home_latitude", "home_longitude"})
PAY_FIELDS = frozenset({"daily_rate"})
PERSONAL_DATA_READERS = frozenset({_P, _PM})
PAY_READERS = frozenset({_P, _PM, _A})


def hidden_person_fields(role: str) -> frozenset[str]:
    """The person fields ``role`` may not see (contacts and age; pay)."""
    hidden = frozenset() if role in PERSONAL_DATA_READERS else PERSONAL_FIELDS
    return hidden | (frozenset() if role in PAY_READERS else PAY_FIELDS)


def area(name: Area, *, writers_only: bool = False) -> Callable[[ViewFunc], ViewFunc]:
    """Give a function view (or a view class) the read and write roles of an area.

    ``writers_only`` is for pages that only serve to change something (a creation form,
    a deletion's confirmation): the area's readers who may not write do not open them."""
    readers, writers = AREA_ROLES[name]

    def mark(view: ViewFunc) -> ViewFunc:
        setattr(view, READ_ROLES_ATTR, frozenset(writers if writers_only else readers))
        setattr(view, WRITE_ROLES_ATTR, frozenset(writers))
        return view

    return mark


# Read-only productions: an app registers a lock (``production -> bool``, e.g. closing marks a
# closed production); every unsafe request to a locked production is refused here, once for
# every app, except by the views marked ``open_when_locked`` (reopening, an export request).
_write_locks: list[Callable[[Production], bool]] = []


def register_write_lock(lock: Callable[[Production], bool]) -> None:
    if lock not in _write_locks:
        _write_locks.append(lock)


def is_locked(production: Production) -> bool:
    return any(lock(production) for lock in _write_locks)


def open_when_locked(view: ViewFunc) -> ViewFunc:
    """The view may change things on a locked (closed) production."""
    setattr(view, OPEN_WHEN_LOCKED_ATTR, True)
    return view


def _declared_roles(view: Callable[..., Any], attribute: str) -> Iterable[str] | None:
    roles: Iterable[str] | None = getattr(view, attribute, None)
    view_class = getattr(view, "view_class", None)
    if roles is None and view_class is not None:
        roles = getattr(view_class, attribute, None)
    return roles


def view_area(view: Callable[..., Any]) -> Area:
    """The area of a view that names no roles: its app's (``DomainAppConfig.area``)."""
    module = getattr(view, "view_class", view).__module__
    config = django_apps.get_containing_app_config(module)
    return Area(getattr(config, "area", None) or Area.PRODUCTION)


def allowed_writers(view: Callable[..., Any]) -> frozenset[str]:
    """Roles that may send unsafe requests to ``view`` (function or class-based)."""
    roles = _declared_roles(view, WRITE_ROLES_ATTR)
    return frozenset(AREA_ROLES[view_area(view)][1] if roles is None else roles)


def allowed_readers(view: Callable[..., Any]) -> frozenset[str]:
    roles = _declared_roles(view, READ_ROLES_ATTR)
    return frozenset(AREA_ROLES[view_area(view)][0] if roles is None else roles)


def areas_of(role: str) -> tuple[frozenset[str], frozenset[str]]:
    """The areas ``role`` may read and those it may write."""
    reads = frozenset(a.value for a, (readers, _w) in AREA_ROLES.items() if role in readers)
    writes = frozenset(a.value for a, (_r, writers) in AREA_ROLES.items() if role in writers)
    return reads, writes


def membership_for(request: AuthenticatedRequest, production_id: int) -> Membership:
    membership = (
        Membership.objects.select_related("production")
        .filter(production_id=production_id, user=request.user)
        .first()
    )
    if membership is None:
        raise Http404("No such production.")
    return membership


class ProductionAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        production_id = view_kwargs.get("production_id")
        if production_id is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = membership_for(cast(AuthenticatedRequest, request), production_id)
        checked = cast(ProductionRequest, request)
        checked.membership = membership  # the 403 page shows the production's layout
        checked.production = membership.production
        if membership.role not in allowed_readers(view_func):
            raise PermissionDenied("Your role on this production cannot open this page.")
        if request.method not in SAFE_METHODS and membership.role not in allowed_writers(view_func):
            raise PermissionDenied("Your role on this production cannot change this.")
        unsafe = request.method not in SAFE_METHODS
        if unsafe and not _opens_when_locked(view_func) and is_locked(membership.production):
            raise PermissionDenied("This production is closed: it is read-only.")
        return None


def _opens_when_locked(view: Callable[..., Any]) -> bool:
    return bool(getattr(getattr(view, "view_class", view), OPEN_WHEN_LOCKED_ATTR, False))


def production_context(request: HttpRequest) -> dict[str, Any]:
    """``can_write``: the member may change what this page shows (its buttons are shown);
    ``may_read``/``may_write``: the areas the member reads and changes, for the links and
    buttons that lead elsewhere (``{% if may_write.planning %}``)."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return {}
    match = request.resolver_match
    reads, writes = areas_of(membership.role)
    locked = is_locked(membership.production)  # a closed production shows no write button
    return {
        "production": membership.production,
        "membership": membership,
        "production_locked": locked,
        "can_write": match is not None
        and membership.role in allowed_writers(match.func)
        and (not locked or _opens_when_locked(match.func)),
        "may_write": {} if locked else {name: True for name in writes},
        "may_read": {name: True for name in reads},
    }
