"""tournage.labor: framework-free core."""
