"""The national competencies (manajerial M.1–M.8, sosial kultural SK.1) with a
description and behaviour indicators for each level 1–5.

Written for Sigap following the structure of PermenPANRB 38/2017: level 1 applies
the competency in one's own work, level 2 helps colleagues do so, level 3 secures
it across a unit, level 4 builds it into an organisation's systems, level 5 is a
national role model who shapes policy. Editors may refine the text in the admin.
"""

from django.db import migrations

FRAMEWORK = [
    (
        "M.1",
        "Integritas",
        "manajerial",
        "Konsisten berperilaku sesuai nilai, norma, dan etika organisasi; jujur "
        "kepada atasan, rekan, bawahan, dan pemangku kepentingan; berani "
        "menegakkan kebenaran dan menolak penyimpangan.",
        [
            (
                "Bertindak sesuai nilai, norma, dan etika organisasi dalam pekerjaan sendiri.",
                "Bekerja sesuai kode etik dan aturan yang berlaku\n"
                "Tidak menjanjikan, memberi, atau menerima sesuatu yang melanggar aturan\n"
                "Mengakui kesalahan sendiri dan memperbaikinya",
            ),
            (
                "Mengingatkan dan mengajak rekan kerja bertindak sesuai nilai, norma, dan etika.",
                "Mengingatkan rekan secara santun ketika ada penyimpangan\n"
                "Menyampaikan informasi secara jujur dan utuh\n"
                "Menolak ajakan yang melanggar aturan walau dari orang dekat",
            ),
            (
                "Menjamin unit kerjanya bertindak sesuai etika dan berani menegur penyimpangan.",
                "Menanamkan keyakinan bersama tentang pentingnya integritas di unit\n"
                "Menegur dan mengoreksi pelanggaran tanpa pandang bulu\n"
                "Mengambil keputusan yang benar meski tidak populer",
            ),
            (
                "Membangun sistem dan budaya organisasi yang menjaga integritas.",
                "Merancang mekanisme pencegahan dan pelaporan pelanggaran\n"
                "Memberi penghargaan dan sanksi secara konsisten\n"
                "Menjadi contoh integritas bagi seluruh pegawai instansi",
            ),
            (
                "Menjadi panutan integritas tingkat nasional dan membentuk kebijakan yang menegakkannya.",
                "Merumuskan kebijakan integritas yang berlaku lintas instansi\n"
                "Bertindak tegas atas pelanggaran berdampak luas\n"
                "Dijadikan rujukan publik dalam menjunjung etika jabatan",
            ),
        ],
    ),
    (
        "M.2",
        "Kerjasama",
        "manajerial",
        "Kemampuan menjalin, membina, dan mempertahankan hubungan kerja yang efektif; "
        "berkomitmen saling membantu menyelesaikan tugas; dan mengoptimalkan segala "
        "sumber daya untuk tujuan bersama.",
        [
            (
                "Berpartisipasi aktif dalam tugas tim dan menyelesaikan bagiannya.",
                "Menyelesaikan bagian tugas tim tepat waktu\n"
                "Berbagi informasi yang dibutuhkan anggota tim\n"
                "Menghargai pendapat dan keahlian orang lain",
            ),
            (
                "Menumbuhkan tim kerja yang partisipatif dan efektif.",
                "Membantu rekan yang kesulitan tanpa diminta\n"
                "Mengajak anggota tim yang pasif untuk terlibat\n"
                "Mencari titik temu ketika pendapat berbeda",
            ),
            (
                "Efektif membangun kerja sama tim dan lintas unit untuk hasil bersama.",
                "Membangun koordinasi dengan unit lain untuk menyelesaikan masalah\n"
                "Membagi peran sesuai kekuatan anggota tim\n"
                "Menyelesaikan konflik kepentingan dalam tim secara terbuka",
            ),
            (
                "Membangun komitmen dan sinergi lintas unit dan instansi.",
                "Menciptakan forum dan mekanisme kolaborasi lintas instansi\n"
                "Memanfaatkan sumber daya bersama untuk tujuan organisasi\n"
                "Menggerakkan mitra di luar pemerintah untuk pelayanan publik",
            ),
            (
                "Menciptakan kolaborasi strategis tingkat nasional yang membentuk kebijakan.",
                "Membangun kemitraan nasional lintas sektor\n"
                "Menjadi penghubung kepentingan yang berbeda demi tujuan negara\n"
                "Dijadikan rujukan dalam membangun jejaring kerja sama",
            ),
        ],
    ),
    (
        "M.3",
        "Komunikasi",
        "manajerial",
        "Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, dan "
        "meyakinkan, disertai argumentasi yang logis, dengan cara yang sesuai; "
        "mendengarkan aktif; serta menyampaikan informasi secara lisan dan tertulis.",
        [
            (
                "Menyampaikan informasi dengan jelas, lengkap, dan mudah dipahami.",
                "Menyampaikan pesan secara lisan dan tertulis dengan runtut\n"
                "Mendengarkan dan memastikan pesan orang lain dipahami\n"
                "Menggunakan bahasa yang sopan dan sesuai penerima",
            ),
            (
                "Aktif menjalankan komunikasi formal dan informal; mendengarkan dan menanggapi.",
                "Bertanya untuk memastikan kebutuhan penerima layanan\n"
                "Menanggapi pertanyaan dengan tepat dan tidak defensif\n"
                "Menyusun laporan atau surat yang ringkas dan lengkap",
            ),
            (
                "Berkomunikasi secara meyakinkan dan menyesuaikan pesan dengan audiens.",
                "Menyusun pesan yang berbeda untuk kelompok yang berbeda\n"
                "Meyakinkan pihak lain dengan data dan alasan yang logis\n"
                "Menyampaikan informasi sulit atau sensitif dengan empati",
            ),
            (
                "Mengemukakan pemikiran yang kompleks dan membangun komunikasi organisasi.",
                "Menjelaskan kebijakan yang rumit dengan bahasa sederhana\n"
                "Menata saluran komunikasi organisasi, termasuk saat krisis\n"
                "Bernegosiasi secara efektif dengan pemangku kepentingan",
            ),
            (
                "Menjadi komunikator tingkat nasional yang memengaruhi opini dan kebijakan publik.",
                "Menyampaikan kebijakan strategis kepada publik luas\n"
                "Memengaruhi pemangku kepentingan nasional dan internasional\n"
                "Membangun kepercayaan publik melalui komunikasi yang terbuka",
            ),
        ],
    ),
    (
        "M.4",
        "Orientasi pada Hasil",
        "manajerial",
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan "
        "tugas; dapat diandalkan, bertanggung jawab, mampu mengidentifikasi risiko "
        "dan peluang, serta berinisiatif menjaga dan meningkatkan kinerja.",
        [
            (
                "Bertanggung jawab menyelesaikan tugasnya sesuai standar dan tepat waktu.",
                "Menyelesaikan tugas sesuai target yang ditetapkan\n"
                "Bekerja teliti dan memeriksa hasil kerja sendiri\n"
                "Mencari cara agar pekerjaan tetap selesai saat ada hambatan",
            ),
            (
                "Berupaya meningkatkan hasil kerja pribadi melebihi standar.",
                "Menetapkan target pribadi yang menantang\n"
                "Memperbaiki cara kerja berdasarkan umpan balik\n"
                "Memantau kemajuan kerja dan segera bertindak bila tertinggal",
            ),
            (
                "Menetapkan target kerja unit yang menantang dan memastikan tercapai.",
                "Menetapkan ukuran keberhasilan yang jelas bagi unit\n"
                "Mengelola risiko yang mengancam target\n"
                "Mengarahkan sumber daya ke prioritas hasil",
            ),
            (
                "Mengembangkan standar kinerja dan sistem pengukuran hasil organisasi.",
                "Merancang sistem pemantauan kinerja organisasi\n"
                "Mengambil risiko terukur untuk hasil yang lebih besar\n"
                "Menjadikan data kinerja dasar perbaikan berkelanjutan",
            ),
            (
                "Mendorong budaya berorientasi hasil tingkat nasional melalui kebijakan.",
                "Menetapkan target strategis nasional yang berdampak luas\n"
                "Merumuskan kebijakan berbasis kinerja\n"
                "Dijadikan rujukan dalam pencapaian hasil pembangunan",
            ),
        ],
    ),
    (
        "M.5",
        "Pelayanan Publik",
        "manajerial",
        "Kemampuan melaksanakan tugas pemerintahan, pembangunan, dan pelayanan publik "
        "secara profesional, transparan, dan mengikuti standar pelayanan yang "
        "objektif, netral, tidak memihak, dan tidak diskriminatif, termasuk saat "
        "keadaan tidak normal.",
        [
            (
                "Melayani masyarakat sesuai standar pelayanan dengan ramah dan adil.",
                "Memberi layanan sesuai standar dan prosedur yang berlaku\n"
                "Bersikap ramah dan tidak membeda-bedakan penerima layanan\n"
                "Menjelaskan persyaratan dan proses layanan dengan jelas",
            ),
            (
                "Mampu mensupervisi dan menjaga mutu layanan bersama rekan kerja.",
                "Menanggapi keluhan dengan cepat dan tuntas\n"
                "Memantau kepuasan penerima layanan\n"
                "Mengajak rekan menjaga standar pelayanan",
            ),
            (
                "Memastikan unit memberikan layanan bermutu dan terus memperbaikinya.",
                "Menganalisis keluhan untuk memperbaiki proses layanan\n"
                "Menjaga layanan tetap berjalan saat situasi darurat\n"
                "Mengutamakan kelompok rentan dalam pelayanan",
            ),
            (
                "Merancang sistem pelayanan publik yang responsif dan berkelanjutan.",
                "Merancang inovasi layanan, termasuk layanan daring\n"
                "Menyusun rencana kelangsungan layanan saat krisis\n"
                "Membangun kemitraan untuk memperluas jangkauan layanan",
            ),
            (
                "Menjadi panutan pelayanan publik tingkat nasional dan membentuk kebijakannya.",
                "Merumuskan kebijakan standar pelayanan nasional\n"
                "Mengantisipasi kebutuhan layanan masyarakat jangka panjang\n"
                "Dijadikan rujukan dalam reformasi pelayanan publik",
            ),
        ],
    ),
    (
        "M.6",
        "Pengembangan Diri dan Orang Lain",
        "manajerial",
        "Kemampuan meningkatkan pengetahuan dan menyempurnakan keterampilan diri; "
        "menginspirasi orang lain untuk mengembangkan dan menyempurnakan "
        "pengetahuan dan keterampilan yang relevan dengan pekerjaan.",
        [
            (
                "Mengembangkan diri sesuai kebutuhan pekerjaannya.",
                "Mengikuti pelatihan yang relevan dengan tugas\n"
                "Meminta dan menerima umpan balik untuk perbaikan\n"
                "Belajar dari kesalahan dan pengalaman",
            ),
            (
                "Meningkatkan kemampuan diri dan berbagi pengetahuan dengan rekan.",
                "Menyusun rencana pengembangan diri\n"
                "Berbagi ilmu dan pengalaman kepada rekan kerja\n"
                "Memberi masukan yang membangun",
            ),
            (
                "Membimbing dan mengembangkan kemampuan orang lain di unitnya.",
                "Memberi coaching dan mentoring kepada bawahan\n"
                "Memberi tugas yang mengembangkan kemampuan\n"
                "Memantau perkembangan kompetensi anggota tim",
            ),
            (
                "Membangun sistem pengembangan kompetensi organisasi.",
                "Menyusun program pengembangan berbasis kebutuhan kompetensi\n"
                "Menumbuhkan budaya belajar di organisasi\n"
                "Menyiapkan kader dan suksesi jabatan",
            ),
            (
                "Menciptakan kebijakan pengembangan SDM aparatur tingkat nasional.",
                "Merumuskan kebijakan pengembangan kompetensi ASN\n"
                "Membangun ekosistem pembelajaran lintas instansi\n"
                "Dijadikan rujukan dalam pengembangan talenta aparatur",
            ),
        ],
    ),
    (
        "M.7",
        "Mengelola Perubahan",
        "manajerial",
        "Kemampuan menyesuaikan diri dengan situasi baru atau berubah, tidak "
        "bergantung pada cara lama; proaktif, kreatif, dan inovatif dalam "
        "menjalankan dan mendorong perubahan demi kinerja yang lebih baik.",
        [
            (
                "Menyesuaikan diri dengan perubahan dan menjalankannya dalam pekerjaan sendiri.",
                "Menerima dan mempelajari cara kerja baru\n"
                "Tetap bekerja efektif saat keadaan berubah\n"
                "Mengusulkan perbaikan kecil pada pekerjaan sendiri",
            ),
            (
                "Proaktif mendorong dan membantu rekan menjalani perubahan.",
                "Menjelaskan manfaat perubahan kepada rekan\n"
                "Mencoba gagasan baru secara terukur\n"
                "Membantu rekan yang kesulitan beradaptasi",
            ),
            (
                "Memimpin perubahan dan inovasi di unit kerjanya.",
                "Merancang dan menguji inovasi layanan di unit\n"
                "Mengelola penolakan terhadap perubahan\n"
                "Memantau dampak perubahan dan menyesuaikan langkah",
            ),
            (
                "Memimpin transformasi organisasi dan melembagakan inovasi.",
                "Menyusun peta jalan perubahan organisasi\n"
                "Menyiapkan sumber daya dan sistem pendukung inovasi\n"
                "Membangun budaya yang menghargai percobaan dan pembelajaran",
            ),
            (
                "Menjadi penggerak perubahan tingkat nasional melalui kebijakan.",
                "Merumuskan kebijakan reformasi yang berdampak luas\n"
                "Mengantisipasi perubahan lingkungan strategis\n"
                "Dijadikan rujukan dalam inovasi sektor publik",
            ),
        ],
    ),
    (
        "M.8",
        "Pengambilan Keputusan",
        "manajerial",
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan "
        "keyakinan diri setelah mempertimbangkan prinsip kehati-hatian, "
        "dirumuskan secara sistematis dan seksama berdasarkan informasi, "
        "alternatif pemecahan masalah, dan konsekuensinya.",
        [
            (
                "Mengambil keputusan rutin dalam pekerjaannya berdasarkan prosedur dan data.",
                "Mengumpulkan informasi sebelum memutuskan\n"
                "Memutuskan sesuai kewenangan dan prosedur\n"
                "Mengenali kapan masalah harus dilaporkan ke atasan",
            ),
            (
                "Menganalisis masalah dan memilih alternatif terbaik secara tepat waktu.",
                "Membandingkan beberapa pilihan beserta akibatnya\n"
                "Memutuskan cepat dalam situasi mendesak dengan data yang ada\n"
                "Bertanggung jawab atas keputusan yang diambil",
            ),
            (
                "Mengambil keputusan yang berisiko dengan mempertimbangkan dampaknya bagi unit.",
                "Menimbang risiko dan manfaat secara sistematis\n"
                "Melibatkan pihak terkait tanpa menunda keputusan\n"
                "Mengevaluasi dan mengoreksi keputusan bila keadaan berubah",
            ),
            (
                "Menyelesaikan masalah kompleks dan mengambil keputusan strategis bagi organisasi.",
                "Memutuskan dalam ketidakpastian tinggi, termasuk saat krisis\n"
                "Menyusun kerangka pengambilan keputusan organisasi\n"
                "Menyelaraskan keputusan dengan tujuan jangka panjang",
            ),
            (
                "Menghasilkan keputusan strategis tingkat nasional yang membentuk kebijakan.",
                "Memutuskan hal yang berdampak luas bagi masyarakat\n"
                "Mempertimbangkan kepentingan lintas sektor dan generasi\n"
                "Dijadikan rujukan dalam keputusan kebijakan publik",
            ),
        ],
    ),
    (
        "SK.1",
        "Perekat Bangsa",
        "sosial_kultural",
        "Kemampuan mempromosikan sikap toleransi, keterbukaan, dan peka terhadap "
        "perbedaan individu maupun kelompok; bertindak sebagai perekat bangsa dalam "
        "menjalankan tugas dan pelayanan kepada masyarakat yang majemuk.",
        [
            (
                "Peduli dan menghargai perbedaan dalam pekerjaan dan pelayanannya.",
                "Menghargai perbedaan suku, agama, budaya, dan pandangan\n"
                "Melayani semua orang tanpa diskriminasi\n"
                "Bergaul dengan rekan yang berlatar belakang berbeda",
            ),
            (
                "Aktif membangun hubungan sosial yang harmonis di lingkungan kerja.",
                "Mengajak rekan menghargai keberagaman\n"
                "Menyesuaikan cara berkomunikasi dengan budaya setempat\n"
                "Mencegah candaan atau perilaku yang merendahkan kelompok lain",
            ),
            (
                "Mengelola keberagaman dan mencegah konflik di unitnya.",
                "Menjembatani perbedaan kepentingan dalam unit\n"
                "Menangani potensi konflik berlatar perbedaan secara adil\n"
                "Memastikan layanan unit peka budaya",
            ),
            (
                "Membangun kebijakan organisasi yang inklusif dan memperkuat persatuan.",
                "Merancang program yang melibatkan kelompok beragam\n"
                "Membangun kemitraan dengan tokoh masyarakat dan adat\n"
                "Menjadikan keberagaman sebagai kekuatan organisasi",
            ),
            (
                "Menjadi panutan perekat bangsa tingkat nasional dan membentuk kebijakannya.",
                "Merumuskan kebijakan yang memperkuat persatuan bangsa\n"
                "Menengahi isu kebangsaan yang berdampak luas\n"
                "Dijadikan rujukan dalam menjaga keutuhan NKRI",
            ),
        ],
    ),
]


def seed_framework(apps, schema_editor):
    Competency = apps.get_model("competencies", "Competency")
    CompetencyLevel = apps.get_model("competencies", "CompetencyLevel")
    for order, (code, name, group, definition, levels) in enumerate(FRAMEWORK):
        competency, _ = Competency.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "group": group,
                "definition": definition,
                "sort_order": (order + 1) * 10,
            },
        )
        for level, (description, indicators) in enumerate(levels, start=1):
            CompetencyLevel.objects.get_or_create(
                competency=competency,
                level=level,
                defaults={
                    "description": description,
                    "indicators": indicators,
                    "sort_order": level,
                },
            )


def remove_framework(apps, schema_editor):
    Competency = apps.get_model("competencies", "Competency")
    Competency.objects.filter(code__in=[row[0] for row in FRAMEWORK]).delete()


class Migration(migrations.Migration):
    dependencies = [("competencies", "0001_initial")]

    operations = [migrations.RunPython(seed_framework, remove_framework)]
