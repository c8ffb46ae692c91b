"""Reading a response body within bounds (sans-IO): a size cap on the decoded bytes.

The drivers read the raw (still compressed) bytes and feed them here. Decoding is done with
``max_length`` on every ``zlib`` call, so a tiny body that inflates to gigabytes (gzip inside
gzip included) stops at the cap without ever holding more than the cap in memory. httpx's own
decoders inflate each chunk whole, which is why they are not used for API bodies.
"""

from __future__ import annotations

import zlib

import httpx

from .errors import ResponseTooLarge, ServerError

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""64 MB decoded: a 1,000-record export page is about 1 MB."""
ACCEPT_ENCODING = "gzip, deflate"
"""The encodings :class:`BoundedBody` decodes, so the only ones asked for."""
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class _Inflater:
    """One ``Content-Encoding`` layer whose output never exceeds ``limit`` bytes in total."""

    def __init__(self, encoding: str, limit: int) -> None:
        self._encoding = encoding
        self._inflate = zlib.decompressobj(_WBITS[encoding])
        self._room = limit
        self._first = True

    def feed(self, data: bytes) -> bytes:
        try:
            out = self._inflate.decompress(data, self._room + 1)
        except zlib.error:
            if not (self._first and self._encoding == "deflate"):
                raise
            # Some servers send raw deflate without the zlib header (httpx accepts both).
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflate.decompress(data, self._room + 1)
        self._first = False
        self._room -= len(out)
        if self._room < 0:
            raise OverflowError
        return out


class BoundedBody:
    """Decodes a body chunk by chunk; raises :class:`ResponseTooLarge` past ``limit`` bytes."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._url = response.request.url
        self._limit = limit
        encodings = [
            token.strip().lower()
            for token in response.headers.get("Content-Encoding", "").split(",")
            if token.strip() and token.strip().lower() != "identity"
        ]
        unknown = [name for name in encodings if name not in _WBITS]
        if unknown:
            raise ServerError(
                f"The response from {self._url.path} uses an unsupported encoding "
                f"({', '.join(unknown)[:100]}).",
                hint="Only gzip and deflate are asked for; a proxy may have changed the answer.",
            )
        # Applied in the order listed, so undone in reverse.
        self._layers = [_Inflater(name, limit) for name in reversed(encodings)]
        self._chunks: list[bytes] = []
        self._size = 0

    def feed(self, data: bytes) -> None:
        try:
            for layer in self._layers:
                data = layer.feed(data)
        except OverflowError:
            raise _too_large(self._url, self._limit) from None
        except zlib.error:
            raise ServerError(
                f"The response from {self._url.path} could not be decompressed.",
                hint="The API or a proxy in between sent a broken body; retry later.",
            ) from None
        self._size += len(data)
        if self._size > self._limit:
            raise _too_large(self._url, self._limit)
        self._chunks.append(data)

    def content(self) -> bytes:
        """The decoded body so far (all of it, once every raw chunk was fed)."""
        return b"".join(self._chunks)


def _too_large(url: httpx.URL, limit: int) -> ResponseTooLarge:
    return ResponseTooLarge(
        f"The response from {url.path} is larger than {limit:,} bytes decoded; it was not "
        "read further.",
        hint="Ask for less (a smaller limit or a narrower time range), or raise the "
        "connector's max_response_bytes if such answers are expected.",
    )


def read_before(response: httpx.Response, limit: int) -> bool:
    """Whether the body was read before the driver got it (a mock transport, an event hook).

    httpx decoded it then, unbounded; it is still held to the size cap.
    """
    if not response.is_stream_consumed:
        return False
    if len(response.content) > limit:
        raise _too_large(response.request.url, limit)
    return True
