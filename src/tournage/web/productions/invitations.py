"""Members join by e-mail: an existing account is added, a new one gets a set-password link.

The link is Django's password-reset confirmation (a signed, single-use token), so no
password ever travels by e-mail. The e-mail backend is the settings' (console in the
demo, SMTP when ``TOURNAGE_EMAIL_HOST`` is set).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .access import AuthenticatedRequest
from .models import Membership, Person, Production


@dataclass(frozen=True)
class Invitation:
    membership: Membership
    new_account: bool


def invite(
    request: AuthenticatedRequest,
    production: Production,
    email: str,
    role: str,
    person: Person | None,
) -> Invitation:
    """Add ``email`` to ``production`` with ``role``; create and notify the account if new."""
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first() or users.filter(username=email).first()
    new_account = user is None
    if user is None:
        user = users.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    membership = Membership.objects.create(
        production=production, user=user, role=role, person=person
    )
    send_mail(
        _("You are invited to %(production)s on tournage") % {"production": production},
        _invitation_text(request, production, user, new_account),
        None,
        [email],
    )
    return Invitation(membership, new_account)


def _invitation_text(
    request: AuthenticatedRequest, production: Production, user: User, new_account: bool
) -> str:
    opening = _("%(inviter)s invites you to work on %(production)s.") % {
        "inviter": request.user.get_full_name() or request.user.get_username(),
        "production": production,
    }
    if not new_account:
        link = request.build_absolute_uri(production.get_absolute_url())
        return _("%(opening)s\n\nOpen the production: %(link)s\n") % {
            "opening": opening,
            "link": link,
        }
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return _(
        "%(opening)s\n\nChoose your password here (the link works once): %(link)s\n"
        "Your username: %(username)s\n"
    ) % {"opening": opening, "link": request.build_absolute_uri(path), "username": user.username}
