import random
import re

import pytest

from investments.figures import _NUMBER, states_amount


@pytest.mark.parametrize(
    ("quote", "amount"),
    [
        ("Microsoft will invest US$2.9 billion over two years", 2.9e9),
        ("invest A$5 billion in Australia", 5e9),
        ("plans to invest 2.26 trillion yen ($15.24 billion)", 2.26e12),
        ("¥2.26 trillion by 2027", 2.26e12),
        ("invest $1.5bn", 1.5e9),
        ("RM25.5 billion in Malaysia", 25.5e9),
        ("Rs 33,000 crore", 3.3e11),
        ("Rs60,000 crores", 6e11),
        ("₹75,000 crore", 7.5e11),
        ("7,8 Milliarden Euro", 7.8e9),
        ("une inversión de 1.000 millones de euros", 1e9),
        ("1 milliard d’euros", 1e9),
        ("oltre 1,2 miliardi", 1.2e9),
        ("R$ 200 bilhões", 2e11),
        ("7조8500억원(약 59억달러)을 투자한다", 7.85e12),
        ("2兆2600億円を投資", 2.26e12),
        ("an investment of $10,000,000,000", 1e10),
        ("SEK 33.7 billion", 33.7e9),
        ("Az IBM 3,5 milliárd forintból", 3.5e9),
        ("celkem až 3,3 milionu eur", 3.3e6),
        ("bantuan sebesar 1 juta USD", 1e6),
        ("investasi Rp 1,5 triliun", 1.5e12),
        ("استثمار بقيمة 250 مليون دولار", 2.5e8),
        ("2 milyar dolar yatırım", 2e9),
    ],
)
def test_quote_states_amount(quote, amount):
    assert states_amount(quote, amount)


@pytest.mark.parametrize(
    ("quote", "amount"),
    [
        ("Microsoft will invest US$2.9 billion", 29e9),  # a slipped decimal
        ("Microsoft will invest US$2.9 billion", 2.9e6),  # wrong scale
        ("five billion dollars", 5e9),  # figures must be in digits
        ("5 billionaires", 5e9),  # a scale word must end at a word boundary
        ("3 milionářů", 3e6),  # likewise in Czech
        ("in 2024 the company said", 2024e9),
    ],
)
def test_quote_does_not_state_amount(quote, amount):
    assert not states_amount(quote, amount)


def test_number_tokens_are_those_of_the_plain_pattern():
    """The fast token pattern (first digit first, look-behind after it) finds exactly the
    tokens of the plain one, with its look-behind in front, on random separator soup."""
    plain = re.compile(
        r"(?<![\d.,])(\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    )
    rng = random.Random(18)  # noqa: S311 - a fixed test corpus, not a secret
    alphabet = "0123456789.,  \u202f\u00a0a$兆億-"
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert [m.span(1) for m in _NUMBER.finditer(text)] == [
            m.span(1) for m in plain.finditer(text)
        ], text
