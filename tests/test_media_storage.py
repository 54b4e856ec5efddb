"""With AWS_STORAGE_BUCKET_NAME set, production keeps uploads on S3-compatible storage, so
that several web machines serve the same images (issue 10). The S3 server here is moto's
server mode, a local process on a loopback port."""

import json
import shutil
import subprocess

import boto3
import pytest

from tests.production import run_with_production_settings
from tests.servers import free_port, wait_for_port

BUCKET = "belonging-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture
def s3_server():
    executable = shutil.which("moto_server")
    assert executable, "moto_server is missing: pip install 'moto[server]' (pyproject's test extra)"
    port = free_port()
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    wait_for_port(port, "moto_server", seconds=30)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    process.terminate()
    process.wait(timeout=10)


UPLOAD = """
import io, json
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

call_command("migrate", verbosity=0)
buffer = io.BytesIO()
PILImage.new("RGB", (640, 360), (74, 28, 107)).save(buffer, format="PNG")
image = get_image_model().objects.create(
    title="Uploaded", file=ImageFile(buffer, name="uploaded.png")
)
rendition = image.get_rendition("fill-320x180")
print(json.dumps({"file": image.file.name, "url": image.file.url, "rendition": rendition.url}))
"""


def test_an_uploaded_image_and_its_rendition_land_in_the_bucket(
    s3_server, tmp_path, migrated_sqlite
):
    endpoint, client = s3_server
    result = run_with_production_settings(
        UPLOAD,
        DATABASE_URL=migrated_sqlite,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        MEDIA_ROOT=str(tmp_path / "not-used"),
        **CREDENTIALS,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    uploaded = json.loads(result.stdout.splitlines()[-1])

    stored = {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert uploaded["file"] in stored
    assert any(key.startswith("images/") and "fill-320x180" in key for key in stored)
    # Plain links (no signature that expires while a cached page still shows them).
    assert uploaded["url"] == f"{endpoint}/{BUCKET}/{uploaded['file']}"
    assert "?" not in uploaded["rendition"]
    assert not (tmp_path / "not-used").exists(), "nothing written to the local disk"


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    result = run_with_production_settings(
        "from django.conf import settings\nprint(settings.STORAGES['default']['BACKEND'])"
    )
    assert result.stdout.split()[-1] == "django.core.files.storage.FileSystemStorage"
