"""Web adapter for tournage.labor."""
