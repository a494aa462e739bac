"""Files handed to a person who was allowed to see them: uploads served through a view that
checked who asks (never at a media address), and documents made on the fly."""

from django.http import FileResponse, Http404, HttpResponse


def private_file(field_file, *, content_type, filename=None, as_attachment=False):
    """An uploaded file, or 404 when there is none or it is gone from the storage."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        handle, content_type=content_type, filename=filename or "", as_attachment=as_attachment
    )


def pdf_download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
