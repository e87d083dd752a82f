"""Ayneh's one settings module.

Zero configuration gives the embedded default: a SQLite file in the data folder, local-memory cache,
tasks run in-process. Environment variables (documented in .env.example) switch each part to its
scale-out form. Nothing secret is committed: the secret key is read from the environment or generated
once into the data folder.
"""

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("AYNEH_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """The environment's key, or one generated on first run and kept in the data folder."""
    if key := os.environ.get("AYNEH_SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("AYNEH_DEBUG")
# Production settings: HTTPS-only cookies, HSTS, redirect to HTTPS. Off for the embedded demo on plain HTTP.
PRODUCTION = env_bool("AYNEH_PRODUCTION")
ALLOWED_HOSTS = env_list("AYNEH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("AYNEH_CSRF_TRUSTED_ORIGINS")
# Demo mode: the login page lists the demo accounts. `ayneh demo` turns it on.
AYNEH_DEMO = env_bool("AYNEH_DEMO")
# The password `ayneh demo` gives its demo accounts (and the login page shows in demo mode).
AYNEH_DEMO_PASSWORD = os.environ.get("AYNEH_DEMO_PASSWORD", "ayneh-demo-1405")
SITE_URL = os.environ.get("AYNEH_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ayneh.core",
    "ayneh.accounts",
    "ayneh.offices",
    "ayneh.newsroom",
    "ayneh.search",
    "ayneh.public",
    "ayneh.evaluation",
    "ayneh.reports",
    "ayneh.monitoring",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "ayneh.urls"
WSGI_APPLICATION = "ayneh.wsgi.application"

TEMPLATES = [
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
            ],
            "builtins": ["ayneh.core.templatetags.persian"],
        },
    },
]

# Database: SQLite in the data folder unless DATABASE_URL names another (postgres://...).
# SQLite: IMMEDIATE transactions and a busy timeout, measured here to survive concurrent writers
# (deferred transactions failed 350 of 400 times with "database is locked").
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}
if database_url := os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "ayneh.sqlite3"),
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory, or Redis when REDIS_URL is set. Login throttling counts live here.
if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: django.tasks on a database-backed queue (django-tasks-db), run by `ayneh db_worker`;
# or, scaled out, the same tasks on RQ workers over Redis (django-tasks-rq), run by `ayneh rq_worker` on as
# many machines as needed. AYNEH_TASKS_BACKEND takes a short name ("db", "rq") or a backend's import path.
TASKS_BACKEND_NAMES = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = os.environ.get("AYNEH_TASKS_BACKEND", "db").strip() or "db"
TASKS: dict[str, dict[str, Any]] = {"default": {"BACKEND": TASKS_BACKEND_NAMES.get(_tasks_backend, _tasks_backend)}}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS += ["django_rq"]
    # One RQ queue (the tasks' "default" queue) on REDIS_URL; a separate Redis database number keeps two
    # installations (or two test runs) on one Redis apart.
    RQ_QUEUES = {
        "default": {
            "URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            # An import of a large archive runs as one chunk task after another; a chunk never takes this long.
            "DEFAULT_TIMEOUT": int(os.environ.get("AYNEH_RQ_JOB_TIMEOUT", 30 * 60)),
        }
    }
    TASKS["default"]["QUEUES"] = list(RQ_QUEUES)
# Imports split into one task per chunk, spread over every worker (on by default with RQ; with several
# `ayneh db_worker` processes, set AYNEH_INGEST_FAN_OUT=1). Chunks are analysed in parallel and stored in
# archive order, so the result is the same as one worker's.
MONITORING_INGEST_FAN_OUT = env_bool("AYNEH_INGEST_FAN_OUT", TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend")
# Records per chunk (per chunk task when fanned out): smaller spreads a small import over more workers.
MONITORING_INGEST_CHUNK_SIZE = int(os.environ.get("AYNEH_INGEST_CHUNK_SIZE", 100))
# A chunk task waiting for the chunks before it takes their records over when the import has not moved
# for this long (their worker died); the fetch schedule resumes an import that has not moved for the
# second (its worker died, and no chunk waits behind it).
MONITORING_CHUNK_STALL_SECONDS = float(os.environ.get("AYNEH_CHUNK_STALL_SECONDS", 120))
MONITORING_BATCH_STALL_SECONDS = float(os.environ.get("AYNEH_BATCH_STALL_SECONDS", 600))
# Uploaded archives, and the only folder archive and page-folder sources may be read from.
MONITORING_IMPORT_DIR = Path(os.environ.get("AYNEH_IMPORT_DIR", DATA_DIR / "imports")).resolve()
# The largest JSON Lines archive the operations page accepts as an upload (larger: copy it into the import
# folder and add it as a source, or use `ayneh import_archive`).
MONITORING_UPLOAD_MAX_BYTES = int(os.environ.get("AYNEH_IMPORT_UPLOAD_MAX_BYTES", 512 * 1024 * 1024))
# How often `ayneh serve` queues the feed and sitemap sources that are due (0: never; use cron instead).
MONITORING_FETCH_EVERY_SECONDS = float(os.environ.get("AYNEH_FETCH_EVERY_SECONDS", 60))

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "newsroom:dashboard"
LOGOUT_REDIRECT_URL = "public:front"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Idle session timeout: every request pushes the expiry forward; a session idle this long ends.
SESSION_COOKIE_AGE = int(os.environ.get("AYNEH_SESSION_IDLE_SECONDS", 30 * 60))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Login throttling: after this many failures for one account or one address, wait this long.
LOGIN_FAILURE_LIMIT = int(os.environ.get("AYNEH_LOGIN_FAILURE_LIMIT", 5))
LOGIN_LOCKOUT_SECONDS = int(os.environ.get("AYNEH_LOGIN_LOCKOUT_SECONDS", 15 * 60))
# Per client address: higher, since one office behind a shared NAT is one address for many people.
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AYNEH_LOGIN_ADDRESS_FAILURE_LIMIT", 4 * LOGIN_FAILURE_LIMIT))

# Persian for everyone, whatever the browser asks for (no LocaleMiddleware): the interface is Persian first,
# and a government office's browsers are often set to English.
LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", _("Persian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Tehran"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it, even before the first collectstatic
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
# Hashed, compressed static files once `collectstatic` has run (`ayneh serve` runs it first); before that
# (tests, development) plain names served straight from the apps' folders.
STATIC_MANIFEST = STATIC_ROOT / "staticfiles.json"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST.exists()
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Without collectstatic (tests, development) WhiteNoise serves straight from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: attachments are checked by type and size in the newsroom; these bound the request itself.
ATTACHMENT_MAX_BYTES = int(os.environ.get("AYNEH_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SEARCH_BACKEND = os.environ.get("AYNEH_SEARCH_BACKEND", "auto")

# Content Security Policy: everything from Ayneh itself, no inline scripts or styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("AYNEH_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("AYNEH_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("AYNEH_LOG_LEVEL", "WARNING")},
    "loggers": {"ayneh.security": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
