"""Teaching content for the four Sigap demo modules (pure data, no Django imports).

The content is grounded in the national webinar "Dinamika Pelayanan Publik Masa
Pandemi COVID-19" (the SDGs/agenda 2030, the three pandemic policy fields, SPBE and
digitalisation, service standards, the five obstacles to service delivery, keeping
services running in normal and abnormal conditions) and in well-known public-sector
practice. Only regulations named in that source or in docs/domain.md are cited;
everything else is described generally.

``MODULES`` holds four module dicts, in catalogue order:

- ``code``, ``title``, ``slug``, ``summary``, ``jp`` (int), ``goals`` (list of str);
- ``topic``: a ``(name, slug)`` tuple;
- ``competencies``: a list of ``(code, level)`` tuples from PermenPANRB 38/2017;
- ``lessons``: lesson dicts with ``title``, ``slug``, ``intro``, ``minutes`` and
  ``body``, a list of ``(block_type, value)`` tuples matching ``LessonStreamBlock``
  (``paragraph``, ``heading``, ``callout``, ``case_study``, ``reflection``);
- ``pretest`` and ``posttest``: parallel question lists measuring the same competencies.

Question dicts share ``type``, ``text``, ``explanation``, ``competency``, ``difficulty``
and ``points``; by type they add ``choices`` (``single``: exactly one correct;
``multiple``: two or more correct, plus ``scoring``), ``answer`` (``true_false``),
``accepted`` (``short``), ``items`` in the correct order (``ordering``) or
``pairs`` (``matching``).
"""


# ---------------------------------------------------------------------------
# Modul 1: Berpikir Cepat dalam Krisis (M.8 Pengambilan Keputusan)
# ---------------------------------------------------------------------------

_BCP_LESSONS = [
    {
        "title": "Krisis dan Kebutuhan Berpikir Cepat",
        "slug": "krisis-dan-kebutuhan-berpikir-cepat",
        "intro": (
            "Pelajaran ini menjelaskan mengapa krisis seperti pandemi COVID-19 "
            "menuntut aparatur mengambil keputusan lebih cepat tanpa mengorbankan "
            "ketelitian."
        ),
        "minutes": 20,
        "body": [
            (
                "heading",
                {"text": "Ketika aturan rutin tidak lagi cukup", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Menurut webinar nasional tentang dinamika pelayanan publik "
                    "masa pandemi, COVID-19 telah menyebar ke 210 negara dan "
                    "mengganggu hampir semua sendi kehidupan: kesehatan, ekonomi, "
                    "pendidikan, kehidupan sosial, hingga proses pelayanan publik itu "
                    "sendiri. Di tengah kondisi itu, peran utama pemerintah tidak "
                    "berubah, yaitu menyediakan pelayanan publik untuk "
                    "menyejahterakan masyarakat. Apa pun kondisinya, pelayanan harus "
                    "tetap dilakukan semaksimal mungkin.</p>"
                    "<p>Yang berubah adalah cara keputusan harus diambil. Dalam "
                    "kondisi rutin, sebagian besar keputusan layanan sudah “diambil” "
                    "jauh hari dalam bentuk SOP, standar pelayanan, dan jadwal kerja. "
                    "Dalam krisis, banyak asumsi di balik SOP itu runtuh bersamaan: "
                    "petugas jatuh sakit, kantor harus membatasi kerumunan, kebijakan "
                    "pusat dan daerah berubah dalam hitungan hari, dan warga datang "
                    "dengan kebutuhan baru yang belum pernah diatur.</p>"
                    "<p>Karena itu, webinar tersebut menempatkan <em>quick "
                    "thinking</em> (berpikir cepat) sebagai salah satu peran penting "
                    "aparatur di masa pandemi, berdampingan dengan memastikan "
                    "kesinambungan layanan, mengutamakan masyarakat, dan menyediakan "
                    "layanan informasi yang akurat.</p>"
                ),
            ),
            ("heading", {"text": "Ciri keputusan dalam krisis", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Keputusan dalam krisis umumnya memiliki empat ciri "
                    "berikut:</p><ul>"
                    "<li><strong>Informasi tidak lengkap.</strong> Data belum "
                    "tersedia, belum dapat dipastikan, atau cepat usang. Laporan dari "
                    "lapangan sering bercampur dengan kabar yang belum jelas "
                    "sumbernya.</li>"
                    "<li><strong>Waktu sempit.</strong> Menunda keputusan juga "
                    "merupakan keputusan, dan sering kali justru yang paling mahal "
                    "akibatnya bagi warga.</li>"
                    "<li><strong>Taruhan tinggi.</strong> Keputusan menyangkut "
                    "keselamatan petugas dan warga, sekaligus hak warga atas layanan "
                    "yang mereka butuhkan.</li>"
                    "<li><strong>Situasi terus bergerak.</strong> Kebijakan di bidang "
                    "kesehatan, relaksasi ekonomi, dan sosial terus diperbarui, "
                    "misalnya peralihan dari PSBB ke PSBB Transisi, sehingga "
                    "keputusan kemarin bisa tidak berlaku lagi hari ini.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Cepat tidak sama dengan tergesa-gesa",
                    "text": (
                        "<p>Berpikir cepat berarti memperpendek jarak antara memahami "
                        "situasi dan bertindak, <strong>bukan</strong> melompati "
                        "langkah penting. Keputusan cepat yang baik tetap berpijak "
                        "pada kewenangan, aturan yang berlaku, keselamatan, dan "
                        "kepentingan warga. Bedanya, keputusan diambil dengan "
                        "informasi secukupnya, bukan menunggu informasi sempurna.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Keputusan di garis depan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Banyak keputusan krisis tidak diambil di ruang rapat "
                    "pimpinan, tetapi di depan loket, di halaman puskesmas, atau di "
                    "balai desa. Koordinator loket, kepala seksi, lurah, dan kepala "
                    "puskesmas harus memutuskan dalam hitungan menit: siapa dilayani "
                    "lebih dulu, apakah antrean dipindahkan, apakah layanan tertentu "
                    "dialihkan ke kanal lain. Untuk itu setiap ASN perlu mengetahui "
                    "batas kewenangannya: keputusan apa yang boleh diambil sendiri, "
                    "apa yang harus segera dilaporkan, dan apa yang harus menunggu "
                    "persetujuan pimpinan.</p>"
                    "<p>Dalam standar kompetensi manajerial ASN (PermenPANRB "
                    "38/2017), kompetensi Pengambilan Keputusan (M.8) pada level 3 "
                    "berkaitan dengan kemampuan membandingkan berbagai alternatif dan "
                    "menyeimbangkan risiko keberhasilannya ketika dijalankan. Modul "
                    "ini melatih kemampuan itu dalam situasi krisis: mengamati dengan "
                    "cepat, memilah prioritas, dan mengambil keputusan yang cukup "
                    "baik untuk saat ini dengan titik tinjau yang jelas.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Hari pertama PSBB di kantor Dukcapil",
                    "scenario": (
                        "<p>Senin pagi, hari pertama PSBB berlaku di kabupaten Anda. "
                        "Anda koordinator pelayanan di kantor Dinas Kependudukan dan "
                        "Pencatatan Sipil (Dukcapil). Pukul 07.30 sudah ada sekitar "
                        "60 warga mengantre di halaman, sebagian besar tanpa jarak. "
                        "Surat edaran bupati meminta kantor membatasi kerumunan, "
                        "tetapi belum ada petunjuk teknis tentang layanan "
                        "kependudukan. Dua dari tujuh petugas loket tidak masuk "
                        "karena demam.</p>"
                        "<p>Di antara warga ada yang mengurus akta kematian anggota "
                        "keluarganya, ada yang memerlukan KTP-el untuk mencairkan "
                        "bantuan sosial, dan ada pula yang hanya ingin memperbarui "
                        "data pekerjaan di kartu keluarga.</p>"
                    ),
                    "questions": [
                        (
                            "Informasi apa yang paling Anda butuhkan dalam 15 menit "
                            "pertama, dan informasi apa yang bisa menunggu?"
                        ),
                        (
                            "Keputusan apa yang berada dalam kewenangan Anda, dan apa "
                            "yang perlu segera dilaporkan kepada kepala dinas?"
                        ),
                        (
                            "Bagaimana Anda memutuskan siapa yang dilayani hari ini "
                            "dan siapa yang dijadwalkan ulang?"
                        ),
                    ],
                    "debrief": (
                        "<p>Langkah pertama yang masuk akal adalah mengamankan "
                        "situasi: mengatur jarak antrean dan memisahkan warga yang "
                        "bergejala, karena keselamatan tidak bisa menunggu petunjuk "
                        "teknis. Berikutnya, pilah kebutuhan warga berdasarkan "
                        "urgensi. Akta kematian dan dokumen untuk pencairan bantuan "
                        "berdampak langsung pada hak dan penghidupan warga, sedangkan "
                        "pembaruan data pekerjaan dapat dijadwalkan ulang dengan "
                        "nomor antrean dan tanggal yang pasti.</p>"
                        "<p>Laporkan keputusan sementara ini kepada kepala dinas "
                        "beserta alasannya, lalu tetapkan kapan keputusan ditinjau, "
                        "misalnya pukul 12.00. Hindari dua ekstrem: menutup layanan "
                        "sepenuhnya tanpa kanal pengganti, atau melayani seperti "
                        "biasa seolah tidak ada krisis.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Ingat satu situasi di unit kerja Anda ketika keputusan harus "
                        "diambil sebelum semua informasi tersedia. Apa yang Anda "
                        "lakukan saat itu, dan apa yang akan Anda lakukan secara "
                        "berbeda sekarang?"
                    ),
                    "hint": (
                        "Pikirkan informasi apa yang benar-benar menentukan keputusan "
                        "saat itu, dan siapa yang seharusnya Anda beri tahu."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Siklus OODA: Amati, Orientasikan, Putuskan, Bertindak",
        "slug": "siklus-ooda",
        "intro": (
            "Pelajaran ini memperkenalkan siklus OODA sebagai kerangka sederhana "
            "untuk mengambil keputusan berulang dalam situasi yang terus berubah."
        ),
        "minutes": 25,
        "body": [
            ("heading", {"text": "Asal dan gagasan dasar", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Siklus OODA dikembangkan oleh John Boyd, ahli strategi "
                    "Angkatan Udara Amerika Serikat, untuk menjelaskan mengapa pihak "
                    "yang lebih cepat memahami dan menanggapi perubahan akan lebih "
                    "unggul dalam situasi yang tidak pasti. Kerangka ini kemudian "
                    "banyak dipakai di luar dunia militer, termasuk dalam manajemen "
                    "kedaruratan dan pelayanan publik. OODA terdiri atas empat "
                    "langkah yang berulang:</p><ol>"
                    "<li><strong>Observe (amati):</strong> kumpulkan fakta terkini "
                    "dari lapangan, misalnya jumlah antrean, jumlah petugas yang "
                    "sehat, pengaduan warga, dan surat edaran terbaru. Bedakan fakta "
                    "dari kabar yang belum jelas sumbernya.</li>"
                    "<li><strong>Orient (orientasikan):</strong> maknai fakta itu "
                    "dengan konteks, yaitu aturan dan kewenangan, nilai pelayanan, "
                    "pengalaman sebelumnya, dan kondisi setempat. Tahap ini paling "
                    "menentukan, karena di sinilah bias dan asumsi lama dapat "
                    "menyesatkan.</li>"
                    "<li><strong>Decide (putuskan):</strong> susun dua atau tiga "
                    "alternatif, bandingkan manfaat dan risikonya, lalu pilih "
                    "satu.</li>"
                    "<li><strong>Act (bertindak):</strong> jalankan keputusan, "
                    "umumkan kepada yang terdampak, lalu segera kembali mengamati "
                    "hasilnya.</li></ol>"
                ),
            ),
            ("heading", {"text": "Menerapkan OODA di unit layanan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Pada tahap orientasi, ajukan pertanyaan yang menghubungkan "
                    "fakta dengan tugas pelayanan. Kebijakan mana yang berlaku: "
                    "bidang kesehatan (misalnya PSBB dan panduan pencegahan COVID-19 "
                    "di tempat kerja perkantoran), bidang relaksasi ekonomi, atau "
                    "bidang sosial seperti penyaluran bantuan? Siapa warga yang "
                    "paling terdampak bila layanan berubah? Hambatan mana yang paling "
                    "mungkin mengganggu: kualitas SDM, infrastruktur atau jaringan, "
                    "anggaran, budaya masyarakat, atau kondisi geografis?</p>"
                    "<p>Pada tahap memutuskan, hindari pilihan “semua atau tidak sama "
                    "sekali”. Di antara “tutup total” dan “buka seperti biasa” hampir "
                    "selalu ada alternatif lain: membatasi kuota, membuka janji temu, "
                    "memisahkan jadwal kelompok rentan, atau mengalihkan sebagian "
                    "layanan ke kanal lain.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Pertanyaan kunci di setiap langkah",
                    "text": (
                        "<ul>"
                        "<li><strong>Amati:</strong> fakta apa yang berubah sejak "
                        "keputusan terakhir?</li>"
                        "<li><strong>Orientasikan:</strong> asumsi apa yang tidak "
                        "lagi berlaku?</li>"
                        "<li><strong>Putuskan:</strong> alternatif mana yang paling "
                        "melindungi warga dengan risiko yang masih dapat "
                        "diterima?</li>"
                        "<li><strong>Bertindak:</strong> siapa melakukan apa, mulai "
                        "kapan, dan bagaimana kita tahu hasilnya?</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h3>Kecepatan siklus, bukan kecepatan satu keputusan</h3>"
                    "<p>Keunggulan OODA terletak pada pengulangannya. Unit yang "
                    "meninjau keadaan setiap pagi dan menyesuaikan langkahnya lebih "
                    "adaptif daripada unit yang menyusun satu rencana sempurna lalu "
                    "tidak pernah memperbaruinya. Ketika status wilayah, jumlah "
                    "petugas yang sehat, dan kebijakan berubah setiap minggu, siklus "
                    "harian yang singkat dan disiplin lebih berharga daripada satu "
                    "rapat panjang.</p>"
                    "<p>Ada dua perangkap yang perlu diwaspadai. Pertama, terjebak di "
                    "tahap mengamati: terus mengumpulkan data tanpa pernah "
                    "memutuskan. Kedua, melompati tahap orientasi: langsung bertindak "
                    "berdasarkan kebiasaan lama, padahal keadaan sudah berubah.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Puskesmas dan lonjakan pasien bergejala pernapasan",
                    "scenario": (
                        "<p>Anda kepala puskesmas kecamatan. Dalam seminggu terakhir, "
                        "kunjungan pasien dengan gejala batuk dan demam meningkat "
                        "tajam. Stok masker medis hanya cukup untuk sekitar lima "
                        "hari, dan ruang tunggu tidak memisahkan pasien bergejala "
                        "dari ibu hamil dan bayi yang datang untuk imunisasi. Dinas "
                        "kesehatan menjanjikan kiriman alat pelindung diri (APD), "
                        "tetapi belum memberi tanggal. Beberapa petugas mulai cemas "
                        "dan bertanya apakah layanan imunisasi sebaiknya "
                        "dihentikan.</p>"
                    ),
                    "questions": [
                        (
                            "Fakta apa yang Anda amati, dan informasi apa yang masih "
                            "perlu dipastikan hari ini?"
                        ),
                        (
                            "Bagaimana Anda mengorientasikan fakta itu: siapa yang "
                            "paling berisiko, dan aturan apa yang berlaku?"
                        ),
                        (
                            "Susun dua alternatif keputusan untuk layanan imunisasi, "
                            "bandingkan risikonya, lalu pilih satu."
                        ),
                        "Kapan dan berdasarkan data apa Anda akan mengulang siklus?",
                    ],
                    "debrief": (
                        "<p><strong>Amati:</strong> pasien bergejala melonjak, stok "
                        "masker terbatas, dan alur pasien bercampur. "
                        "<strong>Orientasikan:</strong> ibu hamil dan bayi terpapar "
                        "di ruang tunggu, sementara menghentikan imunisasi sama "
                        "sekali menimbulkan risiko kesehatan lain di kemudian hari. "
                        "<strong>Putuskan:</strong> bandingkan misalnya (a) "
                        "menghentikan imunisasi sementara, dengan (b) tetap melayani "
                        "imunisasi pada jadwal dan pintu terpisah, misalnya pagi hari "
                        "di ruang lain dengan pendaftaran janji temu. Alternatif (b) "
                        "umumnya lebih melindungi hak layanan dengan risiko yang "
                        "dapat dikelola.</p>"
                        "<p><strong>Bertindak:</strong> atur alur pasien, umumkan "
                        "jadwal melalui kader dan bidan desa, dan laporkan kebutuhan "
                        "APD kepada dinas dengan angka pemakaian harian. Ulangi "
                        "siklus setiap pagi dengan melihat jumlah kunjungan, sisa "
                        "stok APD, dan kondisi petugas.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Pilih satu keputusan berulang di unit Anda, misalnya "
                        "pengaturan jadwal piket atau kuota layanan harian. Bagaimana "
                        "siklus OODA dapat membuat keputusan itu lebih cepat "
                        "menyesuaikan keadaan?"
                    ),
                    "hint": (
                        "Tentukan data apa yang diamati, seberapa sering keputusan "
                        "ditinjau, dan siapa yang memutuskan."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Triase: Menentukan Prioritas saat Sumber Daya Terbatas",
        "slug": "triase-prioritas-layanan",
        "intro": (
            "Pelajaran ini mengadaptasi prinsip triase dari kedaruratan medis untuk "
            "menentukan prioritas layanan secara adil dan dapat dipertanggungjawabkan."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {"text": "Dari ruang gawat darurat ke loket layanan", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Triase berasal dari praktik kedaruratan medis. Ketika jumlah "
                    "pasien melampaui kemampuan tenaga kesehatan, pasien dipilah "
                    "berdasarkan tingkat kegawatannya, sehingga yang paling "
                    "membutuhkan pertolongan segera ditangani lebih dulu. Prinsip "
                    "yang sama berguna bagi unit layanan publik ketika permintaan "
                    "melonjak sementara petugas, waktu, dan anggaran berkurang, "
                    "seperti yang terjadi di masa pandemi.</p>"
                    "<p>Webinar tentang pelayanan publik masa pandemi menyebut "
                    "<strong>alokasi sumber daya dan akuntabilitas "
                    "distributif</strong> sebagai salah satu peran penting aparatur. "
                    "Artinya, cara kita membagi sumber daya yang terbatas harus dapat "
                    "dijelaskan kepada publik: siapa didahulukan, atas dasar apa, dan "
                    "bagaimana yang lain tetap dilayani.</p>"
                ),
            ),
            ("heading", {"text": "Tiga pertanyaan triase layanan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<ol>"
                    "<li><strong>Seberapa mendesak?</strong> Apa akibatnya bila "
                    "layanan ditunda satu hari, satu minggu, atau satu bulan? Surat "
                    "keterangan kematian untuk pemakaman tidak dapat ditunda, "
                    "sedangkan pembaruan data pekerjaan dapat.</li>"
                    "<li><strong>Seberapa besar dampaknya?</strong> Apakah layanan "
                    "menyangkut keselamatan, penghidupan (misalnya pencairan bantuan "
                    "sosial), hak hukum, atau sekadar kelengkapan administrasi?</li>"
                    "<li><strong>Seberapa rentan penggunanya?</strong> Lansia, "
                    "penyandang disabilitas, ibu hamil, warga tanpa akses internet, "
                    "dan keluarga yang kehilangan penghasilan umumnya paling sulit "
                    "mencari jalan lain.</li></ol>"
                    "<p>Dari jawaban itu, permintaan dapat dikelompokkan, misalnya "
                    "menjadi <strong>segera</strong> (dilayani hari ini), "
                    "<strong>terjadwal</strong> (diberi tanggal pasti), dan "
                    "<strong>dialihkan</strong> (dilayani melalui kanal lain, seperti "
                    "telepon, daring, atau titip berkas melalui kelurahan).</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Triase bukan penolakan",
                    "text": (
                        "<p>Warga yang tidak masuk kelompok segera tetap berhak "
                        "dilayani. Triase yang baik selalu memberi kepastian: tanggal "
                        "layanan, kanal alternatif, atau nomor yang dapat dihubungi. "
                        "Tanpa kepastian itu, triase terasa seperti penolakan dan "
                        "merusak kepercayaan kepada pemerintah.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Membuat triase adil dan akuntabel", "level": "h3"}),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><strong>Tetapkan kriteria sebelum memilah</strong>, bukan "
                    "setelah melihat siapa yang datang. Kriteria tertulis mencegah "
                    "perlakuan khusus karena kedekatan atau tekanan.</li>"
                    "<li><strong>Umumkan kriterianya</strong> di loket, di media "
                    "sosial resmi, dan melalui RT/RW dengan bahasa yang "
                    "sederhana.</li>"
                    "<li><strong>Catat hasil pemilahan</strong>: berapa yang dilayani "
                    "segera, dijadwalkan, dan dialihkan. Catatan ini menjadi bahan "
                    "evaluasi sekaligus jawaban bila ada pengaduan.</li>"
                    "<li><strong>Tinjau secara berkala</strong>: ketika petugas "
                    "kembali sehat atau kanal daring sudah berjalan, kriteria dapat "
                    "dilonggarkan.</li></ul>"
                    "<p>Untuk pekerjaan internal, matriks sederhana "
                    "“mendesak–penting” membantu pimpinan unit memilah tugas: yang "
                    "mendesak dan penting dikerjakan sekarang, yang penting tetapi "
                    "tidak mendesak dijadwalkan, yang mendesak tetapi kurang penting "
                    "didelegasikan, dan sisanya ditunda.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Kelurahan, bantuan sosial, dan tiga petugas yang tersisa",
                    "scenario": (
                        "<p>Anda lurah di sebuah kelurahan padat penduduk. Pekan ini "
                        "kelurahan harus memverifikasi usulan penerima Bantuan "
                        "Langsung Tunai, melayani surat pengantar bagi warga yang "
                        "kehilangan pekerjaan, dan menjawab puluhan pengaduan warga "
                        "yang merasa layak menerima Kartu Sembako tetapi tidak "
                        "terdaftar. Dari delapan staf, lima sedang menjalani isolasi "
                        "mandiri. Tenggat verifikasi dari dinas sosial tinggal empat "
                        "hari.</p>"
                    ),
                    "questions": [
                        (
                            "Kelompokkan pekerjaan di atas ke dalam kategori segera, "
                            "terjadwal, dan dialihkan. Apa alasan Anda?"
                        ),
                        (
                            "Kriteria apa yang Anda umumkan kepada warga agar "
                            "pemilahan ini dipandang adil?"
                        ),
                        (
                            "Bantuan apa yang dapat Anda minta dari RT/RW, kader, "
                            "atau kecamatan tanpa melanggar kewenangan dan "
                            "kerahasiaan data warga?"
                        ),
                    ],
                    "debrief": (
                        "<p>Verifikasi BLT memiliki tenggat dan menentukan "
                        "penghidupan banyak keluarga, sehingga wajar masuk kategori "
                        "segera dan menyerap sebagian besar tenaga. Surat pengantar "
                        "bagi warga yang kehilangan pekerjaan juga berdampak pada "
                        "penghidupan; layanan ini dapat dipercepat dengan format "
                        "sederhana dan pengajuan melalui RT/RW. Pengaduan kepesertaan "
                        "Kartu Sembako penting, tetapi sebagian besar dapat "
                        "dijadwalkan: catat semua pengaduan secara tertib, beri tanda "
                        "terima dan tanggal tindak lanjut, lalu teruskan sesuai "
                        "mekanisme pengusulan data yang berlaku.</p>"
                        "<p>RT/RW dan kader dapat membantu menyebarkan informasi dan "
                        "mengumpulkan berkas, tetapi verifikasi dan akses terhadap "
                        "data pribadi tetap dipegang petugas yang berwenang. Umumkan "
                        "kriteria prioritas secara terbuka agar warga memahami "
                        "mengapa urutan layanan berubah.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Jika besok separuh petugas di unit Anda tidak dapat bekerja, "
                        "layanan mana yang Anda masukkan ke kategori segera, "
                        "terjadwal, dan dialihkan?"
                    ),
                    "hint": (
                        "Gunakan tiga pertanyaan triase: seberapa mendesak, seberapa "
                        "besar dampaknya, dan seberapa rentan penggunanya."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Keputusan “Cukup Baik” dengan Titik Tinjau",
        "slug": "keputusan-cukup-baik-dan-titik-tinjau",
        "intro": (
            "Pelajaran ini membahas cara mengambil keputusan yang cukup baik untuk "
            "saat ini, menetapkan titik tinjau, dan mempertanggungjawabkannya."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {"text": "Menunggu kepastian bisa lebih berbahaya", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Dalam krisis, informasi yang sempurna hampir tidak pernah "
                    "datang tepat waktu. Herbert Simon, ilmuwan yang meneliti cara "
                    "manusia dan organisasi mengambil keputusan, memperkenalkan "
                    "istilah <em>satisficing</em>: memilih alternatif pertama yang "
                    "memenuhi kriteria minimum yang sudah ditetapkan, alih-alih terus "
                    "mencari alternatif terbaik yang mungkin tidak pernah "
                    "ditemukan.</p>"
                    "<p>Dalam pelayanan publik, pendekatan ini bukan alasan untuk "
                    "bekerja asal-asalan. Justru sebaliknya: kriteria “cukup baik” "
                    "harus dirumuskan lebih dulu dengan jelas, misalnya aman bagi "
                    "petugas dan warga, sesuai kewenangan, dan tidak menghilangkan "
                    "hak warga atas layanan. Begitu ada alternatif yang memenuhi "
                    "kriteria itu, keputusan diambil.</p>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Bedakan keputusan yang mudah dan sulit dibalik",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Tidak semua keputusan memerlukan kehati-hatian yang sama. "
                    "Ajukan pertanyaan: <strong>jika keputusan ini keliru, seberapa "
                    "mudah memperbaikinya?</strong></p><ul>"
                    "<li><strong>Mudah dibalik</strong>: mengubah jam layanan, "
                    "memindahkan loket ke halaman, membuka pendaftaran melalui pesan "
                    "singkat. Ambil dengan cepat, umumkan bahwa sifatnya sementara, "
                    "dan perbaiki bila perlu.</li>"
                    "<li><strong>Sulit dibalik</strong>: menghapus data, menyalurkan "
                    "bantuan dalam jumlah besar, menandatangani kontrak pengadaan, "
                    "atau menutup layanan dalam waktu lama. Luangkan waktu sedikit "
                    "lebih banyak untuk memeriksa data, meminta pertimbangan, dan "
                    "mendokumentasikan dasar keputusan.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Tiga unsur keputusan cukup baik",
                    "text": (
                        "<ul>"
                        "<li><strong>Kriteria minimum</strong> yang ditulis sebelum "
                        "memilih alternatif.</li>"
                        "<li><strong>Titik tinjau</strong>: kapan keputusan dinilai "
                        "ulang (tanggal atau jam tertentu) dan data apa yang dilihat "
                        "saat itu.</li>"
                        "<li><strong>Pemicu perubahan</strong>: kondisi yang membuat "
                        "keputusan langsung diubah tanpa menunggu titik tinjau, "
                        "misalnya ada petugas yang terkonfirmasi positif.</li></ul>"
                    ),
                },
            ),
            (
                "heading",
                {"text": "Uji cepat sebelum memutuskan: pra-mortem", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Teknik pra-mortem yang diperkenalkan psikolog Gary Klein "
                    "dapat dilakukan dalam sepuluh menit. Bayangkan keputusan sudah "
                    "dijalankan dan ternyata gagal. Minta setiap anggota tim "
                    "menyebutkan penyebab kegagalan yang paling mungkin. Daftar itu "
                    "menunjukkan risiko yang perlu diantisipasi sebelum bertindak, "
                    "misalnya warga lansia tidak memahami pendaftaran daring, atau "
                    "jaringan internet di kantor sering terputus.</p>"
                ),
            ),
            ("heading", {"text": "Mencatat dan mempertanggungjawabkan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Keputusan cepat tetap harus dapat dipertanggungjawabkan. "
                    "Biasakan membuat <strong>catatan keputusan</strong> singkat yang "
                    "memuat tanggal, situasi, alternatif yang dipertimbangkan, alasan "
                    "memilih, siapa yang memutuskan, dan kapan keputusan ditinjau. "
                    "Catatan ini melindungi aparatur ketika keputusan dipertanyakan, "
                    "membantu petugas pengganti yang mengambil alih tugas, dan "
                    "menjadi bahan pembelajaran setelah krisis. Hal ini sejalan "
                    "dengan pesan webinar bahwa setiap entitas layanan publik harus "
                    "tahu sebelumnya bagaimana bertindak menghadapi jenis krisis "
                    "tertentu.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "BPBD, banjir, dan pengungsian di tengah pandemi",
                    "scenario": (
                        "<p>Anda kepala bidang kedaruratan di BPBD kabupaten. Hujan "
                        "deras semalam membuat sungai meluap dan sekitar 150 keluarga "
                        "harus mengungsi. Tempat pengungsian yang biasa dipakai "
                        "adalah aula sekolah yang hanya muat bila warga berdesakan, "
                        "padahal kasus COVID-19 di kecamatan itu sedang meningkat.</p>"
                        "<p>Ada dua alternatif: membuka beberapa lokasi kecil (balai "
                        "desa, tempat ibadah, dan rumah warga di dataran tinggi) yang "
                        "lebih sulit diawasi dan dipasok, atau mendirikan tenda "
                        "tambahan di halaman sekolah yang memerlukan waktu sekitar "
                        "enam jam. Warga sudah mulai berdatangan.</p>"
                    ),
                    "questions": [
                        (
                            "Rumuskan kriteria minimum keputusan yang “cukup baik” "
                            "untuk situasi ini."
                        ),
                        (
                            "Bandingkan kedua alternatif: mana yang mudah dibalik, "
                            "dan apa risikonya masing-masing?"
                        ),
                        "Tetapkan titik tinjau dan pemicu perubahan keputusan Anda.",
                        (
                            "Apa yang perlu Anda catat agar keputusan ini dapat "
                            "dipertanggungjawabkan?"
                        ),
                    ],
                    "debrief": (
                        "<p>Kriteria minimum yang wajar: warga segera aman dari "
                        "banjir, kepadatan di setiap lokasi dapat dikendalikan, "
                        "kelompok rentan dan warga bergejala dapat dipisahkan, dan "
                        "logistik dapat menjangkau. Kedua alternatif tidak harus "
                        "saling meniadakan. Keputusan yang cukup baik misalnya "
                        "menampung warga sementara di beberapa lokasi kecil terdekat "
                        "sambil mendirikan tenda, lalu meninjau ulang setelah enam "
                        "jam ketika tenda siap.</p>"
                        "<p>Keputusan ini mudah dibalik dan menghindari kepadatan. "
                        "Risikonya adalah pengawasan dan pasokan yang tersebar, "
                        "sehingga perlu penanggung jawab dan daftar pengungsi di "
                        "setiap lokasi. Pemicu perubahan misalnya ada pengungsi "
                        "bergejala atau air terus naik. Catat lokasi, jumlah "
                        "pengungsi, alasan pilihan, dan jam tinjau dalam catatan "
                        "keputusan.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Pikirkan satu keputusan di unit Anda yang lama tertunda "
                        "karena menunggu kepastian. Seperti apa keputusan “cukup "
                        "baik”-nya, dan kapan titik tinjaunya?"
                    ),
                    "hint": (
                        "Mulailah dengan menulis kriteria minimum, lalu tanyakan "
                        "apakah keputusan itu mudah atau sulit dibalik."
                    ),
                },
            ),
        ],
    },
]

_BCP_PRETEST = [
    {
        "type": "single",
        "text": (
            "Anda koordinator loket Dukcapil. Pada hari pertama PSBB, sekitar 60 "
            "warga mengantre berdesakan, dua petugas tidak masuk, dan petunjuk teknis "
            "layanan belum terbit. Apa langkah pertama yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Menutup kantor sementara sampai petunjuk teknis terbit agar "
                    "tidak ada keputusan yang menyalahi aturan"
                ),
                False,
            ),
            (
                (
                    "Melayani semua warga sesuai urutan kedatangan seperti biasa, "
                    "karena layanan publik tidak boleh berhenti"
                ),
                False,
            ),
            (
                (
                    "Mengatur jarak antrean dan memisahkan warga bergejala, lalu "
                    "memilah kebutuhan warga berdasarkan urgensi"
                ),
                True,
            ),
            (
                (
                    "Membagikan nomor antrean untuk pekan depan kepada semua warga, "
                    "lalu menutup loket hari ini"
                ),
                False,
            ),
        ],
        "explanation": (
            "Keselamatan tidak bisa menunggu petunjuk teknis, tetapi layanan juga "
            "tidak boleh berhenti. Amankan antrean, lalu pilah kebutuhan: yang "
            "mendesak dilayani, yang lain diberi jadwal pasti."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Dalam siklus OODA, tahap yang memaknai fakta dengan konteks aturan, "
            "kewenangan, pengalaman, dan kondisi setempat adalah..."
        ),
        "choices": [
            ("Observe (mengamati)", False),
            ("Orient (orientasi)", True),
            ("Decide (memutuskan)", False),
            ("Act (bertindak)", False),
        ],
        "explanation": (
            "Orientasi adalah tahap memaknai fakta. Tahap ini paling menentukan "
            "karena bias dan asumsi lama dapat menyesatkan bila dilompati."
        ),
        "competency": "M.8",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Kelurahan Anda kekurangan petugas karena banyak yang isolasi mandiri. "
            "Permintaan mana yang paling layak masuk kategori triase “segera”?"
        ),
        "choices": [
            (
                "Surat kematian untuk pemakaman siang ini",
                True,
            ),
            ("Perubahan data pekerjaan di kartu keluarga", False),
            ("Legalisasi fotokopi dokumen untuk arsip pribadi", False),
            (
                (
                    "Surat keterangan domisili untuk pendaftaran kursus keterampilan bulan "
                    "depan"
                ),
                False,
            ),
        ],
        "explanation": (
            "Layanan yang tidak dapat ditunda tanpa akibat serius dan berdampak besar "
            "bagi warga masuk kategori segera. Permintaan lain tetap dilayani dengan "
            "jadwal pasti atau kanal lain."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Apa yang membedakan keputusan “cukup baik” (satisficing) dari keputusan "
            "asal-asalan?"
        ),
        "choices": [
            (
                (
                    "Keputusan diambil oleh pejabat yang paling tinggi jabatannya di unit "
                    "kerja"
                ),
                False,
            ),
            (
                (
                    "Keputusan tidak perlu dicatat atau dilaporkan karena sifatnya hanya "
                    "sementara"
                ),
                False,
            ),
            ("Keputusan baru diambil setelah semua data lengkap", False),
            (
                (
                    "Kriteria minimum dirumuskan lebih dulu dan ada titik tinjau yang "
                    "jelas"
                ),
                True,
            ),
        ],
        "explanation": (
            "Keputusan cukup baik tetap disiplin: kriteria minimum ditulis sebelum "
            "memilih, lalu keputusan ditinjau ulang pada waktu yang ditetapkan dan "
            "dicatat."
        ),
        "competency": "M.8",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Manakah keputusan yang paling sulit dibalik sehingga memerlukan "
            "pemeriksaan data dan pertimbangan lebih cermat?"
        ),
        "choices": [
            ("Memindahkan antrean ke halaman kantor agar ada jarak antarwarga", False),
            (
                (
                    "Menyalurkan bantuan tunai kepada daftar penerima yang belum "
                    "diverifikasi"
                ),
                True,
            ),
            (
                "Mengubah jam layanan selama sepekan mengikuti jadwal piket petugas",
                False,
            ),
            (
                ("Membuka janji temu melalui pesan singkat untuk layanan KTP-el"),
                False,
            ),
        ],
        "explanation": (
            "Bantuan yang sudah tersalur kepada pihak yang tidak berhak sulit ditarik "
            "kembali. Keputusan yang mudah dibalik dapat diambil cepat dan diperbaiki "
            "sambil berjalan."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Manakah yang merupakan ciri keputusan dalam kondisi krisis? Pilih semua "
            "yang benar."
        ),
        "choices": [
            ("Risiko keputusan bagi warga rendah", False),
            ("Situasi dan kebijakan terus berubah", True),
            ("Waktu untuk memutuskan sempit", True),
            ("Informasi belum lengkap atau cepat usang", True),
            ("Semua langkah sudah diatur lengkap dalam SOP", False),
        ],
        "scoring": "partial",
        "explanation": (
            "Krisis ditandai informasi tidak lengkap, waktu sempit, taruhan tinggi, "
            "dan situasi yang bergerak. Justru karena SOP rutin tidak lagi cukup, "
            "aparatur perlu berpikir cepat."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Anda baru memutuskan memindahkan layanan ke sistem janji temu selama "
            "PSBB. Unsur apa saja yang perlu ada dalam catatan keputusan Anda?"
        ),
        "choices": [
            ("Kapan keputusan ditinjau ulang", True),
            ("Alternatif yang dipertimbangkan dan alasan memilih", True),
            ("Tanda tangan seluruh pegawai unit", False),
            ("Siapa yang memutuskan", True),
            ("Nama warga yang mengeluh di media sosial", False),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Catatan keputusan memuat tanggal, situasi, alternatif, alasan, pengambil "
            "keputusan, dan waktu tinjau. Catatan ini menjadi dasar akuntabilitas dan "
            "pembelajaran."
        ),
        "competency": "M.8",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Dalam triase layanan, warga yang tidak masuk kategori “segera” boleh "
            "tidak dilayani sama sekali."
        ),
        "answer": False,
        "explanation": (
            "Triase bukan penolakan. Warga yang tidak didahulukan tetap berhak "
            "dilayani dan harus diberi kepastian: tanggal, kanal alternatif, atau "
            "kontak."
        ),
        "competency": "M.8",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Dalam krisis, menunda keputusan juga merupakan sebuah keputusan yang "
            "memiliki konsekuensi bagi warga."
        ),
        "answer": True,
        "explanation": (
            "Menunggu informasi sempurna sering lebih mahal akibatnya daripada "
            "mengambil keputusan cukup baik yang ditinjau berkala."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Siklus keputusan Amati–Orientasikan–Putuskan–Bertindak yang dikembangkan "
            "John Boyd dikenal dengan singkatan apa?"
        ),
        "accepted": ["OODA", "OODA loop", "siklus OODA", "O.O.D.A.", "O-O-D-A"],
        "explanation": (
            "OODA: Observe, Orient, Decide, Act. Kekuatannya terletak pada "
            "pengulangan siklus secara cepat dan disiplin."
        ),
        "competency": "M.8",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": (
            "Urutkan langkah siklus OODA yang dijalankan kepala puskesmas ketika "
            "pasien bergejala melonjak."
        ),
        "items": [
            "Mencatat jumlah kunjungan, sisa stok masker, dan kondisi petugas hari ini",
            "Menilai siapa yang paling berisiko dan aturan apa yang berlaku",
            "Memilih antara menghentikan imunisasi atau memindahkan jadwalnya",
            "Mengatur alur pasien, mengumumkan jadwal, lalu memantau hasilnya",
        ],
        "explanation": (
            "Amati fakta, orientasikan dengan konteks, putuskan dari beberapa "
            "alternatif, lalu bertindak dan kembali mengamati hasilnya."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": (
            "Pasangkan setiap permintaan layanan dengan kategori triase yang paling "
            "tepat saat petugas tinggal separuh."
        ),
        "pairs": [
            ("Surat keterangan kematian untuk pemakaman hari ini", "Segera"),
            (
                "Pembaruan data pekerjaan di kartu keluarga",
                "Terjadwal dengan tanggal pasti",
            ),
            (
                "Pertanyaan tentang status berkas yang sudah diajukan",
                "Dialihkan ke telepon atau kanal daring",
            ),
        ],
        "explanation": (
            "Urgensi, dampak, dan kerentanan pengguna menentukan kategori. Yang tidak "
            "mendesak dijadwalkan, sedangkan yang dapat dilayani dari jauh dialihkan."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
]

_BCP_POSTTEST = [
    {
        "type": "single",
        "text": (
            "Anda kepala puskesmas. Pasien bergejala pernapasan melonjak, sementara "
            "ruang tunggu bercampur dengan ibu hamil dan bayi yang datang untuk "
            "imunisasi. Kiriman APD belum pasti. Apa langkah pertama yang paling "
            "tepat?"
        ),
        "choices": [
            (
                (
                    "Menghentikan seluruh layanan imunisasi sampai pandemi berakhir "
                    "agar ibu dan bayi tidak tertular"
                ),
                False,
            ),
            (
                (
                    "Memisahkan alur pasien bergejala dari layanan ibu dan anak, "
                    "lalu melaporkan kebutuhan APD"
                ),
                True,
            ),
            (
                (
                    "Menunggu kiriman APD dari dinas tiba sebelum mengubah alur "
                    "pasien agar perubahan cukup dilakukan sekali saja"
                ),
                False,
            ),
            (
                (
                    "Tetap melayani semua pasien di ruang tunggu yang sama seperti "
                    "biasa agar warga tidak cemas"
                ),
                False,
            ),
        ],
        "explanation": (
            "Keputusan yang melindungi kelompok rentan sekaligus menjaga hak layanan "
            "lebih tepat daripada pilihan ekstrem. Kebutuhan APD dilaporkan dengan "
            "data pemakaian."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Sebuah tim terus mengumpulkan data kasus dan laporan lapangan selama dua "
            "minggu tanpa pernah memutuskan perubahan layanan. Dalam siklus OODA, tim "
            "ini terjebak di tahap..."
        ),
        "choices": [
            ("Observe (amati)", True),
            ("Orient (orientasikan)", False),
            ("Decide (putuskan)", False),
            ("Act (bertindak)", False),
        ],
        "explanation": (
            "Terus mengumpulkan data tanpa memutuskan adalah perangkap tahap "
            "mengamati. Siklus OODA hanya bermanfaat bila terus bergerak sampai "
            "tindakan."
        ),
        "competency": "M.8",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Dinas Anda kekurangan petugas selama pandemi. Permintaan mana yang "
            "paling tepat dialihkan ke kanal telepon atau daring?"
        ),
        "choices": [
            (
                (
                    "Warga lansia yang membutuhkan dokumen untuk pencairan bantuan "
                    "minggu ini"
                ),
                False,
            ),
            (
                "Keluarga yang memerlukan surat keterangan kematian untuk pemakaman",
                False,
            ),
            ("Pengungsi banjir yang kehilangan seluruh dokumen kependudukannya", False),
            ("Pertanyaan warga tentang status berkas yang sudah diajukan", True),
        ],
        "explanation": (
            "Permintaan yang dapat dijawab dari jauh tanpa merugikan warga cocok "
            "dialihkan. Tiga permintaan lain mendesak, berdampak besar, atau "
            "melibatkan pengguna rentan."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Kepala dinas meminta keputusan tentang jam layanan hari ini, padahal "
            "data kasus terbaru baru terbit pekan depan. Pendekatan mana yang paling "
            "sesuai dengan prinsip keputusan cukup baik?"
        ),
        "choices": [
            (
                (
                    "Memilih jam yang memenuhi kriteria minimum, berlaku sementara, "
                    "dan ditinjau saat data terbit"
                ),
                True,
            ),
            (
                (
                    "Menunda keputusan sampai data kasus terbaru terbit pekan depan "
                    "agar keputusan didasarkan pada data yang lengkap dan tidak "
                    "perlu diubah lagi"
                ),
                False,
            ),
            (
                (
                    "Memakai jam layanan yang paling banyak diusulkan pegawai dan "
                    "memberlakukannya tetap sampai akhir tahun"
                ),
                False,
            ),
            (
                (
                    "Menutup layanan tatap muka sampai data tersedia, lalu membukanya "
                    "kembali bila kasus sudah turun"
                ),
                False,
            ),
        ],
        "explanation": (
            "Keputusan cukup baik diambil dengan kriteria yang jelas, diumumkan "
            "sebagai sementara, dan memiliki titik tinjau yang dikaitkan dengan data "
            "baru."
        ),
        "competency": "M.8",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Manakah keputusan yang paling mudah dibalik sehingga dapat diambil cepat "
            "lalu diperbaiki bila perlu?"
        ),
        "choices": [
            ("Menghapus data kependudukan yang diduga ganda", False),
            ("Menandatangani kontrak sewa tenda setahun", False),
            ("Memindahkan loket ke halaman kantor selama sepekan", True),
            ("Mencairkan bantuan tanpa verifikasi usulan", False),
        ],
        "explanation": (
            "Memindahkan loket dapat dikembalikan kapan saja dengan biaya kecil. "
            "Menghapus data, kontrak panjang, dan penyaluran bantuan sulit dibalik."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Pagi ini Anda harus memutuskan jam buka kantor kecamatan. Keadaan mana "
            "yang membuat keputusan itu tergolong keputusan dalam kondisi krisis? "
            "Pilih semua yang benar."
        ),
        "choices": [
            (
                (
                    "Dua petugas loket tiba-tiba demam dan data kasus setempat belum "
                    "tersedia"
                ),
                True,
            ),
            ("Keputusan harus diambil sebelum antrean pagi dibuka", True),
            (
                "Status wilayah berubah dari PSBB ke PSBB Transisi dalam hitungan hari",
                True,
            ),
            ("Jadwal layanan sudah diatur SOP dan keadaan tidak berubah", False),
            ("Laporan bulanan rutin disusun dengan data yang lengkap", False),
        ],
        "scoring": "partial",
        "explanation": (
            "Kebijakan yang bergerak, informasi yang tidak lengkap, dan waktu yang "
            "sempit adalah ciri krisis. Dua pilihan terakhir adalah situasi rutin."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Menurut pelajaran ini, unsur apa saja yang membuat sebuah keputusan "
            "“cukup baik” dapat dipertanggungjawabkan?"
        ),
        "choices": [
            ("Jaminan bahwa keputusan tidak akan pernah diubah", False),
            ("Titik tinjau dengan waktu dan data yang jelas", True),
            ("Kriteria minimum yang ditulis sebelum memilih alternatif", True),
            ("Pemicu perubahan yang membuat keputusan segera diubah", True),
            ("Persetujuan seluruh warga yang terdampak", False),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Kriteria minimum, titik tinjau, dan pemicu perubahan membuat keputusan "
            "cepat tetap terkendali. Keputusan krisis justru harus siap diubah."
        ),
        "competency": "M.8",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Kriteria triase sebaiknya ditetapkan dan diumumkan sebelum memilah "
            "permintaan warga, bukan setelah melihat siapa yang datang."
        ),
        "answer": True,
        "explanation": (
            "Kriteria yang ditetapkan lebih dulu dan diumumkan mencegah perlakuan "
            "khusus serta membuat pemilahan dapat dipertanggungjawabkan."
        ),
        "competency": "M.8",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Berpikir cepat dalam krisis berarti boleh melompati pertimbangan "
            "kewenangan dan keselamatan agar keputusan segera keluar."
        ),
        "answer": False,
        "explanation": (
            "Cepat tidak sama dengan tergesa-gesa. Kewenangan, aturan, keselamatan, "
            "dan kepentingan warga tetap menjadi pijakan."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Istilah dari kedaruratan medis untuk memilah pasien berdasarkan tingkat "
            "kegawatan, yang juga dipakai untuk memilah prioritas layanan publik, "
            "adalah..."
        ),
        "accepted": ["triase", "triage", "triase layanan", "sistem triase"],
        "explanation": (
            "Triase memilah berdasarkan urgensi, dampak, dan kerentanan pengguna agar "
            "sumber daya yang terbatas dipakai secara adil."
        ),
        "competency": "M.8",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": "Urutkan langkah mengambil keputusan “cukup baik” di masa krisis.",
        "items": [
            "Merumuskan kriteria minimum keputusan",
            "Menyusun dan membandingkan beberapa alternatif",
            "Memilih alternatif yang memenuhi kriteria dan menjalankannya",
            "Meninjau ulang keputusan pada titik tinjau yang ditetapkan",
        ],
        "explanation": (
            "Kriteria ditulis lebih dulu agar pilihan tidak ditentukan selera, lalu "
            "keputusan dijalankan dan ditinjau pada waktu yang sudah ditetapkan."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": "Pasangkan tahap siklus OODA dengan contohnya di kantor layanan.",
        "pairs": [
            ("Observe (amati)", "Membaca data antrean dan laporan petugas pagi ini"),
            (
                "Orient (orientasikan)",
                "Menilai siapa yang paling terdampak dan aturan apa yang berlaku",
            ),
            (
                "Decide (putuskan)",
                "Memilih membuka layanan janji temu dari dua alternatif",
            ),
            ("Act (bertindak)", "Mengumumkan jadwal baru lalu memantau hasilnya"),
        ],
        "explanation": (
            "Setiap tahap memiliki peran berbeda dan siklusnya diulang ketika keadaan "
            "berubah."
        ),
        "competency": "M.8",
        "difficulty": "medium",
        "points": 1,
    },
]


# ---------------------------------------------------------------------------
# Modul 2: Kreativitas dan Inovasi Layanan (M.7 Mengelola Perubahan)
# ---------------------------------------------------------------------------

_KIL_LESSONS = [
    {
        "title": "Inovasi Layanan: Bukan Sekadar Aplikasi",
        "slug": "inovasi-bukan-sekadar-aplikasi",
        "intro": (
            "Pelajaran ini menjelaskan arti inovasi layanan publik, jenis-jenisnya, "
            "dan mengapa inovasi harus sesuai dengan kondisi setempat."
        ),
        "minutes": 20,
        "body": [
            ("heading", {"text": "Kreativitas sebagai tuntutan krisis", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Ketika pandemi COVID-19 membatasi pertemuan tatap muka, "
                    "banyak kantor pelayanan menghadapi pilihan sulit: menutup "
                    "layanan, atau menemukan cara baru untuk tetap melayani. Webinar "
                    "nasional tentang dinamika pelayanan publik masa pandemi menyebut "
                    "<em>creativity and innovation</em> (kreativitas dan inovasi) "
                    "sebagai salah satu peran aparatur, bersama kesinambungan layanan "
                    "serta layanan yang lebih efektif dan responsif di masa "
                    "krisis.</p>"
                    "<p>Kreativitas adalah kemampuan menghasilkan gagasan atau cara "
                    "pandang baru terhadap sebuah masalah. Inovasi adalah gagasan "
                    "yang sudah diterapkan dan memberi manfaat nyata bagi pengguna. "
                    "Dalam pelayanan publik, ukuran inovasi bukan kecanggihan "
                    "teknologinya, melainkan apakah warga menjadi lebih mudah, lebih "
                    "cepat, lebih aman, dan lebih adil dalam mendapatkan haknya.</p>"
                ),
            ),
            ("heading", {"text": "Empat jenis inovasi layanan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><strong>Inovasi proses</strong>: menyederhanakan alur, "
                    "mengurangi persyaratan yang tidak perlu, atau memangkas tahap "
                    "tanda tangan. Jenis ini sejalan dengan langkah menyederhanakan "
                    "birokrasi yang ditekankan di era pandemi.</li>"
                    "<li><strong>Inovasi kanal</strong>: cara baru warga mengakses "
                    "layanan, misalnya pendaftaran melalui pesan singkat, layanan "
                    "keliling, atau pengambilan dokumen tanpa turun dari "
                    "kendaraan.</li>"
                    "<li><strong>Inovasi produk layanan</strong>: bentuk keluaran "
                    "yang berubah, misalnya dokumen elektronik yang dapat dicetak "
                    "sendiri oleh warga.</li>"
                    "<li><strong>Inovasi kebijakan dan tata kelola</strong>: aturan "
                    "internal baru, misalnya pembagian jadwal kerja bergilir agar "
                    "layanan tetap buka meski sebagian pegawai bekerja dari "
                    "rumah.</li></ul>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Digitalisasi: penting, tetapi bukan satu-satunya jalan",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Webinar menegaskan bahwa birokrasi yang efektif memerlukan "
                    "digitalisasi birokrasi, standardisasi pelayanan, dan "
                    "profesionalisme SDM aparatur, dengan mengacu pada konsep sistem "
                    "pemerintahan berbasis elektronik (SPBE) sehingga layanan publik "
                    "dapat diakses secara daring. Namun, webinar yang sama "
                    "mengingatkan lima hambatan pelayanan di masa pandemi: kualitas "
                    "sumber daya manusia, infrastruktur atau jaringan telekomunikasi, "
                    "anggaran, budaya masyarakat, dan aspek geografis.</p>"
                    "<p>Artinya, inovasi yang berhasil di kota besar belum tentu "
                    "cocok di kecamatan kepulauan atau desa yang belum terjangkau "
                    "jaringan 4G. Aplikasi baru tidak berguna bila warga sasarannya "
                    "tidak memiliki telepon pintar atau kuota. Inovasi yang baik "
                    "sering kali sederhana: memanfaatkan alat yang sudah dikenal "
                    "warga, melibatkan perangkat desa, atau mengubah jadwal dan tata "
                    "letak loket.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Ujian sederhana untuk sebuah gagasan",
                    "text": (
                        "<ul>"
                        "<li>Masalah warga apa yang diselesaikan?</li>"
                        "<li>Siapa yang justru bisa tertinggal karena gagasan "
                        "ini?</li>"
                        "<li>Hambatan mana dari lima hambatan pelayanan yang paling "
                        "mungkin menggagalkannya?</li>"
                        "<li>Dapatkah gagasan ini dicoba dalam skala kecil minggu "
                        "ini?</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Dalam standar kompetensi manajerial ASN (PermenPANRB "
                    "38/2017), kompetensi Mengelola Perubahan (M.7) pada level 3 "
                    "berkaitan dengan kemampuan membantu orang lain mengikuti "
                    "perubahan dan mengantisipasi perubahan secara tepat. Inovasi "
                    "layanan adalah salah satu bentuk perubahan yang paling nyata di "
                    "unit kerja, sehingga kemampuan ini dilatih sepanjang modul: "
                    "memahami pengguna, menguji gagasan, dan mengajak rekan kerja "
                    "serta warga ikut berubah.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Samsat dan pajak kendaraan di masa PSBB",
                    "scenario": (
                        "<p>Anda kepala seksi pelayanan di kantor Samsat. Selama "
                        "PSBB, kantor hanya boleh menerima pengunjung dalam jumlah "
                        "terbatas. Pemerintah provinsi baru saja mengumumkan "
                        "keringanan denda pajak kendaraan sebagai bagian dari "
                        "kebijakan relaksasi, sehingga warga berbondong-bondong "
                        "datang dan antrean menumpuk.</p>"
                        "<p>Seorang staf muda mengusulkan membangun aplikasi "
                        "pembayaran sendiri. Staf lain mengusulkan layanan tanpa "
                        "turun dari kendaraan di halaman kantor dan layanan keliling "
                        "ke kecamatan. Anggaran tambahan tahun ini hampir tidak "
                        "ada.</p>"
                    ),
                    "questions": [
                        "Termasuk jenis inovasi apa setiap usulan di atas?",
                        (
                            "Dengan mempertimbangkan lima hambatan pelayanan, usulan "
                            "mana yang paling realistis dijalankan bulan ini, dan "
                            "mengapa?"
                        ),
                        "Siapa yang berisiko tertinggal dari setiap usulan?",
                    ],
                    "debrief": (
                        "<p>Aplikasi baru adalah inovasi kanal dan produk yang "
                        "memerlukan anggaran, keahlian, dan waktu, serta menambah "
                        "satu lagi aplikasi yang harus dikenali warga. Sebelum "
                        "membangunnya, periksa apakah kanal pembayaran elektronik "
                        "yang sudah ada dapat dimanfaatkan atau diperluas. Layanan "
                        "tanpa turun dari kendaraan dan layanan keliling adalah "
                        "inovasi kanal yang memanfaatkan sumber daya yang sudah ada, "
                        "mengurangi kerumunan, dan dapat diuji dalam hitungan "
                        "hari.</p>"
                        "<p>Warga di kecamatan yang jauh paling diuntungkan oleh "
                        "layanan keliling. Sebaliknya, warga tanpa telepon pintar "
                        "akan tertinggal bila hanya disediakan kanal aplikasi. "
                        "Pilihan yang bijak biasanya dimulai dari yang murah dan "
                        "cepat diuji, sambil menyiapkan kanal digital secara "
                        "bertahap.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Sebutkan satu layanan di unit Anda yang paling merepotkan "
                        "warga selama pandemi. Jenis inovasi apa yang paling mungkin "
                        "memperbaikinya tanpa anggaran besar?"
                    ),
                    "hint": (
                        "Mulailah dari masalah warga, bukan dari teknologi. Periksa "
                        "gagasan Anda dengan lima hambatan pelayanan."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Memahami Pengguna dengan Design Thinking",
        "slug": "design-thinking-untuk-layanan",
        "intro": (
            "Pelajaran ini mengenalkan tahapan design thinking untuk merancang "
            "layanan yang berangkat dari pengalaman nyata warga."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {"text": "Mulai dari manusia, bukan dari solusi", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Banyak inovasi layanan gagal bukan karena teknologinya buruk, "
                    "tetapi karena dirancang dari sudut pandang kantor, bukan dari "
                    "sudut pandang pengguna. <em>Design thinking</em> (berpikir "
                    "desain) adalah pendekatan pemecahan masalah yang berpusat pada "
                    "manusia, yang dipopulerkan antara lain oleh firma desain IDEO "
                    "dan d.school Universitas Stanford. Pendekatan ini sejalan dengan "
                    "peran aparatur yang disebut dalam webinar: mengutamakan "
                    "masyarakat.</p>"
                    "<p>Design thinking umumnya digambarkan dalam lima tahap yang "
                    "dapat diulang:</p><ol>"
                    "<li><strong>Empati</strong>: memahami pengalaman, kebutuhan, dan "
                    "kesulitan pengguna secara langsung.</li>"
                    "<li><strong>Definisi</strong>: merumuskan masalah inti dari "
                    "sudut pandang pengguna.</li>"
                    "<li><strong>Ide</strong>: menghasilkan sebanyak mungkin "
                    "alternatif solusi tanpa langsung menilainya.</li>"
                    "<li><strong>Prototipe</strong>: membuat versi sederhana dan "
                    "murah dari solusi terpilih.</li>"
                    "<li><strong>Uji</strong>: mencoba prototipe bersama pengguna "
                    "nyata, lalu memperbaikinya.</li></ol>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Teknik empati yang dapat dilakukan di kantor layanan",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><strong>Wawancara singkat</strong> dengan warga di antrean "
                    "atau melalui telepon: apa yang paling menyulitkan, dan apa yang "
                    "mereka harapkan.</li>"
                    "<li><strong>Observasi</strong>: amati satu hari penuh di loket; "
                    "catat kapan warga bingung, menunggu, atau harus bolak-balik.</li>"
                    "<li><strong>Peta perjalanan pengguna</strong> (<em>customer "
                    "journey map</em>): gambarkan langkah warga sejak pertama kali "
                    "mencari informasi sampai menerima layanan, termasuk langkah di "
                    "luar kantor seperti mencari tempat fotokopi atau meminta surat "
                    "pengantar.</li>"
                    "<li><strong>Mencoba sendiri</strong>: isi formulir daring Anda "
                    "sendiri dengan telepon murah dan sinyal lemah.</li></ul>"
                    "<p>Libatkan pengguna yang beragam: lansia, penyandang "
                    "disabilitas, warga yang tidak lancar membaca, pekerja harian "
                    "yang tidak dapat datang pada jam kerja, dan warga di wilayah "
                    "dengan jaringan lemah. Pengguna “rata-rata” jarang benar-benar "
                    "ada.</p>"
                ),
            ),
            ("heading", {"text": "Merumuskan masalah dengan tepat", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Rumusan masalah yang baik menyebut siapa penggunanya, apa "
                    "kebutuhannya, dan mengapa kebutuhan itu penting. Bandingkan dua "
                    "rumusan berikut:</p>"
                    "<blockquote>“Kita perlu aplikasi antrean.”</blockquote>"
                    "<blockquote>“Warga lansia yang perlu memperbarui dokumen "
                    "kependudukan membutuhkan cara memastikan jadwal layanan tanpa "
                    "datang berulang kali, karena setiap kedatangan berisiko tertular "
                    "dan memakan ongkos.”</blockquote>"
                    "<p>Rumusan pertama sudah mengunci solusi. Rumusan kedua membuka "
                    "banyak kemungkinan: pendaftaran melalui telepon kelurahan, "
                    "jadwal khusus lansia, atau layanan antar dokumen.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Aturan sesi curah gagasan",
                    "text": (
                        "<ul>"
                        "<li>Tunda penilaian; kumpulkan dulu sebanyak mungkin "
                        "gagasan.</li>"
                        "<li>Undang petugas garis depan, bukan hanya pimpinan.</li>"
                        "<li>Kembangkan gagasan orang lain, jangan hanya "
                        "mematahkannya.</li>"
                        "<li>Pilih dua atau tiga gagasan untuk dibuat "
                        "prototipenya.</li></ul>"
                    ),
                },
            ),
            (
                "case_study",
                {
                    "title": "Pendaftaran daring Dukcapil yang justru menambah antrean",
                    "scenario": (
                        "<p>Selama pandemi, kantor Dinas Dukcapil di kota Anda "
                        "membuka pendaftaran layanan melalui formulir daring untuk "
                        "mengurangi kerumunan. Dua bulan kemudian, jumlah pengunjung "
                        "tidak berkurang. Petugas melaporkan banyak warga datang "
                        "membawa tangkapan layar formulir yang gagal terkirim, "
                        "sebagian lagi lansia yang diantar anaknya karena tidak dapat "
                        "mengisi formulir. Pimpinan meminta Anda mencari tahu "
                        "penyebabnya dalam dua minggu.</p>"
                    ),
                    "questions": [
                        "Teknik empati apa yang akan Anda gunakan, dan kepada siapa?",
                        "Rumuskan masalah inti dari sudut pandang pengguna.",
                        (
                            "Sebutkan tiga gagasan yang dapat dibuat prototipenya "
                            "dengan biaya rendah."
                        ),
                    ],
                    "debrief": (
                        "<p>Mulailah dengan observasi di loket dan wawancara singkat "
                        "dengan warga yang datang membawa formulir gagal, lalu coba "
                        "sendiri formulir itu dengan telepon murah dan sinyal lemah. "
                        "Kemungkinan akan ditemukan masalah seperti ukuran berkas "
                        "unggahan yang terlalu besar, isian yang hilang saat jaringan "
                        "putus, atau istilah yang membingungkan.</p>"
                        "<p>Rumusan masalah dapat berbunyi: warga dengan telepon dan "
                        "jaringan terbatas membutuhkan cara mendaftar yang tidak "
                        "gagal ketika sinyal putus, agar tidak perlu datang hanya "
                        "untuk memastikan pendaftarannya. Gagasan murah untuk diuji "
                        "antara lain menyederhanakan formulir dan memperkecil ukuran "
                        "unggahan, menyediakan pendaftaran melalui telepon atau pesan "
                        "singkat yang dilayani petugas, dan menempatkan petugas "
                        "pendamping di kelurahan bagi warga lansia.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Gambarkan perjalanan seorang warga yang menggunakan satu "
                        "layanan di unit Anda, dari mencari informasi hingga selesai. "
                        "Pada langkah mana ia paling mungkin mengalami kesulitan?"
                    ),
                    "hint": (
                        "Sertakan langkah di luar kantor, misalnya meminta surat "
                        "pengantar, mencari tempat fotokopi, atau menunggu sinyal."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Uji Coba Kecil sebelum Skala Penuh",
        "slug": "uji-coba-kecil",
        "intro": (
            "Pelajaran ini menjelaskan cara menguji gagasan layanan dalam skala "
            "kecil, mengukur hasilnya, dan memutuskan apakah gagasan itu dilanjutkan."
        ),
        "minutes": 25,
        "body": [
            ("heading", {"text": "Mengapa perlu uji coba", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Di masa krisis ada godaan untuk langsung meluncurkan inovasi "
                    "ke seluruh wilayah. Risikonya besar: bila gagasan ternyata tidak "
                    "berjalan, kegagalan terjadi di mana-mana sekaligus, anggaran "
                    "terbuang, dan kepercayaan warga menurun. Uji coba kecil "
                    "(<em>pilot</em>) memungkinkan unit layanan belajar dengan biaya "
                    "dan risiko yang rendah: di satu loket, satu kelurahan, atau satu "
                    "kelompok pengguna, dalam waktu terbatas.</p>"
                    "<p>Uji coba juga sejalan dengan prinsip pengambilan keputusan di "
                    "masa krisis bahwa keputusan yang mudah dibalik dapat diambil "
                    "dengan cepat. Uji coba mengubah sebuah inovasi menjadi keputusan "
                    "yang mudah dibalik.</p>"
                ),
            ),
            ("heading", {"text": "Siklus PDCA untuk uji coba", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Siklus <strong>Plan–Do–Check–Act</strong> (rencanakan, "
                    "lakukan, periksa, tindak lanjuti), yang dipopulerkan W. Edwards "
                    "Deming dalam manajemen mutu, memberi kerangka sederhana:</p><ol>"
                    "<li><strong>Rencanakan</strong>: tentukan apa yang diuji, di "
                    "mana, selama berapa lama, siapa penanggung jawabnya, dan apa "
                    "ukuran keberhasilannya.</li>"
                    "<li><strong>Lakukan</strong>: jalankan dalam skala kecil dan "
                    "catat apa yang terjadi, termasuk hal yang tidak terduga.</li>"
                    "<li><strong>Periksa</strong>: bandingkan hasil dengan ukuran "
                    "keberhasilan dan kondisi awal; dengarkan pengguna dan "
                    "petugas.</li>"
                    "<li><strong>Tindak lanjuti</strong>: perluas, perbaiki lalu uji "
                    "lagi, atau hentikan.</li></ol>"
                ),
            ),
            ("heading", {"text": "Menetapkan ukuran keberhasilan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Ukuran keberhasilan ditetapkan <strong>sebelum</strong> uji "
                    "coba dimulai, agar penilaian tidak bergantung pada selera. Pilih "
                    "dua sampai empat ukuran yang mudah dikumpulkan, misalnya:</p><ul>"
                    "<li>waktu tunggu rata-rata warga sejak datang sampai selesai "
                    "dilayani;</li>"
                    "<li>jumlah warga yang harus datang lebih dari sekali untuk satu "
                    "layanan;</li>"
                    "<li>jumlah layanan yang selesai per hari;</li>"
                    "<li>pendapat pengguna, termasuk kelompok rentan;</li>"
                    "<li>beban kerja tambahan bagi petugas.</li></ul>"
                    "<p>Catat kondisi awal sebelum uji coba sebagai pembanding. Tanpa "
                    "data awal, sulit membuktikan apakah inovasi benar-benar "
                    "memperbaiki layanan.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Yang tidak boleh dikorbankan saat uji coba",
                    "text": (
                        "<ul>"
                        "<li><strong>Hak layanan</strong>: pertahankan jalur lama "
                        "sebagai cadangan selama uji coba, agar warga tidak "
                        "kehilangan akses bila cara baru gagal.</li>"
                        "<li><strong>Data pribadi</strong>: kumpulkan data "
                        "seperlunya, simpan dengan aman, dan batasi aksesnya, sesuai "
                        "prinsip pelindungan data pribadi dalam UU 27/2022.</li>"
                        "<li><strong>Keadilan</strong>: jangan memilih lokasi atau "
                        "kelompok uji coba hanya karena paling mudah, sehingga "
                        "hasilnya menyesatkan bagi wilayah lain.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h3>Kapan uji coba dihentikan</h3>"
                    "<p>Menghentikan uji coba yang tidak berhasil bukan kegagalan "
                    "pribadi, melainkan hasil belajar yang berharga. Tetapkan kondisi "
                    "penghentian sejak awal, misalnya bila waktu tunggu justru "
                    "memanjang dua minggu berturut-turut atau muncul pengaduan serius "
                    "tentang keamanan data. Dokumentasikan pelajaran dari setiap uji "
                    "coba agar unit lain tidak mengulang kesalahan yang sama.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Telekonsultasi dan antar obat di puskesmas",
                    "scenario": (
                        "<p>Puskesmas Anda melayani banyak pasien penyakit kronis "
                        "seperti hipertensi dan diabetes yang perlu kontrol dan "
                        "mengambil obat setiap bulan. Selama pandemi, mereka termasuk "
                        "kelompok yang berisiko tinggi bila tertular. Tim mengusulkan "
                        "konsultasi melalui telepon atau panggilan video, disertai "
                        "pengantaran obat oleh kader kesehatan. Kepala puskesmas "
                        "setuju, tetapi meminta bukti bahwa layanan ini aman dan "
                        "tidak membebani petugas sebelum diterapkan di seluruh "
                        "wilayah kerja.</p>"
                    ),
                    "questions": [
                        (
                            "Rancang uji cobanya: di mana, untuk siapa, berapa lama, "
                            "dan siapa penanggung jawabnya?"
                        ),
                        (
                            "Ukuran keberhasilan apa yang Anda tetapkan, dan data "
                            "awal apa yang perlu dicatat?"
                        ),
                        (
                            "Bagaimana Anda melindungi data kesehatan pasien dan "
                            "menyediakan jalur cadangan?"
                        ),
                    ],
                    "debrief": (
                        "<p>Uji coba yang wajar misalnya melibatkan pasien kronis di "
                        "satu atau dua desa selama empat sampai enam minggu, dengan "
                        "satu dokter atau perawat penanggung jawab dan beberapa kader "
                        "terlatih. Ukuran keberhasilan dapat mencakup jumlah pasien "
                        "yang tetap mendapat obat tepat waktu, berkurangnya kunjungan "
                        "langsung, keluhan pasien, dan tambahan jam kerja petugas; "
                        "catat angka kondisi awal dari bulan sebelumnya.</p>"
                        "<p>Data kesehatan adalah data pribadi yang harus dijaga: "
                        "batasi siapa yang dapat melihat catatan konsultasi, jangan "
                        "membagikannya di grup pesan umum, dan minta kader hanya "
                        "membawa informasi yang diperlukan untuk pengantaran. Pasien "
                        "yang tidak memiliki telepon atau kondisinya memburuk tetap "
                        "dapat datang ke puskesmas dengan jadwal khusus.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Pilih satu gagasan perbaikan layanan di unit Anda. Bagaimana "
                        "Anda mengujinya dalam skala kecil selama satu bulan?"
                    ),
                    "hint": (
                        "Tentukan lokasi, ukuran keberhasilan, data awal, jalur "
                        "cadangan, dan kondisi penghentian."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Mengelola Perubahan agar Inovasi Bertahan",
        "slug": "mengelola-perubahan-inovasi",
        "intro": (
            "Pelajaran ini membahas cara membantu rekan kerja dan warga menerima "
            "perubahan layanan, serta melembagakan inovasi agar tidak hilang setelah "
            "krisis."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {
                    "text": "Inovasi gagal di tangan manusia, bukan di atas kertas",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Inovasi yang bagus di atas kertas dapat gagal bila petugas "
                    "tidak memahami alasannya, merasa terbebani, atau khawatir "
                    "disalahkan. Warga pun dapat menolak perubahan bila terbiasa "
                    "dengan cara lama atau belum percaya pada cara baru. Webinar "
                    "menyebut kualitas SDM dan budaya masyarakat sebagai dua dari "
                    "lima hambatan pelayanan di masa pandemi; keduanya adalah "
                    "persoalan perubahan perilaku, bukan persoalan teknologi.</p>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Model ADKAR: lima hal yang dibutuhkan setiap orang",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Model ADKAR yang dikembangkan Jeffrey Hiatt (Prosci) "
                    "memandang perubahan organisasi sebagai kumpulan perubahan pada "
                    "individu. Setiap orang perlu melalui lima hal berikut:</p><ol>"
                    "<li><strong>Awareness (kesadaran)</strong>: memahami mengapa "
                    "perubahan diperlukan.</li>"
                    "<li><strong>Desire (keinginan)</strong>: mau mendukung dan "
                    "terlibat.</li>"
                    "<li><strong>Knowledge (pengetahuan)</strong>: tahu cara "
                    "melakukan hal yang baru.</li>"
                    "<li><strong>Ability (kemampuan)</strong>: benar-benar mampu "
                    "melakukannya dalam pekerjaan sehari-hari.</li>"
                    "<li><strong>Reinforcement (penguatan)</strong>: ada hal yang "
                    "membuat perubahan itu bertahan.</li></ol>"
                    "<p>Ketika perubahan macet, tanyakan di tahap mana seseorang "
                    "tertahan. Petugas yang sudah mengikuti pelatihan (pengetahuan) "
                    "tetapi belum yakin manfaatnya (keinginan) tidak akan tertolong "
                    "oleh pelatihan tambahan; ia memerlukan penjelasan dan "
                    "keterlibatan.</p>"
                ),
            ),
            (
                "heading",
                {"text": "Membantu orang lain mengikuti perubahan", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li><strong>Jelaskan alasannya</strong> dengan bahasa pengguna: "
                    "keselamatan petugas dan warga, waktu tunggu yang lebih singkat, "
                    "hak warga yang lebih terjamin.</li>"
                    "<li><strong>Libatkan petugas garis depan</strong> sejak tahap "
                    "empati dan uji coba; mereka paling tahu di mana cara baru akan "
                    "tersendat.</li>"
                    "<li><strong>Sediakan pendamping</strong>: rekan yang sudah "
                    "mahir, panduan singkat bergambar, dan waktu untuk berlatih.</li>"
                    "<li><strong>Dengarkan keberatan.</strong> Penolakan sering "
                    "berisi informasi penting tentang risiko yang belum terlihat.</li>"
                    "<li><strong>Hargai kemajuan kecil</strong> dan bagikan cerita "
                    "warga yang terbantu.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Warga juga perlu diajak berubah",
                    "text": (
                        "<p>Umumkan perubahan lebih awal melalui kanal yang dipercaya "
                        "warga: RT/RW, kader, tokoh agama, papan pengumuman, radio "
                        "lokal, dan media sosial resmi. Sediakan masa transisi ketika "
                        "cara lama dan cara baru berjalan bersama, dan pertahankan "
                        "jalur luring bagi warga yang belum dapat memakai layanan "
                        "daring.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Melembagakan inovasi", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Banyak inovasi masa pandemi berhenti ketika penggagasnya "
                    "dimutasi atau anggarannya habis. Agar bertahan, inovasi perlu "
                    "dilembagakan: dituangkan dalam SOP dan standar pelayanan, "
                    "dianggarkan dalam rencana kerja, dimasukkan dalam materi "
                    "orientasi pegawai baru, dan diukur secara berkala. Hal ini "
                    "sejalan dengan pentingnya standardisasi pelayanan dalam "
                    "birokrasi yang efektif. Inovasi yang terbukti berhasil juga "
                    "dapat direplikasi oleh unit lain dengan penyesuaian terhadap "
                    "kondisi setempat.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Janji temu melalui pesan singkat di kantor kecamatan",
                    "scenario": (
                        "<p>Kantor kecamatan Anda telah menguji layanan janji temu "
                        "melalui pesan singkat selama dua bulan di dua kelurahan, dan "
                        "waktu tunggu warga turun dengan jelas. Kini layanan itu akan "
                        "diperluas ke seluruh kecamatan. Namun, dua petugas senior "
                        "menolak karena merasa “lebih cepat melayani langsung”, "
                        "beberapa ketua RT mengeluh warga bingung, dan operator yang "
                        "merancang sistem ini akan dimutasi bulan depan.</p>"
                    ),
                    "questions": [
                        (
                            "Dengan model ADKAR, di tahap mana kemungkinan petugas "
                            "senior dan warga tertahan?"
                        ),
                        (
                            "Langkah apa yang Anda ambil dalam sebulan ke depan agar "
                            "perluasan berjalan?"
                        ),
                        (
                            "Bagaimana memastikan inovasi ini tidak berhenti setelah "
                            "operator dimutasi?"
                        ),
                    ],
                    "debrief": (
                        "<p>Petugas senior mungkin sudah tahu caranya (pengetahuan), "
                        "tetapi belum melihat manfaatnya (kesadaran dan keinginan). "
                        "Tunjukkan data waktu tunggu dari uji coba, libatkan mereka "
                        "sebagai penanggung jawab jalur tatap muka atau pendamping "
                        "warga, dan dengarkan keberatan mereka tentang jenis kasus "
                        "yang memang lebih cepat dilayani langsung. Warga yang "
                        "bingung memerlukan pengetahuan: panduan singkat melalui "
                        "RT/RW dan kader, serta masa transisi ketika janji temu dan "
                        "antrean biasa berjalan bersama.</p>"
                        "<p>Agar bertahan, tuangkan alur janji temu dalam SOP dan "
                        "standar pelayanan, latih sedikitnya dua petugas pengganti "
                        "sebelum operator dimutasi, dan pantau waktu tunggu setiap "
                        "bulan.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Ingat satu perubahan di unit Anda yang gagal atau berhenti "
                        "di tengah jalan. Menurut model ADKAR, di tahap mana "
                        "orang-orang tertahan?"
                    ),
                    "hint": (
                        "Bedakan orang yang belum tahu alasan perubahan, belum mau, "
                        "belum tahu caranya, belum mampu, dan yang kembali ke "
                        "kebiasaan lama."
                    ),
                },
            ),
        ],
    },
]

_KIL_PRETEST = [
    {
        "type": "single",
        "text": (
            "Anda kepala seksi pelayanan Samsat. Selama PSBB antrean pembayaran pajak "
            "kendaraan menumpuk, sedangkan anggaran tambahan hampir tidak ada. Usulan "
            "mana yang paling tepat diuji lebih dulu?"
        ),
        "choices": [
            (
                (
                    "Membangun aplikasi pembayaran baru untuk seluruh provinsi agar "
                    "warga tidak perlu datang"
                ),
                False,
            ),
            (
                (
                    "Menutup layanan sampai PSBB berakhir dan mengumumkan jadwal buka "
                    "kembali"
                ),
                False,
            ),
            (
                (
                    "Menambah satu hari kerja setiap pekan tanpa mengubah alur dan "
                    "tata letak loket"
                ),
                False,
            ),
            (
                (
                    "Layanan tanpa turun dari kendaraan di halaman kantor, diuji "
                    "selama dua minggu"
                ),
                True,
            ),
        ],
        "explanation": (
            "Inovasi kanal yang memakai sumber daya yang sudah ada dapat diuji cepat "
            "dengan biaya rendah dan langsung mengurangi kerumunan."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Tahap design thinking yang bertujuan memahami pengalaman dan kesulitan "
            "pengguna secara langsung disebut..."
        ),
        "choices": [
            ("Ide", False),
            ("Empati", True),
            ("Prototipe", False),
            ("Uji", False),
        ],
        "explanation": (
            "Tahap empati dilakukan melalui wawancara, observasi, peta perjalanan "
            "pengguna, dan mencoba layanan sendiri."
        ),
        "competency": "M.7",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Manakah rumusan masalah yang paling sesuai dengan prinsip design thinking?"
        ),
        "choices": [
            (
                (
                    "Kantor kita membutuhkan aplikasi antrean baru yang dapat "
                    "diunduh dan dipakai oleh seluruh warga kabupaten"
                ),
                False,
            ),
            (
                (
                    "Pekerja harian membutuhkan cara mengurus dokumen di luar jam "
                    "kerja agar tidak kehilangan upah harian"
                ),
                True,
            ),
            (
                (
                    "Ruang tunggu membutuhkan tambahan kursi dan pendingin udara agar "
                    "warga nyaman selama mengantre"
                ),
                False,
            ),
            (
                (
                    "Petugas loket membutuhkan target layanan harian yang lebih "
                    "tinggi agar antrean warga cepat berkurang"
                ),
                False,
            ),
        ],
        "explanation": (
            "Rumusan yang baik menyebut pengguna, kebutuhan, dan alasannya tanpa "
            "mengunci solusi sejak awal."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Mengapa ukuran keberhasilan sebuah uji coba layanan ditetapkan sebelum "
            "uji coba dimulai?"
        ),
        "choices": [
            (
                (
                    "Agar uji coba dapat segera dinyatakan berhasil dan diperluas ke "
                    "seluruh wilayah"
                ),
                False,
            ),
            (
                (
                    "Agar petugas tidak perlu lagi mencatat data apa pun selama uji "
                    "coba berjalan"
                ),
                False,
            ),
            (
                (
                    "Agar hasil dinilai dengan ukuran yang jelas dan dapat "
                    "dibandingkan dengan kondisi awal"
                ),
                True,
            ),
            (
                (
                    "Agar pimpinan dapat menetapkan anggaran tahun depan sebelum uji "
                    "coba dimulai"
                ),
                False,
            ),
        ],
        "explanation": (
            "Ukuran yang ditetapkan di awal mencegah penilaian berdasarkan selera dan "
            "memungkinkan perbandingan dengan data kondisi awal."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Petugas loket sudah mengikuti pelatihan sistem janji temu dan mampu "
            "mengoperasikannya, tetapi tetap melayani dengan cara lama karena merasa "
            "tidak ada manfaatnya. Menurut model ADKAR, apa yang perlu diperkuat?"
        ),
        "choices": [
            (
                ("Kesadaran dan keinginan: jelaskan manfaat dan libatkan petugas"),
                True,
            ),
            (
                (
                    "Pengetahuan: pelatihan teknis tambahan tentang cara memakai sistem "
                    "janji temu yang baru"
                ),
                False,
            ),
            (
                "Kemampuan: penambahan komputer dan peralatan kerja di setiap loket",
                False,
            ),
            (
                "Penguatan: sanksi tertulis bagi petugas yang tetap memakai cara lama",
                False,
            ),
        ],
        "explanation": (
            "Masalahnya bukan pengetahuan, tetapi keyakinan akan manfaat. Tunjukkan "
            "data, jelaskan alasan, dan libatkan petugas itu."
        ),
        "competency": "M.7",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Sebuah kabupaten ingin meniru aplikasi layanan dari kota besar. Menurut "
            "webinar, hambatan pelayanan apa saja yang perlu diperiksa lebih dulu? "
            "Pilih semua yang benar."
        ),
        "choices": [
            ("Apakah aplikasi itu pernah memenangi penghargaan", False),
            ("Budaya masyarakat", True),
            ("Aspek geografis", True),
            ("Kualitas sumber daya manusia", True),
            ("Infrastruktur dan jaringan telekomunikasi", True),
        ],
        "scoring": "partial",
        "explanation": (
            "Lima hambatan pelayanan di masa pandemi adalah kualitas SDM, "
            "infrastruktur atau jaringan, anggaran, budaya masyarakat, dan geografis. "
            "Penghargaan tidak menjamin kecocokan."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Selama uji coba layanan baru, hal apa saja yang tidak boleh dikorbankan?"
        ),
        "choices": [
            ("Larangan mencatat kendala agar uji coba terlihat lancar", False),
            ("Jalur layanan lama sebagai cadangan", True),
            ("Keamanan data pribadi pengguna", True),
            ("Keadilan dalam memilih lokasi atau kelompok uji coba", True),
            ("Target peluncuran ke seluruh wilayah dalam seminggu", False),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Uji coba tidak boleh menghilangkan hak layanan, mengabaikan pelindungan "
            "data pribadi, atau memilih lokasi yang membuat hasil menyesatkan."
        ),
        "competency": "M.7",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Ukuran utama sebuah inovasi layanan publik adalah kecanggihan "
            "teknologinya."
        ),
        "answer": False,
        "explanation": (
            "Ukurannya adalah manfaat bagi warga: lebih mudah, lebih cepat, lebih "
            "aman, dan lebih adil dalam mendapatkan haknya."
        ),
        "competency": "M.7",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Menghentikan uji coba yang tidak mencapai ukuran keberhasilan merupakan "
            "hasil belajar yang sah, bukan kegagalan pribadi."
        ),
        "answer": True,
        "explanation": (
            "Uji coba dirancang untuk belajar dengan risiko kecil. Kondisi "
            "penghentian sebaiknya ditetapkan sejak awal dan pelajarannya "
            "didokumentasikan."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Versi sederhana dan murah dari sebuah solusi yang dibuat untuk dicoba "
            "bersama pengguna disebut..."
        ),
        "accepted": ["prototipe", "purwarupa", "prototype", "prototip"],
        "explanation": (
            "Prototipe memungkinkan tim belajar dari pengguna nyata sebelum "
            "menginvestasikan banyak biaya."
        ),
        "competency": "M.7",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": (
            "Urutkan tahapan design thinking yang dipakai untuk memperbaiki "
            "pendaftaran layanan daring."
        ),
        "items": [
            "Empati: mengamati dan mewawancarai warga yang gagal mendaftar",
            "Definisi: merumuskan masalah inti dari sudut pandang pengguna",
            "Ide: mengumpulkan berbagai alternatif solusi",
            "Prototipe: membuat formulir sederhana versi baru",
            "Uji: mencoba formulir baru bersama warga lalu memperbaikinya",
        ],
        "explanation": (
            "Design thinking bergerak dari memahami pengguna, merumuskan masalah, "
            "mencari gagasan, membuat prototipe, lalu menguji; tahapan dapat diulang."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": "Pasangkan setiap contoh dengan jenis inovasi layanannya.",
        "pairs": [
            ("Memangkas tiga tahap tanda tangan menjadi satu", "Inovasi proses"),
            ("Pendaftaran layanan melalui pesan singkat", "Inovasi kanal"),
            (
                "Dokumen elektronik yang dapat dicetak sendiri oleh warga",
                "Inovasi produk layanan",
            ),
            (
                "Jadwal kerja bergilir agar loket tetap buka",
                "Inovasi kebijakan dan tata kelola",
            ),
        ],
        "explanation": (
            "Inovasi dapat menyasar alur kerja, cara mengakses layanan, bentuk "
            "keluaran, atau aturan dan tata kelola internal."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
]

_KIL_POSTTEST = [
    {
        "type": "single",
        "text": (
            "Anda kepala puskesmas. Pasien penyakit kronis berisiko tinggi bila "
            "datang setiap bulan. Tim mengusulkan telekonsultasi dan pengantaran obat "
            "oleh kader. Apa langkah yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Langsung menerapkannya di seluruh wilayah kerja mulai besok "
                    "karena pasien kronis berisiko tinggi tertular"
                ),
                False,
            ),
            (
                (
                    "Menolak usulan karena telekonsultasi belum pernah dilakukan di "
                    "puskesmas dan belum ada petunjuk teknisnya"
                ),
                False,
            ),
            (
                (
                    "Menguji di satu atau dua desa selama beberapa minggu dengan "
                    "ukuran keberhasilan dan jalur cadangan"
                ),
                True,
            ),
            (
                (
                    "Meminta semua pasien kronis membeli obat sendiri di apotek "
                    "terdekat sampai pandemi berakhir"
                ),
                False,
            ),
        ],
        "explanation": (
            "Uji coba kecil memberi bukti tentang keamanan dan beban kerja sebelum "
            "perluasan, tanpa menghilangkan akses pasien."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Tahap design thinking ketika tim mencoba versi sederhana solusi bersama "
            "pengguna nyata lalu memperbaikinya disebut..."
        ),
        "choices": [
            ("Empati", False),
            ("Definisi", False),
            ("Ide", False),
            ("Uji", True),
        ],
        "explanation": (
            "Tahap uji memberi masukan dari pengguna nyata; hasilnya sering membawa "
            "tim kembali ke tahap sebelumnya."
        ),
        "competency": "M.7",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Formulir pendaftaran daring Dukcapil sering gagal terkirim. Teknik "
            "empati mana yang paling membantu menemukan penyebabnya?"
        ),
        "choices": [
            (
                (
                    "Mencoba sendiri formulir dengan telepon murah dan sinyal lemah, "
                    "serta mengamati warga di loket"
                ),
                True,
            ),
            (
                (
                    "Menambah kolom isian dan petunjuk di formulir agar data yang "
                    "dikirim warga lebih lengkap"
                ),
                False,
            ),
            (
                (
                    "Meminta laporan teknis dari penyedia aplikasi tentang jumlah "
                    "formulir yang gagal terkirim"
                ),
                False,
            ),
            (
                (
                    "Menghitung jumlah kunjungan ke situs web per hari dan "
                    "membandingkannya dengan bulan lalu"
                ),
                False,
            ),
        ],
        "explanation": (
            "Mengalami sendiri dan mengamati pengguna nyata memperlihatkan hambatan "
            "yang tidak tampak dari laporan kantor."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Apa fungsi data kondisi awal yang dicatat sebelum uji coba layanan "
            "dimulai?"
        ),
        "choices": [
            (
                (
                    "Sebagai syarat administrasi untuk mengajukan pengadaan aplikasi "
                    "baru kepada pimpinan daerah"
                ),
                False,
            ),
            (
                (
                    "Sebagai dasar menilai kinerja pribadi petugas yang terlibat "
                    "dalam uji coba"
                ),
                False,
            ),
            ("Tidak diperlukan bila uji coba hanya berlangsung beberapa minggu", False),
            (
                (
                    "Sebagai pembanding untuk membuktikan apakah inovasi benar-benar "
                    "memperbaiki layanan"
                ),
                True,
            ),
        ],
        "explanation": (
            "Tanpa data awal, perubahan waktu tunggu atau jumlah kunjungan tidak "
            "dapat dibuktikan sebagai hasil inovasi."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Warga sudah ingin memakai layanan janji temu, tetapi banyak yang tidak "
            "tahu langkah-langkah mendaftarnya. Menurut model ADKAR, apa yang perlu "
            "diberikan?"
        ),
        "choices": [
            (
                "Kesadaran: kampanye tentang bahaya penularan COVID-19 di ruang tunggu",
                False,
            ),
            (
                (
                    "Pengetahuan: panduan singkat dan pendampingan melalui RT/RW atau "
                    "kader"
                ),
                True,
            ),
            (
                (
                    "Penguatan: hadiah bagi warga yang paling cepat mendaftar secara "
                    "daring"
                ),
                False,
            ),
            (
                "Keinginan: ajakan dari pimpinan daerah melalui media sosial resmi",
                False,
            ),
        ],
        "explanation": (
            "Keinginan sudah ada; yang kurang adalah pengetahuan tentang caranya. "
            "Panduan dan pendamping lebih tepat daripada kampanye umum."
        ),
        "competency": "M.7",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Pulau-pulau di kecamatan Anda hanya disinggahi kapal dua kali sepekan "
            "dan sinyal sering hilang. Camat tertarik memakai aplikasi buatan kota "
            "besar. Sebelum menyetujuinya, apa saja yang layak ditelaah? Pilih semua "
            "yang benar."
        ),
        "choices": [
            ("Jumlah unduhan aplikasi itu di kota asalnya", False),
            ("Kemampuan petugas mengoperasikan dan memelihara aplikasi", True),
            ("Kebiasaan warga dalam mengakses layanan", True),
            ("Ketersediaan jaringan telekomunikasi di pulau-pulau", True),
            ("Anggaran untuk pemeliharaan", True),
        ],
        "scoring": "partial",
        "explanation": (
            "Jaringan, SDM, anggaran, budaya masyarakat, dan geografis menentukan "
            "apakah inovasi cocok di tempat lain. Popularitas di kota lain tidak "
            "menjamin kecocokan."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Langkah apa saja yang membantu melembagakan inovasi agar tetap berjalan "
            "setelah penggagasnya dimutasi?"
        ),
        "choices": [
            ("Melatih petugas pengganti", True),
            ("Menghentikan pengukuran setelah peluncuran", False),
            ("Menyimpan pengetahuan hanya pada penggagasnya", False),
            ("Menganggarkannya dalam rencana kerja", True),
            ("Menuangkan alur baru dalam SOP dan standar pelayanan", True),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Inovasi bertahan bila menjadi bagian dari aturan kerja, anggaran, "
            "kemampuan tim, dan pengukuran berkala."
        ),
        "competency": "M.7",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": "Inovasi layanan yang baik selalu berupa aplikasi digital baru.",
        "answer": False,
        "explanation": (
            "Inovasi dapat berupa perubahan proses, kanal, produk, atau tata kelola; "
            "yang sederhana dan sesuai kondisi setempat sering paling efektif."
        ),
        "competency": "M.7",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Penolakan petugas terhadap perubahan dapat berisi informasi penting "
            "tentang risiko yang belum terlihat."
        ),
        "answer": True,
        "explanation": (
            "Mendengarkan keberatan membantu memperbaiki rancangan sekaligus "
            "membangun keinginan petugas untuk terlibat."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Siklus mutu Plan–Do–Check–Act yang dipakai untuk mengelola uji coba "
            "dikenal dengan singkatan..."
        ),
        "accepted": [
            "PDCA",
            "siklus PDCA",
            "P-D-C-A",
            "PDCA cycle",
            "plan do check act",
        ],
        "explanation": (
            "PDCA: rencanakan, lakukan, periksa, tindak lanjuti; setelah tindak "
            "lanjut, siklus dapat diulang."
        ),
        "competency": "M.7",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": (
            "Urutkan langkah uji coba layanan janji temu di satu kelurahan sesuai "
            "siklus PDCA."
        ),
        "items": [
            "Menentukan lokasi, durasi, penanggung jawab, dan ukuran keberhasilan",
            "Menjalankan uji coba di satu kelurahan dan mencatat kejadian",
            "Membandingkan hasil dengan ukuran keberhasilan dan kondisi awal",
            "Memutuskan untuk memperluas, memperbaiki, atau menghentikan",
        ],
        "explanation": (
            "Rencanakan, lakukan, periksa, lalu tindak lanjuti berdasarkan bukti."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": "Pasangkan setiap situasi dengan tahap ADKAR yang perlu diperkuat.",
        "pairs": [
            (
                "Petugas belum tahu mengapa layanan harus berubah",
                "Awareness (kesadaran)",
            ),
            ("Petugas tahu alasannya tetapi enggan terlibat", "Desire (keinginan)"),
            (
                "Petugas mau, tetapi belum tahu langkah-langkahnya",
                "Knowledge (pengetahuan)",
            ),
            (
                (
                    "Sebulan kemudian petugas kembali ke cara lama karena tidak ada "
                    "pemantauan"
                ),
                "Reinforcement (penguatan)",
            ),
        ],
        "explanation": (
            "Mengenali tahap yang macet membantu memilih bantuan yang tepat: "
            "penjelasan, keterlibatan, pelatihan, atau penguatan."
        ),
        "competency": "M.7",
        "difficulty": "medium",
        "points": 1,
    },
]


# ---------------------------------------------------------------------------
# Modul 3: Kepemimpinan Kolaboratif (M.2 Kerjasama, M.3 Komunikasi)
# ---------------------------------------------------------------------------

_KKO_LESSONS = [
    {
        "title": "Krisis yang Tidak Bisa Ditangani Sendirian",
        "slug": "krisis-dan-kepemimpinan-kolaboratif",
        "intro": (
            "Pelajaran ini menjelaskan mengapa penanganan krisis memerlukan "
            "kepemimpinan kolaboratif lintas instansi dan bersama masyarakat."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {
                    "text": "Masalah lintas sektor memerlukan kerja lintas sektor",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Pandemi COVID-19 tidak berhenti di batas kewenangan satu "
                    "instansi. Kebijakan pemerintah di masa pandemi mencakup tiga "
                    "bidang sekaligus: <strong>kesehatan</strong> (penetapan "
                    "penyebaran COVID-19 sebagai bencana nasional nonalam, PSBB dan "
                    "PSBB Transisi, serta panduan pencegahan dan pengendalian "
                    "COVID-19 di tempat kerja), <strong>relaksasi ekonomi</strong> "
                    "(keringanan pinjaman bank, penurunan suku bunga, diskon pajak, "
                    "pembebasan pembayaran listrik bagi golongan ekonomi lemah, "
                    "insentif perumahan bagi masyarakat berpenghasilan rendah, dan "
                    "dukungan logistik kebutuhan pokok), serta "
                    "<strong>sosial</strong> (penguatan jaring pengaman sosial "
                    "seperti Program Keluarga Harapan, Kartu Prakerja, Kartu Sembako, "
                    "Bantuan Langsung Tunai, dan Padat Karya Pedesaan).</p>"
                    "<p>Seorang warga yang kehilangan pekerjaan dan sedang menjalani "
                    "isolasi mandiri dapat bersinggungan dengan semua bidang itu "
                    "dalam satu minggu: puskesmas, dinas sosial, Dukcapil untuk "
                    "pencocokan NIK, kelurahan, hingga lembaga penyalur bantuan. Bila "
                    "setiap instansi bekerja sendiri, wargalah yang menanggung "
                    "akibatnya: dipingpong antarloket, diminta data yang sama "
                    "berulang kali, dan menerima informasi yang saling "
                    "bertentangan.</p>"
                ),
            ),
            ("heading", {"text": "Apa itu kepemimpinan kolaboratif", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Webinar nasional tentang dinamika pelayanan publik masa "
                    "pandemi menyebut kepemimpinan kolaboratif sebagai salah satu "
                    "peran aparatur. Kepemimpinan kolaboratif adalah kemampuan "
                    "menggerakkan pihak-pihak yang tidak berada di bawah komando kita "
                    "untuk bekerja menuju tujuan bersama. Pemimpin kolaboratif tidak "
                    "mengandalkan jabatan, tetapi tujuan yang jelas, informasi yang "
                    "terbuka, dan kepercayaan.</p>"
                    "<p>Dalam kajian administrasi publik, pendekatan ini dikenal "
                    "sebagai <em>collaborative governance</em> (tata kelola "
                    "kolaboratif). Chris Ansell dan Alison Gash (2008) menggambarkan "
                    "prosesnya sebagai siklus yang saling menguatkan: dialog tatap "
                    "muka, membangun kepercayaan, komitmen pada proses, pemahaman "
                    "bersama, dan hasil-hasil antara (<em>small wins</em>) yang "
                    "kembali memperkuat kepercayaan.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Siapa saja mitra dalam krisis?",
                    "text": (
                        "<p>Di Indonesia sering dipakai istilah "
                        "<strong>pentahelix</strong>: pemerintah, akademisi, dunia "
                        "usaha, komunitas, dan media. Di tingkat kelurahan dan desa, "
                        "mitra yang paling menentukan sering kali RT/RW, kader PKK "
                        "dan posyandu, karang taruna, tokoh agama, serta relawan.</p>"
                    ),
                },
            ),
            (
                "heading",
                {"text": "Kerjasama dan komunikasi sebagai kompetensi", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Dalam standar kompetensi manajerial ASN (PermenPANRB "
                    "38/2017), Kerjasama (M.2) pada level 3 berkaitan dengan "
                    "kemampuan membangun tim kerja yang efektif untuk meningkatkan "
                    "kinerja organisasi, sedangkan Komunikasi (M.3) pada level 2 "
                    "berkaitan dengan kemampuan berkomunikasi secara aktif, formal "
                    "maupun informal, bersedia mendengarkan, dan menyusun pesan yang "
                    "sesuai bagi penerimanya. Dalam krisis, keduanya diuji "
                    "bersamaan.</p>"
                    "<p>Perilaku yang menunjukkan kerjasama yang matang antara lain: "
                    "melibatkan pihak lain sejak awal, bukan setelah masalah muncul; "
                    "berbagi informasi tanpa menunggu diminta; mengakui kontribusi "
                    "mitra; dan mendahulukan tujuan bersama di atas ego sektoral.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Penyaluran bantuan sosial di kelurahan",
                    "scenario": (
                        "<p>Anda sekretaris kelurahan. Dinas sosial meminta kelurahan "
                        "menyiapkan penyaluran Bantuan Langsung Tunai bagi sekitar "
                        "400 keluarga dalam dua minggu. Data awal dari dinas memuat "
                        "nama yang sudah pindah atau meninggal, sementara para ketua "
                        "RT melaporkan banyak keluarga yang baru kehilangan "
                        "penghasilan belum terdaftar. Puskesmas meminta agar "
                        "penyaluran tidak menimbulkan kerumunan karena kasus di "
                        "wilayah Anda sedang naik. Karang taruna menawarkan bantuan "
                        "tenaga.</p>"
                    ),
                    "questions": [
                        (
                            "Siapa saja pihak yang perlu dilibatkan, dan apa peran "
                            "masing-masing?"
                        ),
                        (
                            "Tujuan bersama apa yang dapat Anda rumuskan agar semua "
                            "pihak bergerak ke arah yang sama?"
                        ),
                        (
                            "Hasil antara (small win) apa yang dapat dicapai dalam "
                            "tiga hari pertama untuk membangun kepercayaan?"
                        ),
                    ],
                    "debrief": (
                        "<p>Pihak inti meliputi dinas sosial (pemilik data dan "
                        "kebijakan penerima), Dukcapil (pencocokan NIK), RT/RW "
                        "(pengetahuan lapangan dan penyampaian undangan), puskesmas "
                        "(protokol kesehatan), petugas penyalur, dan karang taruna "
                        "(tenaga pengatur jadwal dan antrean). Tujuan bersama dapat "
                        "dirumuskan sederhana: bantuan sampai kepada keluarga yang "
                        "berhak, tepat waktu, tanpa kerumunan.</p>"
                        "<p>Hasil antara yang dapat dicapai cepat misalnya daftar "
                        "penerima yang sudah dicocokkan ulang bersama RT dan "
                        "Dukcapil, serta jadwal penyaluran per RT yang disetujui "
                        "puskesmas. Keluarga yang belum terdaftar dicatat dan "
                        "diusulkan melalui mekanisme yang berlaku, bukan ditambahkan "
                        "sepihak ke daftar penerima.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Dalam pekerjaan Anda selama pandemi, pihak mana yang paling "
                        "sering Anda butuhkan tetapi paling jarang Anda ajak bicara "
                        "sejak awal?"
                    ),
                    "hint": (
                        "Pikirkan mitra di luar instansi Anda, termasuk RT/RW, kader, "
                        "komunitas, akademisi, atau dunia usaha."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Membentuk Gugus Tugas Lintas Instansi yang Efektif",
        "slug": "gugus-tugas-lintas-instansi",
        "intro": (
            "Pelajaran ini membahas unsur-unsur yang membuat gugus tugas lintas "
            "instansi benar-benar bekerja, termasuk aturan berbagi data."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {"text": "Dari rapat koordinasi ke kerja bersama", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Selama pandemi, pemerintah pusat dan daerah membentuk gugus "
                    "tugas untuk menyatukan kerja berbagai instansi. Membentuk gugus "
                    "tugas di atas kertas relatif mudah; yang sulit adalah membuatnya "
                    "bekerja. Gugus tugas yang hanya berisi rapat panjang tanpa "
                    "pembagian peran yang jelas cenderung menambah beban tanpa "
                    "mempercepat layanan bagi warga.</p>"
                    "<p>Praktik manajemen kedaruratan, termasuk sistem komando "
                    "penanganan darurat yang dikenal di lingkungan penanggulangan "
                    "bencana, menekankan beberapa prinsip yang berguna bagi gugus "
                    "tugas apa pun: kesatuan komando, rentang kendali yang wajar, "
                    "peran yang jelas, dan rencana aksi untuk periode waktu "
                    "tertentu.</p>"
                ),
            ),
            ("heading", {"text": "Lima unsur gugus tugas yang bekerja", "level": "h3"}),
            (
                "paragraph",
                (
                    "<ol>"
                    "<li><strong>Tujuan bersama yang terukur</strong>: misalnya "
                    "“semua pasien isolasi mandiri di kecamatan terpantau setiap "
                    "hari”, bukan sekadar “menangani pandemi”.</li>"
                    "<li><strong>Peran yang jelas</strong>: siapa pelaksana, siapa "
                    "yang akuntabel atas hasil, siapa yang dimintai pendapat, dan "
                    "siapa yang cukup diberi informasi. Matriks RACI "
                    "(<em>Responsible, Accountable, Consulted, Informed</em>) "
                    "membantu menuliskannya dalam satu tabel.</li>"
                    "<li><strong>Satu koordinator dan jalur eskalasi</strong>: "
                    "anggota tahu kepada siapa melapor dan masalah apa yang harus "
                    "dinaikkan ke pimpinan.</li>"
                    "<li><strong>Ritme koordinasi yang singkat dan tetap</strong>: "
                    "misalnya rapat 15 menit setiap pagi dengan tiga pertanyaan: apa "
                    "yang berubah, apa rencana hari ini, dan hambatan apa yang perlu "
                    "dibantu.</li>"
                    "<li><strong>Satu sumber data bersama</strong>: satu tabel atau "
                    "dasbor yang disepakati, dengan pemilik data yang jelas, sehingga "
                    "tidak ada dua angka berbeda untuk hal yang sama.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Berbagi data tetap ada aturannya",
                    "text": (
                        "<p>Kerja lintas instansi hampir selalu melibatkan data "
                        "pribadi: NIK, alamat, status kesehatan, penghasilan. Prinsip "
                        "pelindungan data pribadi, yang kini diatur dalam UU 27/2022, "
                        "tetap harus dijaga dalam keadaan krisis. Sepakati sejak "
                        "awal:</p><ul>"
                        "<li>data apa yang benar-benar diperlukan (seperlunya, tidak "
                        "lebih);</li>"
                        "<li>siapa yang boleh mengakses dan untuk tujuan apa;</li>"
                        "<li>bagaimana data dikirim dan disimpan, bukan lewat grup "
                        "pesan yang beranggotakan puluhan orang;</li>"
                        "<li>kapan data dihapus atau dikembalikan setelah tugas "
                        "selesai.</li></ul>"
                    ),
                },
            ),
            ("heading", {"text": "Memimpin tanpa garis komando", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Anggota gugus tugas berasal dari instansi yang berbeda, "
                    "masing-masing dengan atasan, anggaran, dan prioritasnya sendiri. "
                    "Koordinator jarang dapat memerintah; ia harus meyakinkan. "
                    "Beberapa kebiasaan yang membantu: mengirim ringkasan keputusan "
                    "rapat dalam satu halaman pada hari yang sama; menyebut "
                    "penanggung jawab dan tenggat untuk setiap tindakan; menghubungi "
                    "pimpinan instansi mitra ketika anggota mereka memerlukan "
                    "dukungan; dan memastikan keberhasilan gugus tugas diakui sebagai "
                    "keberhasilan bersama.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Gugus tugas kabupaten dan data pasien isolasi mandiri",
                    "scenario": (
                        "<p>Anda ditugaskan sebagai sekretaris gugus tugas penanganan "
                        "COVID-19 tingkat kabupaten. Dinas kesehatan, BPBD, dinas "
                        "sosial, dan Dukcapil masing-masing memegang daftar warga "
                        "isolasi mandiri dengan angka yang berbeda. Paket makanan "
                        "dari dinas sosial terlambat karena alamat tidak cocok, dan "
                        "puskesmas mengeluh harus mengisi tiga formulir laporan untuk "
                        "tiga instansi. Rapat koordinasi mingguan berlangsung tiga "
                        "jam dan sering berakhir tanpa keputusan.</p>"
                    ),
                    "questions": [
                        (
                            "Bagaimana Anda menetapkan satu sumber data bersama, dan "
                            "siapa pemiliknya?"
                        ),
                        (
                            "Susun pembagian peran sederhana dengan matriks RACI "
                            "untuk alur “pasien isolasi mandiri menerima paket "
                            "makanan”."
                        ),
                        (
                            "Bagaimana Anda mengubah pola rapat agar menghasilkan "
                            "keputusan?"
                        ),
                        "Aturan berbagi data apa yang perlu disepakati?",
                    ],
                    "debrief": (
                        "<p>Data status pasien sebaiknya dipegang dinas kesehatan "
                        "sebagai pemilik, dengan pencocokan NIK dan alamat oleh "
                        "Dukcapil; instansi lain mengakses tabel yang sama sesuai "
                        "keperluannya, bukan membuat daftar sendiri. Puskesmas cukup "
                        "melapor satu kali ke satu formulir.</p>"
                        "<p>Dalam RACI, misalnya: puskesmas melaporkan pasien baru "
                        "(pelaksana), dinas sosial mengirim paket (pelaksana), "
                        "sekretaris gugus tugas akuntabel atas kelancaran alur, BPBD "
                        "dimintai pendapat soal logistik, dan camat diberi informasi. "
                        "Rapat mingguan tiga jam dapat diganti rapat singkat harian "
                        "dengan ringkasan keputusan tertulis. Kesepakatan data "
                        "mencakup kolom yang dibagikan, hak akses, cara pengiriman "
                        "yang aman, dan penghapusan data setelah masa tugas "
                        "berakhir.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Jika minggu depan Anda diminta memimpin gugus tugas lintas "
                        "unit, apa tiga hal pertama yang akan Anda sepakati dengan "
                        "anggota?"
                    ),
                    "hint": (
                        "Pertimbangkan tujuan terukur, peran, ritme koordinasi, "
                        "sumber data bersama, dan aturan data pribadi."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Komunikasi Bersama yang Jelas dan Dipercaya",
        "slug": "komunikasi-bersama-saat-krisis",
        "intro": (
            "Pelajaran ini membahas cara menyusun dan menyampaikan pesan bersama yang "
            "akurat, mudah dipahami, dan dapat diakses semua warga."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {
                    "text": "Informasi yang akurat adalah bagian dari layanan",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Webinar menempatkan layanan informasi yang akurat dan upaya "
                    "menjamin kredibilitas pemerintah sebagai peran aparatur di masa "
                    "pandemi, dan menekankan pentingnya menginformasikan secara "
                    "terbuka kepada masyarakat kondisi serta perkembangan COVID-19. "
                    "Dalam krisis, warga mengambil keputusan penting berdasarkan "
                    "informasi dari pemerintah: kapan boleh datang ke kantor layanan, "
                    "apakah berhak menerima bantuan, ke mana harus pergi bila "
                    "bergejala. Informasi yang salah, terlambat, atau saling "
                    "bertentangan bukan sekadar masalah kehumasan; ia langsung "
                    "merugikan warga dan menggerus kepercayaan.</p>"
                ),
            ),
            ("heading", {"text": "Enam prinsip komunikasi krisis", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Pusat Pengendalian dan Pencegahan Penyakit Amerika Serikat "
                    "(CDC) merumuskan enam prinsip <em>Crisis and Emergency Risk "
                    "Communication</em> yang banyak dirujuk di berbagai negara:</p>"
                    "<ul>"
                    "<li><strong>Jadilah yang pertama</strong>: informasi awal yang "
                    "cepat mencegah kekosongan yang diisi rumor.</li>"
                    "<li><strong>Jadilah benar</strong>: sampaikan apa yang sudah "
                    "diketahui, apa yang belum diketahui, dan apa yang sedang "
                    "dilakukan.</li>"
                    "<li><strong>Jadilah kredibel</strong>: jujur dan konsisten, "
                    "termasuk ketika kabarnya buruk.</li>"
                    "<li><strong>Tunjukkan empati</strong>: akui kesulitan dan "
                    "kecemasan warga.</li>"
                    "<li><strong>Dorong tindakan</strong>: beri langkah konkret yang "
                    "dapat dilakukan warga.</li>"
                    "<li><strong>Tunjukkan rasa hormat</strong>: perlakukan warga "
                    "sebagai mitra, bukan objek.</li></ul>"
                ),
            ),
            ("heading", {"text": "Satu pesan, banyak pembawa pesan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Ketika banyak instansi terlibat, risiko terbesar adalah pesan "
                    "yang berbeda-beda. Beberapa kesepakatan sederhana membantu:</p>"
                    "<ul>"
                    "<li><strong>Pesan kunci bersama</strong> (tiga sampai lima "
                    "kalimat) yang disepakati dan diperbarui pada jadwal tetap, "
                    "misalnya setiap pagi.</li>"
                    "<li><strong>Juru bicara yang ditunjuk</strong> untuk pernyataan "
                    "resmi, sementara instansi lain merujuk ke pernyataan itu.</li>"
                    "<li><strong>Satu rujukan resmi</strong>: halaman atau akun yang "
                    "selalu berisi informasi terbaru dengan tanggal pembaruan yang "
                    "jelas.</li>"
                    "<li><strong>Prosedur ralat</strong>: bila ada kekeliruan, ralat "
                    "yang cepat dan terbuka lebih baik daripada diam.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Menulis untuk semua warga",
                    "text": (
                        "<ul>"
                        "<li>Gunakan kalimat pendek dan kata sehari-hari; terjemahkan "
                        "ke bahasa daerah bila perlu.</li>"
                        "<li>Mulailah dengan hal yang harus dilakukan warga: apa, "
                        "kapan, di mana, dan membawa apa.</li>"
                        "<li>Sediakan format yang mudah diakses: teks yang dapat "
                        "dibaca pembaca layar, gambar dengan keterangan, cetakan "
                        "berhuruf besar, dan pesan suara bagi warga yang kesulitan "
                        "membaca. UU 8/2016 mewajibkan informasi publik dapat diakses "
                        "penyandang disabilitas.</li>"
                        "<li>Ingat warga tanpa internet: papan pengumuman, pengeras "
                        "suara tempat ibadah atau balai desa, radio lokal, dan "
                        "penyampaian melalui RT/RW.</li></ul>"
                    ),
                },
            ),
            ("heading", {"text": "Mendengar adalah separuh komunikasi", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Komunikasi bukan hanya menyampaikan. Pantau pertanyaan yang "
                    "berulang di loket, kanal pengaduan, dan media sosial; pertanyaan "
                    "yang sama berkali-kali menandakan pesan belum jelas. Hoaks "
                    "paling efektif dilawan dengan informasi resmi yang cepat, mudah "
                    "ditemukan, dan disampaikan oleh pihak yang dipercaya warga, "
                    "bukan dengan menyalahkan warga.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Dua pengumuman yang bertentangan",
                    "scenario": (
                        "<p>Saat wilayah Anda beralih dari PSBB ke PSBB Transisi, "
                        "akun media sosial kecamatan mengumumkan bahwa kantor "
                        "pelayanan kembali buka normal mulai Senin. Pada hari yang "
                        "sama, dinas terkait mengumumkan bahwa layanan tatap muka "
                        "hanya melalui janji temu. Senin pagi, puluhan warga datang "
                        "tanpa janji temu dan kecewa. Pesan berantai di grup warga "
                        "menyebut pemerintah “tidak konsisten”. Anda petugas "
                        "kehumasan di kantor camat.</p>"
                    ),
                    "questions": [
                        "Apa yang perlu Anda lakukan dalam satu jam pertama?",
                        (
                            "Bagaimana bunyi ralat yang jujur, empatik, dan mendorong "
                            "tindakan?"
                        ),
                        (
                            "Kesepakatan apa yang perlu dibuat dengan dinas agar "
                            "kejadian ini tidak terulang?"
                        ),
                    ],
                    "debrief": (
                        "<p>Dalam satu jam pertama, pastikan aturan yang benar kepada "
                        "dinas, lalu koordinasikan dengan petugas di lokasi agar "
                        "warga yang sudah datang tetap dilayani atau diberi jadwal "
                        "pasti. Segera terbitkan ralat di kanal yang sama dengan "
                        "pengumuman awal. Isinya mengakui kekeliruan, meminta maaf "
                        "atas ketidaknyamanan, menjelaskan aturan yang berlaku, dan "
                        "memberi langkah konkret: cara membuat janji temu, nomor yang "
                        "dapat dihubungi, dan layanan bagi warga tanpa telepon "
                        "pintar.</p>"
                        "<p>Untuk mencegah terulang, sepakati pesan kunci bersama "
                        "sebelum setiap perubahan kebijakan, tunjuk satu rujukan "
                        "resmi, dan biasakan saling memeriksa naskah pengumuman "
                        "sebelum diterbitkan.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Ambil satu pengumuman layanan yang pernah diterbitkan unit "
                        "Anda. Apakah seorang lansia tanpa telepon pintar atau "
                        "seorang penyandang disabilitas netra dapat memahami dan "
                        "menindaklanjutinya?"
                    ),
                    "hint": (
                        "Periksa bahasa, urutan informasi, format, dan kanal "
                        "penyampaiannya."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Membangun Kepercayaan dan Mengelola Perbedaan antarmitra",
        "slug": "kepercayaan-dan-konflik-antarmitra",
        "intro": (
            "Pelajaran ini membahas cara membangun kepercayaan antarmitra, berunding "
            "berdasarkan kepentingan, dan belajar bersama setelah krisis."
        ),
        "minutes": 25,
        "body": [
            ("heading", {"text": "Kepercayaan adalah modal kolaborasi", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Kolaborasi lintas instansi dan bersama masyarakat berjalan di "
                    "atas kepercayaan. Dalam siklus tata kelola kolaboratif, "
                    "kepercayaan tumbuh dari dialog langsung, komitmen yang ditepati, "
                    "dan keberhasilan kecil yang dirasakan bersama. Sebaliknya, satu "
                    "janji yang diingkari atau satu pihak yang merasa jasanya diklaim "
                    "pihak lain dapat merusak kerja sama yang dibangun "
                    "berbulan-bulan.</p>"
                    "<p>Kebiasaan sederhana yang membangun kepercayaan:</p><ul>"
                    "<li>menepati janji kecil, misalnya mengirim data pada jam yang "
                    "disepakati;</li>"
                    "<li>terbuka tentang keterbatasan sejak awal, termasuk "
                    "keterbatasan anggaran dan petugas;</li>"
                    "<li>berbagi informasi dua arah, bukan hanya meminta laporan;</li>"
                    "<li>menyebut kontribusi mitra secara terbuka dalam laporan dan "
                    "pengumuman.</li></ul>"
                ),
            ),
            (
                "heading",
                {"text": "Sumber konflik dalam kolaborasi krisis", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Perbedaan kepentingan wajar terjadi. Dalam krisis, sumbernya "
                    "biasanya berulang: perebutan sumber daya yang terbatas (tenaga, "
                    "kendaraan, anggaran), tumpang-tindih kewenangan, perbedaan data, "
                    "perbedaan prioritas antarsektor (misalnya sektor kesehatan yang "
                    "ingin membatasi kegiatan dan sektor ekonomi yang ingin kegiatan "
                    "tetap berjalan), serta soal siapa yang mendapat pujian atau "
                    "disalahkan.</p>"
                ),
            ),
            ("heading", {"text": "Berunding berdasarkan kepentingan", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Roger Fisher dan William Ury dalam buku <em>Getting to "
                    "Yes</em> memperkenalkan perundingan berbasis kepentingan. "
                    "Prinsipnya dapat diterapkan dalam rapat koordinasi "
                    "sehari-hari:</p><ol>"
                    "<li><strong>Pisahkan orang dari masalah</strong>: fokus pada "
                    "persoalan, bukan pada siapa yang salah.</li>"
                    "<li><strong>Fokus pada kepentingan, bukan posisi</strong>: "
                    "posisi adalah tuntutan (“posko harus di kantor kami”), sedangkan "
                    "kepentingan adalah alasan di baliknya (“kami perlu mudah "
                    "mengawasi stok”).</li>"
                    "<li><strong>Cari beberapa pilihan</strong> yang memenuhi "
                    "kepentingan semua pihak sebelum memutuskan.</li>"
                    "<li><strong>Gunakan kriteria objektif</strong>: aturan, data, "
                    "jarak tempuh, atau kebutuhan warga, bukan siapa yang paling "
                    "senior.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Dengarkan dulu, baru tanggapi",
                    "text": (
                        "<p>Mendengarkan aktif adalah inti kompetensi komunikasi. "
                        "Ulangi dengan kata-kata Anda sendiri apa yang Anda tangkap "
                        "dari pihak lain (“Jadi, yang Bapak khawatirkan adalah ...”) "
                        "sebelum menyampaikan pendapat. Cara ini menurunkan "
                        "ketegangan dan sering memperlihatkan bahwa kepentingan kedua "
                        "pihak lebih dekat daripada posisi mereka.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Belajar bersama setelah krisis", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Setelah satu fase krisis lewat, lakukan tinjauan "
                    "pascakegiatan (<em>after action review</em>) bersama mitra "
                    "dengan empat pertanyaan: apa yang direncanakan, apa yang "
                    "sebenarnya terjadi, mengapa berbeda, dan apa yang akan "
                    "dipertahankan atau diubah. Simpan daftar kontak, kesepakatan, "
                    "dan pelajaran itu. Webinar mengingatkan bahwa setiap entitas "
                    "layanan publik harus tahu sebelumnya bagaimana bertindak "
                    "menghadapi krisis; jejaring mitra yang sudah teruji adalah "
                    "bagian penting dari kesiapan itu.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Posko desa di wilayah tanpa sinyal 4G",
                    "scenario": (
                        "<p>Sebuah desa di kabupaten Anda berada di perbukitan tanpa "
                        "jaringan 4G; sinyal telepon hanya ada di beberapa titik. "
                        "Ketika kasus COVID-19 muncul di desa itu, kepala desa ingin "
                        "posko dan gudang logistik berada di kantor desa, sedangkan "
                        "bidan desa ingin posko di dekat polindes agar mudah memantau "
                        "warga bergejala. Pendamping program bantuan sosial mengeluh "
                        "tidak pernah diberi tahu jadwal rapat. Warga mulai mendengar "
                        "kabar simpang siur dari pedagang yang datang dari kota. Anda "
                        "staf kecamatan yang diminta memfasilitasi.</p>"
                    ),
                    "questions": [
                        "Apa kepentingan di balik posisi kepala desa dan bidan desa?",
                        "Pilihan apa yang dapat memenuhi kepentingan keduanya?",
                        (
                            "Bagaimana berbagi informasi antarmitra dan kepada warga "
                            "tanpa mengandalkan internet?"
                        ),
                        (
                            "Apa yang Anda lakukan agar pendamping bantuan sosial "
                            "kembali percaya dan terlibat?"
                        ),
                    ],
                    "debrief": (
                        "<p>Kepala desa kemungkinan berkepentingan pada pengawasan "
                        "stok dan akuntabilitas logistik; bidan desa pada kecepatan "
                        "memantau dan memisahkan warga bergejala. Salah satu pilihan: "
                        "logistik disimpan dan dicatat di kantor desa, sedangkan pos "
                        "pemantauan kesehatan berada di dekat polindes, dengan jadwal "
                        "serah terima yang jelas. Gunakan kriteria objektif seperti "
                        "jarak bagi warga dan keamanan penyimpanan.</p>"
                        "<p>Tanpa internet, informasi dapat dibagikan melalui papan "
                        "pengumuman yang diperbarui pada jam tetap, pengeras suara "
                        "tempat ibadah atau balai desa, kunjungan kader, dan satu "
                        "titik bersinyal untuk laporan harian ke kecamatan. Undang "
                        "pendamping bantuan sosial ke setiap rapat, beri peran yang "
                        "jelas, dan sebut kontribusinya dalam laporan.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Pikirkan satu perbedaan pendapat dengan unit atau instansi "
                        "lain yang belum selesai. Apa posisi masing-masing pihak, dan "
                        "apa kepentingan di baliknya?"
                    ),
                    "hint": (
                        "Tuliskan posisi dan kepentingan dalam dua kolom, lalu cari "
                        "satu pilihan yang memenuhi kepentingan kedua pihak."
                    ),
                },
            ),
        ],
    },
]

_KKO_PRETEST = [
    {
        "type": "single",
        "text": (
            "Anda sekretaris kelurahan yang diminta menyalurkan BLT dalam dua minggu. "
            "Data dari dinas sosial memuat nama yang sudah pindah, dan puskesmas "
            "khawatir terjadi kerumunan. Apa langkah pertama yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Menyalurkan sesuai data dinas apa adanya agar tepat waktu, lalu "
                    "melaporkan data yang keliru kepada dinas sesudahnya"
                ),
                False,
            ),
            (
                (
                    "Mengundang dinas sosial, Dukcapil, RT/RW, dan puskesmas untuk "
                    "menyepakati tujuan bersama dan pencocokan data"
                ),
                True,
            ),
            (
                (
                    "Meminta ketua RT mencoret nama yang diragukan dan menambahkan "
                    "warga yang mereka anggap layak"
                ),
                False,
            ),
            (
                (
                    "Menunda penyaluran sampai kasus turun agar tidak ada kerumunan, "
                    "lalu menjadwalkan ulang penyaluran pada bulan depan"
                ),
                False,
            ),
        ],
        "explanation": (
            "Masalah data dan kesehatan melibatkan beberapa pihak. Menyepakati tujuan "
            "dan pencocokan data bersama lebih tepat daripada bertindak sepihak atau "
            "menunda."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": "Kepemimpinan kolaboratif paling tepat diartikan sebagai...",
        "choices": [
            (
                (
                    "Kemampuan memberi perintah kepada instansi lain melalui surat "
                    "edaran pimpinan daerah"
                ),
                False,
            ),
            (
                (
                    "Kesediaan menyerahkan semua keputusan kepada mitra agar tidak "
                    "terjadi perselisihan"
                ),
                False,
            ),
            (
                (
                    "Kemampuan menyelesaikan masalah secara mandiri tanpa bergantung "
                    "pada instansi lain"
                ),
                False,
            ),
            (
                (
                    "Kemampuan menggerakkan pihak yang tidak berada di bawah komando "
                    "kita menuju tujuan bersama"
                ),
                True,
            ),
        ],
        "explanation": (
            "Pemimpin kolaboratif mengandalkan tujuan yang jelas, informasi terbuka, "
            "dan kepercayaan, bukan kewenangan memerintah."
        ),
        "competency": "M.2",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Puskesmas mengeluh harus mengisi tiga formulir laporan pasien isolasi "
            "mandiri untuk tiga instansi dalam gugus tugas. Apa solusi yang paling "
            "tepat?"
        ),
        "choices": [
            (
                (
                    "Menyepakati satu sumber data bersama dengan pemilik data yang "
                    "jelas dan akses sesuai keperluan"
                ),
                True,
            ),
            (
                (
                    "Meminta puskesmas menambah petugas khusus pelapor agar ketiga "
                    "formulir tetap terisi tepat waktu"
                ),
                False,
            ),
            (
                (
                    "Membiarkan setiap instansi memakai formulirnya karena "
                    "masing-masing punya kebutuhan sendiri"
                ),
                False,
            ),
            (
                (
                    "Membagikan seluruh data pasien di grup pesan gugus tugas agar "
                    "setiap instansi dapat mengambilnya"
                ),
                False,
            ),
        ],
        "explanation": (
            "Satu sumber data bersama mengurangi beban pelapor dan mencegah angka "
            "yang berbeda, dengan akses yang tetap dibatasi sesuai keperluan."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Pengumuman kecamatan dan dinas tentang jam layanan saling bertentangan, "
            "dan warga yang datang kecewa. Tindakan komunikasi apa yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Menghapus unggahan lama secara diam-diam agar kebingungan warga "
                    "tidak semakin meluas"
                ),
                False,
            ),
            (
                (
                    "Menerbitkan pernyataan bahwa kekeliruan berasal dari pengumuman "
                    "dinas agar kecamatan tidak disalahkan oleh warga"
                ),
                False,
            ),
            (
                (
                    "Memastikan aturan yang benar, lalu menerbitkan ralat terbuka "
                    "berisi permintaan maaf dan langkah bagi warga"
                ),
                True,
            ),
            (
                (
                    "Menunggu sampai keluhan di grup warga mereda, lalu mengunggah "
                    "jadwal baru yang sudah diperbaiki pekan depan"
                ),
                False,
            ),
        ],
        "explanation": (
            "Ralat yang cepat, jujur, empatik, dan mendorong tindakan menjaga "
            "kredibilitas pemerintah."
        ),
        "competency": "M.3",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Kepala desa bersikeras posko berada di kantor desa, sedangkan bidan desa "
            "bersikeras posko berada di dekat polindes. Menurut perundingan berbasis "
            "kepentingan, apa langkah pertama Anda sebagai fasilitator?"
        ),
        "choices": [
            (
                (
                    "Memilih usulan pejabat yang lebih senior karena kepala desa "
                    "yang bertanggung jawab atas seluruh wilayah desa"
                ),
                False,
            ),
            (
                (
                    "Mengadakan pemungutan suara di antara warga desa tentang lokasi "
                    "posko yang paling disukai"
                ),
                False,
            ),
            (
                (
                    "Memindahkan posko ke kantor kecamatan agar tidak ada pihak di "
                    "desa yang merasa dikalahkan"
                ),
                False,
            ),
            (
                (
                    "Menggali alasan di balik tuntutan masing-masing, misalnya "
                    "pengawasan stok dan kecepatan memantau warga"
                ),
                True,
            ),
        ],
        "explanation": (
            "Fokus pada kepentingan, bukan posisi. Kepentingan yang terungkap membuka "
            "pilihan yang memenuhi kedua pihak."
        ),
        "competency": "M.2",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Unsur apa saja yang membuat gugus tugas lintas instansi bekerja efektif? "
            "Pilih semua yang benar."
        ),
        "choices": [
            ("Rapat panjang tanpa ringkasan keputusan", False),
            ("Satu sumber data bersama", True),
            ("Peran dan penanggung jawab yang jelas", True),
            ("Tujuan bersama yang terukur", True),
            ("Ritme koordinasi yang singkat dan tetap", True),
        ],
        "scoring": "partial",
        "explanation": (
            "Tujuan terukur, peran jelas, satu koordinator dengan jalur eskalasi, "
            "ritme koordinasi, dan satu sumber data membuat gugus tugas bekerja."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Manakah praktik yang membuat pengumuman layanan dapat diakses oleh semua "
            "warga?"
        ),
        "choices": [
            ("Teks yang dapat dibaca pembaca layar dan pesan suara", True),
            (
                (
                    "Penyampaian melalui papan pengumuman dan RT/RW bagi warga tanpa "
                    "internet"
                ),
                True,
            ),
            ("Menggunakan istilah teknis dan singkatan internal kantor", False),
            ("Hanya mengunggah poster bergambar tanpa keterangan teks", False),
            ("Kalimat pendek yang dimulai dengan hal yang harus dilakukan warga", True),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Bahasa sederhana, format yang aksesibel sesuai UU 8/2016, dan kanal "
            "luring membuat pesan menjangkau semua warga."
        ),
        "competency": "M.3",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Dalam keadaan krisis, instansi boleh membagikan data pribadi warga "
            "secara bebas kepada siapa saja yang membantu, karena penanganan krisis "
            "mengesampingkan prinsip pelindungan data pribadi."
        ),
        "answer": False,
        "explanation": (
            "Data boleh diproses untuk menjalankan tugas pelayanan, tetapi "
            "seperlunya, untuk tujuan yang jelas, dengan akses terbatas dan "
            "pengamanan yang memadai."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Menyampaikan secara jujur apa yang belum diketahui pemerintah dapat "
            "memperkuat kredibilitas di mata warga."
        ),
        "answer": True,
        "explanation": (
            "Prinsip “jadilah benar” dan “jadilah kredibel” meminta pemerintah "
            "terbuka tentang apa yang diketahui, yang belum diketahui, dan apa yang "
            "sedang dilakukan."
        ),
        "competency": "M.3",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Sebutan bagi orang yang ditunjuk untuk menyampaikan pernyataan resmi "
            "atas nama gugus tugas adalah..."
        ),
        "accepted": [
            "juru bicara",
            "jubir",
            "juru bicara resmi",
            "spokesperson",
            "juru-bicara",
        ],
        "explanation": (
            "Satu juru bicara dan satu rujukan resmi mencegah pesan yang berbeda-beda "
            "dari banyak instansi."
        ),
        "competency": "M.3",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": (
            "Urutkan pertanyaan tinjauan pascakegiatan (after action review) bersama "
            "mitra setelah satu fase krisis."
        ),
        "items": [
            "Apa yang direncanakan?",
            "Apa yang sebenarnya terjadi?",
            "Mengapa ada perbedaan?",
            "Apa yang akan dipertahankan atau diubah?",
        ],
        "explanation": (
            "Tinjauan bergerak dari rencana ke kenyataan, lalu ke penyebab perbedaan "
            "dan pelajaran untuk krisis berikutnya."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": (
            "Pasangkan tindakan komunikasi dengan prinsip komunikasi krisis yang "
            "diterapkan."
        ),
        "pairs": [
            (
                "Menerbitkan informasi awal sebelum rumor menyebar",
                "Jadilah yang pertama",
            ),
            ("Menyampaikan apa yang sudah dan belum diketahui", "Jadilah benar"),
            (
                "Mengakui kecemasan warga yang kehilangan penghasilan",
                "Tunjukkan empati",
            ),
            (
                "Menyebut langkah konkret: daftar di mana dan membawa apa",
                "Dorong tindakan",
            ),
        ],
        "explanation": (
            "Prinsip komunikasi krisis membantu menyusun pesan yang cepat, benar, "
            "empatik, dan dapat ditindaklanjuti warga."
        ),
        "competency": "M.3",
        "difficulty": "medium",
        "points": 1,
    },
]

_KKO_POSTTEST = [
    {
        "type": "single",
        "text": (
            "Anda staf BPBD yang ditugasi mengoordinasikan pengiriman paket makanan "
            "bagi warga isolasi mandiri. Dinas sosial, puskesmas, dan relawan punya "
            "jadwal sendiri-sendiri, sehingga ada rumah yang menerima dua paket dan "
            "ada yang tidak menerima sama sekali. Apa langkah pertama yang paling "
            "tepat?"
        ),
        "choices": [
            (
                (
                    "Mengambil alih seluruh pengiriman oleh BPBD agar tidak ada lagi "
                    "tumpang-tindih antarpihak"
                ),
                False,
            ),
            (
                (
                    "Mempertemukan para pihak: sepakati tujuan bersama, satu daftar "
                    "penerima, dan wilayah"
                ),
                True,
            ),
            (
                (
                    "Meminta relawan berhenti membantu karena mereka tidak tercatat "
                    "dalam struktur gugus tugas"
                ),
                False,
            ),
            (
                (
                    "Menunggu instruksi tertulis dari pemerintah pusat tentang "
                    "pembagian peran setiap instansi dalam pengiriman paket"
                ),
                False,
            ),
        ],
        "explanation": (
            "Tumpang-tindih diselesaikan dengan tujuan bersama, satu sumber data, dan "
            "pembagian peran yang jelas."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": "Pemimpin kolaboratif terutama mengandalkan...",
        "choices": [
            ("Kewenangan jabatan dan surat tugas untuk memerintah mitra", False),
            ("Jumlah anggota tim yang besar dari berbagai instansi", False),
            ("Tujuan yang jelas, informasi yang terbuka, dan kepercayaan", True),
            ("Anggaran terbesar di antara instansi yang terlibat", False),
        ],
        "explanation": (
            "Mitra kolaborasi tidak berada di bawah komando kita, sehingga mereka "
            "digerakkan oleh tujuan bersama dan kepercayaan."
        ),
        "competency": "M.2",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Dinas sosial meminta daftar pasien isolasi mandiri dari dinas kesehatan "
            "untuk mengirim paket makanan. Bagaimana cara berbagi data yang paling "
            "tepat?"
        ),
        "choices": [
            (
                (
                    "Membagikan kolom yang diperlukan saja melalui saluran aman, "
                    "dengan akses terbatas dan jadwal penghapusan"
                ),
                True,
            ),
            (
                (
                    "Mengirim seluruh rekam medis pasien agar dinas sosial memiliki "
                    "data yang lengkap, mutakhir, dan tidak perlu diminta ulang"
                ),
                False,
            ),
            (
                (
                    "Mengunggah daftar ke grup pesan kecamatan agar semua petugas "
                    "lapangan dapat mengaksesnya dengan cepat kapan saja"
                ),
                False,
            ),
            (
                (
                    "Menolak berbagi data dalam bentuk apa pun karena data kesehatan "
                    "bersifat rahasia"
                ),
                False,
            ),
        ],
        "explanation": (
            "Berbagi data untuk tugas pelayanan dibolehkan, tetapi seperlunya, aman, "
            "terbatas aksesnya, dan dihapus setelah tidak diperlukan."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Pertanyaan yang sama tentang syarat bantuan terus berulang di loket dan "
            "media sosial. Apa artinya, dan apa yang sebaiknya dilakukan?"
        ),
        "choices": [
            (
                (
                    "Warga kurang teliti membaca; cukup unggah ulang pengumuman yang "
                    "sama setiap hari"
                ),
                False,
            ),
            (
                (
                    "Kanal terlalu ramai; tutup kolom komentar di media sosial agar "
                    "pertanyaan tidak menumpuk"
                ),
                False,
            ),
            (
                (
                    "Pesan belum jelas; sederhanakan bahasa dan pakai kanal yang "
                    "dipercaya warga"
                ),
                True,
            ),
            (
                (
                    "Informasi daring tidak efektif; minta semua warga datang "
                    "langsung ke kantor untuk bertanya kepada petugas loket"
                ),
                False,
            ),
        ],
        "explanation": (
            "Pertanyaan berulang adalah masukan bahwa pesan perlu diperbaiki. "
            "Mendengar adalah bagian dari komunikasi."
        ),
        "competency": "M.3",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Dalam rapat gugus tugas, dinas kesehatan menuntut jam pasar dibatasi, "
            "sedangkan dinas perdagangan menuntut pasar buka penuh. Langkah mana yang "
            "sesuai dengan perundingan berbasis kepentingan?"
        ),
        "choices": [
            (
                (
                    "Menggali kepentingan keduanya (mencegah penularan, menjaga "
                    "penghidupan), lalu mencari opsi jadwal dan zona"
                ),
                True,
            ),
            (
                (
                    "Mendahulukan tuntutan dinas kesehatan karena keselamatan warga "
                    "selalu lebih penting daripada kegiatan ekonomi pasar"
                ),
                False,
            ),
            (
                (
                    "Menunda pembahasan sampai krisis selesai agar tidak terjadi "
                    "perselisihan antarinstansi"
                ),
                False,
            ),
            (
                (
                    "Menyerahkan keputusan kepada paguyuban pedagang karena merekalah "
                    "yang paling terdampak"
                ),
                False,
            ),
        ],
        "explanation": (
            "Posisi yang bertentangan sering menyimpan kepentingan yang dapat "
            "dipenuhi bersama; pilihan diuji dengan kriteria objektif seperti data."
        ),
        "competency": "M.2",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Kebiasaan apa saja yang membangun kepercayaan antarmitra? Pilih semua "
            "yang benar."
        ),
        "choices": [
            ("Hanya meminta laporan tanpa berbagi informasi balik", False),
            ("Menepati janji kecil seperti mengirim data tepat waktu", True),
            ("Menyebut kontribusi mitra dalam laporan", True),
            ("Terbuka tentang keterbatasan sejak awal", True),
            ("Mengumumkan keberhasilan sebagai hasil kerja instansi sendiri", False),
        ],
        "scoring": "partial",
        "explanation": (
            "Kepercayaan tumbuh dari komitmen yang ditepati, keterbukaan, informasi "
            "dua arah, dan pengakuan atas kontribusi bersama."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Kesepakatan komunikasi apa saja yang mencegah pesan bertentangan "
            "antarinstansi?"
        ),
        "choices": [
            ("Prosedur ralat yang cepat dan terbuka", True),
            ("Juru bicara yang ditunjuk untuk pernyataan resmi", True),
            ("Pesan kunci bersama yang diperbarui pada jadwal tetap", True),
            ("Setiap instansi menerbitkan versinya sendiri secepat mungkin", False),
            ("Satu rujukan resmi dengan tanggal pembaruan", True),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Satu pesan kunci, satu juru bicara, satu rujukan resmi, dan prosedur "
            "ralat menjaga konsistensi dan kredibilitas."
        ),
        "competency": "M.3",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Data pribadi yang dibagikan antarinstansi dalam gugus tugas sebaiknya "
            "dibatasi pada yang benar-benar diperlukan untuk tujuan yang disepakati."
        ),
        "answer": True,
        "explanation": (
            "Prinsip seperlunya dan pembatasan tujuan tetap berlaku dalam krisis."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Dalam komunikasi krisis, pemerintah sebaiknya diam sampai semua "
            "informasi pasti agar tidak pernah keliru."
        ),
        "answer": False,
        "explanation": (
            "Diam membuka ruang bagi rumor. Sampaikan informasi awal dengan jujur, "
            "termasuk apa yang belum diketahui, dan perbarui secara berkala."
        ),
        "competency": "M.3",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Teknik mengulang dengan kata-kata sendiri apa yang ditangkap dari lawan "
            "bicara sebelum menanggapi disebut mendengarkan secara..."
        ),
        "accepted": [
            "aktif",
            "mendengarkan aktif",
            "mendengar aktif",
            "active listening",
            "secara aktif",
        ],
        "explanation": (
            "Mendengarkan aktif menurunkan ketegangan dan membantu menemukan "
            "kepentingan bersama."
        ),
        "competency": "M.3",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": "Urutkan langkah menyiapkan gugus tugas lintas instansi.",
        "items": [
            "Merumuskan tujuan bersama yang terukur",
            "Membagi peran dengan matriks RACI",
            "Menyepakati sumber data bersama dan aturan berbagi data",
            "Menjalankan rapat singkat harian dan meninjau kemajuan",
        ],
        "explanation": (
            "Tujuan menentukan peran; peran menentukan data yang diperlukan; setelah "
            "itu ritme koordinasi menjaga kerja tetap berjalan."
        ),
        "competency": "M.2",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": (
            "Pasangkan kelompok warga dengan cara penyampaian informasi yang paling "
            "tepat."
        ),
        "pairs": [
            (
                "Warga penyandang disabilitas netra",
                "Teks yang dapat dibaca pembaca layar atau pesan suara",
            ),
            (
                "Warga desa tanpa sinyal internet",
                "Papan pengumuman, pengeras suara balai desa, dan kader",
            ),
            (
                "Lansia yang kesulitan membaca tulisan kecil",
                "Cetakan berhuruf besar dan penjelasan langsung oleh RT/RW",
            ),
            (
                "Warga yang lebih fasih berbahasa daerah",
                "Terjemahan pesan kunci ke bahasa daerah",
            ),
        ],
        "explanation": (
            "Pesan yang sama perlu format dan kanal yang berbeda agar menjangkau "
            "semua warga."
        ),
        "competency": "M.3",
        "difficulty": "medium",
        "points": 1,
    },
]


# ---------------------------------------------------------------------------
# Modul 4: Pelayanan Publik di Masa Krisis (M.5 Pelayanan Publik, M.4 Orientasi
# pada Hasil)
# ---------------------------------------------------------------------------

_PPK_LESSONS = [
    {
        "title": "Pelayanan Publik yang Tidak Boleh Berhenti",
        "slug": "pelayanan-publik-tidak-boleh-berhenti",
        "intro": (
            "Pelajaran ini menjelaskan mengapa pelayanan publik harus tetap berjalan "
            "dalam kondisi normal maupun tidak normal, dan kaitannya dengan agenda "
            "2030."
        ),
        "minutes": 20,
        "body": [
            (
                "heading",
                {"text": "Mengapa pelayanan harus tetap berjalan", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Peran utama pemerintah adalah menyediakan pelayanan publik "
                    "untuk menyejahterakan masyarakat, yang mencakup pangan, "
                    "pendidikan, layanan kesehatan, sandang, pekerjaan, tempat "
                    "tinggal, dan pelayanan dasar lainnya. Ketika pandemi COVID-19 "
                    "mengganggu kesehatan, ekonomi, pendidikan, dan kehidupan sosial, "
                    "kebutuhan warga terhadap layanan justru meningkat. Karena itu, "
                    "webinar nasional tentang dinamika pelayanan publik masa pandemi "
                    "menegaskan: apa pun kondisinya, pelayanan publik harus tetap "
                    "dilakukan secara maksimal.</p>"
                ),
            ),
            ("heading", {"text": "Pelayanan publik dan agenda 2030", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Konsep dasar pelayanan publik pada periode 2000–2015 mengacu "
                    "pada Millennium Development Goals (MDGs), sedangkan periode "
                    "2016–2030 mengacu pada Sustainable Development Goals (SDGs) atau "
                    "agenda 2030. Pandemi menghambat pencapaian SDGs karena menambah "
                    "pengangguran dan kemiskinan serta mengganggu layanan kesehatan "
                    "dan pendidikan. Agenda 2030 pun menjadi tantangan bagi kapasitas "
                    "pelayanan publik.</p>"
                    "<p>ASN sebagai penyelenggara negara berperan mewujudkan agenda "
                    "2030 melalui:</p><ul>"
                    "<li>perencanaan kebijakan dan strategi;</li>"
                    "<li>pengembangan infrastruktur;</li>"
                    "<li>mobilisasi dan pemanfaatan sumber daya;</li>"
                    "<li>pemantauan dan evaluasi;</li>"
                    "<li>pengembangan kapasitas sumber daya manusia dan "
                    "kelembagaan;</li>"
                    "<li>penyediaan layanan publik.</li></ul>"
                ),
            ),
            ("heading", {"text": "Tiga variabel pelayanan publik", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Webinar menyimpulkan bahwa pelayanan publik memiliki tiga "
                    "variabel utama yang menjadi tanggung jawab pemerintah: "
                    "<strong>administrasi publik</strong> (aturan, kewenangan, dan "
                    "tata kelola), <strong>manajemen pelayanan publik</strong> (cara "
                    "layanan direncanakan, dijalankan, dan diperbaiki), serta "
                    "<strong>penyelenggaraan kebutuhan publik</strong> (layanan yang "
                    "benar-benar diterima warga). Dalam krisis, ketiganya harus "
                    "bergerak bersama: aturan yang menyesuaikan, manajemen yang "
                    "adaptif, dan layanan yang tetap sampai kepada warga.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Kondisi normal dan tidak normal",
                    "text": (
                        "<p>Pesan terpenting webinar: pelayanan publik tidak cukup "
                        "dirancang untuk memenuhi kebutuhan saat ini, tetapi harus "
                        "mengantisipasi krisis. Setiap entitas layanan publik perlu "
                        "tahu <strong>sebelumnya</strong> bagaimana bertindak sesuai "
                        "jenis krisis yang terjadi, sehingga proses pelayanan tetap "
                        "berjalan dalam kondisi normal maupun tidak normal.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Berorientasi pada hasil bagi warga", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Dalam krisis, mudah sekali terjebak mengukur kesibukan: "
                    "jumlah rapat, jumlah surat edaran, jumlah unggahan. Padahal yang "
                    "penting bagi warga adalah hasilnya: apakah dokumen terbit, "
                    "bantuan diterima, dan pasien terlayani.</p>"
                    "<p>Dalam standar kompetensi manajerial ASN (PermenPANRB "
                    "38/2017), Pelayanan Publik (M.5) pada level 3 berkaitan dengan "
                    "kemampuan memanfaatkan kekuatan kelompok dan memperbaiki standar "
                    "pelayanan di lingkup unit kerja, sedangkan Orientasi pada Hasil "
                    "(M.4) pada level 2 berkaitan dengan upaya meningkatkan hasil "
                    "kerja melampaui standar serta mencoba metode alternatif untuk "
                    "meningkatkan kinerja. Modul ini melatih keduanya dalam situasi "
                    "krisis.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Akta kematian di tengah gelombang kasus",
                    "scenario": (
                        "<p>Pada puncak gelombang kasus COVID-19, kantor Dinas "
                        "Dukcapil kabupaten Anda menerima permohonan akta kematian "
                        "jauh lebih banyak daripada biasanya. Keluarga yang berduka "
                        "memerlukan akta itu untuk mengurus hak waris, pensiun, "
                        "asuransi, dan perubahan kartu keluarga. Sebagian petugas "
                        "sedang isolasi mandiri, kantor membatasi pengunjung, dan "
                        "banyak keluarga pemohon juga sedang menjalani isolasi. "
                        "Pimpinan bertanya apakah layanan akta kematian sebaiknya "
                        "ditunda sampai kondisi membaik.</p>"
                    ),
                    "questions": [
                        (
                            "Mengapa layanan ini termasuk layanan yang tidak boleh "
                            "berhenti?"
                        ),
                        "Hasil apa yang penting bagi warga, dan bagaimana mengukurnya?",
                        (
                            "Siapa saja yang dapat membantu agar permohonan tidak "
                            "harus diantar langsung ke kantor?"
                        ),
                    ],
                    "debrief": (
                        "<p>Akta kematian menentukan hak keluarga atas waris, "
                        "pensiun, dan asuransi, serta ketepatan data kependudukan; "
                        "menundanya menambah beban keluarga yang sedang berduka. "
                        "Hasil yang penting adalah akta terbit dengan benar dalam "
                        "waktu yang jelas, diukur misalnya dengan jumlah permohonan "
                        "yang selesai dan lama penyelesaiannya.</p>"
                        "<p>Permohonan dapat dibantu melalui kelurahan atau desa, "
                        "rumah sakit, dan pengelola pemakaman sebagai pihak yang "
                        "mencatat kematian, serta melalui kanal daring bagi keluarga "
                        "yang mampu mengaksesnya. Layanan tetap berjalan dengan "
                        "jadwal petugas bergilir dan kanal pengganti, bukan "
                        "ditunda.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Layanan mana di unit Anda yang paling merugikan warga bila "
                        "berhenti selama satu minggu? Apa hasil penting layanan itu "
                        "bagi warga?"
                    ),
                    "hint": (
                        "Bedakan hasil bagi warga (misalnya dokumen terbit) dari "
                        "kesibukan kantor (misalnya jumlah rapat)."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Merancang Kesinambungan Layanan",
        "slug": "merancang-kesinambungan-layanan",
        "intro": (
            "Pelajaran ini memandu penyusunan rencana kesinambungan layanan agar unit "
            "kerja tahu sebelumnya cara tetap melayani ketika krisis terjadi."
        ),
        "minutes": 25,
        "body": [
            ("heading", {"text": "Bersiap sebelum krisis datang", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Kesinambungan layanan (<em>business continuity</em>) adalah "
                    "kemampuan organisasi untuk tetap menjalankan layanan penting "
                    "pada tingkat yang dapat diterima ketika terjadi gangguan. "
                    "Praktik ini lazim di perbankan dan perusahaan utilitas, dan "
                    "dibakukan secara internasional antara lain dalam standar ISO "
                    "22301. Bagi unit layanan publik, gagasan dasarnya sederhana: "
                    "jangan menunggu krisis untuk memikirkan cara tetap melayani.</p>"
                ),
            ),
            (
                "heading",
                {"text": "Lima langkah menyusun rencana kesinambungan", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<ol>"
                    "<li><strong>Petakan layanan dan tentukan yang kritis.</strong> "
                    "Layanan kritis adalah layanan yang bila berhenti segera "
                    "merugikan keselamatan, kesehatan, penghidupan, atau hak hukum "
                    "warga.</li>"
                    "<li><strong>Tetapkan tingkat layanan minimum dan batas waktu "
                    "henti.</strong> Misalnya: “surat keterangan kematian tidak boleh "
                    "berhenti lebih dari satu hari kerja; dalam keadaan darurat cukup "
                    "dilayani di satu loket”.</li>"
                    "<li><strong>Kenali ketergantungan.</strong> Setiap layanan "
                    "bergantung pada orang, tempat, peralatan dan jaringan, data, "
                    "anggaran, serta mitra. Lima hambatan pelayanan di masa pandemi, "
                    "yaitu SDM, infrastruktur atau jaringan, anggaran, budaya "
                    "masyarakat, dan geografis, membantu memeriksa titik "
                    "lemahnya.</li>"
                    "<li><strong>Siapkan alternatif untuk setiap "
                    "ketergantungan.</strong> Petugas cadangan yang sudah dilatih, "
                    "lokasi layanan pengganti, kanal daring dan luring, salinan data "
                    "yang aman, dan pos anggaran tak terduga.</li>"
                    "<li><strong>Latih dan perbarui.</strong> Simulasikan rencana "
                    "secara berkala, misalnya sekali setahun, lalu perbaiki "
                    "berdasarkan hasil simulasi dan kejadian nyata.</li></ol>"
                ),
            ),
            (
                "heading",
                {"text": "Jenis krisis berbeda, respons berbeda", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Webinar menekankan bahwa setiap entitas layanan publik harus "
                    "tahu lebih dulu cara bertindak <strong>sesuai jenis "
                    "krisis</strong> yang terjadi. Pandemi, banjir, gempa bumi, "
                    "kebakaran kantor, dan gangguan jaringan menimbulkan gangguan "
                    "yang berbeda:</p><ul>"
                    "<li><strong>Pandemi</strong>: gedung masih dapat dipakai, tetapi "
                    "petugas dan warga tidak boleh berkerumun, dan banyak petugas "
                    "dapat sakit bersamaan dalam waktu yang panjang.</li>"
                    "<li><strong>Banjir atau gempa bumi</strong>: gedung dan arsip "
                    "dapat rusak, warga mengungsi dan kehilangan dokumen, dan "
                    "kebutuhan layanan melonjak di lokasi pengungsian.</li>"
                    "<li><strong>Gangguan jaringan atau listrik</strong>: layanan "
                    "daring lumpuh, sehingga perlu prosedur manual sementara dan "
                    "pencatatan yang kemudian dimasukkan kembali ke sistem.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Rencana yang dipakai adalah rencana yang pendek",
                    "text": (
                        "<ul>"
                        "<li>Satu halaman per layanan kritis: layanan minimum, batas "
                        "waktu henti, petugas cadangan, lokasi dan kanal alternatif, "
                        "serta nomor kontak.</li>"
                        "<li>Disimpan dalam bentuk cetak dan digital, sehingga tetap "
                        "dapat dibuka ketika jaringan mati.</li>"
                        "<li>Setiap petugas tahu perannya tanpa harus membuka dokumen "
                        "tebal.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<h3>Pembagian kerja di masa pandemi</h3>"
                    "<p>Pengalaman pandemi memperlihatkan beberapa praktik yang "
                    "membantu layanan tetap buka: membagi petugas ke dalam tim "
                    "bergilir yang tidak saling bertemu, sehingga bila satu tim harus "
                    "isolasi, tim lain tetap bekerja; melatih silang petugas agar "
                    "satu layanan tidak bergantung pada satu orang; dan menerapkan "
                    "panduan pencegahan dan pengendalian COVID-19 di tempat kerja "
                    "perkantoran.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Kantor Samsat yang harus tutup sementara",
                    "scenario": (
                        "<p>Anda kepala kantor Samsat. Lima petugas terkonfirmasi "
                        "positif COVID-19, dan kantor harus ditutup untuk disinfeksi "
                        "dan penelusuran kontak. Seluruh petugas loket selama ini "
                        "bekerja dalam satu ruangan yang sama. Setiap hari ratusan "
                        "warga datang untuk membayar pajak kendaraan dan mengurus "
                        "pengesahan STNK. Kantor belum pernah menyusun rencana "
                        "kesinambungan layanan.</p>"
                    ),
                    "questions": [
                        (
                            "Layanan apa yang paling kritis, dan berapa lama layanan "
                            "itu dapat berhenti tanpa merugikan warga secara serius?"
                        ),
                        (
                            "Alternatif apa yang dapat segera dijalankan untuk "
                            "petugas, lokasi, dan kanal layanan?"
                        ),
                        (
                            "Apa yang harus Anda ubah agar kejadian serupa tidak lagi "
                            "menutup layanan sepenuhnya?"
                        ),
                    ],
                    "debrief": (
                        "<p>Pembayaran pajak dan pengesahan STNK penting bagi warga "
                        "karena terkait denda dan keabsahan kendaraan. Untuk jangka "
                        "pendek, umumkan penutupan dengan jelas beserta kanal "
                        "alternatifnya, arahkan warga ke kanal pembayaran elektronik, "
                        "layanan keliling, atau gerai terdekat yang tersedia, minta "
                        "bantuan petugas dari unit lain, dan usulkan kepada pimpinan "
                        "langkah yang melindungi warga dari denda akibat penutupan "
                        "bila hal itu berada dalam kewenangan pemerintah daerah.</p>"
                        "<p>Untuk jangka panjang, susun rencana kesinambungan satu "
                        "halaman: petugas dibagi ke dalam tim bergilir yang terpisah, "
                        "petugas dilatih silang, lokasi pengganti disepakati, dan "
                        "rencana disimulasikan secara berkala.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Pilih satu layanan kritis di unit Anda dan tuliskan rencana "
                        "kesinambungan satu halaman untuk layanan itu."
                    ),
                    "hint": (
                        "Isi: layanan minimum, batas waktu henti, petugas cadangan, "
                        "lokasi dan kanal alternatif, serta kontak penting."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Kanal Daring dan Luring: Menjangkau Semua Warga",
        "slug": "kanal-daring-dan-luring",
        "intro": (
            "Pelajaran ini membahas cara memadukan layanan daring dan luring agar "
            "digitalisasi tidak meninggalkan warga yang paling sulit dijangkau."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {
                    "text": "Digitalisasi sebagai arah, inklusi sebagai syarat",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Webinar menegaskan bahwa birokrasi yang efektif memerlukan "
                    "digitalisasi birokrasi dengan mengacu pada konsep sistem "
                    "pemerintahan berbasis elektronik (SPBE), sehingga layanan publik "
                    "dapat diakses secara daring oleh pengguna. Di masa pandemi, "
                    "layanan daring mengurangi kerumunan, melindungi petugas dan "
                    "warga, dan memungkinkan layanan tetap berjalan ketika kantor "
                    "dibatasi.</p>"
                    "<p>Namun, tidak semua warga dapat mengakses layanan daring. Lima "
                    "hambatan pelayanan yang disebut webinar menjelaskan "
                    "alasannya:</p><ul>"
                    "<li><strong>Kualitas SDM</strong>: petugas belum terbiasa dengan "
                    "sistem baru, dan warga belum terbiasa dengan layanan daring.</li>"
                    "<li><strong>Infrastruktur atau jaringan telekomunikasi</strong>: "
                    "pada 2021 masih ribuan desa belum terjangkau jaringan 4G, dan "
                    "sinyal sering terputus.</li>"
                    "<li><strong>Anggaran</strong>: pengembangan dan pemeliharaan "
                    "sistem memerlukan biaya, dan warga juga menanggung biaya "
                    "kuota.</li>"
                    "<li><strong>Budaya masyarakat</strong>: sebagian warga lebih "
                    "percaya bila bertemu langsung dengan petugas.</li>"
                    "<li><strong>Aspek geografis</strong>: kepulauan, pegunungan, dan "
                    "jarak yang jauh ke kantor layanan.</li></ul>"
                ),
            ),
            ("heading", {"text": "Kombinasi kanal", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p>Jawabannya bukan memilih antara daring atau luring, melainkan "
                    "menyediakan kombinasi kanal yang saling melengkapi, dengan "
                    "standar dan hasil layanan yang sama:</p><ul>"
                    "<li><strong>Daring</strong>: situs atau aplikasi, formulir "
                    "elektronik, pembayaran elektronik.</li>"
                    "<li><strong>Jarak jauh sederhana</strong>: telepon dan pesan "
                    "singkat untuk pendaftaran, konsultasi, dan informasi status.</li>"
                    "<li><strong>Tatap muka dengan janji temu</strong>: loket dengan "
                    "jadwal agar tidak terjadi kerumunan.</li>"
                    "<li><strong>Jemput bola</strong>: layanan keliling ke desa, "
                    "kecamatan, lokasi pengungsian, atau rumah warga yang tidak dapat "
                    "bepergian.</li>"
                    "<li><strong>Layanan melalui perantara</strong>: kantor desa atau "
                    "kelurahan, kader, dan pendamping yang membantu warga mengajukan "
                    "permohonan.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Jangan menutup pintu luring",
                    "text": (
                        "<p>Menjadikan layanan daring sebagai satu-satunya pintu "
                        "berarti menutup akses bagi warga yang paling rentan. "
                        "Pertahankan setidaknya satu jalur luring untuk setiap "
                        "layanan penting, dan pastikan warga yang datang langsung "
                        "tidak diperlakukan sebagai “salah prosedur”.</p>"
                    ),
                },
            ),
            (
                "heading",
                {
                    "text": "Merancang untuk koneksi lemah dan aksesibilitas",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<ul>"
                    "<li>Buat halaman dan formulir yang ringan, dapat dibuka di "
                    "telepon murah, dan tidak kehilangan isian saat sinyal putus.</li>"
                    "<li>Batasi ukuran dan jumlah unggahan dokumen; terima foto "
                    "dokumen yang terbaca jelas.</li>"
                    "<li>Kirim konfirmasi dan nomor permohonan yang dapat dicek "
                    "melalui pesan singkat.</li>"
                    "<li>Ikuti prinsip aksesibilitas agar penyandang disabilitas "
                    "dapat menggunakan layanan, sejalan dengan UU 8/2016.</li>"
                    "<li>Lindungi data pribadi pemohon sesuai UU 27/2022: kumpulkan "
                    "seperlunya dan jelaskan penggunaannya.</li></ul>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Desa di luar jangkauan 4G",
                    "scenario": (
                        "<p>Anda kepala seksi pelayanan di kecamatan yang membawahi "
                        "beberapa desa di pegunungan. Salah satu desa berada di luar "
                        "jangkauan 4G; sinyal telepon hanya ada di bukit dekat balai "
                        "desa. Di masa pandemi, kabupaten mewajibkan pengajuan "
                        "layanan administrasi kependudukan melalui formulir daring. "
                        "Warga desa itu harus menempuh dua jam perjalanan ke "
                        "kecamatan, sementara angkutan umum dibatasi. Kepala desa "
                        "melaporkan banyak warga belum memiliki KTP-el dan akta "
                        "kelahiran anak, padahal dokumen itu diperlukan untuk "
                        "mendaftar bantuan sosial.</p>"
                    ),
                    "questions": [
                        (
                            "Hambatan mana dari lima hambatan pelayanan yang paling "
                            "berpengaruh di desa ini?"
                        ),
                        (
                            "Kombinasi kanal apa yang Anda usulkan agar warga desa "
                            "tetap terlayani?"
                        ),
                        (
                            "Bagaimana menjaga standar layanan dan keamanan data "
                            "ketika permohonan dikumpulkan melalui perantara?"
                        ),
                    ],
                    "debrief": (
                        "<p>Hambatan utama adalah jaringan dan geografis, diperkuat "
                        "oleh keterbatasan SDM dan kebiasaan warga. Kombinasi yang "
                        "masuk akal: layanan jemput bola terjadwal ke desa bersama "
                        "petugas Dukcapil, pengumpulan berkas melalui kantor desa "
                        "oleh petugas desa yang sudah dilatih, serta pengiriman data "
                        "dari titik bersinyal di balai desa atau ketika petugas "
                        "kembali ke kecamatan.</p>"
                        "<p>Standar layanan tetap berlaku: persyaratan dan jangka "
                        "waktu sama dengan kanal daring, setiap pemohon menerima "
                        "tanda terima, dan hasil layanan diantar kembali melalui desa "
                        "dengan jadwal yang diumumkan. Berkas disimpan dalam map "
                        "tertutup, hanya petugas berwenang yang mengakses data, dan "
                        "salinan tidak disimpan di telepon pribadi perangkat desa.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Siapa warga di wilayah layanan Anda yang paling sulit "
                        "mengakses layanan daring? Kanal apa yang saat ini tersedia "
                        "bagi mereka?"
                    ),
                    "hint": (
                        "Pikirkan lansia, penyandang disabilitas, warga tanpa telepon "
                        "pintar, dan warga di wilayah dengan sinyal lemah."
                    ),
                },
            ),
        ],
    },
    {
        "title": "Standar Pelayanan, Informasi, dan Pengukuran Hasil",
        "slug": "standar-pelayanan-dan-pengukuran-hasil",
        "intro": (
            "Pelajaran ini membahas cara menyesuaikan standar pelayanan secara "
            "terbuka di masa krisis dan mengukur hasil layanan bagi warga."
        ),
        "minutes": 25,
        "body": [
            (
                "heading",
                {"text": "Standar pelayanan sebagai janji kepada warga", "level": "h2"},
            ),
            (
                "paragraph",
                (
                    "<p>Standardisasi pelayanan adalah salah satu syarat birokrasi "
                    "yang efektif, bersama digitalisasi birokrasi dan profesionalisme "
                    "SDM aparatur. Standar pelayanan adalah janji tertulis kepada "
                    "warga tentang apa yang akan mereka terima. Komponen yang lazim "
                    "dimuat antara lain persyaratan, sistem dan prosedur, jangka "
                    "waktu penyelesaian, biaya atau tarif, produk layanan, serta "
                    "penanganan pengaduan, saran, dan masukan.</p>"
                    "<p>Webinar menyebut langkah yang perlu dilakukan pemerintah di "
                    "era pandemi: menyederhanakan birokrasi, menginformasikan secara "
                    "terbuka kepada masyarakat kondisi dan perkembangan COVID-19, "
                    "memperhatikan standar pelayanan, dan menyiapkan anggaran yang "
                    "cukup untuk menangani kondisi kesehatan, ekonomi, dan sosial.</p>"
                ),
            ),
            (
                "heading",
                {
                    "text": "Menyesuaikan standar di masa krisis secara terbuka",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Dalam krisis, sebagian standar mungkin tidak dapat dipenuhi, "
                    "misalnya jangka waktu penyelesaian memanjang karena petugas "
                    "berkurang. Yang tidak boleh terjadi adalah standar diabaikan "
                    "diam-diam. Langkah yang lebih tepat:</p><ol>"
                    "<li><strong>Nilai</strong> bagian standar mana yang tidak dapat "
                    "dipenuhi dan bagian mana yang dapat disederhanakan, misalnya "
                    "persyaratan yang tidak esensial, dokumen yang dapat diterima "
                    "dalam bentuk elektronik, atau tahap persetujuan yang dapat "
                    "digabung.</li>"
                    "<li><strong>Tetapkan standar sementara</strong> secara tertulis "
                    "oleh pejabat yang berwenang, dengan masa berlaku yang jelas.</li>"
                    "<li><strong>Umumkan</strong> perubahan itu di semua kanal, "
                    "termasuk di loket dan melalui RT/RW.</li>"
                    "<li><strong>Evaluasi</strong> ketika masa berlaku berakhir: "
                    "kembali ke standar normal, atau tetapkan standar baru yang lebih "
                    "baik bila penyederhanaan terbukti berhasil.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Informasi yang minimal harus tersedia",
                    "text": (
                        "<ul>"
                        "<li>Layanan apa yang buka, melalui kanal apa, dan pada jam "
                        "berapa.</li>"
                        "<li>Persyaratan terbaru beserta contoh pengisian.</li>"
                        "<li>Perkiraan waktu penyelesaian dan cara mengecek "
                        "status.</li>"
                        "<li>Cara menyampaikan pengaduan dan jangka waktu "
                        "tanggapannya.</li></ul>"
                    ),
                },
            ),
            (
                "heading",
                {"text": "Mengukur hasil, bukan hanya kegiatan", "level": "h3"},
            ),
            (
                "paragraph",
                (
                    "<p>Orientasi pada hasil berarti menilai layanan dari apa yang "
                    "diterima warga. Bedakan tiga jenis ukuran:</p><ul>"
                    "<li><strong>Kegiatan</strong>: jumlah sosialisasi, rapat, atau "
                    "unggahan. Berguna, tetapi tidak menunjukkan apakah warga "
                    "terlayani.</li>"
                    "<li><strong>Keluaran</strong>: jumlah dokumen terbit, bantuan "
                    "tersalurkan, atau pasien dilayani.</li>"
                    "<li><strong>Kualitas dan hasil</strong>: waktu penyelesaian "
                    "dibandingkan standar, ketepatan sasaran, pengaduan yang tuntas, "
                    "kepuasan pengguna, dan siapa yang belum terjangkau.</li></ul>"
                    "<p>Pilih sedikit ukuran yang mudah dikumpulkan setiap minggu, "
                    "bandingkan dengan standar, dan gunakan hasilnya untuk "
                    "memperbaiki layanan. Bila hasil belum memenuhi standar, cari dan "
                    "coba cara alternatif, lalu ukur lagi. Survei kepuasan masyarakat "
                    "dan pengaduan adalah sumber masukan yang berharga; pengaduan "
                    "yang meningkat tidak selalu berarti layanan memburuk, bisa jadi "
                    "tanda bahwa warga percaya kanal pengaduannya bekerja.</p>"
                ),
            ),
            (
                "case_study",
                {
                    "title": "Antrean dan salah sasaran bantuan di kelurahan",
                    "scenario": (
                        "<p>Kelurahan Anda menyalurkan Kartu Sembako dan Bantuan "
                        "Langsung Tunai di masa PSBB. Laporan mingguan kelurahan "
                        "berisi jumlah rapat koordinasi dan foto kegiatan, sementara "
                        "di media sosial muncul keluhan tentang antrean panjang di "
                        "lokasi penyaluran, warga lansia yang pulang tanpa bantuan "
                        "karena tidak membawa dokumen lengkap, dan dugaan adanya "
                        "penerima yang tidak layak. Camat meminta Anda memperbaiki "
                        "penyaluran dan laporannya dalam dua minggu.</p>"
                    ),
                    "questions": [
                        "Ukuran hasil apa yang seharusnya ada di laporan mingguan?",
                        (
                            "Bagian standar pelayanan mana yang perlu diperjelas atau "
                            "disederhanakan, dan bagaimana mengumumkannya?"
                        ),
                        (
                            "Bagaimana menangani dugaan penerima yang tidak layak "
                            "secara adil dan akuntabel?"
                        ),
                    ],
                    "debrief": (
                        "<p>Laporan perlu memuat keluaran dan hasil: jumlah keluarga "
                        "yang sudah menerima dibandingkan daftar, waktu tunggu "
                        "rata-rata di lokasi, jumlah warga yang pulang tanpa bantuan "
                        "beserta alasannya, serta pengaduan yang masuk dan yang sudah "
                        "tuntas. Persyaratan dan prosedur perlu diperjelas: dokumen "
                        "apa yang wajib dibawa, alternatif bagi lansia (misalnya "
                        "diwakilkan dengan surat kuasa atau diantar ke rumah), dan "
                        "jadwal per RT untuk mengurangi antrean; umumkan melalui "
                        "RT/RW, papan pengumuman, dan media sosial.</p>"
                        "<p>Dugaan penerima tidak layak dicatat sebagai pengaduan, "
                        "diverifikasi bersama dinas sosial sesuai mekanisme "
                        "pemutakhiran data yang berlaku, dan hasilnya dijelaskan "
                        "kepada pelapor, bukan diputuskan berdasarkan desas-desus.</p>"
                    ),
                },
            ),
            (
                "reflection",
                {
                    "prompt": (
                        "Lihat laporan terakhir unit Anda. Berapa banyak ukuran yang "
                        "menunjukkan kegiatan, dan berapa yang menunjukkan hasil bagi "
                        "warga?"
                    ),
                    "hint": (
                        "Tambahkan satu ukuran hasil yang dapat Anda kumpulkan setiap "
                        "minggu mulai bulan depan."
                    ),
                },
            ),
        ],
    },
]

_PPK_PRETEST = [
    {
        "type": "single",
        "text": (
            "Anda kepala loket Dukcapil pada puncak gelombang kasus. Permohonan akta "
            "kematian melonjak dan sebagian petugas sedang isolasi. Pimpinan "
            "mengusulkan layanan akta kematian ditunda. Apa tanggapan yang paling "
            "tepat?"
        ),
        "choices": [
            (
                (
                    "Menunda layanan sampai kasus turun karena keselamatan petugas "
                    "lebih penting daripada dokumen kependudukan"
                ),
                False,
            ),
            (
                (
                    "Melayani hanya 20 pemohon pertama setiap hari dan meminta "
                    "sisanya datang lagi keesokan harinya sejak pagi"
                ),
                False,
            ),
            (
                (
                    "Mengalihkan seluruh permohonan ke aplikasi daring dan menutup "
                    "loket tatap muka sepenuhnya"
                ),
                False,
            ),
            (
                (
                    "Tetap melayani dengan petugas bergilir dan kanal pengganti "
                    "melalui desa, kelurahan, dan rumah sakit"
                ),
                True,
            ),
        ],
        "explanation": (
            "Layanan kritis tidak boleh berhenti. Keselamatan petugas dijaga dengan "
            "tim bergilir dan kanal pengganti, bukan dengan menghentikan layanan."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Apa pesan utama webinar tentang pelayanan publik dalam menghadapi krisis?"
        ),
        "choices": [
            (
                (
                    "Pelayanan boleh dihentikan sementara sampai krisis selesai demi "
                    "keselamatan petugas dan warga yang datang ke kantor"
                ),
                False,
            ),
            (
                (
                    "Pelayanan harus tetap berjalan dalam kondisi normal maupun tidak "
                    "normal, dengan persiapan sesuai jenis krisis"
                ),
                True,
            ),
            (
                (
                    "Pelayanan cukup dialihkan sepenuhnya ke kanal daring agar tidak "
                    "ada pertemuan tatap muka"
                ),
                False,
            ),
            (
                (
                    "Pelayanan selama krisis hanya wajib diberikan kepada warga yang "
                    "terdampak langsung"
                ),
                False,
            ),
        ],
        "explanation": (
            "Pelayanan publik harus mengantisipasi krisis, bukan hanya memenuhi "
            "kebutuhan saat ini."
        ),
        "competency": "M.5",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Anda diminta menyusun rencana kesinambungan layanan untuk unit Anda. Apa "
            "langkah pertamanya?"
        ),
        "choices": [
            ("Membeli genset dan perangkat komputer cadangan", False),
            ("Memetakan layanan dan menentukan mana yang kritis", True),
            ("Menyusun jadwal simulasi dan latihan tahunan", False),
            ("Membangun aplikasi agar layanan dapat diakses daring", False),
        ],
        "explanation": (
            "Tanpa mengetahui layanan mana yang kritis, alternatif dan sumber daya "
            "cadangan tidak dapat diprioritaskan."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Kabupaten mewajibkan pengajuan layanan kependudukan hanya melalui "
            "formulir daring. Sebuah desa di luar jangkauan 4G melaporkan banyak "
            "warga belum memiliki KTP-el. Usulan mana yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Meminta warga naik ke bukit dekat balai desa untuk mengisi "
                    "formulir daring sendiri secara bergiliran"
                ),
                False,
            ),
            (
                (
                    "Menunggu sampai jaringan 4G masuk ke desa, lalu mengumumkan "
                    "bahwa formulir dapat diisi dari rumah"
                ),
                False,
            ),
            (
                (
                    "Meminta perangkat desa memotret dokumen warga dengan telepon "
                    "pribadinya dan mengirimnya lewat grup pesan kecamatan"
                ),
                False,
            ),
            (
                (
                    "Layanan jemput bola terjadwal dan pengumpulan berkas lewat "
                    "kantor desa, dengan tanda terima resmi"
                ),
                True,
            ),
        ],
        "explanation": (
            "Kombinasi kanal menjangkau warga yang terhambat jaringan dan geografis, "
            "tanpa mengorbankan standar layanan dan keamanan data."
        ),
        "competency": "M.5",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Manakah ukuran yang paling menunjukkan hasil bagi warga dalam penyaluran "
            "bantuan sosial?"
        ),
        "choices": [
            (
                (
                    "Persentase keluarga dalam daftar yang sudah menerima bantuan dan "
                    "waktu tunggu di lokasi"
                ),
                True,
            ),
            (
                (
                    "Jumlah rapat koordinasi yang diadakan bersama dinas sosial dan "
                    "RT/RW setiap minggu"
                ),
                False,
            ),
            (
                (
                    "Jumlah foto dan berita kegiatan penyaluran yang diunggah di "
                    "media sosial kelurahan"
                ),
                False,
            ),
            (
                (
                    "Jumlah surat edaran dan undangan yang diterbitkan kelurahan "
                    "selama masa penyaluran"
                ),
                False,
            ),
        ],
        "explanation": (
            "Ukuran hasil menunjukkan apa yang diterima warga; jumlah rapat dan "
            "unggahan hanya menunjukkan kegiatan."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Sebuah kantor berencana menjadikan layanan daring sebagai satu-satunya "
            "kanal. Risiko apa saja yang perlu diperhitungkan? Pilih semua yang benar."
        ),
        "choices": [
            ("Biaya kuota yang ditanggung warga menjadi nol", False),
            ("Kerumunan di kantor pasti bertambah", False),
            ("Warga di wilayah tanpa jaringan 4G tidak terlayani", True),
            ("Lansia dan warga tanpa telepon pintar tertinggal", True),
            ("Penyandang disabilitas kesulitan bila sistem tidak aksesibel", True),
        ],
        "scoring": "partial",
        "explanation": (
            "Kanal daring tunggal menutup akses bagi warga yang terhambat jaringan, "
            "kemampuan, atau aksesibilitas. Pertahankan jalur luring."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Ketika standar jangka waktu penyelesaian tidak dapat dipenuhi di masa "
            "krisis, langkah apa saja yang tepat?"
        ),
        "choices": [
            ("Menutup kanal pengaduan untuk sementara", False),
            (
                (
                    "Menetapkan standar sementara secara tertulis oleh pejabat "
                    "berwenang dengan masa berlaku"
                ),
                True,
            ),
            ("Mengabaikan standar tanpa pemberitahuan karena keadaan darurat", False),
            ("Menyederhanakan persyaratan yang tidak esensial", True),
            ("Mengumumkan perubahan di semua kanal", True),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Standar disesuaikan secara terbuka dan tertulis, bukan diabaikan "
            "diam-diam; kanal pengaduan justru makin penting saat krisis."
        ),
        "competency": "M.5",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Bila layanan daring sudah tersedia, warga yang datang langsung ke kantor "
            "boleh ditolak sepenuhnya."
        ),
        "answer": False,
        "explanation": (
            "Setiap layanan penting perlu mempertahankan setidaknya satu jalur luring "
            "bagi warga yang tidak dapat mengakses layanan daring."
        ),
        "competency": "M.5",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Jumlah pengaduan yang meningkat selalu berarti kualitas layanan menurun."
        ),
        "answer": False,
        "explanation": (
            "Peningkatan pengaduan bisa menandakan warga percaya kanal pengaduannya "
            "bekerja. Yang perlu dilihat adalah isi pengaduan dan ketuntasan "
            "penanganannya."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Konsep sistem pemerintahan berbasis elektronik yang menjadi acuan "
            "digitalisasi birokrasi disingkat..."
        ),
        "accepted": [
            "SPBE",
            "S.P.B.E.",
            "S P B E",
            "sistem pemerintahan berbasis elektronik",
        ],
        "explanation": (
            "SPBE menjadi acuan agar layanan publik dapat diakses secara daring, "
            "dengan tetap memperhitungkan hambatan di lapangan."
        ),
        "competency": "M.5",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": (
            "Urutkan langkah menyesuaikan standar pelayanan secara terbuka di masa "
            "krisis."
        ),
        "items": [
            (
                "Menilai bagian standar yang tidak dapat dipenuhi dan yang dapat "
                "disederhanakan"
            ),
            "Menetapkan standar sementara secara tertulis oleh pejabat berwenang",
            "Mengumumkan standar sementara di semua kanal",
            (
                "Mengevaluasi, lalu kembali ke standar normal atau menetapkan standar "
                "baru yang lebih baik"
            ),
        ],
        "explanation": (
            "Penyesuaian dimulai dari penilaian, ditetapkan secara tertulis, "
            "diumumkan, lalu dievaluasi ketika masa berlakunya berakhir."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": "Pasangkan setiap ukuran dengan jenisnya.",
        "pairs": [
            ("Jumlah sosialisasi yang dilaksanakan", "Kegiatan"),
            ("Jumlah akta yang terbit minggu ini", "Keluaran"),
            (
                "Persentase permohonan yang selesai dalam jangka waktu standar",
                "Kualitas dan hasil",
            ),
        ],
        "explanation": (
            "Kegiatan menunjukkan kesibukan, keluaran menunjukkan produk layanan, "
            "sedangkan kualitas dan hasil menunjukkan apakah warga terlayani sesuai "
            "janji."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Sejak pandemi, waktu tunggu pasien di puskesmas Anda rata-rata tiga jam, "
            "padahal standarnya satu jam. Sikap mana yang paling mencerminkan "
            "orientasi pada hasil?"
        ),
        "choices": [
            (
                (
                    "Menerima keadaan karena situasi darurat dan menjelaskan kepada "
                    "pasien bahwa semua pihak terdampak"
                ),
                False,
            ),
            (
                (
                    "Menambah kursi dan kipas angin di ruang tunggu agar pasien lebih "
                    "nyaman selama menunggu"
                ),
                False,
            ),
            (
                (
                    "Mencari dan mencoba cara alternatif seperti janji temu per jam, "
                    "lalu mengukur waktu tunggu setiap minggu"
                ),
                True,
            ),
            (
                (
                    "Mengubah standar waktu tunggu menjadi tiga jam agar kinerja "
                    "puskesmas terlihat memenuhi standar"
                ),
                False,
            ),
        ],
        "explanation": (
            "Orientasi pada hasil berarti berupaya mencapai atau melampaui standar "
            "dengan mencoba metode alternatif dan memantau hasilnya."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
]

_PPK_POSTTEST = [
    {
        "type": "single",
        "text": (
            "Anda kepala puskesmas. Selama PSBB, pasien hipertensi dan diabetes "
            "berhenti kontrol karena takut tertular. Apa langkah yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Menunggu pasien datang sendiri setelah pandemi mereda karena "
                    "kunjungan adalah pilihan pasien"
                ),
                False,
            ),
            (
                (
                    "Menutup sementara layanan penyakit kronis agar seluruh tenaga "
                    "kesehatan dapat fokus menangani pasien COVID-19"
                ),
                False,
            ),
            (
                (
                    "Meminta pasien membeli obat yang sama di apotek tanpa konsultasi "
                    "sampai pandemi berakhir"
                ),
                False,
            ),
            (
                (
                    "Menyediakan konsultasi lewat telepon dan antar obat oleh kader, "
                    "sambil membuka jadwal kunjungan terpisah"
                ),
                True,
            ),
        ],
        "explanation": (
            "Layanan kesehatan dasar harus tetap berjalan; kanal jarak jauh dan "
            "jemput bola menjaga akses tanpa menambah risiko penularan."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": "Mengapa pelayanan publik harus tetap berjalan dalam krisis?",
        "choices": [
            (
                (
                    "Karena setiap kantor wajib memenuhi target jam kerja pegawai "
                    "yang sudah ditetapkan dalam peraturan daerah"
                ),
                False,
            ),
            (
                (
                    "Karena tugas pemerintah menyejahterakan warga lewat layanan, "
                    "dan kebutuhan warga naik saat krisis"
                ),
                True,
            ),
            (
                (
                    "Karena krisis pada umumnya tidak banyak memengaruhi kebutuhan "
                    "warga terhadap layanan"
                ),
                False,
            ),
            (
                (
                    "Karena layanan daring belum tersedia di semua daerah sehingga "
                    "kantor tidak punya pilihan lain selain tetap buka seperti biasa"
                ),
                False,
            ),
        ],
        "explanation": (
            "Apa pun kondisinya, pelayanan publik harus dilakukan secara maksimal "
            "karena menyangkut kesejahteraan warga."
        ),
        "competency": "M.5",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Dalam rencana kesinambungan layanan, manakah contoh yang tepat untuk "
            "“tingkat layanan minimum dan batas waktu henti”?"
        ),
        "choices": [
            (
                (
                    "Semua layanan tetap berjalan penuh di semua loket apa pun "
                    "keadaannya, tanpa pengecualian"
                ),
                False,
            ),
            (
                (
                    "Layanan boleh berhenti sampai kondisi kembali normal, lalu "
                    "dibuka lagi dengan jam layanan tambahan bagi yang tertunda"
                ),
                False,
            ),
            (
                (
                    "Surat keterangan kematian tidak boleh berhenti lebih dari satu "
                    "hari kerja; saat darurat cukup satu loket"
                ),
                True,
            ),
            (
                (
                    "Semua petugas bekerja lembur setiap hari sampai seluruh "
                    "permohonan yang tertunda selesai"
                ),
                False,
            ),
        ],
        "explanation": (
            "Tingkat minimum dan batas waktu henti harus spesifik dan realistis agar "
            "dapat direncanakan dan diuji."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Banyak warga lansia di kelurahan Anda tidak dapat memakai aplikasi "
            "pendaftaran bantuan sosial yang baru. Usulan mana yang paling tepat?"
        ),
        "choices": [
            (
                (
                    "Membuka pendaftaran lewat kelurahan dengan pendamping, telepon, "
                    "dan kunjungan rumah, dengan syarat yang sama"
                ),
                True,
            ),
            (
                (
                    "Meminta para lansia belajar memakai aplikasi dengan bantuan "
                    "anggota keluarganya masing-masing"
                ),
                False,
            ),
            (
                (
                    "Mengumpulkan semua lansia di aula kelurahan pada satu hari untuk "
                    "didaftarkan bersama-sama"
                ),
                False,
            ),
            (
                (
                    "Meminta ketua RT mendaftarkan mereka dengan akun pribadinya dan "
                    "menyimpan salinan KTP di teleponnya"
                ),
                False,
            ),
        ],
        "explanation": (
            "Kanal pendamping dan jemput bola menjangkau warga rentan dengan standar "
            "yang sama, tanpa kerumunan dan tanpa membahayakan data pribadi."
        ),
        "competency": "M.5",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Kepala dinas meminta laporan mingguan tentang layanan di masa pandemi. "
            "Ukuran mana yang paling menunjukkan hasil bagi warga?"
        ),
        "choices": [
            (
                (
                    "Jumlah unggahan kegiatan pelayanan di media sosial resmi dinas "
                    "dan jumlah penontonnya setiap minggu"
                ),
                False,
            ),
            (
                (
                    "Jumlah peserta rapat koordinasi dan sosialisasi yang hadir "
                    "setiap minggu"
                ),
                False,
            ),
            (
                (
                    "Persentase permohonan yang selesai dalam jangka waktu standar "
                    "dan pengaduan yang tuntas"
                ),
                True,
            ),
            (
                (
                    "Jumlah spanduk dan poster protokol kesehatan yang dipasang di "
                    "kantor layanan"
                ),
                False,
            ),
        ],
        "explanation": (
            "Ukuran hasil membandingkan layanan yang diterima warga dengan janji "
            "dalam standar pelayanan."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Kantor Samsat Anda harus tutup sementara karena banyak petugas positif "
            "COVID-19. Langkah apa saja yang tepat? Pilih semua yang benar."
        ),
        "choices": [
            ("Meminta bantuan petugas dari unit lain", True),
            (
                (
                    "Mengarahkan warga ke kanal pembayaran elektronik atau layanan "
                    "keliling yang tersedia"
                ),
                True,
            ),
            ("Menutup layanan tanpa pemberitahuan", False),
            ("Mengumumkan penutupan beserta kanal alternatifnya dengan jelas", True),
            ("Meminta petugas yang kontak erat tetap bekerja di loket", False),
        ],
        "scoring": "partial",
        "explanation": (
            "Kesinambungan layanan dijaga dengan informasi yang jelas, kanal "
            "alternatif, dan petugas cadangan, tanpa mengorbankan keselamatan."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "multiple",
        "text": (
            "Informasi apa saja yang minimal harus tersedia bagi warga tentang "
            "layanan di masa krisis?"
        ),
        "choices": [
            ("Daftar nama petugas yang sedang isolasi mandiri", False),
            ("Cara menyampaikan pengaduan", True),
            ("Persyaratan terbaru", True),
            ("Perkiraan waktu penyelesaian dan cara mengecek status", True),
            ("Layanan yang buka, kanalnya, dan jam layanannya", True),
        ],
        "scoring": "all_or_nothing",
        "explanation": (
            "Warga perlu tahu cara mendapatkan layanan dan menyampaikan keluhan. "
            "Status kesehatan petugas adalah data pribadi yang tidak perlu diumumkan."
        ),
        "competency": "M.5",
        "difficulty": "hard",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Setiap layanan penting yang sudah tersedia secara daring sebaiknya tetap "
            "memiliki setidaknya satu jalur luring."
        ),
        "answer": True,
        "explanation": (
            "Jalur luring menjaga akses bagi warga yang terhambat jaringan, "
            "kemampuan, atau kondisi geografis."
        ),
        "competency": "M.5",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "true_false",
        "text": (
            "Banyaknya rapat dan sosialisasi yang diadakan sudah cukup membuktikan "
            "bahwa layanan berhasil."
        ),
        "answer": False,
        "explanation": (
            "Rapat dan sosialisasi adalah ukuran kegiatan. Keberhasilan layanan "
            "dilihat dari keluaran, kualitas, dan hasil bagi warga."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "short",
        "text": (
            "Pola layanan ketika petugas mendatangi warga di desa, lokasi "
            "pengungsian, atau rumah disebut layanan..."
        ),
        "accepted": [
            "jemput bola",
            "jemput-bola",
            "keliling",
            "layanan keliling",
            "layanan jemput bola",
        ],
        "explanation": (
            "Layanan jemput bola menjangkau warga yang terhambat jarak, kondisi "
            "geografis, atau kondisi fisik."
        ),
        "competency": "M.5",
        "difficulty": "easy",
        "points": 1,
    },
    {
        "type": "ordering",
        "text": "Urutkan langkah menyusun rencana kesinambungan layanan.",
        "items": [
            "Memetakan layanan dan menentukan yang kritis",
            "Menetapkan tingkat layanan minimum dan batas waktu henti",
            "Mengenali ketergantungan setiap layanan",
            "Menyiapkan alternatif untuk setiap ketergantungan",
            "Melatih dan memperbarui rencana",
        ],
        "explanation": (
            "Rencana dimulai dari layanan kritis, lalu target minimum, "
            "ketergantungan, alternatif, dan latihan berkala."
        ),
        "competency": "M.5",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "matching",
        "text": (
            "Kepala dinas sosial menerima laporan penyaluran bantuan berikut. "
            "Tentukan jenis setiap ukuran dalam laporan itu."
        ),
        "pairs": [
            ("Jumlah spanduk protokol kesehatan yang dipasang", "Kegiatan"),
            ("Jumlah paket bantuan yang tersalurkan", "Keluaran"),
            (
                "Persentase penerima yang tepat sasaran setelah verifikasi",
                "Kualitas dan hasil",
            ),
        ],
        "explanation": (
            "Laporan yang berorientasi hasil tidak berhenti pada kegiatan dan "
            "keluaran, tetapi menilai kualitas dan ketepatan layanan."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
    {
        "type": "single",
        "text": (
            "Enam bulan terakhir, izin usaha mikro di mal pelayanan publik Anda "
            "rata-rata terbit dalam 12 hari kerja, padahal standarnya 5 hari. "
            "Sebagai kepala seksi, apa yang paling sesuai dengan orientasi pada "
            "hasil?"
        ),
        "choices": [
            (
                (
                    "Memetakan di tahap mana berkas tertahan, mencoba perbaikan di "
                    "tahap itu, lalu memantau lama terbitnya"
                ),
                True,
            ),
            (
                (
                    "Meminta tambahan dua petugas dan menunggu mereka datang sebelum "
                    "mengubah cara kerja yang berjalan"
                ),
                False,
            ),
            (
                (
                    "Mengubah standar menjadi 12 hari kerja agar laporan kinerja "
                    "seksi terlihat memenuhi standar"
                ),
                False,
            ),
            (
                (
                    "Menjelaskan kepada pemohon bahwa keterlambatan wajar karena "
                    "permohonan naik setelah pandemi"
                ),
                False,
            ),
        ],
        "explanation": (
            "Orientasi pada hasil berarti mencari penyebab di dalam proses, mencoba "
            "perbaikan, dan mengukur dampaknya pada waktu yang dijanjikan kepada "
            "warga. Mengubah standar atau menunggu tambahan petugas tidak "
            "memperbaiki layanan."
        ),
        "competency": "M.4",
        "difficulty": "medium",
        "points": 1,
    },
]

# ---------------------------------------------------------------------------
# Katalog
# ---------------------------------------------------------------------------

MODULES: list[dict] = [
    {
        "code": "BCP",
        "title": "Berpikir Cepat dalam Krisis",
        "slug": "berpikir-cepat-dalam-krisis",
        "topic": ("Pengambilan Keputusan", "pengambilan-keputusan"),
        "summary": (
            "Modul ini melatih ASN mengambil keputusan yang cepat namun tetap terukur "
            "ketika informasi belum lengkap dan waktu sempit, seperti pada masa "
            "pandemi COVID-19. Peserta mempelajari siklus OODA, triase prioritas "
            "layanan, dan keputusan “cukup baik” yang dilengkapi titik tinjau. Modul "
            "ini mendukung kompetensi Pengambilan Keputusan (M.8) level 3."
        ),
        "jp": 3,
        "goals": [
            (
                "Menjelaskan perbedaan pengambilan keputusan dalam kondisi rutin dan "
                "kondisi krisis."
            ),
            (
                "Menerapkan siklus OODA (amati, orientasikan, putuskan, bertindak) "
                "pada situasi layanan yang berubah cepat."
            ),
            (
                "Menyusun prioritas layanan dengan prinsip triase yang adil dan dapat "
                "dipertanggungjawabkan."
            ),
            (
                "Membandingkan beberapa alternatif keputusan beserta risikonya, lalu "
                "menetapkan titik tinjau."
            ),
        ],
        "competencies": [("M.8", 3)],
        "lessons": _BCP_LESSONS,
        "pretest": _BCP_PRETEST,
        "posttest": _BCP_POSTTEST,
    },
    {
        "code": "KIL",
        "title": "Kreativitas dan Inovasi Layanan",
        "slug": "kreativitas-dan-inovasi-layanan",
        "topic": ("Inovasi Pelayanan Publik", "inovasi-pelayanan-publik"),
        "summary": (
            "Modul ini membantu ASN merancang perbaikan layanan yang kreatif dan "
            "tetap realistis di tengah keterbatasan, berangkat dari kebutuhan "
            "pengguna. Peserta berlatih design thinking, uji coba skala kecil, dan "
            "pengelolaan perubahan agar inovasi diterima dan bertahan. Modul ini "
            "mendukung kompetensi Mengelola Perubahan (M.7) level 3."
        ),
        "jp": 3,
        "goals": [
            (
                "Membedakan jenis-jenis inovasi layanan dan menilai kesesuaiannya "
                "dengan hambatan setempat."
            ),
            (
                "Menerapkan tahapan design thinking untuk memahami kebutuhan pengguna "
                "layanan, termasuk kelompok rentan."
            ),
            (
                "Merancang uji coba kecil dengan ukuran keberhasilan, data awal, dan "
                "jalur cadangan."
            ),
            (
                "Membantu rekan kerja dan warga mengikuti perubahan layanan sehingga "
                "inovasi dapat bertahan."
            ),
        ],
        "competencies": [("M.7", 3)],
        "lessons": _KIL_LESSONS,
        "pretest": _KIL_PRETEST,
        "posttest": _KIL_POSTTEST,
    },
    {
        "code": "KKO",
        "title": "Kepemimpinan Kolaboratif",
        "slug": "kepemimpinan-kolaboratif",
        "topic": ("Kolaborasi dan Komunikasi", "kolaborasi-dan-komunikasi"),
        "summary": (
            "Modul ini membekali ASN untuk memimpin dan terlibat dalam kerja sama "
            "lintas unit, lintas instansi, dan bersama masyarakat ketika krisis tidak "
            "dapat ditangani satu pihak. Peserta mempelajari tata kelola kolaboratif, "
            "gugus tugas lintas instansi, komunikasi bersama yang jelas, serta cara "
            "membangun kepercayaan dan mengelola perbedaan antarmitra. Modul ini "
            "mendukung kompetensi Kerjasama (M.2) level 3 dan Komunikasi (M.3) level "
            "2."
        ),
        "jp": 4,
        "goals": [
            (
                "Menjelaskan mengapa penanganan krisis memerlukan kepemimpinan "
                "kolaboratif lintas sektor."
            ),
            (
                "Merancang gugus tugas lintas instansi dengan tujuan terukur, peran "
                "yang jelas, ritme koordinasi, dan aturan berbagi data."
            ),
            (
                "Menyusun pesan bersama yang akurat, sederhana, dan dapat diakses "
                "semua warga."
            ),
            (
                "Membangun kepercayaan dan menyelesaikan perbedaan kepentingan "
                "antarmitra secara konstruktif."
            ),
        ],
        "competencies": [("M.2", 3), ("M.3", 2)],
        "lessons": _KKO_LESSONS,
        "pretest": _KKO_PRETEST,
        "posttest": _KKO_POSTTEST,
    },
    {
        "code": "PPK",
        "title": "Pelayanan Publik di Masa Krisis",
        "slug": "pelayanan-publik-di-masa-krisis",
        "topic": ("Pelayanan Publik", "pelayanan-publik"),
        "summary": (
            "Modul ini membahas cara menjaga pelayanan publik tetap berjalan dalam "
            "kondisi normal maupun tidak normal, seperti pada masa pandemi COVID-19. "
            "Peserta belajar menyusun rencana kesinambungan layanan, memadukan kanal "
            "daring dan luring agar semua warga terjangkau, serta menyesuaikan "
            "standar pelayanan dan mengukur hasilnya. Modul ini mendukung kompetensi "
            "Pelayanan Publik (M.5) level 3 dan Orientasi pada Hasil (M.4) level 2."
        ),
        "jp": 4,
        "goals": [
            (
                "Menjelaskan kewajiban menyediakan pelayanan publik dalam segala "
                "kondisi serta kaitannya dengan agenda 2030 (SDGs)."
            ),
            "Menyusun rencana kesinambungan untuk layanan kritis di unit kerja.",
            (
                "Merancang kombinasi kanal daring dan luring dengan memperhitungkan "
                "lima hambatan pelayanan."
            ),
            (
                "Menyesuaikan standar pelayanan secara terbuka di masa krisis dan "
                "mengukur hasilnya dengan ukuran yang tepat."
            ),
        ],
        "competencies": [("M.5", 3), ("M.4", 2)],
        "lessons": _PPK_LESSONS,
        "pretest": _PPK_PRETEST,
        "posttest": _PPK_POSTTEST,
    },
]
