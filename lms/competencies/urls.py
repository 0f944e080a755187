from django.urls import path

from . import views

app_name = "competencies"
urlpatterns = [
    path("", views.my_competencies_view, name="mine"),
    path("bukti/<int:evidence_id>/", views.evidence_detail_view, name="evidence"),
    path("klaim/baru/", views.claim_create_view, name="claim_create"),
    path(
        "klaim/<int:claim_id>/bukti.pdf",
        views.claim_evidence_view,
        name="claim_evidence",
    ),
    path("klaim/tinjau/", views.claim_review_queue_view, name="review_queue"),
    path("klaim/<int:claim_id>/tinjau/", views.claim_review_view, name="review"),
]
