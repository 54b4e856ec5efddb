"""Language of parts (WCAG 3.1.2): editors mark a Welsh phrase inside English text, or an
English phrase inside Welsh text, with two inline styles in the rich-text toolbar ("CY" and
"EN"). Stored as ``<span lang="cy">`` and ``<span lang="en-GB">``, so screen readers switch
voice; Wagtail's own inline styles (InlineStyleFeature) do the work, registered in
wagtail_hooks.py and offered in every rich text editors use (blocks.RICH_TEXT_FEATURES)."""

from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature

# Feature name, Draftail style, toolbar label, its description, the stored lang attribute.
LANGUAGES = (
    ("lang-cy", "LANG_CY", "CY", "Welsh phrase", "cy"),
    ("lang-en", "LANG_EN", "EN", "English phrase", "en-GB"),
)


def register(features):
    """The register_rich_text_features hook (wagtail_hooks.py)."""
    for name, style, label, description, lang in LANGUAGES:
        control = {"type": style, "label": label, "description": description}
        features.register_editor_plugin("draftail", name, InlineStyleFeature(control))
        element = {"element": "span", "props": {"lang": lang}}
        features.register_converter_rule(
            "contentstate",
            name,
            {
                "from_database_format": {f'span[lang="{lang}"]': InlineStyleElementHandler(style)},
                "to_database_format": {"style_map": {style: element}},
            },
        )
