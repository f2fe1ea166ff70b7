"""
A load generator for the drills (bench/drills.py): CONCURRENCY clients, each
on its own keep-alive connection, for SECONDS, on a mix of public pages,
search and admin sign-ins. An error is a status other than 200, 302 or 304,
or no answer within 30 s (gunicorn's own timeout). Only 127.0.0.1 is ever a target. Prints and
returns the counts, the errors per second and latency percentiles.

    .venv/bin/python -m bench.load http://127.0.0.1:8499 --seconds 60 --concurrency 64
"""

import argparse
import http.client
import json
import random
import re
import statistics
import threading
import time
from collections import Counter, defaultdict
from urllib.parse import urlencode, urlsplit

PUBLIC = [
    "/",
    "/policy-analysis",
    "/experts",
    "/ar/",
    "/ar/policy-analysis",
    "/feeds/latest.rss",
]
SEARCHES = ["water", "iran", "energy", "sanctions", "gulf", "المياه"]
#: Share of each kind of request.
MIX = (("page", 0.80), ("search", 0.17), ("login", 0.03))
LOGIN = ("editor", "editor")
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    def __init__(self, base, timeout=30):
        parts = urlsplit(base)
        assert parts.hostname in ("127.0.0.1", "localhost"), (
            "drills target this machine only"
        )
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.connection = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout
                )
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (
                http.client.RemoteDisconnected,
                BrokenPipeError,
                ConnectionResetError,
            ):
                # The server closed a kept-alive connection: once more, afresh.
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            if response.headers.get("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, data
        raise AssertionError("unreachable")


def one(client, kind, pages):
    if kind == "page":
        return [client.request("GET", random.choice(pages))[0]]
    if kind == "search":
        return [
            client.request(
                "GET", "/search?" + urlencode({"q": random.choice(SEARCHES)})
            )[0]
        ]
    client.cookies.clear()
    status, page = client.request("GET", "/admin/login/")
    token = CSRF.search(page)
    if status != 200 or not token:
        return [status if status != 200 else 599]
    body = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "username": LOGIN[0],
            "password": LOGIN[1],
            "next": "/admin/",
        }
    )
    status2, _ = client.request(
        "POST",
        "/admin/login/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": "/admin/login/",
        },
    )
    # A sign-in succeeds with a redirect to the admin.
    return [status, 200 if status2 == 302 else status2]


def run(base, seconds=60, concurrency=64, pages=None, quiet=False):
    pages = pages or PUBLIC
    start = time.monotonic()
    stop_at = start + seconds
    lock = threading.Lock()
    latencies = defaultdict(list)
    statuses = Counter()
    per_second = defaultdict(Counter)
    kinds, weights = zip(*MIX, strict=True)

    def worker():
        client = Client(base)
        while (now := time.monotonic()) < stop_at:
            kind = random.choices(kinds, weights)[0]
            try:
                codes = one(client, kind, pages)
            except (OSError, http.client.HTTPException) as error:
                codes = [type(error).__name__]
                client.connection = None
                time.sleep(0.05)
            took = time.monotonic() - now
            second = int(now - start)
            with lock:
                latencies[kind].append(took)
                for code in codes:
                    statuses[code] += 1
                    ok = code in (200, 302, 304)
                    per_second[second]["ok" if ok else "error"] += 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    elapsed = time.monotonic() - start
    every = sorted(t for values in latencies.values() for t in values)
    total = sum(statuses.values())
    errors = sum(n for code, n in statuses.items() if code not in (200, 302, 304))

    def pct(values, p):
        values = sorted(values)
        return (
            round(values[min(len(values) - 1, int(len(values) * p))] * 1000)
            if values
            else None
        )

    result = {
        "seconds": round(elapsed, 1),
        "concurrency": concurrency,
        "requests": total,
        "per_second": round(total / elapsed, 1),
        "errors": errors,
        "statuses": {str(k): v for k, v in statuses.most_common()},
        "p50_ms": pct(every, 0.50),
        "p95_ms": pct(every, 0.95),
        "p99_ms": pct(every, 0.99),
        "by_kind": {
            kind: {
                "n": len(v),
                "p50_ms": pct(v, 0.5),
                "p99_ms": pct(v, 0.99),
                "mean_ms": round(statistics.mean(v) * 1000),
            }
            for kind, v in latencies.items()
        },
        "error_seconds": sorted(s for s, c in per_second.items() if c["error"]),
    }
    if not quiet:
        print(json.dumps(result, ensure_ascii=False))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    run(args.base, args.seconds, args.concurrency)


if __name__ == "__main__":
    main()
