"""
Settings for thinktank, read from the environment; every variable is optional.

Locally set ``DJANGO_DEBUG=1``. ``DATABASE_URL=postgres://...`` switches from the
SQLite file to PostgreSQL. The README lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-dev-only")
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
# The institute's name in the other languages (thinktank.i18n.site_name()):
# the publisher in that language's citations. SITE_NAME stands in for a
# language without one.
SITE_NAMES = {
    "ar": os.environ.get("DJANGO_SITE_NAME_AR", "معهد ميريديان لسياسة الشرق الأدنى"),
}

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
    "core",
    "thinktank",
    "taxonomy",
    "experts",
    "articles",
    "workflow",
    "history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Anonymous readers are served from here when nothing changed since.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Moved pages: a 404 whose path has a Redirect answers 301 instead.
    "thinktank.redirects.RedirectFallbackMiddleware",
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
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/New_York")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_AUTO_POPULATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["DJANGO_REDIS_URL"],
        }
        if os.environ.get("DJANGO_REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The readers' page cache (core/pagecache.py): never older than the last
# published change, in every process; Cache-Control lets a CDN keep a page
# MAX_AGE seconds and serve it STALE_WHILE_REVALIDATE seconds more while it
# asks again.
PAGE_CACHE = {
    "ENABLED": os.environ.get("DJANGO_PAGE_CACHE", "1") == "1",
    "ALIAS": "default",
    "TIMEOUT": int(os.environ.get("DJANGO_PAGE_CACHE_TIMEOUT", "3600")),
    "MAX_AGE": int(os.environ.get("DJANGO_PAGE_CACHE_MAX_AGE", "60")),
    "STALE_WHILE_REVALIDATE": int(
        os.environ.get("DJANGO_PAGE_CACHE_STALE_WHILE_REVALIDATE", "30")
    ),
    # Never cached, whoever asks: the admin (in any language), share links.
    "EXCLUDE": [r"^/(?:[a-z]{2}/)?admin/", r"^/share/", r"^/i18n/"],
}

MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        )
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "editors@localhost")

LOGIN_URL = "admin:login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
    },
    # One line per task state would drown `make run` (every rendition is a task).
    "loggers": {"django.tasks": {"level": "WARNING"}},
}

# Uploads (thinktank/uploads.py, docs/images.md): limits checked before any
# byte is decoded.
UPLOAD_IMAGE_MAX_BYTES = int(
    os.environ.get("DJANGO_UPLOAD_IMAGE_MAX_BYTES", "20971520")
)
UPLOAD_IMAGE_MAX_PIXELS = int(
    os.environ.get("DJANGO_UPLOAD_IMAGE_MAX_PIXELS", "40000000")
)
UPLOAD_IMAGE_MAX_SIDE = int(os.environ.get("DJANGO_UPLOAD_IMAGE_MAX_SIDE", "12000"))
UPLOAD_PDF_MAX_BYTES = int(os.environ.get("DJANGO_UPLOAD_PDF_MAX_BYTES", "83886080"))

# Background tasks (django.tasks): renditions are built after an upload
# commits. The immediate backend runs them at once, in the request; point
# DJANGO_TASKS_BACKEND at a real queue (e.g. django-tasks-db) in production.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}
