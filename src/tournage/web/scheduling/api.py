"""What other apps may call in the scheduling app (its public services)."""

from tournage.scheduling.planned import PlannedDay
from tournage.web.scheduling.planned import AcceptedPlan, accepted_plan
from tournage.web.scheduling.services import assignment_of, current_schedule, problem_of

__all__ = [
    "AcceptedPlan",
    "PlannedDay",
    "accepted_plan",
    "assignment_of",
    "current_schedule",
    "problem_of",
]
