"""Wagtail's moderation e-mails through the portal's outbox (home/outbox.py).

Wagtail sends its workflow notifications ("submitted for review", "approved", "changes requested")
straight to the mail server: a failure is logged and the mail is lost, and nobody sees it in Settings →
Outbox. These notifiers are Wagtail's own, with one change: each mail is stored in the outbox in the
submitter's transaction and sent (and retried) by the outbox's task.

They are connected under Wagtail's own `dispatch_uid`s in `HomeConfig.ready()`. This app is listed before
`wagtail.admin` in INSTALLED_APPS, so it is ready first, and Django does not connect a second receiver
under a `dispatch_uid` already taken: Wagtail's direct senders are never connected.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from home.outbox import queue_email


class OutboxEmails:
    """Replaces Wagtail's `EmailNotificationMixin.send_emails`: one outbox entry per recipient."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        for recipient in recipients:
            context["user"] = recipient
            language = recipient.wagtail_userprofile.get_preferred_language()
            with override(language):
                subject = render_to_string(template_set["subject"], context).strip()
                text = render_to_string(template_set["text"], context).strip()
                html = ""
                if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                    html = render_to_string(template_set["html"], context)
            queue_email([recipient.email], subject, text, body_html=html, language=language)
        return True


class TaskSubmissionEmails(OutboxEmails, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionEmails(OutboxEmails, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovalEmails(OutboxEmails, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionEmails(OutboxEmails, WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, notifier, Wagtail's dispatch_uid: wagtail/admin/signal_handlers.py)
NOTIFIERS = [
    (task_submitted, TaskState, TaskSubmissionEmails(), "group_approval_task_submitted_email_notification"),
    (
        workflow_submitted,
        WorkflowState,
        WorkflowSubmissionEmails(),
        "workflow_state_submitted_email_notification",
    ),
    (
        workflow_rejected,
        WorkflowState,
        WorkflowRejectionEmails(),
        "workflow_state_rejected_email_notification",
    ),
    (
        workflow_approved,
        WorkflowState,
        WorkflowApprovalEmails(),
        "workflow_state_approved_email_notification",
    ),
]


def connect():
    for signal, sender, notifier, dispatch_uid in NOTIFIERS:
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
