from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "packages"
urlpatterns = [
    path("<id:page_id>/mulai/", views.launch_view, name="launch"),
    path("<id:page_id>/runtime/<id:number>/", views.commit_view, name="commit"),
    path(
        "<id:page_id>/<id:package_id>/berkas/<path:path>",
        views.file_view,
        name="file",
    ),
    path(
        "cmi5/<uuid:registration>/token/<str:code>/",
        views.cmi5_fetch_view,
        name="cmi5_fetch",
    ),
    path(
        "cmi5/<uuid:registration>/xapi/",
        views.cmi5_endpoint_view,
        name="cmi5_endpoint",
    ),
    path(
        "cmi5/<uuid:registration>/xapi/statements",
        views.cmi5_statements_view,
        name="cmi5_statements",
    ),
    path(
        "cmi5/<uuid:registration>/xapi/activities/state",
        views.cmi5_state_view,
        name="cmi5_state",
    ),
]
