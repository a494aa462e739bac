"""gunicorn settings for production (`gunicorn config.wsgi --config config/gunicorn.py`).

Web processes hold no state, so capacity grows by adding hosts behind the load balancer; on one
host it grows with WEB_CONCURRENCY.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("WEB_THREADS", "1"))
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, staggered, so a slow leak never takes the site down on the day.
max_requests = 2000
max_requests_jitter = 200
# The TLS proxy in front sets X-Forwarded-*: trust only the addresses the deployer names.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# Invitation, password-reset and agenda tokens are masked in the access log (config/access_log.py).
logger_class = "config.access_log.RedactingLogger"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# gunicorn's control socket has one path per user (~/.gunicorn/gunicorn.ctl): two instances on one
# host would share it. Nothing of ours uses it.
control_socket_disable = True
