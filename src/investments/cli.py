"""`python -m investments validate|export`: the data's gate and the analyst's table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import parse_qsl

from investments import paths
from investments.export import to_csv_bytes
from investments.feeds import DEFAULT_APP_URL
from investments.filters import Choices, from_query
from investments.fx import FxError
from investments.load import Dataset, load_dataset
from investments.normalize import normalize
from investments.prices import latest_complete_year
from investments.problems import DataError
from investments.validate import validate_dir


def _validate(args: argparse.Namespace) -> int:
    args.data_dir = paths.data_dir(args.data_dir)
    validated = validate_dir(args.data_dir)
    for problem in validated.problems:
        print(problem)
    if validated.problems:
        count = len(validated.problems)
        print(
            f"{count} problem{'s' if count != 1 else ''} found in {args.data_dir}", file=sys.stderr
        )
        return 1
    rows = len(validated.tables["investments"].frame)
    print(f"{args.data_dir}: valid ({rows} announcements)", file=sys.stderr)
    return 0


def _load_or_report(data_dir: Path, outcome: str) -> Dataset | None:
    """The dataset, or None after printing every problem (the caller exits with 1)."""
    try:
        return load_dataset(data_dir)
    except DataError as error:
        print(error.report())
        print(f"{error}: {outcome}", file=sys.stderr)
        return None


def _export(args: argparse.Namespace) -> int:
    dataset = _load_or_report(paths.data_dir(args.data_dir), "nothing exported")
    if dataset is None:
        return 1
    base_year = args.base_year or latest_complete_year()
    try:
        normalized = normalize(dataset, base_year=base_year)
    except (FxError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    rows, figures = normalized, "headline"  # no filter: every row, as announced
    if args.filter is not None:
        choices = Choices.of(normalized, base_years=range(2019, latest_complete_year() + 1))
        query = dict(parse_qsl(args.filter.lstrip("?"), keep_blank_values=True))
        chosen, notices = from_query(query, choices)
        if notices:
            for notice in notices:
                print(
                    f"--filter: {notice.key}={notice.value!r} ignored: {notice.reason}",
                    file=sys.stderr,
                )
            return 2
        if chosen.base_year and chosen.base_year != base_year and args.base_year is None:
            base_year = chosen.base_year  # the page's URL chose the constant-dollar year
            normalized = normalize(dataset, base_year=base_year)
        rows, figures = chosen.apply(normalized), chosen.figures
    payload = to_csv_bytes(
        rows, base_year=base_year, figures=figures, release=dataset.package.release_columns
    )
    if str(args.out) == "-":
        sys.stdout.buffer.write(payload)
    else:
        Path(args.out).write_bytes(payload)
        print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
    return 0


def _languages(text: str) -> list[str]:
    from investments.i18n import LANGUAGES

    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [lang for lang in chosen if lang not in LANGUAGES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"{', '.join(unknown) or text!r}: languages are {', '.join(LANGUAGES)}"
        )
    return chosen


def _publish(args: argparse.Namespace) -> int:
    import datetime as dt

    from charts.publish import publish  # charts build on investments; imported only here

    data_dir = paths.data_dir(args.data_dir)
    dataset = _load_or_report(data_dir, "nothing published")
    if dataset is None:
        return 1
    written = publish(
        dataset,
        args.out,
        base_year=args.base_year or latest_complete_year(),
        as_of=dataset.package.current_to or dt.date.today(),
        base_url=args.base_url,
        languages=tuple(args.lang),
        app_url=args.app_url,
        data_dir=data_dir,
    )
    print(
        f"wrote {len(written)} embeds, index.html and the Atom feeds (feeds/) to {args.out}",
        file=sys.stderr,
    )
    return 0


DATA_HELP = (
    f"data folder (default: ${paths.DATA_DIR_VARIABLE}, else ./data if it holds "
    "datapackage.json, else the data shipped with the package)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m investments", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate", help="check a data directory; print every problem as file:line: column: message"
    )
    validate.add_argument("data_dir", nargs="?", type=Path, default=None, help=DATA_HELP)
    validate.set_defaults(run=_validate)

    export = commands.add_parser("export", help="write the dataset as the Explore page's CSV")
    export.add_argument("--out", required=True, help="output file, or - for standard output")
    export.add_argument("--data", "--data-dir", dest="data_dir", type=Path, help=DATA_HELP)
    export.add_argument(
        "--base-year",
        type=int,
        default=None,
        help=f"year of the constant US dollars (default: {latest_complete_year()}, the latest complete CPI year)",
    )
    export.add_argument(
        "--filter",
        metavar="QUERY",
        help="the query string of an Explore page URL, e.g. 'company=microsoft&from=2024'; "
        "the rows are those the page shows (default lineage: latest pledge per lineage)",
    )
    export.set_defaults(run=_export)
    publish = commands.add_parser(
        "publish", help="write every standard chart as a static, embeddable page"
    )
    publish.add_argument(
        "--out", required=True, type=Path, help="folder to write (created if missing)"
    )
    publish.add_argument("--data", "--data-dir", dest="data_dir", type=Path, help=DATA_HELP)
    publish.add_argument("--base-year", type=int, default=None)
    publish.add_argument(
        "--base-url",
        default="",
        help="public URL the folder will be served from (for embed code and the feeds' self "
        "links; without it a feed's self link is its file name)",
    )
    publish.add_argument(
        "--app-url",
        default=DEFAULT_APP_URL,
        metavar="URL",
        help="public URL of the Streamlit app, which the Atom feeds in feeds/ link to "
        "(country?iso3=…, changes?company=…); feed links must be absolute "
        f"(default: {DEFAULT_APP_URL})",
    )
    publish.add_argument(
        "--lang",
        type=_languages,
        default=["en"],
        metavar="LANGS",
        help="languages to write, comma-separated (default en; e.g. ja or en,ja); "
        "English at the folder's root, others in a folder named after them",
    )
    publish.set_defaults(run=_publish)
    curate = commands.add_parser(
        "import-round",
        help="add a curation round's verified rows (research/rounds/ROUND) to the data",
    )
    curate.add_argument(
        "round_dir", type=Path, help="folder with candidates.json, verified.json, decisions.json"
    )
    curate.add_argument("--data", "--data-dir", dest="data_dir", type=Path, default=Path("data"))
    curate.add_argument(
        "--dry-run", action="store_true", help="say what would go in, write nothing"
    )
    curate.set_defaults(run=_import_round)
    compare = commands.add_parser(
        "diff",
        help="what changed between two versions of the data: rows, fields and totals",
        description="OLD and NEW are data folders or git revisions (read with git show "
        "REV:data/…). Prints the rows added, restated, corrected and removed, each changed "
        "field before and after, and the effect on country and company totals, as a draft "
        "of the release's notes.",
    )
    compare.add_argument("old", help="data folder or git revision, e.g. HEAD~5 or 708f16d")
    compare.add_argument("new", nargs="?", default="data", help="default: data")
    compare.add_argument("--version", default="next", help="the release's version, for the notes")
    compare.add_argument("--date", default=None, help="the release's date (default today)")
    compare.set_defaults(run=_diff)
    return parser


def _diff(args: argparse.Namespace) -> int:
    import datetime as dt

    from investments.diff import describe_source, diff, release_notes

    try:
        result = diff(args.old, args.new)
    except (FileNotFoundError, ValueError) as error:
        print(error, file=sys.stderr)
        return 2
    print(
        release_notes(
            result,
            version=args.version,
            date=args.date or dt.date.today().isoformat(),
            old=describe_source(args.old),
            new=describe_source(args.new),
        )
    )
    print(f"suggested version step: {result.kind}", file=sys.stderr)
    return 0


def _import_round(args: argparse.Namespace) -> int:
    from investments.curation import RoundError, import_round

    try:
        report = import_round(args.round_dir, args.data_dir, dry_run=args.dry_run)
    except RoundError as error:
        print(error, file=sys.stderr)
        return 2
    for rid, why in report.left_out:
        print(f"left out {rid}: {why}")
    verb = "would add" if args.dry_run else "added"
    print(f"{verb} {len(report.rows)} rows and {len(report.verifications)} verification records")
    if not args.dry_run:
        print(f"now run: python -m investments validate {args.data_dir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except paths.NotFound as missing:
        print(missing, file=sys.stderr)
        return 1
