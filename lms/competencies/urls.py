"""The learner's pages live under /kompetensi/; HR's review of claims under
/hr/klaim-jp/, so the staff-area rules (MFA before /hr/) cover it."""

from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views

app_name = "competencies"
urlpatterns = [
    path("kompetensi/", views.my_competencies_view, name="mine"),
    path(
        "kompetensi/bukti/<id:evidence_id>/",
        views.evidence_detail_view,
        name="evidence",
    ),
    path("kompetensi/klaim/baru/", views.claim_create_view, name="claim_create"),
    path(
        "kompetensi/klaim/<id:claim_id>/bukti.pdf",
        views.claim_evidence_view,
        name="claim_evidence",
    ),
    path("hr/klaim-jp/", views.claim_review_queue_view, name="review_queue"),
    path("hr/klaim-jp/<id:claim_id>/", views.claim_review_view, name="review"),
    path(
        "hr/klaim-jp/<id:claim_id>/bukti.pdf",
        views.claim_review_evidence_view,
        name="review_evidence",
    ),
]
