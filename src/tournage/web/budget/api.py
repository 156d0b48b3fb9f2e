"""What other apps may call in the budget app (its public services)."""

from tournage.web.budget.schedule_link import register_global_provider

__all__ = ["register_global_provider"]
