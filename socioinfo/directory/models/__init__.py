"""The directory's tables, split by concept; import them from here."""

from socioinfo.directory.models.contact import ContactKind, ContactPoint
from socioinfo.directory.models.location import Location
from socioinfo.directory.models.organisation import LegalForm, Organisation, RecordSource
from socioinfo.directory.models.schedule import OpeningException, OpeningRule, Weekday
from socioinfo.directory.models.service import (
    Service,
    ServiceAtLocation,
    ServiceFormOffer,
    ServiceQuerySet,
    ServiceStatus,
)
from socioinfo.directory.models.taxonomy import (
    AccessibilityFeature,
    AgeGroup,
    CapacityUnit,
    Language,
    LifeSituation,
    ServiceForm,
    ServiceType,
    TargetGroup,
)

__all__ = [
    "AccessibilityFeature",
    "AgeGroup",
    "CapacityUnit",
    "ContactKind",
    "ContactPoint",
    "Language",
    "LegalForm",
    "LifeSituation",
    "Location",
    "OpeningException",
    "OpeningRule",
    "Organisation",
    "RecordSource",
    "Service",
    "ServiceAtLocation",
    "ServiceForm",
    "ServiceFormOffer",
    "ServiceQuerySet",
    "ServiceStatus",
    "ServiceType",
    "TargetGroup",
    "Weekday",
]
