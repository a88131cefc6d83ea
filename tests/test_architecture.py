"""The layout's rules, enforced: pure layers stay pure, every column is documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from investments.export import RELEASE_COLUMN_DOCS, export_columns
from investments.load import DERIVED_COLUMN_DOCS
from investments.normalize import derived_column_docs
from investments.schema import INVESTMENTS, shipped_package
from investments.scope import SCOPE_COLUMN_DOCS

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["investments", "viz"])
def test_pure_layers_never_import_streamlit(package):
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "src" / package).rglob("*.py")
        if "streamlit" in _imports(p)
    ]
    assert offenders == []


def test_app_py_only_configures_and_navigates():
    # dashboard.url_state records the page being run (share links are built from it);
    # dashboard.chrome adds the page style the theme cannot express.
    assert _imports(ROOT / "app.py") == {"streamlit", "dashboard"}
    assert "from dashboard import chrome, language, url_state" in (ROOT / "app.py").read_text()


def test_every_field_is_documented():
    for resource in shipped_package().resources:
        for field in resource.fields:
            assert field.description.strip(), f"{resource.name}.{field.name} has no description"


def test_every_export_column_is_documented():
    documented = (
        set(shipped_package().resource(INVESTMENTS).field_names)
        | set(DERIVED_COLUMN_DOCS)
        | set(derived_column_docs(2021))
        | set(SCOPE_COLUMN_DOCS)
        | set(RELEASE_COLUMN_DOCS)
    )
    assert set(export_columns(2021)) - documented == set()
