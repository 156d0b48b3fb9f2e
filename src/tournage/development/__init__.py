"""Development (block 1): brief, feasibility, benchmark, notes, cahier des charges,
distribution plan and dossier, computed without any web framework."""
