"""
The demo institute's experts.

``note`` is how an article's author note describes the person *at the time of
writing* (it is frozen into each article); ``short_bio`` is today's profile line,
so a former fellow's short bio is in the past tense while old author notes are not.
``colour`` and ``figure`` only drive the drawn headshot.
"""

EXPERTS = [
    {
        "slug": "dana-halvorsen",
        "name": {"en": "Dana Halvorsen", "ar": "دانا هالفورسن"},
        "position": {
            "en": "Lindqvist Senior Fellow\nDirector, Gulf Security Program",
            "ar": "زميلة أولى (زمالة ليندكفيست)\nمديرة برنامج أمن الخليج",
        },
        "status": "current",
        "since": 2017,
        "short_bio": {
            "en": "Dana Halvorsen is the Lindqvist Senior Fellow at The Meridian Institute and directs its Gulf Security Program, where she studies energy, defense partnerships and regional diplomacy.",
            "ar": "دانا هالفورسن زميلة أولى في معهد ميريديان ومديرة برنامج أمن الخليج فيه، وتتناول أبحاثها الطاقة والشراكات الدفاعية والدبلوماسية الإقليمية.",
        },
        "bio": {
            "en": (
                "<p>Dana Halvorsen is the Lindqvist Senior Fellow at The Meridian Institute and director of its "
                "<strong>Gulf Security Program</strong>. Her research covers the politics of oil and gas, the defense "
                "relationships between Gulf monarchies and their Western partners, and the diplomacy between Riyadh, "
                "Abu Dhabi, Doha and Tehran.</p>"
                "<p>Before joining the Institute in 2017, she spent nine years as an energy analyst, first in the "
                "public sector and later advising shipping and insurance firms on risk in the Strait of Hormuz. She "
                "has lived in Muscat and Dubai and reads Arabic.</p>"
                "<p>Her recent work examines how the energy transition could change the security bargain in the Gulf. "
                "She is the author of <em>Barrels and Bases</em>, a study of oil revenue and alliance politics, and "
                "testifies regularly before congressional committees.</p>"
            ),
            "ar": (
                "<p>دانا هالفورسن زميلة أولى في معهد ميريديان ومديرة برنامج أمن الخليج. تتناول أبحاثها سياسات النفط "
                "والغاز، والعلاقات الدفاعية بين دول الخليج وشركائها الغربيين، والدبلوماسية بين الرياض وأبوظبي والدوحة وطهران.</p>"
                "<p>عملت قبل انضمامها إلى المعهد عام 2017 محللةً في شؤون الطاقة تسع سنوات، وأقامت في مسقط ودبي.</p>"
            ),
        },
        "note": {
            "en": "Dana Halvorsen is the Lindqvist Senior Fellow at The Meridian Institute and director of its Gulf Security Program.",
            "ar": "دانا هالفورسن زميلة أولى في معهد ميريديان ومديرة برنامج أمن الخليج فيه.",
        },
        "topics": ["gulf-security", "energy-economics", "maritime-security"],
        "regions": ["gulf-states", "saudi-arabia", "united-arab-emirates", "oman"],
        "colour": (46, 92, 110),
        "figure": "long",
    },
    {
        "slug": "karim-haddad",
        "name": {"en": "Karim Haddad", "ar": "كريم حداد"},
        "position": {
            "en": "Senior Fellow\nLevant Program",
            "ar": "زميل أول\nبرنامج بلاد الشام",
        },
        "status": "current",
        "since": 2015,
        "short_bio": {
            "en": "Karim Haddad is a senior fellow at The Meridian Institute, where he focuses on Syria, Lebanon and the politics of armed groups in the Levant.",
            "ar": "كريم حداد زميل أول في معهد ميريديان، ويركّز على سوريا ولبنان وسياسات الجماعات المسلحة في بلاد الشام.",
        },
        "bio": {
            "en": (
                "<p>Karim Haddad is a senior fellow in The Meridian Institute's <strong>Levant Program</strong>. He "
                "writes on the Syrian conflict and transition, Lebanese politics and Hezbollah, and the humanitarian "
                "and economic consequences of a decade of war.</p>"
                "<p>He joined the Institute in 2015 after several years as a researcher for humanitarian "
                "organizations working along the Syrian border, where he documented displacement and local "
                "governance in opposition-held areas.</p>"
                "<p>His current project follows how Syria's new authorities rebuild security institutions, and "
                "what outside partners can do to make that process <em>accountable</em> rather than merely fast.</p>"
            ),
            "ar": (
                "<p>كريم حداد زميل أول في برنامج بلاد الشام في معهد ميريديان. يكتب عن النزاع السوري والمرحلة الانتقالية، "
                "والسياسة اللبنانية وحزب الله، والتبعات الإنسانية والاقتصادية لعقد من الحرب.</p>"
                "<p>انضم إلى المعهد عام 2015 بعد سنوات من العمل باحثًا لدى منظمات إنسانية على الحدود السورية.</p>"
            ),
        },
        "note": {
            "en": "Karim Haddad is a senior fellow in The Meridian Institute's Levant Program.",
            "ar": "كريم حداد زميل أول في برنامج بلاد الشام في معهد ميريديان.",
        },
        "topics": [
            "military-security",
            "terrorism-counterterrorism",
            "human-rights",
            "democracy-reform",
        ],
        "regions": ["levant", "syria", "lebanon", "jordan"],
        "colour": (120, 72, 52),
        "figure": "short",
    },
    {
        "slug": "leila-navabi",
        "name": {"en": "Leila Navabi", "ar": "ليلى نوابي"},
        "position": {
            "en": "Fellow\nIran Program",
            "ar": "زميلة\nبرنامج إيران",
        },
        "status": "current",
        "since": 2020,
        "short_bio": {
            "en": "Leila Navabi is a fellow in The Meridian Institute's Iran Program, specializing in Iran's nuclear program, sanctions and foreign policy.",
            "ar": "ليلى نوابي زميلة في برنامج إيران في معهد ميريديان، وتتخصص في البرنامج النووي الإيراني والعقوبات والسياسة الخارجية الإيرانية.",
        },
        "bio": {
            "en": (
                "<p>Leila Navabi is a fellow in The Meridian Institute's <strong>Iran Program</strong>. She follows "
                "Iran's nuclear activities, the verification work of international inspectors, and the sanctions "
                "regime that has shaped the Iranian economy for two decades.</p>"
                "<p>She trained as a nuclear engineer before turning to policy, and worked on safeguards analysis "
                "for a nonproliferation research center before joining the Institute in 2020. She reads Persian "
                "sources closely and writes often on how decisions are actually made in Tehran.</p>"
                "<p>Her analysis has been cited in congressional hearings, and she is a frequent commentator on "
                "<em>what inspections can and cannot tell us</em>.</p>"
            ),
        },
        "note": {
            "en": "Leila Navabi is a fellow in The Meridian Institute's Iran Program.",
            "ar": "ليلى نوابي زميلة في برنامج إيران في معهد ميريديان.",
        },
        "topics": [
            "arms-control-proliferation",
            "sanctions",
            "great-power-competition",
        ],
        "regions": ["iran"],
        "colour": (92, 62, 120),
        "figure": "long",
    },
    {
        "slug": "daniel-reyes",
        "name": {"en": "Daniel Reyes", "ar": "دانيال رييس"},
        "position": {
            "en": "Senior Military Fellow",
            "ar": "زميل عسكري أول",
        },
        "status": "current",
        "since": 2022,
        "short_bio": {
            "en": "Daniel Reyes, a retired naval officer, is the senior military fellow at The Meridian Institute, where he works on maritime security, air defense and force posture.",
            "ar": "دانيال رييس ضابط بحري متقاعد وزميل عسكري أول في معهد ميريديان، ويعمل على الأمن البحري والدفاع الجوي وانتشار القوات.",
        },
        "bio": {
            "en": (
                "<p>Daniel Reyes is the senior military fellow at The Meridian Institute. He retired from the navy "
                "after a career that included two commands at sea and staff tours with maritime task forces in "
                "Bahrain and the Red Sea.</p>"
                "<p>At the Institute since 2022, he studies <strong>maritime security</strong>, integrated air and "
                "missile defense, and the spread of drones and precision weapons to non-state groups. He is "
                "interested in the practical side of coalition operations: who pays, who commands, and what "
                "<em>sustained</em> presence really requires.</p>"
            ),
        },
        "note": {
            "en": "Daniel Reyes, a retired naval officer, is the senior military fellow at The Meridian Institute.",
            "ar": "دانيال رييس ضابط بحري متقاعد وزميل عسكري أول في معهد ميريديان.",
        },
        "topics": ["military-security", "maritime-security", "technology-cyber"],
        "regions": ["gulf-states", "iran", "egypt"],
        "colour": (40, 70, 120),
        "figure": "short",
    },
    {
        "slug": "noura-el-sayed",
        "name": {"en": "Noura El-Sayed", "ar": "نورا السيد"},
        "position": {
            "en": "Fellow\nDemocracy & Reform Program",
            "ar": "زميلة\nبرنامج الديمقراطية والإصلاح",
        },
        "status": "current",
        "since": 2019,
        "short_bio": {
            "en": "Noura El-Sayed is a fellow at The Meridian Institute, where she studies governance, economic reform and human rights in Egypt, Jordan and North Africa.",
            "ar": "نورا السيد زميلة في معهد ميريديان، وتدرس الحوكمة والإصلاح الاقتصادي وحقوق الإنسان في مصر والأردن وشمال أفريقيا.",
        },
        "bio": {
            "en": (
                "<p>Noura El-Sayed is a fellow in The Meridian Institute's <strong>Democracy &amp; Reform "
                "Program</strong>. Her work connects public finance to politics: subsidies, debt and the social "
                "contract in Egypt, Jordan and the states of North Africa.</p>"
                "<p>An economist by training, she worked on fiscal programs in the region before joining the "
                "Institute in 2019. She writes in Arabic and English and has a particular interest in how "
                "reform programs can protect the <em>poorest households</em> while they cut deficits.</p>"
            ),
            "ar": (
                "<p>نورا السيد زميلة في برنامج الديمقراطية والإصلاح في معهد ميريديان. تربط أبحاثها بين المالية العامة "
                "والسياسة: الدعم والديون والعقد الاجتماعي في مصر والأردن ودول شمال أفريقيا.</p>"
                "<p>عملت قبل انضمامها إلى المعهد عام 2019 على برامج مالية في المنطقة، وتكتب بالعربية والإنجليزية.</p>"
            ),
        },
        "note": {
            "en": "Noura El-Sayed is a fellow in The Meridian Institute's Democracy & Reform Program.",
            "ar": "نورا السيد زميلة في برنامج الديمقراطية والإصلاح في معهد ميريديان.",
        },
        "topics": ["democracy-reform", "human-rights", "energy-economics"],
        "regions": ["egypt", "north-africa", "jordan"],
        "colour": (150, 92, 60),
        "figure": "long",
    },
    {
        "slug": "thomas-brandt",
        "name": {"en": "Thomas Brandt", "ar": "توماس براندت"},
        "position": {
            "en": "Former Senior Fellow",
            "ar": "زميل أول سابق",
        },
        "status": "former",
        "since": 2014,
        "until": 2022,
        "short_bio": {
            "en": "Thomas Brandt was a senior fellow at The Meridian Institute from 2014 to 2022, where he wrote on sanctions policy and energy markets.",
            "ar": "كان توماس براندت زميلًا أول في معهد ميريديان بين عامي 2014 و2022، وكتب عن سياسات العقوبات وأسواق الطاقة.",
        },
        "bio": {
            "en": (
                "<p>Thomas Brandt was a senior fellow at The Meridian Institute from 2014 to 2022. He wrote on the "
                "design and enforcement of <strong>sanctions</strong> against Iran and on the oil market "
                "consequences of conflict in the Gulf.</p>"
                "<p>Before the Institute he spent a decade in government working on financial measures against "
                "proliferation networks. His papers at Meridian argued that sanctions work best when their "
                "<em>relief</em> is as carefully designed as their pressure.</p>"
            ),
        },
        "note": {
            "en": "Thomas Brandt is a senior fellow at The Meridian Institute, where he focuses on sanctions and energy markets.",
            "ar": "توماس براندت زميل أول في معهد ميريديان، ويركّز على العقوبات وأسواق الطاقة.",
        },
        "topics": ["sanctions", "energy-economics"],
        "regions": ["iran", "iraq"],
        "colour": (70, 90, 60),
        "figure": "short",
    },
    {
        "slug": "miriam-sorel",
        "name": {"en": "Miriam Sorel", "ar": "ميريام سوريل"},
        "position": {
            "en": "Former Visiting Fellow",
            "ar": "زميلة زائرة سابقة",
        },
        "status": "former",
        "since": 2019,
        "until": 2023,
        "short_bio": {
            "en": "Miriam Sorel was a visiting fellow at The Meridian Institute from 2019 to 2023, working on Israeli politics and Israeli-Palestinian security arrangements.",
            "ar": "كانت ميريام سوريل زميلة زائرة في معهد ميريديان بين عامي 2019 و2023، وعملت على السياسة الإسرائيلية والترتيبات الأمنية الإسرائيلية الفلسطينية.",
        },
        "bio": {
            "en": (
                "<p>Miriam Sorel was a visiting fellow at The Meridian Institute from 2019 to 2023. Her work "
                "focused on Israeli coalition politics, security coordination between Israel and the Palestinian "
                "Authority, and regional water cooperation.</p>"
                "<p>She came to the Institute from a career in journalism and returned to it afterward. Her "
                "Meridian writing stressed <em>institutions over personalities</em> as the key to durable "
                "arrangements.</p>"
            ),
        },
        "note": {
            "en": "Miriam Sorel is a visiting fellow at The Meridian Institute.",
            "ar": "ميريام سوريل زميلة زائرة في معهد ميريديان.",
        },
        "topics": ["israeli-palestinian-relations", "democracy-reform"],
        "regions": ["israel", "jordan"],
        "colour": (110, 110, 70),
        "figure": "long",
    },
    {
        "slug": "elias-marchetti",
        "name": {"en": "Elias Marchetti", "ar": "إلياس ماركيتي"},
        "position": {
            "en": "Former Fellow",
            "ar": "زميل سابق",
        },
        "status": "former",
        "since": 2016,
        "until": 2023,
        "short_bio": {
            "en": "Elias Marchetti was a fellow at The Meridian Institute from 2016 to 2023, where he studied Turkish foreign policy and great power competition in the region.",
            "ar": "كان إلياس ماركيتي زميلًا في معهد ميريديان بين عامي 2016 و2023، ودرس السياسة الخارجية التركية والتنافس بين القوى الكبرى في المنطقة.",
        },
        "bio": {
            "en": (
                "<p>Elias Marchetti was a fellow at The Meridian Institute from 2016 to 2023. He wrote on "
                "<strong>Turkey</strong>, on Russian and Chinese activity in the Middle East, and on how regional "
                "states hedge between rival powers.</p>"
                "<p>His report on Ankara's strategy between the blocs remains one of the Institute's most "
                "requested publications. He now teaches international relations.</p>"
            ),
        },
        "note": {
            "en": "Elias Marchetti is a fellow at The Meridian Institute.",
            "ar": "إلياس ماركيتي زميل في معهد ميريديان.",
        },
        "topics": ["great-power-competition", "military-security"],
        "regions": ["turkey", "syria"],
        "colour": (60, 60, 80),
        "figure": "short",
    },
    {
        "slug": "harold-whitcombe",
        "name": {"en": "Harold Whitcombe", "ar": "هارولد ويتكومب"},
        "position": {
            "en": "Distinguished Fellow Emeritus",
            "ar": "زميل متميز فخري",
        },
        "status": "emeritus",
        "since": 2004,
        "short_bio": {
            "en": "Harold Whitcombe is a distinguished fellow emeritus at The Meridian Institute and a former counterterrorism official who has written on Iraq for two decades.",
            "ar": "هارولد ويتكومب زميل متميز فخري في معهد ميريديان ومسؤول سابق في مكافحة الإرهاب، يكتب عن العراق منذ عقدين.",
        },
        "bio": {
            "en": (
                "<p>Harold Whitcombe is a distinguished fellow emeritus at The Meridian Institute, which he joined "
                "in 2004 after a government career in <strong>counterterrorism</strong> that included postings in "
                "Baghdad and Amman.</p>"
                "<p>His work has followed Iraq from the insurgency through the campaign against the Islamic State "
                "to the rise of state-sanctioned militias. He continues to write occasional analysis and to mentor "
                "the Institute's younger researchers.</p>"
                "<p>He is known for a simple rule: <em>judge a militia by its budget, not its banner</em>.</p>"
            ),
        },
        "note": {
            "en": "Harold Whitcombe is a distinguished fellow emeritus at The Meridian Institute.",
            "ar": "هارولد ويتكومب زميل متميز فخري في معهد ميريديان.",
        },
        "topics": ["terrorism-counterterrorism", "military-security"],
        "regions": ["iraq", "syria"],
        "colour": (90, 90, 96),
        "figure": "short",
    },
    {
        # A one-off contributor: no profile page, no headshot.
        "slug": "youssef-benali",
        "name": {"en": "Youssef Benali", "ar": "يوسف بنعلي"},
        "position": {
            "en": "Guest Contributor",
            "ar": "كاتب ضيف",
        },
        "status": "current",
        "has_profile": False,
        "short_bio": {
            "en": "Youssef Benali is an independent researcher based in Rabat who studies cybersecurity and digital governance.",
            "ar": "يوسف بنعلي باحث مستقل مقيم في الرباط، يدرس الأمن السيبراني والحوكمة الرقمية.",
        },
        "bio": {},
        "note": {
            "en": "Youssef Benali is an independent researcher based in Rabat who studies cybersecurity and digital governance.",
            "ar": "يوسف بنعلي باحث مستقل مقيم في الرباط، يدرس الأمن السيبراني والحوكمة الرقمية.",
        },
        "topics": ["technology-cyber"],
        "regions": ["north-africa", "gulf-states"],
    },
]
