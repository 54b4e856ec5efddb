from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    """The case studies: their index and pages, their choices (region, phase) and filters,
    the teaser block, and `BodyStreamBlock`, the body every page type uses. Builds on core
    and video."""

    name = "casestudies"
    verbose_name = "Case studies"
