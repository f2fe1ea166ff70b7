"""
Load and fault drills (benchmarks, not tests): results in docs/operations.md.

Starts its own PostgreSQL (initdb into a temporary folder, binaries from
PG_BIN, port 5499, run as the ``postgres`` user when started as root) and its
own redis-server (port 6499), so that the machine's shared services are never
stopped; loads the demo institute; runs gunicorn with gunicorn.conf.py and the
task worker with `make serve`'s settings on 127.0.0.1:8499; then:

1. load: 64 connections for 60 s (public pages, search, admin sign-ins);
2. Redis stopped for 15 s during 45 s of load;
3. the worker stopped while images are saved, then started again;
4. PostgreSQL restarted during 40 s of load.

    .venv/bin/python -m bench.drills [--seconds 60] [--only load,redis,worker,postgres]

Everything it started is stopped at the end; the folder is removed.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench.load import run as load

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_PORT, REDIS_PORT, WEB_PORT = 5499, 6499, 8499
BASE = f"http://127.0.0.1:{WEB_PORT}"
TOKEN = "drill-token"


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


class Services:
    def __init__(self, folder: Path):
        self.folder = folder
        self.pg_data = folder / "pg"
        self.redis = self.web = self.worker = None
        self.env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("DJANGO_", "DATABASE_"))
            },
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/thinktank",
            "DJANGO_REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "drill-" + "x" * 50,
            "DJANGO_TASKS_BACKEND": "db",
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
            "DJANGO_STATIC_ROOT": str(folder / "static"),
            "DJANGO_HEALTHZ_TOKEN": TOKEN,
            "DJANGO_SECURE_HSTS_SECONDS": "3600",
            "GUNICORN_BIND": f"127.0.0.1:{WEB_PORT}",
            "GUNICORN_ACCESS_LOG": str(folder / "access.log"),
        }

    # PostgreSQL ---------------------------------------------------------
    def _as_postgres(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *map(str, command)], check=True, capture_output=True, text=True
        )

    def pg_init(self):
        self.pg_data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.pg_data, "postgres", "postgres")
            os.chmod(self.folder, 0o755)
        self._as_postgres(
            PG_BIN / "initdb",
            "-D",
            self.pg_data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.pg_start()
        self._as_postgres(
            PG_BIN / "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            PG_PORT,
            "-U",
            "postgres",
            "thinktank",
        )

    def pg_ctl(self, action, *extra):
        options = f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -k {self.pg_data} -c max_connections=200"
        self._as_postgres(
            PG_BIN / "pg_ctl",
            "-D",
            self.pg_data,
            "-l",
            self.pg_data / "server.log",
            "-o",
            options,
            "-w",
            action,
            *extra,
        )

    def pg_start(self):
        self.pg_ctl("start")

    # Redis ----------------------------------------------------------------
    def redis_start(self):
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def redis_stop(self):
        if self.redis:
            self.redis.terminate()
            self.redis.wait(10)
            self.redis = None

    # The site -------------------------------------------------------------
    def manage(self, *args):
        return subprocess.run(
            [PY, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )

    def prepare(self):
        self.manage("migrate", "--no-input")
        subprocess.run(
            [PY, "demo/build_demo.py", "--files"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        self.manage("import_content", "demo/content.json")
        self.manage("ensure_demo_users")
        self.manage("collectstatic", "--no-input")
        self.manage("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    def web_start(self):
        self.web_log = open(self.folder / "web.log", "a")  # noqa: SIM115
        self.web = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "--config",
                "gunicorn.conf.py",
                "thinktank.wsgi",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.web_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(lambda: status("/healthz") == 200, 60)

    def worker_start(self):
        self.worker_log = open(self.folder / "worker.log", "a")  # noqa: SIM115
        self.worker = subprocess.Popen(
            [
                PY,
                "manage.py",
                "db_worker",
                "--no-startup-delay",
                "--no-reload",
                "--interval",
                "1",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.worker_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def worker_stop(self):
        if self.worker:
            self.worker.send_signal(signal.SIGTERM)
            self.worker.wait(60)
            self.worker = None

    def stop_all(self):
        for process in (self.web, self.worker):
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        self.redis_stop()
        if (self.pg_data / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "fast")


def status(path, token=False):
    request = urllib.request.Request(BASE + path)
    if token:
        request.add_header("Authorization", f"Bearer {TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def health():
    request = urllib.request.Request(
        BASE + "/healthz", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        return json.loads(error.read())
    except OSError:
        return {"status": "no answer", "checks": {"queue": {}}}


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def during(load_seconds, events, concurrency):
    """Load for ``load_seconds`` while ``events`` ([(at_second, callable)]) happen."""
    happened = {}

    def schedule():
        start = time.monotonic()
        for at, action in events:
            time.sleep(max(0, at - (time.monotonic() - start)))
            log("event at", at, "s:", action.__name__)
            began = time.monotonic()
            action()
            happened[action.__name__] = round(time.monotonic() - began, 2)

    timer = threading.Thread(target=schedule)
    timer.start()
    result = load(BASE, load_seconds, concurrency, quiet=True)
    timer.join()
    result["events"] = happened
    return result


SAVE_IMAGES = """
import io
from django.core.files.base import ContentFile
from PIL import Image
from experts.models import Expert
from library.services import image_from_upload
for n, expert in enumerate(Expert.objects.order_by("pk")[:3]):
    buffer = io.BytesIO()
    Image.new("RGB", (1600 + n, 1200), (30 * n, 90, 160)).save(buffer, "JPEG")
    expert.headshot = image_from_upload(ContentFile(buffer.getvalue(), f"drill{n}.jpg"))
    expert.save()
    print(expert.headshot.file.name)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--only", default="load,redis,worker,postgres")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    folder = Path(tempfile.mkdtemp(prefix="thinktank-drills-"))
    services = Services(folder)
    results = {}
    try:
        log("PostgreSQL and Redis of our own in", folder)
        services.pg_init()
        services.redis_start()
        log("migrate, demo content, renditions")
        services.prepare()
        services.worker_start()
        services.web_start()
        # Warm up: every worker process opens its connections.
        load(BASE, 5, 16, quiet=True)

        if "load" in wanted:
            log(f"1. load: {args.concurrency} connections, {args.seconds} s")
            results["load"] = load(BASE, args.seconds, args.concurrency, quiet=True)
            log(json.dumps(results["load"]))

        if "redis" in wanted:
            log("2. Redis stopped from 10 s to 25 s of 45 s of load")
            results["redis"] = during(
                45,
                [(10, services.redis_stop), (25, services.redis_start)],
                args.concurrency,
            )
            web_log = (folder / "web.log").read_text()
            results["redis"]["outage_log_lines"] = web_log.count(
                "Page cache unreachable"
            )
            results["redis"]["recovery_log_lines"] = web_log.count(
                "Page cache reachable again"
            )
            log(json.dumps(results["redis"]))

        if "worker" in wanted:
            log("3. worker stopped; three images saved; worker started again")
            services.worker_stop()
            began = time.monotonic()
            saved = services.manage("shell", "-c", SAVE_IMAGES).stdout.split()
            save_seconds = round(time.monotonic() - began, 2)
            time.sleep(2)
            waiting = health()
            media = folder / "media"
            before = sorted(
                p.name
                for p in (media / "renditions").rglob("*")
                if any(Path(s).stem in str(p) for s in saved)
            )
            services.worker_start()
            began = time.monotonic()
            caught_up = wait_for(
                lambda: health()["checks"]["queue"].get("oldest_waiting_seconds") == 0,
                120,
            )
            catch_up = round(time.monotonic() - began, 1)
            after = [
                p
                for p in (media / "renditions").rglob("*")
                if any(Path(s).stem in str(p) for s in saved)
            ]
            results["worker"] = {
                "saves_succeeded": len(saved),
                "save_seconds_for_three": save_seconds,
                "queue_while_stopped": waiting["checks"]["queue"],
                "healthz_status_while_stopped": waiting["status"],
                "renditions_before_restart": len(before),
                "caught_up": caught_up,
                "catch_up_seconds": catch_up,
                "renditions_after": len(after),
            }
            log(json.dumps(results["worker"]))

        if "postgres" in wanted:
            log("4. PostgreSQL restarted at 10 s of 40 s of load")

            def restart_postgres():
                services.pg_ctl("restart", "-m", "fast")

            results["postgres"] = during(40, [(10, restart_postgres)], args.concurrency)
            results["postgres"]["healthz_after"] = health()["status"]
            results["postgres"]["gunicorn_pid_unchanged"] = services.web.poll() is None
            log(json.dumps(results["postgres"]))
    finally:
        services.stop_all()
        print(json.dumps(results, ensure_ascii=False, indent=1))
        (ROOT / "artifacts").mkdir(exist_ok=True)
        (ROOT / "artifacts" / "drills.json").write_text(json.dumps(results, indent=1))
        for name in ("web.log", "worker.log", "access.log"):
            if (folder / name).exists():
                shutil.copy(folder / name, ROOT / "artifacts" / f"drills-{name}")
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
