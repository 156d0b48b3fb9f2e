"""What other apps and the CLI may call in the labor (teams) app."""

from tournage.web.labor.services import team_plan

__all__ = ["team_plan"]
