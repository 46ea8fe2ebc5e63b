"""Word lists for the demo data set: names in many scripts, ranks, cities, schools, exercises.

Pure data for `app.services.demo`. Names are common ones of each nation; exercise series are
invented (no real exercise is named); schools are public institutions that take foreign students.
A name entry is ``latin|script`` (script optional) and either part may be ``male/female`` forms.
"""

from __future__ import annotations

# --- names -----------------------------------------------------------------------------------

# group -> (male given names, female given names, family names)
NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["James", "Michael", "Robert", "David", "Daniel", "Christopher", "Matthew", "Andrew", "Ryan", "Marcus", "Liam", "Connor"],
        ["Sarah", "Jennifer", "Emily", "Rachel", "Megan", "Laura", "Olivia", "Grace", "Hannah", "Siobhan"],
        ["Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "Thompson", "Walker",
         "Mitchell", "O'Connor", "MacLeod", "Campbell", "Harris", "Robinson", "Clarke", "Evans", "Hughes", "Nguyen", "Patel"],
    ),
    "de": (
        ["Jürgen", "Jörg", "Björn", "Günther", "Sören", "Maximilian", "Lukas", "Uwe", "Matthias", "Tobias"],
        ["Anja", "Katrin", "Lena", "Jülide", "Sabine", "Franziska", "Jana", "Käthe"],
        ["Müller", "Schröder", "Weiß", "Groß", "Hoffmann", "Schäfer", "Köhler", "Krüger", "Jäger", "Zimmermann", "Fuchs",
         "Böhm", "Schmitt", "Wagner", "Becker", "Hölzl"],
    ),
    "fr": (
        ["François", "Jérôme", "Stéphane", "Benoît", "Loïc", "Théo", "Mathieu", "Grégoire", "Hervé", "Julien"],
        ["Hélène", "Élodie", "Anaïs", "Cécile", "Mélanie", "Maëlle", "Sophie", "Clémence"],
        ["Lefèvre", "Dubois", "Moreau", "Girard", "Rousseau", "Bérenger", "Fournier", "Gauthier", "Mercier", "Lemaître",
         "Durand", "Leclerc", "Besançon", "Château"],
    ),
    "pl": (
        ["Łukasz", "Paweł", "Michał", "Grzegorz", "Wojciech", "Jędrzej", "Krzysztof", "Tomasz", "Bartłomiej", "Piotr"],
        ["Katarzyna", "Małgorzata", "Agnieszka", "Żaneta", "Joanna", "Magdalena", "Aleksandra", "Dorota"],
        ["Wiśniewski/Wiśniewska", "Kowalczyk", "Wójcik", "Zieliński/Zielińska", "Szymański/Szymańska", "Dąbrowski/Dąbrowska",
         "Kozłowski/Kozłowska", "Jankowski/Jankowska", "Mazur", "Krawczyk", "Woźniak", "Kaczmarek", "Grabowski/Grabowska"],
    ),
    "cs": (
        ["Jiří", "Tomáš", "Radek", "Zdeněk", "Ondřej", "Lukáš", "Martin", "Jaroslav", "Přemysl"],
        ["Lucie", "Kateřina", "Petra", "Markéta", "Tereza", "Zuzana", "Radka"],
        ["Dvořák/Dvořáková", "Novák/Nováková", "Svoboda/Svobodová", "Černý/Černá", "Procházka/Procházková",
         "Kučera/Kučerová", "Veselý/Veselá", "Horák/Horáková", "Němec/Němcová", "Růžička/Růžičková"],
    ),
    "tr": (
        ["Mehmet", "Mustafa", "Emre", "Gökhan", "Oğuz", "İbrahim", "Çağlar", "Serkan", "Barış", "Ömer"],
        ["Ayşe", "Zeynep", "Büşra", "Gülşen", "Elif", "Şebnem", "Özlem"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Güneş"],
    ),
    "it": (
        ["Giuseppe", "Niccolò", "Lorenzo", "Matteo", "Alessandro", "Davide", "Gianluca", "Andrea"],
        ["Francesca", "Chiara", "Giulia", "Federica", "Valentina", "Alessia"],
        ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "D'Amico", "De Luca"],
    ),
    "es": (
        ["José", "Álvaro", "Andrés", "Ramón", "Jesús", "Joaquín", "Martín", "Sebastián", "Iñigo", "Rubén"],
        ["María", "Inés", "Sofía", "Begoña", "Lucía", "Mónica", "Ángela", "Verónica"],
        ["García", "Fernández", "Muñoz", "Peña", "Ibáñez", "Núñez", "Rodríguez", "López", "Martínez", "Sánchez", "Gómez",
         "Jiménez", "Orduña", "Castañeda"],
    ),
    "pt": (
        ["João", "Sebastião", "Gonçalo", "Luís", "Antônio", "André", "Rodrigo", "Thiago", "Fábio"],
        ["Inês", "Mariana", "Tânia", "Conceição", "Letícia", "Patrícia", "Beatriz"],
        ["Gonçalves", "Conceição", "Magalhães", "Simões", "Araújo", "Assunção", "Brandão", "Lopes", "Ribeiro", "Falcão",
         "Pereira", "Guimarães"],
    ),
    "nl": (
        ["Sander", "Joost", "Pieter", "Thijs", "Bram", "Maarten"],
        ["Marieke", "Femke", "Anouk", "Sanne", "Eline"],
        ["de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "de Jong", "van Dijk", "Mertens", "Peeters"],
    ),
    "no": (
        ["Bjørn", "Håkon", "Ståle", "Øyvind", "Lars", "Eirik", "Sindre"],
        ["Åse", "Ingrid", "Solveig", "Kjersti", "Tone"],
        ["Ødegaard", "Bjørnstad", "Håkonsen", "Løvås", "Aas", "Hansen", "Johansen", "Haugen", "Sæther"],
    ),
    "da": (
        ["Søren", "Jørgen", "Mads", "Rasmus", "Anders", "Niels"],
        ["Mette", "Signe", "Louise", "Birgitte"],
        ["Sørensen", "Jørgensen", "Møller", "Kjær", "Nielsen", "Rasmussen", "Christensen", "Østergaard"],
    ),
    "sv": (
        ["Björn", "Göran", "Mikael", "Anders", "Johan", "Fredrik"],
        ["Åsa", "Märta", "Karin", "Linnéa", "Sofia"],
        ["Åström", "Söderberg", "Lindqvist", "Öberg", "Johansson", "Andersson", "Karlsson", "Ekström", "Håkansson"],
    ),
    "fi": (
        ["Jukka", "Mikko", "Sami", "Antti", "Väinö", "Jyrki"],
        ["Päivi", "Sanna", "Kaisa", "Riikka"],
        ["Mäkinen", "Hämäläinen", "Virtanen", "Järvinen", "Kärkkäinen", "Korhonen", "Nieminen", "Lähteenmäki"],
    ),
    "is": (
        ["Sigurður", "Guðmundur", "Jón", "Þórður"],
        ["Guðrún", "Þóra", "Sigríður"],
        ["Þórsson/Þórsdóttir", "Guðmundsson/Guðmundsdóttir", "Jónsson/Jónsdóttir", "Sigurðsson/Sigurðardóttir"],
    ),
    "el": (
        ["Georgios|Γεώργιος", "Dimitrios|Δημήτριος", "Nikolaos|Νικόλαος", "Konstantinos|Κωνσταντίνος", "Ioannis|Ιωάννης",
         "Panagiotis|Παναγιώτης"],
        ["Eleni|Ελένη", "Maria|Μαρία", "Sofia|Σοφία", "Aikaterini|Αικατερίνη"],
        ["Papadopoulos/Papadopoulou|Παπαδόπουλος/Παπαδοπούλου", "Georgiou|Γεωργίου", "Nikolaidis/Nikolaidou|Νικολαΐδης/Νικολαΐδου",
         "Konstantinou|Κωνσταντίνου", "Dimitriou|Δημητρίου", "Karagiannis/Karagianni|Καραγιάννης/Καραγιάννη",
         "Vlachos/Vlachou|Βλάχος/Βλάχου", "Oikonomou|Οικονόμου"],
    ),
    "ro": (
        ["Andrei", "Mihai", "Ștefan", "Bogdan", "Răzvan", "Cătălin"],
        ["Ioana", "Alexandra", "Cătălina", "Mădălina", "Andreea"],
        ["Popescu", "Ionescu", "Stănescu", "Munteanu", "Dumitrescu", "Constantinescu", "Țurcanu", "Răducanu", "Gheorghiu"],
    ),
    "hu": (
        ["Zoltán", "Gábor", "László", "Péter", "Bence", "Attila", "Győző"],
        ["Zsófia", "Katalin", "Ágnes", "Réka", "Erzsébet"],
        ["Kovács", "Szabó", "Tóth", "Horváth", "Nagy", "Varga", "Fekete", "Kiss", "Molnár", "Szűcs"],
    ),
    "lt": (
        ["Mindaugas", "Tomas", "Dovydas", "Žygimantas", "Linas"],
        ["Rūta", "Jurgita", "Eglė", "Aušra"],
        ["Kazlauskas/Kazlauskienė", "Petrauskas/Petrauskienė", "Jankauskas/Jankauskienė", "Žukauskas/Žukauskienė",
         "Stankevičius/Stankevičienė"],
    ),
    "lv": (
        ["Jānis", "Andris", "Mārtiņš", "Kārlis"],
        ["Līga", "Ilze", "Zane"],
        ["Bērziņš/Bērziņa", "Kalniņš/Kalniņa", "Ozoliņš/Ozoliņa", "Liepiņš/Liepiņa", "Krūmiņš/Krūmiņa"],
    ),
    "et": (
        ["Jüri", "Mart", "Tõnu", "Märt", "Priit"],
        ["Kadri", "Liis", "Triin", "Ülle"],
        ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Õunapuu"],
    ),
    "uk": (
        ["Oleksandr|Олександр", "Andriy|Андрій", "Serhiy|Сергій", "Taras|Тарас", "Dmytro|Дмитро", "Bohdan|Богдан",
         "Mykola|Микола", "Yuriy|Юрій"],
        ["Olena|Олена", "Iryna|Ірина", "Yuliia|Юлія", "Nataliia|Наталія", "Oksana|Оксана"],
        ["Shevchenko|Шевченко", "Kovalenko|Коваленко", "Bondarenko|Бондаренко", "Tkachenko|Ткаченко",
         "Kravchenko|Кравченко", "Melnyk|Мельник", "Boyko|Бойко", "Oliynyk|Олійник", "Lysenko|Лисенко",
         "Kovalskyi/Kovalska|Ковальський/Ковальська", "Hnatyuk|Гнатюк"],
    ),
    "ja": (
        ["Kenji|健二", "Haruto|陽翔", "Daisuke|大輔", "Takumi|拓海", "Hiroshi|浩", "Shōta|翔太", "Ryōta|亮太", "Masahiro|雅弘"],
        ["Yui|結衣", "Akiko|明子", "Sakura|さくら", "Naoko|直子", "Yōko|洋子"],
        ["Satō|佐藤", "Suzuki|鈴木", "Takahashi|高橋", "Tanaka|田中", "Watanabe|渡辺", "Itō|伊藤", "Yamamoto|山本",
         "Nakamura|中村", "Kobayashi|小林", "Katō|加藤", "Yoshida|吉田", "Ōta|太田"],
    ),
    "ko": (
        ["Min-jun|민준", "Ji-ho|지호", "Jae-won|재원", "Dong-hyun|동현", "Sung-min|성민", "Hyun-woo|현우", "Young-ho|영호"],
        ["Seo-yeon|서연", "Ha-eun|하은", "Soo-jin|수진", "Hye-jin|혜진", "Eun-ji|은지"],
        ["Kim|김", "Lee|이", "Park|박", "Choi|최", "Jung|정", "Kang|강", "Cho|조", "Yoon|윤", "Jang|장", "Lim|임", "Han|한"],
    ),
    "fil": (
        ["Jose", "Ramon", "Mark Anthony", "Arnel", "Rodrigo", "Emmanuel", "Jun"],
        ["Maria Luisa", "Cristina", "Rowena", "Maricel", "Jocelyn"],
        ["dela Cruz", "Santos", "Reyes", "Bautista", "Ocampo", "Mendoza", "Villanueva", "Castillo", "Aquino", "Dimaculangan"],
    ),
    "id": (
        ["Agus", "Budi", "Rudi", "Andi", "Eko", "Fajar", "Hendra"],
        ["Dewi", "Sri", "Indah", "Putri", "Ratna"],
        ["Santoso", "Wibowo", "Pratama", "Kusuma", "Nugroho", "Hidayat", "Setiawan", "Siregar", "Saputra", "Susanto"],
    ),
    "hi": (
        ["Rajesh|राजेश", "Vikram|विक्रम", "Arjun|अर्जुन", "Sandeep|संदीप", "Rahul|राहुल", "Amit|अमित"],
        ["Anjali|अंजलि", "Priya|प्रिया", "Kavita|कविता", "Deepa|दीपा"],
        ["Sharma|शर्मा", "Singh|सिंह", "Patel|पटेल", "Nair|नायर", "Reddy|रेड्डी", "Iyer|अय्यर", "Chauhan|चौहान", "Rao|राव"],
    ),
    "th": (
        ["Somchai|สมชาย", "Prasert|ประเสริฐ", "Wichai|วิชัย", "Niran|นิรันดร์", "Anan|อนันต์"],
        ["Kanya|กัญญา", "Suda|สุดา", "Malee|มาลี"],
        ["Srisuk|ศรีสุข", "Chaiyaporn|ชัยพร", "Wongsawat|วงศ์สวัสดิ์", "Rattanakul|รัตนกุล", "Suwannarat|สุวรรณรัตน์",
         "Boonmee|บุญมี"],
    ),
    "vi": (
        ["Văn Hùng", "Đức Anh", "Quốc Bảo", "Minh Tuấn", "Hữu Phước", "Công Thành"],
        ["Thị Lan", "Thu Hà", "Ngọc Ánh", "Thị Hương"],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"],
    ),
    "ar_jo": (
        ["Omar|عمر", "Khalid|خالد", "Yousef|يوسف", "Faisal|فيصل", "Ahmad|أحمد", "Zaid|زيد"],
        ["Layla|ليلى", "Rania|رانيا", "Dana|دانة"],
        ["Al-Khatib|الخطيب", "Haddad|حداد", "Al-Masri|المصري", "Nasser|ناصر", "Al-Zoubi|الزعبي", "Al-Majali|المجالي"],
    ),
    "ar_ae": (
        ["Hamad|حمد", "Saeed|سعيد", "Rashid|راشد", "Sultan|سلطان", "Mohammed|محمد"],
        ["Mariam|مريم", "Noura|نورة", "Shamma|شما"],
        ["Al-Mansouri|المنصوري", "Al-Shamsi|الشامسي", "Al-Ketbi|الكتبي", "Al-Nuaimi|النعيمي", "Al-Dhaheri|الظاهري"],
    ),
    "ar_ma": (
        ["Youssef|يوسف", "Mehdi|مهدي", "Hicham|هشام", "Karim|كريم", "Anas|أنس"],
        ["Fatima Zahra|فاطمة الزهراء", "Salma|سلمى", "Nadia|نادية"],
        ["Bennani|بناني", "El Idrissi|الإدريسي", "Alaoui|العلوي", "Benjelloun|بنجلون", "Tazi|التازي", "Berrada|برادة"],
    ),
    "ke": (
        ["Peter", "Joseph", "Daniel", "Kipchoge", "Otieno", "Samuel"],
        ["Grace", "Faith", "Mercy", "Wanjiru"],
        ["Otieno", "Kamau", "Mwangi", "Ochieng", "Njoroge", "Kiprop", "Cheruiyot", "Wafula"],
    ),
    "ng": (
        ["Chukwuemeka", "Oluwaseun", "Abdullahi", "Emeka", "Tunde", "Ibrahim"],
        ["Ngozi", "Funmilayo", "Aisha", "Chioma"],
        ["Okafor", "Adeyemi", "Balogun", "Eze", "Okonkwo", "Adebayo", "Bello", "Nwosu"],
    ),
    "gh": (
        ["Kwame", "Kofi", "Yaw", "Kwabena"],
        ["Ama", "Akosua", "Abena"],
        ["Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Ofori"],
    ),
    "sn": (
        ["Mamadou", "Cheikh", "Ousmane", "Abdoulaye", "Moussa"],
        ["Aminata", "Fatou", "Awa", "Mariama"],
        ["Diop", "Ndiaye", "Sow", "Fall", "Sarr", "Diallo", "Faye", "Mbaye"],
    ),
}

# nation -> (name group, weight, native language (ISO 639-3), rank style, dialling code, currency, cities: capital first)
NATIONS: dict[str, tuple[str, int, str, str, str, str, list[str]]] = {
    "USA": ("en", 14, "eng", "en", "+1", "USD", ["Washington, D.C.", "San Antonio", "Norfolk", "Colorado Springs", "Honolulu", "Fort Leavenworth"]),
    "GBR": ("en", 6, "eng", "gb", "+44", "GBP", ["London", "Shrivenham", "Portsmouth", "Aldershot", "Edinburgh"]),
    "CAN": ("en", 3, "eng", "en", "+1", "CAD", ["Ottawa", "Kingston", "Halifax", "Winnipeg"]),
    "AUS": ("en", 4, "eng", "gb", "+61", "AUD", ["Canberra", "Sydney", "Darwin", "Townsville"]),
    "NZL": ("en", 2, "eng", "gb", "+64", "NZD", ["Wellington", "Auckland", "Linton"]),
    "DEU": ("de", 5, "deu", "de", "+49", "EUR", ["Berlin", "Hamburg", "Koblenz", "München", "Köln"]),
    "FRA": ("fr", 5, "fra", "fr", "+33", "EUR", ["Paris", "Toulon", "Brest", "Lyon", "Saint-Cyr-Coëtquidan"]),
    "BEL": ("fr", 1, "fra", "fr", "+32", "EUR", ["Brussels", "Liège", "Leopoldsburg"]),
    "POL": ("pl", 6, "pol", "pl", "+48", "PLN", ["Warszawa", "Kraków", "Gdynia", "Wrocław", "Bydgoszcz", "Łódź"]),
    "CZE": ("cs", 3, "ces", "en", "+420", "CZK", ["Praha", "Brno", "Vyškov", "České Budějovice"]),
    "TUR": ("tr", 3, "tur", "en", "+90", "TRY", ["Ankara", "İstanbul", "İzmir", "Eskişehir"]),
    "ITA": ("it", 3, "ita", "it", "+39", "EUR", ["Roma", "Napoli", "La Spezia", "Torino"]),
    "ESP": ("es", 3, "spa", "es", "+34", "EUR", ["Madrid", "Zaragoza", "Cartagena", "Sevilla", "A Coruña"]),
    "PRT": ("pt", 2, "por", "pt", "+351", "EUR", ["Lisboa", "Porto", "Coimbra"]),
    "NLD": ("nl", 2, "nld", "en", "+31", "EUR", ["Amsterdam", "Den Haag", "Den Helder", "Breda"]),
    "NOR": ("no", 2, "nor", "en", "+47", "NOK", ["Oslo", "Bergen", "Bodø", "Tromsø"]),
    "DNK": ("da", 2, "dan", "en", "+45", "DKK", ["København", "Aarhus", "Frederikshavn"]),
    "SWE": ("sv", 2, "swe", "en", "+46", "SEK", ["Stockholm", "Göteborg", "Karlskrona", "Luleå"]),
    "FIN": ("fi", 2, "fin", "en", "+358", "EUR", ["Helsinki", "Tampere", "Hämeenlinna"]),
    "ISL": ("is", 1, "isl", "en", "+354", "ISK", ["Reykjavík", "Keflavík"]),
    "GRC": ("el", 2, "ell", "en", "+30", "EUR", ["Athens", "Thessaloniki", "Piraeus", "Larissa"]),
    "ROU": ("ro", 2, "ron", "en", "+40", "RON", ["București", "Constanța", "Sibiu", "Brașov"]),
    "HUN": ("hu", 2, "hun", "en", "+36", "HUF", ["Budapest", "Szolnok", "Pápa", "Győr"]),
    "LTU": ("lt", 1, "lit", "en", "+370", "EUR", ["Vilnius", "Kaunas", "Klaipėda"]),
    "LVA": ("lv", 1, "lav", "en", "+371", "EUR", ["Rīga", "Ādaži", "Liepāja"]),
    "EST": ("et", 1, "est", "en", "+372", "EUR", ["Tallinn", "Tartu", "Pärnu"]),
    "UKR": ("uk", 3, "ukr", "en", "+380", "UAH", ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro"]),
    "JPN": ("ja", 5, "jpn", "ja", "+81", "JPY", ["Tokyo", "Yokosuka", "Sasebo", "Sapporo", "Naha"]),
    "KOR": ("ko", 5, "kor", "ko", "+82", "KRW", ["Seoul", "Busan", "Daejeon", "Gyeryong", "Pyeongtaek"]),
    "PHL": ("fil", 3, "fil", "en", "+63", "PHP", ["Manila", "Quezon City", "Cebu", "Subic Bay"]),
    "IDN": ("id", 2, "ind", "en", "+62", "IDR", ["Jakarta", "Surabaya", "Bandung", "Makassar"]),
    "IND": ("hi", 2, "hin", "en", "+91", "INR", ["New Delhi", "Pune", "Wellington (Tamil Nadu)", "Kochi", "Bengaluru"]),
    "THA": ("th", 2, "tha", "en", "+66", "THB", ["Bangkok", "Sattahip", "Lopburi", "Chiang Mai"]),
    "VNM": ("vi", 2, "vie", "en", "+84", "VND", ["Hà Nội", "Hồ Chí Minh City", "Đà Nẵng", "Hải Phòng"]),
    "JOR": ("ar_jo", 2, "ara", "en", "+962", "JOD", ["Amman", "Zarqa", "Aqaba"]),
    "ARE": ("ar_ae", 2, "ara", "en", "+971", "AED", ["Abu Dhabi", "Dubai", "Al Ain"]),
    "MAR": ("ar_ma", 2, "ara", "en", "+212", "MAD", ["Rabat", "Kénitra", "Marrakech", "Agadir"]),
    "KEN": ("ke", 2, "swa", "en", "+254", "KES", ["Nairobi", "Mombasa", "Nanyuki"]),
    "NGA": ("ng", 2, "eng", "en", "+234", "NGN", ["Abuja", "Lagos", "Kaduna"]),
    "GHA": ("gh", 1, "eng", "en", "+233", "GHS", ["Accra", "Kumasi", "Tamale"]),
    "SEN": ("sn", 1, "fra", "fr", "+221", "XOF", ["Dakar", "Thiès", "Saint-Louis"]),
    "BRA": ("pt", 2, "por", "pt", "+55", "BRL", ["Brasília", "Rio de Janeiro", "São Paulo", "Manaus"]),
    "COL": ("es", 2, "spa", "es", "+57", "COP", ["Bogotá", "Cartagena", "Medellín", "Tolemaida"]),
    "CHL": ("es", 1, "spa", "es", "+56", "CLP", ["Santiago", "Valparaíso", "Punta Arenas"]),
    "ARG": ("es", 1, "spa", "es", "+54", "ARS", ["Buenos Aires", "Córdoba", "Puerto Belgrano"]),
    "PER": ("es", 1, "spa", "es", "+51", "PEN", ["Lima", "Callao", "Arequipa"]),
}

# force names: nation -> (army, navy, air force); others are "<Nation> Army" etc.
FORCES: dict[str, tuple[str, str, str]] = {
    "USA": ("U.S. Army", "U.S. Navy", "U.S. Air Force"),
    "GBR": ("British Army", "Royal Navy", "Royal Air Force"),
    "CAN": ("Canadian Army", "Royal Canadian Navy", "Royal Canadian Air Force"),
    "AUS": ("Australian Army", "Royal Australian Navy", "Royal Australian Air Force"),
    "NZL": ("New Zealand Army", "Royal New Zealand Navy", "Royal New Zealand Air Force"),
    "DEU": ("Heer", "Deutsche Marine", "Luftwaffe"),
    "FRA": ("Armée de Terre", "Marine nationale", "Armée de l'Air et de l'Espace"),
    "POL": ("Wojska Lądowe", "Marynarka Wojenna", "Siły Powietrzne"),
    "JPN": ("Japan Ground Self-Defense Force", "Japan Maritime Self-Defense Force", "Japan Air Self-Defense Force"),
    "KOR": ("ROK Army", "ROK Navy", "ROK Air Force"),
    "ESP": ("Ejército de Tierra", "Armada Española", "Ejército del Aire y del Espacio"),
    "ITA": ("Esercito Italiano", "Marina Militare", "Aeronautica Militare"),
    "PHL": ("Philippine Army", "Philippine Navy", "Philippine Air Force"),
    "TUR": ("Türk Kara Kuvvetleri", "Türk Deniz Kuvvetleri", "Türk Hava Kuvvetleri"),
}

UNITS: dict[str, list[str]] = {
    "land": ["{o} Mechanised Brigade", "{o} Signals Regiment", "{o} Engineer Battalion", "{o} Infantry Battalion",
             "Army Staff College", "{o} Artillery Regiment", "Special Operations Command", "Land Forces Headquarters",
             "{o} Logistics Battalion", "Military Intelligence Battalion"],
    "sea": ["{o} Frigate Squadron", "Naval Staff", "Maritime Operations Centre", "{o} Mine Countermeasures Squadron",
            "Naval Academy", "Fleet Headquarters", "{o} Patrol Boat Flotilla", "Naval Aviation Wing"],
    "air": ["{o} Tactical Air Wing", "Air Operations Centre", "{o} Airlift Squadron", "Air Force Academy",
            "{o} Air Defence Group", "Air Staff", "{o} Helicopter Squadron", "Space Operations Cell"],
    "civ": ["Ministry of Defence", "Defence Policy Directorate", "Defence Procurement Agency", "Embassy defence section",
            "Defence Language Institute"],
}

POSITIONS: dict[str, list[str]] = {
    "officer": ["Staff officer J3 (operations)", "Company commander", "Instructor, tactics branch", "Deputy chief of staff J5",
                "Cyber defence analyst", "Logistics officer (J4)", "Flight instructor", "Navigation officer",
                "Plans officer (J5)", "Training officer (J7)", "Intelligence officer (J2)", "Battalion executive officer",
                "Legal adviser", "Medical officer", "Communications officer (J6)", "Liaison officer"],
    "nco": ["Training NCO", "Platoon sergeant", "Operations NCO", "Maintenance supervisor", "Senior enlisted adviser",
            "Signals technician", "Interpreter", "Boatswain"],
    "civ": ["Defence policy adviser", "International cooperation officer", "Interpreter", "Programme manager",
            "Language instructor", "Security cooperation specialist"],
}

# STANAG 2116 codes drawn for people (weighted), and titles per rank style and branch
RANK_WEIGHTS: list[tuple[str, int]] = [
    ("OR-5", 3), ("OR-6", 3), ("OR-7", 3), ("OR-8", 2), ("OR-9", 1), ("WO-1", 1), ("OF-1", 3), ("OF-2", 8),
    ("OF-3", 10), ("OF-4", 9), ("OF-5", 5), ("OF-6", 1), ("OF-7", 1),
]

_EN = {
    "land": {"OR-5": "Sergeant", "OR-6": "Staff Sergeant", "OR-7": "Sergeant First Class", "OR-8": "Master Sergeant",
             "OR-9": "Sergeant Major", "WO-1": "Warrant Officer 1", "OF-1": "First Lieutenant", "OF-2": "Captain",
             "OF-3": "Major", "OF-4": "Lieutenant Colonel", "OF-5": "Colonel", "OF-6": "Brigadier General",
             "OF-7": "Major General"},
    "sea": {"OR-5": "Petty Officer Second Class", "OR-6": "Petty Officer First Class", "OR-7": "Chief Petty Officer",
            "OR-8": "Senior Chief Petty Officer", "OR-9": "Master Chief Petty Officer", "WO-1": "Chief Warrant Officer 2",
            "OF-1": "Lieutenant (junior grade)", "OF-2": "Lieutenant", "OF-3": "Lieutenant Commander", "OF-4": "Commander",
            "OF-5": "Captain", "OF-6": "Rear Admiral (lower half)", "OF-7": "Rear Admiral"},
    "air": {"OR-5": "Staff Sergeant", "OR-6": "Technical Sergeant", "OR-7": "Master Sergeant", "OR-8": "Senior Master Sergeant",
            "OR-9": "Chief Master Sergeant", "WO-1": "Warrant Officer", "OF-1": "First Lieutenant", "OF-2": "Captain",
            "OF-3": "Major", "OF-4": "Lieutenant Colonel", "OF-5": "Colonel", "OF-6": "Brigadier General",
            "OF-7": "Major General"},
}

RANKS: dict[str, dict[str, dict[str, str]]] = {
    "en": _EN,
    "gb": {
        "land": {"OR-6": "Sergeant", "OR-7": "Staff Sergeant", "OR-8": "Warrant Officer Class 2", "OR-9": "Warrant Officer Class 1",
                 "OF-1": "Lieutenant", "OF-2": "Captain", "OF-3": "Major", "OF-4": "Lieutenant Colonel", "OF-5": "Colonel",
                 "OF-6": "Brigadier", "OF-7": "Major General"},
        "sea": {"OR-6": "Petty Officer", "OR-7": "Chief Petty Officer", "OR-8": "Warrant Officer Class 2",
                "OR-9": "Warrant Officer Class 1", "OF-1": "Sub-Lieutenant", "OF-2": "Lieutenant", "OF-3": "Lieutenant Commander",
                "OF-4": "Commander", "OF-5": "Captain", "OF-6": "Commodore", "OF-7": "Rear Admiral"},
        "air": {"OR-6": "Sergeant", "OR-7": "Flight Sergeant", "OR-9": "Warrant Officer", "OF-1": "Flying Officer",
                "OF-2": "Flight Lieutenant", "OF-3": "Squadron Leader", "OF-4": "Wing Commander", "OF-5": "Group Captain",
                "OF-6": "Air Commodore", "OF-7": "Air Vice-Marshal"},
    },
    "de": {
        "land": {"OR-5": "Stabsunteroffizier", "OR-6": "Feldwebel", "OR-7": "Oberfeldwebel", "OR-8": "Hauptfeldwebel",
                 "OR-9": "Oberstabsfeldwebel", "OF-1": "Oberleutnant", "OF-2": "Hauptmann", "OF-3": "Major",
                 "OF-4": "Oberstleutnant", "OF-5": "Oberst", "OF-6": "Brigadegeneral", "OF-7": "Generalmajor"},
        "sea": {"OR-6": "Bootsmann", "OR-7": "Oberbootsmann", "OR-8": "Hauptbootsmann", "OF-1": "Oberleutnant zur See",
                "OF-2": "Kapitänleutnant", "OF-3": "Korvettenkapitän", "OF-4": "Fregattenkapitän", "OF-5": "Kapitän zur See",
                "OF-6": "Flottillenadmiral"},
        "air": {"OR-6": "Feldwebel", "OR-7": "Oberfeldwebel", "OR-8": "Hauptfeldwebel", "OF-1": "Oberleutnant",
                "OF-2": "Hauptmann", "OF-3": "Major", "OF-4": "Oberstleutnant", "OF-5": "Oberst", "OF-6": "Brigadegeneral"},
    },
    "fr": {
        "land": {"OR-6": "Sergent-chef", "OR-7": "Adjudant", "OR-8": "Adjudant-chef", "OR-9": "Major", "OF-1": "Lieutenant",
                 "OF-2": "Capitaine", "OF-3": "Commandant", "OF-4": "Lieutenant-colonel", "OF-5": "Colonel",
                 "OF-6": "Général de brigade"},
        "sea": {"OR-6": "Maître", "OR-7": "Premier maître", "OR-8": "Maître principal", "OF-1": "Enseigne de vaisseau de 1re classe",
                "OF-2": "Lieutenant de vaisseau", "OF-3": "Capitaine de corvette", "OF-4": "Capitaine de frégate",
                "OF-5": "Capitaine de vaisseau", "OF-6": "Contre-amiral"},
        "air": {"OR-6": "Sergent-chef", "OR-7": "Adjudant", "OR-8": "Adjudant-chef", "OF-1": "Lieutenant", "OF-2": "Capitaine",
                "OF-3": "Commandant", "OF-4": "Lieutenant-colonel", "OF-5": "Colonel", "OF-6": "Général de brigade aérienne"},
    },
    "pl": {
        "land": {"OR-5": "sierżant", "OR-6": "starszy sierżant", "OR-7": "młodszy chorąży", "OR-8": "chorąży",
                 "OR-9": "starszy chorąży sztabowy", "OF-1": "porucznik", "OF-2": "kapitan", "OF-3": "major",
                 "OF-4": "podpułkownik", "OF-5": "pułkownik", "OF-6": "generał brygady"},
        "sea": {"OR-6": "starszy bosman", "OR-8": "chorąży marynarki", "OF-1": "porucznik marynarki", "OF-2": "kapitan marynarki",
                "OF-3": "komandor podporucznik", "OF-4": "komandor porucznik", "OF-5": "komandor", "OF-6": "kontradmirał"},
        "air": {"OR-5": "sierżant", "OR-6": "starszy sierżant", "OR-8": "chorąży", "OF-1": "porucznik pilot",
                "OF-2": "kapitan pilot", "OF-3": "major pilot", "OF-4": "podpułkownik pilot", "OF-5": "pułkownik pilot",
                "OF-6": "generał brygady pilot"},
    },
    "es": {
        "land": {"OR-6": "Sargento primero", "OR-7": "Brigada", "OR-8": "Subteniente", "OR-9": "Suboficial mayor",
                 "OF-1": "Teniente", "OF-2": "Capitán", "OF-3": "Comandante", "OF-4": "Teniente coronel", "OF-5": "Coronel",
                 "OF-6": "General de brigada"},
        "sea": {"OR-6": "Sargento primero", "OF-1": "Alférez de navío", "OF-2": "Teniente de navío", "OF-3": "Capitán de corbeta",
                "OF-4": "Capitán de fragata", "OF-5": "Capitán de navío", "OF-6": "Contraalmirante"},
        "air": {"OR-6": "Sargento primero", "OR-7": "Brigada", "OF-1": "Teniente", "OF-2": "Capitán", "OF-3": "Comandante",
                "OF-4": "Teniente coronel", "OF-5": "Coronel", "OF-6": "General de brigada"},
    },
    "pt": {
        "land": {"OR-6": "Primeiro-sargento", "OR-8": "Sargento-chefe", "OF-1": "Tenente", "OF-2": "Capitão", "OF-3": "Major",
                 "OF-4": "Tenente-coronel", "OF-5": "Coronel", "OF-6": "Brigadeiro-general"},
        "sea": {"OR-6": "Primeiro-sargento", "OF-1": "Segundo-tenente", "OF-2": "Primeiro-tenente", "OF-3": "Capitão-tenente",
                "OF-4": "Capitão-de-fragata", "OF-5": "Capitão-de-mar-e-guerra", "OF-6": "Comodoro"},
        "air": {"OR-6": "Primeiro-sargento", "OF-1": "Tenente", "OF-2": "Capitão", "OF-3": "Major", "OF-4": "Tenente-coronel",
                "OF-5": "Coronel"},
    },
    "it": {
        "land": {"OR-6": "Sergente maggiore", "OR-8": "Maresciallo capo", "OF-1": "Tenente", "OF-2": "Capitano",
                 "OF-3": "Maggiore", "OF-4": "Tenente colonnello", "OF-5": "Colonnello", "OF-6": "Generale di brigata"},
        "sea": {"OR-8": "Capo di prima classe", "OF-1": "Sottotenente di vascello", "OF-2": "Tenente di vascello",
                "OF-3": "Capitano di corvetta", "OF-4": "Capitano di fregata", "OF-5": "Capitano di vascello",
                "OF-6": "Contrammiraglio"},
        "air": {"OR-6": "Sergente maggiore", "OF-1": "Tenente", "OF-2": "Capitano", "OF-3": "Maggiore",
                "OF-4": "Tenente colonnello", "OF-5": "Colonnello", "OF-6": "Generale di brigata aerea"},
    },
    # JSDF: Japanese title with the English equivalent
    "ja": {
        branch: {code: f"{jp.format(x=mark)} ({_EN[branch][code]})" for code, jp in {
            "OR-7": "1等{x}曹", "OR-9": "{x}曹長", "OF-1": "2等{x}尉", "OF-2": "1等{x}尉", "OF-3": "3等{x}佐",
            "OF-4": "2等{x}佐", "OF-5": "1等{x}佐", "OF-7": "{x}将補"}.items()}
        for branch, mark in (("land", "陸"), ("sea", "海"), ("air", "空"))
    },
    # ROK: English title with the Korean one
    "ko": {
        branch: {code: f"{_EN[branch][code]} ({kr})" for code, kr in {
            "OR-6": "중사", "OR-7": "상사", "OR-8": "원사", "OF-1": "중위", "OF-2": "대위", "OF-3": "소령", "OF-4": "중령",
            "OF-5": "대령", "OF-6": "준장"}.items()}
        for branch in ("land", "sea", "air")
    },
}

# languages a second or third tongue is drawn from, and STANAG 6001 profiles (L/S/R/W)
SECOND_LANGUAGES = ["fra", "deu", "spa", "rus", "ara", "por", "ita", "jpn", "kor", "zho", "pol", "tur"]
PROFILES = ["2/2/2/1", "2/2/2/2", "2+/2/2+/2", "3/3/3/2", "3/3/3/3", "3+/3/3+/3", "2/2+/2/2", "1+/1+/2/1", "3/2+/3/2+"]

# --- exchanges -------------------------------------------------------------------------------

REGIONS: dict[str, list[str]] = {
    "INDOPAC": ["JPN", "KOR", "PHL", "IDN", "IND", "THA", "VNM", "AUS", "NZL"],
    "EUROPE": ["GBR", "DEU", "FRA", "POL", "CZE", "TUR", "ITA", "ESP", "PRT", "NLD", "NOR", "DNK", "SWE", "FIN", "GRC", "ROU",
               "HUN", "LTU", "LVA", "EST", "BEL", "UKR", "ISL"],
    "AFRICA": ["KEN", "NGA", "GHA", "SEN", "MAR"],
    "AMERICAS": ["CAN", "BRA", "COL", "CHL", "ARG", "PER"],
    "MIDEAST": ["JOR", "ARE", "MAR"],
}

# invented exercise series: (name, region, domains)
EXERCISE_SERIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("PACIFIC LANTERN", "INDOPAC", ("maritime", "air")),
    ("CORAL BASTION", "INDOPAC", ("land", "joint")),
    ("JADE MONSOON", "INDOPAC", ("maritime",)),
    ("SOUTHERN CROSSWIND", "INDOPAC", ("air",)),
    ("IRON MERIDIAN", "EUROPE", ("land",)),
    ("AMBER HALYARD", "EUROPE", ("maritime",)),
    ("NORTHERN CAIRN", "EUROPE", ("land", "air", "joint")),
    ("SILVER KESTREL", "EUROPE", ("air", "space")),
    ("QUIET LATTICE", "EUROPE", ("cyber",)),
    ("ACACIA RESOLVE", "AFRICA", ("land", "joint")),
    ("ANDES COMPASS", "AMERICAS", ("land", "air")),
    ("DESERT LODESTAR", "MIDEAST", ("land", "air", "cyber")),
]
HADR_SERIES: list[tuple[str, str]] = [
    ("LOTUS SHELTER", "INDOPAC"), ("SAFFRON RELIEF", "INDOPAC"), ("TIDAL HARBOUR", "EUROPE"), ("MONSOON AID", "INDOPAC"),
    ("SAHEL WELLSPRING", "AFRICA"), ("CORDILLERA HOPE", "AMERICAS"),
]

# schools offering course seats: (school, nation, location, [(course, domains, days)])
SCHOOLS: list[tuple[str, str, str, list[tuple[str, tuple[str, ...], int]]]] = [
    ("NATO School Oberammergau", "DEU", "Oberammergau", [("NATO Staff Officer Orientation Course", ("joint",), 5),
                                                        ("Joint Operational Planning Course", ("joint",), 12)]),
    ("NATO Defense College", "ITA", "Roma", [("Senior Course", ("joint",), 150)]),
    ("U.S. Army Command and General Staff College", "USA", "Fort Leavenworth",
     [("Command and General Staff Officer Course", ("land",), 300)]),
    ("U.S. Naval War College", "USA", "Newport", [("Naval Staff College", ("maritime",), 280)]),
    ("Defense Language Institute English Language Center", "USA", "San Antonio",
     [("Advanced English Language Course", ("joint",), 120)]),
    ("Defence Academy of the United Kingdom", "GBR", "Shrivenham", [("Advanced Command and Staff Course", ("joint",), 280)]),
    ("Baltic Defence College", "EST", "Tartu", [("Joint Command and General Staff Course", ("joint",), 300)]),
    ("École de Guerre", "FRA", "Paris", [("Cours supérieur interarmées", ("joint",), 280)]),
    ("Führungsakademie der Bundeswehr", "DEU", "Hamburg", [("Lehrgang Generalstabs-/Admiralstabsdienst International", ("joint",), 300)]),
    ("NATO CCD COE", "EST", "Tallinn", [("Cyber Defence Monitoring Course", ("cyber",), 5),
                                       ("Operational Cyber Security Course", ("cyber",), 10)]),
    ("Asia-Pacific Center for Security Studies", "USA", "Honolulu", [("Comprehensive Security Cooperation Course", ("joint",), 30)]),
    ("Japan Joint Staff College", "JPN", "Tokyo", [("Joint Advanced Course (international seat)", ("joint",), 90)]),
    ("ROK Joint Forces Military University", "KOR", "Daejeon", [("International Officers' Course", ("joint",), 180)]),
    ("Australian War College", "AUS", "Canberra", [("Australian Command and Staff Course (Joint)", ("joint",), 300)]),
    ("Polish War Studies University", "POL", "Warszawa", [("Postgraduate Operational-Strategic Course", ("land", "joint"), 200)]),
    ("Kenya Defence Staff College", "KEN", "Nairobi", [("Command and Staff Course", ("land",), 280)]),
    ("Escuela Superior de Guerra", "COL", "Bogotá", [("Curso de Estado Mayor", ("land", "joint"), 280)]),
    ("Space Operations School", "USA", "Colorado Springs", [("Space 200 (allied seat)", ("space",), 14)]),
]

MTT_TOPICS = [("counter-IED", ("land",)), ("maritime interdiction", ("maritime",)), ("small UAS operations", ("air", "land")),
              ("military English instructor development", ("joint",)), ("peacekeeping pre-deployment", ("land",)),
              ("cyber incident response", ("cyber",)), ("aviation maintenance", ("air",)), ("tactical combat casualty care", ("land",)),
              ("harbour security", ("maritime",)), ("space situational awareness basics", ("space",))]
SEMINARS = [("Women, Peace and Security seminar", ("joint",)), ("Maritime domain awareness seminar", ("maritime",)),
            ("Defence institution building workshop", ("joint",)), ("Space situational awareness symposium", ("space",)),
            ("Cyber norms roundtable", ("cyber",)), ("Military justice and rule of law seminar", ("joint",)),
            ("Logistics interoperability seminar", ("land", "joint")), ("Air mobility planners' conference", ("air",))]
STAFF_VISITS = ["Staff talks: J5 planners", "Staff visit: training command delegation", "Bilateral army-to-army staff talks",
                "Navy-to-navy staff talks", "Airman-to-airman talks", "Staff visit: cyber command delegation",
                "Reciprocal visit of the chief of staff"]
PERSONNEL_EXCHANGES = [("Personnel exchange: instructor pilot", ("air",)), ("Personnel exchange: staff officer, operations", ("joint",)),
                       ("Personnel exchange: naval warfare officer", ("maritime",)), ("Personnel exchange: infantry company commander", ("land",)),
                       ("Personnel exchange: cyber operations planner", ("cyber",)), ("Personnel exchange: space operations officer", ("space",))]
PROGRAMS = {
    "course_seat": ["IMET", "NATO school course", "Bilateral exchange program", "Partnership training and education"],
    "mobile_training_team": ["IMET", "Building partner capacity", "Defence cooperation program"],
    "seminar": ["Defence cooperation program", "Regional centre outreach", "Partnership training and education"],
    "staff_visit": ["Bilateral exchange program", "Staff talks programme"],
    "personnel_exchange": ["Military Personnel Exchange Program", "Bilateral exchange program"],
}
OBJECTIVES = [
    "Improve interoperability of command posts and liaison procedures.",
    "Train partner instructors so the course can be run without outside help.",
    "Exercise combined planning from receipt of mission to orders.",
    "Build personal links between staff officers of the participating nations.",
    "Validate common procedures for air-ground coordination.",
    "Practise civil-military coordination with relief agencies.",
    "Share lessons from recent operations and agree follow-on activities.",
]
OUTCOMES = [
    "All training objectives met; combined staff reached full planning capability by day {d}.",
    "Objectives largely met; communications interoperability remained the limiting factor.",
    "Participants completed the programme; two partner instructors qualified to teach the course.",
    "Exercise completed safely; liaison cells worked well, logistics reporting lagged.",
    "Good engagement from every delegation; follow-on staff talks agreed for next year.",
]
LESSONS = [
    "Send joining instructions eight weeks ahead; several visas arrived late.",
    "Agree a common map and grid reference system before the exercise starts.",
    "Interpreters are needed for the first week even where English is the working language.",
    "Secure video links must be tested at least a week before the start.",
    "Budget per diem in the host currency; exchange rate moves cost {p}% more than planned.",
    "Keep one liaison officer at the host's headquarters throughout.",
]
CANCEL_REASONS = [
    "Host nation withdrew the invitation after a change of government priorities.",
    "Funding not approved in the current fiscal year.",
    "Postponed because of a humanitarian crisis response in the region.",
    "Insufficient nominations received by the deadline.",
    "Training area unavailable; activity merged with the following year's iteration.",
]
WITHDRAW_REASONS = ["Operational commitment at home unit", "Medical reasons", "Visa not issued in time", "Family emergency",
                    "Replaced by another nominee"]
FEEDBACK = ["Excellent organisation and instructors.", "Useful content; too much time in lectures.",
            "Good contacts made with partner officers.", "Accommodation far from the training site.",
            "Would recommend the course to colleagues.", "Language support was very helpful.", ""]

# --- agreements and liaison ------------------------------------------------------------------

AGREEMENT_KINDS: list[tuple[str, str, int]] = [  # kind value, reference prefix, weight
    ("memorandum_of_understanding", "MOU", 8), ("technical_arrangement", "TA", 5), ("status_of_forces_agreement", "SOFA", 3),
    ("personnel_exchange_agreement", "PEA", 6), ("memorandum_of_agreement", "MOA", 2), ("cooperation_agreement", "DCA", 3),
    ("loan_agreement", "LA", 1), ("military_aid_agreement", "MAA", 1), ("mutual_defence_agreement", "MDA", 1),
]
AGREEMENT_TOPICS = {
    "memorandum_of_understanding": ["cooperation in military education and training", "maritime security cooperation",
                                    "humanitarian assistance and disaster relief cooperation", "cyber defence cooperation"],
    "technical_arrangement": ["reciprocal course seats at staff colleges", "combined exercise support", "logistic support during exercises"],
    "status_of_forces_agreement": ["the status of visiting forces"],
    "personnel_exchange_agreement": ["the exchange of military personnel", "the exchange of instructor pilots",
                                     "the exchange of staff officers"],
    "memorandum_of_agreement": ["mobile training team support"],
    "cooperation_agreement": ["defence cooperation"],
    "loan_agreement": ["the loan of training simulators", "the loan of a training vessel"],
    "military_aid_agreement": ["training and equipment assistance"],
    "mutual_defence_agreement": ["mutual defence assistance"],
}
SIGNATORY_TITLES = ["Minister of Defence", "Chief of Defence Staff", "Director, Defence Cooperation", "Ambassador",
                    "Deputy Minister of Defence", "Chief of the General Staff"]
RENEWAL = ["Renews automatically for five years unless a party gives notice.", "Renewable by exchange of letters.",
           "May be extended by mutual written consent.", ""]

HOST_ORGS = ["Joint Staff J5, {city}", "{force} headquarters, {city}", "Ministry of Defence, {city}",
             "Training and doctrine command, {city}", "Combined operations centre, {city}", "Regional command, {city}"]
DUTIES = [
    "Represents the sending nation's armed forces at the host headquarters; coordinates exchanges and visits.",
    "Serves as an instructor in the host's staff college and advises on combined training.",
    "Coordinates participation in combined exercises and the movement of personnel.",
    "Advises the ambassador on defence matters and manages the defence cooperation programme.",
]
DISCLOSURE_CATEGORIES = ["Category 1 (organisation, training and employment)", "Category 5 (combined military operations)",
                         "Category 2 (military materiel and munitions)", "Category 8 (military intelligence)"]
CONTACT_SUBJECTS = [
    "Planning conference for next year's exercise", "Course nominations for the coming year", "Visa and travel orders for participants",
    "Port visit arrangements", "Quota use under the exchange agreement", "After-action review follow-up",
    "Introductory call on the new chief of staff", "Language training requirements", "Exercise logistics and host-nation support",
    "Information-sharing arrangements for the combined cell",
]
CONTACT_SUMMARIES = [
    "Agreed the draft timeline; host to confirm dates and training areas.",
    "Counterpart asked for the list of nominees and security clearance confirmations.",
    "Discussed outstanding travel documents; two invitations still pending.",
    "Reviewed lessons from the last iteration; both sides to nominate planners.",
    "Courtesy call; counterpart keen to expand instructor exchanges.",
]

# adjectives for force names ("Portuguese Army"); nations not listed use "Army of <name>"
ADJECTIVES: dict[str, str] = {
    "BEL": "Belgian", "CZE": "Czech", "NLD": "Royal Netherlands", "NOR": "Norwegian", "DNK": "Royal Danish", "SWE": "Swedish",
    "FIN": "Finnish", "ISL": "Icelandic", "GRC": "Hellenic", "ROU": "Romanian", "HUN": "Hungarian", "LTU": "Lithuanian",
    "LVA": "Latvian", "EST": "Estonian", "UKR": "Ukrainian", "PRT": "Portuguese", "IDN": "Indonesian", "IND": "Indian",
    "THA": "Royal Thai", "VNM": "Vietnam People's", "JOR": "Royal Jordanian", "ARE": "UAE", "MAR": "Royal Moroccan",
    "KEN": "Kenya", "NGA": "Nigerian", "GHA": "Ghana", "SEN": "Senegalese", "BRA": "Brazilian", "COL": "Colombian",
    "CHL": "Chilean", "ARG": "Argentine", "PER": "Peruvian",
}
# services other than army, navy and air force where a nation names its own
OTHER_FORCES: dict[tuple[str, str], str] = {
    ("USA", "marines"): "U.S. Marine Corps", ("USA", "space"): "U.S. Space Force", ("USA", "coast_guard"): "U.S. Coast Guard",
    ("GBR", "marines"): "Royal Marines", ("GBR", "space"): "UK Space Command", ("FRA", "space"): "Commandement de l'Espace",
    ("KOR", "marines"): "ROK Marine Corps", ("PHL", "marines"): "Philippine Marine Corps", ("PHL", "coast_guard"): "Philippine Coast Guard",
    ("JPN", "coast_guard"): "Japan Coast Guard", ("ITA", "coast_guard"): "Guardia Costiera", ("NLD", "marines"): "Korps Mariniers",
    ("ESP", "marines"): "Infantería de Marina", ("IDN", "marines"): "Korps Marinir", ("THA", "marines"): "Royal Thai Marine Corps",
}
# name groups written family name first
FAMILY_FIRST = frozenset({"vi", "ko", "hu", "ja_native"})
# rough units of each currency per US dollar, so budgets are plausible in any currency
PER_USD: dict[str, float] = {
    "USD": 1, "EUR": 0.92, "GBP": 0.79, "CAD": 1.37, "AUD": 1.5, "NZD": 1.65, "PLN": 4, "CZK": 23, "TRY": 34, "NOK": 11,
    "DKK": 6.9, "SEK": 10.5, "ISK": 138, "RON": 4.6, "HUF": 360, "UAH": 41, "JPY": 150, "KRW": 1350, "PHP": 57, "IDR": 16000,
    "INR": 83, "THB": 35, "VND": 25000, "JOD": 0.71, "AED": 3.67, "MAD": 10, "KES": 130, "NGN": 1500, "GHS": 15, "XOF": 600,
    "BRL": 5.5, "COP": 4000, "CLP": 950, "ARS": 900, "PEN": 3.7,
}
