"""Web adapter for tournage.carbon."""
