"""With SOCIOINFO_CACHE_URL set, Django's cache is the local Redis, shared by every process:
a change made in one process reaches another's search engine and the question form's rate
limit counts the questions sent through every process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from socioinfo.core.env import cache_settings

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/15"


@pytest.fixture
def shared_cache():
    """This process on the local Redis, under a prefix of its own (parallel runs never
    meet); the keys it wrote are removed afterwards."""
    prefix = f"socioinfo-test-{secrets.token_hex(6)}"
    caches = cache_settings(REDIS)
    caches["default"]["KEY_PREFIX"] = prefix
    with override_settings(CACHES=caches):
        yield prefix
        import redis

        client = redis.Redis.from_url(REDIS)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


def in_another_process(prefix: str, code: str) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SOCIOINFO_CACHE")},
        "DJANGO_DEBUG": "1",
        "SOCIOINFO_CACHE_URL": REDIS,
        "SOCIOINFO_CACHE_PREFIX": prefix,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_the_cache_is_redis_and_a_change_in_another_process_reaches_this_ones_search(
    shared_cache,
):
    from django.core.cache import caches

    from socioinfo.search.engine import current_version

    assert type(caches["default"]).__name__ == "RedisCache"
    before = current_version()
    in_another_process(
        shared_cache, "from socioinfo.search.engine import bump_version; bump_version()"
    )
    assert current_version() == before + 1


def test_the_question_forms_limit_counts_what_other_processes_received(shared_cache):
    from socioinfo.advice.views.public import ASK_LIMIT_PER_HOUR, _over_limit

    request = RequestFactory().post("/socio-info-centre/ask/", REMOTE_ADDR="203.0.113.9")
    assert not _over_limit(request)
    in_another_process(
        shared_cache,
        "from django.core.cache import cache; "
        f"cache.set('advice-ask:203.0.113.9', {ASK_LIMIT_PER_HOUR}, 3600)",
    )
    assert _over_limit(request)


def test_a_cache_url_that_is_not_redis_is_refused_with_what_to_set():
    env = {**os.environ, "DJANGO_DEBUG": "1", "SOCIOINFO_CACHE_URL": "memcached://127.0.0.1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SOCIOINFO_CACHE_URL must be a Redis address such as redis://" in result.stderr
