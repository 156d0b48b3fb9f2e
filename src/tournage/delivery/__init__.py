"""tournage.delivery: framework-free core."""
