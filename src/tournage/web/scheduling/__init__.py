"""Web adapter for tournage.scheduling."""
