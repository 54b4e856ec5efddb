"""Which tests are marked ``any_database`` (tests/conftest.py)."""

# Tests that exercise nothing database-specific, marked ``any_database``: `make test-postgres`
# (the PostgreSQL run of .ci/run) leaves them out, the SQLite run has them. The browser tests
# (Chromium drives the same views on either database; PostgreSQL's search, snapshot backups,
# locks and outage keep their own non-browser tests), the edge tests (HTTP caching in
# Varnish; the production chain starts a PostgreSQL cluster of its own in either run), the
# architecture test (reads source files), and tests that run the production or development
# settings in a subprocess on an SQLite database or none.
ANY_DATABASE = (
    "tests/browser/",
    "tests/edge/",
    "tests/test_architecture.py",
    "tests/test_docs.py",
    "tests/bilingual/test_catalogue.py",
    "tests/test_settings.py",
    "tests/getinvolved/test_forms_settings.py",
    "tests/test_media_storage.py",
    "tests/security/test_redis_full.py",
    "tests/test_redis_outage.py::test_production_settings_with_redis_unreachable",
    "tests/test_cdn.py::test_the_cdn_is_configured_from_the_environment",
    "tests/test_csp.py::test_production_frames_only_the_real_players",
    "tests/test_video.py::test_production_uses_wagtails_real_oembed_finder",
    "tests/test_public_address.py::test_production_sitemap_canonical_links_and_robots_use_",
    "tests/security/test_sqlite_busy.py::test_production_settings_give_a_sqlite_database_",
    "tests/security/test_sqlite_busy.py::test_two_writers_at_once_both_succeed_under_the_",
    "tests/security/test_sqlite_busy.py::test_the_development_settings_do_the_same",
    "tests/security/test_deploy_settings.py::test_check_deploy_reports_nothing_",
    "tests/security/test_deploy_settings.py::test_every_silenced_check_has_a_written_reason",
    "tests/security/test_deploy_settings.py::test_production_refuses_a_weak_secret_key",
    "tests/security/test_deploy_settings.py::test_production_accepts_a_long_random_secret_key",
    "tests/security/test_deploy_settings.py::test_documents_are_served_only_through_wagtails_",
    "tests/security/test_deploy_settings.py::test_manage_py_refuses_development_settings_",
    "tests/security/test_sign_in.py::test_the_login_throttle_settings_are_productions",
    "tests/security/test_sign_in.py::test_development_exempts_the_local_admin_and_production_",
)
