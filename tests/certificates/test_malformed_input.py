"""Malformed certificate input: a verification code of the wrong shape, a number
pattern that would build gigabytes. Each gets a clear answer."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates.models import CertificateTemplate
from certificates.numbering import NumberPatternError, check_number_pattern

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    ["abc", "²⑤", "x" * 65, "kode dengan spasi", "../../etc/passwd", "A" * 15 + "!"],
)
def test_a_typed_code_not_shaped_like_one_gets_the_helpful_not_found_page(
    client, typed
):
    response = client.get(reverse("certificates:check"), {"kode": typed})
    assert response.status_code == 404
    assert 'id="kode"' in response.text  # a form to type the code again


def test_a_pasted_verification_address_opens_its_code(client, certificate):
    response = client.get(
        reverse("certificates:check"),
        {"kode": f"https://sigap.example/v/{certificate.code}"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/v/{certificate.code}"


@pytest.mark.parametrize(
    "pattern",
    [
        "{seq:999999999999}",  # a terabyte
        "{seq:1000}",
        "{seq:0>21}",
        "{seq:.50}/{year}",
        "{seq}/{course_code:>500}",
        "{seq:{year}}",
        "{seq.real}",
        "{seq}/{}",
        "{seq}" + "/{course_code}" * 8,  # longer than the number column
    ],
)
def test_number_patterns_that_cannot_fit_are_refused(pattern):
    with pytest.raises(NumberPatternError):
        check_number_pattern(pattern)


def test_field_widths_up_to_20_are_accepted_and_wider_ones_refused():
    check_number_pattern("{seq:05d}/SIGAP/{course_code}/{year}")
    check_number_pattern("{seq:>20}-{month}")
    with pytest.raises(NumberPatternError):
        check_number_pattern("{seq:>21}-{month}")


def test_template_form_names_the_unsupported_width_in_indonesian():
    template = CertificateTemplate(
        name="Uji",
        institution_name="BKPSDM",
        signer_name="Ibu Kepala",
        signer_position="Kepala",
        number_pattern="{seq:999999999999}",
    )
    with pytest.raises(ValidationError) as refused:
        template.full_clean()
    (message,) = refused.value.message_dict["number_pattern"]
    assert "lebar paling besar 20" in message
