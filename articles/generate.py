"""
Synthetic content at any scale, for measuring (``manage.py generate_content``).

``generate(articles=N, seed=S)`` adds ``N`` articles in both languages with
the shapes of a think tank's archive: bylines of one to three experts (a few
prolific ones write much of it), one to three topics and up to two regions
from trees of parents and children, article types in realistic shares,
drafts, work in review, scheduled and archived pieces beside the published
ones, an Arabic version for about a third, editor's picks on a few.

Experts, topics and regions are added up to counts that follow the archive's
size (1,000 experts, 200 topics and 150 regions at 100,000 articles, fewer
for a smaller archive) and reused when they exist, so a second run grows the
same archive. The same seed on the same database gives the same content.

Everything is written with multi-row inserts (``bulk_create``), in batches,
without per-row signals; then the rails are scored (``articles.rails``), the
search vectors filled (``articles.search_index``), and the page cache's
generation moved once.
"""

import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from articles import rails
from articles.bylines import snapshot_of
from articles.models import (
    Article,
    ArticleType,
    Authorship,
    Recommendation,
    Status,
    TypeKind,
)
from articles.search_index import update_search_vectors
from core import pagecache
from core.i18n import localized
from experts.models import Expert, ExpertStatus
from taxonomy.models import Region, Topic

#: At this many articles the archive has its full complement of people and terms.
FULL_SIZE = 100_000
MAX_EXPERTS, MAX_TOPICS, MAX_REGIONS = 1_000, 200, 150
#: Rows per INSERT statement and articles written per round.
BATCH = 2_000
#: The archive spans this many years back from now.
YEARS = 20

EN_WORDS = [
    "security",
    "policy",
    "strategy",
    "deterrence",
    "sanctions",
    "energy",
    "oil",
    "gas",
    "markets",
    "economy",
    "reform",
    "governance",
    "militias",
    "border",
    "ceasefire",
    "diplomacy",
    "alliance",
    "negotiations",
    "nuclear",
    "program",
    "missiles",
    "drones",
    "maritime",
    "shipping",
    "trade",
    "investment",
    "inflation",
    "currency",
    "elections",
    "parliament",
    "coalition",
    "protests",
    "refugees",
    "humanitarian",
    "aid",
    "reconstruction",
    "water",
    "climate",
    "drought",
    "agriculture",
    "terrorism",
    "insurgency",
    "intelligence",
    "counterterrorism",
    "cooperation",
    "normalization",
    "peace",
    "talks",
    "regional",
    "influence",
    "proxies",
    "leadership",
    "succession",
    "military",
    "forces",
    "base",
    "deployment",
    "administration",
    "congress",
    "legislation",
    "oversight",
    "budget",
    "partners",
    "pressure",
    "escalation",
    "containment",
    "engagement",
    "leverage",
    "transition",
    "stability",
    "crisis",
    "corruption",
    "accountability",
    "courts",
    "constitution",
    "minorities",
    "tribes",
    "networks",
    "finance",
    "banking",
    "smuggling",
    "weapons",
    "ports",
    "pipelines",
    "grid",
    "electricity",
    "technology",
    "cyber",
    "surveillance",
    "media",
    "information",
    "campaign",
    "narrative",
]
AR_WORDS = [
    "أمن",
    "سياسة",
    "استراتيجية",
    "ردع",
    "عقوبات",
    "طاقة",
    "نفط",
    "غاز",
    "أسواق",
    "اقتصاد",
    "إصلاح",
    "حوكمة",
    "ميليشيات",
    "حدود",
    "هدنة",
    "دبلوماسية",
    "تحالف",
    "مفاوضات",
    "برنامج",
    "نووي",
    "صواريخ",
    "مسيرات",
    "ملاحة",
    "تجارة",
    "استثمار",
    "تضخم",
    "عملة",
    "انتخابات",
    "برلمان",
    "احتجاجات",
    "لاجئين",
    "مساعدات",
    "إعمار",
    "مياه",
    "مناخ",
    "جفاف",
    "زراعة",
    "إرهاب",
    "تمرد",
    "استخبارات",
    "تعاون",
    "تطبيع",
    "سلام",
    "محادثات",
    "نفوذ",
    "وكلاء",
    "قيادة",
    "خلافة",
    "قوات",
    "قاعدة",
    "انتشار",
    "إدارة",
    "كونغرس",
    "تشريع",
    "رقابة",
    "ميزانية",
    "شركاء",
    "ضغط",
    "تصعيد",
    "احتواء",
    "انخراط",
    "انتقال",
    "استقرار",
    "أزمة",
    "فساد",
    "محاسبة",
    "محاكم",
    "دستور",
    "أقليات",
    "عشائر",
    "شبكات",
    "تمويل",
    "مصارف",
    "تهريب",
    "أسلحة",
    "موانئ",
]
FIRST_NAMES = [
    "Omer",
    "Dana",
    "Michael",
    "Sarah",
    "Hanin",
    "Matthew",
    "Barbara",
    "Grant",
    "Aaron",
    "Elizabeth",
    "David",
    "Noam",
    "Katherine",
    "Ehud",
    "Farzin",
    "Bilal",
    "Zineb",
    "Ido",
    "Louis",
    "Simon",
    "Patrick",
    "Anna",
    "Yasmin",
    "Robert",
    "Leila",
    "Karim",
    "Natalie",
    "Jonathan",
    "Mariam",
    "Samuel",
    "Rana",
    "Thomas",
    "Nadia",
    "Adam",
]
LAST_NAMES = [
    "Carmi",
    "Stroul",
    "Knights",
    "Feldman",
    "Ghaddar",
    "Levitt",
    "Leaf",
    "Rumley",
    "Zelin",
    "Dent",
    "Schenker",
    "Yaari",
    "Bauer",
    "Nadimi",
    "Wahab",
    "Riboua",
    "Zysk",
    "Dumas",
    "Henderson",
    "Clawson",
    "Borshchevskaya",
    "Pollock",
    "Saab",
    "Eisenstadt",
    "Jeffrey",
    "Orion",
    "Cook",
    "Pletka",
    "Lovatt",
    "Hamid",
    "Tabler",
    "Maher",
]
AR_FIRST = [
    "عمر",
    "دانا",
    "ميخائيل",
    "سارة",
    "حنين",
    "ماثيو",
    "باربرا",
    "غرانت",
    "آرون",
    "إليزابيث",
    "داوود",
    "نوعم",
]
AR_LAST = [
    "كرمي",
    "سترول",
    "نايتس",
    "فيلدمان",
    "غدار",
    "ليفيت",
    "ليف",
    "رملي",
    "زيلين",
    "دنت",
    "شينكر",
    "يعاري",
]
TITLES = (
    "Senior Fellow",
    "Distinguished Fellow",
    "Research Fellow",
    "Adjunct Fellow",
    "Director of the Program on Energy",
    "Visiting Fellow",
)
TITLES_AR = ("زميل أول", "زميل متميز", "زميل باحث", "زميل مشارك", "مدير البرنامج")
TOPIC_ROOTS = (
    "Arab and Islamic Politics",
    "Democracy and Reform",
    "Energy and Economics",
    "Gulf and Energy Policy",
    "Military and Security",
    "Peace Process",
    "Proliferation",
    "Terrorism",
    "U.S. Policy",
    "Great Power Competition",
)
REGION_ROOTS = (
    "Arab and Islamic States",
    "Gulf States",
    "Levant",
    "North Africa",
    "Iran",
    "Israel",
    "Turkey",
    "Central Asia",
)
#: Article types by slug, and their share of the archive.
TYPE_SHARES = {
    "brief-analysis": 55,
    "op-ed": 20,
    "policy-note": 8,
    "in-depth-report": 5,
    "testimony": 4,
    "maps-graphics": 8,
}
#: Statuses and their share (the rest of the archive is published).
STATUS_SHARES = {
    Status.PUBLISHED: 900,
    Status.DRAFT: 40,
    Status.IN_REVIEW: 15,
    Status.CHANGES_REQUESTED: 5,
    Status.APPROVED: 5,
    Status.SCHEDULED: 15,
    Status.ARCHIVED: 20,
}
#: Share of articles with an Arabic version, with editor's picks.
ARABIC_SHARE, PICKS_SHARE = 0.35, 0.05


def scaled(total_articles: int, full: int, floor: int) -> int:
    """How many of a kind an archive of ``total_articles`` has (``full`` at ``FULL_SIZE``)."""
    return max(floor, min(full, math.ceil(full * total_articles / FULL_SIZE * 10)))


@dataclass
class Generated:
    """What a run wrote."""

    articles: int = 0
    experts: int = 0
    topics: int = 0
    regions: int = 0
    authorships: int = 0
    rail_rows: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def generate(
    articles: int,
    *,
    seed: int = 1,
    rails_: bool = True,
    search: bool = True,
    progress: Callable[[str], None] = lambda _message: None,
) -> Generated:
    """Add ``articles`` articles (and the experts, topics and regions they need); see the module's doc."""
    clock = _Clock()
    rng = random.Random(f"{seed}:{Article._base_manager.count()}")
    done = Generated()
    total = Article._base_manager.count() + articles
    with transaction.atomic():
        topics = _ensure_terms(
            Topic, "topic", TOPIC_ROOTS, scaled(total, MAX_TOPICS, 4), rng, done
        )
        regions = _ensure_terms(
            Region, "region", REGION_ROOTS, scaled(total, MAX_REGIONS, 3), rng, done
        )
        experts = _ensure_experts(
            scaled(total, MAX_EXPERTS, 5), topics, regions, rng, done
        )
        clock.lap("people and terms", done.seconds)
        writer = _ArticleWriter(rng, experts, topics, regions)
        first = (
            Article._base_manager.order_by("-pk").values_list("pk", flat=True).first()
            or 0
        )
        written = 0
        while written < articles:
            size = min(BATCH, articles - written)
            writer.write(first + written, size, done)
            written += size
            progress(f"{written} articles written")
        clock.lap("articles", done.seconds)
    new_ids = list(
        Article._base_manager.filter(pk__gt=first).values_list("pk", flat=True)
    )
    if search:
        for start in range(0, len(new_ids), 1_000):
            update_search_vectors(new_ids[start : start + 1_000])
        clock.lap("search vectors", done.seconds)
    if rails_:
        if first:
            rails.refresh(new_ids)
        else:
            rails.rebuild()
        clock.lap("rails", done.seconds)
    _analyze()
    clock.lap("statistics", done.seconds)
    pagecache.bump()
    return done


def _analyze() -> None:
    """Fresh planner statistics (and on PostgreSQL, a visibility map for index-only scans)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


class _Clock:
    def __init__(self):
        self.last = timezone.now()

    def lap(self, name, into):
        now = timezone.now()
        into[name] = (now - self.last).total_seconds()
        self.last = now


#: The languages of the word lists below.
EN, AR = "en", "ar"


def _in(language_code, **values) -> dict:
    """``values`` as the columns of ``language_code``: ``_in(AR, name=…) == {"name_ar": …}``."""
    return {localized(name, language_code): value for name, value in values.items()}


def _words(rng, vocabulary, count) -> str:
    return " ".join(rng.choices(vocabulary, k=count))


def _ensure_terms(model, kind, roots, wanted, rng, done) -> list:
    """At least ``wanted`` terms of ``model``: the roots, then children spread among them."""
    existing = list(model.objects.order_by("pk"))
    missing = wanted - len(existing)
    if missing > 0:
        base = len(existing)
        fresh = []
        root_names = [
            name
            for name in roots
            if name not in {getattr(t, localized("name", EN)) for t in existing}
        ]
        for n in range(missing):
            number = base + n + 1
            is_root = n < len(root_names) and n < max(1, wanted // 5)
            name = (
                root_names[n]
                if is_root
                else f"{kind.title()} {number} {_words(rng, EN_WORDS, 1).title()}"
            )
            fresh.append(
                model(
                    **_in(EN, name=name),
                    **_in(AR, name=f"{_words(rng, AR_WORDS, 2)} {number}"),
                    name=name,
                    slug=f"{kind}-{number}",
                    description=f"Analysis of {name.lower()}.",
                    sort_order=number,
                )
            )
        model.objects.bulk_create(fresh, batch_size=BATCH)
        created = list(model.objects.filter(slug__in=[t.slug for t in fresh]))
        parents = [t for t in [*existing, *created] if t.parent_id is None][
            : max(1, wanted // 5)
        ]
        children = [t for t in created if t not in parents]
        for term in children:
            term.parent = rng.choice(parents)
        model.objects.bulk_update(children, ["parent"], batch_size=BATCH)
        setattr(done, f"{kind}s", len(created))
        existing += created
    return existing


def _ensure_experts(wanted, topics, regions, rng, done) -> list[Expert]:
    existing = list(Expert.objects.order_by("pk"))
    missing = wanted - len(existing)
    if missing > 0:
        base = len(existing)
        fresh = []
        for n in range(missing):
            number = base + n + 1
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            name = f"{first} {last} {number}"
            status = rng.choices(
                [ExpertStatus.CURRENT, ExpertStatus.FORMER, ExpertStatus.EMERITUS],
                weights=[80, 17, 3],
            )[0]
            start = rng.randint(1990, 2024)
            fresh.append(
                Expert(
                    # In the order of the random draws.
                    name=name,
                    **_in(EN, name=name),
                    **_in(
                        AR,
                        name=f"{rng.choice(AR_FIRST)} {rng.choice(AR_LAST)} {number}",
                    ),
                    sort_name=f"{last} {number}, {first}",
                    slug=f"{first}-{last}-{number}".lower(),
                    has_profile=rng.random() < 0.95,
                    **_in(EN, titles="\n".join(rng.sample(TITLES, 2))),
                    **_in(AR, titles="\n".join(rng.sample(TITLES_AR, 2))),
                    titles="",
                    **_in(
                        EN,
                        short_bio=f"{name} is a fellow who studies {_words(rng, EN_WORDS, 3)}.",
                    ),
                    **_in(AR, short_bio=f"باحث يدرس {_words(rng, AR_WORDS, 3)}."),
                    **_in(EN, bio=f"<p>{_words(rng, EN_WORDS, 60)}.</p>"),
                    **_in(AR, bio=f"<p>{_words(rng, AR_WORDS, 40)}.</p>"),
                    status=status,
                    affiliation_start=start,
                    affiliation_end=(
                        None
                        if status == ExpertStatus.CURRENT
                        else rng.randint(start, 2026)
                    ),
                )
            )
        Expert.objects.bulk_create(fresh, batch_size=BATCH)
        created = list(Expert.objects.filter(slug__in=[e.slug for e in fresh]))
        topic_links, region_links = [], []
        for expert in created:
            for topic in rng.sample(topics, min(len(topics), rng.randint(1, 3))):
                topic_links.append(
                    Expert.topics.through(expert_id=expert.pk, topic_id=topic.pk)
                )
            for region in rng.sample(regions, min(len(regions), rng.randint(1, 2))):
                region_links.append(
                    Expert.regions.through(expert_id=expert.pk, region_id=region.pk)
                )
        Expert.topics.through.objects.bulk_create(topic_links, batch_size=BATCH)
        Expert.regions.through.objects.bulk_create(region_links, batch_size=BATCH)
        done.experts = len(created)
        existing += created
    return existing


class _ArticleWriter:
    """Writes articles in batches, with their bylines, terms and picks."""

    def __init__(self, rng, experts, topics, regions):
        self.rng = rng
        self.now = timezone.now()
        self.types = {t.slug: t for t in ArticleType.objects.all()}
        shares = {slug: w for slug, w in TYPE_SHARES.items() if slug in self.types}
        self.type_slugs, self.type_weights = list(shares), list(shares.values())
        self.statuses, self.status_weights = (
            list(STATUS_SHARES),
            list(STATUS_SHARES.values()),
        )
        self.experts = experts
        # A few prolific authors write much of the archive (Zipf-like shares).
        self.expert_weights = _cumulative(0.5, len(experts))
        self.snapshots = {expert.pk: snapshot_of(expert) for expert in experts}
        self.topics, self.regions = topics, regions
        self.topic_weights = _cumulative(0.3, len(topics))
        self.region_weights = _cumulative(0.3, len(regions))
        self.published_so_far: list[int] = list(
            Article.objects.published()
            .order_by("-pk")
            .values_list("pk", flat=True)[:500]
        )

    def _article(self, number) -> Article:
        rng = self.rng
        slug_type = rng.choices(self.type_slugs, weights=self.type_weights)[0]
        article_type = self.types[slug_type]
        status = rng.choices(self.statuses, weights=self.status_weights)[0]
        if status == Status.SCHEDULED:
            published_at = self.now + timedelta(hours=rng.randint(1, 24 * 30))
        elif status in (Status.PUBLISHED, Status.ARCHIVED):
            published_at = self.now - timedelta(
                minutes=rng.randint(1, YEARS * 365 * 24 * 60)
            )
        else:
            published_at = None
        title_words = rng.choices(EN_WORDS, k=rng.randint(5, 9))
        title = " ".join(title_words).capitalize()
        fields = {
            "type": article_type,
            "published_at": published_at,
            "title": title,
            "slug": f"{'-'.join(title_words[:6])}-{number}",
            **_in(
                EN,
                title=title,
                subtitle=_words(rng, EN_WORDS, 8).capitalize(),
                slug=f"{'-'.join(title_words[:6])}-{number}",
                summary=f"{_words(rng, EN_WORDS, 30).capitalize()}.",
                body="".join(
                    f"<p>{_words(rng, EN_WORDS, rng.randint(40, 90)).capitalize()}.</p>"
                    for _ in range(rng.randint(3, 7))
                ),
            ),
        }
        languages = {EN: status != Status.DRAFT or rng.random() < 0.5}
        if rng.random() < ARABIC_SHARE:
            fields.update(
                _in(
                    AR,
                    title=_words(rng, AR_WORDS, rng.randint(5, 9)),
                    subtitle=_words(rng, AR_WORDS, 8),
                    slug=f"tahlil-{number}",
                    summary=f"{_words(rng, AR_WORDS, 30)}.",
                    body="".join(
                        f"<p>{_words(rng, AR_WORDS, rng.randint(40, 90))}.</p>"
                        for _ in range(rng.randint(3, 6))
                    ),
                )
            )
            languages[AR] = True
        if article_type.kind == TypeKind.OP_ED:
            fields.update(
                outlet_name=rng.choice(["Foreign Policy", "The Hill", "Al Majalla"]),
                outlet_url=(
                    f"https://outlet.example/{number}" if rng.random() < 0.7 else ""
                ),
            )
        elif article_type.kind == TypeKind.REPORT:
            fields.update(
                series=getattr(article_type, localized("name", EN)),
                series_number=number,
                page_count=rng.randint(10, 120),
            )
        elif article_type.kind == TypeKind.TESTIMONY:
            fields.update(venue="House Committee on Foreign Affairs")
        # An archived piece was published before it was archived: its first
        # publication is noted as it was published (bulk_create skips save()).
        article = Article(
            **fields,
            status=Status.PUBLISHED if status == Status.ARCHIVED else status,
        )
        article.note_first_publication()
        article.status = status
        for code, published in languages.items():
            article.publish_in(code, published)
        return article

    def write(self, first_number, size, done: Generated) -> None:
        rng = self.rng
        batch = [self._article(first_number + n + 1) for n in range(size)]
        Article.objects.bulk_create(batch, batch_size=BATCH)
        authorships, topic_links, region_links, picks = [], [], [], []
        topic_through, region_through = Article.topics.through, Article.regions.through
        for article in batch:
            authors = _distinct(
                rng,
                self.experts,
                self.expert_weights,
                rng.choices([1, 1, 1, 2, 2, 3])[0],
            )
            frozen = article.first_published_at is not None
            authorships += [
                Authorship(
                    article_id=article.pk,
                    expert_id=expert.pk,
                    order=order,
                    frozen=self.snapshots[expert.pk] if frozen else {},
                )
                for order, expert in enumerate(authors)
            ]
            for topic in _distinct(
                rng, self.topics, self.topic_weights, rng.choices([1, 1, 2, 2, 3])[0]
            ):
                topic_links.append(
                    topic_through(article_id=article.pk, topic_id=topic.pk)
                )
            for region in _distinct(
                rng, self.regions, self.region_weights, rng.choices([0, 1, 1, 1, 2])[0]
            ):
                region_links.append(
                    region_through(article_id=article.pk, region_id=region.pk)
                )
            if self.published_so_far and rng.random() < PICKS_SHARE:
                chosen = rng.sample(
                    self.published_so_far,
                    min(len(self.published_so_far), rng.randint(1, 3)),
                )
                picks += [
                    Recommendation(
                        article_id=article.pk, recommended_id=pk, order=order
                    )
                    for order, pk in enumerate(chosen)
                ]
            if article.status == Status.PUBLISHED:
                self.published_so_far.append(article.pk)
        self.published_so_far = self.published_so_far[-500:]
        Authorship.objects.bulk_create(authorships, batch_size=BATCH)
        topic_through.objects.bulk_create(topic_links, batch_size=BATCH)
        region_through.objects.bulk_create(region_links, batch_size=BATCH)
        Recommendation.objects.bulk_create(picks, batch_size=BATCH)
        done.articles += len(batch)
        done.authorships += len(authorships)


def _cumulative(exponent: float, size: int) -> list[float]:
    """Cumulative Zipf-like weights: the ``rank``-th of ``size`` weighs ``1 / rank ** exponent``."""
    return list(
        itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(size))
    )


def _distinct(rng, population, cum_weights, count) -> list:
    """``count`` distinct members of ``population`` drawn by ``cum_weights``."""
    count = min(count, len(population))
    chosen = {}
    while len(chosen) < count:
        item = rng.choices(population, cum_weights=cum_weights)[0]
        chosen[item.pk] = item
    return list(chosen.values())
