"""Where the data and the map shapes are, however the code was installed.

The code once found `data/` and `static/` as two folders above its own file. That is
the repository only for an editable install: installed from a wheel or by the container's
`pip install .`, the code lives in site-packages and the path led nowhere. So every
lookup goes through here, in this order:

- data: an explicit folder (`--data` on the command line), else `TRACKER_DATA_DIR`
  (or the older `INVESTMENTS_DATA_DIR`), else `./data` when the working directory holds
  `data/datapackage.json`, else the copy shipped inside the package (package data, read
  through importlib.resources), else the source checkout beside an editable install;
- map shapes: the copy shipped inside the package, else the source checkout.

When nothing is found the error names every place it looked.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

DATA_DIR_VARIABLE = "TRACKER_DATA_DIR"
OLD_DATA_DIR_VARIABLE = "INVESTMENTS_DATA_DIR"  # still honoured
DATAPACKAGE = "datapackage.json"
_SOURCE_ROOT = Path(__file__).resolve().parents[2]  # the repository, for editable installs


class NotFound(FileNotFoundError):
    """No usable folder; the message lists each place tried and why it was passed over."""

    def __init__(self, what: str, tried: list[str]):
        self.tried = tried
        super().__init__(f"no {what} found; tried: " + "; ".join(tried))


def _packaged(name: str) -> Path | None:
    """A folder of package data inside the installed `investments` package, if there."""
    try:
        folder = files("investments") / name
    except (ModuleNotFoundError, TypeError):
        return None
    return Path(str(folder)) if folder.is_dir() else None


def shipped_data_dir() -> Path:
    """The data that came with the code: its schema is the contract the code is written to."""
    tried = []
    for label, folder in (
        ("package data", _packaged("shipped_data")),
        ("source checkout", _SOURCE_ROOT / "data"),
    ):
        if folder is not None and (folder / DATAPACKAGE).is_file():
            return folder
        tried.append(f"{label} {folder or '(not installed)'}: no {DATAPACKAGE}")
    raise NotFound("shipped data", tried)


def data_dir(explicit: Path | str | None = None) -> Path:
    """The data folder to serve or read (see the module docstring for the order).

    An explicit folder or setting is returned as given, even if it is broken: validation
    then reports what is wrong with it, by file and line."""
    if explicit:
        return Path(explicit)
    for variable in (DATA_DIR_VARIABLE, OLD_DATA_DIR_VARIABLE):
        if os.environ.get(variable, "").strip():
            return Path(os.environ[variable].strip())
    tried = [f"{DATA_DIR_VARIABLE}: not set"]
    working = Path.cwd() / "data"
    if (working / DATAPACKAGE).is_file():
        return working
    tried.append(f"working directory {working}: no {DATAPACKAGE}")
    try:
        return shipped_data_dir()
    except NotFound as missing:
        raise NotFound("data folder", tried + missing.tried) from None


def topojson_dir() -> Path:
    """The map shapes (plotly.js's UN topojson) for images and published pages."""
    tried = []
    for label, folder in (
        ("package data", _packaged("shipped_topojson")),
        ("source checkout", _SOURCE_ROOT / "static" / "topojson"),
    ):
        if folder is not None and (folder / "world_110m.json").is_file():
            return folder
        tried.append(f"{label} {folder or '(not installed)'}: no world_110m.json")
    raise NotFound("map shapes", tried)
