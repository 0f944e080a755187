"""The ``<id:…>`` path converter: a database key, or no match at all.

Django's ``<int:…>`` matches any run of digits, so ``/kursus/99999…9/daftar/``
(25 digits) reaches the view and the lookup fails inside the database driver
(``OverflowError`` on SQLite, "out of range" on PostgreSQL): a 500. A key here is
1 to 19 ASCII digits no larger than the largest 64-bit signed integer, the range of
every primary key on both databases; anything else does not match the pattern and
the request ends in the ordinary 404.

Registered once, when this module is first imported; every ``urls.py`` with a key
in its path imports it.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1  # BigAutoField, PostgreSQL bigint and SQLite INTEGER alike


class DatabaseIdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError("beyond the database's integer range")
        return number

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(DatabaseIdConverter, "id")
