"""The analyst's downloads, taken from the Explore page as a reader takes them: the CSV
of the rows shown and the data package zip, opened and checked."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from frictionless import validate as frictionless_validate
from playwright.sync_api import expect

from tests.browser.app_state import settled

pytestmark = pytest.mark.browser


def _download(page, label: str) -> bytes:
    button = page.get_by_role("button", name=label)
    expect(button).to_be_enabled(timeout=30_000)
    settled(page)  # a click while the page is still running can be lost to the run
    with page.expect_download(timeout=60_000) as info:
        button.click()
    return open(info.value.path(), "rb").read()


def test_explore_downloads_open_cleanly(browser, app_url, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(app_url + "/explore?figures=comparable&company=microsoft")
    payload = _download(page, "Download these rows (CSV)")
    assert payload.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for column in ("includes_prior_spending", "funding", "spend_kind", "new_money_amount"):
        assert column in rows
    assert set(rows["figures"]) == {"comparable"} and set(rows["company"]) == {"microsoft"}
    assert rows["data_version"].iloc[0] and rows["data_current_to"].iloc[0]
    uae = rows.set_index("id").loc["microsoft-are-2025-11"]
    assert uae["amount"] == "15200000000" and uae["counted_amount"] == "7900000000"

    archive = zipfile.ZipFile(io.BytesIO(_download(page, "Download the data package (zip)")))
    archive.extractall(tmp_path)
    folder = tmp_path / archive.namelist()[0].split("/")[0]
    report = frictionless_validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert "current to" in (folder / "README.md").read_text()
    page.close()
