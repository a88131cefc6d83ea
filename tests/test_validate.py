"""Validation: every class of broken input, each with the exact line it must produce."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from investments.cli import main
from investments.rules import SPACE, URL_PATTERN, URL_PATTERN_IN_ARROW
from investments.validate import fullmatch, validate_dir

TODAY = dt.date(2026, 11, 25)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data_dir: Path) -> list[str]:
    return [str(p) for p in validate_dir(data_dir, today=TODAY).problems]


def test_fixture_is_valid(valid_dir):
    assert _problems(valid_dir) == []


INV = "investments.csv"

BROKEN = [
    # (case, file, old text, new text, expected problem)
    (
        "negative amount",
        INV,
        "2024-04-09,2900000000,",
        "2024-04-09,-2900000000,",
        "investments.csv:2: amount: must be greater than 0, got -2900000000",
    ),
    (
        "amount with separators",
        INV,
        "2024-04-09,2900000000,",
        '2024-04-09,"2,900,000,000",',
        "investments.csv:2: amount: must be a plain number (digits, no separators or units), got '2,900,000,000'",
    ),
    (
        "unknown country",
        INV,
        "microsoft,JPN,",
        "microsoft,JPX,",
        "investments.csv:2: country_iso3: 'JPX' is not an ISO 3166-1 alpha-3 country code",
    ),
    (
        "lower-case country",
        INV,
        "microsoft,JPN,",
        "microsoft,jpn,",
        "investments.csv:2: country_iso3: 'jpn' does not match the pattern [A-Z]{3}",
    ),
    (
        "subdivision of another country",
        INV,
        "amazon,USA,US-MS,2024-01-25",
        "amazon,USA,CA-QC,2024-01-25",
        "investments.csv:4: subdivision: 'CA-QC' is not in USA",
    ),
    (
        "unknown subdivision",
        INV,
        "amazon,USA,US-MS,2024-01-25",
        "amazon,USA,US-ZZ,2024-01-25",
        "investments.csv:4: subdivision: 'US-ZZ' is not an ISO 3166-2 subdivision code",
    ),
    (
        "unknown currency",
        INV,
        ",AUD,exact,",
        ",AUX,exact,",
        "investments.csv:3: currency: 'AUX' is not an ISO 4217 currency code",
    ),
    (
        "impossible date",
        INV,
        "2024-04-09",
        "2024-02-30",
        "investments.csv:2: announced_on: is not a real date: '2024-02-30'",
    ),
    (
        "date in another format",
        INV,
        "2024-04-09",
        "09/04/2024",
        "investments.csv:2: announced_on: must be a date as YYYY-MM-DD, got '09/04/2024'",
    ),
    (
        "future date",
        INV,
        "2024-04-09",
        "2027-01-01",
        "investments.csv:2: announced_on: 2027-01-01 is in the future",
    ),
    (
        "before coverage",
        INV,
        "2024-04-09",
        "2018-12-31",
        "investments.csv:2: announced_on: must be at least 2019-01-01, got 2018-12-31",
    ),
    (
        "unknown qualifier",
        INV,
        ",USD,exact,2024",
        ",USD,roughly,2024",
        "investments.csv:2: amount_qualifier: must be one of exact, at_least, up_to, about; got 'roughly'",
    ),
    (
        "a year too large for any integer",
        INV,
        "exact,2024,2025,mixed",
        "exact,99999999999999999999,2025,mixed",
        "investments.csv:2: period_start_year: is too large a whole number, got '99999999999999999999'",
    ),
    (
        "period backwards",
        INV,
        "exact,2024,2025,mixed",
        "exact,2025,2024,mixed",
        "investments.csv:2: period_end_year: 2024 is before period_start_year 2025",
    ),
    (
        "missing required",
        INV,
        ',Example News,"Microsoft said',
        ',,"Microsoft said',
        "investments.csv:2: source_publisher: is required",
    ),
    (
        "duplicate id",
        INV,
        "microsoft-aus-2023-10,microsoft",
        "microsoft-jpn-2024-04,microsoft",
        "investments.csv:3: id: 'microsoft-jpn-2024-04' duplicates line 2",
    ),
    (
        "unknown company",
        INV,
        "microsoft-aus-2023-10,microsoft",
        "microsoft-aus-2023-10,microsofty",
        "investments.csv:3: company: 'microsofty' is not a company in companies.csv",
    ),
    (
        "supersedes unknown id",
        INV,
        "announced,amazon-usa-2024-01-mississippi,",
        "announced,amazon-usa-1999,",
        "investments.csv:5: supersedes: 'amazon-usa-1999' is not an id in investments.csv",
    ),
    (
        "supersedes a later row",
        INV,
        "announced,amazon-usa-2024-01-mississippi,",
        "announced,microsoft-jpn-2024-04,",
        "investments.csv:5: supersedes: 'microsoft-jpn-2024-04' (line 2) is another company's or country's pledge",
    ),
    (
        "part of another company's pledge",
        INV,
        "amazon-usa-2024-01-mississippi,,https",
        "amazon-usa-2024-01-mississippi,microsoft-jpn-2024-04,https",
        "investments.csv:5: part_of: 'microsoft-jpn-2024-04' is another company's or country's pledge",
    ),
    (
        "part of an unknown id",
        INV,
        "amazon-usa-2024-01-mississippi,,https",
        "amazon-usa-2024-01-mississippi,amazon-usa-1999,https",
        "investments.csv:5: part_of: 'amazon-usa-1999' is not an id in investments.csv",
    ),
    (
        "part of itself",
        INV,
        "amazon-usa-2024-01-mississippi,,https",
        "amazon-usa-2024-01-mississippi,amazon-usa-2024-06-mississippi,https",
        "investments.csv:5: part_of: an announcement cannot be part of itself",
    ),
    (
        "part larger than the whole",
        INV,
        "amazon-usa-2024-01-mississippi,,https",
        "amazon-usa-2024-01-mississippi,amazon-usa-2024-01-mississippi,https",
        "investments.csv:5: part_of: is larger than 'amazon-usa-2024-01-mississippi', which should include it",
    ),
    (
        "malformed URL",
        INV,
        "https://example.com/msft-japan",
        "example.com/msft japan",
        "investments.csv:2: source_url: 'example.com/msft japan' is not a well-formed http(s) URL",
    ),
    (
        "quote without the figure",
        INV,
        "invest US$2.9 billion over",
        "invest nearly three billion dollars over",
        "investments.csv:2: quote: does not state the amount 2,900,000,000 in figures",
    ),
    (
        "quote with a slipped decimal",
        INV,
        "2024-04-09,2900000000,",
        "2024-04-09,29000000000,",
        "investments.csv:2: quote: does not state the amount 29,000,000,000 in figures",
    ),
    (
        "quote language not an ISO 639-1 code",
        INV,
        'Japan.",en,https://example.org/second-japan',
        'Japan.",xx,https://example.org/second-japan',
        "investments.csv:2: quote_language: 'xx' is not an ISO 639-1 language code",
    ),
    (
        "second quote language not an ISO 639-1 code",
        INV,
        "in Japan.,en,no,",
        "in Japan.,qq,no,",
        "investments.csv:2: second_source_quote_language: 'qq' is not an ISO 639-1 language code",
    ),
    (
        "quote language written as a name",
        INV,
        'Japan.",en,https://example.org/second-japan',
        'Japan.",English,https://example.org/second-japan',
        "investments.csv:2: quote_language: 'English' does not match the pattern ^[a-z]{2}$",
    ),
    (
        "language for a blank scope quote",
        INV,
        "mixed,,,,,,Fixture row.",
        "mixed,,,en,,,Fixture row.",
        "investments.csv:2: scope_quote_language: must be blank when scope_quote is blank",
    ),
    (
        "second quote without its language",
        INV,
        "in Australia.,en,no,",
        "in Australia.,,no,",
        "investments.csv:3: second_source_quote_language: is required when second_source_quote "
        "is given (its ISO 639-1 code, e.g. en, es)",
    ),
    (
        "quote without its language",
        INV,
        'Mississippi.",en,https://example.org/second-mississippi,',
        'Mississippi.",,https://example.org/second-mississippi,',
        "investments.csv:4: quote_language: is required when quote is given "
        "(its ISO 639-1 code, e.g. en, es)",
    ),
    (
        "trailing space",
        INV,
        ',Example News,"Microsoft said',
        ',Example News ,"Microsoft said',
        "investments.csv:2: source_publisher: has leading or trailing spaces",
    ),
    (
        "too few fields",
        INV,
        ",Fixture row.,2026-11-25\n",
        ",Fixture row.\n",
        "investments.csv:2: has 30 fields, the header has 31",
    ),
    (
        "unclosed quote",
        INV,
        '"AWS plans to invest $10 billion in Mississippi."',
        '"AWS plans to invest $10 billion in Mississippi.',
        "investments.csv:4: is not valid CSV (check its quote marks): ',' expected after '\"'",
    ),
    (
        "column missing",
        INV,
        "id,company,country_iso3,subdivision,",
        "id,company,country_iso3,sub,",
        "investments.csv:1: subdivision: column is missing from the header",
    ),
    (
        "country without indicators",
        "country_indicators.csv",
        "JPN,2023,124516650,4212944697820\n",
        "",
        "investments.csv:2: country_iso3: JPN has no rows in country_indicators.csv",
    ),
    (
        "indicator duplicate key",
        "country_indicators.csv",
        "AUS,2023,",
        "JPN,2023,",
        "country_indicators.csv:3: country_iso3: 'JPN, 2023' duplicates line 2",
    ),
    (
        "lower-case colour",
        "companies.csv",
        "#0072B2",
        "#0072b2",
        "companies.csv:2: colour_hex: '#0072b2' does not match the pattern #[0-9A-F]{6}",
    ),
]


@pytest.mark.parametrize(
    ("case", "file", "old", "new", "expected"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_broken_fixture_reports_exact_problem(valid_dir, case, file, old, new, expected):
    _edit(valid_dir / file, old, new)
    assert expected in _problems(valid_dir)


@pytest.mark.parametrize(
    ("case", "content", "expected"),
    [
        ("empty file", b"", "investments.csv: file is empty (expected a header row)"),
        (
            "not UTF-8",
            b"id,company\n" + "Zürich".encode("latin-1") + b"\n",
            "investments.csv:2: is not valid UTF-8 (byte 0xfc); save as UTF-8",
        ),
    ],
)
def test_unreadable_files(valid_dir, case, content, expected):
    (valid_dir / "investments.csv").write_bytes(content)
    assert expected in _problems(valid_dir)


def test_missing_file(valid_dir):
    (valid_dir / "companies.csv").unlink()
    assert "companies.csv: file is missing" in _problems(valid_dir)


def test_missing_package_names_the_folder(tmp_path):
    assert f"datapackage.json: file is missing (looked in {tmp_path})" in _problems(tmp_path)


def test_byte_order_mark_is_accepted(valid_dir):
    path = valid_dir / "investments.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _problems(valid_dir) == []


def test_truncated_file_is_reported(valid_dir):
    path = valid_dir / "investments.csv"
    path.write_bytes(path.read_bytes()[:-40])
    problems = _problems(valid_dir)
    assert "investments.csv:5: file does not end with a newline (truncated?)" in problems


def test_every_problem_is_reported_at_once(valid_dir):
    _edit(valid_dir / INV, "microsoft,JPN,", "microsoft,JPX,")
    _edit(valid_dir / INV, ",AUD,exact,", ",AUX,exact,")
    problems = _problems(valid_dir)
    assert len(problems) == 2


def test_cli_exit_codes(valid_dir, capsys):
    assert main(["validate", str(valid_dir)]) == 0
    _edit(valid_dir / INV, "microsoft,JPN,", "microsoft,JPX,")
    assert main(["validate", str(valid_dir)]) == 1
    out = capsys.readouterr().out
    assert "investments.csv:2: country_iso3: 'JPX' is not an ISO 3166-1 alpha-3 country code" in out


def test_shipped_data_is_valid():
    assert [str(p) for p in validate_dir(Path("data")).problems] == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # A malformed code is one problem, not also "missing".
        (
            'Japan.",en,https://example.org/second-japan',
            'Japan.",EN,https://example.org/second-japan',
            ["investments.csv:2: quote_language: 'EN' does not match the pattern ^[a-z]{2}$"],
        ),
        (
            "in Japan.,en,no,",
            "in Japan.,eng,no,",
            [
                "investments.csv:2: second_source_quote_language: 'eng' does not match the "
                "pattern ^[a-z]{2}$"
            ],
        ),
        # A blank quote is reported as such, not also as a missing language.
        (
            '"Microsoft said on Tuesday it would invest US$2.9 billion over two years to expand '
            'its cloud and AI infrastructure in Japan.",en,',
            ",,",
            [],
        ),
    ],
)
def test_quote_language_problems_are_reported_once(valid_dir, old, new, expected):
    _edit(valid_dir / INV, old, new)
    assert [p for p in _problems(valid_dir) if "language" in p] == expected


def test_every_quote_column_is_followed_by_its_language():
    from investments.schema import INVESTMENTS, QUOTE_LANGUAGE_COLUMNS, read_package

    names = read_package(Path("data")).resource(INVESTMENTS).field_names
    for quote, language in QUOTE_LANGUAGE_COLUMNS:
        assert names.index(language) == names.index(quote) + 1
        assert language == f"{quote}_language"


def test_amount_without_a_rate_is_a_data_problem(valid_dir):
    _edit(valid_dir / INV, ",USD,exact,2024", ",TWD,exact,2024")
    assert (
        "investments.csv:2: currency: the ECB publishes no TWD rate and fx_rates_supplement.csv has none for 2024-04-09"
        in _problems(valid_dir)
    )


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "SAR,1986-06-01,,1986-06-01,3.75,peg,Saudi Central Bank,https://www.sama.gov.sa/,The riyal is pegged at 3.76,\n",
            "fx_rates_supplement.csv:2: quote: does not state the rate 3.75",
        ),
        (
            "SAR,1986-06-01,1985-01-01,1986-06-01,3.75,peg,Saudi Central Bank,https://www.sama.gov.sa/,pegged at 3.75,\n",
            "fx_rates_supplement.csv:2: valid_to: 1985-01-01 is before valid_from 1986-06-01",
        ),
        (
            "SAR,1986-06-01,,1986-06-01,3.75,fixed,Saudi Central Bank,https://www.sama.gov.sa/,pegged at 3.75,\n",
            "fx_rates_supplement.csv:2: rate_type: must be one of peg, daily_close, derived_close; got 'fixed'",
        ),
    ],
)
def test_fx_supplement_rules(valid_dir, row, expected):
    path = valid_dir / "fx_rates_supplement.csv"
    path.write_text(path.read_text() + row)
    assert expected in _problems(valid_dir)


def test_overlapping_supplement_ranges(valid_dir):
    path = valid_dir / "fx_rates_supplement.csv"
    path.write_text(
        path.read_text()
        + "SAR,1986-06-01,,1986-06-01,3.75,peg,SAMA,https://www.sama.gov.sa/,pegged at 3.75,\n"
        + "SAR,2020-01-01,,2020-01-01,3.75,peg,SAMA,https://www.sama.gov.sa/,pegged at 3.75,\n"
    )
    assert "fx_rates_supplement.csv:3: valid_from: overlaps the validity of line 2" in _problems(
        valid_dir
    )


def test_large_pledge_needs_a_second_source_or_a_note(valid_dir):
    _edit(
        valid_dir / INV,
        "https://example.org/second-japan,Microsoft plans to invest $2.9 billion in Japan.,en,",
        ",,,",
    )
    assert (
        "investments.csv:2: second_source_url: a pledge of US$2.9 billion needs a second source, "
        "or 'second source: none found' and why in notes" in _problems(valid_dir)
    )
    _edit(
        valid_dir / INV,
        "Fixture row.",
        "Second source: none found after searching wires and the company site.",
    )
    assert _problems(valid_dir) == []


def test_a_pledge_superseded_twice_is_reported_not_a_crash(valid_dir):
    """Comparing the blank `supersedes` of other rows with an id gave pandas' NA, and the
    rule raised "boolean value of NA is ambiguous" instead of naming the two rows."""
    path = valid_dir / INV
    second = next(
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("amazon-usa-2024-06-mississippi,")
    )
    later = second.replace("amazon-usa-2024-06-mississippi", "amazon-usa-2024-09-mississippi", 1)
    later = later.replace(",2024-06-01,", ",2024-09-01,", 1)
    path.write_text(path.read_text(encoding="utf-8") + later + "\n", encoding="utf-8")
    problems = _problems(valid_dir)
    assert (
        "investments.csv:5: supersedes: 'amazon-usa-2024-01-mississippi' is superseded by both "
        "'amazon-usa-2024-06-mississippi' and 'amazon-usa-2024-09-mississippi'" in problems
    ), problems


def test_rows_that_look_like_one_pledge_must_be_linked(valid_dir):
    _edit(valid_dir / INV, "announced,amazon-usa-2024-01-mississippi,", "announced,,")
    _edit(
        valid_dir / INV,
        "2024-06-01,12000000000,USD,at_least",
        "2024-02-10,10100000000,USD,at_least",
    )
    assert (
        "investments.csv:5: id: looks like the same pledge as 'amazon-usa-2024-01-mississippi' (line 4); "
        "link them with supersedes or part_of, or remove one" in _problems(valid_dir)
    )


@pytest.mark.parametrize(
    ("file", "row", "expected"),
    [
        (
            "variants.csv",
            "no-such-id,amount,1 USD,https://example.org/a,Pub,It said 1 dollar.,2 USD,why\n",
            "variants.csv:2: announcement_id: 'no-such-id' is not an id in investments.csv",
        ),
        (
            "variants.csv",
            "microsoft-jpn-2024-04,size,1 USD,https://example.org/a,Pub,q,2 USD,why\n",
            "variants.csv:2: field: must be one of amount, currency, announced_on, period, amount_qualifier; got 'size'",
        ),
        (
            "commitments.csv",
            "microsoft-jpn-2024-04,people_to_train,3000000,people,,,https://example.org/c,"
            '"It will train two million people."\n',
            "commitments.csv:2: quote: does not state the quantity 3,000,000",
        ),
    ],
)
def test_variants_and_commitments_rules(valid_dir, file, row, expected):
    path = valid_dir / file
    path.write_text(path.read_text() + row)
    assert expected in _problems(valid_dir)


def test_commitment_stated_in_words_passes(valid_dir):
    path = valid_dir / "commitments.csv"
    path.write_text(
        path.read_text() + "microsoft-jpn-2024-04,people_to_train,3000000,people,,,"
        'https://example.org/c,"It will skill three million people in AI."\n'
    )
    assert _problems(valid_dir) == []


def test_arrow_spelling_of_white_space_is_pythons_at_every_code_point():
    """URL columns are checked by Arrow's regex engine, whose `\\s` is ASCII only."""
    characters = pd.Series(
        [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF],
        dtype="string[pyarrow]",
    )
    in_arrow = fullmatch(characters, f"[{SPACE}]").tolist()
    in_python = [re.fullmatch(r"\s", c) is not None for c in characters]
    assert in_arrow == in_python


@pytest.mark.parametrize(
    "url",
    [
        "https://news.microsoft.com/apac/2024/04/09/microsoft-japan/",
        "http://example.com",
        "https://example.com/a b",
        "https://example.com/a\u00a0b",
        "https://exa mple.com/",
        "https://localhost/",
        "ftp://example.com/",
        "https://example.com/path?q=1#frag",
        "https://example.com\u3000/",
        " https://example.com/",
    ],
)
def test_url_pattern_reads_alike_in_arrow_and_python(url):
    arrow = fullmatch(pd.Series([url], dtype="string[pyarrow]"), URL_PATTERN_IN_ARROW).iat[0]
    assert arrow == (re.fullmatch(URL_PATTERN, url) is not None)
