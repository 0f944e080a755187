"""The catalogue link every page's navigation shows, cached between requests.

The catalogue is a Wagtail page that editors may rename or move, so its URL is
looked up once per version of the published content (see ``courses.published``).
"""

from .models import CatalogPage
from .published import remembered


def catalog_url() -> str:
    """The URL of the (first) live catalogue, or the home page without one."""

    def build() -> str:
        catalog = CatalogPage.objects.live().only("url_path").first()
        return catalog.url if catalog else "/"

    return remembered("catalog-url", build)
