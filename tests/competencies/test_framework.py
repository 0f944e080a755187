import pytest
from django.core.exceptions import ValidationError

from lms.competencies.models import Competency, CompetencyGroup

pytestmark = pytest.mark.django_db


def test_national_framework_has_five_described_levels_per_competency():
    national = Competency.objects.national().prefetch_related("levels")
    assert [c.code for c in national] == [
        "M.1",
        "M.2",
        "M.3",
        "M.4",
        "M.5",
        "M.6",
        "M.7",
        "M.8",
        "SK.1",
    ]
    for competency in national:
        levels = sorted(competency.levels.all(), key=lambda level: level.level)
        assert [level.level for level in levels] == [1, 2, 3, 4, 5]
        assert all(level.description and level.indicator_list() for level in levels)
    assert Competency.objects.get(code="SK.1").group == CompetencyGroup.SOSIAL_KULTURAL


def test_teknis_competency_belongs_to_one_instansi(instansi):
    teknis = Competency(code="T.UJI.1", name="Triase", group=CompetencyGroup.TEKNIS)
    with pytest.raises(ValidationError):
        teknis.clean()
    teknis.instansi = instansi
    teknis.clean()
    teknis.save()
    assert list(Competency.objects.for_instansi(instansi).filter(group="teknis")) == [
        teknis
    ]
    assert not Competency.objects.for_instansi(None).filter(code="T.UJI.1").exists()


def test_manajerial_competency_cannot_be_tied_to_an_instansi(instansi):
    competency = Competency.objects.get(code="M.1")
    competency.instansi = instansi
    with pytest.raises(ValidationError):
        competency.clean()
