"""Country and sub-national names for readers, from ISO codes via pycountry.

pycountry's formal names ("Korea, Republic of") read badly in a chart; its `common_name`
fixes most, and the short table below the rest. An override for a code pycountry does
not know is an error, so the table cannot silently rot.
"""

from __future__ import annotations

from functools import cache

import pycountry

# Reader-facing names where neither pycountry's name nor its common_name is the one a
# newsroom style guide uses.
NAME_OVERRIDES: dict[str, str] = {
    "PSE": "Palestine",
    "RUS": "Russia",
}


def _check_overrides() -> None:
    unknown = [code for code in NAME_OVERRIDES if pycountry.countries.get(alpha_3=code) is None]
    if unknown:
        raise ValueError(f"NAME_OVERRIDES names unknown ISO codes: {', '.join(unknown)}")


_check_overrides()


@cache
def country_name(iso3: str) -> str:
    """Short English name of an ISO 3166-1 alpha-3 code; raises KeyError if unknown."""
    if iso3 in NAME_OVERRIDES:
        return NAME_OVERRIDES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
    return getattr(country, "common_name", None) or country.name


@cache
def subdivision_name(code: str) -> str:
    """English name of an ISO 3166-2 code (e.g. 'US-MS' -> 'Mississippi'); KeyError if unknown."""
    sub = pycountry.subdivisions.get(code=code)
    if sub is None:
        raise KeyError(f"{code!r} is not an ISO 3166-2 code")
    return sub.name
