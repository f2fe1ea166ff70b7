"""
Media in S3 (django-storages), against a local S3 server (moto's server
mode) started by the test: files round-trip, and an upload's renditions are
built and served from the bucket as they are from the disk.
"""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.test import Client
from moto.server import ThreadedMotoServer
from storages.backends.s3 import S3Storage

from core import renditions
from tests import files
from tests.factories import make_expert
from tests.html import parse

pytestmark = pytest.mark.django_db

BUCKET = "thinktank-media"
KEYS = {"access_key": "testing", "secret_key": "testing"}


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


@pytest.fixture
def s3(settings, s3_server):
    endpoint, client = s3_server
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **KEYS,
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "file_overwrite": False,
                "querystring_auth": False,
                "default_acl": None,
                "addressing_style": "path",
            },
        },
    }
    yield endpoint, client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])


def keys(client):
    return {
        item["Key"]
        for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    }


def test_a_file_round_trips_through_the_bucket(s3):
    endpoint, client = s3
    assert isinstance(storages["default"], S3Storage)
    name = default_storage.save("reports/a/report.pdf", ContentFile(b"%PDF-1.7 hello"))
    assert name in keys(client)
    assert default_storage.exists(name)
    assert default_storage.size(name) == 14
    with default_storage.open(name, "rb") as handle:
        assert handle.read() == b"%PDF-1.7 hello"
    assert default_storage.url(name) == f"{endpoint}/{BUCKET}/{name}"
    # Never overwritten: a second file of that name gets another.
    other = default_storage.save("reports/a/report.pdf", ContentFile(b"%PDF-1.7 other"))
    assert other != name
    default_storage.delete(name)
    assert not default_storage.exists(name)
    assert name not in keys(client)


def test_an_upload_and_its_renditions_live_in_the_bucket(
    s3, django_capture_on_commit_callbacks
):
    endpoint, client = s3
    expert = make_expert("Nadia Farouk")
    with django_capture_on_commit_callbacks(execute=True):
        expert.headshot = files.library_image(files.photo((1200, 900)), name="n.jpg")
        expert.save()
    expert.refresh_from_db()
    stored = keys(client)
    assert expert.headshot.file.name in stored
    planned = renditions.field_plan(expert.headshot, "profile")
    assert planned and {r.name for r in planned} <= stored

    page = parse(Client().get(expert.get_absolute_url()))
    sources = page.xpath("//img/@src | //source/@srcset")
    assert any(src.startswith(f"{endpoint}/{BUCKET}/") for src in sources), sources


def test_the_settings_choose_s3_from_the_environment():
    import os
    import subprocess
    import sys

    from django.conf import settings

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "o = s.STORAGES['default']; print(o['BACKEND'], o['OPTIONS']['bucket_name'], "
        "o['OPTIONS']['endpoint_url'], o['OPTIONS']['region_name'])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="thinktank.settings",
        DJANGO_S3_BUCKET="b",
        DJANGO_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        DJANGO_S3_REGION="eu-west-1",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "storages.backends.s3.S3Storage",
        "b",
        "http://127.0.0.1:9000",
        "eu-west-1",
    ]
