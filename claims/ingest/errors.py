"""IngestError: one bad input, named by source file, line (when known) and reason."""
from __future__ import annotations


class IngestError(Exception):
    """A refusal: `str()` is one line, "{source}:{line}: {reason}" or "{source}: {reason}"."""

    __slots__ = ("source", "line", "reason")

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        super().__init__(source, line, reason)
        self.source = str(source)
        self.line = line
        self.reason = " ".join(str(reason).split())  # always one line

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.source}: {self.reason}"
        return f"{self.source}:{self.line}: {self.reason}"

    def __repr__(self) -> str:
        return f"IngestError({self.source!r}, {self.line!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IngestError):
            return NotImplemented
        return (self.source, self.line, self.reason) == (other.source, other.line, other.reason)

    def __hash__(self) -> int:
        return hash((self.source, self.line, self.reason))
