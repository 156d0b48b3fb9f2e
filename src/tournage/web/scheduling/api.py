"""What other apps may call in the scheduling app (its public services)."""

from tournage.web.scheduling.services import assignment_of, current_schedule, problem_of

__all__ = ["assignment_of", "current_schedule", "problem_of"]
