"""
Serving uploaded files in development (``DEBUG``).

In production the web server (or the S3 bucket / CDN) serves ``MEDIA_URL`` and
must send the same headers: ``docs/images.md`` lists them.
"""

from django.views.static import serve

#: The headers every response for an uploaded file carries.
MEDIA_HEADERS = {
    # Browsers must not guess a type from the content: an image stays an image
    # even if its bytes were to look like HTML.
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
}
#: For images only (Chromium will not show a PDF in a sandboxed document): if
#: one were ever rendered as a document, it could run and fetch nothing.
IMAGE_CSP = "default-src 'none'; sandbox"


def serve_media(request, path, document_root=None):
    response = serve(request, path, document_root=document_root)
    for header, value in MEDIA_HEADERS.items():
        response.headers[header] = value
    if not path.lower().endswith(".pdf"):
        response.headers["Content-Security-Policy"] = IMAGE_CSP
    return response
