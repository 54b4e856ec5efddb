from django.urls import path

from .views import page_view

urlpatterns = [path("view", page_view, name="insights_page_view")]
