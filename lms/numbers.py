"""Reading a number someone typed (or a script sent): ASCII digits only.

``int()`` and ``str.isdigit()`` disagree about Unicode: ``"²".isdigit()`` is true
but ``int("²")`` raises, and ``int("٣")`` quietly gives 3. A number from a query
string, a form or a JSON body goes through :func:`parse_int` instead, which
accepts only ``0-9`` (with an optional leading minus when negatives are allowed)
within explicit bounds, so no such value can reach ``int()``, a query or a
database column.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ASCII_INTEGER = re.compile(r"-?[0-9]{1,20}")
MAX_BIGINT = 2**63 - 1


def parse_int(text, *, min_value: int = 0, max_value: int = MAX_BIGINT) -> int | None:
    """The integer ``text`` spells in ASCII digits within the bounds, else None.

    Surrounding spaces are ignored; anything else (Unicode digits, signs other
    than a leading minus, exponents, decimals, over 20 digits) gives None.
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not _ASCII_INTEGER.fullmatch(text):
        return None
    number = int(text)
    return number if min_value <= number <= max_value else None


def clean_int(
    text, *, min_value: int = 0, max_value: int = MAX_BIGINT, message=None
) -> int:
    """Like :func:`parse_int`, for forms: a ValidationError in Indonesian instead
    of None."""
    number = parse_int(text, min_value=min_value, max_value=max_value)
    if number is None:
        raise ValidationError(
            message or _("Isi dengan bilangan bulat antara %(min)s dan %(max)s."),
            code="invalid",
            params={"min": min_value, "max": max_value},
        )
    return number
