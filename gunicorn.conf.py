"""
gunicorn's settings for `make serve` and deploy/thinktank-web.service.

Every value can be changed from the environment (GUNICORN_*). Threads let a
worker keep answering readers while one of its requests waits on the
database; processes use both cores.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that runs longer than this is killed (its worker restarted):
# nothing the site does should take 30 s; heavy work goes to the task worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak never grows unbounded.
max_requests = 5000
max_requests_jitter = 500
# Requests wait here when every thread is busy.
backlog = 2048
# No control socket in the home folder (gunicorn 27 makes one by default).
control_socket_disable = True
# The access log on standard output, with the request id the site logs.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms id=%({x-request-id}o)s "%(a)s"'
proc_name = "thinktank"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
