"""Uploaded files served to staff through the console only, never at a media address."""

from django.http import FileResponse, Http404


def private_file(field_file, *, filename, content_type):
    """Uploaded files are served to staff through the console only, never at a media address."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, filename=filename, content_type=content_type)
