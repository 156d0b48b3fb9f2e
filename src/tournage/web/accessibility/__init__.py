"""Web adapter for tournage.accessibility."""
