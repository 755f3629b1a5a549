"""The package version, kept in one place (read by hatchling and by ``kui_core.__version__``)."""

__all__ = ["__version__"]

__version__ = "0.1.0.dev0"
