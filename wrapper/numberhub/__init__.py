"""numberhub: one Python interface to phone-number inventories across providers."""

__version__ = "0.1.0"
__all__ = ["__version__"]
