"""
The institute's first pages: About (the text the site showed before pages
were records, at the same address), Contact, Privacy and Support, in English
and Arabic. Editors change them in the admin; a page already at one of these
addresses is left alone.
"""

from django.conf import settings
from django.db import migrations


def pages():
    name = settings.SITE_NAME
    name_ar = settings.SITE_NAMES.get("ar") or name
    return [
        {
            "slug": "about",
            "in_main_menu": True,
            "sort_order": 1,
            "en": (
                "About the institute",
                f"{name} is an independent, nonpartisan research institute.",
                f"<p>{name} is an independent, nonpartisan research institute. Its fellows"
                " study the politics, security and economies of the Near East and publish"
                " analysis for policymakers and the public.</p>"
                "<p>Everything we publish is free to read. Our analysis appears in English"
                " and, for much of our work, in Arabic.</p>",
            ),
            "ar": (
                "عن المعهد",
                f"{name_ar} معهد أبحاث مستقل وغير حزبي.",
                f"<p>{name_ar} معهد أبحاث مستقل وغير حزبي. يدرس زملاؤه السياسة والأمن"
                " والاقتصاد في الشرق الأدنى، وينشرون تحليلاتهم لصانعي السياسات وللجمهور.</p>"
                "<p>كل ما ننشره متاح للقراءة مجانًا. تصدر تحليلاتنا بالإنجليزية، ويصدر"
                " كثير منها بالعربية أيضًا.</p>",
            ),
        },
        {
            "slug": "contact",
            "sort_order": 2,
            "en": (
                "Contact us",
                "How to reach the institute, its experts and its editors.",
                "<p>Write to us, call, or visit: the addresses are at the foot of every page.</p>"
                "<h2>Press</h2><p>Journalists may ask the press office for an interview"
                " with one of our experts; each expert's page gives their media contact.</p>"
                "<h2>Editors</h2><p>Corrections and proposals for analysis go to the"
                " editors, who answer every message within a week.</p>",
            ),
            "ar": (
                "اتصل بنا",
                "كيف تتواصل مع المعهد وخبرائه ومحرريه.",
                "<p>راسلنا أو اتصل بنا أو زرنا: العناوين في أسفل كل صفحة.</p>"
                "<h2>الصحافة</h2><p>يمكن للصحفيين أن يطلبوا من المكتب الصحفي مقابلة"
                " أحد خبرائنا؛ وتذكر صفحة كل خبير وسيلة التواصل الإعلامي معه.</p>"
                "<h2>المحررون</h2><p>تُرسل التصويبات واقتراحات التحليل إلى المحررين،"
                " وهم يردون على كل رسالة في غضون أسبوع.</p>",
            ),
        },
        {
            "slug": "privacy",
            "sort_order": 3,
            "en": (
                "Privacy policy",
                "What the institute's site records about its readers, and why.",
                "<p>This site sets no cookie for its readers and loads nothing from"
                " another site: no advertising, no analytics, no social network's script.</p>"
                "<h2>Newsletter</h2><p>If you subscribe to our newsletter we keep your"
                " e-mail address, your language and the topics you chose, only to send"
                " you the newsletter. Every message has a link that unsubscribes you"
                " at once.</p><h2>Server logs</h2><p>Our servers keep the addresses of"
                " requests for a short time to keep the site running and safe.</p>",
            ),
            "ar": (
                "سياسة الخصوصية",
                "ما يسجله موقع المعهد عن قرائه، ولماذا.",
                "<p>لا يضع هذا الموقع أي ملف تعريف ارتباط لقرائه، ولا يحمّل شيئًا من"
                " موقع آخر: لا إعلانات ولا أدوات تحليل ولا نصوص برمجية لشبكات التواصل.</p>"
                "<h2>النشرة البريدية</h2><p>إذا اشتركت في نشرتنا البريدية نحتفظ بعنوان"
                " بريدك الإلكتروني ولغتك والموضوعات التي اخترتها، لنرسل إليك النشرة"
                " فحسب. وفي كل رسالة رابط يلغي اشتراكك فورًا.</p><h2>سجلات الخوادم</h2>"
                "<p>تحتفظ خوادمنا بعناوين الطلبات لمدة قصيرة لإبقاء الموقع عاملًا وآمنًا.</p>",
            ),
        },
        {
            "slug": "support",
            "sort_order": 4,
            "en": (
                "Support our work",
                "How to support the institute's independent research.",
                "<p>The institute is funded by individuals and foundations who share its"
                " commitment to independent research. It accepts no funds from"
                " governments of the region.</p><p>To make a gift, write to the"
                " development office at the address at the foot of this page.</p>",
            ),
            "ar": (
                "ادعم عملنا",
                "كيف تدعم أبحاث المعهد المستقلة.",
                "<p>يموّل المعهدَ أفرادٌ ومؤسساتٌ يشاركونه التزامه بالبحث المستقل، ولا"
                " يقبل أموالًا من حكومات المنطقة.</p><p>للتبرع، راسل مكتب التنمية على"
                " العنوان المذكور في أسفل هذه الصفحة.</p>",
            ),
        },
    ]


def create_pages(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for spec in pages():
        if Page.objects.filter(slug_en=spec["slug"]).exists():
            continue
        fields = {}
        for code in ("en", "ar"):
            title, description, body = spec[code]
            fields.update(
                {
                    f"title_{code}": title,
                    f"slug_{code}": spec["slug"],
                    f"description_{code}": description,
                    f"body_{code}": body,
                    f"published_{code}": True,
                }
            )
        Page.objects.create(
            title=spec["en"][0],
            slug=spec["slug"],
            in_main_menu=spec.get("in_main_menu", False),
            in_footer=True,
            sort_order=spec["sort_order"],
            **fields,
        )


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_page")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
