"""The hand-written subtitle fixtures of this folder."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def sample(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
