"""gunicorn settings for Sigap, read automatically by `gunicorn lms.wsgi`.

One worker process per core, each with a few threads so that a request waiting on
PostgreSQL does not hold a core idle; keep-alive for clients that reuse connections.
Every value can be overridden from the environment (or on the command line).
The benchmark (`make bench`) serves through exactly this file.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then so that a slow leak can never take a node down: at
# the ~30 requests per second a process serves at a national peak, every half hour
# or so. (At 5,000 a saturated worker was recycled every few seconds and the
# benchmark measured restarts, not pages.)
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = 5000
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
# Import Django and Wagtail once, in the master: a worker that is started (or
# recycled, see max_requests) is then a fork, ready at once, sharing the loaded code.
# A deployment restarts gunicorn (HUP does not reload code that is preloaded).
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"


def pre_fork(server, worker):
    """What Django and Wagtail loaded lives as long as the worker: keep it out of
    the garbage collector's full passes, which otherwise scan it all (measured:
    about 110 ms, once every ~500 lesson pages). Frozen before the fork, the
    objects also stay shared between workers instead of being copied."""
    gc.freeze()


def post_worker_init(worker):
    """The same for what the worker loaded itself (when not preloaded)."""
    gc.freeze()
