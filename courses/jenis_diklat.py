"""The national activity types (SIASN ``jenisDiklat``): how a course is classified
for the national export, so it lives with the course; the JP ledger, external
claims, certificates and HR's export read it from here.

Codes 1–13 are klasikal, 14–25 nonklasikal.
"""

from django.db import models


class JenisDiklat(models.IntegerChoices):
    STRUKTURAL = 1, "Struktural"
    FUNGSIONAL = 2, "Fungsional"
    TEKNIS = 3, "Teknis"
    WORKSHOP = 4, "Workshop"
    MANAJERIAL = 5, "Manajerial"
    SOSIAL_KULTURAL = 6, "Sosial Kultural"
    SOSIALISASI = 7, "Sosialisasi"
    BIMBINGAN_TEKNIS = 8, "Bimbingan Teknis"
    SEMINAR = 9, "Seminar"
    MAGANG = 10, "Magang"
    KURSUS = 11, "Kursus"
    PENATARAN = 12, "Penataran"
    KLASIKAL_LAINNYA = 13, "Klasikal lainnya"
    COACHING = 14, "Coaching"
    MENTORING = 15, "Mentoring"
    E_LEARNING = 16, "E-Learning"
    PELATIHAN_JARAK_JAUH = 17, "Pelatihan Jarak Jauh"
    DETASERING = 18, "Detasering"
    OUTBOUND = 19, "Outbound"
    BENCHMARKING = 20, "Benchmarking"
    PERTUKARAN = 21, "Pertukaran"
    BELAJAR_MANDIRI = 22, "Belajar Mandiri"
    KOMUNITAS_BELAJAR = 23, "Komunitas Belajar"
    BIMBINGAN_DI_TEMPAT_KERJA = 24, "Bimbingan di Tempat Kerja"
    NONKLASIKAL_LAINNYA = 25, "Nonklasikal lainnya"
