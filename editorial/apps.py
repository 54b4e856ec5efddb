from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The admin in editors' words: the publishing rule (publishing.py, the one place that
    decides who publishes directly), the rules on deleting and cancelling a review, the views
    and messages of each approval step, the warnings after saving, "Discard draft", the
    restricted history and the editor's guide. Content apps' models and blocks never import
    it; their wagtail_hooks.py may."""

    name = "editorial"
    verbose_name = "Editorial admin"
