from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Who people are and what they may do: the staff groups, their permissions and the
    approval workflow (names.py, roles.py), the second factor at sign-in (django-otp TOTP),
    the page shown when sign-in is locked (django-axes), and the image and document
    permission policies."""

    name = "staff"
    verbose_name = "Staff accounts"

    def ready(self):
        # After wagtail.images and wagtail.documents (INSTALLED_APPS order), replacing the
        # policies they registered.
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_published, published

        from . import lockout  # noqa: F401 - connects its signal receiver
        from .collections import DeleteNeedsPermissionPolicy
        from .live_media import index_what_goes_live

        for signal in (page_published, published):
            signal.connect(index_what_goes_live, dispatch_uid="staff.index_what_goes_live")

        for model, auth_model in (
            (get_image_model(), "wagtailimages.Image"),
            (get_document_model(), "wagtaildocs.Document"),
        ):
            register_permission_policy(
                model,
                DeleteNeedsPermissionPolicy(
                    model, auth_model=auth_model, owner_field_name="uploaded_by_user"
                ),
            )
