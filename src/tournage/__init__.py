"""tournage: from the client's brief to the PAD, with responsible production measured."""

from tournage._version import __version__

__all__ = ["__version__"]
