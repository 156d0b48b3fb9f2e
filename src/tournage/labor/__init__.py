"""tournage.labor: collective agreements, CDDU contracts, working time, safety (no framework).

- ``agreements``: functions and minimum pay of IDCC 2642 and 3097 (data files, with sources)
- ``rules``, ``calendar``: working-time limits per agreement; weeks, holidays, night windows
- ``timesheet``, ``compliance``, ``premiums``: shifts checked against the rules, increases
- ``contracts``, ``documents``, ``analysis``: CDDU model and checks, DOCX/PDF, uploaded contracts
- ``safety``, ``report``: risk register, accessibility of locations, observation report PDF
- ``planning``, ``inclusion``, ``plan``: ICS per person, inclusion indicators, team files
"""
