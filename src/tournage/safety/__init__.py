"""Health, safety and inclusion file of a production, without any web framework.

The DUER (hazards rated severity x likelihood with a dated action plan), the safety
briefings of risky scenes, the checklist of every location used, the incident and
accident register (48-hour declaration), the disability employment obligation and
referent, the CNC parity grid and the heads-of-department form. Rules come from
``data/safety/`` (and ``data/labor/`` where the teams domain already holds them).
"""
