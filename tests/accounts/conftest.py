import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The production hasher takes a noticeable fraction of a second by design."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
