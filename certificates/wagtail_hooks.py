"""Admin screens: certificate templates as a snippet viewset, scoped to a trainer's
own templates: ``CertificateTemplatePolicy`` guards every per-template route."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView

from lms.admin_choosers import scoped_chooser_viewset
from lms.admin_policies import PolicyGuardedSnippetViewSet

from .models import CertificateTemplate
from .permissions import (
    CertificateTemplatePolicy,
    certificate_templates_for,
    certificate_templates_to_choose,
)

# Before any view asks for it: Wagtail would otherwise make a model-wide one.
register_permission_policy(
    CertificateTemplate, CertificateTemplatePolicy(CertificateTemplate)
)


class CertificateTemplateCreateView(CreateView):
    """Whoever makes a template owns it (a copy too: its form posts here)."""

    def save_instance(self):
        self.form.instance.owner = self.request.user
        return super().save_instance()


class CertificateTemplateViewSet(PolicyGuardedSnippetViewSet):
    """Templat sertifikat: penanda tangan, pola nomor, teks; with revisions."""

    model = CertificateTemplate
    icon = "doc-full"
    list_display = ["name", "is_default", "institution_name", "signer_name"]
    search_fields = ["name", "institution_name", "signer_name"]
    add_view_class = CertificateTemplateCreateView
    # The chooser offers a trainer only their own templates and the default.
    chooser_viewset_class = scoped_chooser_viewset(certificate_templates_to_choose)

    def get_queryset(self, request):
        return certificate_templates_for(request.user)


register_snippet(CertificateTemplateViewSet)
