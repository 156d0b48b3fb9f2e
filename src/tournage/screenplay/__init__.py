"""tournage.screenplay: read a script (Fountain, FDX, PDF), paginate it, break it down."""

from tournage.screenplay.errors import ScriptError
from tournage.screenplay.model import (
    BreakdownTag,
    Character,
    Element,
    ElementKind,
    RiskFlag,
    Scene,
    Script,
    TitlePage,
    format_eighths,
    parse_eighths,
)
from tournage.screenplay.reader import read_file, read_script

__all__ = [
    "BreakdownTag",
    "Character",
    "Element",
    "ElementKind",
    "RiskFlag",
    "Scene",
    "Script",
    "ScriptError",
    "TitlePage",
    "format_eighths",
    "parse_eighths",
    "read_file",
    "read_script",
]
