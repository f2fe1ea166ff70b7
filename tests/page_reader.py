"""
A reader in a process of its own, for the page-cache tests across processes.

Run with the project's Python and DATABASE_URL set; it answers each path read
from standard input with one JSON line: the status, whether the page cache
served it, and the page's <h1>.
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thinktank.settings")
django.setup()

from django.test import Client
from lxml import html

client = Client()
print(json.dumps({"ready": os.getpid()}), flush=True)
for line in sys.stdin:
    path = line.strip()
    response = client.get(path)
    heading = ""
    if response.status_code == 200:
        found = html.fromstring(response.content).xpath("string(//h1)")
        heading = " ".join(found.split())
    print(
        json.dumps(
            {
                "status": response.status_code,
                "cache": response.headers.get("X-Page-Cache"),
                "h1": heading,
            }
        ),
        flush=True,
    )
