"""Demo pages for ``seed_demo``: home, catalogue, the four modules, their lessons."""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Page, Site

from courses.models import CatalogPage, CoursePage, HomePage, LessonPage, Topic
from demo.loader import load_modules
from lms.accounts.models import User

COVER_COLOURS = {
    "BCP": ((11, 93, 75), (255, 209, 102)),
    "KIL": ((40, 70, 140), (255, 160, 90)),
    "KKO": ((110, 50, 110), (250, 220, 130)),
    "PPK": ((150, 40, 40), (255, 225, 180)),
}


def _site_address() -> tuple[str, int]:
    """The demo site's host and port, from ``SITE_URL``: Wagtail builds the absolute
    page links in its e-mails (``page.full_url``) from them."""
    parts = urlsplit(settings.SITE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def _site_follows_site_url() -> None:
    """Also when the demo is served again on another port (``PORT=8123 make demo``)."""
    hostname, port = _site_address()
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()


def _home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Sigap: Siap Melayani di Masa Krisis",
            slug="beranda",
            tagline=(
                "Pelatihan daring bagi ASN agar pelayanan publik tetap berjalan saat "
                "keadaan tidak normal."
            ),
            intro=(
                "<p>Pandemi COVID-19 mengajarkan bahwa pelayanan publik harus tetap "
                "berjalan, baik dalam kondisi normal maupun "
                "tidak normal. Sigap melatih "
                "aparatur untuk <b>berpikir cepat</b>, <b>berinovasi</b>, "
                "<b>memimpin secara kolaboratif</b>, dan "
                "<b>melayani di masa krisis</b>, "
                "lalu mencatat jam pelajaran (JP) dan sertifikat Anda.</p>"
            ),
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Sigap",
        )
    else:
        old_root = site.root_page
        site.root_page, site.site_name = home, "Sigap"
        site.save()
        if (
            old_root.pk != home.pk
            and old_root.depth == 2
            and not old_root.get_children().exists()
        ):
            old_root.delete()
    return home


def _catalog_page(home: HomePage) -> CatalogPage:
    catalog = CatalogPage.objects.first()
    if catalog is None:
        catalog = home.add_child(
            instance=CatalogPage(
                title="Katalog Kursus",
                slug="katalog",
                intro=(
                    "<p>Empat modul dari webinar nasional <i>Dinamika Pelayanan Publik "
                    "Masa Pandemi COVID-19</i>. Setiap modul "
                    "berisi pre-test, pelajaran, "
                    "post-test, dan sertifikat yang dihitung sebagai JP.</p>"
                ),
            )
        )
    return catalog


def _cover_image(code: str, title: str) -> Image:
    existing = Image.objects.filter(title=f"Sampul {title}").first()
    if existing is not None:
        return existing
    background, accent = COVER_COLOURS.get(code, ((11, 93, 75), (255, 209, 102)))
    picture = PILImage.new("RGB", (960, 480), background)
    draw = ImageDraw.Draw(picture)
    for step in range(6):
        radius = 60 + step * 55
        draw.ellipse(
            (760 - radius, 380 - radius, 760 + radius, 380 + radius),
            outline=accent,
            width=6,
        )
    draw.rectangle((60, 60, 220, 76), fill=accent)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(
        title=f"Sampul {title}",
        file=ImageFile(buffer, name=f"sampul-{code.lower()}.jpg"),
    )


def _stream(body: list[tuple[str, object]]) -> list[dict]:
    return [{"type": block_type, "value": value} for block_type, value in body]


def seed() -> None:
    home = _home_page()
    _site_follows_site_url()
    catalog = _catalog_page(home)
    trainer = User.objects.filter(email="pengajar@sigap.test").first()
    for module in load_modules():
        topic_name, topic_slug = module["topic"]
        topic, _ = Topic.objects.get_or_create(
            slug=topic_slug, defaults={"name": topic_name}
        )
        course = CoursePage.objects.filter(code=module["code"]).first()
        if course is None:
            course = catalog.add_child(
                instance=CoursePage(
                    title=module["title"],
                    slug=module["slug"],
                    code=module["code"],
                    summary=module["summary"],
                    learning_goals=[("goal", goal) for goal in module["goals"]],
                    topic=topic,
                    jp=module["jp"],
                    trainer=trainer,
                    cover_image=_cover_image(module["code"], module["title"]),
                    owner=trainer,
                )
            )
        existing_slugs = set(course.get_children().values_list("slug", flat=True))
        for lesson in module["lessons"]:
            if lesson["slug"] in existing_slugs:
                continue
            course.add_child(
                instance=LessonPage(
                    title=lesson["title"],
                    slug=lesson["slug"],
                    intro=lesson["intro"],
                    body=_stream(lesson["body"]),
                    owner=trainer,
                )
            )
