"""Settings for the test suites: the real settings, with tasks run immediately."""

import os

os.environ.setdefault("TOURNAGE_DATA_DIR", "/tmp/tournage-test-data")

from tournage.web.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory: a worker process in the Redis test must share the test database.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    }
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
