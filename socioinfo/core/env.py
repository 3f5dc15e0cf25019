"""Reading typed settings from environment variables, with clear errors for bad values."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    """The variable's value, or ``default`` when it is unset."""
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable (1/0, true/false, yes/no, on/off)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_int(name: str, default: int) -> int:
    """A whole-number variable."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list variable."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def cache_settings(url: str) -> dict[str, dict[str, object]]:
    """Django's ``CACHES`` from ``SOCIOINFO_CACHE_URL``: empty for local memory (one process),
    ``redis://``, ``rediss://`` or ``unix://`` for a Redis shared by every process."""
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"SOCIOINFO_CACHE_URL must be a Redis address such as redis://127.0.0.1:6379/0 "
            f"(or empty for a cache in each process's memory), not {url!r}."
        )
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": os.environ.get("SOCIOINFO_CACHE_PREFIX", "socioinfo"),
        }
    }


# Open-data licences a city may publish its directory under (SPDX identifiers). The Czech
# national open-data methodology recommends CC BY 4.0 for databases; CC0 waives every right.
OPEN_DATA_LICENCES: dict[str, dict[str, str]] = {
    "CC-BY-4.0": {
        "title": "Creative Commons Attribution 4.0 International",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    "CC0-1.0": {
        "title": "Creative Commons Zero v1.0 Universal",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    },
    "ODC-BY-1.0": {
        "title": "Open Data Commons Attribution License v1.0",
        "path": "https://opendatacommons.org/licenses/by/1-0/",
    },
    "ODbL-1.0": {
        "title": "Open Data Commons Open Database License v1.0",
        "path": "https://opendatacommons.org/licenses/odbl/1-0/",
    },
}


def open_data_licence(name: str) -> dict[str, str]:
    """The licence of the published data as a Data Package ``licenses`` entry."""
    if name not in OPEN_DATA_LICENCES:
        raise ImproperlyConfigured(
            f"SOCIOINFO_DATA_LICENCE must be one of {', '.join(OPEN_DATA_LICENCES)}, not {name!r}."
        )
    return {"name": name, **OPEN_DATA_LICENCES[name]}
