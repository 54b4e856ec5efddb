"""The site's languages (the bilingual app), imported by base.py: English (unprefixed
addresses) and Welsh (under /cy/), Wagtail's own translation of pages, and the Welsh
catalogue of the site's words (locale/cy/). README "Welsh and English" explains them."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# Welsh named in Welsh: the language switcher and Wagtail's locale lists show these.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Editors work in an English admin (Wagtail's admin is only partly translated into Welsh).
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en-gb", "English")]

# Added to INSTALLED_APPS by base.py: the locales' admin (Settings → Locales), "Translate"
# on pages and snippets (copies for the translator), and this site's own app.
LANGUAGE_APPS = ["bilingual", "wagtail.locales", "wagtail.contrib.simple_translation"]
# The language comes from the address only (never a header or cookie): see bilingual/middleware.py.
LANGUAGE_MIDDLEWARE = "bilingual.middleware.LanguageFromPathMiddleware"
