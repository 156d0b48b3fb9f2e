"""Who may see and change a production: enforced here, once, for every view.

Any view whose URL carries a ``production_id`` goes through
``ProductionAccessMiddleware``: anonymous users are sent to the login page, a
user who is not a member gets a 404 (the production's existence is not
revealed), and an unsafe request (POST, PUT, PATCH, DELETE) needs a role that
may write — every role but crew, unless the view narrows it with
``write_roles``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .models import READ_ONLY_ROLES, Membership, Production, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITE_ROLES_ATTR = "write_roles"
READ_ROLES_ATTR = "read_roles"

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


def area(name: Area) -> Callable[[ViewFunc], ViewFunc]:
    """Give a function view (or a view class) the read and write roles of an area."""
    readers, writers = AREA_ROLES[name]

    def mark(view: ViewFunc) -> ViewFunc:
        setattr(view, READ_ROLES_ATTR, frozenset(readers))
        setattr(view, WRITE_ROLES_ATTR, frozenset(writers))
        return view

    return mark


def _declared_roles(view: Callable[..., Any], attribute: str) -> Iterable[str] | None:
    roles: Iterable[str] | None = getattr(view, attribute, None)
    view_class = getattr(view, "view_class", None)
    if roles is None and view_class is not None:
        roles = getattr(view_class, attribute, None)
    return roles


def allowed_writers(view: Callable[..., Any]) -> frozenset[str]:
    """Roles that may send unsafe requests to ``view`` (function or class-based)."""
    roles = _declared_roles(view, WRITE_ROLES_ATTR)
    if roles is None:
        return frozenset(r for r in Role.values if r not in READ_ONLY_ROLES)
    return frozenset(roles)


def allowed_readers(view: Callable[..., Any]) -> frozenset[str]:
    roles = _declared_roles(view, READ_ROLES_ATTR)
    return frozenset(Role.values if roles is None else roles)


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
        if membership.role not in allowed_readers(view_func):
            raise PermissionDenied("Your role on this production cannot open this page.")
        if request.method not in SAFE_METHODS and membership.role not in allowed_writers(view_func):
            raise PermissionDenied("Your role on this production cannot change this.")
        checked = cast(ProductionRequest, request)
        checked.membership = membership
        checked.production = membership.production
        return None


def production_context(request: HttpRequest) -> dict[str, Any]:
    membership = getattr(request, "membership", None)
    if membership is None:
        return {}
    return {
        "production": membership.production,
        "membership": membership,
        "can_write": membership.can_write,
    }
