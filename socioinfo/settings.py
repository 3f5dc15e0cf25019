"""One settings module for every deployment, driven by environment variables.

Every knob is listed in docs/operations.md. Defaults are safe for production: DEBUG is off,
cookies are secure and HTTPS is enforced unless DJANGO_DEBUG=1 says this is a developer's
machine.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from socioinfo.core.env import (
    cache_settings,
    env_bool,
    env_int,
    env_list,
    env_str,
    open_data_licence,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("SOCIOINFO_DATA_DIR", str(BASE_DIR / "data")))

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY to a long random string (or DJANGO_DEBUG=1 on a developer's "
            "machine)."
        )
    SECRET_KEY = "insecure-development-key-only-for-DJANGO_DEBUG=1"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The admin site enforces the rules predicates on every page (socioinfo/accounts/admin_site.py).
    "socioinfo.accounts.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    # Imports every app's rules.py: the one permission model (docs/permissions.md).
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks_db",
    "socioinfo.core",
    "socioinfo.accounts",
    "socioinfo.areas",
    "socioinfo.directory",
    "socioinfo.search",
    "socioinfo.portal",
    "socioinfo.api",
    "socioinfo.planning",
    "socioinfo.advice",
    "socioinfo.providers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "socioinfo.urls"
WSGI_APPLICATION = "socioinfo.wsgi.application"
ASGI_APPLICATION = "socioinfo.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "socioinfo.portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's cache holds the search index's version and the question form's rate limit. In one
# process its memory is enough; with several (gunicorn workers, several machines) point it
# at a Redis they share, or a change reaches another process's search only after a restart.
CACHES = cache_settings(env_str("SOCIOINFO_CACHE_URL", ""))

AUTH_USER_MODEL = "accounts.User"
# django-axes first (it refuses locked-out sign-ins), then the rules predicates (every
# permission), then e-mail and password (which grants no permission of its own).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "socioinfo.accounts.backends.EmailPasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after SESSION_COOKIE_AGE seconds without a request (every request renews
# them) and when the browser closes.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", True)

# Lock-out after repeated failed sign-ins (django-axes): this many failures for one e-mail
# address from one IP address block that pair for SOCIOINFO_LOCKOUT_MINUTES; a password reset
# by e-mail unlocks at once.
AXES_FAILURE_LIMIT = env_int("SOCIOINFO_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SOCIOINFO_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "socioinfo.accounts.security.lockout_username"
AXES_CLIENT_IP_CALLABLE = "socioinfo.accounts.security.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "socioinfo.accounts.views.locked_out"
AXES_VERBOSE = False
# Sign-in records (successes and failures) older than this are removed by run_daily_jobs.
SOCIOINFO_SIGNIN_LOG_DAYS = env_int("SOCIOINFO_SIGNIN_LOG_DAYS", 90)

# Second factor (TOTP, django-otp): required for the roles in accounts.roles.SECOND_FACTOR_ROLES.
OTP_TOTP_ISSUER = env_str("SOCIOINFO_TOTP_ISSUER", "Socioinfo")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
if EMAIL_USE_SSL:
    EMAIL_USE_TLS = False  # implicit TLS (port 465) and STARTTLS exclude each other
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Socioinfo <socioinfo@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Czech first; the interface speaks six languages (Arabic right to left).
LANGUAGE_CODE = "cs"
LANGUAGES = [
    ("cs", _("Czech")),
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("vi", _("Vietnamese")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "socioinfo" / "locale"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# The licence the city publishes its directory under (the API and the data package say so).
SOCIOINFO_DATA_LICENCE = open_data_licence(env_str("SOCIOINFO_DATA_LICENCE", "CC-BY-4.0"))
# Where the public HSDS data package download is kept between changes of the directory.
SOCIOINFO_EXPORT_CACHE_DIR = Path(
    env_str("SOCIOINFO_EXPORT_CACHE_DIR", str(BASE_DIR / "var" / "exports"))
)
# Uploaded files (meeting documents). Never served as static files: every download goes
# through a view that checks who may read it. Back this directory up with the database.
MEDIA_ROOT = Path(env_str("SOCIOINFO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
SOCIOINFO_DOCUMENT_MAX_BYTES = env_int("SOCIOINFO_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
# Front-end packages come from npm (`make install` runs `npm ci`) and are served by us, never
# from a CDN: the Czech government design system's tokens, base styles and fonts, and Leaflet.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/gov", NODE_MODULES / "@gov-design-system-ce" / "styles" / "lib"),
    ("vendor/gov-fonts", NODE_MODULES / "@gov-design-system-ce" / "fonts" / "lib"),
    ("vendor/gov-icons", NODE_MODULES / "@gov-design-system-ce" / "icons" / "lib" / "components"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Security: strict unless this is a developer's machine.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
}

# Directory: a service whose data nobody confirmed for this many days is "stale".
SOCIOINFO_STALE_AFTER_DAYS = env_int("SOCIOINFO_STALE_AFTER_DAYS", 183)
# How long the "still correct" link of a freshness reminder works (docs/providers.md).
SOCIOINFO_REMINDER_LINK_DAYS = env_int("SOCIOINFO_REMINDER_LINK_DAYS", 30)
# The service shown as the city's information and advice point on every start page (the demo's
# Socio-info Centre by default; another city sets its own service's id).
SOCIOINFO_CENTRE_SERVICE_ID = env_str(
    "SOCIOINFO_CENTRE_SERVICE_ID", "6e1bc56d-95ab-59b5-9b04-56aa327bac04"
)

# Accounts: how long an invitation link works, and the site's address for links in e-mails
# sent outside a web request (management commands, background tasks).
SOCIOINFO_INVITATION_DAYS = env_int("SOCIOINFO_INVITATION_DAYS", 7)
SOCIOINFO_SITE_URL = env_str("SOCIOINFO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background tasks (django-tasks, database backend): run by `manage.py db_worker`, or once per
# cron run with `manage.py anonymise_expired_clients`. The advice centre keeps a client's
# record this many days after the last contact, then anonymises it (docs/advice.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SOCIOINFO_ADVICE_RETENTION_DAYS = env_int("SOCIOINFO_ADVICE_RETENTION_DAYS", 3 * 365)
