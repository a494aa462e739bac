"""Delegates' photos: checked by their content, re-encoded, stripped of their metadata.

Re-encoding with Pillow keeps only the pixels: EXIF (GPS positions, camera serials), ICC and
comments go, and so does anything a crafted file hid after the image data.
"""

import io

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from delegations.errors import InvalidPhoto

MAX_BYTES = 5 * 1024 * 1024
MIN_WIDTH, MIN_HEIGHT = 400, 500
# Far above any passport photo; refuses decompression bombs before they are decoded.
MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG"}


def clean_photo(upload) -> ContentFile:
    """The photo as a new JPEG, or `InvalidPhoto` saying what is wrong with it."""
    if upload.size > MAX_BYTES:
        raise InvalidPhoto(_("The photo is larger than 5 MB."))
    data = upload.read()
    image_format = None
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise InvalidPhoto()
        if width * height > MAX_PIXELS:
            raise InvalidPhoto(_("The photo has too many pixels."))
        if width < MIN_WIDTH or height < MIN_HEIGHT:
            raise InvalidPhoto(
                _("The photo is %(width)s x %(height)s pixels; it needs at least 400 x 500.")
                % {"width": width, "height": height}
            )
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=90, optimize=True)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses far above our limit itself, and warns (an error under the tests'
        # warning filter) between its two thresholds: either way, a bomb is never decoded.
        raise InvalidPhoto(_("The photo has too many pixels.")) from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        if image_format in ACCEPTED_FORMATS:
            raise InvalidPhoto(
                _("The photo file is damaged or incomplete: export it again and upload it.")
            ) from exc
        raise InvalidPhoto() from exc
    return ContentFile(out.getvalue(), name="photo.jpg")
