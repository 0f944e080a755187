"""The course page lists the course's tasks and reflections with where the
learner stands on each, so a task sent back is found from the course too."""


def _section(page: str) -> str:
    start = page.index('id="assignments-title"')
    return page[start : page.index("</section>", start)]


def test_the_course_page_lists_tasks_with_the_learners_standing(
    learner_client, enrolment, lesson, detail_url, taught_course, trainer
):
    from tests.factories import client_as

    section = _section(learner_client.get(taught_course.url).content.decode())
    assert "Refleksi penerapan di unit kerja" in section
    assert "wajib" in section and "Belum dikirim" in section
    assert f'href="{lesson.url}#tugas-tugas-1"' in section

    learner_client.post(detail_url, {"text": "Antrean KTP terlalu panjang."})
    section = _section(learner_client.get(taught_course.url).content.decode())
    assert "Menunggu penilaian" in section

    from courses.assignments.models import Submission

    client_as(trainer).post(
        f"/cms/tugas/{Submission.objects.get().pk}/",
        {"criterion_0": "0", "criterion_1": "0", "decision": "passed"},
    )
    section = _section(learner_client.get(taught_course.url).content.decode())
    assert "Perlu revisi" in section


def test_visitors_see_the_tasks_but_no_standing(client, lesson, taught_course):
    section = _section(client.get(taught_course.url).content.decode())
    assert "Refleksi penerapan di unit kerja" in section
    assert "Belum dikirim" not in section
