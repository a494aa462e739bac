"""The one settings module: everything that differs between machines comes from the environment.

Every variable has a default that makes `make run` work on a laptop with nothing configured. A
value that is set but wrong stops the start with an `ImproperlyConfigured` that names it, so a
typo in production never silently becomes a default.

Two parts live beside it so that this file reads as the list of settings: config/environment.py
(the one `environ.Env()` and a parser per kind of value) and config/country_names.py (the UN's
short names of countries, which django-countries shows).
"""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.country_names import UN_SHORT_NAMES
from config.environment import (
    addresses,
    database,
    email,
    fernet_keys,
    hosts,
    read,
    strict_bool,
    url,
)
from delegations.passports import derived_key

BASE_DIR = Path(__file__).resolve().parent.parent

# Development fallback only; `config.checks` warns when it is in use, and `check --deploy` fails.
DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-never-use-in-production"

DEBUG = read("DEBUG", strict_bool, default=True)
SECRET_KEY = read("SECRET_KEY", str, default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false.")
ALLOWED_HOSTS = read("ALLOWED_HOSTS", hosts, default=["127.0.0.1", "localhost", "[::1]"])
SITE_URL = read("SITE_URL", url({"http", "https"}), default="http://127.0.0.1:8000")
REDIS_URL = read("REDIS_URL", url({"redis", "rediss", "unix"}), default="")

DATABASES = {
    "default": read(
        "DATABASE_URL", database, default=database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Keep connections between requests (opening one costs more than a feed served from the cache),
# checked before reuse so that a restarted database costs one failed request at most.
DATABASES["default"]["CONN_MAX_AGE"] = read("CONN_MAX_AGE", int, default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A read replica (PostgreSQL streaming replication) for the reads that may lag a little: the
# feeds' cold renders, the dashboard and the exports (conference/replica.py). In tests it is a
# second connection to the test database ("MIRROR"), as Django tests primary/replica setups.
READ_REPLICA = None
if replica_url := read("DATABASE_REPLICA_URL", database, default=None):
    READ_REPLICA = "replica"
    DATABASES[READ_REPLICA] = replica_url | {
        "ATOMIC_REQUESTS": False,
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["conference.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_email_config = read(
    "EMAIL_URL",
    email,
    default=email("consolemail://"),
)
EMAIL_BACKEND = _email_config["EMAIL_BACKEND"]
EMAIL_LOG_FILE = read("EMAIL_LOG_FILE", str, default="")
if EMAIL_LOG_FILE and EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend":
    EMAIL_BACKEND = "config.mail.AppendingConsoleEmailBackend"  # see config/mail.py
EMAIL_HOST = _email_config.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email_config.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email_config.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email_config.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = _email_config.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email_config.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = read(
    "DEFAULT_FROM_EMAIL", str, default="Hanoi Convention Secretariat <noreply@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

INSTALLED_APPS = [
    # The console is django-otp's two-factor admin site (config/console.py), not Django's own.
    "config.apps.ConsoleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    # API tokens hashed at rest (SHA-512 of a 256-bit secret); DRF's authtoken kept them in clear.
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_countries",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "config.apps.ProjectConfig",
    "conference",
    "delegations",
    "sessions.apps.ProgrammeConfig",
    "portal",
    "press",
    # After the project's apps, so that their templates replace the package's (the list of a
    # file's columns, in plain words: delegations/templates/admin/import_export/).
    "import_export",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Feeds and JSON compressed as the client asks; never HTML (see config/compression.py).
    "config.compression.ApiCompressionMiddleware",
    # Under /api/, an address no route matches answers the API's JSON error even with DEBUG on.
    "config.api_errors.ApiNotFoundMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user verified once a second factor has been given in this session.
    "django_otp.middleware.OTPMiddleware",
    "config.middleware.StaffIdleTimeoutMiddleware",
    "config.middleware.SecurityLogMiddleware",
    # The console shows and reads times in the conference's timezone, labelled.
    "config.middleware.ConsoleConferenceTimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the middleware that set headers, before anything reads the body (see its docstring).
    "config.middleware.RequestSizeLimitMiddleware",
    # A database connection lost under a view answers 503 with a reason, not a 500.
    "config.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],  # its admin/base_site.html over Django's
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not a rule on the password: Django calls every validator's `password_changed` after any
    # change (reset, console, `changepassword`; not a hasher upgrade), which revokes API tokens.
    {"NAME": "delegations.passwords.RevokeApiTokensOnChange"},
]

# Times are stored in UTC and shown in each conference's own timezone.
# django-axes first: a locked-out user or address is refused before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Then a throttle per user name from every address, which delays and never locks.
    "conference.sign_in_throttle.UsernameThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed sign-ins lock that user name from that address for 15 minutes; the same answer is
# given whether the user exists or not, so the lock reveals nothing either.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
AXES_VERBOSE = False
# The client's address is read through our own proxies only (TRUSTED_PROXIES): a forged
# X-Forwarded-For from anyone else is ignored, so nobody can pose as an organiser's address.
SIMPLE_HISTORY_REVERT_DISABLED = True  # history pages never write (conference/admin_history.py)
AXES_CLIENT_IP_CALLABLE = "conference.client_address.client_address"


TRUSTED_PROXIES = read("TRUSTED_PROXIES", addresses, default=[])

# Argon2id first (Django's first recommendation); older hashes upgrade at the next sign-in.
# Parameters measured by bench/password_hashing.py: see config/hashers.py.
PASSWORD_HASHERS = [
    "config.hashers.MeasuredArgon2Hasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

LOGIN_URL = "portal:sign-in"
# Every staff account signs in to the console with a second factor (config/console.py): a TOTP app,
# or one of its single-use backup codes. Device keys are never shown again once enrolled.
OTP_TOTP_ISSUER = "Conference logistics"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_REDIRECT_URL = "portal:dashboard"
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

# Passport numbers are encrypted with these Fernet keys, newest first (delegations/passports.py).

PASSPORT_KEYS = read("PASSPORT_KEYS", fernet_keys, default=None)
PASSPORT_FINGERPRINT_KEY = read("PASSPORT_FINGERPRINT_KEY", str.encode, default=None)
if not DEBUG and (PASSPORT_KEYS is None or PASSPORT_FINGERPRINT_KEY is None):
    raise ImproperlyConfigured(
        "PASSPORT_KEYS and PASSPORT_FINGERPRINT_KEY must be set when DEBUG is false."
    )
PASSPORT_KEYS = PASSPORT_KEYS or [derived_key(SECRET_KEY, "passport-encryption")]
PASSPORT_FINGERPRINT_KEY = PASSPORT_FINGERPRINT_KEY or derived_key(SECRET_KEY, "passport-hash")

USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = True
LANGUAGE_CODE = "en"
# English dates as the UN writes them (25 October 2025, 18:00), not the US forms (config/formats).
FORMAT_MODULE_PATH = ["config.formats"]
# The six languages of the United Nations, in its order, and Vietnamese for the host.
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("vi", _("Vietnamese")),
]
LANGUAGES_BIDI = ["he", "ar", "ar-dz", "ar-ly", "fa", "ur"]  # Django's default, said aloud
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = read("STATIC_ROOT", Path, default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = read("MEDIA_ROOT", Path, default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    # Sessions read from the shared Redis and written through to the database: any web host
    # serves any request, and a sign-in survives Redis being emptied.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: Redis is the broker when configured; without it every task runs in the calling process
# (config.checks says so once at start), which keeps `make run` working on a bare laptop.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# A dead broker must not hang a web request: fail fast and let the outbox sweep retry later.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "socket_connect_timeout": 2}
CELERY_BEAT_SCHEDULE = {
    "sweep-outbox": {"task": "delegations.sweep_outbox", "schedule": 60.0},
    "sweep-webhooks": {"task": "conference.sweep_webhooks", "schedule": 60.0},
    "send-reminders": {"task": "delegations.send_reminders", "schedule": 15 * 60.0},
    "expire-invitations": {"task": "delegations.expire_invitations", "schedule": 5 * 60.0},
    "send-programme-digests": {"task": "delegations.send_programme_digests", "schedule": 60.0},
    "erase-passport-data": {"task": "delegations.erase_passport_data", "schedule": 60 * 60.0},
    "delete-expired-jobs": {"task": "delegations.delete_expired_jobs", "schedule": 60 * 60.0},
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["conference.api_params.BoundedFilterBackend"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "EXCEPTION_HANDLER": "config.api_errors.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "config.api_authentication.SessionAuthentication",  # staff: second factor too
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
# `Authorization: Token <key>`, as with DRF's tokens before, so clients keep their header. A
# mission's system uses its token unattended: no expiry; a new token, a revocation in the portal
# or by the superuser, or a change of the account's password ends it.
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_TTL": None,
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Conference logistics API",
    "DESCRIPTION": (
        "The schedule feed and the organisers' API of the conference logistics system.\n\n"
        "Authenticated calls send `Authorization: Token <key>`. A focal point makes a key on the "
        "portal's API access page, where it is shown once: only its digest is stored. A key "
        "ends when a new one is made, when it is revoked, and when the account's password "
        "changes (reset or change); make a new one then."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files: no CDN, and no inline script for the CSP to refuse.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.openapi.document_errors",
    ],
}

COUNTRIES_FIRST = ["VN"]
# Short names as the United Nations writes them (UNTERM): config/country_names.py.
COUNTRIES_OVERRIDE = UN_SHORT_NAMES

# Security. Production runs behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = read("SECURE_SSL_REDIRECT", strict_bool, default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every page, the portal's and the console's, loads only what this server serves: no CDN (the
# venue's network may be closed), no inline script without the nonce, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # An inline script runs only with the request's nonce: {{ request.csp_nonce }}.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
# The __Host- prefix binds a cookie to this exact host over HTTPS; browsers refuse it over HTTP.
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
# Messages (which may carry a scanner's token, shown once) live in the session, never in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"
# Every session ends at most 8 hours after sign-in; organisers' sessions also end after 30 idle
# minutes (config.middleware.StaffIdleTimeoutMiddleware).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STAFF_IDLE_TIMEOUT_SECONDS = 30 * 60
# Above this, a request is refused with 413 before its body is read (config.middleware): the
# largest upload is a 10 MB document, plus the form around it.
MAX_REQUEST_BYTES = 12 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": read("LOG_LEVEL", str.upper, default="INFO")},
    "loggers": {
        # One JSON line per security event (conference/security_log.py), always kept at INFO.
        "security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Tasks run eagerly without Redis: one "succeeded" line per e-mail would bury the output.
        "celery.app.trace": {"level": "INFO" if REDIS_URL else "WARNING"},
    },
}
