"""Django settings for tournage.

Configuration comes from the environment (documented in the README):

- ``TOURNAGE_DATA_DIR``: folder for the embedded SQLite database and uploaded
  files (default ``./.tournage``).
- ``DATABASE_URL``: a database URL (``postgres://...``); SQLite in the data
  folder when unset.
- ``TOURNAGE_SECRET_KEY``, ``TOURNAGE_ALLOWED_HOSTS`` (comma separated),
  ``TOURNAGE_CSRF_TRUSTED_ORIGINS``, ``TOURNAGE_DEBUG`` (``1`` for development).
- ``TOURNAGE_PRODUCTION=1`` turns on the secure deployment settings (HTTPS
  cookies, HSTS, no DEBUG) and refuses to start without a secret key.
- ``TOURNAGE_QC_INBOX``: a server folder of masters to quality-check in place.
- ``TOURNAGE_RUSHES_ROOT``: the server folder holding offloaded camera cards and their
  backup copies, hashed in place by the data manager's offload page.
- ``TOURNAGE_TASKS``: ``database`` (default, embedded worker), ``rq`` (Redis
  queue, several workers; ``REDIS_URL``) or ``immediate`` (tests).
- ``TOURNAGE_EMAIL_HOST`` (and ``_PORT``, ``_USER``, ``_PASSWORD``, ``_TLS``),
  ``TOURNAGE_EMAIL_FROM``: the SMTP server that sends invitations; without a host,
  e-mails are printed on the console (the demo).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("TOURNAGE_DATA_DIR", Path.cwd() / ".tournage")).resolve()
PRODUCTION_MODE = env_flag("TOURNAGE_PRODUCTION")
DEBUG = env_flag("TOURNAGE_DEBUG") and not PRODUCTION_MODE

SECRET_KEY = os.environ.get("TOURNAGE_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION_MODE:
        raise ImproperlyConfigured("TOURNAGE_SECRET_KEY must be set in production.")
    SECRET_KEY = "insecure-local-development-key-not-for-production"  # noqa: S105


def weak_secret_key(key: str) -> bool:
    """Django's own deployment criteria (check security.W009): short, repetitive, or default."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith(("django-insecure-", "insecure-"))


if PRODUCTION_MODE and weak_secret_key(SECRET_KEY):
    raise ImproperlyConfigured(
        "TOURNAGE_SECRET_KEY is too weak: give at least 50 random characters, e.g. "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env_list("TOURNAGE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("TOURNAGE_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "tournage.web.productions",
    "tournage.web.screenplay",
    "tournage.web.scheduling",
    "tournage.web.budget",
    "tournage.web.carbon",
    "tournage.web.labor",
    "tournage.web.safety",
    "tournage.web.delivery",
    "tournage.web.accessibility",
    "tournage.web.closing",
    "tournage.web.followup",
    "tournage.web.rights",
    "tournage.web.referential",
    "tournage.web.development",
    "tournage.web.security",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tournage.web.middleware.FrenchFirstLocaleMiddleware",
    "tournage.web.security.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tournage.web.security.middleware.ResponseHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "tournage.web.productions.access.ProductionAccessMiddleware",
    "tournage.web.middleware.ReadingScopeMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tournage.web.urls"
WSGI_APPLICATION = "tournage.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tournage.web.productions.access.production_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'tournage.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (web + worker) share the embedded database.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (django-axes, docs/security.md): after LOGIN_FAILURE_LIMIT wrong passwords
# for one username, or from one address, logging in is refused (429) for LOGIN_COOLOFF_MINUTES;
# `tournage unlock` lifts it. Attempts live in the database, shared by every gunicorn worker.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("TOURNAGE_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("TOURNAGE_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429  # Too Many Requests
AXES_LOCKOUT_CALLABLE = "tournage.web.security.views.locked_out"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "productions:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION_MODE else None  # finders serve in the demo
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
# Shared by every process of the instance (gunicorn, the worker, the CLI): results that
# cost seconds to compute and depend only on the code, such as the loudness self-test.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
    },
    # What pages derive from the data, under its revision (productions/revision.py): apart,
    # so the many short-lived entries never evict the default cache's costly ones.
    "derived": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache-derived"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION_MODE
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION_MODE

# Uploads: scripts, contracts, subtitles stay small; media masters stream to disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
TOURNAGE_MAX_DOCUMENT_UPLOAD = 20 * 1024 * 1024
TOURNAGE_MAX_MEDIA_UPLOAD = int(os.environ.get("TOURNAGE_MAX_MEDIA_UPLOAD", 50 * 1024**3))
# Script import bounds (max_scenes, max_paragraph_chars, max_elements, max_cues,
# max_pdf_pages): overrides of data/screenplay/import.yaml; max_bytes is the document limit.
TOURNAGE_SCRIPT_LIMITS: dict[str, int] = {}
# Production archives (docs/security.md): what one upload may expand to. Sections are
# streamed row by row; a section above MAX_SECTION is refused, so one row never exceeds it.
TOURNAGE_ARCHIVE_MAX_UPLOAD = int(os.environ.get("TOURNAGE_ARCHIVE_MAX_UPLOAD", 2 * 1024**3))
TOURNAGE_ARCHIVE_MAX_UNCOMPRESSED = int(
    os.environ.get("TOURNAGE_ARCHIVE_MAX_UNCOMPRESSED", 20 * 1024**3)
)
TOURNAGE_ARCHIVE_MAX_RATIO = 100
# Request bodies, refused with a 413 from their Content-Length before any byte is read
# (tournage.web.security.middleware): a document and the form around it, except the URLs
# named here. A proxy in front should carry the largest (nginx: client_max_body_size).
TOURNAGE_MAX_REQUEST = TOURNAGE_MAX_DOCUMENT_UPLOAD + 1024 * 1024
TOURNAGE_LARGE_UPLOADS = {
    "productions:import": TOURNAGE_ARCHIVE_MAX_UPLOAD + 1024 * 1024,
    "delivery:deliverable": TOURNAGE_MAX_MEDIA_UPLOAD + 1024 * 1024,
}
TOURNAGE_ARCHIVE_MAX_SECTION = 256 * 1024 * 1024
TOURNAGE_ARCHIVE_MAX_MEMBERS = 100_000
TOURNAGE_ARCHIVE_MAX_ROWS = 2_000_000
# Spreadsheets read from users (expenses, devis, carbon actuals): fields of
# tournage.common.spreadsheets.SheetLimits (max_uncompressed, max_ratio, max_rows,
# max_columns, max_cells, max_cell_chars); the defaults there when absent.
TOURNAGE_SPREADSHEET_LIMITS: dict[str, int] = {}
# A server folder whose masters may be quality-checked in place, without an upload.
TOURNAGE_QC_INBOX = os.environ.get("TOURNAGE_QC_INBOX") or None
# The server folder of camera cards and their copies the offload page may hash.
TOURNAGE_RUSHES_ROOT = os.environ.get("TOURNAGE_RUSHES_ROOT") or None

SESSION_COOKIE_HTTPONLY = True
# Only this server's own scripts, styles and images: no inline script, style="" or
# event handler (the templates have none; tests/security checks them), no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features no page uses, denied to every page (Permissions-Policy).
TOURNAGE_DENIED_FEATURES = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION_MODE:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("TOURNAGE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("TOURNAGE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

_TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# A database worker renews its lease every HEARTBEAT seconds; a RUNNING task whose worker
# missed it for LEASE seconds is failed and can be run again (productions.task_recovery).
TOURNAGE_TASK_HEARTBEAT = int(os.environ.get("TOURNAGE_TASK_HEARTBEAT", "15"))
TOURNAGE_TASK_LEASE = int(os.environ.get("TOURNAGE_TASK_LEASE", "120"))
TASK_BACKEND_NAME = os.environ.get("TOURNAGE_TASKS", "database")
if TASK_BACKEND_NAME not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TOURNAGE_TASKS must be one of {sorted(_TASK_BACKENDS)}.")
TASKS = {"default": _TASK_BACKENDS[TASK_BACKEND_NAME]}
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TOURNAGE_LOG_LEVEL", "WARNING")},
}

# Invitations: SMTP when a host is configured, else printed on the console (the demo).
EMAIL_HOST = os.environ.get("TOURNAGE_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("TOURNAGE_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("TOURNAGE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TOURNAGE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_flag("TOURNAGE_EMAIL_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("TOURNAGE_EMAIL_FROM", "tournage <tournage@localhost>")
