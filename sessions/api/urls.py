from django.urls import path

from sessions.api import speakers, views

urlpatterns = [
    path("schedule/", views.ScheduleJSONView.as_view(), name="schedule-json"),
    path("schedule.json", views.ScheduleFrabJSONView.as_view(), name="schedule-frab-json"),
    path("schedule.xml", views.ScheduleFrabXMLView.as_view(), name="schedule-frab-xml"),
    path("schedule.ics", views.ScheduleICalView.as_view(), name="schedule-ical"),
    path(
        "schedule/sessions/<id:session_id>/",
        views.SessionDetailView.as_view(),
        name="schedule-session",
    ),
    path("speakers/", speakers.SpeakersListView.as_view(), name="speakers-list"),
    path(
        "speakers/running-order/",
        speakers.RunningOrderView.as_view(),
        name="speakers-running-order",
    ),
    path("speakers.csv", speakers.SpeakersListCSVView.as_view(), name="speakers-list-csv"),
    path("speakers.pdf", speakers.SpeakersListPDFView.as_view(), name="speakers-list-pdf"),
    path("schedule/versions/", views.ReleaseListView.as_view(), name="schedule-versions"),
    path("schedule/changes/", views.ChangesView.as_view(), name="schedule-changes"),
]
