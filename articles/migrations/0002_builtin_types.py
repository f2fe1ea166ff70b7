from django.db import migrations

BUILT_IN = [
    # slug, kind, label, plural, Arabic label, Arabic plural
    ("brief-analysis", "analysis", "Brief Analysis", "Brief Analysis", "تحليل موجز", "تحليلات موجزة"),
    ("in-depth-report", "report", "In-Depth Report", "In-Depth Reports", "تقرير معمّق", "تقارير معمّقة"),
    ("policy-note", "report", "Policy Note", "Policy Notes", "مذكرة سياسية", "مذكرات سياسية"),
    ("op-ed", "op_ed", "Op-Ed", "Op-Eds", "مقالة رأي", "مقالات رأي"),
    ("testimony", "testimony", "Testimony", "Testimony", "شهادة", "شهادات"),
    ("maps-graphics", "graphics", "Maps & Graphics", "Maps & Graphics", "خرائط ورسوم بيانية", "خرائط ورسوم بيانية"),
]


def create_types(apps, schema_editor):
    ArticleType = apps.get_model("articles", "ArticleType")
    for order, (slug, kind, name, plural, name_ar, plural_ar) in enumerate(BUILT_IN):
        ArticleType.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "sort_order": order * 10,
                "name": name,
                "name_en": name,
                "name_ar": name_ar,
                "plural": plural,
                "plural_en": plural,
                "plural_ar": plural_ar,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_types, migrations.RunPython.noop)]
