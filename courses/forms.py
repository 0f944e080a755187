"""Forms of the course pages in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminPageForm


class CoursePageForm(WagtailAdminPageForm):
    """The course editor: a trainer gives their course the default certificate
    template or one of their own (a template already chosen stays choosable)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("certificate_template")
        if field is None or self.for_user is None:
            return
        from certificates.models import CertificateTemplate
        from certificates.permissions import certificate_templates_to_choose

        templates = certificate_templates_to_choose(self.for_user)
        if current := self.instance.certificate_template_id:
            templates |= CertificateTemplate.objects.filter(pk=current)
        field.queryset = templates
