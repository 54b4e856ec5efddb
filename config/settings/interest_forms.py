"""Settings of the interest forms (the getinvolved app), imported by base.py: retention,
the rate limits, confirmation emails and the delivery of notification emails.
docs/forms-and-privacy.md explains each."""

import environ

env = environ.Env()

# Submissions older than this are deleted by `manage.py purge_old_submissions`.
SUBMISSION_RETENTION_MONTHS = env.int("SUBMISSION_RETENTION_MONTHS", default=24)
# Finished task records (a password reset's holds the address typed): deleted by it too.
TASK_RESULT_RETENTION_DAYS = env.int("TASK_RESULT_RETENTION_DAYS", default=1)
# The rate limit counts two things per form and client address over a sliding window
# (seconds): accepted submissions (a school or conference behind one address sends many),
# and bot signals (honeypot filled, form token missing or forged, sent too fast). Past either
# limit, that address's posts to that form are refused until the window slides on. Typos and
# expired forms count towards neither.
FORM_RATE_LIMIT = env.int("FORM_RATE_LIMIT", default=60)
FORM_BOT_SIGNAL_LIMIT = env.int("FORM_BOT_SIGNAL_LIMIT", default=20)
FORM_RATE_LIMIT_WINDOW = env.int("FORM_RATE_LIMIT_WINDOW", default=600)
# At most this many confirmation emails to one recipient address per day: nobody can make
# the site mail a stranger over and over.
FORM_CONFIRMATIONS_PER_ADDRESS = env.int("FORM_CONFIRMATIONS_PER_ADDRESS", default=3)
FORM_CONFIRMATION_WINDOW = 24 * 60 * 60
# The cache holding those counters (getinvolved.protection.counters()): the one every web
# process shares. If it cannot be reached, forms are accepted (fail open).
FORM_RATE_LIMIT_CACHE = "shared"
# A form sent sooner than this after it was displayed is treated as automated.
FORM_MIN_FILL_SECONDS = 3
# A displayed form can be sent for this long; after that the member is asked to send again.
FORM_TOKEN_MAX_AGE = 24 * 60 * 60
# How many proxies in front of Django append to X-Forwarded-For: 0 (Django serves clients
# directly: REMOTE_ADDR), 1 (nginx), 2 (a CDN in front of nginx). The client is the entry
# that many places from the end; entries further left are the client's own claims and are
# ignored. Used by the forms' rate limit and the sign-in lockout alike.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# Notification emails: attempts before giving up, and the first retry delay (doubling).
FORM_EMAIL_MAX_ATTEMPTS = 8
FORM_EMAIL_RETRY_SECONDS = 60
# A delivery still "Sending" this long after a worker claimed it was left by a worker that
# stopped mid-send (killed, or its machine restarted): `manage.py run_worker` sends it again,
# when it starts and every TASK_WORKER_HEARTBEAT_SECONDS. Far longer than EMAIL_TIMEOUT, so a
# slow send that is still going is never taken for a stuck one.
FORM_EMAIL_STUCK_AFTER_SECONDS = env.int("FORM_EMAIL_STUCK_AFTER_SECONDS", default=15 * 60)
TASK_WORKER_HEARTBEAT_SECONDS = 60
