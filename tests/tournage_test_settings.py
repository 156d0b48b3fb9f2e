"""Settings for the test suites: the real settings, with tasks run immediately."""

import os

os.environ.setdefault("TOURNAGE_DATA_DIR", "/tmp/tournage-test-data")

from tournage.web.settings import *  # noqa: E402, F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
STATIC_ROOT = None  # static files come from the finders in tests
