"""The package lesson's admin form: the trainer uploads the package's ZIP, which
is checked (``validation``) before the page is saved and extracted when it is."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .validation import inspect_package

UPLOAD_TOO_BIG = _("Berkas ZIP lebih besar dari %(mb)s MB.")
REQUIRED = _("Unggah paket SCORM 1.2, SCORM 2004 atau cmi5 (berkas .zip).")


class PackagePageForm(WagtailAdminPageForm):
    """Adds ``package_file``: required for a new lesson, optional afterwards (a
    new upload replaces the package; learners' data of the old one is kept)."""

    package_file = forms.FileField(
        label=_("Berkas paket (.zip)"),
        required=False,
        help_text=_(
            "Paket SCORM 1.2, SCORM 2004 (imsmanifest.xml) atau kursus cmi5 "
            "(cmi5.xml) berbentuk ZIP. Kosongkan untuk tetap memakai paket yang ada."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_package_file(self):
        upload = self.cleaned_data.get("package_file")
        if not upload:
            if self.instance.package_id is None:
                raise ValidationError(REQUIRED, code="required")
            return upload
        limit = settings.SIGAP_PACKAGE_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise ValidationError(UPLOAD_TOO_BIG, code="too_big", params={"mb": limit})
        inspect_package(upload)
        upload.seek(0)
        return upload

    def course_page(self):
        parent = getattr(self, "parent_page", None)
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return parent.specific if parent is not None else None

    def save(self, commit=True):
        # in-function: services import the models, which name this form.
        from .services import import_package

        page = super().save(commit=False)
        upload = self.cleaned_data.get("package_file")
        if upload:
            page.package = import_package(
                upload=upload, course=self.course_page(), uploaded_by=self.for_user
            )
        if commit:
            page.save()
        return page
