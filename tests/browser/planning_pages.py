"""The public planning pages for the browser checks (axe, 360 px, 640 px): one URL of each
page type on the demo server, found by following the site's own links."""

from socioinfo.planning.demo import PLAN_SLUG


def planning_page_types(base: str, page) -> dict[str, str]:
    page.goto(base + "/plans/")
    consultation = page.locator("section[aria-labelledby='consultations-title'] a").first
    consultation = consultation.get_attribute("href")
    settled = page.locator("section[aria-labelledby='settled-title'] a").first
    settled = settled.get_attribute("href")
    page.goto(base + settled)
    diff = page.locator("table.settlement a[href*='/versions/']").first.get_attribute("href")
    page.goto(base + "/working-groups/seniori/")
    meeting = page.locator("a[href^='/meetings/']").first.get_attribute("href")
    plan = f"/plans/{PLAN_SLUG}/"
    page.goto(base + plan)
    action_plan = page.locator("a[href*='/action-plans/']").first.get_attribute("href")
    return {
        "plans": "/plans/",
        "plan": plan,
        "plan-goal": plan + "items/A/",
        "plan-measure": plan + "items/A1.2/",
        "plan-progress": plan + "progress/",
        "plan-evaluation": plan + "evaluation/",
        "plan-print": plan + "print/",
        "action-plan": action_plan,
        "consultation": consultation,
        "consultation-comment": consultation + "comment/B2.1.a/",
        "consultation-settled": settled,
        "item-diff": diff,
        "working-groups": "/working-groups/",
        "meetings-calendar": "/working-groups/calendar/",
        "working-group": "/working-groups/seniori/",
        "meeting": meeting,
        "project": "/projects/podpora-stabilizace-ohrozenych-rodin/",
    }
