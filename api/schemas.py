"""The shapes of the API's documents, for the OpenAPI schema (and checked on the way out)."""

from ninja import Schema


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str | None = None
    parameter: str | None = None


class Source(Schema):
    type: str
    srcset: str


class Renditions(Schema):
    src: str
    srcset: str
    sizes: str
    width: int
    height: int
    sources: list[Source]


class LeadImage(Schema):
    alt: str
    caption: str
    credit: str
    decorative: bool
    renditions: Renditions | None


class ArticleType(Schema):
    slug: str
    name: str
    plural: str
    kind: str


class AuthorLink(Schema):
    slug: str
    name: str
    url: str | None
    api_url: str | None


class Translation(Schema):
    url: str
    api_url: str
    title: str


class ArticleCard(Schema):
    id: int
    slug: str
    url: str
    api_url: str
    type: ArticleType
    title: str
    subtitle: str
    summary: str
    series: str
    series_number: int | None
    series_label: str
    published_at: str
    authors: list[AuthorLink]
    lead_image: LeadImage | None
    translations: dict[str, Translation]


class RailCard(Schema):
    id: int
    slug: str
    url: str
    api_url: str
    type: ArticleType
    title: str
    subtitle: str
    published_at: str
    authors: list[AuthorLink]
    lead_image: LeadImage | None


class FrozenByline(Schema):
    name: str
    titles: str
    short_bio: str


class BylineEntry(AuthorLink):
    titles: list[str]
    short_bio: str
    headshot: Renditions | None
    frozen: FrozenByline | None


class TermLink(Schema):
    slug: str
    name: str
    url: str
    api_url: str


class Term(TermLink):
    description: str
    kind: str
    parent: str | None
    children: list[str]


class OpEd(Schema):
    outlet: str
    url: str
    date_text: str


class Testimony(Schema):
    venue: str
    hearing_date: str | None


class Pdf(Schema):
    url: str
    size: int | None


class Report(Schema):
    page_count: int | None
    pdf: Pdf | None


class Citation(Schema):
    authors: list[str]
    title: str
    date: str
    publisher: str
    container: str
    url: str
    chicago: str
    apa: str
    bibtex_url: str
    ris_url: str


class ArticleDetail(ArticleCard):
    body: str
    author_note: str
    first_published_at: str | None
    updated_in_source_language_at: str | None
    byline: list[BylineEntry]
    topics: list[TermLink]
    regions: list[TermLink]
    op_ed: OpEd | None
    testimony: Testimony | None
    report: Report | None
    pdf: Pdf | None
    canonical_url: str
    citation: Citation
    recommended: list[RailCard]


class ArticlePage(Schema):
    language: str
    items: list[ArticleCard]
    next: str | None
    next_cursor: str | None


class ExpertSummary(AuthorLink):
    sort_name: str
    titles: list[str]
    status: str
    status_line: str
    short_bio: str
    headshot: Renditions | None


class ExpertPage(Schema):
    language: str
    items: list[ExpertSummary]
    next: str | None
    next_cursor: str | None


class ExpertDetail(ExpertSummary):
    portrait: Renditions | None
    links: dict[str, str]
    topics: list[TermLink]
    regions: list[TermLink]
    publications: list[ArticleCard]
    publications_url: str
    publications_api_url: str


class TermList(Schema):
    language: str
    items: list[Term]


class TypeList(Schema):
    language: str
    items: list[ArticleType]
