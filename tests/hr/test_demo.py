"""The HR demo data: the demo officer's scope and staff, created once."""

from demo.steps import accounts as accounts_demo
from demo.steps import hr as hr_demo
from lms.accounts import scope
from lms.accounts.models import User


def test_demo_hr_officer_sees_own_regency_staff_only_and_seed_is_idempotent(db):
    accounts_demo.seed()
    hr_demo.seed()
    counts = User.objects.count()
    hr_demo.seed()
    assert User.objects.count() == counts
    officer = User.objects.get(email="hr@sigap.test")
    assert scope.hr_scope_root(officer).code == "PEMKAB-SR"
    visible = set(scope.users_in_scope(officer).values_list("email", flat=True))
    assert "staf01@sigap.test" in visible
    assert "staf28@sigap.test" not in visible  # another instansi
    assert len(visible) >= 25
