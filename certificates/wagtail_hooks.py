"""Admin screens: certificate templates as a snippet viewset, scoped to a trainer's
own templates (lms.accounts.middleware guards every per-template route)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import CertificateTemplate
from .permissions import certificate_templates_for, certificate_templates_to_choose


class CertificateTemplateCreateView(CreateView):
    """Whoever makes a template owns it (a copy too: its form posts here)."""

    def save_instance(self):
        self.form.instance.owner = self.request.user
        return super().save_instance()


class ChoosableTemplatesMixin:
    """The chooser offers a trainer only their own templates and the default."""

    def get_object_list(self):
        return certificate_templates_to_choose(self.request.user)


class CertificateTemplateChooseView(ChoosableTemplatesMixin, ChooseView):
    pass


class CertificateTemplateChooseResultsView(ChoosableTemplatesMixin, ChooseResultsView):
    pass


class CertificateTemplateChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CertificateTemplateChooseView
    choose_results_view_class = CertificateTemplateChooseResultsView


class CertificateTemplateViewSet(SnippetViewSet):
    """Templat sertifikat: penanda tangan, pola nomor, teks; with revisions."""

    model = CertificateTemplate
    icon = "doc-full"
    list_display = ["name", "is_default", "institution_name", "signer_name"]
    search_fields = ["name", "institution_name", "signer_name"]
    add_view_class = CertificateTemplateCreateView
    chooser_viewset_class = CertificateTemplateChooserViewSet

    def get_queryset(self, request):
        return certificate_templates_for(request.user)


register_snippet(CertificateTemplateViewSet)
