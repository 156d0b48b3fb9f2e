"""tournage.scheduling: framework-free core."""
