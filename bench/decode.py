"""
What an image upload costs in the editor's request and in the task worker
(a benchmark, not a test): results in docs/operations.md.

For each picture (a one-colour PNG of 8000 × 5000 pixels, 126 KB, the
largest the pixel limit allows; a photo-like JPEG of 3000 × 2000 with a
camera's EXIF; a one-colour PNG of 10 000 × 10 000, over the pixel limit), two
fresh processes under the production task backend (``db``):

1. **request**: a signed-in editor's admin POST adding an expert with the
   picture as headshot (the response, the queued task);
2. **worker**: ``manage.py db_worker --batch`` running the queued renditions.

Each reports its wall time and how far the action raised the process's peak
resident memory (``VmHWM`` after the action, reset just before it, minus the resident
size then; the process is warmed up first, so Django's own memory is not
counted).

    DATABASE_URL=postgres://... .venv/bin/python -m bench.decode [--only png,jpeg]

The database must be migrated; the experts it adds are deleted at the end.
"""

import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")


def pictures(folder: Path) -> dict[str, Path]:
    from PIL import Image

    sys.path.insert(0, str(ROOT))
    from tests import files

    made = {}
    png = folder / "one-colour-8000x5000.png"
    buffer = io.BytesIO()
    Image.new("RGB", (8000, 5000), (40, 90, 160)).save(buffer, "PNG")
    png.write_bytes(buffer.getvalue())
    made["png"] = png
    big = folder / "one-colour-10000x10000.png"
    buffer = io.BytesIO()
    Image.new("RGB", (10000, 10000), (40, 90, 160)).save(buffer, "PNG")
    big.write_bytes(buffer.getvalue())
    made["png100"] = big
    jpeg = folder / "photo-3000x2000.jpg"
    # As a camera writes it: EXIF with a position, turned a quarter.
    jpeg.write_bytes(
        files.photo((3000, 2000), exif=files.gps_exif(orientation=6), quality=92)
    )
    made["jpeg"] = jpeg
    return made


def _status_kib(key):
    text = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE).group(1))


def _reset_peak():
    """Start the peak (VmHWM) again from the current resident size; that size."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_kib("VmRSS")


def _peak_kib():
    return _status_kib("VmHWM")


def child(phase: str, path: str, name: str):
    """Run one phase in this (fresh) process and print its numbers as JSON."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from experts.models import Expert
    from tests.admin_forms import errors, fill, form_data

    result = {"phase": phase, "picture": Path(path).name}
    if phase == "request":
        user, _ = get_user_model().objects.get_or_create(
            username="bench-decode", defaults={"is_staff": True, "is_superuser": True}
        )
        client = Client()
        client.force_login(user)
        url = reverse("admin:experts_expert_add")
        data = fill(form_data(client.get(url)), name_en=name, name_ar=name)
        data.pop("slug", None)
        data["slug"] = [name.lower().replace(" ", "-")]
        content = Path(path).read_bytes()
        upload = SimpleUploadedFile(Path(path).name, content, "image/png")
        before, started = _reset_peak(), time.perf_counter()
        response = client.post(url, {**data, "headshot": upload})
        result["seconds"] = round(time.perf_counter() - started, 2)
        result["peak_mib"] = round((_peak_kib() - before) / 1024, 1)
        result["status"] = response.status_code
        if response.status_code != 302:
            result["errors"] = errors(response)
        expert = Expert.objects.filter(name_en=name).first()
        result["stored_bytes"] = (
            expert.headshot.file.size if expert and expert.headshot else None
        )
    else:
        # Warm up the code the task runs (on a small picture) first.
        from PIL import Image

        from core import renditions

        small = Image.new("RGB", (64, 36))
        for fmt in renditions.FORMATS:
            renditions.render(
                small,
                renditions.SPECS["card"],
                (50, 50),
                renditions.Rendition("x", 32, 18, fmt),
            )
        before, started = _reset_peak(), time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
        result["seconds"] = round(time.perf_counter() - started, 2)
        result["peak_mib"] = round((_peak_kib() - before) / 1024, 1)
        expert = Expert.objects.filter(name_en=name).first()
        if expert:
            from core import renditions

            result["renditions"] = len(renditions.expected_names(expert.headshot))
            result["renditions_present"] = sum(
                expert.headshot.file.storage.exists(n)
                for n in renditions.expected_names(expert.headshot)
            )
    print(json.dumps(result))


def run_phase(phase, path, name, env):
    out = subprocess.run(
        [PY, "-m", "bench.decode", "--child", phase, str(path), name],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def cleanup(env):
    code = (
        "import django; django.setup()\n"
        "from experts.models import Expert\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "Expert._base_manager.filter(name_en__startswith='Bench Decode').delete()\n"
        "DBTaskResult.objects.all().delete()\n"
    )
    subprocess.run([PY, "-c", code], cwd=ROOT, env=env, check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=3)
    parser.add_argument("--only", default="png,jpeg,png100")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "thinktank.settings",
            "DJANGO_DEBUG": "1",
            "DJANGO_TASKS_BACKEND": "db",
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
            "DJANGO_LOG_LEVEL": "ERROR",
        }
        made = pictures(folder)
        cleanup(env)
        try:
            for key in args.only.split(","):
                name = f"Bench Decode {key}"
                for phase in ("request", "worker"):
                    result = run_phase(phase, made[key], name, env)
                    result["file_kb"] = made[key].stat().st_size // 1000
                    print(json.dumps(result))
        finally:
            cleanup(env)


if __name__ == "__main__":
    main()
