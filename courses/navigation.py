"""The catalogue link every page's navigation shows, cached between requests.

The catalogue is a Wagtail page that editors may rename or move, so its URL is
looked up once and kept in Django's cache (shared by every web process) until a
page or a site is saved, moved or deleted; the timeout bounds what a change made
behind the ORM's back (raw SQL) could leave stale.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

CATALOG_URL_KEY = "sigap:catalog-url"
CATALOG_URL_SECONDS = 600


def catalog_url() -> str:
    """The URL of the (first) live catalogue, or the home page without one."""
    url = cache.get(CATALOG_URL_KEY)
    if url is None:
        from .models import CatalogPage

        catalog = CatalogPage.objects.live().only("url_path").first()
        url = catalog.url if catalog else "/"
        cache.set(CATALOG_URL_KEY, url, CATALOG_URL_SECONDS)
    return url


def forget_catalog_url(*, sender=None, instance=None, **kwargs) -> None:
    """Signal receiver: the page tree or the sites changed."""
    if instance is None or isinstance(instance, Page | Site):
        cache.delete(CATALOG_URL_KEY)


def connect_catalog_url_signals() -> None:
    """Hook into Wagtail's and Django's signals (Wagtail offers no other hook)."""
    post_save.connect(forget_catalog_url, dispatch_uid="sigap-catalog-url-save")
    post_delete.connect(forget_catalog_url, dispatch_uid="sigap-catalog-url-delete")
    post_page_move.connect(forget_catalog_url, dispatch_uid="sigap-catalog-url-move")
