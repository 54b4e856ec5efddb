import re

from django import forms

# Only ASCII digits: str.isdigit() also accepts "¹²³⁴⁵⁶" and other scripts' digits, which
# int() then refuses (or reads as another number).
SIX_DIGITS = re.compile(r"[0-9]{6}")
# Recovery codes are base32 ("abcd-efgh"): letters and digits, as ASCII.
RECOVERY_CODE = re.compile(r"[a-z0-9]{8}")


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="Six digits. A new code appears every 30 seconds.",
        max_length=20,
        error_messages={"required": "Enter the six-digit code your authenticator app shows."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())  # "123 456" as some apps show it
        if not SIX_DIGITS.fullmatch(code):
            raise forms.ValidationError("Enter the six digits your authenticator app shows.")
        return code


class RecoveryCodeForm(forms.Form):
    recovery_code = forms.CharField(
        label="Recovery code",
        help_text="One of the codes you saved when you set up two-factor authentication.",
        max_length=40,
        error_messages={"required": "Enter one of your recovery codes."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_recovery_code(self):
        # As typed: "ABCD-EFGH", "abcd efgh"; stored as "abcdefgh".
        code = "".join(self.cleaned_data["recovery_code"].lower().replace("-", " ").split())
        if not RECOVERY_CODE.fullmatch(code):
            raise forms.ValidationError(
                "Enter one of your recovery codes: eight letters and digits, like abcd-efgh."
            )
        return code
