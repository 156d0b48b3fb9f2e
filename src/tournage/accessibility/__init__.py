"""tournage.accessibility: framework-free core."""
