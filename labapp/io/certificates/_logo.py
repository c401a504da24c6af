"""The lab's logo as a certificate may print it: PNG or JPEG, at most 1 MiB, decodable.

Checked where a logo comes in (the lab settings form, ``labapp-cli lab set --logo``) and again by
the settings service before it is stored; the database bounds the column as well (migration 0014).
The file's own bytes decide what it is (its magic number, then a full decode), never its name.
"""

from __future__ import annotations

import io
import warnings

from labapp.io.certificates._errors import CertificateError

__all__ = ["MAX_LOGO_BYTES", "logo_media_type"]

#: the largest logo stored (a letterhead logo is a few tens of kB)
MAX_LOGO_BYTES = 1024 * 1024
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png", "PNG"), (b"\xff\xd8\xff", "image/jpeg", "JPEG"))
#: the most pixels decoded: a small file must not unpack into gigabytes (a "decompression bomb")
_MAX_PIXELS = 40_000_000


def logo_media_type(data: bytes) -> str:
    """``"image/png"`` or ``"image/jpeg"`` for a logo LabApp accepts.

    Raises
    ------
    CertificateError
        ``logo_size`` (empty or above :data:`MAX_LOGO_BYTES`), ``logo`` (not a PNG or JPEG
        image by its magic bytes, or one that does not decode).
    """
    if not data or len(data) > MAX_LOGO_BYTES:
        raise CertificateError("logo_size", {"size": len(data), "limit": MAX_LOGO_BYTES // 1024})
    found = next(((media, fmt) for magic, media, fmt in _MAGIC if data.startswith(magic)), None)
    if found is None:
        raise CertificateError("logo")
    media, fmt = found
    try:
        with warnings.catch_warnings():
            from PIL import Image  # Pillow on first use: the desktop's start loads no imaging

            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[fmt]) as image:
                if image.width * image.height > _MAX_PIXELS:
                    raise CertificateError("logo")
                image.load()  # decodes every pixel: a truncated or forged file fails here
    except CertificateError:
        raise
    except Exception as exc:  # PIL raises many kinds (OSError, SyntaxError, ...) for bad data
        raise CertificateError("logo") from exc
    return media
