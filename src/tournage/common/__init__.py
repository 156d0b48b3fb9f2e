"""The vocabulary every domain shares: errors, findings, formatting, typed rule tables.

Plain Python (no web framework), so the core of each domain, the web app, the
documents and the command line speak the same language.
"""
