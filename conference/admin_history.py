"""The console's history pages: they show past versions and never write.

django-simple-history's "revert" page saves its form on POST with only the view permission, and
brings back state fields (a revoked badge, a revoked invitation, a delegation's status) that only
the services may change. Every model's history is kept, and read, through this admin instead:
its version pages answer GET only and show no button that would save. An organiser who wants an
old value back types it in the change page, under the change permission and the services' rules.
"""

from django.http import HttpResponseNotAllowed
from simple_history.admin import SimpleHistoryAdmin


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history pages are read-only for everyone."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return super().history_form_view(request, object_id, version_id, extra_context)
