"""The comparison sentence and its scope caveats in Japanese, with the same facts and
receipts as the English ones (investments.comparison): the amounts as announced, the
reader's-currency figure with its rate date, the ratio, per person, and what each figure
covers.

"マイクロソフトのオーストラリアへの50億豪ドル（2023年10月24日のレートで約31億8000万ドル）は、
日本への29億ドルの1.1倍。1人当たりでは5.1倍となる。"
"""

from __future__ import annotations

import pandas as pd

from investments.comparison import _is_total, _shown
from investments.ja_style import (
    company_name_ja,
    country_name_ja,
    format_date_ja,
    format_money_ja,
)

FIGURES = 3


def _money(amount: float, currency: str) -> str:
    return format_money_ja(amount, currency, digits=FIGURES)


def _as_announced(item: pd.Series) -> str:
    if item.get("uses_new_money"):
        return format_money_ja(item["new_money_amount"], item["currency"]) + "の新規投資"
    return format_money_ja(item["amount"], item["currency"], item["amount_qualifier"])


def _fx(item: pd.Series) -> str:
    amount, currency = _shown(item)
    if item["currency"] == currency or pd.isna(item["fx_date"]):
        return ""
    return f"（{format_date_ja(item['fx_date'])}のレートで約{_money(amount, currency)}）"


def _company(item: pd.Series) -> str:
    return company_name_ja(item["company"], item["company_name"])


def _total(item: pd.Series) -> str:
    place = country_name_ja(item["country_iso3"])
    who = f"{_company(item)}の" if item["company"] else "全社の"
    return f"{who}{place}への表明額の合計（{_money(*_shown(item))}）"


def _subject(item: pd.Series) -> str:
    if _is_total(item):
        return _total(item)
    place = country_name_ja(item["country_iso3"])
    return f"{_company(item)}の{place}への{_as_announced(item)}{_fx(item)}"


def _object(first: pd.Series, second: pd.Series) -> str:
    if _is_total(second):
        return _total(second)
    place = country_name_ja(second["country_iso3"])
    same = second["company"] == first["company"] and not _is_total(first)
    whose = "" if same else f"{_company(second)}の"
    return f"{whose}{place}への{_as_announced(second)}{_fx(second)}"


def _ratio(a: float, b: float) -> tuple[str, float] | None:
    if pd.isna(a) or pd.isna(b) or b == 0:
        return None
    ratio = a / b
    return ("same", ratio) if 0.95 <= ratio <= 1.05 else ("ratio", ratio)


def _times(ratio: float) -> str:
    return f"{ratio:,.0f}倍" if ratio >= 10 else f"{ratio:.1f}倍"


def comparison_sentence_ja(items: pd.DataFrame) -> str:
    """The English sentence's facts in Japanese, larger figure first."""
    currency = str(items["display_currency"].iloc[0]) if "display_currency" in items else "USD"
    shown = items["nominal"] if currency == "USD" else items["nominal_display"]
    ordered = items.assign(_shown=shown).sort_values("_shown", ascending=False)
    first, second = ordered.iloc[0], ordered.iloc[1]
    size = _ratio(first["_shown"], second["_shown"])
    if size is None or size[0] == "same":
        sentence = f"{_subject(first)}は、{_object(first, second)}とほぼ同じ規模。"
    else:
        sentence = f"{_subject(first)}は、{_object(first, second)}の{_times(size[1])}。"
    per = _ratio(first["per_capita"], second["per_capita"])
    if per is not None:
        if per[0] == "same":
            sentence += "1人当たりでは、ほぼ同じとなる。"
        elif per[1] > 1:
            sentence += f"1人当たりでは{_times(per[1])}となる。"
        else:
            whose = (
                "もう一方"
                if first["country_iso3"] == second["country_iso3"]
                else country_name_ja(second["country_iso3"])
            )
            sentence += f"1人当たりでは{whose}の{per[1] * 100:.0f}%となる。"
    return sentence


def scope_sentences_ja(items: pd.DataFrame) -> list[str]:
    """What each compared figure covers, in Japanese (see comparison.scope_sentences)."""
    sentences = []
    totals = []
    for _, item in items.iterrows():
        place = country_name_ja(item["country_iso3"])
        amount, currency = _shown(item)
        if _is_total(item):
            if item["set_aside"]:
                totals.append(
                    f"{place}{item['set_aside']}件（{_money(item['set_aside_usd'], 'USD')}）"
                )
            continue
        new = item["new_money_amount"]
        if pd.notna(new) and item["amount"]:
            headline = amount / (new / item["amount"] if item["uses_new_money"] else 1)
            new_shown = headline * new / item["amount"]
            earlier = headline - new_shown
            if item["uses_new_money"]:
                sentences.append(
                    f"{place}の数字は新規投資分。発表された総額"
                    f"{format_money_ja(item['amount'], item['currency'], item['amount_qualifier'])}"
                    f"には、既に支出された約{_money(earlier, currency)}も含まれる。"
                )
            else:
                sentences.append(
                    f"{place}の数字には既に支出された約{_money(earlier, currency)}が含まれ、"
                    f"新規投資分は約{_money(new_shown, currency)}。"
                )
            continue
        caveats = list(item["caveats"])
        words = {
            "counts spending across the economy (suppliers, wages or R&D)": "経済全体での支出（調達、賃金、研究開発）を含む",
            "includes partners' money": "パートナーの資金を含む",
            "includes public funds": "公的資金を含む",
            "includes money already spent": "既に支出された資金を含む（金額は不明）",
            "may include money already spent": "既に支出された資金を含む可能性がある",
        }
        if caveats:
            sentences.append(f"{place}の数字は" + "。また".join(words[c] for c in caveats) + "。")
    if totals:
        verb = "含む" if items["figures"].iloc[0] == "headline" else "含まない"
        sentences.append(
            f"合計は、経済全体での支出やパートナー・公的資金による数字を{verb}："
            + "、".join(totals)
            + "。"
        )
    return sentences
