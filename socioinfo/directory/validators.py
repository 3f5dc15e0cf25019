"""Validators for Czech identifiers and contact values, with messages that say what to fix."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ICO_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def ico_check_digit(first_seven: str) -> int:
    """The eighth digit of an IČO computed from the first seven (modulo 11 rule)."""
    total = sum(int(d) * w for d, w in zip(first_seven, ICO_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def normalize_ico(value: str) -> str:
    """Strip spaces and pad to eight digits (registries often drop leading zeros)."""
    digits = re.sub(r"\s+", "", value or "")
    if digits.isdigit() and len(digits) < 8:
        digits = digits.zfill(8)
    return digits


def is_valid_ico(value: str) -> bool:
    digits = normalize_ico(value)
    return len(digits) == 8 and digits.isdigit() and ico_check_digit(digits[:7]) == int(digits[7])


def validate_ico(value: str) -> None:
    digits = normalize_ico(value)
    if not (len(digits) == 8 and digits.isdigit()):
        raise ValidationError(
            _("IČO must have 8 digits (e.g. 44992785); you entered “%(value)s”."),
            code="ico_format",
            params={"value": value},
        )
    if ico_check_digit(digits[:7]) != int(digits[7]):
        raise ValidationError(
            _("IČO “%(value)s” fails the checksum: please check for a mistyped digit."),
            code="ico_checksum",
            params={"value": value},
        )


PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()/-]{5,20}$")


def validate_phone(value: str) -> None:
    if not PHONE_RE.match(value.strip()):
        raise ValidationError(
            _("Enter a phone number of digits, e.g. +420 542 173 830; “%(value)s” is not one."),
            code="phone",
            params={"value": value},
        )
