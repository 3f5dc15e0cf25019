"""Charts drawn on the server as inline SVG: no script, no CDN, printable. Every chart is
shown beside a table of the same figures, which is what assistive technology reads, so the
SVG itself is hidden from it."""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 210
BAR_WIDTH = 260
VALUE_WIDTH = 70


def horizontal_bars(bars: Sequence[tuple[str, float | None, str]]) -> SafeString:
    """Bars of (label, value, value text); a None value (a hidden small count) draws no bar."""
    largest = max((value or 0 for _label, value, _text in bars), default=0) or 1
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = max(1, len(bars)) * (BAR_HEIGHT + GAP)
    parts = [
        f'<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" aria-hidden="true" focusable="false">'
    ]
    for index, (label, value, text) in enumerate(bars):
        y = index * (BAR_HEIGHT + GAP)
        short = label if len(label) <= 30 else label[:29] + "…"
        length = 0 if value is None else max(1.0, BAR_WIDTH * value / largest)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end" '
            f'class="bar-label">{escape(short)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'class="bar"></rect>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" '
            f'class="bar-value">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
