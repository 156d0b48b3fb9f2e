"""Web adapter for tournage.screenplay."""
