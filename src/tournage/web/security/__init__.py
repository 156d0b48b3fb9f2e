"""Abuse limits and response headers shared by every page (docs/security.md)."""
