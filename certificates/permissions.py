"""Named predicates about certificates. Views ask these; nothing else decides."""

from django.db.models import Q, QuerySet

from courses.permissions import is_course_trainer, taught_courses_q
from lms.accounts.permissions import is_admin, is_hr, is_only_trainer
from lms.accounts.scope import hr_scope_root, scope_q, unit_in_hr_scope
from lms.admin_policies import ObjectPermissionPolicy

from .models import Certificate, CertificateTemplate


def certificate_in_hr_scope(user, certificate) -> bool:
    """Whether the holder was (at issue) or is now in ``user``'s HR scope.

    The organisation scope rule itself is ``lms.accounts.scope``; a certificate
    counts in scope through either of its two units.
    """
    units = [certificate.holder_unit]
    profile = (
        getattr(certificate.user, "asn_profile", None) if certificate.user else None
    )
    if profile is not None:
        units.append(profile.unit)
    return any(unit is not None and unit_in_hr_scope(user, unit) for unit in units)


def _filter_certificates_in_hr_scope(certificates: QuerySet, user) -> QuerySet:
    """The queryset form of ``certificate_in_hr_scope``."""
    at_issue = scope_q(user, unit_lookup="holder_unit")
    if at_issue is None:
        return certificates
    return certificates.filter(
        at_issue | scope_q(user, unit_lookup="user__asn_profile__unit")
    )


def can_download_certificate(user, certificate) -> bool:
    """The holder, an HR officer whose scope includes the holder, administrators."""
    if not user.is_authenticated:
        return False
    return (
        certificate.user_id == user.pk
        or is_admin(user)
        or certificate_in_hr_scope(user, certificate)
    )


def can_get_credential(user, certificate) -> bool:
    """Only the holder takes a certificate's signed credential into a wallet."""
    return user.is_authenticated and certificate.user_id == user.pk


def can_revoke_certificate(user, certificate) -> bool:
    """Administrators and HR officers whose scope includes the holder."""
    if not user.is_authenticated:
        return False
    return is_admin(user) or certificate_in_hr_scope(user, certificate)


def can_reissue_certificate(user, certificate) -> bool:
    """Only administrators reissue (a new number, the current data)."""
    return is_admin(user)


def can_manage_course_certificates(user, course) -> bool:
    """Trainers of the course, HR officers (their scope only), administrators."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    if is_course_trainer(user, course):
        return True
    return hr_scope_root(user) is not None


def courses_with_certificates_for(user, courses: QuerySet) -> QuerySet:
    """The queryset form of ``can_manage_course_certificates``: the courses among
    ``courses`` whose certificates ``user`` manages."""
    if not user.is_authenticated:
        return courses.none()
    if is_admin(user) or hr_scope_root(user) is not None:
        return courses
    return courses.filter(taught_courses_q(user))


def can_handle_certificates_singly(user) -> bool:
    """HR officers and administrators download and revoke certificates one by
    one; trainers get their course's PDFs as one ZIP only."""
    return is_admin(user) or is_hr(user)


def course_certificates_for(user, course) -> QuerySet:
    """The certificates of ``course`` that ``user`` may see and download."""
    certificates = Certificate.objects.of_course(course)
    if is_course_trainer(user, course):
        return certificates
    # Administrators see them all; anyone who is not an attached HR officer, none.
    return _filter_certificates_in_hr_scope(certificates, user)


def can_choose_default_certificate_template(user) -> bool:
    """Only administrators choose the institution-wide default template."""
    return is_admin(user)


def may_touch_certificate_template(user, template, *, write: bool) -> bool:
    """Trainers open only the templates they made, and read the default one; the
    default is never theirs to change, even if an administrator made theirs it."""
    if not is_only_trainer(user):
        return True
    if template.owner_id == user.pk:
        return not (write and template.is_default)
    return template.is_default and not write


class CertificateTemplatePolicy(ObjectPermissionPolicy):
    """The permission policy of certificate templates in the Wagtail admin:
    ``may_touch_certificate_template`` for every template a trainer opens or
    changes (certificates.wagtail_hooks registers it)."""

    def user_may_reach(self, user, instance, *, write: bool) -> bool:
        return may_touch_certificate_template(user, instance, write=write)

    def instances_user_may_reach(self, user, *, write: bool) -> QuerySet:
        templates = self.model._default_manager.all()
        if not is_only_trainer(user):
            return templates
        if write:
            return templates.filter(owner=user, is_default=False)
        return templates.filter(Q(owner=user) | Q(is_default=True))


def certificate_templates_for(user) -> QuerySet:
    """The templates ``user`` sees in the template list: a trainer's own ones."""
    templates = CertificateTemplate.objects.all()
    if is_only_trainer(user):
        return templates.filter(owner=user)
    return templates


def certificate_templates_to_choose(user) -> QuerySet:
    """The templates ``user`` may give a course: a trainer's own, or the default."""
    templates = CertificateTemplate.objects.all()
    if is_only_trainer(user):
        return templates.filter(Q(owner=user) | Q(is_default=True))
    return templates
