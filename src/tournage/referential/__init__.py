"""tournage.referential: framework-free core."""
