"""Web adapter for tournage.delivery."""
