"""IČO checksum and phone validation with messages that say what to fix."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from socioinfo.directory.validators import is_valid_ico, normalize_ico, validate_ico


@pytest.mark.parametrize("ico", ["00216224", "44992785", "25596641", "27074358"])
def test_real_icos_pass_the_checksum(ico):
    assert is_valid_ico(ico)


@pytest.mark.parametrize("ico", ["44992784", "12345678", "4499278", "abcdefgh", ""])
def test_wrong_icos_fail(ico):
    assert not is_valid_ico(ico)


def test_registry_ico_without_leading_zeros_is_padded():
    assert normalize_ico("216224") == "00216224"
    assert is_valid_ico("216224")


def test_checksum_error_message_is_czech_and_names_the_value():
    with translation.override("cs"), pytest.raises(ValidationError) as error:
        validate_ico("44992784")
    message = error.value.messages[0]
    assert "44992784" in message
    assert "kontrolní" in message


def test_format_error_message_says_eight_digits():
    with translation.override("cs"), pytest.raises(ValidationError) as error:
        validate_ico("12ab")
    assert "8 číslic" in error.value.messages[0]
