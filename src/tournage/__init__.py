"""tournage: from the client's brief to the PAD, with responsible production measured."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tournage")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"
