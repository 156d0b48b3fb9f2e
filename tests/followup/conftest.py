"""A production with an accepted schedule (the referential tests' small script)."""

from referential.conftest import cast, scheduled, scripted  # noqa: F401 - fixtures reused
