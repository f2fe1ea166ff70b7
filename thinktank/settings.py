"""
Settings for thinktank, read from the environment; every variable is optional.

Locally set ``DJANGO_DEBUG=1``. ``DATABASE_URL=postgres://...`` switches from the
SQLite file to PostgreSQL. The README lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"


def _secret_key() -> str:
    """DJANGO_SECRET_KEY, or the first line of the file DJANGO_SECRET_KEY_FILE names."""
    if key := os.environ.get("DJANGO_SECRET_KEY"):
        return key
    if path := os.environ.get("DJANGO_SECRET_KEY_FILE"):
        return Path(path).read_text().strip()
    return "django-insecure-dev-only"


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = os.environ.get(
    "DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver"
).split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get(
    "DJANGO_SITE_NAME", "The Meridian Institute for Near East Policy"
)
# The institute's name in the other languages (core.i18n.site_name()):
# the publisher in that language's citations. SITE_NAME stands in for a
# language without one.
SITE_NAMES = {
    "ar": os.environ.get("DJANGO_SITE_NAME_AR", "معهد ميريديان لسياسة الشرق الأدنى"),
}

# The footer's contact details and links to the institute's accounts
# elsewhere. DJANGO_SOCIAL_LINKS: comma-separated "Name=https://…" pairs.
SITE_CONTACT = {
    "email": os.environ.get("DJANGO_CONTACT_EMAIL", "info@meridian.example"),
    "phone": os.environ.get("DJANGO_CONTACT_PHONE", "+1 202 555 0143"),
    # The postal address in each language (the default language's stands in).
    "address": {
        "en": os.environ.get(
            "DJANGO_CONTACT_ADDRESS", "1828 L Street NW, Washington, DC 20036"
        ),
        "ar": os.environ.get(
            "DJANGO_CONTACT_ADDRESS_AR", "1828 شارع إل، شمال غرب، واشنطن العاصمة 20036"
        ),
    },
}
SOCIAL_LINKS = [
    tuple(pair.split("=", 1))
    for pair in os.environ.get(
        "DJANGO_SOCIAL_LINKS",
        "X=https://x.com/meridian_inst,LinkedIn=https://www.linkedin.com/company/meridian-institute,YouTube=https://www.youtube.com/@meridianinstitute",
    ).split(",")
    if "=" in pair
]

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes first.
    "modeltranslation",
    "thinktank.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # SearchVectorField and GinIndex of the search entries (articles).
    "django.contrib.postgres",
    "django_prose_editor",
    # The task queue (a table) and its worker, ``manage.py db_worker``.
    "django_tasks_db",
    # Sign-in throttling and lockout; one-time passwords for staff.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The read API's framework (api); listed, its documentation page is
    # drawn from its own static files, never a CDN.
    "ninja",
    # The project's own apps, bottom layer first (docs/architecture.md).
    "core",
    "library",
    "history",
    "taxonomy",
    "pages",
    "experts",
    "articles",
    "newsletter",
    "api",
    "workflow",
    "exchange",
    "thinktank",
]

MIDDLEWARE = [
    # A request id in every log line and the X-Request-ID response header.
    "core.logs.RequestIdMiddleware",
    # Refuses a body larger than the limits before anything reads it.
    "core.security.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # /api/: CORS, the rate limit, 304s and cached bodies by the content
    # generation (the page cache below leaves /api/ to it).
    "api.middleware.ApiMiddleware",
    # Anonymous readers are served from here when nothing changed since.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A full media disk answers 507 with a clear message.
    "core.storage.StorageFullMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Moved pages: a 404 whose path has a Redirect answers 301 instead.
    "core.redirects.RedirectFallbackMiddleware",
    # Locks out a user or address after repeated failed sign-ins (last, as
    # django-axes asks).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user or address before the password is hashed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# bench.urls adds the floor view the benchmarks compare with (docs/performance.md).
ROOT_URLCONF = os.environ.get("DJANGO_ROOT_URLCONF", "thinktank.urls")
WSGI_APPLICATION = "thinktank.wsgi.application"

# The public site's templates are Jinja2 (templates/site/, environment in
# thinktank/jinja2.py), which renders them in about half the time Django's
# template language took. Jinja2 comes first, so that public names ("base.html",
# "components/byline.html") are found there; it only looks in templates/site/,
# so it never reads the admin's templates, and Django's never asks for a name
# under site/. Django's template language serves the admin (templates/admin/,
# the apps' templates). Compiled templates are kept per process (checked for
# changes only with DEBUG).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "site"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "thinktank.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "thinktank.context_processors.site",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thinktank.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections in production (a new one per request costs
        # more than the article page's queries), checked before each reuse.
        conn_max_age=int(
            os.environ.get("DJANGO_CONN_MAX_AGE", "0" if DEBUG else "600")
        ),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. A transaction that reads, then writes
    # fails at once ("database is locked") if another wrote meanwhile; one
    # that takes the write lock as it begins waits for its turn instead (up
    # to the timeout), so simultaneous saves are refused as edit conflicts.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20
    )
elif os.environ.get("DJANGO_DB_SERVER_SIDE_BINDING", "1") == "1":
    # PostgreSQL: parameters bound by the server, and a statement run
    # repeatedly on a connection (5 times: psycopg's threshold) prepared there,
    # so that PostgreSQL plans it once (planning cost more than running the
    # article page's queries). Django leaves statements unprepared unless
    # OPTIONS names a threshold. Turn both off behind a pooler in transaction
    # mode (PgBouncer), which cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )

# How the reads behind the public pages load a field they did not select
# (core.fetching): Django's default here; the tests raise instead, so that a
# lazy load (an N+1 query) on a page fails the test run.
PAGE_FETCH_MODE = "FETCH_ONE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The first entry is the default and has no URL prefix. Adding a
# language is a change here followed by ``manage.py makemigrations`` (the
# translated columns are generated from this list); see the README.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
]
LANGUAGES_BIDI = ["ar", "fa", "he", "ur"]
# PostgreSQL's text-search configuration for each language's search entries
# (stemming, stop words); a language without one uses "simple". Changing one
# takes `manage.py update_search_index`.
SEARCH_CONFIGS = {"en": "english", "ar": "arabic"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/New_York")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_AUTO_POPULATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# The Arabic typefaces are installed from npm by `make setup` (package.json),
# never committed, and served from this site like any static file.
ARABIC_FONTS = ("noto-naskh-arabic", "noto-sans-arabic")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    *(
        (f"fonts/{name}", BASE_DIR / "node_modules" / "@fontsource" / name / "files")
        for name in ARABIC_FONTS
    ),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Media: the folder MEDIA_ROOT, served by core.media.serve_media (or by
# the front server: DJANGO_MEDIA_ACCEL, docs/operations.md); or an S3 bucket
# when DJANGO_S3_BUCKET is set (django-storages; endpoint, region and keys
# from the environment, so any S3-compatible store serves).
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
MEDIA_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", ""),
            # Names are derived from the content: never overwrite another file.
            "file_overwrite": False,
            "querystring_auth": os.environ.get("DJANGO_S3_SIGNED_URLS", "") == "1",
            "default_acl": None,
            "object_parameters": {
                "CacheControl": "public, max-age=31536000, immutable"
            },
        },
    }
    if S3_BUCKET
    # Files appear whole or not at all (a full disk leaves no half file).
    else {"BACKEND": "core.storage.MediaStorage"}
)
#: How the front server is asked to send a media file: "" (streamed by
#: Django), "nginx:<internal prefix>" (X-Accel-Redirect) or "sendfile"
#: (X-Sendfile, Apache and lighttpd).
MEDIA_ACCEL = os.environ.get("DJANGO_MEDIA_ACCEL", "")
#: Browsers and CDNs keep a media file this long (stored names change with
#: the content; renditions may be rebuilt under their name).
MEDIA_CACHE_MAX_AGE = int(os.environ.get("DJANGO_MEDIA_CACHE_MAX_AGE", "86400"))
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": os.environ.get(
            "DJANGO_STATICFILES_STORAGE",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Content Security Policy: nothing is loaded from another origin. Inline
# scripts and styles run only with the request's nonce (the admin's import map
# for the prose editor, for one).
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", CSP.NONCE],
    "style-src": ["'self'", CSP.NONCE],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    # No page of the site is shown in a frame, its own included.
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Rich text may embed pages from these hosts only (core.richtext): charts from
# Datawrapper and Flourish, YouTube's privacy-enhanced player. Frames from
# anywhere else are refused when written and blocked by the browser.
RICHTEXT_EMBED_HOSTS = os.environ.get(
    "DJANGO_EMBED_HOSTS", "datawrapper.dwcdn.net flo.uri.sh www.youtube-nocookie.com"
).split()
# The editor saves the draft being written this often (seconds; 0: never).
RICHTEXT_AUTOSAVE_SECONDS = int(os.environ.get("DJANGO_AUTOSAVE_SECONDS", "30"))
# The rich-text editor's own extensions (static/js/richtext-editor.js). What
# they may store is core.richtext's allow-list, not the package's.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/richtext-editor.js")],
        "extensions": {
            name: html_tags([])
            for name in (
                "InternalLink",
                "Notes",
                "LibraryFigure",
                "Embed",
                "WritingAids",
            )
        },
    }
]
SECURE_CSP["frame-src"] = [f"https://{host}" for host in RICHTEXT_EMBED_HOSTS] or [
    "'none'"
]
# Media from a bucket (or its CDN) come from that origin.
MEDIA_ORIGIN = os.environ.get("DJANGO_MEDIA_ORIGIN") or (
    f"https://{MEDIA_STORAGE['OPTIONS']['custom_domain']}"
    if S3_BUCKET and MEDIA_STORAGE["OPTIONS"]["custom_domain"]
    else (MEDIA_STORAGE["OPTIONS"]["endpoint_url"] or "https://*.amazonaws.com")
    if S3_BUCKET
    else ""
)
if MEDIA_ORIGIN:
    SECURE_CSP["img-src"].append(MEDIA_ORIGIN)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
#: Browser features no page of the site uses (core.security.SecurityHeadersMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# HTTPS. Off with DJANGO_DEBUG=1, on otherwise: the session and CSRF cookies
# are sent over HTTPS only (browsers treat http://localhost and 127.0.0.1 as
# secure, so `make serve` still signs in locally). DJANGO_HTTPS=0 for a site
# served over plain HTTP only.
HTTPS = os.environ.get("DJANGO_HTTPS", "0" if DEBUG else "1") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Behind a front server that terminates TLS and sets X-Forwarded-Proto
# (deploy/nginx.conf): only then may the header be trusted.
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = (
    os.environ.get("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
)
SECURE_HSTS_PRELOAD = os.environ.get("DJANGO_SECURE_HSTS_PRELOAD", "") == "1"
SILENCED_SYSTEM_CHECKS = []
if not SECURE_SSL_REDIRECT:
    # The front server redirects http:// to https:// (deploy/nginx.conf);
    # Django does when DJANGO_SECURE_SSL_REDIRECT=1.
    SILENCED_SYSTEM_CHECKS.append("security.W008")
if not SECURE_HSTS_PRELOAD:
    # Joining the browsers' preload list cannot be undone quickly: it is the
    # operator's choice (DJANGO_SECURE_HSTS_PRELOAD=1), not a default.
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins
# for one user name from one address, both are refused for the cool-off,
# before the password is hashed (the hashing is what a flood costs). Keyed
# on the pair, so that an attacker cannot lock a colleague out from another
# address. The address is the peer's, or the one X-Forwarded-For names
# when DJANGO_PROXY_COUNT says how many proxies stand in front.
AXES_ENABLED = os.environ.get("DJANGO_AXES_ENABLED", "1") == "1"
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "core.security.client_address"
#: Proxies in front of gunicorn that append to X-Forwarded-For (0: none, the
#: peer's address is the client's).
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["DJANGO_REDIS_URL"],
            # A stopped or unreachable Redis fails fast: pages are then
            # served uncached (core/pagecache.py), never held up.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
        if os.environ.get("DJANGO_REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The readers' page cache (core/pagecache.py): never older than the last
# published change, in every process; Cache-Control lets a CDN keep a page
# MAX_AGE seconds and serve it STALE_WHILE_REVALIDATE seconds more while it
# asks again.
#: How many addresses the 404 log keeps (core.notfound), the least recently seen
#: going first.
NOT_FOUND_LOG_SIZE = int(os.environ.get("DJANGO_NOT_FOUND_LOG_SIZE", "5000"))

PAGE_CACHE = {
    "ENABLED": os.environ.get("DJANGO_PAGE_CACHE", "1") == "1",
    "ALIAS": "default",
    "TIMEOUT": int(os.environ.get("DJANGO_PAGE_CACHE_TIMEOUT", "3600")),
    "MAX_AGE": int(os.environ.get("DJANGO_PAGE_CACHE_MAX_AGE", "60")),
    "STALE_WHILE_REVALIDATE": int(
        os.environ.get("DJANGO_PAGE_CACHE_STALE_WHILE_REVALIDATE", "30")
    ),
    # Never cached, whoever asks: the admin (in any language), share links.
    # Media files and the health check are not pages.
    "EXCLUDE": [
        r"^/(?:[a-z]{2}/)?admin/",
        r"^/share/",
        r"^/i18n/",
        r"^/media/",
        r"^/healthz$",
        # The read API keeps its own (api.middleware): by the same generation,
        # after the rate limit.
        r"^/api/",
    ],
}

#: The read API (api, docs/api.md).
API = {
    # Origins whose pages may read the API from the browser (CORS), comma-separated.
    "CORS_ORIGINS": [
        origin.strip()
        for origin in os.environ.get("DJANGO_API_CORS_ORIGINS", "").split(",")
        if origin.strip()
    ],
    # Requests per window: anonymous clients (by address), clients with a key.
    "RATE_ANONYMOUS": int(os.environ.get("DJANGO_API_RATE_ANONYMOUS", "60")),
    "RATE_KEY": int(os.environ.get("DJANGO_API_RATE_KEY", "1200")),
    "RATE_WINDOW": int(os.environ.get("DJANGO_API_RATE_WINDOW", "60")),
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
}

EMAIL_BACKEND_NAME = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    # Printed in development; sent through a mail server (DJANGO_EMAIL_HOST,
    # localhost:25 by default) otherwise.
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_NAME,
        "OPTIONS": (
            {
                "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
                "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
                "use_tls": os.environ.get("DJANGO_EMAIL_USE_TLS", "") == "1",
                "timeout": 20,
            }
            if EMAIL_BACKEND_NAME.endswith(".smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "editors@localhost")

LOGIN_URL = "admin:login"

# Logs go to standard error, one JSON object a line (DJANGO_LOG_FORMAT=json,
# the default without DJANGO_DEBUG=1) or plain text; each line of a request
# carries its id (core/logs.py), which the response's X-Request-ID and
# gunicorn's access log repeat.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(request_id)s %(message)s",
            # ISO 8601 in UTC, whatever the institute's time zone.
            "timestamp": "time",
            "rename_fields": {
                "levelname": "level",
                "name": "logger",
            },
        },
        "text": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
    },
    # One line per task state would drown `make run` (every rendition is a task).
    "loggers": {"django.tasks": {"level": "WARNING"}},
}


# Uploads (core/uploads.py, docs/images.md): limits checked before any
# byte is decoded.
UPLOAD_IMAGE_MAX_BYTES = int(
    os.environ.get("DJANGO_UPLOAD_IMAGE_MAX_BYTES", "20971520")
)
UPLOAD_IMAGE_MAX_PIXELS = int(
    os.environ.get("DJANGO_UPLOAD_IMAGE_MAX_PIXELS", "40000000")
)
UPLOAD_IMAGE_MAX_SIDE = int(os.environ.get("DJANGO_UPLOAD_IMAGE_MAX_SIDE", "12000"))
UPLOAD_PDF_MAX_BYTES = int(os.environ.get("DJANGO_UPLOAD_PDF_MAX_BYTES", "83886080"))
# The memory one image's renditions may take in the task worker (decoding
# included: core/decoding.py). The request reads only the header and
# refuses a picture that would need more; the worker checks again.
IMAGE_DECODE_MAX_BYTES = int(
    os.environ.get("DJANGO_IMAGE_DECODE_MAX_BYTES", str(256 * 1024 * 1024))
)
# A request body larger than this is refused (413) from its Content-Length,
# before a byte of it is read (core.security.RequestSizeMiddleware): the
# largest file plus room for the form around it.
REQUEST_MAX_BYTES = int(
    os.environ.get(
        "DJANGO_REQUEST_MAX_BYTES",
        str(max(UPLOAD_IMAGE_MAX_BYTES, UPLOAD_PDF_MAX_BYTES) + 2 * 1024 * 1024),
    )
)
# Form fields (not files) beyond 2.5 MB are refused; an uploaded file above
# 2.5 MB is spooled to a temporary file instead of memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# /healthz (core/health.py): details for callers that send this bearer
# token (and for signed-in staff); the queue fails the check when its oldest
# waiting task is older than HEALTHZ_MAX_QUEUE_AGE seconds.
HEALTHZ_TOKEN = os.environ.get("DJANGO_HEALTHZ_TOKEN", "")
HEALTHZ_MAX_QUEUE_AGE = int(os.environ.get("DJANGO_HEALTHZ_MAX_QUEUE_AGE", "300"))

# Background tasks (django.tasks): renditions, the "Recommended" rails and
# workflow e-mails leave the request. DJANGO_TASKS_BACKEND=db (what `make
# serve` sets) queues them in the database for ``manage.py db_worker``
# (django-tasks-db); the default, immediate, runs them at once in the
# request, as development and most tests want.
TASKS_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "db": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASKS_BACKENDS.get(
            os.environ.get("DJANGO_TASKS_BACKEND", "immediate"),
            os.environ.get("DJANGO_TASKS_BACKEND", ""),
        )
    }
}
