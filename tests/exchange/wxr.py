"""A WordPress export (WXR) written by the tests: items as dicts, the XML as WordPress writes it."""

from xml.sax.saxutils import escape

SITE = "https://old.example.org"


def _cdata(text) -> str:
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def item(
    post_id,
    title,
    *,
    type="post",
    status="publish",
    name=None,
    content="",
    excerpt="",
    date="2021-03-04 10:30:00",
    date_gmt="2021-03-04 15:30:00",
    creator="jdoe",
    parent=0,
    sticky=False,
    terms=(),
    meta=None,
    link=None,
    attachment_url="",
    password="",
) -> str:
    name = name if name is not None else title.lower().replace(" ", "-")
    if link is None:
        link = (
            f"{SITE}/{date[:10].replace('-', '/')}/{name}/"
            if type == "post"
            else f"{SITE}/{name}/"
        )
    categories = "".join(
        f'<category domain="{d}" nicename="{s}">{_cdata(n)}</category>'
        for d, s, n in terms
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{_cdata(k)}</wp:meta_key>"
        f"<wp:meta_value>{_cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    return f"""
<item>
  <title>{escape(title)}</title>
  <link>{escape(link)}</link>
  <guid isPermaLink="false">{SITE}/?p={post_id}</guid>
  <dc:creator>{_cdata(creator)}</dc:creator>
  <content:encoded>{_cdata(content)}</content:encoded>
  <excerpt:encoded>{_cdata(excerpt)}</excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date>{_cdata(date)}</wp:post_date>
  <wp:post_date_gmt>{_cdata(date_gmt)}</wp:post_date_gmt>
  <wp:post_name>{_cdata(name)}</wp:post_name>
  <wp:status>{_cdata(status)}</wp:status>
  <wp:post_parent>{parent}</wp:post_parent>
  <wp:menu_order>0</wp:menu_order>
  <wp:post_type>{_cdata(type)}</wp:post_type>
  <wp:is_sticky>{1 if sticky else 0}</wp:is_sticky>
  <wp:post_password>{_cdata(password)}</wp:post_password>
  {f"<wp:attachment_url>{_cdata(attachment_url)}</wp:attachment_url>" if attachment_url else ""}
  {categories}{metas}
</item>"""


def export(items, *, version="1.2", authors=None, terms="", doctype="") -> str:
    authors = (
        authors
        if authors is not None
        else [
            ("1", "jdoe", "jane@example.org", "Jane Doe"),
            ("2", "omar", "omar@example.org", "Omar Haddad"),
        ]
    )
    people = "".join(
        f"<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{_cdata(login)}</wp:author_login>"
        f"<wp:author_email>{_cdata(email)}</wp:author_email>"
        f"<wp:author_display_name>{_cdata(name)}</wp:author_display_name></wp:author>"
        for i, login, email, name in authors
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>{doctype}
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Old Institute</title>
  <link>{SITE}</link>
  <language>en-US</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{SITE}</wp:base_site_url>
  <wp:base_blog_url>{SITE}</wp:base_blog_url>
  {people}
  {terms}
  {"".join(items)}
</channel>
</rss>
"""


def category(term_id, slug, name, parent=""):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{_cdata(slug)}</wp:category_nicename>"
        f"<wp:category_parent>{_cdata(parent)}</wp:category_parent>"
        f"<wp:cat_name>{_cdata(name)}</wp:cat_name></wp:category>"
    )


def tag(term_id, slug, name):
    return (
        f"<wp:tag><wp:term_id>{term_id}</wp:term_id><wp:tag_slug>{_cdata(slug)}</wp:tag_slug>"
        f"<wp:tag_name>{_cdata(name)}</wp:tag_name></wp:tag>"
    )
