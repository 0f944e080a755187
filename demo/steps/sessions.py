"""Demo webinars for ``seed_demo``: each a course (one lesson, a live session, a
post-test), from ``demo/webinars``. The session is past: its learners registered,
and the Zoom report in the folder is imported (one guest in it matches nobody,
so the demo shows a row left out with its reason). A webinar's optional
follow-up session lies a week after the day of seeding, with the demo learner
registered. Idempotent: pages by slug, the report once."""

import datetime
import zoneinfo

from django.db.models import Q
from django.utils import timezone

from courses.models import CatalogPage, CoursePage, LessonPage, Topic
from courses.services import enrol
from courses.sessions.models import (
    AttendanceImport,
    SessionPage,
    SessionRegistration,
)
from courses.sessions.report_import import column_map
from courses.sessions.services import (
    apply_report,
    check_uploaded_report,
    register_for_session,
)
from demo.loader import load_webinars
from demo.steps.courses import _cover_image, _stream
from demo.steps.quizzes import _question, _quiz
from lms.accounts.models import OrgUnit, TimeZone, User

# The other instansi of the demo lies in central Indonesia: its people read
# session times in WITA.
WITA_INSTANSI = "PEMKOT-HJ"


def _course(module: dict, catalog, trainer) -> CoursePage:
    course = CoursePage.objects.filter(code=module["code"]).first()
    if course is not None:
        return course
    topic_name, topic_slug = module["topic"]
    topic, _ = Topic.objects.get_or_create(
        slug=topic_slug, defaults={"name": topic_name}
    )
    return catalog.add_child(
        instance=CoursePage(
            title=module["title"],
            slug=module["slug"],
            code=module["code"],
            summary=module["summary"],
            learning_goals=[("goal", goal) for goal in module["goals"]],
            topic=topic,
            jp=module["jp"],
            trainer=trainer,
            owner=trainer,
            cover_image=_cover_image(module["code"], module["title"]),
        )
    )


def _session(course: CoursePage, spec: dict) -> SessionPage:
    existing = SessionPage.objects.child_of(course).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    zone = zoneinfo.ZoneInfo(spec["time_zone"])
    return course.add_child(
        instance=SessionPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec.get("intro", ""),
            speakers="\n".join(spec["speakers"]),
            time_zone=spec["time_zone"],
            starts_at=spec["starts"].replace(tzinfo=zone),
            ends_at=spec["ends"].replace(tzinfo=zone),
            mode=spec["mode"],
            meeting_url=spec.get("meeting_url", ""),
            capacity=spec.get("capacity"),
            transcript=(spec.get("transcript") or b"").decode(),
            owner=course.trainer,
        )
    )


def _follow_up(course: CoursePage, spec: dict) -> SessionPage:
    """The optional follow-up session, a given number of days after seeding."""
    session = SessionPage.objects.child_of(course).filter(slug=spec["slug"]).first()
    if session is None:
        zone = zoneinfo.ZoneInfo(spec["time_zone"])
        day = timezone.localdate() + datetime.timedelta(days=spec["days_from_seeding"])
        starts = datetime.datetime.combine(day, spec["time"], tzinfo=zone)
        session = course.add_child(
            instance=SessionPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                speakers="\n".join(spec["speakers"]),
                time_zone=spec["time_zone"],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=spec["minutes"]),
                mode="online",
                meeting_url=spec["meeting_url"],
                required=False,
                owner=course.trainer,
            )
        )
    for person in User.objects.filter(email__in=spec["registered"]):
        register_for_session(user=person, session=session)
    return session


def _import_report(session: SessionPage, report: bytes, trainer) -> None:
    name = "laporan-peserta-zoom.csv"
    if AttendanceImport.objects.filter(
        session=session, file_name=name, status=AttendanceImport.Status.APPLIED
    ).exists():
        return
    emails = {
        line.split(",")[1].strip().lower()
        for line in report.decode().splitlines()
        if line.count("@") == 1 and "," in line
    }
    attendees = User.objects.filter(Q(email__in=emails), asn_profile__isnull=False)
    for person in attendees:
        enrol(user=person, course=session.get_course())
        SessionRegistration.objects.get_or_create(
            session=session,
            user=person,
            defaults={"registered_at": session.starts_at - datetime.timedelta(days=5)},
        )
    record, _check = check_uploaded_report(
        session=session,
        user=trainer,
        data=report,
        file_name=name,
        provider="zoom",
        columns=column_map(provider="zoom", manual={}),
        file_time_zone=session.time_zone,
    )
    apply_report(record=record, user=trainer, leave_out_unmatched=True)


def seed() -> None:
    catalog = CatalogPage.objects.first()
    trainer = User.objects.filter(email="pengajar@sigap.test").first()
    OrgUnit.objects.filter(
        path__startswith=OrgUnit.objects.get(code=WITA_INSTANSI).path
    ).update(time_zone=TimeZone.WITA)
    for module in load_webinars():
        course = _course(module, catalog, trainer)
        existing = set(course.get_children().values_list("slug", flat=True))
        for lesson in module["lessons"]:
            if lesson["slug"] not in existing:
                course.add_child(
                    instance=LessonPage(
                        title=lesson["title"],
                        slug=lesson["slug"],
                        intro=lesson["intro"],
                        body=_stream(lesson["body"]),
                        owner=trainer,
                    )
                )
        session = _session(course, module["session"])
        _quiz(course, "posttest", [_question(course, q) for q in module["posttest"]])
        if module["session"].get("attendance_report"):
            _import_report(session, module["session"]["attendance_report"], trainer)
        if module.get("follow_up"):
            _follow_up(course, module["follow_up"])
