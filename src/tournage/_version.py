"""The version, written once here (pyproject.toml reads it): no package metadata to load."""

__version__ = "0.1.0"
