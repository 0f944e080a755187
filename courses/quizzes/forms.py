"""The quiz editor in the Wagtail admin."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import questions_for


class QuizPageForm(WagtailAdminPageForm):
    """A quiz asks only questions its editor may pick: a trainer's own courses'
    and the shared ones. The chooser offers no others; this refuses a hand-made
    request that names one anyway (it would show another trainer's key)."""

    def clean(self):
        cleaned = super().clean()
        items = cleaned.get("items")
        if items is None or self.for_user is None:
            return cleaned
        chosen = {
            block.value.pk
            for block in items
            if block.block_type == "question" and block.value is not None
        }
        allowed = set(
            questions_for(self.for_user)
            .filter(pk__in=chosen)
            .values_list("pk", flat=True)
        )
        if chosen - allowed:
            self.add_error(
                "items",
                ValidationError(
                    _(
                        "Kuis ini memuat soal dari bank kursus lain. Pilih soal dari "
                        "kursus Anda sendiri atau soal bersama."
                    )
                ),
            )
        return cleaned
