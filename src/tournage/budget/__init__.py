"""Budget (devis), fringes, financing plan, aid eligibility and cost report.

Framework-free core: plain dataclasses and functions, money in ``Decimal`` rounded to the
cent with ``ROUND_HALF_UP`` at explicit points (each line, each fringe, each percentage).
Every rate comes from ``tournage/data/budget/`` with its source; unknown rates stay unknown.
"""
