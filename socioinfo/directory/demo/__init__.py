"""The demo directory: invented Brno providers on real streets, plus the real Socio-info
Centre. ``load_demo()`` replaces every record whose source is "demo" and nothing else."""

from socioinfo.directory.demo.builder import (
    SOCIO_INFO_CENTRE_ORGANISATION_ID,
    SOCIO_INFO_CENTRE_SERVICE_ID,
    DemoReport,
    clear_demo,
    load_demo,
)

__all__ = [
    "SOCIO_INFO_CENTRE_ORGANISATION_ID",
    "SOCIO_INFO_CENTRE_SERVICE_ID",
    "DemoReport",
    "clear_demo",
    "load_demo",
]
