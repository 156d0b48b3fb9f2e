"""What other apps may use of the delivery app: its deliverables.

``Deliverable`` is public on purpose: accessibility files and checklists belong to a
deliverable (foreign keys), so that app queries and annotates with it.
"""

from tournage.web.delivery.models import Deliverable, DeliverableKind

__all__ = ["Deliverable", "DeliverableKind"]
