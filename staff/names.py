"""Every staff group and workflow name, defined once: the roles (roles.py) create them, the
settings, the admin's messages and the tests name them from here. Plain strings and no
imports, so that the settings may import this module."""

EDITORS = "Editors"
REVIEWERS = "Reviewers"
PUBLISHERS = "Publishers"
MEMBERSHIP_TEAM = "Membership team"

WORKFLOW_NAME = "Two-step approval"
# Each step of the workflow, in order, and the one group that approves it.
CONTENT_REVIEW = "Content review"
SIGN_OFF = "Sign-off"
WORKFLOW_STEPS = [CONTENT_REVIEW, SIGN_OFF]
STEP_APPROVERS = {CONTENT_REVIEW: REVIEWERS, SIGN_OFF: PUBLISHERS}

# Created by Wagtail's migrations; replaced by the groups and workflow above.
WAGTAIL_DEFAULT_GROUP = "Moderators"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
