"""tournage.carbon: framework-free core."""
