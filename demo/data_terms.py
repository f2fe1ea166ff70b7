"""Topics and regions of the demo institute, in English and Arabic."""

TOPICS = [
    {
        "slug": "arms-control-proliferation",
        "name": {
            "en": "Arms Control & Proliferation",
            "ar": "الحد من التسلح ومنع الانتشار",
        },
        "description": {
            "en": "Nuclear, missile and drone programs in the region, the agreements meant to limit them, and the verification that makes those agreements credible.",
            "ar": "البرامج النووية والصاروخية وبرامج الطائرات المسيّرة في المنطقة، والاتفاقات الرامية إلى تقييدها، وآليات التحقق التي تمنحها المصداقية.",
        },
        "parent": None,
    },
    {
        "slug": "energy-economics",
        "name": {"en": "Energy & Economics", "ar": "الطاقة والاقتصاد"},
        "description": {
            "en": "Oil and gas markets, public finance, food security and the economic pressures that shape regional politics.",
            "ar": "أسواق النفط والغاز، والمالية العامة، والأمن الغذائي، والضغوط الاقتصادية التي تشكّل السياسة الإقليمية.",
        },
        "parent": None,
    },
    {
        "slug": "terrorism-counterterrorism",
        "name": {"en": "Terrorism & Counterterrorism", "ar": "الإرهاب ومكافحة الإرهاب"},
        "description": {
            "en": "Jihadist movements, state-backed militias and the policies that contain them.",
            "ar": "الحركات الجهادية والميليشيات المدعومة من الدول، والسياسات الكفيلة باحتوائها.",
        },
        "parent": None,
    },
    {
        "slug": "military-security",
        "name": {"en": "Military & Security", "ar": "الشؤون العسكرية والأمنية"},
        "description": {
            "en": "Force posture, deterrence, defense cooperation and the conduct of conflicts across the region.",
            "ar": "انتشار القوات والردع والتعاون الدفاعي وإدارة النزاعات في أنحاء المنطقة.",
        },
        "parent": None,
    },
    {
        "slug": "democracy-reform",
        "name": {"en": "Democracy & Reform", "ar": "الديمقراطية والإصلاح"},
        "description": {
            "en": "Elections, governance, institutional reform and the relationship between citizens and the state.",
            "ar": "الانتخابات والحوكمة والإصلاح المؤسسي والعلاقة بين المواطن والدولة.",
        },
        "parent": None,
    },
    {
        "slug": "gulf-security",
        "name": {"en": "Gulf Security", "ar": "أمن الخليج"},
        "description": {
            "en": "The security of the Arabian Peninsula and the waters around it, and the partnerships that underpin it.",
            "ar": "أمن شبه الجزيرة العربية والمياه المحيطة بها، والشراكات التي يقوم عليها.",
        },
        "parent": None,
    },
    {
        "slug": "great-power-competition",
        "name": {"en": "Great Power Competition", "ar": "التنافس بين القوى الكبرى"},
        "description": {
            "en": "How the United States, China and Russia compete for influence in the Middle East, and how regional states play them against each other.",
            "ar": "كيف تتنافس الولايات المتحدة والصين وروسيا على النفوذ في الشرق الأوسط، وكيف توازن دول المنطقة بينها.",
        },
        "parent": None,
    },
    {
        "slug": "israeli-palestinian-relations",
        "name": {
            "en": "Israeli-Palestinian Relations",
            "ar": "العلاقات الإسرائيلية الفلسطينية",
        },
        "description": {
            "en": "Security arrangements, Palestinian governance, Gaza and the diplomacy of a negotiated settlement.",
            "ar": "الترتيبات الأمنية والحوكمة الفلسطينية وقطاع غزة ودبلوماسية التسوية التفاوضية.",
        },
        "parent": None,
    },
    {
        "slug": "maritime-security",
        "name": {"en": "Maritime Security", "ar": "الأمن البحري"},
        "description": {
            "en": "Shipping lanes, chokepoints and naval operations from the Strait of Hormuz to the Suez Canal.",
            "ar": "خطوط الملاحة والممرات البحرية الحيوية والعمليات البحرية من مضيق هرمز إلى قناة السويس.",
        },
        "parent": "military-security",
    },
    {
        "slug": "sanctions",
        "name": {"en": "Sanctions", "ar": "العقوبات"},
        "description": {
            "en": "The design, enforcement and effects of economic sanctions, and the networks built to evade them.",
            "ar": "تصميم العقوبات الاقتصادية وإنفاذها وآثارها، والشبكات التي تُبنى للالتفاف عليها.",
        },
        "parent": "energy-economics",
    },
    {
        "slug": "human-rights",
        "name": {"en": "Human Rights", "ar": "حقوق الإنسان"},
        "description": {
            "en": "Detention, civic space, refugees and accountability, and how rights concerns fit into security partnerships.",
            "ar": "الاحتجاز والفضاء المدني واللاجئون والمساءلة، وموقع قضايا الحقوق من الشراكات الأمنية.",
        },
        "parent": None,
    },
    {
        "slug": "technology-cyber",
        "name": {"en": "Technology & Cyber", "ar": "التكنولوجيا والفضاء السيبراني"},
        "description": {
            "en": "Cyber operations, drones, artificial intelligence and the export controls that govern sensitive technology.",
            "ar": "العمليات السيبرانية والطائرات المسيّرة والذكاء الاصطناعي وضوابط التصدير التي تحكم التكنولوجيا الحساسة.",
        },
        "parent": None,
    },
]

REGIONS = [
    {
        "slug": "gulf-states",
        "name": {"en": "Gulf States", "ar": "دول الخليج"},
        "description": {
            "en": "The monarchies of the Arabian Peninsula and their relations with each other, with Iran and with outside powers.",
            "ar": "ممالك شبه الجزيرة العربية وعلاقاتها فيما بينها ومع إيران والقوى الخارجية.",
        },
        "parent": None,
    },
    {
        "slug": "saudi-arabia",
        "name": {"en": "Saudi Arabia", "ar": "السعودية"},
        "description": {
            "en": "The kingdom's economic transformation, its regional diplomacy and its security ties with Washington.",
            "ar": "التحول الاقتصادي في المملكة ودبلوماسيتها الإقليمية وعلاقاتها الأمنية مع واشنطن.",
        },
        "parent": "gulf-states",
    },
    {
        "slug": "united-arab-emirates",
        "name": {"en": "United Arab Emirates", "ar": "الإمارات العربية المتحدة"},
        "description": {
            "en": "A small state with a long reach: Emirati foreign policy, trade, technology and defense.",
            "ar": "دولة صغيرة ذات حضور واسع: السياسة الخارجية الإماراتية والتجارة والتكنولوجيا والدفاع.",
        },
        "parent": "gulf-states",
    },
    {
        "slug": "qatar",
        "name": {"en": "Qatar", "ar": "قطر"},
        "description": {
            "en": "Gas exports, mediation and the balancing act of a host to both American forces and Islamist movements.",
            "ar": "صادرات الغاز والوساطة وسياسة التوازن لدولة تستضيف القوات الأمريكية وتحاور الحركات الإسلامية.",
        },
        "parent": "gulf-states",
    },
    {
        "slug": "oman",
        "name": {"en": "Oman", "ar": "عُمان"},
        "description": {
            "en": "Quiet diplomacy at the mouth of the Gulf, and a fiscal reform program under pressure.",
            "ar": "دبلوماسية هادئة عند مدخل الخليج، وبرنامج إصلاح مالي تحت الضغط.",
        },
        "parent": "gulf-states",
    },
    {
        "slug": "levant",
        "name": {"en": "Levant", "ar": "بلاد الشام"},
        "description": {
            "en": "Syria, Lebanon and Jordan: states shaped by war, displacement and economic crisis.",
            "ar": "سوريا ولبنان والأردن: دول شكّلتها الحرب والنزوح والأزمات الاقتصادية.",
        },
        "parent": None,
    },
    {
        "slug": "syria",
        "name": {"en": "Syria", "ar": "سوريا"},
        "description": {
            "en": "Conflict, transition and reconstruction, and the foreign forces still present on Syrian soil.",
            "ar": "النزاع والمرحلة الانتقالية وإعادة الإعمار، والقوات الأجنبية التي لا تزال على الأراضي السورية.",
        },
        "parent": "levant",
    },
    {
        "slug": "lebanon",
        "name": {"en": "Lebanon", "ar": "لبنان"},
        "description": {
            "en": "Financial collapse, sectarian politics and the question of Hezbollah's weapons.",
            "ar": "الانهيار المالي والسياسة الطائفية ومسألة سلاح حزب الله.",
        },
        "parent": "levant",
    },
    {
        "slug": "jordan",
        "name": {"en": "Jordan", "ar": "الأردن"},
        "description": {
            "en": "A stable partner facing water scarcity, refugees and slow growth.",
            "ar": "شريك مستقر يواجه شح المياه وأعباء اللجوء وتباطؤ النمو.",
        },
        "parent": "levant",
    },
    {
        "slug": "iran",
        "name": {"en": "Iran", "ar": "إيران"},
        "description": {
            "en": "The nuclear file, the regional network of partners and proxies, and politics inside the Islamic Republic.",
            "ar": "الملف النووي، وشبكة الحلفاء والوكلاء في المنطقة، والسياسة الداخلية في الجمهورية الإسلامية.",
        },
        "parent": None,
    },
    {
        "slug": "iraq",
        "name": {"en": "Iraq", "ar": "العراق"},
        "description": {
            "en": "Coalition politics, armed factions, oil revenue and Iraq's place between Washington and Tehran.",
            "ar": "السياسة الائتلافية والفصائل المسلحة وعائدات النفط وموقع العراق بين واشنطن وطهران.",
        },
        "parent": None,
    },
    {
        "slug": "israel",
        "name": {"en": "Israel", "ar": "إسرائيل"},
        "description": {
            "en": "Israeli politics, security doctrine and relations with Arab states.",
            "ar": "السياسة الإسرائيلية والعقيدة الأمنية والعلاقات مع الدول العربية.",
        },
        "parent": None,
    },
    {
        "slug": "egypt",
        "name": {"en": "Egypt", "ar": "مصر"},
        "description": {
            "en": "The Arab world's most populous state: debt, reform, the Suez Canal and Egypt's role in Gaza diplomacy.",
            "ar": "أكبر الدول العربية سكانًا: الديون والإصلاح وقناة السويس ودور مصر في دبلوماسية غزة.",
        },
        "parent": None,
    },
    {
        "slug": "turkey",
        "name": {"en": "Turkey", "ar": "تركيا"},
        "description": {
            "en": "Ankara's hedging between NATO and Russia, and its military footprint from Syria to Libya.",
            "ar": "موازنة أنقرة بين حلف شمال الأطلسي وروسيا، وانتشارها العسكري من سوريا إلى ليبيا.",
        },
        "parent": None,
    },
    {
        "slug": "north-africa",
        "name": {"en": "North Africa", "ar": "شمال أفريقيا"},
        "description": {
            "en": "Morocco, Algeria, Tunisia and Libya: reform, migration, energy and Sahel spillover.",
            "ar": "المغرب والجزائر وتونس وليبيا: الإصلاح والهجرة والطاقة وتداعيات أزمات الساحل.",
        },
        "parent": None,
    },
]
