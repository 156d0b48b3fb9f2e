"""Plain inputs of the working-time checks: who works, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from tournage.labor.errors import LaborError


@dataclass(frozen=True)
class Worker:
    """A person as the rules see them (no contact data needed)."""

    name: str
    idcc: int = 2642
    function: str = ""
    birth_date: date | None = None
    genre: str | None = None  # fiction, flux, documentaire, captation
    reduced_rest_allowed: bool = False  # lodged on site, within 50 km (IDCC 2642 VI.3.1.2)
    weekly_derogation_hours: int | None = None  # 54 or 60 with an administrative derogation
    hourly_rate: Decimal | None = None


@dataclass(frozen=True)
class Shift:
    """One period of work: call to wrap, with the unpaid breaks taken."""

    person: str
    start: datetime
    end: datetime
    break_minutes: int = 0
    school_holiday: bool = False  # for child performers' daily caps

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise LaborError(
                "labor.shift_order",
                f"{self.person} : la fin de service ({self.end:%d/%m/%Y %H:%M}) doit suivre "
                f"le début ({self.start:%d/%m/%Y %H:%M}).",
            )
        if self.end - self.start > timedelta(hours=24):
            raise LaborError(
                "labor.shift_too_long", f"{self.person} : un service ne peut pas dépasser 24 h."
            )
        if not 0 <= self.break_minutes < (self.end - self.start).total_seconds() / 60:
            raise LaborError(
                "labor.break_invalid",
                f"{self.person} : durée de pause invalide ({self.break_minutes} min).",
            )

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def work_hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600 - self.break_minutes / 60
