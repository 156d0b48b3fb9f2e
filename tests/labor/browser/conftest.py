"""The browser fixtures of tests/e2e, reused for the teams pages."""

from e2e.conftest import (  # noqa: F401 - fixtures and hook re-exported for this folder
    _sync_orm_beside_playwright,
    browser_context_args,
    browser_type_launch_args,
    pytest_collection_modifyitems,
)
