"""For the admin's multiple-upload screens (images, documents): whether to offer "Delete"."""

from django import template
from wagtail.permissions import policy_registry

register = template.Library()


@register.simple_tag(takes_context=True)
def may_delete_upload(context, instance):
    """Whether the signed-in user may delete what they have just uploaded. A new upload not
    saved yet (a possible duplicate) is their own to discard; a saved image or document
    needs the delete permission (Publishers), which Editors do not have."""
    request = context.get("request")
    if request is None:
        return False
    if instance is None or instance.pk is None:
        return True
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(request.user, "delete", instance)
