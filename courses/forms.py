"""Forms of the course pages in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminPageForm


class CoursePageForm(WagtailAdminPageForm):
    """The course editor: the trainer is chosen among people with the Pengajar role
    (the list never shows learners' names); a trainer gives their course the default
    certificate template or one of their own (a value already chosen stays)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_trainers()
        field = self.fields.get("certificate_template")
        if field is None or self.for_user is None:
            return
        from certificates.models import CertificateTemplate
        from certificates.permissions import certificate_templates_to_choose

        templates = certificate_templates_to_choose(self.for_user)
        if current := self.instance.certificate_template_id:
            templates |= CertificateTemplate.objects.filter(pk=current)
        field.queryset = templates

    def _limit_trainers(self) -> None:
        field = self.fields.get("trainer")
        if field is None:
            return
        from django.contrib.auth import get_user_model

        from lms.accounts.permissions import ROLE_TRAINER

        users = get_user_model().objects
        trainers = users.filter(groups__name=ROLE_TRAINER)
        if current := self.instance.trainer_id:
            trainers = trainers | users.filter(pk=current)
        field.queryset = trainers.distinct().order_by("email")
