"""Rights, permits and release: the framework-free core of the rights domain.

- ``rules``: the data tables (clearance types, permit authorities, author-contract
  fields, release steps, destinations, signage, cue-sheet columns), typed.
- ``clearances``: clearance items seeded from the breakdown, their findings.
- ``authors``: author contracts against CPI L131-3 / L113-7 / L132-28.
- ``permits``: lead times counted back from the shoot day, permit findings.
- ``release``: the regime, dated release steps, destinations' documents, signage.
- ``cuesheet``: music cues read from an edit (``tournage.editorial``), compared with
  the clearances, written as CSV/XLSX/PDF.
"""
