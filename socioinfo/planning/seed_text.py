"""Reads the text of Brno's plan 2019–2028 as the city published it (copied to
``data/planning/``) into plain data: the plan, its primary goal, sub-goals, priorities and
measures with responsibility and time frame exactly as written, and the projects.

Plain functions over plain data, so the parser is tested without the database. The text
has the irregularities of a web page and is kept as it is: a time frame after a full stop
(``… informací. (průběžně – …)``), a missing dash (``průběžně OSP, OSZ + ASZ``), an
unclosed parenthesis (C2.3), a year written ``do 220`` (D3.3) and priorities whose time
frame stands on its own line (``(průběžně)``).
"""

import re
from dataclasses import dataclass, field

BULLET = "•"
# A measure's own time frame is its last parenthesis that starts with one of these.
TIME_FRAME_START = re.compile(r"\((?=průběžně|do \d|\d{4}\s*[–-])")
TIME_FRAME = re.compile(
    r"^(?P<frame>průběžně|do \d+|(?P<start>\d{4})\s*[–-]\s*(?P<end>\d{4}))"
    r"\s*(?:[–-]\s*)?(?P<rest>.*)$"
)
PLAN_TITLE = re.compile(
    r"^Plán (?P<start>\d{4})\s*-\s*(?P<end>\d{4}) pro hodnotu vize (?P<value>.+)$"
)


@dataclass
class TimeFrame:
    text: str = ""  # as written: "průběžně", "2018 – 2024", "do 2020"
    kind: str = "unspecified"  # ongoing | range | by_year | unspecified
    year_from: int | None = None
    year_to: int | None = None


@dataclass
class SeedItem:
    code: str
    text: str
    responsibility: str = ""
    time_frame: TimeFrame = field(default_factory=TimeFrame)
    children: list["SeedItem"] = field(default_factory=list)


@dataclass
class SeedProject:
    name: str
    description: str


@dataclass
class SeedPlan:
    name: str
    year_from: int
    year_to: int
    vision_value: str
    description: str
    primary_goal: SeedItem
    projects: list[SeedProject]


def parse_time_frame(text: str) -> tuple[TimeFrame, str]:
    """Split "průběžně – OSP, OSZ" into the time frame and the responsibility after it."""
    match = TIME_FRAME.match(text.strip())
    if not match:
        return TimeFrame(), text.strip()
    frame = match["frame"]
    rest = match["rest"].strip()
    if frame == "průběžně":
        return TimeFrame(frame, "ongoing"), rest
    if match["start"]:
        return TimeFrame(
            re.sub(r"\s*[–-]\s*", " – ", frame), "range", int(match["start"]), int(match["end"])
        ), rest
    year = int(frame.split()[1])
    # "do 220" stays as written; only a four-digit number is a year to compute with.
    return TimeFrame(frame, "by_year", None, year if year >= 1000 else None), rest


def split_measure(line: str) -> SeedItem:
    """ "A1.3 Podporovat pečující osoby (průběžně - OSP)" → code, text, time frame,
    responsibility."""
    code, text = line.split(" ", 1)
    starts = list(TIME_FRAME_START.finditer(text))
    if not starts:
        return SeedItem(code, text.strip())
    start = starts[-1].start()
    tail = text[start + 1 :].strip().rstrip(".").rstrip(")").strip()
    frame, responsibility = parse_time_frame(tail)
    return SeedItem(code, text[:start].strip(), responsibility, frame)


def parse_plan(text: str) -> SeedPlan:
    """The whole document: the plan's tree and the projects listed before it."""
    lines = [line.strip() for line in text.splitlines()]
    title_at = next(i for i, line in enumerate(lines) if PLAN_TITLE.match(line))
    projects = _parse_projects(lines[:title_at])
    title = PLAN_TITLE.match(lines[title_at])
    assert title is not None
    body = lines[title_at + 1 :]
    goal_at = next(i for i, line in enumerate(body) if line.startswith("Primární cíl:"))
    description = "\n\n".join(line for line in body[:goal_at] if line and line != "Projekty")
    primary = SeedItem("", body[goal_at].split(":", 1)[1].strip())
    _parse_tree(primary, [line for line in body[goal_at + 1 :] if line])
    return SeedPlan(
        name=lines[title_at],
        year_from=int(title["start"]),
        year_to=int(title["end"]),
        vision_value=title["value"].strip(),
        description=description,
        primary_goal=primary,
        projects=projects,
    )


def _parse_projects(lines: list[str]) -> list[SeedProject]:
    texts = [line for line in lines if line and line != "Projekty"]
    return [
        SeedProject(name, description)
        for name, description in zip(texts[::2], texts[1::2], strict=True)
    ]


def _parse_tree(primary: SeedItem, lines: list[str]) -> None:
    goal: SeedItem | None = None
    priority: SeedItem | None = None
    expect_text_of: SeedItem | None = None
    for line in lines:
        if expect_text_of is not None:
            expect_text_of.text = line
            expect_text_of = None
        elif match := re.fullmatch(r"Dílčí cíl ([A-Z])", line):
            goal = SeedItem(match[1], "")
            primary.children.append(goal)
            expect_text_of = goal
        elif match := re.fullmatch(r"Priorita ([A-Z]\d+)", line):
            if goal is None:
                raise ValueError(f"priority before any sub-goal: {line}")
            priority = SeedItem(match[1], "")
            goal.children.append(priority)
            expect_text_of = priority
        elif line.startswith("Zodpovědnost:") and priority is not None:
            priority.responsibility = line.split(":", 1)[1].strip()
        elif line.startswith("(") and line.endswith(")") and priority is not None:
            priority.time_frame, _rest = parse_time_frame(line[1:-1])
        elif line.startswith(BULLET) and priority is not None:
            priority.children.append(split_measure(line.lstrip(BULLET).strip()))
        else:
            raise ValueError(f"unexpected line in the plan: {line[:80]}")
