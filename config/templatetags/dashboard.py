"""The console's dashboard, drawn on the server: numbers that link to lists, and SVG bars."""

from django import template

from config.dashboard import current_conference, dashboard

register = template.Library()

BAR_HEIGHT = 22


@register.inclusion_tag("admin/dashboard_panel.html", takes_context=True)
def conference_dashboard(context):
    request = context["request"]
    conference = current_conference(request.GET.get("conference"))
    if conference is None:
        return {"board": None}
    board = dashboard(conference)
    return {
        "board": board,
        "invitation_bars": _bars(board.invitations),
        "delegation_bars": _bars(board.delegations),
        "conferences": type(conference).objects.order_by("-start_date").values("slug", "name"),
    }


def _bars(figures):
    """Horizontal bars scaled to the largest figure, as plain SVG geometry."""
    largest = max((f.value for f in figures), default=0) or 1
    return {
        "height": BAR_HEIGHT * len(figures),
        "rows": [
            {
                "figure": f,
                "y": i * BAR_HEIGHT,
                "text_y": i * BAR_HEIGHT + 15,
                "width": round(220 * f.value / largest),
                "value_x": 130 + round(220 * f.value / largest) + 6,
            }
            for i, f in enumerate(figures)
        ],
    }
