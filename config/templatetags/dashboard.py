"""The console's dashboard, drawn on the server: numbers that link to lists, and SVG bars."""

from django import template
from django.utils.translation import get_language_bidi

from config.dashboard import current_conference, dashboard

register = template.Library()

BAR_HEIGHT = 22
WIDTH = 400  # the SVG's viewBox
LABELS = 130  # the labels' column, before the bars
LONGEST_BAR = 220


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
        "conferences": type(conference).objects.order_by("-start_date"),
    }


def _bars(figures):
    """Horizontal bars scaled to the largest figure, as plain SVG geometry: labels first, bars
    growing away from them, so mirrored in a right-to-left language. SVG text inherits the
    page's direction, and in it a text's x is where it starts: its right end in Arabic."""
    largest = max((f.value for f in figures), default=0) or 1
    rtl = get_language_bidi()
    rows = []
    for i, f in enumerate(figures):
        width = round(LONGEST_BAR * f.value / largest)
        bar_x, value_x = LABELS, LABELS + width + 6
        if rtl:
            bar_x, value_x = WIDTH - LABELS - width, WIDTH - LABELS - width - 6
        rows.append(
            {
                "figure": f,
                "y": i * BAR_HEIGHT,
                "text_y": i * BAR_HEIGHT + 15,
                "label_x": WIDTH if rtl else 0,
                "bar_x": bar_x,
                "width": width,
                "value_x": value_x,
            }
        )
    return {"height": BAR_HEIGHT * len(figures), "rows": rows}
