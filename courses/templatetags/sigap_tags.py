"""Small template helpers shared by every page."""

from django import template

from courses.models import CatalogPage

register = template.Library()


@register.simple_tag
def catalog_url() -> str:
    """The catalogue's URL (it is a Wagtail page, so editors may move it)."""
    catalog = CatalogPage.objects.live().only("url_path").first()
    return catalog.url if catalog else "/"
