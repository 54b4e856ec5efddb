"""The image form says what the Description is for (the alt text screen readers read out),
on the upload form and the image's own screen, and leaves it optional as Wagtail does."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from staff.names import EDITORS

pytestmark = pytest.mark.django_db


def test_the_description_says_what_it_is_for(client, django_user_model, starter_site):
    call_command("setup_groups", stdout=io.StringIO())
    editor = django_user_model.objects.create_user("ed")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    image = get_image_model().objects.create(title="Garden", file=get_test_image_file())
    for url in (reverse("wagtailimages:add"), reverse("wagtailimages:edit", args=[image.pk])):
        response = client.get(url)
        assert response.status_code == 200
        field = response.context["form"].fields["description"]
        assert not field.required
        page = " ".join(response.content.decode().split())
        assert "for people who cannot see it: screen readers read it out" in page
