"""Web adapter for tournage.budget."""
