"""No input of any size or character makes the form endpoint fail (acceptance 3)."""

from urllib.parse import quote_from_bytes

from django.test import Client
from formhelpers import REGISTER_FIELD_NAMES, form_token
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELD_NAMES = [
    *REGISTER_FIELD_NAMES,
    "privacy-consent",
    "website-address",
    "form-token",
    "csrfmiddlewaretoken",
]

# Any text, including NUL and other control characters, and some very long values.
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    st.sampled_from(["\x00", "\x00" * 300, "=cmd|' /C calc'!A0", "London", "on", "x" * 70_000]),
)
any_value = st.one_of(any_text, st.lists(any_text, max_size=5))
any_post = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=20)), any_value, max_size=15
)

FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=any_post, with_token=st.booleans())
def test_any_form_post_gets_an_answer_not_an_error(register_form, data, with_token):
    client = Client()  # a fresh member each time, so no state leaks between examples
    if with_token:
        data = {**data, "form-token": form_token(client, register_form)}
    response = client.post(register_form.url, data)
    assert response.status_code in (200, 302, 400, 429)


@FUZZ
@given(
    body=st.binary(max_size=3000),
    content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain"]
    ),
)
def test_any_raw_body_gets_an_answer_not_an_error(register_form, body, content_type):
    # Raw bytes: invalid UTF-8, broken percent-encoding and malformed multipart included.
    response = Client().post(register_form.url, body, content_type=content_type)
    assert response.status_code in (200, 400, 429)


@FUZZ
@given(raw=st.binary(max_size=500))
def test_invalid_utf8_in_every_field_gets_an_answer(register_form, raw):
    client = Client()
    token = form_token(client, register_form)
    body = "&".join(f"{name}={quote_from_bytes(raw)}" for name in FIELD_NAMES[:-2])
    body += f"&form-token={token}"
    response = client.post(
        register_form.url, body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 302, 400, 429)
