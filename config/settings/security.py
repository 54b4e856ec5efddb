"""Security settings that read no environment variable (base.py imports them): staff
sign-in throttling (django-axes), sessions, the second factor (staff/twofactor.py), the
admin's Content-Security-Policy (config/admin_csp.py) and the Permissions-Policy.
docs/security.md explains each choice."""

from datetime import timedelta

from csp.constants import NONE, SELF, UNSAFE_INLINE

from staff import names  # the group names, defined once (no Django imports)

# Staff sign-in (docs/security.md). django-axes first: it refuses a locked-out sign-in
# before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After 10 failed sign-ins for one username (from anywhere), or from one address (for any
# username), signing in is refused for 30 minutes, right password or not. A superuser can
# unlock sooner: `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS`.
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=30)
# A successful sign-in clears the failures of its own username only (staff/lockout.py):
# axes' own reset would clear every username's failures from that address too.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "staff.views.locked_out"
# Lockouts are logged (logger "axes") without the start-up banner on every command.
AXES_VERBOSE = False
# The same client address as the forms' rate limit: behind DJANGO_TRUSTED_PROXY_COUNT proxies.
AXES_CLIENT_IP_CALLABLE = "pagecache.ratelimit.client_address"
# Password reset requests (staff/passwords.py): at most this many per email address, and
# per client address, per hour; the emails go out through the task worker.
PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
PASSWORD_RESET_LIMIT_PER_CLIENT = 10
PASSWORD_RESET_WINDOW = 60 * 60
# Admin sessions end after a working day without a request: each request saves the session,
# so the 8 hours count from the last one.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
# Second factor (django-otp, TOTP; staff/twofactor.py). Required for superusers and these
# groups, available to everyone; production always enforces it and exempts nobody.
TWO_FACTOR_ENFORCED = True
TWO_FACTOR_REQUIRED_GROUPS = [names.PUBLISHERS, names.MEMBERSHIP_TEAM]
TWO_FACTOR_EXEMPT_USERNAMES = []
OTP_TOTP_ISSUER = "Place and Belonging (NEU)"
# The secret shown while setting up an authenticator works only in that session, this long.
TWO_FACTOR_SET_UP_SECONDS = 10 * 60

# The admin's policy (config/admin_csp.py). Wagtail 8's admin runs inline scripts (InlinePanel
# and MultipleChooserPanel, e.g. a form's fields; the date and time pickers of every page's
# go-live and expiry dates) and sets inline styles throughout, so the enforced policy allows
# inline code but nothing from elsewhere; the report-only one shows what forbidding inline
# code would block. frame-src also gets VIDEO_FRAME_SOURCES, per response.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
}
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    **ADMIN_CONTENT_SECURITY_POLICY,
    "script-src": [SELF],
    "style-src": [SELF],
}
# Browser features no page of the site uses, refused to it and to every frame it embeds.
# Autoplay, encrypted media, full screen and picture-in-picture keep the browser's default
# (this site, and the frames its allow attribute names) for the video players; which
# players may be framed at all is the CSP's frame-src.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "ambient-light-sensor",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
