import pytest


@pytest.fixture
def planning_demo(db):
    """The whole planning demo (Brno's plan, projects, monitoring, groups, the draft in
    consultation), built for today, so that its consultation is open now."""
    from socioinfo.planning.demo import load_planning_demo

    return load_planning_demo()
