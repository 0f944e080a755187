"""The minimal app's one URL and its one view."""

from django.http import HttpResponse
from django.urls import path

PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8>"
    "<title>Hello</title></head><body><p>Hello, world.</p></body></html>"
)


def hello(request):
    """A small page, built without a template or a query."""
    return HttpResponse(PAGE)


urlpatterns = [path("", hello)]
