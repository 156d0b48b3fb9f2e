"""Budget pages; access is enforced by the productions middleware, each view scopes its
querysets to ``request.production``. Crew members see the chapter totals only."""
