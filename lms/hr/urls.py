from django.urls import path

import lms.converters  # noqa: F401  (registers <id:…>)

from . import unit_views, views

app_name = "hr"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("pegawai/", views.learners, name="learners"),
    path("pegawai/<id:user_id>/", views.transcript, name="transcript"),
    path("pegawai/<id:user_id>/pdf/", views.transcript_pdf, name="transcript_pdf"),
    path("pegawai/<id:user_id>/atasan/", views.set_supervisor, name="set_supervisor"),
    path("pengingat/", views.reminders, name="reminders"),
    path("pengingat/kirim/", views.reminders_send, name="reminders_send"),
    path("ekspor/", views.exports, name="exports"),
    path(
        "ekspor/riwayat-kursus.csv", views.export_riwayat_csv, name="export_riwayat_csv"
    ),
    path(
        "ekspor/riwayat-kursus.xlsx",
        views.export_riwayat_xlsx,
        name="export_riwayat_xlsx",
    ),
    path("ekspor/rekap-jp.csv", views.export_jp_recap_csv, name="export_jp_recap"),
    path("ekspor/waktu-belajar.csv", views.export_time_csv, name="export_time_csv"),
    path("ekspor/waktu-belajar.xlsx", views.export_time_xlsx, name="export_time_xlsx"),
    path("siasn/", views.siasn, name="siasn"),
    path("siasn/<id:row_id>/kirim-ulang/", views.siasn_retry, name="siasn_retry"),
    path("unit/", unit_views.unit_list, name="units"),
    path("unit/tambah/", unit_views.unit_add, name="unit_add_root"),
    path("unit/<id:parent_id>/tambah/", unit_views.unit_add, name="unit_add"),
    path("unit/<id:unit_id>/ubah/", unit_views.unit_change, name="unit_change"),
    path("impor/", views.imports, name="imports"),
    path("impor/contoh.csv", views.import_template, name="import_template"),
    path("impor/<id:job_id>/terapkan/", views.import_apply, name="import_apply"),
    path("pendaftaran-massal/", views.bulk_enrol, name="bulk_enrol"),
    path("tugas/<id:job_id>/", views.job_detail, name="job"),
    path("tugas/<id:job_id>/unduh/", views.job_download, name="job_download"),
]
