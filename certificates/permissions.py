"""Named predicates about certificates. Views ask these; nothing else decides."""

from django.db.models import Q, QuerySet

from courses.permissions import is_course_trainer
from lms.accounts.permissions import is_admin, is_hr, is_only_trainer
from lms.admin_policies import ObjectPermissionPolicy
from lms.hr.scope import hr_scope_root


def _hr_root(user):
    """The organisation node an HR officer is attached to (None: not an HR officer)."""
    return hr_scope_root(user) if is_hr(user) else None


def _hr_scope_q(root) -> Q:
    """Certificates whose holder was (at issue) or is now in ``root``'s subtree."""
    return Q(holder_unit__path__startswith=root.path) | Q(
        user__asn_profile__unit__path__startswith=root.path
    )


def in_hr_scope(user, certificate) -> bool:
    root = _hr_root(user)
    if root is None:
        return False
    units = [certificate.holder_unit]
    profile = (
        getattr(certificate.user, "asn_profile", None) if certificate.user else None
    )
    if profile is not None:
        units.append(profile.unit)
    return any(unit is not None and unit.path.startswith(root.path) for unit in units)


def can_download_certificate(user, certificate) -> bool:
    """The holder, an HR officer whose scope includes the holder, administrators."""
    if not user.is_authenticated:
        return False
    return (
        certificate.user_id == user.pk
        or is_admin(user)
        or in_hr_scope(user, certificate)
    )


def can_revoke_certificate(user, certificate) -> bool:
    """Administrators and HR officers whose scope includes the holder."""
    if not user.is_authenticated:
        return False
    return is_admin(user) or in_hr_scope(user, certificate)


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
    return _hr_root(user) is not None


def course_certificates_for(user, course) -> QuerySet:
    """The certificates of ``course`` that ``user`` may see and download."""
    from .models import Certificate

    certificates = Certificate.objects.of_course(course)
    if is_admin(user) or is_course_trainer(user, course):
        return certificates
    root = _hr_root(user)
    if root is None:
        return certificates.none()
    return certificates.filter(_hr_scope_q(root))


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
    from .models import CertificateTemplate

    templates = CertificateTemplate.objects.all()
    if is_only_trainer(user):
        return templates.filter(owner=user)
    return templates


def certificate_templates_to_choose(user) -> QuerySet:
    """The templates ``user`` may give a course: a trainer's own, or the default."""
    from .models import CertificateTemplate

    templates = CertificateTemplate.objects.all()
    if is_only_trainer(user):
        return templates.filter(Q(owner=user) | Q(is_default=True))
    return templates
