"""Loading the demo as `make run` does, for the tests of this package."""

from io import StringIO

from django.core.management import call_command


def load_demo():
    """Run `load_demo`; the first line it prints is hanoi2025's (the rehearsal's follow)."""
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue().strip().splitlines()[0]
