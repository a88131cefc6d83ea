"""Finding the data and the map shapes: an explicit choice wins, then the working
directory, then the copy that came with the code; a miss names every place tried."""

from __future__ import annotations

from pathlib import Path

import pytest

from investments import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """An unrelated working directory and no data setting."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(paths.DATA_DIR_VARIABLE, raising=False)
    monkeypatch.delenv(paths.OLD_DATA_DIR_VARIABLE, raising=False)
    return tmp_path


def _data_folder(where: Path) -> Path:
    (where / "data").mkdir()
    (where / "data" / paths.DATAPACKAGE).write_text("{}")
    return where / "data"


def test_explicit_folder_wins_even_if_broken(elsewhere, monkeypatch):
    monkeypatch.setenv(paths.DATA_DIR_VARIABLE, str(elsewhere / "from-env"))
    assert paths.data_dir(elsewhere / "nowhere") == elsewhere / "nowhere"


@pytest.mark.parametrize("variable", [paths.DATA_DIR_VARIABLE, paths.OLD_DATA_DIR_VARIABLE])
def test_setting_wins_over_working_directory(elsewhere, monkeypatch, variable):
    _data_folder(elsewhere)
    monkeypatch.setenv(variable, "/srv/tracker-data")
    assert paths.data_dir() == Path("/srv/tracker-data")


def test_working_directory_data_wins_over_shipped(elsewhere):
    assert paths.data_dir() == paths.shipped_data_dir(), "nothing here: the shipped copy"
    folder = _data_folder(elsewhere)
    assert paths.data_dir() == folder


def test_shipped_data_and_shapes_are_found_from_anywhere(elsewhere):
    assert (paths.shipped_data_dir() / "investments.csv").is_file()
    assert (paths.topojson_dir() / "world_110m.json").is_file()


def test_a_miss_names_every_place_tried(elsewhere, monkeypatch):
    monkeypatch.setattr(paths, "_SOURCE_ROOT", elsewhere / "no-checkout")
    monkeypatch.setattr(paths, "_packaged", lambda name: None)
    with pytest.raises(paths.NotFound) as missing:
        paths.data_dir()
    message = str(missing.value)
    assert paths.DATA_DIR_VARIABLE in message
    assert str(elsewhere / "data") in message
    assert "package data (not installed)" in message
    assert str(elsewhere / "no-checkout" / "data") in message


def test_every_package_under_src_is_installed():
    """pyproject lists its packages (two of them are data folders mapped in)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    on_disk = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src").rglob("__init__.py")
    }
    translations = {
        ".".join(po.parent.relative_to(ROOT / "src").parts) for po in (ROOT / "src").rglob("*.po*")
    }
    listed = set(config["packages"])
    assert on_disk <= listed
    assert translations <= listed, "list each new LC_MESSAGES folder in pyproject's packages"
    assert listed - on_disk == (set(config["package-dir"]) - {""}) | translations
