"""A validation problem and how it is printed: `file:line: column: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located precisely enough to fix by hand.

    `line` is the physical line of the file (the header is line 1), so an editor's
    "go to line" lands on it; `None` means the problem concerns the whole file.
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


class DataError(Exception):
    """The data directory failed validation; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def _sort_key(p: Problem) -> tuple[str, int, str, str]:
    return (p.file, p.line if p.line is not None else 0, p.column or "", p.message)
