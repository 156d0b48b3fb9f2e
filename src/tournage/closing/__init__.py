"""Delivery register, marketing set and closing file of a production (no framework).

``register`` decides each element owed to a destination (late, missing, changed after
QC); ``marketing`` what each destination's marketing set lacks; ``report`` builds the
closing file (financial, legal, environmental, accessibility) and its checks. Rules come
from ``data/closing/`` (``rules.yaml`` names the lines of the two shared files it uses).
"""
