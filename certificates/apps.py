from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = pgettext_lazy("plural", "Sertifikat")

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        from courses.forms import scope_course_form_choices

        from .permissions import certificate_templates_to_choose

        # A trainer gives their course the default template or one of their own.
        scope_course_form_choices(
            "certificate_template", certificate_templates_to_choose
        )

        from django.db.models.signals import post_delete, post_save

        from .models import Certificate
        from .verification import forget_pages

        post_save.connect(forget_pages, sender=Certificate, dispatch_uid="sigap-verify")
        post_delete.connect(
            forget_pages, sender=Certificate, dispatch_uid="sigap-verify-delete"
        )
