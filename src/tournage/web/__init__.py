"""The Django web app: adapters over the framework-free core."""
