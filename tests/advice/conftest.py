import pytest

from socioinfo.accounts.roles import Role
from tests.accounts.helpers import make_user, sign_in


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def worker(db):
    return make_user(Role.ADVICE_WORKER)


@pytest.fixture
def assistant(db):
    return make_user(Role.INTERCULTURAL_ASSISTANT)


@pytest.fixture
def worker_client(client, worker):
    return sign_in(client, worker)


@pytest.fixture
def assistant_client(client, assistant):
    return sign_in(client, assistant)
