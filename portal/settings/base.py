"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see README, "Configuration").
Nothing secret lives here: `SECRET_KEY` has no default in this module.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Serve MEDIA_URL from this process without DEBUG (the test suite's server); production leaves it to the
# web server in front.
SERVE_MEDIA = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The portal's own apps first, so their templates and translations win.
    # Ground floor first (shared pages, the vocabulary), then the domain apps, then the API.
    "home",
    "taxonomy",
    "catalogue",
    "partners",
    "resource_requests",
    "engagement",
    "events",
    "api",
    "search",
    # Translation workflow for editors (translate pages and snippets, PO export/import).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # The headless API (api/): Wagtail's v3 API building blocks on django-ninja. "ninja" is listed so its
    # interactive docs serve Swagger UI from our own static files instead of a CDN.
    "wagtail.api.v3",
    "ninja",
    "corsheaders",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # Admin sign-in lockout (see "Passwords and sessions" below).
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS headers for /api/ only (CORS_URLS_REGEX), before anything that can answer a request.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A page that read the session (the header's basket count) is sent Cache-Control: private.
    "home.middleware.PrivateWhenSessionReadMiddleware",
    # Django's LocaleMiddleware, except that /api/ is never redirected to a language prefix and takes
    # its language from ?lang= or Accept-Language only (see api/middleware.py).
    "api.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous visitors' pages from the cache (home/page_cache.py): needs the four above.
    "home.page_cache.PageCacheMiddleware",
    # Writes to the admin all or nothing; a failed save says so (see home/admin_errors.py).
    "home.admin_errors.AdminSaveFailureMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # /api/: anonymous reads, structured errors, ETag / Last-Modified / 304 (see api/middleware.py).
    "api.middleware.APIMiddleware",
    # Answers a locked-out sign-in with the lockout page (django-axes; last, as its documentation asks).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
# DATABASE_URL, e.g. postgres://user:password@host:5432/portal; SQLite under var/ when unset.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a management command writes. SQLite writes one transaction at a
    # time: IMMEDIATE takes the write lock when a transaction begins (a transaction that read first and
    # then wants to write while another writes fails at once with "database is locked", whatever the
    # timeout), and the busy timeout lets the next writer wait its turn instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;",
        transaction_mode="IMMEDIATE",
        timeout=env.int("SQLITE_TIMEOUT", default=20),
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: none of the portal's queries runs long enough to gain from compiling, and compiling the
    # database search's plans cost about a second each (docs/search.md, search/fts.py).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------------
# CACHE_URL, e.g. redis://127.0.0.1:6379/1 or locmemcache://; local memory when unset. Redis goes through
# Django's own backend (the `redis` package). "pages" is the page cache (home/page_cache.py, docs/caching.md):
# the same server under its own key prefix, or its own local memory.
_cache = environ.Env.cache_url_config(env("CACHE_URL", default="locmemcache://portal"))
if _cache["BACKEND"].endswith("RedisCache"):
    _cache["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
SHARED_CACHE = not _cache["BACKEND"].endswith(("LocMemCache", "DummyCache"))
CACHES = {
    "default": _cache,
    "pages": {**_cache, "KEY_PREFIX": "pages"} if SHARED_CACHE else {**_cache, "LOCATION": "portal-pages"},
}
# Seconds a stored page lives at most (0 = no page cache). On by default only with a shared cache: worker
# processes with a local memory cache each would keep their own generation counter, so an edit saved in
# one would not reach the pages the others keep.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600 if SHARED_CACHE else 0)
# How long browsers and proxies may keep a public page without asking again (Cache-Control max-age).
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
# Never from the page cache: the admin (previews included), the API (api/caching.py), documents.
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/api/", "/documents/"]

# --- Passwords and sessions -----------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The admin's door (django-axes): after AXES_FAILURE_LIMIT failed sign-ins, the user name and the address
# they came from are each locked for ADMIN_LOCKOUT_MINUTES, even for the right password. Counted in the
# cache (shared by every worker with CACHE_URL), per visitor address as the rate limits see it
# (TRUSTED_PROXY_COUNT); lockouts are logged by the "axes" logger. Password resets are rate-limited
# ("admin-password-reset" in RATE_LIMITS, portal/urls.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOCKOUT_MINUTES", default=60))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "home.antispam.client_address"
AXES_LOCKOUT_TEMPLATE = "home/admin_wait.html"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429

# --- Languages ------------------------------------------------------------------------------------
# The one list of languages. German is the source; add a language here, run `make messages`,
# translate the catalogue in locale/<code>/ and `load_demo_content` (or an editor) adds its locale.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("pl", _("Polish")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats Django lacks for a language (Arabic date and time), see portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
# The language is carried in the URL (/de/, /ar/ ...); `/` redirects by Accept-Language.
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

# --- Static and media -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Proofs of use (receipts, quotes) that associations upload on their status page: a storage of their own,
# outside MEDIA_ROOT and never served under a public URL (only through the status link and the admin).
# Several app servers: point it at shared or S3-compatible storage by configuration alone, e.g.
# PROOFS_STORAGE_BACKEND=storages.backends.s3.S3Storage and PROOFS_STORAGE_OPTIONS='{"bucket_name": ...}'
# (docs/configuration.md).
PROOFS_STORAGE = {
    "BACKEND": env("PROOFS_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"),
    "OPTIONS": env.json("PROOFS_STORAGE_OPTIONS", default={"location": str(VAR_DIR / "proofs")}),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "proofs": PROOFS_STORAGE,
}
# The largest real forms: a page's edit form in the admin (109 fields for an engagement example, the
# demo's largest) and the request form with a full basket and every partner ticked (165 with the demo's
# 44 partners). Django's default of 1,000 leaves room for long pages; more only makes a hostile POST
# expensive to parse.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1_000

# --- E-mail ---------------------------------------------------------------------------------------
# EMAIL_URL, e.g. smtp+tls://user:password@mail.example.org:587; the console when unset.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="House of Resources Dortmund <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# A mail server that does not answer must not hold a worker (or, with the immediate task backend, a
# request) for ever; a timeout is an ordinary failure the outbox retries.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)

# --- Outbox (home/outbox.py): every mail the portal sends is stored first, then sent by a task ---------
# Failed attempts are retried after OUTBOX_RETRY_DELAY seconds, four times longer after each failure, at
# most OUTBOX_RETRY_MAX_DELAY apart, until OUTBOX_MAX_ATTEMPTS; then the mail is marked failed and shows
# in the admin (Settings -> Outbox). Sent and failed mails hold personal data: `purge_personal_data`
# deletes them after OUTBOX_KEEP_DAYS.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_RETRY_DELAY = env.int("OUTBOX_RETRY_DELAY", default=60)
OUTBOX_RETRY_MAX_DELAY = env.int("OUTBOX_RETRY_MAX_DELAY", default=6 * 60 * 60)
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=30)

# --- Background tasks -----------------------------------------------------------------------------
# Search indexing, reference index and (later) e-mails run as django-tasks. TASKS_BACKEND=database
# stores them in the database for `manage.py db_worker`; the default runs them in the request.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env("TASKS_BACKEND", default="immediate")],
    }
}

# --- Search ---------------------------------------------------------------------------------------
# ELASTICSEARCH_URL set: Elasticsearch 8 through modelsearch, with the portal's analysers
# (search.backends.elasticsearch8), and the database backend beside it: every write goes to both
# (AUTO_UPDATE), and searches fall back to the database while Elasticsearch is unreachable.
# Unset: the database backend alone (SQLite FTS5 in development, PostgreSQL full-text search).
# See README, "Search".
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="portal_")
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "wagtail.search.backends.database",
    # PostgreSQL's German configuration (stemming); SQLite ignores it.
    "SEARCH_CONFIG": "german",
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": env.int("ELASTICSEARCH_TIMEOUT", default=5),
            "INDEXING_TIMEOUT": env.int("ELASTICSEARCH_INDEXING_TIMEOUT", default=60),
            "ATOMIC_REBUILD": True,  # update_index builds a new index and swaps an alias: no downtime
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "INDEX_SETTINGS": {},
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
# While Elasticsearch has failed, searches go to the database for this long before it is tried again.
SEARCH_RETRY_SECONDS = env.int("SEARCH_RETRY_SECONDS", default=30)
# Search statistics (query, language, day, counts; nothing personal) are kept this long.
SEARCH_TERMS_RETENTION_DAYS = env.int("SEARCH_TERMS_RETENTION_DAYS", default=365)
# Under load a process writes its search counts at most once per this many seconds (search/stats.py).
SEARCH_STATS_FLUSH_SECONDS = env.float("SEARCH_STATS_FLUSH_SECONDS", default=1.0)

# --- Wagtail --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "House of Resources Dortmund"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call out to the internet
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # nor load editors' avatars from gravatar.com (the CSP refuses it)
WAGTAIL_MODERATION_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "ods", "pptx", "txt", "csv", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILEMBEDS_FINDERS = []  # no oEmbed calls to third parties
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# "Translate" makes a draft: a translation is live only when a person publishes it (home/localize.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_PASSWORD_RESET_ENABLED = True

# --- Portal ---------------------------------------------------------------------------------------
PORTAL_PAGE_SIZE = env.int("PORTAL_PAGE_SIZE", default=12)

# --- Headless API (/api/v3/, see README "API") ----------------------------------------------------
# Browsers on these origins may call the API (CORS); e.g. https://partner.example.org. Only /api/.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False  # the API never uses cookies
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "content-type",
    "if-modified-since",
    "if-none-match",
    "idempotency-key",
]
# What a browser script may read: caching validators, the language, where a created request lives
# (201 Location), how long to wait after a 429 (Retry-After) and the rate limit (RateLimit-*).
CORS_EXPOSE_HEADERS = [
    "etag",
    "last-modified",
    "content-language",
    "location",
    "retry-after",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
]
# Largest `limit` a client may ask for (Wagtail's setting; the default page size is PORTAL_PAGE_SIZE).
WAGTAILAPI_LIMIT_MAX = env.int("WAGTAILAPI_LIMIT_MAX", default=100)
WAGTAILAPI_SEARCH_ENABLED = True
# How long clients and proxies may reuse a read response before they revalidate (ETag / Last-Modified).
PORTAL_API_MAX_AGE = env.int("PORTAL_API_MAX_AGE", default=60)
# --- Anti-bot (home/antispam.py) -------------------------------------------------------------------
# Public forms: scope -> (submissions, seconds) per client address, counted in the cache. Use a cache
# shared by all worker processes in production (CACHE_URL), or each process counts on its own.
RATE_LIMITS = {
    "default": (10, 60 * 60),
    "partner-contact": (5, 60 * 60),
    # The request form (web and API) and adding to the request basket.
    "request": (10, 60 * 60),
    "request-api": (10, 60 * 60),
    "request-basket": (120, 60 * 60),
    # Uploads of proofs of use on a status page (at most PROOFS_MAX_FILES per request anyway).
    "proof": (40, 60 * 60),
    # Wagtail's "forgotten password" form: each one sends a mail.
    "admin-password-reset": (5, 60 * 60),
}
# How many proxies in front of the portal append to X-Forwarded-For (0: use the connection's address).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# A form sent sooner than this after it was shown was not typed by a person; a form's signed time is good
# for one submission within FORM_MAX_AGE seconds (then the form asks to be sent again).
FORM_MIN_SECONDS = env.int("FORM_MIN_SECONDS", default=3)
FORM_MAX_AGE = env.int("FORM_MAX_AGE", default=24 * 60 * 60)

# --- Partners --------------------------------------------------------------------------------------
# Messages sent through a partner's contact form are kept this long (for questions about delivery),
# then `purge_personal_data` deletes them.
PARTNERS_CONTACT_KEEP_DAYS = env.int("PARTNERS_CONTACT_KEEP_DAYS", default=90)
# At most this many free-text hits are combined with the finder's filters.
PARTNERS_SEARCH_LIMIT = env.int("PARTNERS_SEARCH_LIMIT", default=500)

# --- Events ----------------------------------------------------------------------------------------
# The upcoming list offers months from this one EVENTS_MONTHS_AHEAD ahead, the past list EVENTS_MONTHS_BACK
# back; the calendar feed keeps events that ended up to EVENTS_FEED_PAST_DAYS ago (subscribed calendars
# would otherwise drop them the day after).
EVENTS_MONTHS_AHEAD = env.int("EVENTS_MONTHS_AHEAD", default=18)
EVENTS_MONTHS_BACK = env.int("EVENTS_MONTHS_BACK", default=36)
EVENTS_FEED_PAST_DAYS = env.int("EVENTS_FEED_PAST_DAYS", default=30)
# --- Requests and consultations (resource_requests/) -------------------------------------------------
# Closed requests (declined or done) are anonymised this many days after they were closed
# (`purge_personal_data`): contact data, free texts and messages are removed, the reference number,
# the basket and the decisions stay for the programme's statistics.
REQUESTS_KEEP_DAYS = env.int("REQUESTS_KEEP_DAYS", default=365)
# Where new requests are announced (reference and admin link only, no personal data); the contact
# e-mail of Settings -> Portal settings when empty.
REQUESTS_NOTIFY_EMAIL = env("REQUESTS_NOTIFY_EMAIL", default="")
# How far ahead an association can ask for dates, and the longest period of one basket line.
REQUESTS_MAX_DAYS_AHEAD = env.int("REQUESTS_MAX_DAYS_AHEAD", default=730)
REQUESTS_MAX_PERIOD_DAYS = env.int("REQUESTS_MAX_PERIOD_DAYS", default=31)
REQUESTS_BASKET_MAX_ITEMS = 20
# Anyone can type anyone's e-mail address into the form: an address gets at most this many request
# confirmations a day (the requests are stored and announced to the team all the same).
REQUESTS_CONFIRMATIONS_PER_DAY = env.int("REQUESTS_CONFIRMATIONS_PER_DAY", default=3)
# Consultation times offered in the form: from now until this many weeks ahead.
REQUESTS_SLOT_WEEKS_AHEAD = env.int("REQUESTS_SLOT_WEEKS_AHEAD", default=10)
# Proofs of use on the status page: at most this many files per request, each at most this large.
PROOFS_MAX_FILES = env.int("PROOFS_MAX_FILES", default=20)
PROOFS_MAX_BYTES = env.int("PROOFS_MAX_BYTES", default=10 * 1024 * 1024)

# --- Logging --------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # The client logs every failed attempt with a traceback; the search app logs one line instead.
        "elastic_transport": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page action at INFO (the admin keeps its own audit log).
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
        # django-axes logs failures and lockouts at WARNING; its INFO lines note every successful sign-in.
        "axes": {"level": "WARNING"},
    },
}
